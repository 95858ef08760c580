package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.VisibleText;

/**
 * Outside text (file and zip entry names, log fields, EHLO names, NDR lines, registry strings, parser errors) as the
 * command line prints it: through {@link VisibleText#of}, the same escape the summaries use, so nothing from an input
 * can act on the terminal or start a line of its own.
 */
final class Shown {

    private Shown() {}

    static String field(Object value) {
        return value == null ? null : VisibleText.of(String.valueOf(value));
    }

    /** Message arguments: text escaped, numbers left for the message format to write. */
    static Object[] args(Object... values) {
        Object[] shown = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            shown[i] = values[i] instanceof Number ? values[i] : field(values[i]);
        }
        return shown;
    }
}
