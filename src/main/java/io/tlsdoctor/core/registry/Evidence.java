package io.tlsdoctor.core.registry;

/** A registry value a finding rests on; {@code value} is {@code null} when it is absent. */
public record Evidence(String path, String name, RegistryValue value) {

    /** {@code path\name}, the way an admin would look it up. */
    public String location() {
        return path + "\\" + name;
    }
}
