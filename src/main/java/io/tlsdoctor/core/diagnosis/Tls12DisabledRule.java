package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.Role;
import java.util.Optional;

/**
 * The problem TLS Doctor exists for: a side of SChannel this mail flow needs does not use TLS 1.2. The registry
 * says so; the handshakes (Exchange Online accepts TLS 1.2 from here, SChannel itself still offers old versions) and
 * the logs (failures to the same partners) confirm it or, when they disagree, lower the confidence.
 */
final class Tls12DisabledRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        if (facts.registry == null || !Boolean.FALSE.equals(facts.tls12Now())) {
            return Optional.empty();
        }
        boolean clientOff = Boolean.FALSE.equals(facts.tls12Now(Role.CLIENT));
        boolean serverOff = Boolean.FALSE.equals(facts.tls12Now(Role.SERVER));
        Cause cause = clientOff && serverOff
                ? Cause.TLS12_BOTH_DISABLED
                : clientOff ? Cause.TLS12_CLIENT_DISABLED : Cause.TLS12_SERVER_DISABLED;
        Judgement j = new Judgement(cause).registryFix();

        if (facts.symptom.tlsFamily()) {
            j.supports(CheckKind.SYMPTOM, facts.symptomStatement());
        } else if (facts.symptom.lookalike()) {
            // The evidence names another problem: TLS 1.2 is still off, but enabling it may not end this error.
            j.contradicts(CheckKind.SYMPTOM, facts.symptomStatement());
            j.next(Lookalikes.nextStep(Lookalikes.causeOf(facts.symptom.code())));
        }
        for (Role role : Role.values()) {
            if (Boolean.FALSE.equals(facts.tls12Now(role))) {
                j.supports(CheckKind.REGISTRY, facts.registry.side(role));
            } else if (facts.sides.contains(role)) {
                j.context(CheckKind.REGISTRY, facts.registry.side(role));
            }
        }
        facts.registry
                .exchangeTooOld()
                .ifPresent(text -> j.supports(CheckKind.REGISTRY, text).next("diagnosis.next.updateExchange"));
        facts.registry
                .osTooOld()
                .ifPresent(text -> j.supports(CheckKind.REGISTRY, text).next("diagnosis.next.updateWindows"));

        if (clientOff) {
            Handshakes.clientEvidence(facts, j, true);
            if (facts.logs != null) {
                facts.logs.tlsFailures(LogKind.SEND).ifPresent(text -> j.supports(CheckKind.LOGS, text));
                facts.logs.modernSessions(LogKind.SEND).ifPresent(text -> j.contradicts(CheckKind.LOGS, text));
            }
        }
        if (serverOff) {
            Handshakes.serverEvidence(facts, j, true);
            if (facts.logs != null) {
                facts.logs.tlsFailures(LogKind.RECEIVE).ifPresent(text -> j.supports(CheckKind.LOGS, text));
                facts.logs.modernSessions(LogKind.RECEIVE).ifPresent(text -> j.contradicts(CheckKind.LOGS, text));
            }
        }
        if (j.contradictions() > 0 && facts.logs != null) {
            j.next("diagnosis.next.compareTimes");
        }
        j.next("diagnosis.next.fix." + (cause == Cause.TLS12_BOTH_DISABLED ? "both" : clientOff ? "client" : "server"));
        j.next("diagnosis.next.restart");
        j.next("diagnosis.next.verify");
        return Optional.of(j);
    }
}
