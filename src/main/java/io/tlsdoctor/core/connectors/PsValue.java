package io.tlsdoctor.core.connectors;

import java.util.List;

/**
 * One property value as PowerShell printed or serialised it: nothing ({@code $null}), one value, or a collection.
 * {@code truncated}: the output cut it short ({@code ...} after {@code $FormatEnumerationLimit} items, or a
 * {@code ConvertTo-Json -Depth} too small), so what is missing cannot be judged.
 */
public record PsValue(List<String> items, boolean multi, boolean truncated) {

    public static final PsValue NULL = new PsValue(List.of(), false, false);

    public PsValue {
        items = List.copyOf(items);
    }

    public static PsValue of(String value) {
        return value == null ? NULL : new PsValue(List.of(value), false, false);
    }

    public static PsValue list(List<String> values, boolean truncated) {
        return new PsValue(values, true, truncated);
    }

    public static PsValue truncatedValue() {
        return new PsValue(List.of(), false, true);
    }

    public boolean isEmpty() {
        return items.isEmpty() || items.stream().allMatch(String::isBlank);
    }

    /** The value as one line, the way Format-List shows it ({@code {a, b}} for a collection). */
    public String shown() {
        if (multi) {
            return "{" + String.join(", ", items) + (truncated ? "..." : "") + "}";
        }
        return items.isEmpty() ? "" : items.get(0);
    }

    /** The single value, or null; a collection gives its first item. */
    public String text() {
        return items.isEmpty() ? null : items.get(0).strip();
    }

    /** True/False as PowerShell prints it, null when absent or not a boolean. */
    public Boolean bool() {
        String text = text();
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("true") || text.equals("1")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false") || text.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
