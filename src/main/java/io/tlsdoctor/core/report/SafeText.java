package io.tlsdoctor.core.report;

/**
 * Text from the outside world (log lines, banners, certificate fields, pasted text) made safe to show: control
 * characters visible instead of acted on, and escaped for the format it goes into. Every string of a summary passes
 * {@link #visible} when the summary is built, and again when it is rendered, because a summary can be read back from
 * a file someone edited.
 */
final class SafeText {

    private SafeText() {
    }

    /**
     * One line as a reader should see it: C0/C1 control characters become their Unicode control pictures (NUL is
     * ␀, ESC is ␛), a line break or tab becomes a space, and the invisible characters that reorder or hide text
     * (bidi overrides and isolates, zero-width characters, the byte-order mark) are named, e.g. {@code ‹U+202E›}.
     * A lone surrogate becomes U+FFFD. Idempotent: its output has nothing left to replace.
     */
    static String visible(String text) {
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
        if (codePoint >= 0x80 && codePoint <= 0x9F || codePoint <= 0xFFFF && isInvisibleFormat((char) codePoint)
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

    /** For HTML text and attribute values: nothing in it can open a tag, an entity or leave an attribute. */
    static String html(String text) {
        String shown = visible(text == null ? "" : text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * For Markdown text that starts a block (a paragraph, a list item's text): {@link #markdownInline} plus escaping
     * what would turn the start of the line into a list item, a heading, a block quote or a rule.
     */
    static String markdown(String text) {
        StringBuilder out = new StringBuilder(markdownInline(text).stripLeading());
        if (!out.isEmpty() && "-+=#>".indexOf(out.charAt(0)) >= 0) {
            out.insert(0, '\\');
        }
        int digits = 0;
        while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
            out.insert(digits, '\\');
        }
        return out.toString();
    }

    /**
     * For Markdown text inside a line (after a label, in a heading): every character that can start emphasis, code,
     * a link, an image, raw HTML, an autolink or an entity is backslash-escaped, so the text reads the same rendered
     * and pasted as plain text. Where CommonMark would not act on a character, it stays bare to keep the plain text
     * readable: an underscore inside a word ({@code SP_PROT_TLS1_2_CLIENT}), a backslash before a letter
     * ({@code HKLM\SYSTEM}).
     */
    static String markdownInline(String text) {
        String shown = visible(text == null ? "" : text);
        StringBuilder out = new StringBuilder(shown.length() + 16);
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            switch (c) {
                case '`', '*', '[', ']', '<', '&', '~' -> out.append('\\').append(c);
                case '\\' -> {
                    boolean beforePunctuation = i + 1 == shown.length() || isAsciiPunctuation(shown.charAt(i + 1));
                    out.append(beforePunctuation ? "\\\\" : "\\");
                }
                case '_' -> {
                    boolean inWord = i > 0 && Character.isLetterOrDigit(shown.charAt(i - 1))
                            && i + 1 < shown.length() && Character.isLetterOrDigit(shown.charAt(i + 1));
                    out.append(inWord ? "_" : "\\_");
                }
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }

    /** The backtick fence for a code block: longer than any run of backticks inside it, and at least three. */
    static String fence(Iterable<String> lines) {
        int longest = 0;
        for (String line : lines) {
            int run = 0;
            for (int i = 0; i < line.length(); i++) {
                run = line.charAt(i) == '`' ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return "`".repeat(Math.max(3, longest + 1));
    }
}
