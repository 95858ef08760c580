package io.tlsdoctor.core.evidence;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough HTML-to-text for the HTML part of an NDR, and for an NDR's HTML pasted as source (from OWA's or a
 * ticket system's source view): line breaks where blocks end, tags gone, entities decoded.
 */
final class HtmlText {

    /** Line break and block tags: two of them make a paste HTML rather than text (one may be a word in prose). */
    private static final Pattern HTML_MARK = Pattern.compile("(?i)<\\s*/?\\s*(br|p|div|html|body)\\b[^<>]{0,500}>");

    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(\\d{1,7});");

    private static final Pattern SCRIPT_OR_STYLE =
            Pattern.compile("(?is)<(script|style)\\b[^>]{0,500}>.{0,100000}?</\\1\\s*>");
    private static final Pattern BLOCK_END =
            Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6]|/table)\\b[^>]{0,500}>");
    /** A tag starts with a name, {@code /} or {@code !}: a protocol log's {@code <,} and {@code >,} are not tags. */
    private static final Pattern TAG = Pattern.compile("<[A-Za-z/!][^<>]{0,2000}>");

    private HtmlText() {}

    /**
     * The text of a paste that is HTML source; anything else as it is. Quoted-printable HTML (its raw body) is
     * decoded first, because the HTML's own line breaks are white space once its tags are read. Line numbers then
     * refer to the text as read, as for an .eml.
     */
    static EvidenceText decodeIfHtml(EvidenceText evidence) {
        String text = evidence.text();
        if (!looksLikeHtml(text)) {
            return evidence;
        }
        String html = TextNormalizer.looksQuotedPrintable(TextNormalizer.splitLines(text), text)
                ? TextNormalizer.decodeQuotedPrintableBody(text)
                : text;
        return new EvidenceText(toText(html), evidence.encoding(), true);
    }

    static boolean looksLikeHtml(String text) {
        Matcher m = HTML_MARK.matcher(text);
        return m.find() && m.find();
    }

    static String toText(String html) {
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll("");
        text = text.replaceAll("[\\r\\n]+", " ");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return numericEntities(text)
                .replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    private static String numericEntities(String text) {
        if (text.indexOf("&#") < 0) {
            return text;
        }
        Matcher m = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            Character.isValidCodePoint(code) && code >= 32
                                    ? new String(Character.toChars(code))
                                    : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
