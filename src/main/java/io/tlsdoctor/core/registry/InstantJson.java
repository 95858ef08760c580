package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Snapshot times as ISO-8601 text ({@code 2026-11-27T07:56:47Z}), without pulling the jsr310 module into the
 * shared mapper for three fields.
 */
public final class InstantJson {

    private InstantJson() {}

    public static final class Writer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }

    public static final class Reader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Instant.parse(parser.getValueAsString());
            } catch (DateTimeParseException e) {
                return (Instant) context.handleWeirdStringValue(
                        Instant.class, parser.getValueAsString(), "not an ISO-8601 instant");
            }
        }
    }
}
