package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.text.Messages;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * What every subcommand needs from its surroundings, so tests can run commands in memory.
 *
 * @param checkpoint where a fix may be stopped by a test; always {@link FixCheckpoint#NONE} in the product
 */
public record CliContext(
        Messages messages, InputStream stdin, PrintWriter out, PrintWriter err, FixCheckpoint checkpoint) {

    public CliContext(Messages messages, InputStream stdin, PrintWriter out, PrintWriter err) {
        this(messages, stdin, out, err, FixCheckpoint.NONE);
    }
}
