package io.tlsdoctor.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A summary as Markdown that also reads as plain text when a ticket system shows it raw: headings, lists of
 * {@code **Label:** value}, tables and raw data as aligned text in fenced code blocks (a fence longer than any run
 * of backticks inside, so no data can close it). Running text is escaped so nothing from outside becomes a link,
 * an image, emphasis or raw HTML.
 */
final class MarkdownSink implements DocumentSink {

    private final StringBuilder md = new StringBuilder(64 * 1024);

    @Override
    public void begin(String language, String title) {
        md.append("# ").append(SafeText.markdownInline(title)).append("\n\n");
    }

    @Override
    public void notice(String text) {
        md.append("> **").append(SafeText.markdownInline(text)).append("**\n\n");
    }

    @Override
    public void heading(int level, Tag tag, String text) {
        md.append("#".repeat(level)).append(' ');
        if (tag != null) {
            md.append(SafeText.markdownInline(tag.text())).append(" – ");
        }
        md.append(SafeText.markdownInline(text)).append("\n\n");
    }

    @Override
    public void fields(List<Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        for (Field field : fields) {
            md.append("- **")
                    .append(SafeText.markdownInline(field.label()))
                    .append(":** ")
                    .append(SafeText.markdownInline(field.value()))
                    .append('\n');
        }
        md.append('\n');
    }

    @Override
    public void paragraph(String text) {
        md.append(SafeText.markdown(text)).append("\n\n");
    }

    @Override
    public void list(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        for (Item item : items) {
            md.append("- ");
            if (item.tag() == null) {
                md.append(SafeText.markdown(item.text())).append('\n');
            } else {
                md.append("**")
                        .append(SafeText.markdownInline(item.tag().text()))
                        .append("** ")
                        .append(SafeText.markdownInline(item.text()))
                        .append('\n');
            }
        }
        md.append('\n');
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        TextTable table = TextTable.of(header, rows);
        List<List<String>> all = table.rows();
        int[] widths = table.widths();
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < all.size(); r++) {
            lines.add(line(all.get(r), widths));
            if (r == 0) {
                List<String> rule = new ArrayList<>();
                for (int width : widths) {
                    rule.add("-".repeat(width));
                }
                lines.add(line(rule, widths));
            }
        }
        block(lines);
    }

    private static String line(List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            line.append(cell);
            if (i < cells.size() - 1) {
                line.append(" ".repeat(widths[i] - TextTable.width(cell) + 2));
            }
        }
        return line.toString().stripTrailing();
    }

    @Override
    public void code(List<String> lines) {
        if (!lines.isEmpty()) {
            block(lines.stream().map(SafeText::visible).toList());
        }
    }

    private void block(List<String> lines) {
        String fence = SafeText.fence(lines);
        md.append(fence).append("text\n");
        for (String line : lines) {
            md.append(line).append('\n');
        }
        md.append(fence).append("\n\n");
    }

    @Override
    public String finish(String footer) {
        md.append("---\n\n").append(SafeText.markdown(footer)).append('\n');
        return md.toString();
    }
}
