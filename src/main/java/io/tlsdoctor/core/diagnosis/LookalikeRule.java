package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.registry.Role;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something other than the TLS version: a certificate, the network, a device inspecting SMTP, no STARTTLS, a
 * connector, authentication. Led either by the evidence (the symptom is a known lookalike) or by the checks (a
 * handshake shows a blocked port or a masked banner, the logs fail for another reason). A lookalike is only concluded
 * when a check backs it; the evidence alone leaves the diagnosis open with the lead as a next step.
 */
final class LookalikeRule implements Rule {

    private final boolean ledBySymptom;

    /** @param ledBySymptom true: only for lookalike symptoms (asked first); false: from what the checks show */
    LookalikeRule(boolean ledBySymptom) {
        this.ledBySymptom = ledBySymptom;
    }

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        Cause cause = ledBySymptom
                ? (facts.symptom.lookalike() ? Lookalikes.causeOf(facts.symptom.code()) : null)
                : strongestFromChecks(facts);
        if (cause == null) {
            return Optional.empty();
        }
        Judgement j = new Judgement(cause);
        if (cause == Lookalikes.causeOf(facts.symptom.code())) {
            j.supports(CheckKind.SYMPTOM, facts.symptomStatement());
        } else if (facts.symptom.known()) {
            j.context(CheckKind.SYMPTOM, facts.symptomStatement());
        }
        for (ProbeFacts probe : probesFor(facts)) {
            CheckKind kind = CaseFacts.probeKind(probe);
            for (ProbeFacts.Target target : probe.targets()) {
                Cause shown = Lookalikes.causeOf(target.outcome());
                if (shown == cause) {
                    j.supports(kind, target.text());
                } else if (target.outcome() == ProbeFacts.Outcome.TLS12
                        && contradictedByWorkingHandshake(cause, probe)) {
                    j.contradicts(kind, target.text());
                } else {
                    j.context(kind, target.text());
                }
            }
        }
        if (facts.logs != null) {
            for (SymptomCode code : Lookalikes.logCodes(cause)) {
                facts.logs.lookalike(code).ifPresent(text -> j.supports(CheckKind.LOGS, text));
            }
        }
        if (facts.registry != null) {
            // TLS 1.2 on where this flow needs it rules the version out; off, it is a second problem to fix too.
            for (Role role : facts.sides.isEmpty() ? List.of(Role.values()) : facts.sides) {
                Boolean on = facts.tls12Now(role);
                if (Boolean.TRUE.equals(on)) {
                    j.supports(CheckKind.REGISTRY, facts.registry.side(role));
                } else {
                    j.context(CheckKind.REGISTRY, facts.registry.side(role));
                    if (Boolean.FALSE.equals(on)) {
                        j.next("diagnosis.next.alsoTls12");
                    }
                }
            }
        }
        if (facts.connectors != null) {
            connectors(j, cause, facts.connectors);
        }
        if (j.supportingChecks() == 0) {
            return Optional.empty(); // the evidence alone: left open, with this as the lead
        }
        if (facts.connectors != null && facts.connectors.cause() != null) {
            j.next("diagnosis.next.connectors"); // the exact commands are the check's; before the general advice
        }
        j.next(Lookalikes.nextStep(cause));
        return Optional.of(j);
    }

    /**
     * What Exchange's own configuration says: a failing certificate or connector backs any of the causes it can
     * produce (a certificate, a connector's attribution, no STARTTLS); a clean configuration speaks against a
     * certificate or connector cause, and only sets the scene for the others.
     */
    private static void connectors(Judgement j, Cause cause, ConnectorFacts connectors) {
        boolean configurationCause =
                cause == Cause.CERTIFICATE || cause == Cause.CONNECTOR || cause == Cause.STARTTLS_NOT_OFFERED;
        if (connectors.cause() != null) {
            for (Statement failure : connectors.failures()) {
                j.link(
                        CheckKind.CONNECTORS,
                        configurationCause ? EvidenceLink.Bearing.SUPPORTS : EvidenceLink.Bearing.CONTEXT,
                        failure);
            }
        } else if (connectors.healthy()) {
            j.link(
                    CheckKind.CONNECTORS,
                    cause == Cause.CERTIFICATE || cause == Cause.CONNECTOR
                            ? EvidenceLink.Bearing.CONTRADICTS
                            : EvidenceLink.Bearing.CONTEXT,
                    connectors.passed());
        }
    }

    /** The lookalike most checks point at, when a handshake or the logs show one and nothing shows the version. */
    private static Cause strongestFromChecks(CaseFacts facts) {
        Map<Cause, Integer> votes = new EnumMap<>(Cause.class);
        if (facts.connectors != null && facts.connectors.cause() != null) {
            votes.merge(facts.connectors.cause(), 2, Integer::sum); // Exchange's own configuration, read now
        }
        for (ProbeFacts probe : probesFor(facts)) {
            for (ProbeFacts.Target target : probe.targets()) {
                Cause cause = Lookalikes.causeOf(target.outcome());
                if (cause != null) {
                    votes.merge(cause, 2, Integer::sum); // a handshake seen now weighs more than a log line
                }
            }
        }
        if (facts.logs != null) {
            boolean tlsFailures =
                    facts.logs.tlsFailures(io.tlsdoctor.core.logs.LogKind.SEND).isPresent()
                            || facts.logs
                                    .tlsFailures(io.tlsdoctor.core.logs.LogKind.RECEIVE)
                                    .isPresent();
            for (Cause cause :
                    List.of(Cause.CERTIFICATE, Cause.NETWORK, Cause.MIDDLEBOX_INSPECTION, Cause.STARTTLS_NOT_OFFERED)) {
                long failures = Lookalikes.logCodes(cause).stream()
                        .mapToLong(facts.logs::lookalikeCount)
                        .sum();
                if (failures > 0 && !tlsFailures) {
                    votes.merge(cause, 1, Integer::sum);
                }
            }
        }
        return votes.entrySet().stream()
                .max(Map.Entry.<Cause, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** The handshakes that can show this case's lookalike: the direction it concerns, or both when unknown. */
    private static List<ProbeFacts> probesFor(CaseFacts facts) {
        if (facts.direction == Direction.ONPREM_TO_EXO) {
            return showsInThisServersOwnHandshake(facts.symptom.code())
                    ? List.of(facts.outbound, facts.inbound)
                    : List.of(facts.outbound);
        }
        if (facts.direction == Direction.EXO_TO_ONPREM) {
            return List.of(facts.inbound);
        }
        return List.of(facts.outbound, facts.inbound);
    }

    /**
     * Whether the inbound handshake also shows the symptom when sending: a certificate error does (this server
     * presents the same certificate it sends with); nothing else does.
     */
    private static boolean showsInThisServersOwnHandshake(SymptomCode symptom) {
        if (symptom == null) {
            return false;
        }
        // No default: a new symptom code does not compile until someone decides this.
        return switch (symptom) {
            case CERTIFICATE -> true;
            case NDR_421_SOCKET_ERROR,
                    QUEUE_421_SOCKET_ERROR,
                    PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                    PROTOCOL_LOG_451_STARTTLS_REQUIRED,
                    EXO_TO_ONPREM_TLS_FAILURE,
                    SMTP_AUTH_CLIENT_LEGACY_TLS,
                    REMOTE_SERVER_LEGACY_TLS,
                    LEGACY_TLS_NEGOTIATED,
                    NETWORK,
                    MIDDLEBOX_INSPECTION,
                    SOCKET_REASON_NOT_TLS,
                    AUTHENTICATION,
                    CONNECTOR_ATTRIBUTION,
                    CLIENT_CONFIGURATION,
                    SMTP_AUTH_BLOCKED,
                    STARTTLS_NOT_OFFERED -> false;
        };
    }

    /** A handshake that works now speaks against a broken path; for a certificate only this server's own counts. */
    private static boolean contradictedByWorkingHandshake(Cause cause, ProbeFacts probe) {
        return switch (cause) {
            case NETWORK, MIDDLEBOX_INSPECTION, STARTTLS_NOT_OFFERED -> true;
            case CERTIFICATE -> probe.direction() == Direction.EXO_TO_ONPREM;
            case AUTHENTICATION,
                    CONNECTOR,
                    CLIENT_SUBMISSION,
                    TLS12_CLIENT_DISABLED,
                    TLS12_SERVER_DISABLED,
                    TLS12_BOTH_DISABLED,
                    RESTART_PENDING,
                    LEGACY_PARTNERS,
                    NOT_YOUR_SERVER,
                    NO_TLS_PROBLEM_FOUND,
                    UNDETERMINED -> false;
        };
    }
}
