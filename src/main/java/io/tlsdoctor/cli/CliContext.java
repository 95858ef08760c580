package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.Messages;

import java.io.InputStream;
import java.io.PrintWriter;

/** What every subcommand needs from its surroundings, so tests can run commands in memory. */
public record CliContext(Messages messages, InputStream stdin, PrintWriter out, PrintWriter err) {
}
