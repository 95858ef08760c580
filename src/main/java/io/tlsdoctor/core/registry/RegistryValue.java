package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One registry value as Windows stores it: its type and its data. Exactly one data field is set, chosen by the
 * type: {@code number} for REG_DWORD/REG_QWORD, {@code text} for REG_SZ/REG_EXPAND_SZ, {@code texts} for
 * REG_MULTI_SZ, {@code hex} (lower-case bytes, no separators) for everything else. Keeping the type is the point:
 * an admin's REG_SZ "1" where SChannel wants a REG_DWORD must stay visible.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegistryValue(RegistryValueType type, Long number, String text, List<String> texts, String hex) {

    public RegistryValue {
        Objects.requireNonNull(type, "type");
        texts = texts == null ? null : List.copyOf(texts);
        int set = (number != null ? 1 : 0) + (text != null ? 1 : 0) + (texts != null ? 1 : 0) + (hex != null ? 1 : 0);
        if (set != 1) {
            throw new IllegalArgumentException("a registry value holds exactly one kind of data: " + type);
        }
        // The data field must be the one the type uses, so a hand-edited JSON file cannot smuggle in a value that
        // would be written wrongly (a REG_DWORD with text, or a "DWORD" of -1).
        boolean fits = switch (type) {
            case REG_DWORD -> number != null && number >= 0 && number <= 0xFFFF_FFFFL;
            case REG_QWORD -> number != null;
            case REG_SZ, REG_EXPAND_SZ -> text != null;
            case REG_MULTI_SZ -> texts != null;
            default -> hex != null;
        };
        if (!fits) {
            throw new IllegalArgumentException("the data does not fit the type " + type);
        }
    }

    public static RegistryValue dword(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("a DWORD is 32 bits unsigned: " + value);
        }
        return new RegistryValue(RegistryValueType.REG_DWORD, value, null, null, null);
    }

    public static RegistryValue qword(long value) {
        return new RegistryValue(RegistryValueType.REG_QWORD, value, null, null, null);
    }

    public static RegistryValue string(String value) {
        return new RegistryValue(RegistryValueType.REG_SZ, null, value, null, null);
    }

    public static RegistryValue expandString(String value) {
        return new RegistryValue(RegistryValueType.REG_EXPAND_SZ, null, value, null, null);
    }

    public static RegistryValue multiString(List<String> values) {
        return new RegistryValue(RegistryValueType.REG_MULTI_SZ, null, null, values, null);
    }

    /** Data kept as bytes: REG_BINARY, REG_NONE and the rarer types. */
    public static RegistryValue bytes(RegistryValueType type, byte[] data) {
        return new RegistryValue(type, null, null, null, HexFormat.of().formatHex(data));
    }

    @JsonIgnore
    public boolean isDword() {
        return type == RegistryValueType.REG_DWORD;
    }

    /** The data as JSON shows it to a user: a number, a string, a list of strings, or {@code hex:..}. */
    @JsonIgnore
    public Object raw() {
        if (number != null) {
            return number;
        }
        if (text != null) {
            return text;
        }
        if (texts != null) {
            return texts;
        }
        return "hex:" + hex;
    }

    /** As in regedit: {@code REG_DWORD 0x00000001 (1)}, {@code REG_SZ "1"}. */
    public String display() {
        if (type == RegistryValueType.REG_DWORD) {
            return String.format(Locale.ROOT, "REG_DWORD 0x%08x (%d)", number, number);
        }
        if (number != null) {
            return String.format(Locale.ROOT, "%s 0x%x (%d)", type, number, number);
        }
        if (text != null) {
            return type + " \"" + text + "\"";
        }
        if (texts != null) {
            return type + " " + texts;
        }
        return type + " hex:" + hex;
    }
}
