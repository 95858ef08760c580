package io.tlsdoctor.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** One protocol-log file to read: on disk or inside a .zip archive. */
public sealed interface LogSource permits LogSource.OnDisk, LogSource.InZip {

    /** How the user recognises it: the path, or {@code archive.zip!/entry}. */
    String displayName();

    /** The file's name without folders. */
    String fileName();

    /** Size in bytes as stored (uncompressed for zip entries), -1 when unknown. */
    long size();

    InputStream open() throws IOException;

    record OnDisk(Path path, long size) implements LogSource {
        @Override
        public String displayName() {
            return path.toString();
        }

        @Override
        public String fileName() {
            return path.getFileName().toString();
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }
    }

    record InZip(Path archive, String entryName, long size) implements LogSource {
        @Override
        public String displayName() {
            return archive + "!/" + entryName;
        }

        @Override
        public String fileName() {
            int slash = Math.max(entryName.lastIndexOf('/'), entryName.lastIndexOf('\\'));
            return entryName.substring(slash + 1);
        }

        @Override
        public InputStream open() throws IOException {
            ZipFile zip = new ZipFile(archive.toFile());
            ZipEntry entry = zip.getEntry(entryName);
            if (entry == null) {
                zip.close();
                throw new IOException("entry " + entryName + " is gone from " + archive);
            }
            InputStream in = zip.getInputStream(entry);
            return new java.io.FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        zip.close();
                    }
                }
            };
        }
    }
}
