package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.Role;
import java.util.Optional;

/**
 * What is left when no cause is backed by the checks: everything seen is shown as context, the lead the evidence
 * gives (if any) and the checks that would settle it are the next steps. Never a guess.
 */
final class UndeterminedRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        Judgement j = new Judgement(Cause.UNDETERMINED);
        if (facts.symptom.known()) {
            j.context(CheckKind.SYMPTOM, facts.symptomStatement());
        }
        Cause lead = Lookalikes.causeOf(facts.symptom.code());
        if (facts.symptom.lookalike() && lead != null) {
            j.context(CheckKind.SYMPTOM, Statement.of("diagnosis.undetermined.lead"));
        }
        if (facts.registry != null) {
            for (Role role : facts.sides.isEmpty() ? java.util.List.of(Role.values()) : facts.sides) {
                j.context(CheckKind.REGISTRY, facts.registry.side(role));
            }
            facts.registry.noExoCiphers().ifPresent(text -> j.context(CheckKind.REGISTRY, text));
        }
        for (ProbeFacts probe : java.util.List.of(facts.outbound, facts.inbound)) {
            for (ProbeFacts.Target target : probe.targets()) {
                j.context(CaseFacts.probeKind(probe), target.text());
                if (target.schannelText() != null && target.schannel() != ProbeFacts.Schannel.NOT_RUN) {
                    j.context(CaseFacts.probeKind(probe), target.schannelText());
                }
            }
        }
        if (facts.logs != null) {
            for (LogKind kind : LogKind.values()) {
                facts.logs.tlsFailures(kind).ifPresent(text -> j.context(CheckKind.LOGS, text));
            }
        }
        if (facts.connectors != null) {
            facts.connectors.failures().forEach(text -> j.context(CheckKind.CONNECTORS, text));
            if (facts.connectors.healthy()) {
                j.link(
                        CheckKind.CONNECTORS,
                        lead == Cause.CERTIFICATE || lead == Cause.CONNECTOR
                                ? EvidenceLink.Bearing.CONTRADICTS
                                : EvidenceLink.Bearing.CONTEXT,
                        facts.connectors.passed());
            }
        }
        // the checks that would settle it come first (added by the engine); then the lead
        if (lead != null) {
            j.next(Lookalikes.nextStep(lead));
        }
        return Optional.of(j);
    }
}
