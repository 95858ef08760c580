package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.RemoteSummary;
import java.util.List;

/**
 * What a server's protocol logs said, small enough to keep in its snapshot: the full analysis stays on the server.
 *
 * @param tlsFailureRows  rows showing the TLS 1.0/1.1 symptom ({@link LogAnalysis#tlsFailureRows()})
 * @param legacyPartners  remotes still using TLS 1.0/1.1, at most {@link #MAX_PARTNERS}
 */
public record LogDigest(
        int files, long sessions, long failedSessions, long tlsFailureRows, List<String> legacyPartners) {

    static final int MAX_PARTNERS = 20;

    public LogDigest {
        legacyPartners = legacyPartners == null ? List.of() : List.copyOf(legacyPartners);
    }

    public static LogDigest of(LogAnalysis analysis) {
        List<String> partners = analysis.legacyPartners().stream()
                .limit(MAX_PARTNERS)
                .map(RemoteSummary::remote)
                .toList();
        return new LogDigest(
                analysis.files(), analysis.sessions(), analysis.failedSessions(), analysis.tlsFailureRows(), partners);
    }
}
