package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A key that exists, with its values by name ({@code ""} is the default value, {@code @} in a .reg file).
 * {@code lastWritten} is known only when read live.
 */
public record RegistryKey(
        String path,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant lastWritten,

        Map<String, RegistryValue> values) {

    public RegistryKey {
        Objects.requireNonNull(path, "path");
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Registry names are case-insensitive. */
    public RegistryValue value(String name) {
        for (Map.Entry<String, RegistryValue> entry : values.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
