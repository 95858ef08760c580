package io.tlsdoctor.core.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table made safe to show as plain characters (control and bidi characters visible, empty cells "") with each
 * column's width in code points, for the sinks that lay tables out in monospaced text (plain text and Markdown).
 *
 * @param rows   the header first, then the rows
 * @param widths the widest cell of each column
 */
record TextTable(List<List<String>> rows, int[] widths) {

    static TextTable of(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        all.add(header.stream().map(SafeText::visible).toList());
        for (List<String> row : rows) {
            all.add(row.stream()
                    .map(cell -> SafeText.visible(cell == null ? "" : cell))
                    .toList());
        }
        int[] widths = new int[header.size()];
        for (List<String> row : all) {
            for (int i = 0; i < row.size() && i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        return new TextTable(all, widths);
    }

    static int width(String cell) {
        return cell.codePointCount(0, cell.length());
    }
}
