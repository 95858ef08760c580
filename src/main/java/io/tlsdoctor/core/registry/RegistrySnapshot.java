package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What was read from one server's registry, kept apart from what it means so a saved snapshot can be evaluated
 * again later. Paths are full ({@code HKEY_LOCAL_MACHINE\SOFTWARE\...}); the 32-bit view of a SOFTWARE key is
 * written as {@code SOFTWARE\Wow6432Node\...}, exactly as {@code reg export} names it.
 *
 * @param schema      the snapshot format, {@link #SCHEMA}
 * @param origin      live registry or .reg files
 * @param sources     where it came from: file names in the order applied, or the computer name
 * @param collectedAt when it was read
 * @param lastBoot    when Windows last started (live only), to tell "changed but not yet restarted"
 * @param coveredKeys keys whose whole subtree was seen, so an absent value under them is really absent rather
 *                    than simply not exported
 * @param keys        the keys that exist, with their values
 * @param unreadableKeys keys the live read was refused (access denied): nothing at or below them is known, even
 *                    inside a covered key
 */
public record RegistrySnapshot(
        String schema,
        SnapshotOrigin origin,
        List<String> sources,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant collectedAt,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant lastBoot,

        List<String> coveredKeys,
        List<RegistryKey> keys,
        List<String> unreadableKeys) {

    public static final String SCHEMA = "tlsdoctor.registry-snapshot/1";

    public RegistrySnapshot {
        if (schema == null) {
            schema = SCHEMA;
        }
        if (!SCHEMA.equals(schema)) {
            throw new IllegalArgumentException("not a registry snapshot this version understands: " + schema);
        }
        Objects.requireNonNull(origin, "origin");
        sources = sources == null ? List.of() : List.copyOf(sources);
        coveredKeys = coveredKeys == null ? List.of() : List.copyOf(coveredKeys);
        keys = keys == null ? List.of() : List.copyOf(keys);
        unreadableKeys = unreadableKeys == null ? List.of() : List.copyOf(unreadableKeys);
    }

    public static RegistrySnapshot of(
            SnapshotOrigin origin,
            List<String> sources,
            Instant collectedAt,
            Instant lastBoot,
            List<String> coveredKeys,
            List<RegistryKey> keys) {
        return new RegistrySnapshot(SCHEMA, origin, sources, collectedAt, lastBoot, coveredKeys, keys, List.of());
    }

    /** A live read where some keys could not be read: those and everything below them count as not seen. */
    public static RegistrySnapshot of(
            SnapshotOrigin origin,
            List<String> sources,
            Instant collectedAt,
            Instant lastBoot,
            List<String> coveredKeys,
            List<RegistryKey> keys,
            List<String> unreadableKeys) {
        return new RegistrySnapshot(SCHEMA, origin, sources, collectedAt, lastBoot, coveredKeys, keys, unreadableKeys);
    }

    public Optional<RegistryKey> key(String path) {
        for (RegistryKey key : keys) {
            if (key.path().equalsIgnoreCase(path)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    public boolean hasKey(String path) {
        return key(path).isPresent();
    }

    /** The value, or {@code null} when it is absent. */
    public RegistryValue value(String keyPath, String name) {
        return key(keyPath).map(key -> key.value(name)).orElse(null);
    }

    /** Whether the snapshot can say anything about {@code path}: it or one of its ancestors was read whole. */
    public boolean covers(String path) {
        String wanted = path.toLowerCase(Locale.ROOT);
        for (String unreadable : unreadableKeys) {
            String prefix = unreadable.toLowerCase(Locale.ROOT);
            if (wanted.equals(prefix) || wanted.startsWith(prefix + "\\")) {
                return false;
            }
        }
        for (String covered : coveredKeys) {
            String prefix = covered.toLowerCase(Locale.ROOT);
            if (wanted.equals(prefix) || wanted.startsWith(prefix + "\\")) {
                return true;
            }
        }
        return false;
    }

    @JsonIgnore
    public boolean isLive() {
        return origin == SnapshotOrigin.LIVE;
    }

    public void save(OutputStream out) throws IOException {
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(out, this);
    }

    public static RegistrySnapshot load(InputStream in) throws IOException {
        return Json.mapper().readValue(in, RegistrySnapshot.class);
    }
}
