package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.Category;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What one session has shown so far; rows may arrive interleaved with other sessions'. */
final class SessionBuilder {

    final long key;
    final String sessionId;
    String connector;
    String localEndpoint;
    String remoteEndpoint;
    long firstMillis = Long.MAX_VALUE;
    long lastMillis = Long.MIN_VALUE;
    int rows;
    long lastLine;
    boolean starttlsOffered;
    boolean starttlsUsed;
    TlsProtocol protocol = TlsProtocol.NONE;
    List<Certificate> certificates;
    Certificate.Role certificateRole;
    CertificateParts current;
    String disconnectReason;
    /** Its {@code -} row was seen; it waits a few lines for late rows. */
    boolean closing;

    List<LineMatch> matches;
    long firstOffset;
    long lastOffset;

    SessionBuilder(long key, String sessionId, long firstOffset) {
        this.key = key;
        this.sessionId = sessionId;
        this.firstOffset = firstOffset;
    }

    void seen(long millis, long line, long endOffset) {
        if (millis < firstMillis) {
            firstMillis = millis;
        }
        if (millis > lastMillis) {
            lastMillis = millis;
        }
        rows++;
        lastLine = line;
        lastOffset = endOffset;
    }

    void addMatches(List<LineMatch> found) {
        if (found.isEmpty()) {
            return;
        }
        if (matches == null) {
            matches = new ArrayList<>(2);
        }
        matches.addAll(found);
    }

    /** One row of the older layout: a property of the certificate being logged. */
    void certificateProperty(String property, String value) {
        if (current == null) {
            current = new CertificateParts(certificateRole == null ? Certificate.Role.SENT : certificateRole);
        }
        current.set(property, value);
    }

    void beginCertificate(Certificate.Role role) {
        flushCertificate();
        certificateRole = role;
        current = new CertificateParts(role);
    }

    void wholeCertificate(Certificate certificate) {
        flushCertificate();
        addCertificate(certificate);
    }

    private void flushCertificate() {
        if (current != null && !current.isEmpty()) {
            addCertificate(current.build());
        }
        current = null;
    }

    private void addCertificate(Certificate certificate) {
        if (certificates == null) {
            certificates = new ArrayList<>(2);
        }
        if (certificates.size() < 8) {
            certificates.add(certificate);
        }
    }

    Session build(LogSource source, LogKind kind, boolean disconnected) {
        flushCertificate();
        List<LineMatch> found = matches == null ? List.of() : matches;
        return new Session(
                source,
                kind,
                sessionId,
                connector,
                localEndpoint,
                remoteEndpoint,
                address(remoteEndpoint),
                Instant.ofEpochMilli(firstMillis),
                Instant.ofEpochMilli(lastMillis),
                rows,
                starttlsOffered,
                starttlsUsed,
                protocol,
                certificates == null ? List.of() : certificates,
                disconnected,
                disconnectReason,
                found,
                failureOf(found),
                firstOffset,
                lastOffset);
    }

    /** The most telling match: a seed symptom before a same-family one before a lookalike; a legacy success is no failure. */
    static SymptomCode failureOf(List<LineMatch> matches) {
        LineMatch best = null;
        for (int i = 0; i < matches.size(); i++) { // indexed: C1 allocates an iterator per loop over a List.copyOf
            LineMatch match = matches.get(i);
            if (match.code() == SymptomCode.LEGACY_TLS_NEGOTIATED) {
                continue;
            }
            if (best == null || rank(match.category()) < rank(best.category())) {
                best = match;
            }
        }
        return best == null ? null : best.code();
    }

    private static int rank(Category category) {
        return switch (category) {
            case SEED_SYMPTOM -> 0;
            case TLS_FAMILY -> 1;
            case OTHER_CAUSE -> 2;
        };
    }

    /** {@code 10.0.0.5:25} → {@code 10.0.0.5}; {@code [2001:db8::5]:53000} → {@code 2001:db8::5}. */
    static String address(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            return "";
        }
        if (endpoint.charAt(0) == '[') {
            int close = endpoint.indexOf(']');
            return close > 0 ? endpoint.substring(1, close) : endpoint;
        }
        int colon = endpoint.lastIndexOf(':');
        if (colon > 0 && endpoint.indexOf(':') == colon) {
            return endpoint.substring(0, colon);
        }
        return endpoint; // a bare IPv6 address or no port
    }

    /** The older layout's certificate, assembled one property row at a time. */
    static final class CertificateParts {
        private final Certificate.Role role;
        private String subject;
        private String issuer;
        private String serial;
        private String thumbprint;
        private String alternateNames;

        CertificateParts(Certificate.Role role) {
            this.role = role;
        }

        void set(String property, String value) {
            switch (property) {
                case "subject" -> subject = value;
                case "issuer" -> issuer = value;
                case "serial" -> serial = value;
                case "thumbprint" -> thumbprint = value;
                case "alternateNames" -> alternateNames = value;
                default -> {}
            }
        }

        boolean isEmpty() {
            return subject == null && issuer == null && serial == null && thumbprint == null && alternateNames == null;
        }

        Certificate build() {
            return new Certificate(role, subject, issuer, serial, thumbprint, null, null, alternateNames);
        }
    }
}
