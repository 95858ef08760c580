package io.tlsdoctor.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /**
     * An entry of a .zip archive, opened by its place in the archive: {@code zip -j} of the Hub and FrontEnd logs
     * makes entries with the same name, and each is a log of its own.
     *
     * @param nameRepeated another entry of the archive has the same name: the display name then says which one
     */
    record InZip(Path archive, ZipDirectory.Entry entry, boolean nameRepeated) implements LogSource {
        @Override
        public long size() {
            return entry.size();
        }

        @Override
        public String displayName() {
            return archive + "!/" + entry.name() + (nameRepeated ? " (entry " + (entry.index() + 1) + ")" : "");
        }

        @Override
        public String fileName() {
            String name = entry.name();
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            return name.substring(slash + 1);
        }

        @Override
        public InputStream open() throws IOException {
            return ZipDirectory.open(archive, entry);
        }
    }
}
