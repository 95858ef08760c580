package io.tlsdoctor.core.report;

import java.util.List;
import java.util.Locale;

/**
 * A summary as one self-contained HTML file: inline CSS only, no scripts, no external resources (a Content Security
 * Policy says so to the browser too), readable on a phone (viewport, fluid width, raw data in scrolling
 * {@code pre} blocks) and on paper (a print stylesheet that wraps instead of scrolling). Every text is escaped.
 */
final class HtmlSink implements DocumentSink {

    static final String STYLE = String.join(
            "\n",
            ":root{color-scheme:light}",
            "body{margin:0;font:16px/1.5 \"Segoe UI\",system-ui,-apple-system,Roboto,\"Helvetica Neue\",Arial,sans-serif;color:#1b1b1b;background:#fff}",
            "main{max-width:60rem;margin:0 auto;padding:1rem}",
            "h1{font-size:1.6rem;margin:.5rem 0 1rem}",
            "h2{font-size:1.3rem;border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2rem}",
            "h3{font-size:1.1rem;margin-top:1.5rem}",
            "h4{font-size:1rem;margin:1.2rem 0 .4rem}",
            "p,li,dd{overflow-wrap:anywhere}",
            "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:.5rem 0}",
            "dt{font-weight:600}",
            "dd{margin:0}",
            "ul{padding-left:1.2rem}",
            "li{margin:.2rem 0}",
            "pre{background:#f6f8fa;border:1px solid #d0d7de;border-radius:4px;padding:.6rem;overflow-x:auto;max-width:100%;"
                    + "font:13px/1.4 Consolas,\"Cascadia Mono\",Menlo,monospace;white-space:pre;tab-size:4}",
            ".scroll{overflow-x:auto;max-width:100%}",
            "table{border-collapse:collapse;font-size:.9rem;margin:.4rem 0}",
            "th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}",
            "th{background:#f6f8fa}",
            ".tag{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .4rem;border-radius:3px;border:1px solid;"
                    + "margin-right:.4rem;vertical-align:middle;text-transform:uppercase}",
            ".good{color:#116329;border-color:#116329;background:#dafbe1}",
            ".warn{color:#7d4e00;border-color:#9a6700;background:#fff8c5}",
            ".bad{color:#a40e26;border-color:#cf222e;background:#ffebe9}",
            ".neutral{color:#424a53;border-color:#8c959f;background:#f6f8fa}",
            ".notice{border-left:4px solid #9a6700;background:#fff8c5;padding:.5rem .8rem;font-weight:600}",
            "footer{max-width:60rem;margin:2rem auto 1rem;padding:0 1rem;font-size:.8rem;color:#57606a}",
            "@media (max-width:40rem){dl{grid-template-columns:1fr}dd{margin-bottom:.4rem}main{padding:.6rem}}",
            "@media print{body{font-size:10.5pt}main,footer{max-width:none;padding:0}"
                    + "pre{white-space:pre-wrap;overflow-wrap:anywhere;overflow:visible;border-color:#999;background:none}"
                    + ".scroll{overflow:visible}h2,h3,h4{break-after:avoid}tr,li{break-inside:avoid}"
                    + ".tag{background:none;color:#000;border-color:#000}@page{margin:15mm}}");

    private final StringBuilder html = new StringBuilder(64 * 1024);

    @Override
    public void begin(String language, String title) {
        html.append("<!DOCTYPE html>\n<html lang=\"")
                .append(SafeText.html(language))
                .append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append(
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"generator\" content=\"TLS Doctor\">\n")
                .append("<title>")
                .append(SafeText.html(title))
                .append("</title>\n")
                .append("<style>\n")
                .append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>")
                .append(SafeText.html(title))
                .append("</h1>\n");
    }

    @Override
    public void notice(String text) {
        html.append("<p class=\"notice\">").append(SafeText.html(text)).append("</p>\n");
    }

    @Override
    public void heading(int level, Tag tag, String text) {
        html.append("<h")
                .append(level)
                .append('>')
                .append(tag(tag))
                .append(SafeText.html(text))
                .append("</h")
                .append(level)
                .append(">\n");
    }

    @Override
    public void fields(List<Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        html.append("<dl>\n");
        for (Field field : fields) {
            html.append("<dt>")
                    .append(SafeText.html(field.label()))
                    .append("</dt><dd>")
                    .append(SafeText.html(field.value()))
                    .append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    @Override
    public void paragraph(String text) {
        html.append("<p>").append(SafeText.html(text)).append("</p>\n");
    }

    @Override
    public void list(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        html.append("<ul>\n");
        for (Item item : items) {
            html.append("<li>")
                    .append(tag(item.tag()))
                    .append(SafeText.html(item.text()))
                    .append("</li>\n");
        }
        html.append("</ul>\n");
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        html.append("<div class=\"scroll\"><table>\n<thead><tr>");
        for (String cell : header) {
            html.append("<th>").append(SafeText.html(cell)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (String cell : row) {
                html.append("<td>").append(SafeText.html(cell)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    @Override
    public void code(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        html.append("<pre>");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                html.append('\n');
            }
            html.append(SafeText.html(lines.get(i)));
        }
        html.append("</pre>\n");
    }

    @Override
    public String finish(String footer) {
        html.append("</main>\n<footer>").append(SafeText.html(footer)).append("</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static String tag(Tag tag) {
        if (tag == null) {
            return "";
        }
        return "<span class=\"tag " + tag.tone().name().toLowerCase(Locale.ROOT) + "\">" + SafeText.html(tag.text())
                + "</span>";
    }
}
