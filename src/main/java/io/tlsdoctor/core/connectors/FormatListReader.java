package io.tlsdoctor.core.connectors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code | Format-List} output as it is pasted or saved: {@code Name<padding> : value}, values wrapped onto
 * indented continuation lines at the console's width, or broken hard at that width by a console copy; {@code {a, b}}
 * collections cut with {@code ...} or {@code …}; several objects, blank lines between them (or between properties,
 * as forum pastes have them); prompt lines ({@code [PS] C:\>Get-SendConnector | fl}) that say which cmdlet follows.
 * A new object starts where a property repeats, or after a blank line once an object has shown it has none inside.
 */
final class FormatListReader {

    private static final Pattern PROPERTY = Pattern.compile("^([A-Za-z][A-Za-z0-9_.]*) *: ?(.*)$");
    private static final Pattern PADDED = Pattern.compile("^[A-Za-z][A-Za-z0-9_.]* +: ");
    private static final Pattern PROMPT =
            Pattern.compile("^(?:\\[PS\\] ?)?PS [^>]*>\\s*(.*)$|^\\[PS\\] ?[A-Za-z]:\\\\[^>]*>\\s*(.*)$");
    private static final Pattern TABLE_RULE = Pattern.compile("^-{2,}( +-{2,})+\\s*$");
    private static final Map<String, String> CMDLET_TYPES = Map.of(
            "get-sendconnector",
            "SmtpSendConnectorConfig",
            "get-receiveconnector",
            "ReceiveConnector",
            "get-exchangecertificate",
            "ExchangeCertificate",
            "get-hybridconfiguration",
            "HybridConfiguration",
            "get-inboundconnector",
            "InboundConnector",
            "get-outboundconnector",
            "OutboundConnector");

    private FormatListReader() {}

    static List<PsObject> read(String text, String file) throws ConnectorInputException {
        List<String> lines = text.lines().toList();
        int width = 0;
        for (String line : lines) {
            width = Math.max(width, line.length());
        }
        List<PsObject> objects = new ArrayList<>();
        Builder current = null;
        String hint = null;
        String lastName = null;
        int valueColumn = 0;
        int lastPhysicalLength = 0;
        boolean afterBlank = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher prompt = PROMPT.matcher(line);
            if (prompt.matches()) {
                current = flush(current, objects);
                String command = prompt.group(1) != null ? prompt.group(1) : prompt.group(2);
                hint = typeOf(command);
                lastName = null;
                continue;
            }
            if (TABLE_RULE.matcher(line).matches()) {
                throw new ConnectorInputException("connectors.read.table", file, i + 1);
            }
            if (line.isBlank()) {
                afterBlank = true;
                lastPhysicalLength = 0;
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (!indented
                    && property.matches()
                    && (PADDED.matcher(line).find() || line.contains(" : ") || line.endsWith(" :"))) {
                String name = property.group(1);
                // Format-List separates objects by blank lines and has none inside one; a forum paste may have one
                // after every property. So a blank line ends an object only once it has shown it is dense.
                if (current == null || current.values.containsKey(name) || afterBlank && current.dense) {
                    current = flush(current, objects);
                    current = new Builder(file + ":" + (i + 1), hint);
                }
                // kept as printed, trailing space included: a wrap may have split the value at that space
                if (!afterBlank && !current.values.isEmpty()) {
                    current.dense = true;
                }
                current.values.put(name, new StringBuilder(property.group(2)));
                valueColumn = line.length() - property.group(2).length();
                lastName = name;
                lastPhysicalLength = line.length();
                afterBlank = false;
                continue;
            }
            if (current != null && lastName != null && !afterBlank) {
                // a continuation: PowerShell's own wrap (indented to the value column) or a console's hard break at
                // its width (column 0). A line shorter than the width lost a trailing space to the copy.
                StringBuilder value = current.values.get(lastName);
                int indent = line.length() - line.stripLeading().length();
                String piece = indent >= valueColumn ? line.substring(valueColumn) : indent > 0 ? line.strip() : line;
                if (lastPhysicalLength < width - 1
                        && !value.isEmpty()
                        && !Character.isWhitespace(value.charAt(value.length() - 1))) {
                    value.append(' ');
                }
                value.append(piece);
                lastPhysicalLength = line.length();
                continue;
            }
            // anything else (a heading, a warning line) ends the object it follows
            current = flush(current, objects);
            lastName = null;
            afterBlank = false;
        }
        flush(current, objects);
        return objects;
    }

    private static String typeOf(String command) {
        if (command == null) {
            return null;
        }
        String first = command.strip().split("[\\s|]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        return CMDLET_TYPES.get(first);
    }

    private static Builder flush(Builder current, List<PsObject> objects) {
        if (current != null && !current.values.isEmpty()) {
            Map<String, PsValue> properties = new LinkedHashMap<>();
            current.values.forEach((name, value) -> properties.put(name, value(value.toString())));
            objects.add(
                    new PsObject(current.source, current.hint == null ? List.of() : List.of(current.hint), properties));
        }
        return null;
    }

    /** {@code {a, b...}} is a collection (cut off when it ends with ... or …); anything else one value. */
    static PsValue value(String text) {
        String v = text.strip();
        if (v.isEmpty()) {
            return PsValue.NULL;
        }
        if (v.startsWith("{") && (v.endsWith("}") || v.endsWith("...") || v.endsWith("…"))) {
            String inner = v.endsWith("}") ? v.substring(1, v.length() - 1) : v.substring(1);
            boolean truncated = false;
            if (inner.endsWith("...") || inner.endsWith("…")) {
                truncated = true;
                inner = inner.endsWith("...")
                        ? inner.substring(0, inner.length() - 3)
                        : inner.substring(0, inner.length() - 1);
            }
            List<String> items = new ArrayList<>();
            for (String item : inner.split(", ")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return PsValue.list(items, truncated);
        }
        return PsValue.of(v);
    }

    private static final class Builder {
        final String source;
        final String hint;
        final Map<String, StringBuilder> values = new LinkedHashMap<>();
        boolean dense;

        Builder(String source, String hint) {
            this.source = source;
            this.hint = hint;
        }
    }
}
