package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.List;
import java.util.Optional;

/**
 * Judges a {@link CaseFile}: a pure function of what was collected, so the wizard, the command line and a reviewer
 * opening a saved summary all reach the same conclusion from the same facts.
 *
 * <p>The rules are asked in order and the first that recognises its cause wins. The order is the argument: the
 * evidence's own word for another problem first (a device's submission, a hop that is not the user's server), then this server's TLS 1.2 settings, then a restart still
 * outstanding, then what the handshakes and logs show besides the version, then partners on old versions, then
 * "nothing wrong here", and only then "not enough to say". Every conclusion also lists the checks that did not run.
 */
public final class DiagnosisEngine {

    private final SymptomCatalog catalog;
    private final List<Rule> rules = List.of(
            new ClientSubmissionRule(),
            new NotYourServerRule(),
            new LookalikeRule(true),
            new Tls12DisabledRule(),
            new RestartPendingRule(),
            new LookalikeRule(false),
            new LegacyPartnersRule(),
            new HealthyRule(),
            new UndeterminedRule());

    public DiagnosisEngine() {
        this(SymptomCatalog.load());
    }

    public DiagnosisEngine(SymptomCatalog catalog) {
        this.catalog = catalog;
    }

    /** The checks that matter for this case, as the engine will judge them (the same plan the collector ran). */
    public CheckPlan plan(CaseFile file) {
        return new CaseFacts(file, catalog).plan;
    }

    /**
     * The same plan from the symptom alone, before any check ran: cheap enough for the wizard to ask on every move.
     * An unknown direction is taken from the symptom, as the judgement does.
     */
    public CheckPlan plan(SymptomCode picked, Recognition recognition, Direction direction) {
        PrimarySymptom symptom = PrimarySymptom.of(picked, recognition, catalog);
        Direction flow = direction != null && direction != Direction.UNKNOWN ? direction : symptom.direction();
        return CheckPlan.forSymptom(symptom.code(), flow);
    }

    public Conclusion conclude(CaseFile file) {
        CaseFacts facts = new CaseFacts(file, catalog);
        for (Rule rule : rules) {
            Optional<Judgement> judgement = rule.judge(facts);
            if (judgement.isPresent()) {
                return withWhatDidNotRun(facts, judgement.get()).conclude();
            }
        }
        throw new IllegalStateException("the last rule always judges");
    }

    /** Context every conclusion carries: checks of the plan that did not run, and where the handshakes left from. */
    private static Judgement withWhatDidNotRun(CaseFacts facts, Judgement j) {
        List<PlannedCheck> missing = facts.plan.checks().stream()
                .filter(check -> check.kind() != CheckKind.SYMPTOM && !facts.ran(check.kind()))
                .toList();
        for (PlannedCheck check : missing) {
            j.context(check.kind(), Statement.of("diagnosis.notChecked." + check.kind()));
        }
        // Open: the checks that would settle it come first. Reached: after what to do about the cause.
        List<PlannedCheck> needed = missing.stream()
                .filter(check -> check.need() == PlannedCheck.Need.NEEDED)
                .toList();
        for (int i = needed.size() - 1; i >= 0 && j.cause() == Cause.UNDETERMINED; i--) {
            j.nextFirst(Statement.of("diagnosis.next.run." + needed.get(i).kind()));
        }
        if (j.cause() != Cause.UNDETERMINED) {
            needed.forEach(check -> j.next("diagnosis.next.run." + check.kind()));
        }
        if (!facts.symptom.known() && facts.file.recognition() != null) {
            j.context(CheckKind.SYMPTOM, Statement.of("diagnosis.symptom.nothingRecognised"));
        }
        boolean probed = facts.outbound.ran() || facts.inbound.ran();
        Provenance provenance = facts.file.provenance();
        if (probed && provenance != null && provenance.mode() == CheckMode.OFFLINE) {
            j.context(
                    facts.outbound.ran() ? CheckKind.PROBE_OUTBOUND : CheckKind.PROBE_INBOUND,
                    Statement.of("diagnosis.probe.fromElsewhere", provenance.computerName()));
        }
        rehearsed(facts, j);
        otherProblemsFound(facts, j);
        if (facts.connectors != null) {
            j.context(CheckKind.CONNECTORS, facts.connectors.source());
        }
        if (facts.registry != null) {
            j.context(CheckKind.REGISTRY, facts.registry.source());
            // never a confident answer from the registry of a machine that is not the Exchange server
            facts.registry.notAnExchangeServer().ifPresent(notExchange -> {
                j.contradicts(CheckKind.REGISTRY, notExchange);
                j.nextFirst(Statement.of("diagnosis.next.exchangeServerRegistry"));
            });
        }
        return j;
    }

    /**
     * A handshake that found a problem is never left out of the diagnosis, even in the direction the symptom does not
     * concern (an inbound test run for an outbound symptom): the summary lists it, so the diagnosis says it too.
     */
    private static void otherProblemsFound(CaseFacts facts, Judgement j) {
        for (ProbeFacts probe : List.of(facts.outbound, facts.inbound)) {
            for (ProbeFacts.Target target : probe.targets()) {
                boolean problem =
                        target.outcome() != ProbeFacts.Outcome.TLS12 && target.outcome() != ProbeFacts.Outcome.OTHER;
                if (problem && target.text() != null && !j.mentions(target.text())) {
                    j.context(CaseFacts.probeKind(probe), target.text());
                }
            }
        }
    }

    /**
     * A rehearsal is context only: it wrote a copy of the export, so the conclusion stays what the server's own
     * evidence says, and the way to make the same change on the server comes first among the next steps.
     */
    private static void rehearsed(CaseFacts facts, Judgement j) {
        List<Rehearsal> rehearsals = facts.file.rehearsals();
        if (rehearsals.isEmpty()) {
            return;
        }
        Rehearsal last = rehearsals.get(rehearsals.size() - 1);
        j.context(CheckKind.FIX, Statement.of("diagnosis.fix.rehearsed", last.copy()));
        if (j.fixesRegistry()) {
            j.nextFirst(Statement.of("diagnosis.next.rehearsed", last.copy()));
        }
    }
}
