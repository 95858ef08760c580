package io.tlsdoctor.core.text;

/**
 * Text from the outside world (log lines, banners, EHLO names, certificate fields, file and zip entry names, pasted
 * text, registry strings) as it may be shown: on a terminal, in a summary, in the wizard. Nothing in it can move the
 * cursor, retitle or clear a terminal, reorder what is shown, hide characters, or start a line of its own. The
 * summaries ({@code SafeText}) and every command of the CLI print outside text through {@link #of}.
 */
public final class VisibleText {

    private VisibleText() {}

    /**
     * One line as a reader should see it: C0/C1 control characters become their Unicode control pictures (NUL is
     * ␀, ESC is ␛), a line break or tab becomes a space, and the invisible characters that reorder or hide text
     * (bidi overrides and isolates, zero-width characters, the byte-order mark) are named, e.g. {@code ‹U+202E›}.
     * A lone surrogate becomes U+FFFD. Idempotent: its output has nothing left to replace.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            if (width == 1 && Character.isSurrogate(text.charAt(i))) {
                codePoint = 0xFFFD; // a lone half of a pair: not a character at all
            }
            String replacement = replacement(codePoint, text.charAt(i));
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : text.substring(i, i + width));
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /** What one character becomes, or null when it stays as it is. */
    private static String replacement(int codePoint, char first) {
        if (codePoint == 0xFFFD && Character.isSurrogate(first)) {
            return "\uFFFD";
        }
        if (codePoint == '\n' || codePoint == '\t') {
            return " ";
        }
        if (codePoint < 0x20) {
            return String.valueOf((char) (0x2400 + codePoint));
        }
        if (codePoint == 0x7F) {
            return "\u2421";
        }
        if (codePoint >= 0x80 && codePoint <= 0x9F
                || codePoint <= 0xFFFF && isInvisibleFormat((char) codePoint)
                || codePoint >= 0xE0000 && codePoint <= 0xE007F) { // tag characters hide text too
            return String.format(java.util.Locale.ROOT, "\u2039U+%04X\u203A", codePoint);
        }
        return null;
    }

    private static boolean isInvisibleFormat(char c) {
        return c == 0x00AD // soft hyphen
                || c == 0x061C // Arabic letter mark
                || c == 0x180E
                || c >= 0x200B && c <= 0x200F // zero-width space/joiners, LRM, RLM
                || c >= 0x2028 && c <= 0x202E // line/paragraph separators, bidi embeddings and overrides
                || c >= 0x2060 && c <= 0x206F // word joiner, invisible operators, bidi isolates
                || c == 0xFEFF // byte-order mark, zero-width no-break space
                || c >= 0xFFF9 && c <= 0xFFFB; // interlinear annotation
    }

    /**
     * Text of several lines (a message that lists files, an error from a parser): each line through {@link #of},
     * the line breaks kept as this platform writes them.
     */
    public static String lines(String text) {
        if (text == null) {
            return null;
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int n = 0; n < lines.length; n++) {
            lines[n] = of(lines[n]);
        }
        return String.join(System.lineSeparator(), lines);
    }
}
