package io.tlsdoctor.platform.registry;

import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A .reg file edited as text, so a change touches only the lines of the values it changes: every other line (other
 * values in whatever form regedit wrote them, {@code [-key]} and {@code "x"=-} lines, comments, blank lines) keeps
 * its bytes. Each edit is checked by parsing the result: it must mean exactly the old file plus the one change, or
 * the next, plainer way of writing it is tried (the value in its key's last section, then a new section at the end).
 */
final class RegFileDocument {

    private final String name;
    private final byte[] prefix;
    private final Charset charset;
    private String text;

    private RegFileDocument(String name, byte[] prefix, Charset charset, String text) {
        this.name = name;
        this.prefix = prefix;
        this.charset = charset;
        this.text = text;
    }

    /**
     * The file as text in its own encoding; refused when writing the text back would not give the same bytes (then
     * no edit could keep the rest of the file as it is).
     */
    static RegFileDocument of(String name, byte[] bytes) throws RegistryReadException {
        RegFileParser.apply(name, bytes, new RegistryImage()); // a file the parser refuses is never edited
        byte[] prefix;
        Charset charset;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            prefix = new byte[] {(byte) 0xFF, (byte) 0xFE};
            charset = StandardCharsets.UTF_16LE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            prefix = new byte[] {(byte) 0xFE, (byte) 0xFF};
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 3
                && (bytes[0] & 0xFF) == 0xEF
                && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF) {
            prefix = new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            charset = StandardCharsets.UTF_8;
        } else if (bytes.length >= 2 && bytes[0] != 0 && bytes[1] == 0) {
            prefix = new byte[0];
            charset = StandardCharsets.UTF_16LE;
        } else {
            prefix = new byte[0];
            charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        }
        String text = new String(bytes, prefix.length, bytes.length - prefix.length, charset);
        RegFileDocument document = new RegFileDocument(name, prefix, charset, text);
        if (!Arrays.equals(document.bytes(), bytes)) {
            throw new RegistryReadException("fix.store.notEditable", List.of(name), null);
        }
        return document;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    byte[] bytes() {
        byte[] body = text.getBytes(charset);
        byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    /** The file's meaning: what importing it would leave. */
    RegistryImage image() throws RegistryReadException {
        RegistryImage image = new RegistryImage();
        RegFileParser.apply(name, bytes(), image);
        return image;
    }

    /** Sets the value, or deletes it when {@code value} is null; false when no edit means exactly that. */
    boolean put(RegistryLocation location, RegistryValue value) throws RegistryReadException {
        RegistryImage expected = image();
        if (java.util.Objects.equals(expected.value(location.keyPath(), location.name()), value)) {
            return true; // already so: not a byte changes
        }
        if (value == null) {
            expected.deleteValue(location.keyPath(), location.name());
        } else {
            expected.openKey(location.keyPath());
            expected.setValue(location.keyPath(), location.name(), value);
        }
        Map<String, Map<String, RegistryValue>> wanted = expected.meaning();
        for (String candidate : candidates(location, value)) {
            RegistryImage image = new RegistryImage();
            try {
                RegFileParser.apply(name, encode(candidate), image);
            } catch (RegistryReadException e) {
                continue;
            }
            if (image.meaning().equals(wanted)) {
                text = candidate;
                return true;
            }
        }
        return false;
    }

    private byte[] encode(String candidate) {
        byte[] body = candidate.getBytes(charset);
        byte[] all = Arrays.copyOf(prefix, prefix.length + body.length);
        System.arraycopy(body, 0, all, prefix.length, body.length);
        return all;
    }

    /** The ways to write the change, least disturbing first. */
    private List<String> candidates(RegistryLocation location, RegistryValue value) {
        String newline = text.contains("\r\n") ? "\r\n" : "\n";
        List<Line> lines = scan();
        String key = lower(location.keyPath());
        String valueName = lower(location.name());
        List<String> candidates = new ArrayList<>();
        String line = value == null
                ? null
                : RegFileText.valueLine(location.name(), Optional.of(value)).replace("\r\n", newline);
        List<Line> values = lines.stream()
                .filter(l -> l.isValue() && l.key.equals(key) && l.name.equals(valueName))
                .toList();
        if (value == null) {
            // every line that sets it goes, so no earlier one shows through
            candidates.add(splice(lines, values, null, newline));
        } else {
            if (!values.isEmpty()) {
                Line last = values.get(values.size() - 1);
                candidates.add(splice(lines, List.of(last), line, newline));
            }
            Line lastSection = null;
            for (Line l : lines) {
                if (l.header && !l.deleted && l.key.equals(key)) {
                    lastSection = l;
                }
            }
            if (lastSection != null) {
                candidates.add(insertAfter(lines, lastContentOf(lines, lastSection), line, newline));
            }
        }
        StringBuilder appended = new StringBuilder(text);
        if (!text.isEmpty() && !text.endsWith("\n")) {
            appended.append(newline);
        }
        appended.append(newline)
                .append('[')
                .append(location.keyPath())
                .append(']')
                .append(newline)
                .append(line != null ? line : RegFileText.valueLine(location.name(), Optional.empty()))
                .append(newline);
        candidates.add(appended.toString());
        return candidates;
    }

    /** The last line of a section (its header, or its last value) before the next header. */
    private static Line lastContentOf(List<Line> lines, Line header) {
        Line last = header;
        for (int i = lines.indexOf(header) + 1; i < lines.size() && !lines.get(i).header; i++) {
            if (lines.get(i).isValue()) {
                last = lines.get(i);
            }
        }
        return last;
    }

    private String splice(List<Line> lines, List<Line> replaced, String replacement, String newline) {
        StringBuilder out = new StringBuilder();
        int position = 0;
        for (Line l : replaced) {
            out.append(text, position, l.start);
            if (replacement != null) {
                out.append(replacement).append(newline);
            }
            position = l.end;
        }
        return out.append(text.substring(position)).toString();
    }

    private String insertAfter(List<Line> lines, Line after, String inserted, String newline) {
        StringBuilder out = new StringBuilder(text.substring(0, after.end));
        if (after.end > 0 && text.charAt(after.end - 1) != '\n') {
            out.append(newline);
        }
        out.append(inserted).append(newline);
        return out.append(text.substring(after.end)).toString();
    }

    /** One logical line: a key header, or a value with its continuation lines; {@code end} includes the line break. */
    private static final class Line {
        int start;
        int end;
        boolean header;
        boolean deleted;
        String key;
        String name;

        boolean isValue() {
            return !header && name != null;
        }
    }

    private List<Line> scan() {
        List<Line> lines = new ArrayList<>();
        String currentKey = null;
        int position = text.startsWith("\uFEFF") ? 1 : 0;
        boolean first = true;
        while (position < text.length()) {
            int end = lineEnd(position);
            String content = text.substring(position, end).strip();
            Line line = new Line();
            line.start = position;
            if (first) {
                first = false; // the header line
            } else if (content.startsWith("[") && content.endsWith("]")) {
                String inner = content.substring(1, content.length() - 1).strip();
                line.header = true;
                line.deleted = inner.startsWith("-");
                line.key = lower(normalise(line.deleted ? inner.substring(1).strip() : inner));
                currentKey = line.deleted ? null : line.key;
            } else if (currentKey != null && (content.startsWith("\"") || content.startsWith("@"))) {
                line.key = currentKey;
                line.name = lower(nameOf(content));
                while (continues(text.substring(position, end)) && end < text.length()) {
                    end = lineEnd(end);
                }
            }
            line.end = end;
            lines.add(line);
            position = end;
        }
        return lines;
    }

    /** Index just past the next line break (or the end). */
    private int lineEnd(int from) {
        int newline = text.indexOf('\n', from);
        return newline < 0 ? text.length() : newline + 1;
    }

    private static boolean continues(String line) {
        String data = line.strip();
        int semicolon = data.indexOf(';');
        if (semicolon >= 0 && !data.startsWith("\"")) {
            data = data.substring(0, semicolon).strip();
        }
        return data.endsWith("\\") && data.contains("=hex");
    }

    private static String nameOf(String content) {
        if (content.startsWith("@")) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c == '\\'
                    && i + 1 < content.length()
                    && (content.charAt(i + 1) == '\\' || content.charAt(i + 1) == '"')) {
                out.append(content.charAt(++i));
            } else if (c == '"') {
                break;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static final Map<String, String> ROOTS = new LinkedHashMap<>(Map.of(
            "HKLM",
            "HKEY_LOCAL_MACHINE",
            "HKCU",
            "HKEY_CURRENT_USER",
            "HKCR",
            "HKEY_CLASSES_ROOT",
            "HKU",
            "HKEY_USERS",
            "HKCC",
            "HKEY_CURRENT_CONFIG"));

    private static String normalise(String path) {
        while (path.endsWith("\\")) {
            path = path.substring(0, path.length() - 1);
        }
        int slash = path.indexOf('\\');
        String root = (slash < 0 ? path : path.substring(0, slash)).toUpperCase(Locale.ROOT);
        String full = ROOTS.getOrDefault(root, root);
        return slash < 0 ? full : full + path.substring(slash);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
