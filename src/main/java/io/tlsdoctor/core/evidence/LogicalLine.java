package io.tlsdoctor.core.evidence;

/**
 * One line as the user meant it: a console-wrapped {@code LastError} value joined again, a quoted CSV field with a
 * line break inside kept whole, a {@code Select-String} prefix removed. Remembers which physical lines it came from.
 *
 * @param text          the joined text
 * @param segmentStarts offset in {@code text} where each physical line's contribution starts (ascending, first is 0)
 * @param segmentLines  the 1-based physical line number of each segment
 */
record LogicalLine(String text, int[] segmentStarts, int[] segmentLines) {

    static LogicalLine single(String text, int line) {
        return new LogicalLine(text, new int[] {0}, new int[] {line});
    }

    int firstLine() {
        return segmentLines[0];
    }

    /** The physical line that holds the character at {@code offset}. */
    int lineAt(int offset) {
        int line = segmentLines[0];
        for (int i = 0; i < segmentStarts.length && segmentStarts[i] <= offset; i++) {
            line = segmentLines[i];
        }
        return line;
    }
}
