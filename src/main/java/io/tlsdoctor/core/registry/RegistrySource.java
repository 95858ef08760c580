package io.tlsdoctor.core.registry;

/** Something that can read a server's TLS-related registry keys: the live registry or exported .reg files. */
public interface RegistrySource {

    /** Reads everything {@link RegistryPaths} names that this source can see. */
    RegistrySnapshot collect() throws RegistryReadException;
}
