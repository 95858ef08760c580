package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.TlsProtocol;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/** What the protocol logs say, counted per direction, with the partner and the time span named. */
final class LogFacts {

    /** Failures that are the TLS-version problem itself. */
    static final Set<SymptomCode> TLS_FAILURES = LogAnalysis.TLS_FAILURES;

    /** Failures of some remotes for some reasons, summed: how many, with whom most, over which span. */
    record Tally(long failures, String topRemote, long topFailures, int remotes, Instant first, Instant last) {
        boolean any() {
            return failures > 0;
        }
    }

    private final LogAnalysis analysis;

    LogFacts(LogAnalysis analysis) {
        this.analysis = analysis;
    }

    Tally tally(LogKind kind, Set<SymptomCode> reasons) {
        long total = 0;
        String top = null;
        long topCount = 0;
        int remotes = 0;
        Instant first = null;
        Instant last = null;
        for (RemoteSummary remote : analysis.remotes()) {
            if (remote.kind() != kind) {
                continue;
            }
            long n = remote.failures().entrySet().stream()
                    .filter(e -> reasons.contains(e.getKey()))
                    .mapToLong(e -> e.getValue())
                    .sum();
            if (n == 0) {
                continue;
            }
            total += n;
            remotes++;
            if (n > topCount) {
                topCount = n;
                top = remote.remote();
            }
            first = first == null || remote.first().isBefore(first) ? remote.first() : first;
            last = last == null || remote.last().isAfter(last) ? remote.last() : last;
        }
        return new Tally(total, top, topCount, remotes, first, last);
    }

    /** "The send log shows 214 sessions whose TLS negotiation failed, 200 of them with 104.47.58.138, ...". */
    Optional<Statement> tlsFailures(LogKind kind) {
        Tally tally = tally(kind, TLS_FAILURES);
        if (!tally.any()) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                "diagnosis.logs.tlsFailures." + kind,
                tally.failures(),
                tally.topRemote(),
                tally.topFailures(),
                tally.remotes(),
                Texts.time(tally.first()),
                Texts.time(tally.last())));
    }

    /** Sessions of this kind that did negotiate TLS 1.2 or later: the side works (or worked) at least sometimes. */
    Optional<Statement> modernSessions(LogKind kind) {
        long n = 0;
        Instant last = null;
        for (RemoteSummary remote : analysis.remotes()) {
            long modern = remote.kind() == kind
                    ? remote.tls().getOrDefault(TlsProtocol.TLS1_2, 0L)
                            + remote.tls().getOrDefault(TlsProtocol.TLS1_3, 0L)
                    : 0;
            if (modern > 0) {
                n += modern;
                last = last == null || remote.last().isAfter(last) ? remote.last() : last;
            }
        }
        return n == 0
                ? Optional.empty()
                : Optional.of(Statement.of("diagnosis.logs.modern." + kind, n, Texts.time(last)));
    }

    /** Failures of one lookalike kind, in either log. */
    Optional<Statement> lookalike(SymptomCode code) {
        Tally send = tally(LogKind.SEND, Set.of(code));
        Tally receive = tally(LogKind.RECEIVE, Set.of(code));
        Tally tally = send.failures() >= receive.failures() ? send : receive;
        if (!tally.any()) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                "diagnosis.logs.lookalike." + code,
                send.failures() + receive.failures(),
                tally.topRemote(),
                Texts.time(tally.first()),
                Texts.time(tally.last())));
    }

    long lookalikeCount(SymptomCode code) {
        return tally(LogKind.SEND, Set.of(code)).failures()
                + tally(LogKind.RECEIVE, Set.of(code)).failures();
    }

    /** The partner with the most legacy sessions (then the lowest address), and how many there are, in one pass. */
    Optional<Statement> legacy() {
        Comparator<RemoteSummary> first =
                Comparator.comparingLong(LogFacts::legacySessions).reversed().thenComparing(RemoteSummary::remote);
        RemoteSummary top = null;
        long partners = 0;
        for (RemoteSummary partner : analysis.legacyPartners()) {
            partners++;
            if (top == null || first.compare(partner, top) < 0) {
                top = partner;
            }
        }
        if (top == null) {
            return Optional.empty();
        }
        return Optional.of(Statement.of(
                "diagnosis.logs.legacyPartners",
                partners,
                top.remote(),
                legacySessions(top),
                top.kind() == LogKind.SEND ? "SmtpSend" : "SmtpReceive"));
    }

    Statement read() {
        return Statement.of("diagnosis.logs.read", analysis.files(), analysis.sessions(), analysis.failedSessions());
    }

    /** What a clean read says: files and sessions, none failing TLS where it matters. */
    Statement clean() {
        return Statement.of("diagnosis.logs.clean", analysis.files(), analysis.sessions());
    }

    private static long legacySessions(RemoteSummary remote) {
        return remote.tls().entrySet().stream()
                .filter(e -> e.getKey().isLegacy())
                .mapToLong(e -> e.getValue())
                .sum();
    }
}
