package io.tlsdoctor.core.fix;

import java.util.Optional;

/**
 * One store held for a whole apply or undo, so two TLS Doctor processes never interleave their writes, and the
 * journal of a change in progress kept where the next process that locks the same store will find it.
 */
public interface StoreLock extends AutoCloseable {

    /** What a change left in progress, or empty: read only while holding the lock. */
    Optional<byte[]> journal() throws RegistryStoreException;

    /** Saves the journal durably (forced to disk) before the first write. */
    void writeJournal(byte[] content) throws RegistryStoreException;

    void clearJournal() throws RegistryStoreException;

    @Override
    void close();

    /** For stores no other process can reach (tests, wrappers): the journal lives as long as the lock. */
    static StoreLock inMemory() {
        return new StoreLock() {
            private byte[] journal;

            @Override
            public Optional<byte[]> journal() {
                return Optional.ofNullable(journal);
            }

            @Override
            public void writeJournal(byte[] content) {
                journal = content.clone();
            }

            @Override
            public void clearJournal() {
                journal = null;
            }

            @Override
            public void close() {}
        };
    }
}
