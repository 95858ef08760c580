package io.tlsdoctor.core.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Fetches an example session's rows again from its file, between the offsets the reader noted. Re-reading one
 * session per failure reason costs milliseconds; keeping every session's rows in memory in case it fails would not
 * keep the heap bounded.
 */
final class Transcripts {

    static final int MAX_ROWS = 500;

    private Transcripts() {}

    static FailureExample example(Session session) {
        List<Row> rows = new ArrayList<>();
        boolean cut = false;
        // Between its first and last row a session of a busy server shares the file with hundreds of others: a line
        // is made into text only when its bytes hold the session id (or it is a header), and the file is read a
        // block at a time rather than a byte per call.
        byte[] id = asciiBytes(session.sessionId());
        try (InputStream in = DecodedInput.open(session.source())) {
            Lines lines = new Lines(in);
            long offset = 0;
            int sessionColumn = 2;
            int sequenceColumn = 3;
            while (offset < session.lastOffset()) {
                long lineStart = offset;
                lines.clear();
                int b = lines.appendLine();
                offset += lines.consumed;
                // A quoted field with a line break in it: the row goes on, as the reader took it.
                for (int joined = 0;
                        b >= 0
                                && joined < ProtocolLogReader.MAX_JOINED_LINES
                                && quoteStillOpen(lines.line, lines.length);
                        joined++) {
                    lines.append((byte) '\n');
                    b = lines.appendLine();
                    offset += lines.consumed;
                }
                byte[] bytes = lines.line;
                int len = lines.length > 0 && bytes[lines.length - 1] == '\r' ? lines.length - 1 : lines.length;
                boolean header = len > 0 && bytes[0] == '#';
                if (header && len >= 8) {
                    String text = Bytes.decode(bytes, 0, len);
                    if (text.regionMatches(true, 0, "#Fields:", 0, 8)) {
                        FieldLayout layout = FieldLayout.parse(text.substring(8));
                        if (layout != null) {
                            sessionColumn = layout.sessionId();
                            sequenceColumn = layout.sequence();
                        }
                    } else if (lineStart >= session.firstOffset() && text.contains(session.sessionId())) {
                        cut = !add(rows, text, sessionColumn, sequenceColumn, session);
                        if (cut) {
                            break;
                        }
                    }
                } else if (lineStart >= session.firstOffset()
                        && (id == null || Bytes.indexOf(bytes, 0, len, id) >= 0)) {
                    String text = Bytes.decode(bytes, 0, len);
                    if (text.contains(session.sessionId())) {
                        cut = !add(rows, text, sessionColumn, sequenceColumn, session);
                        if (cut) {
                            break;
                        }
                    }
                }
                if (b < 0) {
                    break;
                }
                if (offset < session.firstOffset() && !header) {
                    lines.skip(session.firstOffset() - offset); // past the header: jump to the session
                    offset = session.firstOffset();
                }
            }
        } catch (IOException e) {
            rows.add(new Row(0, 0, "(" + LogInputs.message(e) + ")"));
            cut = true;
        }
        rows.sort(Comparator.comparingInt(Row::sequence).thenComparingInt(Row::order));
        return new FailureExample(
                session.failure(), session, rows.stream().map(Row::text).toList(), cut);
    }

    /** Adds the row when its session column is the session's; false when the transcript is full (nothing added). */
    private static boolean add(List<Row> rows, String text, int sessionColumn, int sequenceColumn, Session session) {
        List<String> columns = columns(text, Math.max(sessionColumn, sequenceColumn) + 1);
        if (columns.size() > Math.max(sessionColumn, sequenceColumn)
                && columns.get(sessionColumn).equalsIgnoreCase(session.sessionId())) {
            if (rows.size() == MAX_ROWS) {
                return false;
            }
            rows.add(new Row(sequence(columns.get(sequenceColumn)), rows.size(), text));
        }
        return true;
    }

    /**
     * The id's bytes when it is ASCII (Exchange's are 16 hex digits): a line whose text holds it holds these bytes,
     * decoded as UTF-8 or in an ANSI code page alike, since neither makes an ASCII character of any other byte. Null
     * otherwise: then every line is made into text and searched, as before.
     */
    static byte[] asciiBytes(String sessionId) {
        for (int i = 0; i < sessionId.length(); i++) {
            if (sessionId.charAt(i) >= 0x80) {
                return null;
            }
        }
        return sessionId.isEmpty() ? null : sessionId.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A file's lines, read a block at a time; {@link #consumed} counts the bytes each call took, its newline too. */
    private static final class Lines {
        private final InputStream in;
        private final byte[] block = new byte[1 << 16];
        private int pos;
        private int limit;
        byte[] line = new byte[512];
        int length;
        int consumed;

        Lines(InputStream in) {
            this.in = in;
        }

        void clear() {
            length = 0;
        }

        void append(byte b) {
            if (length == line.length) {
                line = java.util.Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
        }

        /** Appends up to the next newline (not kept); returns '\n', or -1 at the end of the input. */
        int appendLine() throws IOException {
            consumed = 0;
            while (true) {
                if (pos == limit) {
                    int n = in.read(block, 0, block.length);
                    if (n < 0) {
                        return -1;
                    }
                    pos = 0;
                    limit = n;
                }
                int nl = Bytes.indexOfNewline(block, pos, limit);
                int end = nl < 0 ? limit : nl;
                int n = end - pos;
                if (length + n > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + n));
                }
                System.arraycopy(block, pos, line, length, n);
                length += n;
                consumed += n;
                pos = end;
                if (nl >= 0) {
                    pos++;
                    consumed++;
                    return '\n';
                }
            }
        }

        void skip(long n) throws IOException {
            int buffered = limit - pos;
            if (n <= buffered) {
                pos += (int) n;
                return;
            }
            pos = limit;
            in.skipNBytes(n - buffered);
        }
    }

    /** Whether a field that starts with a quote is still open at the end of {@code row[0, length)} (RFC 4180). */
    static boolean quoteStillOpen(byte[] row, int length) {
        boolean fieldStart = true;
        boolean inQuotes = false;
        for (int i = 0; i < length; i++) {
            byte c = row[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < length && row[i + 1] == '"') {
                        i++;
                    } else {
                        inQuotes = false;
                    }
                }
            } else if (fieldStart && c == '"') {
                inQuotes = true;
                fieldStart = false;
            } else {
                fieldStart = c == ',';
            }
        }
        return inQuotes;
    }

    private static int sequence(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Only the leading columns matter here, so a plain split that respects quotes is enough. */
    private static List<String> columns(String line, int needed) {
        List<String> out = new ArrayList<>(9);
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                out.add(field.toString());
                field.setLength(0);
                if (out.size() >= needed) {
                    return out;
                }
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    private record Row(int sequence, int order, String text) {}
}
