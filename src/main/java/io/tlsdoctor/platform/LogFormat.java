package io.tlsdoctor.platform;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One record per line, {@code 2026-12-03T12:31:16.123Z INFO  wizard [thread] Class: message}, then the stack trace
 * of an error. Every further line of a record is indented, so no text a user pasted or a server sent can pass for a
 * record of its own; control characters are shown as {@code \x1b} escapes.
 */
final class LogFormat extends Formatter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final String INDENT = "    ";

    private final String writer;

    LogFormat(String writer) {
        this.writer = writer;
    }

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(128);
        line.append(TIME.format(record.getInstant()))
                .append(' ')
                .append(String.format("%-7s", record.getLevel().getName()))
                .append(' ')
                .append(writer)
                .append(" [")
                .append(Thread.currentThread().getName())
                .append("] ")
                .append(shortName(record.getLoggerName()))
                .append(": ");
        appendIndented(line, formatMessage(record));
        line.append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(INDENT);
            appendIndented(line, trace.toString().stripTrailing());
            line.append(System.lineSeparator());
        }
        return line.toString();
    }

    private static String shortName(String logger) {
        if (logger == null) {
            return "-";
        }
        int dot = logger.lastIndexOf('.');
        return dot < 0 ? logger : logger.substring(dot + 1);
    }

    private static void appendIndented(StringBuilder out, String text) {
        String value = text == null ? "null" : text;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                continue; // the \n that follows starts the new line
            }
            if (c == '\n' || c == '\r') {
                out.append(System.lineSeparator()).append(INDENT);
            } else if (c == '\t') {
                out.append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
    }
}
