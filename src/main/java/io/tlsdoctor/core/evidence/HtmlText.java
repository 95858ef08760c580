package io.tlsdoctor.core.evidence;

import java.util.regex.Pattern;

/** Just enough HTML-to-text for the HTML part of an NDR: line breaks where blocks end, tags gone, entities decoded. */
final class HtmlText {

    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("(?is)<(script|style)\\b[^>]{0,500}>.{0,100000}?</\\1\\s*>");
    private static final Pattern BLOCK_END = Pattern.compile("(?i)<\\s*(br|/p|/div|/tr|/li|/h[1-6]|/table)\\b[^>]{0,500}>");
    private static final Pattern TAG = Pattern.compile("<[^>]{0,2000}>");

    private HtmlText() {
    }

    static String toText(String html) {
        String text = SCRIPT_OR_STYLE.matcher(html).replaceAll("");
        text = text.replaceAll("[\\r\\n]+", " ");
        text = BLOCK_END.matcher(text).replaceAll("\n");
        text = TAG.matcher(text).replaceAll("");
        return text.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'").replace("&amp;", "&");
    }
}
