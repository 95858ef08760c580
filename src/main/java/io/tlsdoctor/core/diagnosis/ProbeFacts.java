package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.TargetReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the handshakes in one direction showed, target by target. Each target gets one outcome from the probe's own
 * findings; the statements reuse the probe's wording ({@code probe.finding.*}) where it already names the values.
 */
final class ProbeFacts {

    /** What one target says about the cause. */
    enum Outcome {
        /** TLS 1.2 (or later) works with it. */
        TLS12,
        /** Only TLS 1.0/1.1: on this server's own receive connector, the SChannel Server side. */
        LEGACY_ONLY,
        /** No connection, no greeting: a network problem. */
        NETWORK,
        /** Something in the path answers instead of the mail server, or only speaks old TLS. */
        MIDDLEBOX,
        /** The far side does not offer or refuses STARTTLS. */
        NO_STARTTLS,
        /** The certificate is expired, not yet valid or SHA-1 (or no certificate is usable). */
        CERTIFICATE,
        /** No TLS version agreed, with nothing more telling. */
        HANDSHAKE_FAILED,
        /** Cancelled or not telling. */
        OTHER
    }

    /** How the handshake through Windows SChannel went (what Exchange itself negotiates). */
    enum Schannel {
        MODERN,
        LEGACY,
        FAILED,
        NOT_RUN
    }

    /** One target: what it showed, in words with its values, and the SChannel handshake beside it. */
    record Target(String display, Outcome outcome, Statement text, Schannel schannel, Statement schannelText) {}

    private static final Set<String> NETWORK =
            Set.of("dnsFailed", "portClosed", "portBlocked", "silent", "bannerRejected", "stalled", "droppedBeforeTls");
    private static final Set<String> MIDDLEBOX =
            Set.of("maskedNoStarttls", "notSmtp", "ehloRejected", "noStarttlsOutbound", "outboundLegacyOnly");
    private static final Set<String> NO_STARTTLS = Set.of("noStarttlsInbound", "starttlsRefused");
    private static final Set<String> CERTIFICATE =
            Set.of("certExpired", "certNotYetValid", "certSha1", "starttlsTemporary");
    private static final Set<String> TLS12 = Set.of("outboundModern", "outboundPathFine", "inboundModern");

    private final Direction direction;
    private final List<Target> targets;

    private ProbeFacts(Direction direction, List<Target> targets) {
        this.direction = direction;
        this.targets = List.copyOf(targets);
    }

    /** The targets probed for {@code direction}; empty when that handshake did not run. */
    static ProbeFacts of(List<ProbeEvidence> probes, Direction direction) {
        List<Target> targets = new ArrayList<>();
        for (ProbeEvidence probe : probes) {
            if (probe.direction() == direction && probe.report() != null) {
                targets.add(target(probe, direction));
            }
        }
        return new ProbeFacts(direction, targets);
    }

    boolean ran() {
        return !targets.isEmpty();
    }

    List<Target> targets() {
        return targets;
    }

    List<Target> with(Outcome outcome) {
        return targets.stream().filter(target -> target.outcome() == outcome).toList();
    }

    boolean any(Outcome outcome) {
        return !with(outcome).isEmpty();
    }

    /** Every target agreed on TLS 1.2 or later. */
    boolean allTls12() {
        return ran() && targets.stream().allMatch(target -> target.outcome() == Outcome.TLS12);
    }

    List<Target> schannel(Schannel outcome) {
        return targets.stream().filter(target -> target.schannel() == outcome).toList();
    }

    Direction direction() {
        return direction;
    }

    private static Target target(ProbeEvidence probe, Direction direction) {
        TargetReport report = probe.report();
        String display = report.target().display();
        Outcome outcome = Outcome.OTHER;
        ProbeFinding decisive = null;
        for (ProbeFinding finding : report.findings()) {
            Outcome seen = outcomeOf(finding.id());
            if (seen != Outcome.OTHER && rank(seen) > rank(outcome)) {
                outcome = seen;
                decisive = finding;
            }
        }
        Statement text;
        if (outcome == Outcome.TLS12) {
            String protocol = report.negotiated() == null
                    ? "TLSv1.2"
                    : report.negotiated().protocol();
            String cipher =
                    report.negotiated() == null ? "-" : report.negotiated().cipher();
            text = Statement.of(
                    direction == Direction.EXO_TO_ONPREM
                            ? "diagnosis.probe.inbound.tls12"
                            : "diagnosis.probe.outbound.tls12",
                    display,
                    protocol,
                    cipher);
        } else if (decisive != null) {
            text = new Statement(decisive.text().key(), decisive.text().args());
        } else {
            text = Statement.of("diagnosis.probe.inconclusive", display);
        }
        Schannel schannel = Schannel.NOT_RUN;
        Statement schannelText = null;
        ProbeFinding viaSchannel = probe.schannel();
        if (viaSchannel != null) {
            schannel = switch (viaSchannel.id()) {
                case "schannelModern" -> Schannel.MODERN;
                case "schannelLegacy" -> Schannel.LEGACY;
                case "schannelFailed" -> Schannel.FAILED;
                default -> Schannel.NOT_RUN;
            };
            schannelText =
                    new Statement(viaSchannel.text().key(), viaSchannel.text().args());
        }
        return new Target(display, outcome, text, schannel, schannelText);
    }

    private static Outcome outcomeOf(String id) {
        if (NETWORK.contains(id)) {
            return Outcome.NETWORK;
        }
        if (MIDDLEBOX.contains(id)) {
            return Outcome.MIDDLEBOX;
        }
        if (NO_STARTTLS.contains(id)) {
            return Outcome.NO_STARTTLS;
        }
        if (CERTIFICATE.contains(id)) {
            return Outcome.CERTIFICATE;
        }
        if (id.equals("inboundLegacyOnly")) {
            return Outcome.LEGACY_ONLY;
        }
        if (TLS12.contains(id)) {
            return Outcome.TLS12;
        }
        if (id.equals("noVersionAccepted") || id.equals("only13")) {
            return Outcome.HANDSHAKE_FAILED;
        }
        return Outcome.OTHER;
    }

    /** Which finding tells most when a target has several: a broken path over a bad certificate over a good version. */
    private static int rank(Outcome outcome) {
        return switch (outcome) {
            case NETWORK, MIDDLEBOX, NO_STARTTLS -> 5;
            case CERTIFICATE -> 4;
            case LEGACY_ONLY, HANDSHAKE_FAILED -> 3;
            case TLS12 -> 2;
            case OTHER -> 0;
        };
    }
}
