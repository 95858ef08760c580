package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads this package's JSON data files. Keys starting with {@code _} are comments for the people editing them. */
final class Resources {

    private Resources() {}

    static JsonNode read(String name) {
        try (InputStream in = Resources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource io/tlsdoctor/core/registry/" + name);
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read io/tlsdoctor/core/registry/" + name, e);
        }
    }
}
