package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.json.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a backup to its own folder before anything changes: {@code backup.json} (the truth the engine restores
 * from), {@code restore.reg} (the same for a human to import), {@code full-backup.reg} (every key the change could
 * matter to, whole), {@code plan.json} when there is one, and for a .reg store the whole file as it was. Every file is forced to disk before the first registry write, so even a power cut
 * leaves the way back. The folder is built under a hidden name and renamed when complete: a backup that fails half
 * way leaves no half folder that could later be mistaken for a way back.
 */
final class BackupFolder {

    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private BackupFolder() {}

    static Path write(Path root, Backup backup, FixPlan plan, String purpose, byte[] storeBefore, String fullBackup)
            throws IOException {
        Files.createDirectories(root);
        String name = NAME.format(backup.takenAt()) + "-" + purpose;
        Path partial = Files.createTempDirectory(root, ".partial-" + name + "-");
        try {
            writeDurably(partial.resolve(Backup.FILE), Json.pretty(backup).getBytes(StandardCharsets.UTF_8));
            String comment = "TLS Doctor: restores the values as they were before the change of " + backup.takenAt()
                    + " to " + backup.store() + ".\nValues that were absent before are deleted.";
            writeDurably(partial.resolve("restore.reg"), RegFileText.bytes(RegFileText.forRestore(backup, comment)));
            writeDurably(partial.resolve(Backup.FULL_BACKUP), RegFileText.bytes(fullBackup));
            if (plan != null) {
                writeDurably(partial.resolve("plan.json"), Json.pretty(plan).getBytes(StandardCharsets.UTF_8));
            }
            if (storeBefore != null) {
                writeDurably(partial.resolve(Backup.STORE_BEFORE), storeBefore);
            }
            forceDirectory(partial);
            Path folder = rename(partial, root, name);
            forceDirectory(root);
            return folder;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** After the read-back of a .reg store: the digest of the file as the change left it, for a byte-exact undo. */
    static void recordStoreAfter(Path folder, String digest) throws IOException {
        Path temp = Files.createTempFile(folder, ".store-after-", ".tmp");
        writeOver(temp, digest.getBytes(StandardCharsets.US_ASCII));
        Files.move(
                temp,
                folder.resolve(Backup.STORE_AFTER_DIGEST),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path rename(Path partial, Path root, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path folder = root.resolve(attempt == 0 ? name : name + "-" + attempt);
            if (Files.exists(folder)) {
                continue;
            }
            try {
                return Files.move(partial, folder, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (attempt > 100 || e instanceof AtomicMoveNotSupportedException) {
                    throw e;
                }
            } catch (IOException e) {
                // POSIX rename over an empty folder another process just made is refused as "not empty" or exists
                if (attempt > 100 || !Files.exists(folder)) {
                    throw e;
                }
            }
        }
    }

    private static void writeDurably(Path file, byte[] content) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void writeOver(Path file, byte[] content) throws IOException {
        try (FileChannel channel =
                FileChannel.open(file, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a hidden .partial folder is never read as a backup
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

    /** The folder entry itself must survive a crash too; Windows cannot open a directory this way, and needs not. */
    static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NTFS commits directory entries with the file metadata
        }
    }
}
