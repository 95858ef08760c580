package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds sessions into counts; one per worker thread, merged at the end, so no locks while reading. */
final class SummaryBuilder {

    private static final long HOUR = 3_600_000L;
    private static final SymptomCode[] CODES = SymptomCode.values();
    private static final TlsProtocol[] PROTOCOLS = TlsProtocol.values();
    /** Which session is the example for a reason: the earliest, so the answer does not depend on thread timing. */
    private static final Comparator<Session> EARLIEST = Comparator.comparing(Session::start)
            .thenComparing(s -> s.source().fileName()).thenComparing(Session::sessionId);

    long sessions;
    final long[] symptoms = new long[CODES.length];
    final Map<RemoteKey, RemoteStats> remotes = new HashMap<>();
    final TreeMap<Long, Long> failuresPerHour = new TreeMap<>();
    final Map<SymptomCode, Session> examples = new EnumMap<>(SymptomCode.class);

    void add(Session session) {
        sessions++;
        for (LineMatch match : session.matches()) {
            symptoms[match.code().ordinal()]++;
        }
        RemoteStats stats = remotes.computeIfAbsent(new RemoteKey(session.remoteAddress(), session.kind()), k -> new RemoteStats());
        stats.add(session);
        if (session.failed()) {
            long startMillis = session.start().toEpochMilli();
            failuresPerHour.merge(Math.floorDiv(startMillis, HOUR) * HOUR, 1L, Long::sum);
            examples.merge(session.failure(), session, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    void merge(SummaryBuilder other) {
        sessions += other.sessions;
        for (int i = 0; i < symptoms.length; i++) {
            symptoms[i] += other.symptoms[i];
        }
        other.remotes.forEach((key, stats) -> remotes.merge(key, stats, RemoteStats::merge));
        other.failuresPerHour.forEach((hour, n) -> failuresPerHour.merge(hour, n, Long::sum));
        other.examples.forEach((code, s) -> examples.merge(code, s, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b));
    }

    Map<SymptomCode, Long> symptomCounts() {
        Map<SymptomCode, Long> out = new EnumMap<>(SymptomCode.class);
        for (SymptomCode code : CODES) {
            out.put(code, symptoms[code.ordinal()]);
        }
        return out;
    }

    /** Most failures first, then most sessions, then by address: the partners that need attention on top. */
    List<RemoteSummary> remoteSummaries() {
        List<RemoteSummary> out = new ArrayList<>(remotes.size());
        remotes.forEach((key, stats) -> out.add(stats.summary(key)));
        out.sort(Comparator.comparingLong(RemoteSummary::failed).reversed()
                .thenComparing(Comparator.comparingLong(RemoteSummary::sessions).reversed())
                .thenComparing(RemoteSummary::remote).thenComparing(RemoteSummary::kind));
        return out;
    }

    TreeMap<Instant, Long> failuresByHour() {
        TreeMap<Instant, Long> out = new TreeMap<>();
        failuresPerHour.forEach((hour, n) -> out.put(Instant.ofEpochMilli(hour), n));
        return out;
    }

    record RemoteKey(String address, LogKind kind) {
    }

    static final class RemoteStats {
        long sessions;
        final long[] tls = new long[PROTOCOLS.length];
        final long[] failures = new long[CODES.length];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        final Map<String, Long> connectors = new HashMap<>(2);

        void add(Session s) {
            sessions++;
            tls[s.protocol().ordinal()]++;
            if (s.failure() != null) {
                failures[s.failure().ordinal()]++;
            }
            first = Math.min(first, s.start().toEpochMilli());
            last = Math.max(last, s.end().toEpochMilli());
            if (s.connector() != null) {
                connectors.merge(s.connector(), 1L, Long::sum);
            }
        }

        RemoteStats merge(RemoteStats other) {
            sessions += other.sessions;
            for (int i = 0; i < tls.length; i++) {
                tls[i] += other.tls[i];
            }
            for (int i = 0; i < failures.length; i++) {
                failures[i] += other.failures[i];
            }
            first = Math.min(first, other.first);
            last = Math.max(last, other.last);
            other.connectors.forEach((name, n) -> connectors.merge(name, n, Long::sum));
            return this;
        }

        RemoteSummary summary(RemoteKey key) {
            Map<TlsProtocol, Long> byProtocol = new EnumMap<>(TlsProtocol.class);
            for (TlsProtocol protocol : PROTOCOLS) {
                byProtocol.put(protocol, tls[protocol.ordinal()]);
            }
            Map<SymptomCode, Long> byReason = new EnumMap<>(SymptomCode.class);
            for (SymptomCode code : CODES) {
                if (failures[code.ordinal()] > 0) {
                    byReason.put(code, failures[code.ordinal()]);
                }
            }
            String connector = connectors.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .map(Map.Entry::getKey).orElse("");
            return new RemoteSummary(key.address(), key.kind(), connector, sessions, byProtocol, byReason,
                    Instant.ofEpochMilli(first), Instant.ofEpochMilli(last));
        }
    }
}
