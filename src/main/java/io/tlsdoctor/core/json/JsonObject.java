package io.tlsdoctor.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One JSON object of a knowledge resource, read with Jackson's streaming parser into plain values (maps, lists,
 * strings, numbers) and taken apart field by field by the code that knows its shape.
 * <p>
 * Resources read before the wizard's window shows use this instead of {@link Json#mapper()}: the data binding's
 * reflective set-up of records costs more than half a second on a cold start, the streaming parser almost nothing.
 * It is stricter than our mapper: an unknown or missing field, a value of the wrong kind or an unknown enum name
 * fails with the field's path in the message.
 */
public final class JsonObject {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final String path;
    private final Map<String, Object> fields;

    private JsonObject(String path, Map<String, Object> fields) {
        this.path = path;
        this.fields = fields;
    }

    /** Reads a document whose top level is an object; {@code name} names it in error messages. */
    public static JsonObject read(InputStream in, String name) throws IOException {
        try (JsonParser parser = FACTORY.createParser(in)) {
            Object value = readValue(parser, parser.nextToken());
            if (parser.nextToken() != null) {
                throw new IOException(name + ": more than one JSON value");
            }
            return asObject(value, name);
        }
    }

    /** Fails unless every field of this object is one of {@code known}: a misspelt field is a mistake, not a default. */
    public JsonObject allowOnly(String... known) {
        List<String> allowed = List.of(known);
        for (String field : fields.keySet()) {
            if (!allowed.contains(field)) {
                throw new IllegalStateException(path + ": unknown field '" + field + "'");
            }
        }
        return this;
    }

    public boolean has(String field) {
        return fields.get(field) != null;
    }

    public String string(String field) {
        return as(required(field), String.class, field);
    }

    /** The string, or null when the field is absent or null. */
    public String optionalString(String field) {
        Object value = fields.get(field);
        return value == null ? null : as(value, String.class, field);
    }

    public double number(String field) {
        return as(required(field), Number.class, field).doubleValue();
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String name = string(field);
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    path + "." + field + ": '" + name + "' is not one of " + List.of(type.getEnumConstants()), e);
        }
    }

    public JsonObject object(String field) {
        return asObject(required(field), path + "." + field);
    }

    /** The elements of an array field, each turned into a value by {@code element}. */
    public <T> List<T> list(String field, Function<Element, T> element) {
        List<?> values = as(required(field), List.class, field);
        List<T> result = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            result.add(element.apply(new Element(path + "." + field + "[" + i + "]", values.get(i))));
        }
        return result;
    }

    public List<String> strings(String field) {
        return list(field, Element::string);
    }

    /** The object's fields in document order, each value turned into a value by {@code value}. */
    public <T> Map<String, T> map(Function<Element, T> value) {
        Map<String, T> result = new LinkedHashMap<>();
        fields.forEach((name, raw) -> result.put(name, value.apply(new Element(path + "." + name, raw))));
        return result;
    }

    /** The object's fields as a map keyed by enum constants: every field name must be the name of a constant. */
    public <K extends Enum<K>, T> Map<K, T> enumMap(Class<K> keys, Function<Element, T> value) {
        Map<K, T> result = new EnumMap<>(keys);
        fields.forEach((name, raw) -> {
            K key;
            try {
                key = Enum.valueOf(keys, name);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        path + ": '" + name + "' is not one of " + List.of(keys.getEnumConstants()), e);
            }
            result.put(key, value.apply(new Element(path + "." + name, raw)));
        });
        return result;
    }

    /** One value inside an array or a map, with its path for error messages. */
    public record Element(String path, Object value) {

        public String string() {
            if (value instanceof String text) {
                return text;
            }
            throw new IllegalStateException(path + ": expected a string");
        }

        public JsonObject object() {
            return asObject(value, path);
        }
    }

    private Object required(String field) {
        Object value = fields.get(field);
        if (value == null) {
            throw new IllegalStateException(path + ": missing field '" + field + "'");
        }
        return value;
    }

    private <T> T as(Object value, Class<T> type, String field) {
        if (!type.isInstance(value)) {
            throw new IllegalStateException(
                    path + "." + field + ": expected " + kind(type) + ", found " + kind(value.getClass()));
        }
        return type.cast(value);
    }

    @SuppressWarnings("unchecked")
    private static JsonObject asObject(Object value, String path) {
        if (!(value instanceof Map)) {
            throw new IllegalStateException(path + ": expected an object");
        }
        return new JsonObject(path, (Map<String, Object>) value);
    }

    private static String kind(Class<?> type) {
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        return type == String.class ? "a string" : "true/false";
    }

    private static Object readValue(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("unexpected end of the document");
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    if (map.put(name, readValue(parser, parser.nextToken())) != null) {
                        throw new IOException("field '" + name + "' twice at " + parser.currentLocation());
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    list.add(readValue(parser, next));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }
}
