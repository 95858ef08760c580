package io.tlsdoctor.core.fix;

import java.util.Locale;

/**
 * One registry value's place: the full key path as .reg files write it ({@code HKEY_LOCAL_MACHINE\...}, the 32-bit
 * view of a SOFTWARE key spelt {@code SOFTWARE\Wow6432Node\...}) and the value name.
 */
public record RegistryLocation(String keyPath, String name) {

    public RegistryLocation {
        if (keyPath == null || keyPath.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("a registry location needs a key path and a value name");
        }
    }

    public String key() {
        return keyPath.toLowerCase(Locale.ROOT) + "\u0000" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return keyPath + "\\" + name;
    }
}
