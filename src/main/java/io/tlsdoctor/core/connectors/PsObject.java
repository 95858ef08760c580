package io.tlsdoctor.core.connectors;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One object a cmdlet returned, as read from any of its saved forms: its type names (when the form keeps them) and
 * its properties by name, looked up without regard to case (PowerShell's own rule).
 *
 * @param source where it was read: the file name and the object's line or position, for evidence
 */
public record PsObject(String source, List<String> typeNames, Map<String, PsValue> properties) {

    public PsObject {
        typeNames = List.copyOf(typeNames);
        TreeMap<String, PsValue> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(properties);
        properties = Collections.unmodifiableMap(map);
    }

    public PsValue get(String name) {
        PsValue value = properties.get(name);
        return value == null ? PsValue.NULL : value;
    }

    public boolean has(String name) {
        return properties.containsKey(name);
    }

    public boolean hasAll(String... names) {
        for (String name : names) {
            if (!has(name)) {
                return false;
            }
        }
        return true;
    }

    public String text(String name) {
        return get(name).text();
    }

    /** A type name ends with this (serialised types gain a {@code Deserialized.} prefix over remoting). */
    public boolean isType(String simpleName) {
        return typeNames.stream().anyMatch(type -> type.endsWith("." + simpleName) || type.equals(simpleName));
    }
}
