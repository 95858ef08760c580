package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a fix is written: the live registry, or a copy of a server's {@code reg export} file to rehearse on. Reads
 * always come from the store itself (the file on disk, the registry), never from a copy in memory, so a read-back
 * proves what landed.
 */
public interface RegistryStore {

    /** The value, or empty when it is absent. */
    Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException;

    /** Sets the value, creating its key (and parents) as needed. */
    void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException;

    /** Removes the value; nothing happens when it is already absent. */
    void delete(RegistryLocation location) throws RegistryStoreException;

    /** What the user is told the change went to: "the registry of EX01", "export.reg". */
    String describe();

    /**
     * What the store is, however its path was typed ({@code ./export.reg} and the absolute path are one store): a
     * backup is only ever undone onto the store with the same identity.
     */
    default String identity() {
        return describe();
    }

    /** Holds the store against other TLS Doctor processes for a whole change; busy is a {@link RegistryStoreException}. */
    default StoreLock lock() throws RegistryStoreException {
        return StoreLock.inMemory();
    }

    /** Starts a set of writes that lands all at once where the store can do that. */
    default StoreChange begin() throws RegistryStoreException {
        return StoreChange.direct(this);
    }

    /** The whole store as bytes, when it is a file that can be put back byte for byte; empty for the registry. */
    default Optional<byte[]> content() throws RegistryStoreException {
        return Optional.empty();
    }

    /**
     * Puts {@code content} back as the whole store, in one step, only if the store still has exactly the content whose
     * SHA-256 is {@code expectedDigest}; false (and nothing changed) otherwise.
     */
    default boolean replaceContent(byte[] content, String expectedDigest) throws RegistryStoreException {
        return false;
    }

    /**
     * Every key at or below each of {@code roots} (in the spelling of the roots, .reg style), with its values, in
     * order; a root that does not exist is left out. For the full backup before a change: a store that cannot say
     * refuses, and then nothing is changed.
     */
    default Map<String, Map<String, RegistryValue>> exportKeys(List<String> roots) throws RegistryStoreException {
        throw new RegistryStoreException("fix.fullBackup.unsupported", List.of(describe()), null);
    }
}
