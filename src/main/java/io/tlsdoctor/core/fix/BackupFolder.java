package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.json.Json;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes a backup to its own folder before anything changes: {@code backup.json} (the truth the engine restores
 * from), {@code restore.reg} (the same for a human to import) and, when there is one, {@code plan.json}. Every file
 * is forced to disk before the first registry write, so even a power cut leaves the way back.
 */
final class BackupFolder {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private BackupFolder() {
    }

    static Path write(Path root, Backup backup, FixPlan plan, String purpose) throws IOException {
        Files.createDirectories(root);
        Path folder = newFolder(root, NAME.format(backup.takenAt()) + "-" + purpose);
        writeDurably(folder.resolve(Backup.FILE), Json.pretty(backup).getBytes(StandardCharsets.UTF_8));
        String comment = "TLS Doctor: restores the values as they were before the change of " + backup.takenAt()
                + " to " + backup.store() + ".\nValues that were absent before are deleted.";
        writeDurably(folder.resolve("restore.reg"), RegFileText.bytes(RegFileText.forRestore(backup, comment)));
        if (plan != null) {
            writeDurably(folder.resolve("plan.json"), Json.pretty(plan).getBytes(StandardCharsets.UTF_8));
        }
        forceDirectory(folder);
        return folder;
    }

    private static Path newFolder(Path root, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path folder = root.resolve(attempt == 0 ? name : name + "-" + attempt);
            try {
                return Files.createDirectory(folder);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
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

    /** The folder entry itself must survive a crash too; Windows cannot open a directory this way, and needs not. */
    private static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NTFS commits directory entries with the file metadata
        }
    }
}
