package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.fix.StateDigest;
import io.tlsdoctor.core.fix.StoreChange;
import io.tlsdoctor.core.fix.StoreLock;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The offline store: a copy of a server's {@code reg export} file that a plan is rehearsed on. Every read parses the
 * file on disk (never a copy in memory, so a read-back proves what another process would see). A change edits only
 * the lines of the values it changes and replaces the whole file in one atomic move (a uniquely named temporary file
 * beside it, forced to disk first), so after any crash the file is either as before or as after the whole change.
 * {@code <file>.tlsdoctor-lock} beside it holds the file for one change at a time and keeps that change's journal.
 */
public final class RegFileRegistryStore implements RegistryStore {

    static final String LOCK_SUFFIX = ".tlsdoctor-lock";
    private static final String TEMP_SUFFIX = ".tlsdoctor-tmp";

    private final Path file;
    /** Where the bytes are: writing through a link would replace the link, not the export behind it. */
    private final Path real;

    private RegFileRegistryStore(Path file, Path real) {
        this.file = file;
        this.real = real;
    }

    /** Opens the export; a parse error names the file and line. */
    public static RegFileRegistryStore open(Path file) throws RegistryReadException {
        RegFileParser.apply(file.toString(), RegFileSource.read(file), new RegistryImage());
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new RegistryReadException("registry.file.unreadable", IoProblem.argsForFile(file, e), e);
        }
        return new RegFileRegistryStore(file, real);
    }

    @Override
    public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
        RegistryImage image = new RegistryImage();
        try {
            RegFileParser.apply(file.toString(), RegFileSource.read(real), image);
        } catch (RegistryReadException e) {
            throw new RegistryStoreException(e.messageKey(), List.of(e.args()), e);
        }
        return Optional.ofNullable(image.value(location.keyPath(), location.name()));
    }

    /** The keys under each root as the file on disk has them now, in the file's order and spelling. */
    @Override
    public Map<String, Map<String, RegistryValue>> exportKeys(List<String> roots) throws RegistryStoreException {
        RegistryImage image = new RegistryImage();
        try {
            RegFileParser.apply(file.toString(), RegFileSource.read(real), image);
        } catch (RegistryReadException e) {
            throw new RegistryStoreException(e.messageKey(), List.of(e.args()), e);
        }
        Map<String, Map<String, RegistryValue>> exported = new LinkedHashMap<>();
        for (String root : roots) {
            String prefix = root.toLowerCase(Locale.ROOT);
            image.keysToWrite().forEach((key, values) -> {
                String lower = key.toLowerCase(Locale.ROOT);
                if (lower.equals(prefix) || lower.startsWith(prefix + "\\")) {
                    exported.putIfAbsent(key, values);
                }
            });
        }
        return exported;
    }

    @Override
    public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
        try (StoreChange change = begin()) {
            change.put(location, value);
            change.commit();
        }
    }

    @Override
    public void delete(RegistryLocation location) throws RegistryStoreException {
        try (StoreChange change = begin()) {
            change.put(location, null);
            change.commit();
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The file's real path: {@code ./export.reg}, the absolute path and a link to it are one store. */
    @Override
    public String identity() {
        return "file:" + real;
    }

    @Override
    public StoreLock lock() throws RegistryStoreException {
        StoreLock lock = FileStoreLock.acquire(real.resolveSibling(real.getFileName() + LOCK_SUFFIX), file.toString());
        removeStaleTemporaries();
        return lock;
    }

    @Override
    public StoreChange begin() throws RegistryStoreException {
        RegFileDocument document;
        try {
            document = RegFileDocument.of(file.toString(), RegFileSource.read(real));
        } catch (RegistryReadException e) {
            throw new RegistryStoreException(e.messageKey(), List.of(e.args()), e);
        }
        return new StoreChange() {
            private boolean changed;

            @Override
            public void put(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
                try {
                    if (!document.put(location, value)) {
                        throw new RegistryStoreException(
                                "fix.store.cannotEdit", List.of(file.toString(), location.toString()), null);
                    }
                } catch (RegistryReadException e) {
                    throw new RegistryStoreException(e.messageKey(), List.of(e.args()), e);
                }
                changed = true;
            }

            @Override
            public void commit() throws RegistryStoreException {
                if (changed) {
                    replace(document.bytes());
                }
            }

            @Override
            public boolean atomic() {
                return true;
            }

            @Override
            public void close() {
                // nothing reaches the file before commit
            }
        };
    }

    @Override
    public Optional<byte[]> content() throws RegistryStoreException {
        try {
            return Optional.of(RegFileSource.read(real));
        } catch (RegistryReadException e) {
            throw new RegistryStoreException(e.messageKey(), List.of(e.args()), e);
        }
    }

    @Override
    public boolean replaceContent(byte[] content, String expectedDigest) throws RegistryStoreException {
        if (!StateDigest.of(content().orElseThrow()).equalsIgnoreCase(expectedDigest)) {
            return false;
        }
        replace(content);
        return true;
    }

    /** Written beside the file under a name no other run uses, forced to disk, then moved over it in one step. */
    private void replace(byte[] content) throws RegistryStoreException {
        Path folder = real.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, "." + real.getFileName() + ".", TEMP_SUFFIX);
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
            forceDirectory(folder);
        } catch (IOException | RuntimeException e) {
            throw new RegistryStoreException("fix.store.writeFailed", IoProblem.argsFor(file, e), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary is removed by the next run that locks the file
                }
            }
        }
    }

    /** A temporary left by a process killed while writing; safe to remove only while holding the lock. */
    private void removeStaleTemporaries() {
        Path folder = real.getParent();
        String prefix = "." + real.getFileName() + ".";
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(TEMP_SUFFIX))
                    .forEach(p -> {
                        try {
                            Files.deleteIfExists(p);
                        } catch (IOException ignored) {
                            // left for a later run
                        }
                    });
        } catch (IOException ignored) {
            // as above
        }
    }

    private static void forceDirectory(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // NTFS commits the rename with the file's metadata
        }
    }
}
