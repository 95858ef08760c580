package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The registry as importing .reg files in order would leave it: keys created by key lines (with their parents),
 * values set or deleted, whole subtrees removed by {@code [-key]}. Names are case-insensitive, as in Windows.
 */
final class RegistryImage {

    private static final class KeyData {
        final String path;
        final Map<String, String> names = new LinkedHashMap<>(); // lower-case -> spelling as written
        final Map<String, RegistryValue> values = new LinkedHashMap<>();

        KeyData(String path) {
            this.path = path;
        }
    }

    private final Map<String, KeyData> keys = new LinkedHashMap<>();
    private final Map<String, String> covered = new LinkedHashMap<>();

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** A key line: the key and its missing parents exist from now on, and what the file says about it is complete. */
    void openKey(String path) {
        covered.putIfAbsent(lower(path), path);
        String current = path;
        while (current.indexOf('\\') > 0) {
            String ancestor = current;
            if (keys.putIfAbsent(lower(ancestor), new KeyData(ancestor)) != null && !ancestor.equals(path)) {
                break; // an ancestor that exists already has all of its own
            }
            current = current.substring(0, current.lastIndexOf('\\'));
        }
    }

    /** How many keys the image holds, parents included. */
    int keyCount() {
        return keys.size();
    }

    /** {@code [-key]}: removes the key and everything below it; we then know it is absent. */
    void deleteKey(String path) {
        covered.putIfAbsent(lower(path), path);
        String prefix = lower(path);
        keys.keySet().removeIf(key -> key.equals(prefix) || key.startsWith(prefix + "\\"));
    }

    void setValue(String path, String name, RegistryValue value) {
        KeyData key = keys.get(lower(path));
        String lowerName = lower(name);
        key.names.putIfAbsent(lowerName, name);
        key.values.put(lowerName, value);
    }

    void deleteValue(String path, String name) {
        KeyData key = keys.get(lower(path));
        key.names.remove(lower(name));
        key.values.remove(lower(name));
    }

    /** The value, or null when it or its key is absent. */
    RegistryValue value(String path, String name) {
        KeyData key = keys.get(lower(path));
        return key == null ? null : key.values.get(lower(name));
    }

    /** What the image means, compared without regard to spelling: every key (lower case) with its values. */
    Map<String, Map<String, RegistryValue>> meaning() {
        Map<String, Map<String, RegistryValue>> result = new LinkedHashMap<>();
        for (Map.Entry<String, KeyData> key : keys.entrySet()) {
            result.put(key.getKey(), new LinkedHashMap<>(key.getValue().values));
        }
        return result;
    }

    /** Key lines worth writing back to a file: every key a file named or that holds values, in order. */
    Map<String, Map<String, RegistryValue>> keysToWrite() {
        Map<String, Map<String, RegistryValue>> result = new LinkedHashMap<>();
        for (KeyData key : keys.values()) {
            if (!key.values.isEmpty() || covered.containsKey(lower(key.path))) {
                Map<String, RegistryValue> values = new LinkedHashMap<>();
                key.values.forEach((lowerName, value) -> values.put(key.names.get(lowerName), value));
                result.put(key.path, values);
            }
        }
        return result;
    }

    RegistrySnapshot toSnapshot(List<String> sources, Instant collectedAt) {
        List<RegistryKey> result = new ArrayList<>();
        for (KeyData key : keys.values()) {
            Map<String, RegistryValue> values = new LinkedHashMap<>();
            key.values.forEach((lowerName, value) -> values.put(key.names.get(lowerName), value));
            result.add(new RegistryKey(key.path, null, values));
        }
        return RegistrySnapshot.of(
                SnapshotOrigin.REG_FILES, sources, collectedAt, null, new ArrayList<>(covered.values()), result);
    }
}
