package io.tlsdoctor.core.logs;

/** A sample of a line that is not a readable protocol-log row, kept so the user can see what was ignored. */
public record BadLine(String path, long lineNumber, String text) {
    static final int MAX_TEXT = 300;
}
