package io.tlsdoctor.core.report;

import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;

/**
 * The formats a summary is saved or copied in. The command line ({@code --out FILE}) and the wizard (Save as, Copy)
 * both go through {@link #render} and {@link #save}, so a file says the same wherever it was made.
 */
public enum SummaryFormat {
    /** One self-contained page to open in a browser, print, or read on a phone. */
    HTML("html", "htm"),
    /** Markdown that reads as plain text too: for pasting into a ticket. */
    MARKDOWN("md", "markdown", "txt"),
    /** The summary itself ({@value DiagnosisSummary#SCHEMA}), to open read-only in the wizard. */
    JSON("json");

    private final List<String> extensions;

    SummaryFormat(String... extensions) {
        this.extensions = List.of(extensions);
    }

    /** The usual extension, without the dot: {@code html}, {@code md}, {@code json}. */
    public String extension() {
        return extensions.get(0);
    }

    /** The format a file name asks for by its extension (.html/.htm, .md/.markdown/.txt, .json). */
    public static SummaryFormat forFileName(String fileName) throws UserFacingException {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        int slash = Math.max(lower.lastIndexOf('/'), lower.lastIndexOf('\\'));
        String extension = dot > slash ? lower.substring(dot + 1) : "";
        for (SummaryFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return format;
            }
        }
        throw new UserFacingException("summary.error.format", List.of(fileName), null);
    }

    public String render(DiagnosisSummary summary) {
        return switch (this) {
            case HTML -> SummaryLayout.render(summary, new HtmlSink());
            case MARKDOWN -> SummaryLayout.render(summary, new MarkdownSink());
            case JSON -> Json.pretty(summary) + "\n";
        };
    }

    /** The comparison of many servers in this format: the same sinks as the one-server summary. */
    public String render(FleetSummary summary) {
        return switch (this) {
            case HTML -> FleetLayout.render(summary, new HtmlSink());
            case MARKDOWN -> FleetLayout.render(summary, new MarkdownSink());
            case JSON -> Json.pretty(summary) + "\n";
        };
    }

    /** The comparison as plain text, for the console and the wizard's preview. */
    public static String readable(FleetSummary summary) {
        return FleetLayout.render(summary, new TextSink());
    }

    /** Writes the comparison to {@code file} in this format, as {@link #write(DiagnosisSummary, Path)} does. */
    public void write(FleetSummary summary, Path file) throws UserFacingException {
        writeAtomically(render(summary).getBytes(StandardCharsets.UTF_8), file);
    }

    /** Writes the comparison in the format its extension names; returns that format. */
    public static SummaryFormat save(FleetSummary summary, Path file) throws UserFacingException {
        SummaryFormat format = forFileName(
                file.getFileName() == null
                        ? file.toString()
                        : file.getFileName().toString());
        format.write(summary, file);
        return format;
    }

    /**
     * The summary as plain text to read on screen (the wizard's preview, the review window) or paste into a ticket
     * system that shows text as it is: the same content as every format, without markup.
     */
    public static String readable(DiagnosisSummary summary) {
        return SummaryLayout.render(summary, new TextSink());
    }

    /**
     * Writes the summary to {@code file} in this format (UTF-8), through a temporary file beside it so that a
     * failed write never leaves half a summary under the real name.
     */
    public void write(DiagnosisSummary summary, Path file) throws UserFacingException {
        writeAtomically(render(summary).getBytes(StandardCharsets.UTF_8), file);
    }

    private static void writeAtomically(byte[] bytes, Path file) throws UserFacingException {
        Path target = file.toAbsolutePath();
        Path temporary = null;
        try {
            Path folder = target.getParent();
            if (folder != null) {
                Files.createDirectories(folder);
            }
            temporary = Files.createTempFile(folder, ".tlsdoctor-summary", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the write already failed; that is what the user is told
                }
            }
            EventLog.of(SummaryFormat.class).log(Level.WARNING, e, () -> "could not write " + file);
            throw new UserFacingException("summary.error.write", IoProblem.argsFor(file, e), e);
        }
    }

    /** Writes the summary to {@code file} in the format its extension names; returns that format. */
    public static SummaryFormat save(DiagnosisSummary summary, Path file) throws UserFacingException {
        SummaryFormat format = forFileName(
                file.getFileName() == null
                        ? file.toString()
                        : file.getFileName().toString());
        format.write(summary, file);
        return format;
    }
}
