package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.Role;
import java.util.Optional;

/**
 * TLS 1.2 works here, but the logs show partners or devices that still negotiate TLS 1.0/1.1: who to talk to before
 * those versions are switched off. Only when the case is about them (or about nothing in particular), never as the
 * answer to a failure towards Exchange Online.
 */
final class LegacyPartnersRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        boolean aboutLegacy = facts.symptom.code() == SymptomCode.LEGACY_TLS_NEGOTIATED || !facts.symptom.known();
        if (!aboutLegacy
                || facts.logs == null
                || facts.logs.legacy().isEmpty()
                || Boolean.FALSE.equals(facts.tls12Now())) {
            return Optional.empty();
        }
        Judgement j = new Judgement(Cause.LEGACY_PARTNERS);
        if (facts.symptom.known()) {
            j.supports(CheckKind.SYMPTOM, facts.symptomStatement());
        }
        facts.logs.legacy().ifPresent(text -> j.supports(CheckKind.LOGS, text));
        if (facts.registry != null) {
            for (Role role : facts.sides) {
                j.link(
                        CheckKind.REGISTRY,
                        Boolean.TRUE.equals(facts.tls12Now(role))
                                ? EvidenceLink.Bearing.SUPPORTS
                                : EvidenceLink.Bearing.CONTEXT,
                        facts.registry.side(role));
            }
        }
        for (ProbeFacts probe : facts.relevantProbes()) {
            for (ProbeFacts.Target target : probe.targets()) {
                j.link(
                        CaseFacts.probeKind(probe),
                        target.outcome() == ProbeFacts.Outcome.TLS12
                                ? EvidenceLink.Bearing.SUPPORTS
                                : EvidenceLink.Bearing.CONTEXT,
                        target.text());
            }
        }
        for (LogKind kind : LogKind.values()) {
            facts.logs.tlsFailures(kind).ifPresent(text -> j.contradicts(CheckKind.LOGS, text));
        }
        j.next("diagnosis.next.LEGACY_PARTNERS");
        return Optional.of(j);
    }
}
