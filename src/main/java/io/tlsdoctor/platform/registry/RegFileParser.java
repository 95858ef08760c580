package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads .reg files as regedit and {@code reg export} write them ("Windows Registry Editor Version 5.00" in UTF-16LE
 * with a BOM, or "REGEDIT4" in the ANSI code page) and applies them to a {@link RegistryImage}. Strict on purpose:
 * any line it does not understand stops the load with the file, the line and what was expected.
 */
final class RegFileParser {

    static final String HEADER_V5 = "Windows Registry Editor Version 5.00";
    static final String HEADER_V4 = "REGEDIT4";

    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final Map<String, String> ROOTS = Map.of(
            "HKEY_LOCAL_MACHINE",
            "HKEY_LOCAL_MACHINE",
            "HKLM",
            "HKEY_LOCAL_MACHINE",
            "HKEY_CURRENT_USER",
            "HKEY_CURRENT_USER",
            "HKCU",
            "HKEY_CURRENT_USER",
            "HKEY_CLASSES_ROOT",
            "HKEY_CLASSES_ROOT",
            "HKCR",
            "HKEY_CLASSES_ROOT",
            "HKEY_USERS",
            "HKEY_USERS",
            "HKU",
            "HKEY_USERS",
            "HKEY_CURRENT_CONFIG",
            "HKEY_CURRENT_CONFIG",
            "HKCC",
            "HKEY_CURRENT_CONFIG");

    private final String file;
    private final RegistryImage image;
    private boolean unicode;
    private List<String> lines;
    private int index;
    /** Windows nests keys at most 512 levels deep. */
    static final int MAX_DEPTH = 512;
    /** Longer than any key TLS Doctor reads (about 130 characters) by far, short enough that parents stay cheap. */
    static final int MAX_PATH = 2048;
    /** Keys in all files of one reading, parents included: a whole HKLM\\SYSTEM export has fewer. */
    static final int MAX_KEYS = 200_000;

    private String currentKey;
    private boolean currentKeyDeleted;
    private boolean currentKeyIsRoot;

    private RegFileParser(String file, RegistryImage image) {
        this.file = file;
        this.image = image;
    }

    /** Applies one file's content to {@code image}; {@code file} is how errors name it. */
    static void apply(String file, byte[] content, RegistryImage image) throws RegFileParseException {
        new RegFileParser(file, image).parse(content);
    }

    private void parse(byte[] content) throws RegFileParseException {
        lines = decode(content).lines().toList();
        String header = lines.isEmpty() ? "" : lines.get(0).strip();
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        if (header.equals(HEADER_V5)) {
            unicode = true;
        } else if (header.equals(HEADER_V4)) {
            unicode = false;
        } else {
            throw error(1, "registry.parse.header", abbreviate(header));
        }
        for (index = 1; index < lines.size(); index++) {
            String line = lines.get(index).stripLeading();
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                keyLine(line.stripTrailing());
            } else if (line.startsWith("\"") || line.startsWith("@")) {
                valueLine(line);
            } else {
                throw error(index + 1, "registry.parse.line", abbreviate(line));
            }
        }
    }

    static String decode(byte[] bytes) {
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
        }
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        }
        if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            return new String(bytes, StandardCharsets.UTF_16LE); // UTF-16LE saved without a BOM
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, ANSI); // REGEDIT4 files are in the ANSI code page
        }
    }

    private void keyLine(String line) throws RegFileParseException {
        if (!line.endsWith("]")) {
            throw error(index + 1, "registry.parse.keyBracket", abbreviate(line));
        }
        String inner = line.substring(1, line.length() - 1).strip();
        boolean delete = inner.startsWith("-");
        String path = normaliseKey(delete ? inner.substring(1).strip() : inner);
        if (delete) {
            image.deleteKey(path);
        } else {
            image.openKey(path);
            if (image.keyCount() > MAX_KEYS) {
                throw error(index + 1, "registry.parse.tooManyKeys", MAX_KEYS);
            }
        }
        currentKey = path;
        currentKeyDeleted = delete;
        currentKeyIsRoot = path.indexOf('\\') < 0;
    }

    private String normaliseKey(String path) throws RegFileParseException {
        while (path.endsWith("\\")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.indexOf('\\');
        String root = (slash < 0 ? path : path.substring(0, slash)).toUpperCase(Locale.ROOT);
        String fullRoot = ROOTS.get(root);
        if (fullRoot == null || path.isEmpty()) {
            throw error(index + 1, "registry.parse.root", abbreviate(path));
        }
        String full = slash < 0 ? fullRoot : fullRoot + path.substring(slash);
        if (full.length() > MAX_PATH) {
            throw error(
                    index + 1, "registry.parse.pathTooLong", String.valueOf(full.length()), String.valueOf(MAX_PATH));
        }
        if (full.chars().filter(c -> c == '\\').count() > MAX_DEPTH) {
            throw error(index + 1, "registry.parse.tooDeep", String.valueOf(MAX_DEPTH));
        }
        return full;
    }

    private void valueLine(String line) throws RegFileParseException {
        int lineNumber = index + 1;
        if (currentKey == null) {
            throw error(lineNumber, "registry.parse.valueOutsideKey");
        }
        if (currentKeyDeleted) {
            throw error(lineNumber, "registry.parse.valueInDeletedKey", currentKey);
        }
        if (currentKeyIsRoot) {
            // Windows keeps no values directly under a root key; usually a key line is cut short or missing.
            throw error(lineNumber, "registry.parse.valueAtRoot", currentKey);
        }
        int position;
        String name;
        if (line.startsWith("@")) {
            name = "";
            position = 1;
        } else {
            StringBuilder builder = new StringBuilder();
            position = readQuoted(line, 1, builder);
            if (position < 0) {
                throw error(lineNumber, "registry.parse.nameQuote", abbreviate(line));
            }
            name = builder.toString();
        }
        position = skipSpaces(line, position);
        if (position >= line.length() || line.charAt(position) != '=') {
            throw error(lineNumber, "registry.parse.equals", abbreviate(line));
        }
        String data = line.substring(skipSpaces(line, position + 1)).stripTrailing();
        if (data.equals("-") || (data.startsWith("-") && isCommentOrBlank(data.substring(1)))) {
            image.deleteValue(currentKey, name);
            return;
        }
        image.setValue(currentKey, name, parseData(data, lineNumber));
    }

    private RegistryValue parseData(String data, int lineNumber) throws RegFileParseException {
        String lowered = data.toLowerCase(Locale.ROOT);
        if (data.startsWith("\"")) {
            StringBuilder builder = new StringBuilder();
            int end = readQuoted(data, 1, builder);
            if (end < 0 || !isCommentOrBlank(data.substring(end))) {
                throw error(lineNumber, "registry.parse.string", abbreviate(data));
            }
            return RegistryValue.string(builder.toString());
        }
        if (lowered.startsWith("dword:")) {
            String digits = stripComment(data.substring("dword:".length())).strip();
            if (!digits.matches("[0-9A-Fa-f]{1,8}")) {
                throw error(lineNumber, "registry.parse.dword", abbreviate(data));
            }
            return RegistryValue.dword(Long.parseLong(digits, 16));
        }
        if (lowered.startsWith("hex")) {
            int colon = data.indexOf(':');
            String prefix = colon < 0 ? "" : lowered.substring(0, colon);
            int type;
            if (prefix.equals("hex")) {
                type = RegistryValueType.REG_BINARY.code();
            } else if (prefix.matches("hex\\([0-9a-f]{1,8}\\)")) {
                type = (int) Long.parseLong(prefix.substring(4, prefix.length() - 1), 16);
            } else {
                throw error(lineNumber, "registry.parse.data", abbreviate(data));
            }
            byte[] bytes = hexBytes(joinContinuations(data.substring(colon + 1), lineNumber), lineNumber);
            return typed(type, bytes, lineNumber);
        }
        throw error(lineNumber, "registry.parse.data", abbreviate(data));
    }

    /** Hex data wraps with a trailing backslash; the next lines continue it. */
    private String joinContinuations(String first, int lineNumber) throws RegFileParseException {
        StringBuilder data = new StringBuilder();
        String part = stripComment(first).strip();
        while (part.endsWith("\\")) {
            data.append(part, 0, part.length() - 1);
            index++;
            if (index >= lines.size()) {
                throw error(lineNumber, "registry.parse.continuation");
            }
            part = stripComment(lines.get(index)).strip();
        }
        return data.append(part).toString();
    }

    private byte[] hexBytes(String data, int lineNumber) throws RegFileParseException {
        String compact = data.strip();
        if (compact.isEmpty()) {
            return new byte[0];
        }
        String[] tokens = compact.split(",", -1);
        byte[] bytes = new byte[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            if (!token.matches("[0-9A-Fa-f]{1,2}")) {
                throw error(lineNumber, "registry.parse.hexByte", token.isEmpty() ? "," : abbreviate(token));
            }
            bytes[i] = (byte) Integer.parseInt(token, 16);
        }
        return bytes;
    }

    private RegistryValue typed(int code, byte[] bytes, int lineNumber) throws RegFileParseException {
        RegistryValueType type = RegistryValueType.ofCode(code);
        if (type == null) {
            throw error(lineNumber, "registry.parse.type", Integer.toHexString(code));
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        switch (type) {
            case REG_DWORD:
                if (bytes.length != 4) {
                    throw error(lineNumber, "registry.parse.hexLength", "REG_DWORD", "4", String.valueOf(bytes.length));
                }
                return RegistryValue.dword(Integer.toUnsignedLong(buffer.getInt()));
            case REG_QWORD:
                if (bytes.length != 8) {
                    throw error(lineNumber, "registry.parse.hexLength", "REG_QWORD", "8", String.valueOf(bytes.length));
                }
                return RegistryValue.qword(buffer.getLong());
            case REG_SZ:
                return RegistryValue.string(stripNuls(text(bytes)));
            case REG_EXPAND_SZ:
                return RegistryValue.expandString(stripNuls(text(bytes)));
            case REG_MULTI_SZ:
                return RegistryValue.multiString(multiText(text(bytes)));
            default:
                return RegistryValue.bytes(type, bytes);
        }
    }

    /** Strings inside hex data are UTF-16LE in version 5 files and ANSI in REGEDIT4 files. */
    private String text(byte[] bytes) {
        if (unicode) {
            int even = bytes.length - (bytes.length % 2);
            return new String(bytes, 0, even, StandardCharsets.UTF_16LE);
        }
        return new String(bytes, ANSI);
    }

    private static String stripNuls(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }

    /** REG_MULTI_SZ: NUL-separated strings ending with an extra NUL. */
    private static List<String> multiText(String text) {
        List<String> parts = new ArrayList<>(List.of(stripNuls(text).split("\0", -1)));
        if (parts.size() == 1 && parts.get(0).isEmpty()) {
            parts.clear();
        }
        return parts;
    }

    /** Reads a quoted string from just after the opening quote; returns the index after the closing quote, or -1. */
    private static int readQuoted(String line, int start, StringBuilder out) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == '\\' || next == '"') {
                    out.append(next);
                    i++;
                    continue;
                }
                out.append(c); // regedit keeps an unknown escape as written
            } else if (c == '"') {
                return i + 1;
            } else {
                out.append(c);
            }
        }
        return -1;
    }

    private static int skipSpaces(String line, int position) {
        while (position < line.length() && (line.charAt(position) == ' ' || line.charAt(position) == '\t')) {
            position++;
        }
        return position;
    }

    private static boolean isCommentOrBlank(String rest) {
        String stripped = rest.strip();
        return stripped.isEmpty() || stripped.startsWith(";");
    }

    private static String stripComment(String data) {
        int semicolon = data.indexOf(';');
        return semicolon < 0 ? data : data.substring(0, semicolon);
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\0', ' ');
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    private RegFileParseException error(int line, String key, Object... details) {
        return new RegFileParseException(file, line, key, details);
    }
}
