package io.tlsdoctor.core.json;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration for resources, snapshots and command-line output. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Pretty JSON in pure ASCII, everything else as {@code \\uXXXX}: for standard output, which on Windows is
     * decoded in a code page (the console's, or PowerShell 5.1's when it captures or redirects a program) that would
     * garble anything else. Files are written in UTF-8 and use {@link #pretty}.
     */
    public static String prettyAscii(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter()
                    .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
