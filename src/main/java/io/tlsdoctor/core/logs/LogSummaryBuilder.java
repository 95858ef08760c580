package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier.LineMatch;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Folds sessions into counts; one per worker thread, merged at the end, so no locks while reading. */
final class LogSummaryBuilder {

    private static final long HOUR = 3_600_000L;
    private static final SymptomCode[] CODES = SymptomCode.values();
    /** Which session is the example for a reason: the earliest, so the answer does not depend on thread timing. */
    private static final Comparator<Session> EARLIEST = Comparator.comparing(Session::start)
            .thenComparing(s -> s.source().fileName())
            .thenComparing(Session::sessionId);

    long sessions;
    final long[] symptoms = new long[CODES.length];
    RemoteCounters remotes = new RemoteCounters();
    final TreeMap<Long, Long> failuresPerHour = new TreeMap<>();
    final Map<SymptomCode, Session> examples = new EnumMap<>(SymptomCode.class);

    void add(Session session) {
        sessions++;
        List<LineMatch> matches = session.matches();
        for (int i = 0; i < matches.size(); i++) {
            symptoms[matches.get(i).code().ordinal()]++;
        }
        remotes.add(session);
        if (session.failed()) {
            long startMillis = session.start().toEpochMilli();
            failuresPerHour.merge(Math.floorDiv(startMillis, HOUR) * HOUR, 1L, Long::sum);
            examples.merge(session.failure(), session, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    /**
     * One finished session, counted from its builder: the same counts as {@link #add(Session)}, but a {@link Session}
     * is built only for a failed one, which may become its reason's example.
     */
    void add(SessionBuilder session, LogSource source, LogKind kind, boolean disconnected) {
        sessions++;
        List<LineMatch> matches = session.matches;
        if (matches != null) {
            for (int i = 0; i < matches.size(); i++) {
                symptoms[matches.get(i).code().ordinal()]++;
            }
        }
        SymptomCode failure = matches == null ? null : SessionBuilder.failureOf(matches);
        remotes.add(
                SessionBuilder.address(session.remoteEndpoint),
                kind,
                session.protocol,
                session.firstMillis,
                session.lastMillis,
                session.connector,
                failure);
        if (failure != null) {
            failuresPerHour.merge(Math.floorDiv(session.firstMillis, HOUR) * HOUR, 1L, Long::sum);
            Session built = session.build(source, kind, disconnected);
            examples.merge(failure, built, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b);
        }
    }

    void merge(LogSummaryBuilder other) {
        sessions += other.sessions;
        for (int i = 0; i < symptoms.length; i++) {
            symptoms[i] += other.symptoms[i];
        }
        remotes.merge(other.remotes);
        other.failuresPerHour.forEach((hour, n) -> failuresPerHour.merge(hour, n, Long::sum));
        other.examples.forEach((code, s) -> examples.merge(code, s, (a, b) -> EARLIEST.compare(a, b) <= 0 ? a : b));
    }

    /** Lets go of the remotes' counters once they are merged elsewhere. */
    void clear() {
        remotes = new RemoteCounters();
    }

    Map<SymptomCode, Long> symptomCounts() {
        Map<SymptomCode, Long> out = new EnumMap<>(SymptomCode.class);
        for (SymptomCode code : CODES) {
            out.put(code, symptoms[code.ordinal()]);
        }
        return out;
    }

    /** Most failures first, then most sessions, then by address: the partners that need attention on top. */
    RemoteTable remoteSummaries() {
        return new RemoteTable(remotes);
    }

    TreeMap<Instant, Long> failuresByHour() {
        TreeMap<Instant, Long> out = new TreeMap<>();
        failuresPerHour.forEach((hour, n) -> out.put(Instant.ofEpochMilli(hour), n));
        return out;
    }
}
