package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.text.Messages;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * What every subcommand needs from its surroundings, so tests can run commands in memory.
 *
 * @param checkpoint where a fix may be stopped by a test; always {@link FixCheckpoint#NONE} in the product
 * @param outBytes   the bytes under {@code out} (the process's standard output), for a large output that is visible
 *                   ASCII by construction and needs neither {@code out}'s guard nor its encoder ({@code logs --json});
 *                   null where {@code out} is all there is
 */
public record CliContext(
        Messages messages,
        InputStream stdin,
        PrintWriter out,
        PrintWriter err,
        FixCheckpoint checkpoint,
        OutputStream outBytes) {

    public CliContext(Messages messages, InputStream stdin, PrintWriter out, PrintWriter err) {
        this(messages, stdin, out, err, FixCheckpoint.NONE, null);
    }
}
