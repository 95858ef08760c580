package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryValue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * The offline store: a copy of a server's {@code reg export} file that a plan is rehearsed on. Every write replaces
 * the file atomically (written beside it, forced to disk, then moved over it), so after a crash the file is either
 * as before or as after that one value, and always a valid .reg file.
 */
public final class RegFileRegistryStore implements RegistryStore {

    private final Path file;
    private final RegistryImage image = new RegistryImage();

    private RegFileRegistryStore(Path file) {
        this.file = file;
    }

    /** Loads the export; a parse error names the file and line. */
    public static RegFileRegistryStore open(Path file) throws RegistryReadException {
        RegFileRegistryStore store = new RegFileRegistryStore(file);
        RegFileParser.apply(file.toString(), RegFileSource.read(file), store.image);
        return store;
    }

    @Override
    public Optional<RegistryValue> read(RegistryLocation location) {
        return Optional.ofNullable(image.value(location.keyPath(), location.name()));
    }

    @Override
    public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
        RegistryValue old = image.value(location.keyPath(), location.name());
        image.openKey(location.keyPath());
        image.setValue(location.keyPath(), location.name(), value);
        saveOrRevert(location, old);
    }

    @Override
    public void delete(RegistryLocation location) throws RegistryStoreException {
        RegistryValue old = image.value(location.keyPath(), location.name());
        if (old != null) {
            image.deleteValue(location.keyPath(), location.name());
            saveOrRevert(location, old);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    /** The image must keep matching the file: a value whose save failed is taken back in memory too. */
    private void saveOrRevert(RegistryLocation location, RegistryValue old) throws RegistryStoreException {
        try {
            save();
        } catch (RegistryStoreException e) {
            if (old == null) {
                image.deleteValue(location.keyPath(), location.name());
            } else {
                image.setValue(location.keyPath(), location.name(), old);
            }
            throw e;
        }
    }

    private void save() throws RegistryStoreException {
        byte[] content = RegFileText.bytes(RegFileText.forKeys(image.keysToWrite()));
        Path temp = file.resolveSibling(file.getFileName() + ".tlsdoctor-tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new RegistryStoreException("fix.store.writeFailed", List.of(file.toString(), String.valueOf(e.getMessage())), e);
        }
    }
}
