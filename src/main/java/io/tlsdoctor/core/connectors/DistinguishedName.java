package io.tlsdoctor.core.connectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An X.500 name as Exchange prints it ({@code CN=mail.contoso.com, O="Contoso, Ltd", S=Skåne, C=SE}). Compared by its
 * parts, not its spelling: .NET writes {@code ", "} and {@code S=}, Java {@code ","} and {@code ST=}, admins retype
 * with other spaces and case.
 */
public record DistinguishedName(String text) {

    public DistinguishedName {
        text = text == null ? "" : text.strip();
    }

    /** The parts as {@code type=value}, types upper-cased and aliased, values trimmed and lower-cased, in order. */
    public List<String> parts() {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                current.append(text.charAt(++i));
            } else if (c == '"') {
                quoted = !quoted;
            } else if ((c == ',' || c == '+') && !quoted) {
                add(parts, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        add(parts, current.toString());
        return parts;
    }

    private static void add(List<String> parts, String part) {
        int equals = part.indexOf('=');
        if (part.isBlank() || equals < 0) {
            return;
        }
        String type = part.substring(0, equals).strip().toUpperCase(Locale.ROOT);
        type = switch (type) {
            case "ST" -> "S";
            case "EMAILADDRESS" -> "E";
            default -> type;
        };
        parts.add(type + "="
                + part.substring(equals + 1).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    public boolean sameAs(DistinguishedName other) {
        return other != null && !parts().isEmpty() && parts().equals(other.parts());
    }

    /** The first CN's value as written, or null. */
    public String commonName() {
        for (String part : text.split(",")) {
            String trimmed = part.strip();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3).strip().replace("\"", "");
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
