package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;

import java.util.Optional;

/**
 * Where a fix is written: the live registry, or a copy of a server's {@code reg export} file to rehearse on. Every
 * call is one value, so the engine can read each write back and roll back exactly what it changed.
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
}
