package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes .reg files exactly as regedit and {@code reg export} do (version 5 header, UTF-16LE with BOM, CRLF, dword
 * as eight lower-case hex digits, {@code "Name"=-} to delete), so an admin can read and import them by hand.
 */
public final class RegFileText {

    public static final String HEADER = "Windows Registry Editor Version 5.00";
    private static final String CRLF = "\r\n";
    private static final int WRAP = 76;

    private RegFileText() {}

    /** The plan as a file that does exactly the plan when imported. */
    public static String forPlan(FixPlan plan, String comment) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (PlannedChange change : plan.changes()) {
            keys.computeIfAbsent(change.location().keyPath(), k -> new java.util.ArrayList<>())
                    .add(valueLine(change.location().name(), Optional.of(change.target())));
        }
        return document(comment, keys);
    }

    /** Returns every value of a backup to its prior state; values that were absent are deleted. */
    public static String forRestore(Backup backup, String comment) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (Backup.Entry entry : backup.entries()) {
            keys.computeIfAbsent(entry.location().keyPath(), k -> new java.util.ArrayList<>())
                    .add(valueLine(entry.location().name(), Optional.ofNullable(entry.prior())));
        }
        return document(comment, keys);
    }

    /** A whole registry image (keys in order, each with its values), as the offline store saves its file. */
    public static String forKeys(Map<String, Map<String, RegistryValue>> keys) {
        return forKeys(null, keys);
    }

    /** As {@link #forKeys(Map)}, with a comment block after the header. */
    public static String forKeys(String comment, Map<String, Map<String, RegistryValue>> keys) {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        keys.forEach((key, values) -> {
            List<String> valueLines = new java.util.ArrayList<>();
            values.forEach((name, value) -> valueLines.add(valueLine(name, Optional.of(value))));
            lines.put(key, valueLines);
        });
        return document(comment, lines);
    }

    /** The bytes regedit writes: a little-endian BOM, then UTF-16LE. */
    public static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 2);
        out.write(0xFF);
        out.write(0xFE);
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        out.write(body, 0, body.length);
        return out.toByteArray();
    }

    private static String document(String comment, Map<String, List<String>> keys) {
        StringBuilder text = new StringBuilder(HEADER).append(CRLF).append(CRLF);
        if (comment != null) {
            comment.lines().forEach(line -> text.append("; ").append(line).append(CRLF));
            text.append(CRLF);
        }
        keys.forEach((key, values) -> {
            text.append('[').append(key).append(']').append(CRLF);
            values.forEach(line -> text.append(line).append(CRLF));
            text.append(CRLF);
        });
        return text.toString();
    }

    /** One value line as regedit writes it (hex data wrapped with CRLF continuations); an empty value deletes. */
    public static String valueLine(String name, Optional<RegistryValue> value) {
        String quotedName = name.equals("@") ? "@" : quote(name);
        if (value.isEmpty()) {
            return quotedName + "=-";
        }
        RegistryValue v = value.get();
        String data;
        switch (v.type()) {
            case REG_DWORD -> data = String.format(Locale.ROOT, "dword:%08x", v.number());
            case REG_SZ -> data = quote(v.text());
            case REG_QWORD -> data = hex(11, littleEndian(v.number(), 8));
            case REG_EXPAND_SZ -> data = hex(2, utf16z(v.text()));
            case REG_MULTI_SZ -> data = hex(7, multi(v.texts()));
            default ->
                data = hex(
                        v.type() == RegistryValueType.REG_BINARY ? -1 : v.type().code(),
                        v.hex() == null ? new byte[0] : HexFormat.of().parseHex(v.hex()));
        }
        return data.startsWith("hex") ? wrap(quotedName + "=" + data) : quotedName + "=" + data;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String hex(int type, byte[] bytes) {
        StringBuilder out = new StringBuilder(type < 0 ? "hex:" : "hex(" + Integer.toHexString(type) + "):");
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(String.format(Locale.ROOT, "%02x", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    /** regedit wraps long hex data after a comma, continuing with two spaces. */
    private static String wrap(String line) {
        if (line.length() <= WRAP) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        int lastComma = -1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                lastComma = i;
            }
            if (i - lineStart >= WRAP && lastComma > lineStart) {
                out.append(line, lineStart, lastComma + 1)
                        .append('\\')
                        .append(CRLF)
                        .append("  ");
                lineStart = lastComma + 1;
            }
        }
        return out.append(line.substring(lineStart)).toString();
    }

    private static byte[] littleEndian(long value, int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    private static byte[] utf16z(String text) {
        return (text + "\u0000").getBytes(StandardCharsets.UTF_16LE);
    }

    private static byte[] multi(List<String> texts) {
        StringBuilder joined = new StringBuilder();
        texts.forEach(t -> joined.append(t).append('\u0000'));
        joined.append('\u0000');
        return joined.toString().getBytes(StandardCharsets.UTF_16LE);
    }
}
