package io.tlsdoctor.core.report;

import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.core.text.Version;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * "Save a support bundle": one .zip a helpdesk user can attach to a ticket, with TLS Doctor's logs, the case's
 * summary as JSON (when there is a case), the backups of its changes, and a {@code manifest.txt} saying what is in
 * it, from where, and what was missing. Redacted on request with the summary's rules, summary and files sharing one
 * set of placeholders. Written through a temporary file beside the target and moved into place, so a failure leaves
 * no half bundle; an existing file is replaced only when asked.
 */
public final class SupportBundle {

    /** A file bigger than this is listed in the manifest but left out (a log file is at most 1 MB). */
    public static final long FILE_LIMIT = 16L * 1024 * 1024;

    private static final java.util.logging.Logger LOG = EventLog.of(SupportBundle.class);
    /** What can be redacted: text this program writes or reads. Anything else is left out of a redacted bundle. */
    private static final List<String> TEXT_ENDINGS = List.of(".log", ".txt", ".json", ".reg", ".csv", ".md", ".sha256");

    /** A folder on this computer, copied into the bundle under {@code name} (e.g. {@code logs/user}). */
    public record Source(String name, Path folder) {}

    /** What goes in: the folders, the case's summary (null without a case), single files (e.g. the saved case). */
    public record Contents(List<Source> folders, DiagnosisSummary summary, List<Source> files) {
        public Contents {
            folders = List.copyOf(folders);
            files = List.copyOf(files);
        }
    }

    /** What was written: the bundle's entries, and the manifest's text. */
    public record Written(Path file, List<String> entries, String manifest) {}

    private record Entry(String name, byte[] bytes, boolean text) {}

    private final Clock clock;

    public SupportBundle(Clock clock) {
        this.clock = clock;
    }

    /**
     * Writes the bundle to {@code target}.
     *
     * @throws UserFacingException {@code bundle.error.exists} when it exists and {@code replace} is false,
     *                             {@code bundle.error.noFolder}, {@code .denied} or {@code .cannotWrite} when it cannot be
     *                             written there
     */
    public Written write(Contents contents, boolean redact, Path target, boolean replace) throws UserFacingException {
        if (Files.isDirectory(target)) {
            throw new UserFacingException("bundle.error.isFolder", List.of(target.toString()), null);
        }
        if (Files.exists(target) && !replace) {
            throw new UserFacingException("bundle.error.exists", List.of(target.toString()), null);
        }
        List<Entry> entries = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Source source : contents.folders()) {
            collectFolder(source, redact, entries, notes);
        }
        for (Source file : contents.files()) {
            collectFile(file.name(), file.folder(), redact, entries, notes, "");
        }
        DiagnosisSummary summary = contents.summary();
        List<String> texts = new ArrayList<>();
        for (Entry entry : entries) {
            texts.add(entry.text() ? decode(entry.bytes()) : null);
        }
        String manifestHead = manifestHead(redact, summary != null);
        String manifestBody = String.join("\n", notes) + "\n";
        texts.add(manifestBody);
        if (redact) {
            List<String> redactable =
                    texts.stream().map(t -> t == null ? "" : t).toList();
            Redaction.Result result = Redaction.of(summary, redactable);
            summary = result.summary();
            texts = new ArrayList<>(result.texts());
        }
        List<Entry> written = new ArrayList<>();
        String manifest = manifestHead + texts.get(texts.size() - 1);
        written.add(new Entry("manifest.txt", manifest.getBytes(StandardCharsets.UTF_8), true));
        if (summary != null) {
            written.add(new Entry(
                    "case/summary.json", SummaryFormat.JSON.render(summary).getBytes(StandardCharsets.UTF_8), true));
        }
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            written.add(redact ? new Entry(entry.name(), texts.get(i).getBytes(StandardCharsets.UTF_8), true) : entry);
        }
        writeAtomically(target, written, replace);
        LOG.info(() -> "support bundle saved" + (redact ? " (redacted)" : "") + ": " + written.size() + " entries");
        return new Written(target, written.stream().map(Entry::name).toList(), manifest);
    }

    private String manifestHead(boolean redact, boolean withCase) {
        return "TLS Doctor support bundle\n"
                + "created: " + clock.instant() + "\n"
                + "TLS Doctor: " + Version.current() + "\n"
                + "Java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor")
                + ")\n"
                + "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch") + "\n"
                + "redacted: "
                + (redact ? "yes (host names, domains, addresses and user names replaced as in the summary)" : "no")
                + "\n"
                + "case: " + (withCase ? "case/summary.json" : "none (no case was open)") + "\n\n";
    }

    private static void collectFolder(Source source, boolean redact, List<Entry> entries, List<String> notes) {
        Path folder = source.folder();
        if (!Files.isDirectory(folder)) {
            notes.add(source.name() + "/ <- " + folder + ": missing");
            return;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            // a .lck is java.util.logging's lock beside an open log: empty, and no use to a reader
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".lck"))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            notes.add(source.name() + "/ <- " + folder + ": could not be read (" + e.getMessage() + ")");
            return;
        }
        if (files.isEmpty()) {
            notes.add(source.name() + "/ <- " + folder + ": empty");
            return;
        }
        notes.add(source.name() + "/ <- " + folder + ":");
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            collectFile(source.name() + "/" + relative, file, redact, entries, notes, "  ");
        }
    }

    private static void collectFile(
            String name, Path file, boolean redact, List<Entry> entries, List<String> notes, String indent) {
        String shown = indent + name;
        try {
            long size = Files.size(file);
            if (size > FILE_LIMIT) {
                notes.add(shown + ": left out, " + size + " bytes (more than " + FILE_LIMIT + ")");
                return;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            // wizard.0.log.1: java.util.logging's name for the log of a second wizard open at the same time
            boolean text = TEXT_ENDINGS.stream().anyMatch(lower::endsWith) || lower.matches(".*\\.log\\.[0-9]+");
            if (redact && !text) {
                notes.add(shown + ": left out, not text, so it cannot be redacted");
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            entries.add(new Entry(name, bytes, text));
            notes.add(shown + ": " + bytes.length + " bytes");
        } catch (NoSuchFileException e) {
            notes.add(shown + ": missing (" + file + ")");
        } catch (IOException e) {
            notes.add(shown + ": could not be read (" + e.getMessage() + ")");
        }
    }

    /** UTF-8, or UTF-16 with its byte-order mark (regedit's exports); a broken byte becomes U+FFFD. */
    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static void writeAtomically(Path target, List<Entry> entries, boolean replace) throws UserFacingException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".partial");
            try (OutputStream out = Files.newOutputStream(temporary);
                    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Entry entry : entries) {
                    ZipEntry zipEntry = new ZipEntry(entry.name());
                    zip.putNextEntry(zipEntry);
                    zip.write(entry.bytes());
                    zip.closeEntry();
                }
            }
            if (replace) {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else if (Files.exists(absolute)) {
                throw new FileAlreadyExistsException(absolute.toString()); // appeared while the bundle was written
            } else {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE);
            }
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw new UserFacingException("bundle.error.exists", List.of(target.toString()), e);
        } catch (NoSuchFileException e) {
            throw new UserFacingException(
                    "bundle.error.noFolder", List.of(target.toString(), String.valueOf(folder)), e);
        } catch (AccessDeniedException e) {
            throw new UserFacingException("bundle.error.denied", List.of(target.toString(), String.valueOf(folder)), e);
        } catch (IOException | SecurityException e) {
            throw new UserFacingException("bundle.error.cannotWrite", IoProblem.argsFor(target, e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray .partial in a folder we could not finish writing to
                }
            }
        }
    }
}
