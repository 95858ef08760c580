package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.Role;
import java.util.Optional;

/**
 * Every check this case needs ran, and each says TLS 1.2 works where this mail flow needs it. Failures the logs
 * still show are a contradiction (older than a change? intermittent?), shown and lowering the confidence.
 */
final class HealthyRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        if (!facts.missingNeeded().isEmpty()
                || Boolean.FALSE.equals(facts.tls12Now())
                || (facts.registry != null && facts.tls12Now() == null)) {
            return Optional.empty();
        }
        boolean anyCheck = facts.registry != null;
        for (ProbeFacts probe : facts.relevantProbes()) {
            if (probe.ran() && !probe.allTls12()) {
                return Optional.empty();
            }
            anyCheck |= probe.ran();
        }
        if (!anyCheck) {
            return Optional.empty();
        }
        Judgement j = new Judgement(Cause.NO_TLS_PROBLEM_FOUND);
        if (facts.symptom.known()) {
            j.context(CheckKind.SYMPTOM, facts.symptomStatement());
        }
        if (facts.registry != null) {
            for (Role role : facts.sides) {
                j.supports(CheckKind.REGISTRY, facts.registry.side(role));
            }
        }
        if (facts.sides.contains(Role.CLIENT)) {
            Handshakes.clientEvidence(facts, j, false);
        }
        if (facts.sides.contains(Role.SERVER)) {
            Handshakes.serverEvidence(facts, j, false);
        }
        if (facts.registry != null) {
            facts.registry.noExoCiphers().ifPresent(text -> j.contradicts(CheckKind.REGISTRY, text));
        }
        if (facts.logs != null) {
            boolean failures = false;
            for (Role role : facts.sides) {
                LogKind kind = role == Role.CLIENT ? LogKind.SEND : LogKind.RECEIVE;
                Optional<Statement> tls = facts.logs.tlsFailures(kind);
                tls.ifPresent(text -> j.contradicts(CheckKind.LOGS, text));
                failures |= tls.isPresent();
            }
            if (failures) {
                j.next("diagnosis.next.compareTimes");
            } else {
                j.supports(CheckKind.LOGS, facts.logs.clean());
            }
        }
        j.next("diagnosis.next.NO_TLS_PROBLEM_FOUND");
        return Optional.of(j);
    }
}
