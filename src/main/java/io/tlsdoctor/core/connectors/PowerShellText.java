package io.tlsdoctor.core.connectors;

/** Values as a PowerShell command line needs them, so a suggested command does what it says with any name. */
public final class PowerShellText {

    private PowerShellText() {}

    /**
     * A single-quoted string: nothing inside is expanded. PowerShell also ends a string at the typographic quotes
     * ‘ ’ ‚ ‛, so those are doubled like {@code '} (a connector named {@code Kund’s} would otherwise break the line).
     */
    public static String quote(String value) {
        StringBuilder quoted = new StringBuilder("'");
        for (char c : value.toCharArray()) {
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                quoted.append(c);
            }
            quoted.append(c);
        }
        return quoted.append('\'').toString();
    }

    /** A list for a multi-valued parameter: {@code 'a','b'}. */
    public static String list(java.util.List<String> values) {
        return String.join(",", values.stream().map(PowerShellText::quote).toList());
    }
}
