package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.VisibleText;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * The last guard between the command line and the terminal: whatever is written passes {@link VisibleText#of}, only
 * line breaks and tabs kept. Commands escape each outside field themselves ({@link Shown}), which also keeps a line
 * break inside a field from forging a line; this catches a field one of them forgot, so an escape sequence can
 * never retitle, clear or recolour the terminal. (Hence picocli's help is printed without colours.)
 */
final class VisibleWriter extends FilterWriter {

    VisibleWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    /**
     * Printable ASCII, line breaks and tabs pass unchanged (what {@link VisibleText#of} keeps as it is), so such a
     * write goes through whole: the JSON report is all of that (it is ASCII-escaped), and taking it apart line by
     * line cost 20 % of {@code logs --json}'s time on 66,000 remotes (a String, a substring and an encoder buffer a
     * line).
     */
    private static boolean plain(char c) {
        return c >= 0x20 && c < 0x7F || c == '\n' || c == '\r' || c == '\t';
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (!plain(buffer[i])) {
                write(new String(buffer, offset, length), 0, length);
                return;
            }
        }
        out.write(buffer, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        if (allPlain(text, offset, offset + length)) {
            out.write(text, offset, length);
            return;
        }
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' || c == '\t') {
                out.write(VisibleText.of(text.substring(start, i)));
                out.write(c);
                start = i + 1;
            }
        }
        out.write(VisibleText.of(text.substring(start, end)));
    }

    private static boolean allPlain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!plain(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
