package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.Map;

/**
 * Everything seen with one remote address in one direction.
 *
 * @param connector the connector most of its sessions went through
 * @param tls       sessions by negotiated protocol (every protocol present, zeros included)
 * @param failures  failed sessions by reason (only reasons that occurred)
 */
public record RemoteSummary(
        String remote,
        LogKind kind,
        String connector,
        long sessions,
        Map<TlsProtocol, Long> tls,
        Map<SymptomCode, Long> failures,
        Instant first,
        Instant last) {

    public RemoteSummary {
        tls = Map.copyOf(tls);
        failures = Map.copyOf(failures);
    }

    /** Still negotiates TLS 1.0/1.1 (or SSL 3) with this server: a partner to contact before switching them off. */
    public boolean usesLegacyTls() {
        return tls.entrySet().stream().anyMatch(e -> e.getKey().isLegacy() && e.getValue() > 0);
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }
}
