package io.tlsdoctor.core.report;

import io.tlsdoctor.core.text.VisibleText;

/**
 * Text from the outside world (log lines, banners, certificate fields, pasted text) made safe to show: control
 * characters visible instead of acted on, and escaped for the format it goes into. Every string of a summary passes
 * {@link #visible} when the summary is built, and again when it is rendered, because a summary can be read back from
 * a file someone edited.
 */
final class SafeText {

    private SafeText() {}

    /** One line as a reader should see it: {@link VisibleText#of}, the one escape for every text from outside. */
    static String visible(String text) {
        return VisibleText.of(text);
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
                    boolean inWord = i > 0
                            && Character.isLetterOrDigit(shown.charAt(i - 1))
                            && i + 1 < shown.length()
                            && Character.isLetterOrDigit(shown.charAt(i + 1));
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
