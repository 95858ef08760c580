package io.tlsdoctor.core.probe;

import io.tlsdoctor.core.domain.Direction;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a target's raw results into conclusions in the admin's terms, for the direction of the failing mail flow:
 * outbound, the target is Exchange Online (or the smart host) and this server's SChannel client is the suspect;
 * inbound, the target is this server's receive connector as Exchange Online sees it.
 */
final class Interpreter {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Interpreter() {}

    static List<ProbeFinding> interpret(
            TargetReport report, StepName failedStep, Failure failure, Direction direction) {
        List<ProbeFinding> findings = new ArrayList<>();
        String where = report.target().display();
        if (failedStep == StepName.DNS) {
            findings.add(
                    ProbeFinding.of("dnsFailed", Severity.FAIL, report.target().host()));
            return findings;
        }
        if (failedStep == StepName.CONNECT) {
            Failure.Kind kind = failure == null ? Failure.Kind.TIMEOUT : failure.kind();
            if (kind == Failure.Kind.CANCELLED) {
                findings.add(ProbeFinding.of("cancelled", Severity.INFO));
            } else if (kind == Failure.Kind.CONNECTION_REFUSED) {
                findings.add(ProbeFinding.of(
                        "portClosed", Severity.FAIL, where, report.target().port()));
            } else {
                findings.add(ProbeFinding.of(
                        "portBlocked", Severity.FAIL, where, report.target().port()));
            }
            return findings;
        }
        if (failure != null && failure.kind() == Failure.Kind.CANCELLED) {
            findings.add(ProbeFinding.of("cancelled", Severity.INFO));
            return findings;
        }
        if (failedStep == StepName.BANNER || failedStep == StepName.EHLO) {
            if (failure == null) {
                findings.add(ProbeFinding.of(
                        failedStep == StepName.BANNER ? "bannerRejected" : "ehloRejected",
                        Severity.FAIL,
                        where,
                        failedStep == StepName.BANNER ? report.banner().code() : ""));
            } else if (failure.kind() == Failure.Kind.TIMEOUT) {
                boolean heardNothing =
                        report.banner() == null && !failure.detail().key().equals("probe.detail.slow");
                findings.add(ProbeFinding.of(heardNothing ? "silent" : "stalled", Severity.FAIL, where));
            } else if (failure.kind() == Failure.Kind.NOT_SMTP) {
                findings.add(ProbeFinding.of("notSmtp", Severity.FAIL, where));
            } else {
                findings.add(ProbeFinding.of("droppedBeforeTls", Severity.FAIL, where));
            }
            return findings;
        }
        if (report.bannerMasked() && !report.starttlsAdvertised()) {
            findings.add(ProbeFinding.of("maskedNoStarttls", Severity.FAIL, where));
            return findings;
        }
        if (report.bannerMasked()) {
            findings.add(ProbeFinding.of("masked", Severity.WARN, where));
        }
        if (!report.starttlsAdvertised()) {
            findings.add(ProbeFinding.of(
                    direction == Direction.EXO_TO_ONPREM ? "noStarttlsInbound" : "noStarttlsOutbound",
                    Severity.FAIL,
                    where));
            return findings;
        }
        if (failedStep == StepName.STARTTLS) {
            if (failure != null) {
                findings.add(ProbeFinding.of(
                        failure.kind() == Failure.Kind.TIMEOUT ? "stalled" : "droppedBeforeTls", Severity.FAIL, where));
            } else if (report.starttlsReply().code() / 100 == 4) {
                findings.add(ProbeFinding.of(
                        "starttlsTemporary",
                        Severity.FAIL,
                        where,
                        report.starttlsReply().code()));
            } else {
                findings.add(ProbeFinding.of(
                        "starttlsRefused",
                        Severity.FAIL,
                        where,
                        report.starttlsReply().code()));
            }
            return findings;
        }
        matrixFindings(report, direction, where, findings);
        certificateFindings(report, direction, findings);
        return findings;
    }

    private static void matrixFindings(
            TargetReport report, Direction direction, String where, List<ProbeFinding> findings) {
        List<TlsVersion> accepted = versions(report, VersionOutcome.ACCEPTED);
        boolean modern = accepted.contains(TlsVersion.TLS_1_2);
        if (!modern && accepted.contains(TlsVersion.TLS_1_3)) {
            findings.add(ProbeFinding.of("only13", Severity.WARN, where));
        }
        List<TlsVersion> legacyAccepted =
                accepted.stream().filter(TlsVersion::legacy).toList();
        List<TlsVersion> legacyRefused = versions(report, VersionOutcome.REFUSED).stream()
                .filter(TlsVersion::legacy)
                .toList();
        boolean legacyUntested = TlsVersion.legacyVersions().stream().anyMatch(version -> {
            VersionResult result = report.protocol(version);
            return result == null
                    || result.outcome() == VersionOutcome.ERROR
                    || result.outcome() == VersionOutcome.NOT_TESTED;
        });
        boolean outbound = direction != Direction.EXO_TO_ONPREM;
        if (modern && outbound) {
            findings.add(ProbeFinding.of(
                    legacyRefused.size() == 2 ? "outboundPathFine" : "outboundModern", Severity.OK, where));
            if (!legacyAccepted.isEmpty()) {
                findings.add(ProbeFinding.of("outboundLegacyAlso", Severity.INFO, where, names(legacyAccepted)));
            }
        } else if (modern) {
            findings.add(ProbeFinding.of("inboundModern", Severity.OK, where));
            if (!legacyAccepted.isEmpty()) {
                findings.add(ProbeFinding.of("inboundLegacyAlso", Severity.INFO, where, names(legacyAccepted)));
            }
        } else if (!legacyAccepted.isEmpty()) {
            // (TLS 1.3 without 1.2 and with 1.0 does not occur in practice; the only13 finding above covers it anyway)
            findings.add(ProbeFinding.of(
                    outbound ? "outboundLegacyOnly" : "inboundLegacyOnly",
                    Severity.FAIL,
                    where,
                    names(legacyAccepted)));
        } else if (!accepted.contains(TlsVersion.TLS_1_3) && report.negotiated() == null) {
            findings.add(ProbeFinding.of("noVersionAccepted", Severity.FAIL, where));
        }
        if (legacyUntested) {
            findings.add(ProbeFinding.of("legacyUntested", Severity.INFO));
        }
    }

    private static void certificateFindings(TargetReport report, Direction direction, List<ProbeFinding> findings) {
        CertificateReport certificate = report.certificate();
        if (certificate == null || certificate.leaf() == null) {
            return;
        }
        CertificateInfo leaf = certificate.leaf();
        boolean problem = false;
        if (certificate.expired()) {
            findings.add(ProbeFinding.of("certExpired", Severity.FAIL, DAY.format(leaf.notAfter())));
            problem = true;
        } else if (certificate.notYetValid()) {
            findings.add(ProbeFinding.of("certNotYetValid", Severity.FAIL, DAY.format(leaf.notBefore())));
            problem = true;
        }
        if (certificate.sha1Signed()) {
            findings.add(ProbeFinding.of("certSha1", Severity.FAIL));
            problem = true;
        }
        if (!certificate.nameMatches()) {
            String names = leaf.subjectAlternativeNames().isEmpty()
                    ? leaf.subject()
                    : String.join(", ", leaf.subjectAlternativeNames());
            findings.add(
                    ProbeFinding.of("certName", Severity.WARN, report.target().host(), names));
            problem = true;
        }
        if (!certificate.trusted()) {
            findings.add(ProbeFinding.of("certUntrusted", Severity.WARN, certificate.trustProblem()));
            problem = true;
        }
        if (!problem) {
            findings.add(ProbeFinding.of("certOk", Severity.OK, DAY.format(leaf.notAfter())));
        }
    }

    private static List<TlsVersion> versions(TargetReport report, VersionOutcome outcome) {
        List<TlsVersion> result = new ArrayList<>();
        for (TlsVersion version : TlsVersion.values()) {
            VersionResult cell = report.protocol(version);
            if (cell != null && cell.outcome() == outcome) {
                result.add(version);
            }
        }
        return result;
    }

    private static String names(List<TlsVersion> versions) {
        return versions.stream().map(TlsVersion::displayName).collect(Collectors.joining(", "));
    }
}
