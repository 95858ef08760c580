package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Transcripts} reads a block at a time and makes text only of the lines whose bytes hold the session id. Its
 * transcripts must be those of the former byte-at-a-time read, which is kept here as it was as the reference: on
 * interleaved sessions of a busy server (quoted connector names with commas and non-ASCII letters, IPv6 remotes),
 * with a quoted field that spans three lines and a session id in a header line.
 */
class TranscriptsTest {

    @Test
    void everySessionsTranscriptIsTheOneTheByteAtATimeReadGave(@TempDir Path dir) throws Exception {
        Map<ProtocolLogGenerator.Outcome, Integer> send = new EnumMap<>(ProtocolLogGenerator.Outcome.class);
        send.put(ProtocolLogGenerator.Outcome.TLS1_2, 30);
        send.put(ProtocolLogGenerator.Outcome.TLS_SOCKET_ERROR, 3);
        Map<ProtocolLogGenerator.Outcome, Integer> receive = new EnumMap<>(ProtocolLogGenerator.Outcome.class);
        receive.put(ProtocolLogGenerator.Outcome.TLS1_2, 30);
        receive.put(ProtocolLogGenerator.Outcome.TLS_SOCKET_ERROR, 3);
        ProtocolLogGenerator.Variety busy = new ProtocolLogGenerator.Variety(
                "EX01",
                "10.0.0.5",
                List.of("Исходящий соединитель, EXO"),
                List.of("EX01\\Internet, inbound (anonymous)"),
                20,
                true);
        List<Path> files = new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send, receive, 25, 0.3, 1 << 20, 5, Instant.parse("2026-11-20T10:00:00Z"), busy))
                .write(dir);
        Path first = files.get(0);
        List<String> lines = new ArrayList<>(List.of(Files.readString(first).split("\r\n", -1)));
        int middle = lines.size() / 2;
        while (!lines.get(middle).contains(",<,")) {
            middle++;
        }
        String row = lines.get(middle);
        String head = row.substring(0, row.indexOf(",<,"));
        lines.add(middle + 1, head + ",<,\"550 first line\r\nsecond, with a comma, å\r\nthird \"\"quoted\"\"\",");
        lines.add(middle + 2, "#a header line that names " + sessionIdOf(row));
        Files.writeString(first, String.join("\r\n", lines), StandardCharsets.UTF_8);

        int compared = 0;
        boolean joinedSeen = false;
        for (Path file : files) {
            List<Session> sessions = new ArrayList<>();
            new ProtocolLogReader(FastPathEquivalenceTest.CLASSIFIER, Long.MIN_VALUE, () -> false, n -> {})
                    .read(new LogSource.OnDisk(file, Files.size(file)), sessions::add);
            for (Session session : sessions) {
                FailureExample fast = Transcripts.example(session);
                List<String> reference = reference(session);
                assertThat(fast.transcript()).as(session.sessionId()).isEqualTo(reference);
                assertThat(fast.transcript()).isNotEmpty().allMatch(line -> line.contains(session.sessionId()));
                joinedSeen |= fast.transcript().stream().anyMatch(line -> line.contains("second, with a comma, å"));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(66);
        assertThat(joinedSeen).isTrue();
    }

    @Test
    void anIdThatIsNotAsciiIsSearchedInTheText() {
        assertThat(Transcripts.asciiBytes("08DAF3B1C2D4E5F7"))
                .isEqualTo("08DAF3B1C2D4E5F7".getBytes(StandardCharsets.US_ASCII));
        assertThat(Transcripts.asciiBytes("sessionå")).isNull();
        assertThat(Transcripts.asciiBytes("")).isNull();
    }

    private static String sessionIdOf(String row) {
        // the connector may be quoted with a comma in it: the id is the 16 hex digits after the connector column
        int end = row.startsWith("\"", 25) ? row.indexOf("\",", 26) + 1 : row.indexOf(',', 25);
        return row.substring(end + 1, end + 17);
    }

    // == the former read, a byte per call, as it was before ==

    private static List<String> reference(Session session) throws IOException {
        List<String[]> rows = new ArrayList<>();
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
                for (int joined = 0;
                        b >= 0
                                && joined < ProtocolLogReader.MAX_JOINED_LINES
                                && Transcripts.quoteStillOpen(line.toByteArray(), line.size());
                        joined++) {
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
                        rows.add(new String[] {columns.get(sequenceColumn).strip(), String.valueOf(rows.size()), text});
                    }
                }
                if (b < 0) {
                    break;
                }
                if (offset < session.firstOffset() && !text.startsWith("#")) {
                    in.skipNBytes(session.firstOffset() - offset);
                    offset = session.firstOffset();
                }
            }
        }
        rows.sort(Comparator.<String[]>comparingInt(r -> sequence(r[0])).thenComparingInt(r -> Integer.parseInt(r[1])));
        return rows.stream().map(r -> r[2]).toList();
    }

    private static int sequence(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

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
}
