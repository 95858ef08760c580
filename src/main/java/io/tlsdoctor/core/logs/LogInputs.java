package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.text.EventLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Turns what the user named (files, folders, .zip archives) into the list of log files to read. Inside folders and
 * archives only files named like protocol logs are taken; a file named explicitly is always tried.
 */
public final class LogInputs {

    /** Exchange's names: SENDyyyymmdd-n.LOG, RECVyyyymmddhh-n.LOG (the hour since 2013). */
    private static final Pattern LOG_NAME =
            Pattern.compile("^(SEND|RECV)\\d{8}(\\d{2})?-\\d+\\.log$", Pattern.CASE_INSENSITIVE);

    /** What was found: the files to read, those set aside, and the paths that do not exist. */
    public record Collected(List<LogSource> sources, List<SkippedFile> skipped, List<Path> missing) {
        public long totalBytes() {
            return sources.stream().mapToLong(s -> Math.max(0, s.size())).sum();
        }
    }

    private static final Logger LOG = EventLog.of(LogInputs.class);

    private LogInputs() {}

    public static boolean isLogName(String fileName) {
        return LOG_NAME.matcher(fileName).matches();
    }

    public static Collected collect(List<Path> paths) {
        List<LogSource> sources = new ArrayList<>();
        List<SkippedFile> skipped = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                missing.add(path);
            } else if (Files.isDirectory(path)) {
                walk(path, sources, skipped);
            } else if (isZip(path)) {
                addZip(path, sources, skipped);
            } else {
                addFile(path, sources, skipped);
            }
        }
        return new Collected(List.copyOf(sources), List.copyOf(skipped), List.copyOf(missing));
    }

    private static void walk(Path folder, List<LogSource> sources, List<SkippedFile> skipped) {
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (!attrs.isRegularFile()) {
                        return FileVisitResult.CONTINUE;
                    }
                    String name = file.getFileName().toString();
                    if (isLogName(name)) {
                        sources.add(new LogSource.OnDisk(file, attrs.size()));
                    } else if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                        addZip(file, sources, skipped);
                    } else {
                        skipped.add(new SkippedFile(file.toString(), SkipReason.NOT_A_LOG_NAME, null));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skipped.add(new SkippedFile(file.toString(), SkipReason.UNREADABLE, message(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            skipped.add(new SkippedFile(folder.toString(), SkipReason.UNREADABLE, message(e)));
        }
    }

    private static void addFile(Path file, List<LogSource> sources, List<SkippedFile> skipped) {
        try {
            sources.add(new LogSource.OnDisk(file, Files.size(file)));
        } catch (IOException e) {
            skipped.add(new SkippedFile(file.toString(), SkipReason.UNREADABLE, message(e)));
        }
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
        } catch (IOException e) {
            return false; // reading it properly will report it
        }
    }

    private static void addZip(Path archive, List<LogSource> sources, List<SkippedFile> skipped) {
        List<ZipDirectory.Entry> entries;
        try {
            entries = ZipDirectory.read(archive);
        } catch (ZipDirectory.TooManyEntries e) {
            skipped.add(new SkippedFile(
                    archive.toString(), SkipReason.TOO_MANY_ENTRIES, e.entries + " > " + ZipDirectory.MAX_ENTRIES));
            return;
        } catch (ZipException | java.io.EOFException e) {
            skipped.add(new SkippedFile(archive.toString(), SkipReason.DAMAGED_ARCHIVE, "zip: " + message(e)));
            return;
        } catch (IOException e) {
            skipped.add(new SkippedFile(archive.toString(), SkipReason.UNREADABLE, message(e)));
            return;
        }
        Set<String> names = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (ZipDirectory.Entry entry : entries) {
            if (!names.add(entry.name())) {
                repeated.add(entry.name());
            }
        }
        for (ZipDirectory.Entry entry : entries) {
            if (entry.isDirectory()) {
                continue;
            }
            LogSource.InZip source = new LogSource.InZip(archive, entry, repeated.contains(entry.name()));
            if (isLogName(source.fileName())) {
                sources.add(source);
            } else {
                skipped.add(new SkippedFile(source.displayName(), SkipReason.NOT_A_LOG_NAME, null));
            }
        }
    }

    /** The technical detail of a skip, for the log and the JSON output; a user's text shows only the reason. */
    static String message(Exception e) {
        LOG.log(Level.INFO, e, () -> "skipped a log input");
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
