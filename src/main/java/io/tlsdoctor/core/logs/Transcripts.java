package io.tlsdoctor.core.logs;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ByteArrayOutputStream;
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

    private Transcripts() {
    }

    static FailureExample example(Session session) {
        List<Row> rows = new ArrayList<>();
        boolean cut = false;
        try (InputStream in = new BufferedInputStream(DecodedInput.open(session.source()), 1 << 16)) {
            long offset = 0;
            int sessionColumn = 2;
            int sequenceColumn = 3;
            ByteArrayOutputStream line = new ByteArrayOutputStream(512);
            while (offset < session.lastOffset()) {
                long lineStart = offset;
                line.reset();
                int b;
                while ((b = in.read()) >= 0) {
                    offset++;
                    if (b == '\n') {
                        break;
                    }
                    line.write(b);
                }
                // A quoted field with a line break in it: the row goes on, as the reader took it.
                for (int joined = 0; b >= 0 && joined < ProtocolLogReader.MAX_JOINED_LINES && quoteStillOpen(line.toByteArray()); joined++) {
                    line.write('\n');
                    while ((b = in.read()) >= 0) {
                        offset++;
                        if (b == '\n') {
                            break;
                        }
                        line.write(b);
                    }
                }
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                String text = Bytes.decode(bytes, 0, len);
                if (text.regionMatches(true, 0, "#Fields:", 0, 8)) {
                    FieldLayout layout = FieldLayout.parse(text.substring(8));
                    if (layout != null) {
                        sessionColumn = layout.sessionId();
                        sequenceColumn = layout.sequence();
                    }
                } else if (lineStart >= session.firstOffset() && text.contains(session.sessionId())) {
                    List<String> columns = columns(text, Math.max(sessionColumn, sequenceColumn) + 1);
                    if (columns.size() > Math.max(sessionColumn, sequenceColumn)
                            && columns.get(sessionColumn).equalsIgnoreCase(session.sessionId())) {
                        if (rows.size() == MAX_ROWS) {
                            cut = true;
                            break;
                        }
                        rows.add(new Row(sequence(columns.get(sequenceColumn)), rows.size(), text));
                    }
                }
                if (b < 0) {
                    break;
                }
                if (offset < session.firstOffset() && !text.startsWith("#")) {
                    in.skipNBytes(session.firstOffset() - offset); // past the header: jump to the session
                    offset = session.firstOffset();
                }
            }
        } catch (IOException e) {
            rows.add(new Row(0, 0, "(" + LogInputs.message(e) + ")"));
            cut = true;
        }
        rows.sort(Comparator.comparingInt(Row::sequence).thenComparingInt(Row::order));
        return new FailureExample(session.failure(), session, rows.stream().map(Row::text).toList(), cut);
    }

    /** Whether a field that starts with a quote is still open at the end of {@code row} (RFC 4180, "" inside). */
    static boolean quoteStillOpen(byte[] row) {
        boolean fieldStart = true;
        boolean inQuotes = false;
        for (int i = 0; i < row.length; i++) {
            byte c = row[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < row.length && row[i + 1] == '"') {
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

    private record Row(int sequence, int order, String text) {
    }
}
