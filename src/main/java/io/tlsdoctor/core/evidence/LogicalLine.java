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

    /** The physical lines that hold the characters {@code start} (inclusive) to {@code end} (exclusive). */
    java.util.List<Integer> linesIn(int start, int end) {
        java.util.List<Integer> lines = new java.util.ArrayList<>(2);
        for (int i = 0; i < segmentStarts.length; i++) {
            int segmentEnd = i + 1 < segmentStarts.length ? segmentStarts[i + 1] : Integer.MAX_VALUE;
            if (segmentStarts[i] < Math.max(end, start + 1) && start < segmentEnd) {
                lines.add(segmentLines[i]);
            }
        }
        return lines;
    }
}
