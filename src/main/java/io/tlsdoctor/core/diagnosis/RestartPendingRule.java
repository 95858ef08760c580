package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.Role;
import java.util.Optional;

/**
 * The settings are right now, but SChannel reads them only when Windows starts: a change made here (or one the
 * registry dates after the last boot, or a restart Windows itself waits for) has not taken effect yet.
 */
final class RestartPendingRule implements Rule {

    @Override
    public Optional<Judgement> judge(CaseFacts facts) {
        if (!Boolean.TRUE.equals(facts.tls12Now()) || facts.symptom.lookalike() || !facts.restartOutstanding()) {
            return Optional.empty();
        }
        Optional<Statement> change = facts.changeMade();
        Optional<Statement> changedSinceBoot =
                facts.registry == null ? Optional.empty() : facts.registry.changedSinceBoot();
        if (!facts.symptom.tlsFamily() && change.isEmpty() && changedSinceBoot.isEmpty()) {
            return Optional.empty(); // a pending Windows update alone explains nothing when nothing failed
        }
        Judgement j = new Judgement(Cause.RESTART_PENDING);
        if (facts.symptom.tlsFamily()) {
            j.supports(CheckKind.SYMPTOM, facts.symptomStatement());
        }
        for (Role role : facts.sides) {
            if (facts.fixedHere(role) && facts.registry != null && !Boolean.TRUE.equals(facts.registry.tls12(role))) {
                j.context(CheckKind.REGISTRY, facts.registry.side(role)); // read before the fix
            } else if (facts.registry != null) {
                j.supports(CheckKind.REGISTRY, facts.registry.side(role));
            }
        }
        change.ifPresent(text -> j.supports(CheckKind.FIX, text));
        changedSinceBoot.ifPresent(text -> j.supports(CheckKind.REGISTRY, text));
        if (facts.registry != null && facts.registry.restartPending()) {
            j.supports(CheckKind.REGISTRY, Statement.of("diagnosis.registry.restartPending"));
        }
        RestartState restart = facts.file.restart();
        if (restart != null && restart.status() == RestartState.Status.SCHEDULED && restart.scheduledFor() != null) {
            j.supports(
                    CheckKind.RESTART, Statement.of("diagnosis.restart.scheduled", Texts.time(restart.scheduledFor())));
        } else if (restart != null && restart.status() == RestartState.Status.NEEDED) {
            j.supports(CheckKind.RESTART, Statement.of("diagnosis.restart.needed"));
        }
        // SChannel still negotiating the old way is the settings not in effect; agreeing on TLS 1.2 says they are.
        if (facts.sides.contains(Role.CLIENT)) {
            Handshakes.clientEvidence(facts, j, true);
        }
        if (facts.sides.contains(Role.SERVER)) {
            Handshakes.serverEvidence(facts, j, true);
        }
        if (facts.logs != null) {
            for (LogKind kind : LogKind.values()) {
                facts.logs.tlsFailures(kind).ifPresent(text -> j.context(CheckKind.LOGS, text));
            }
        }
        boolean onlyWindowsWaits = change.isEmpty()
                && changedSinceBoot.isEmpty()
                && (restart == null
                        || restart.status() == RestartState.Status.NOT_NEEDED
                        || restart.status() == RestartState.Status.AFTER_SERVER_FIX);
        boolean handshakeShowsOldSettings =
                !facts.outbound.schannel(ProbeFacts.Schannel.LEGACY).isEmpty()
                        || !facts.outbound.schannel(ProbeFacts.Schannel.FAILED).isEmpty()
                        || facts.inbound.any(ProbeFacts.Outcome.LEGACY_ONLY);
        if (onlyWindowsWaits && !handshakeShowsOldSettings) {
            // A restart Windows waits for (updates) may have nothing to do with TLS: a lead, not a finding.
            j.confidence(Confidence.LOW);
        }
        j.next("diagnosis.next.restart");
        j.next("diagnosis.next.verify");
        return Optional.of(j);
    }
}
