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
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(text, i);
            if (replacement == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            out.append(replacement);
            if (Character.isHighSurrogate(c) && replacement.length() == 2) {
                i++; // a valid pair was copied whole
            }
        }
        return out == null ? text : out.toString();
    }

    /** What the character at {@code i} becomes, or null when it stays. */
    private static String replacement(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n' || c == '\t') {
            return " ";
        }
        if (c < 0x20) {
            return String.valueOf((char) (0x2400 + c));
        }
        if (c == 0x7F) {
            return "\u2421";
        }
        if (c >= 0x80 && c <= 0x9F || isInvisibleFormat(c)) {
            return String.format(java.util.Locale.ROOT, "\u2039U+%04X\u203A", (int) c);
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                // tag characters (U+E0000 block) can hide text too
                if (codePoint >= 0xE0000 && codePoint <= 0xE007F) {
                    return String.format(java.util.Locale.ROOT, "\u2039U+%05X\u203A", codePoint);
                }
                return null;
            }
            return "\uFFFD";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : "\uFFFD";
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
