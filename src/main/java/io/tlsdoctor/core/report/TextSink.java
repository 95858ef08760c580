package io.tlsdoctor.core.report;

import java.util.List;

/**
 * A summary as plain text for reading on screen (the wizard's preview, the review window) and for a ticket system
 * that shows text as it is: headings underlined, facts as "Label: value", bullets, raw data indented. No markup
 * characters appear, so nothing reads as {@code **} or {@code ##}.
 */
final class TextSink implements DocumentSink {

    private final StringBuilder text = new StringBuilder(64 * 1024);

    @Override
    public void begin(String language, String title) {
        line(SafeText.visible(title));
        line("=".repeat(Math.max(3, TextTable.width(title))));
        text.append('\n');
    }

    @Override
    public void notice(String notice) {
        line("!! " + SafeText.visible(notice));
        text.append('\n');
    }

    @Override
    public void heading(int level, Tag tag, String heading) {
        String shown = (tag == null ? "" : "[" + SafeText.visible(tag.text()) + "] ") + SafeText.visible(heading);
        if (level <= 2) {
            line(shown);
            line("-".repeat(Math.max(3, TextTable.width(shown))));
        } else {
            line(shown);
        }
        text.append('\n');
    }

    @Override
    public void fields(List<Field> fields) {
        if (fields.isEmpty()) {
            return;
        }
        for (Field field : fields) {
            line(SafeText.visible(field.label()) + ": " + SafeText.visible(field.value()));
        }
        text.append('\n');
    }

    @Override
    public void paragraph(String paragraph) {
        line(SafeText.visible(paragraph));
        text.append('\n');
    }

    @Override
    public void list(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        for (Item item : items) {
            line("• "
                    + (item.tag() == null
                            ? ""
                            : "[" + SafeText.visible(item.tag().text()) + "] ") + SafeText.visible(item.text()));
        }
        text.append('\n');
    }

    @Override
    public void table(List<String> header, List<List<String>> rows) {
        TextTable table = TextTable.of(header, rows);
        List<List<String>> all = table.rows();
        int[] widths = table.widths();
        for (List<String> row : all) {
            StringBuilder cells = new StringBuilder("    ");
            for (int i = 0; i < row.size(); i++) {
                cells.append(row.get(i));
                if (i < row.size() - 1) {
                    cells.append(" ".repeat(widths[i] - TextTable.width(row.get(i)) + 2));
                }
            }
            line(cells.toString().stripTrailing());
        }
        text.append('\n');
    }

    @Override
    public void code(List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        for (String raw : lines) {
            line("    " + SafeText.visible(raw));
        }
        text.append('\n');
    }

    @Override
    public String finish(String footer) {
        text.append("—\n").append(SafeText.visible(footer)).append('\n');
        return text.toString();
    }

    private void line(String line) {
        text.append(line).append('\n');
    }
}
