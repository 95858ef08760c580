package io.tlsdoctor.core.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Decides for every logical line where it was seen. A protocol-log row gets its log type from the {@code #Log-type}
 * header, else from what its session shows (who sends EHLO, who answers 220), else from its ports. Other lines take
 * the nearest section marker above them (an NDR heading, Get-Queue properties), else the first one below.
 */
final class ContextResolver {

    private enum Side {
        SEND,
        RECEIVE
    }

    private static final Set<String> CLIENT_VERBS = Set.of(
            "ehlo",
            "helo",
            "starttls",
            "mail",
            "rcpt",
            "quit",
            "data",
            "x-anonymoustls",
            "xexch50",
            "auth",
            "bdat",
            "rset");
    private static final Set<Integer> RECEIVE_PORTS = Set.of(25, 587, 465, 2525, 717, 475);

    private ContextResolver() {}

    static LineContext[] resolve(List<LogicalLine> lines, SymptomCatalog.ContextMarkers markers) {
        int n = lines.size();
        LineContext[] contexts = new LineContext[n];
        ProtocolLogRow[] rows = new ProtocolLogRow[n];
        Side[] headerSide = new Side[n];
        LineContext[] sectionMarker = new LineContext[n];
        Map<String, int[]> sessionVotes = new HashMap<>();

        Side currentHeader = null;
        for (int i = 0; i < n; i++) {
            String text = lines.get(i).text();
            String lower = text.length() > 4096
                    ? text.substring(0, 4096).toLowerCase(Locale.ROOT)
                    : text.toLowerCase(Locale.ROOT);
            if (lower.startsWith("#log-type:")) {
                currentHeader = lower.contains("receive") ? Side.RECEIVE : lower.contains("send") ? Side.SEND : null;
                continue;
            }
            ProtocolLogRow row = ProtocolLogRow.parse(text);
            if (row != null) {
                rows[i] = row;
                headerSide[i] = currentHeader;
                Side hint = sideOf(row);
                if (hint != null && !row.sessionId().isEmpty()) {
                    sessionVotes.computeIfAbsent(row.sessionId(), k -> new int[2])[hint.ordinal()]++;
                }
                continue;
            }
            boolean ndrLine = containsAny(lower, markers.ndr());
            if (!ndrLine && containsAny(lower, markers.queueLine())) {
                // An NDR's error chain may quote the queue's 2010 wording; the NDR around it decides.
                contexts[i] = LineContext.QUEUE;
            }
            if (ndrLine) {
                sectionMarker[i] = LineContext.NDR;
            } else if (containsAny(lower, markers.queue()) || containsAny(lower, markers.queueLine())) {
                sectionMarker[i] = LineContext.QUEUE;
            }
        }

        LineContext firstMarker = null;
        for (LineContext marker : sectionMarker) {
            if (marker != null) {
                firstMarker = marker;
                break;
            }
        }
        LineContext section = firstMarker != null ? firstMarker : LineContext.UNKNOWN;
        for (int i = 0; i < n; i++) {
            if (sectionMarker[i] != null) {
                section = sectionMarker[i];
            }
            if (rows[i] != null) {
                contexts[i] = rowContext(rows[i], headerSide[i], sessionVotes.get(rows[i].sessionId()));
            } else if (contexts[i] == null) {
                contexts[i] = section;
            }
        }
        return contexts;
    }

    private static LineContext rowContext(ProtocolLogRow row, Side header, int[] votes) {
        Side side = header;
        if (side == null && votes != null && votes[0] != votes[1]) {
            side = votes[0] > votes[1] ? Side.SEND : Side.RECEIVE;
        }
        if (side == null) {
            side = sideFromPorts(row);
        }
        if (side == null) {
            return LineContext.PROTOCOL_LOG;
        }
        return side == Side.SEND ? LineContext.PROTOCOL_LOG_SEND : LineContext.PROTOCOL_LOG_RECEIVE;
    }

    /** What one row says about who this server was in its session. */
    private static Side sideOf(ProtocolLogRow row) {
        String data = row.data().strip().toLowerCase(Locale.ROOT);
        String context = row.context().toLowerCase(Locale.ROOT);
        if (row.event().equals("+") && context.contains("attempting to connect")) {
            return Side.SEND;
        }
        if (data.contains("_client negotiation") || context.contains("_client negotiation")) {
            return Side.SEND;
        }
        if (data.contains("_server negotiation") || context.contains("_server negotiation")) {
            return Side.RECEIVE;
        }
        boolean reply = data.length() >= 3
                && Character.isDigit(data.charAt(0))
                && Character.isDigit(data.charAt(1))
                && Character.isDigit(data.charAt(2));
        boolean command = CLIENT_VERBS.contains(firstWord(data));
        if (row.event().equals(">")) {
            return command ? Side.SEND : reply ? Side.RECEIVE : null;
        }
        if (row.event().equals("<")) {
            return command ? Side.RECEIVE : reply ? Side.SEND : null;
        }
        return null;
    }

    private static Side sideFromPorts(ProtocolLogRow row) {
        int local = ProtocolLogRow.port(row.localEndpoint());
        int remote = ProtocolLogRow.port(row.remoteEndpoint());
        if (RECEIVE_PORTS.contains(local) && !RECEIVE_PORTS.contains(remote)) {
            return Side.RECEIVE;
        }
        if (RECEIVE_PORTS.contains(remote) && !RECEIVE_PORTS.contains(local)) {
            return Side.SEND;
        }
        return null;
    }

    private static String firstWord(String data) {
        int end = 0;
        while (end < data.length()
                && end < 20
                && !Character.isWhitespace(data.charAt(end))
                && data.charAt(end) != ':') {
            end++;
        }
        return data.substring(0, end);
    }

    private static boolean containsAny(String lower, List<String> needles) {
        for (String needle : needles) {
            if (lower.contains(needle)) {
                return true;
            }
        }
        return false;
    }
}
