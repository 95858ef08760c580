package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** SHA-256 of bytes, and of a set of values independent of order and of how names are cased. */
public final class StateDigest {

    private StateDigest() {}

    public static String of(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** The state of these values, {@code null} meaning absent. */
    public static String ofValues(List<Map.Entry<RegistryLocation, RegistryValue>> values) {
        TreeMap<String, String> canonical = new TreeMap<>();
        for (Map.Entry<RegistryLocation, RegistryValue> entry : values) {
            RegistryValue value = entry.getValue();
            canonical.put(
                    entry.getKey().key(), value == null ? "-" : value.type() + "=" + Objects.toString(value.raw()));
        }
        StringBuilder text = new StringBuilder();
        canonical.forEach(
                (key, value) -> text.append(key).append('\u0001').append(value).append('\n'));
        return of(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
