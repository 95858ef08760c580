package io.tlsdoctor.core.diagnosis;

/**
 * How the handshakes bear on "this server's SChannel does (not) use TLS 1.2", shared by the rules that ask it.
 * Outbound: a far side that accepts TLS 1.2 from here shows the fault is not there; SChannel's own handshake shows
 * what this machine offers. Inbound: the handshake to this server's receive connector is its Server side at work.
 */
final class Handshakes {

    private Handshakes() {}

    /**
     * @param offExpected true when the conclusion is that the Client side does not use TLS 1.2 (so SChannel agreeing
     *                    on TLS 1.2 contradicts it); false when the conclusion is that the settings are right
     */
    static void clientEvidence(CaseFacts facts, Judgement j, boolean offExpected) {
        ProbeFacts out = facts.outbound;
        for (ProbeFacts.Target target : out.targets()) {
            switch (target.outcome()) {
                // The far side is fine: with the Client off, the fault is here; with it on, the path is clear.
                case TLS12 -> j.supports(CheckKind.PROBE_OUTBOUND, target.text());
                case NETWORK, MIDDLEBOX, NO_STARTTLS, CERTIFICATE -> {
                    j.context(CheckKind.PROBE_OUTBOUND, target.text());
                    j.next(Lookalikes.nextStep(Lookalikes.causeOf(target.outcome())));
                }
                default -> j.context(CheckKind.PROBE_OUTBOUND, target.text());
            }
            switch (target.schannel()) {
                case MODERN ->
                    j.link(
                            CheckKind.PROBE_OUTBOUND,
                            offExpected ? EvidenceLink.Bearing.CONTRADICTS : EvidenceLink.Bearing.SUPPORTS,
                            target.schannelText());
                case LEGACY, FAILED ->
                    j.link(
                            CheckKind.PROBE_OUTBOUND,
                            offExpected ? EvidenceLink.Bearing.SUPPORTS : EvidenceLink.Bearing.CONTRADICTS,
                            target.schannelText());
                default -> {}
            }
        }
    }

    static void serverEvidence(CaseFacts facts, Judgement j, boolean offExpected) {
        for (ProbeFacts.Target target : facts.inbound.targets()) {
            switch (target.outcome()) {
                case LEGACY_ONLY, HANDSHAKE_FAILED ->
                    j.link(
                            CheckKind.PROBE_INBOUND,
                            offExpected ? EvidenceLink.Bearing.SUPPORTS : EvidenceLink.Bearing.CONTRADICTS,
                            target.text());
                case TLS12 ->
                    j.link(
                            CheckKind.PROBE_INBOUND,
                            offExpected ? EvidenceLink.Bearing.CONTRADICTS : EvidenceLink.Bearing.SUPPORTS,
                            target.text());
                case NETWORK, MIDDLEBOX, NO_STARTTLS, CERTIFICATE -> {
                    j.context(CheckKind.PROBE_INBOUND, target.text());
                    j.next(Lookalikes.nextStep(Lookalikes.causeOf(target.outcome())));
                }
                default -> j.context(CheckKind.PROBE_INBOUND, target.text());
            }
        }
    }
}
