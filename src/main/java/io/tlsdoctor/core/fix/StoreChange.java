package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;

/**
 * A set of writes to one store. Where the store can, nothing lands until {@link #commit()} and then all of it lands
 * at once ({@link #atomic()}: a .reg file replaced in one move, a registry transaction); otherwise each put lands as
 * it is made and the engine's journal is the way back.
 */
public interface StoreChange extends AutoCloseable {

    /** Sets the value, or deletes it when {@code value} is null. */
    void put(RegistryLocation location, RegistryValue value) throws RegistryStoreException;

    /** Makes every put land; for a non-atomic change they already have. */
    void commit() throws RegistryStoreException;

    /** True when an interruption before {@link #commit()} leaves the store exactly as it was. */
    boolean atomic();

    /** Without a commit, drops what was staged. */
    @Override
    void close();

    /** Each put straight to the store, for stores that cannot do better. */
    static StoreChange direct(RegistryStore store) {
        return new StoreChange() {
            @Override
            public void put(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
                if (value == null) {
                    store.delete(location);
                } else {
                    store.write(location, value);
                }
            }

            @Override
            public void commit() {}

            @Override
            public boolean atomic() {
                return false;
            }

            @Override
            public void close() {}
        };
    }
}
