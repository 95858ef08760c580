package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.List;

/**
 * One SMTP session rebuilt from the rows that share its session-id in one log file.
 *
 * @param remoteAddress     the remote endpoint without its port (IPv6 without brackets)
 * @param disconnected      whether the log has its {@code -} row; false when the file ends first (truncated, rotated)
 * @param disconnectReason  the {@code -} row's text ({@code Local}, {@code Remote(SocketError)}), or null
 * @param matches           every recogniser rule that matched one of its rows, in row order
 * @param failure           the reason it failed (the most telling match), or null when nothing went wrong
 * @param firstOffset       where its first row starts in the decoded file, to fetch the transcript again
 * @param lastOffset        where its last row ends
 */
public record Session(
        LogSource source,
        LogKind kind,
        String sessionId,
        String connector,
        String localEndpoint,
        String remoteEndpoint,
        String remoteAddress,
        Instant start,
        Instant end,
        int rows,
        boolean starttlsOffered,
        boolean starttlsUsed,
        TlsProtocol protocol,
        List<Certificate> certificates,
        boolean disconnected,
        String disconnectReason,
        List<LineMatch> matches,
        SymptomCode failure,
        long firstOffset,
        long lastOffset) {

    public Session {
        certificates = List.copyOf(certificates);
        matches = List.copyOf(matches);
    }

    public boolean failed() {
        return failure != null;
    }
}
