package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.diagnosis.Cause;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.CheckPlan;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.PlannedCheck;
import io.tlsdoctor.ui.common.I18n;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The wizard's guided path from the diagnosis engine's check plan: a check step is visited when the plan for the
 * symptom includes one of its checks, and introduced with the plan's sentences. Fix and Restart follow from the
 * conclusion instead: they are visited when the cause is this server's SChannel settings (or a change was made).
 */
public final class GuidedPath implements StepGuide {

    private final Function<DiagnosisSession, CheckPlan> planner;
    private final DiagnosisSession session;
    private final I18n i18n;

    /** @param planner the check plan for the case as the session has it now (cheap: no checks run) */
    public GuidedPath(Function<DiagnosisSession, CheckPlan> planner, DiagnosisSession session, I18n i18n) {
        this.planner = planner;
        this.session = session;
        this.i18n = i18n;
    }

    @Override
    public boolean needed(StepModel step) {
        List<CheckKind> checks = step.checks();
        if (checks.isEmpty()) {
            return true;
        }
        if (checks.contains(CheckKind.FIX) || checks.contains(CheckKind.RESTART)) {
            return fixMatters() || checks.contains(CheckKind.RESTART) && restartPending();
        }
        CheckPlan plan = planner.apply(session);
        return checks.stream().anyMatch(plan::includes);
    }

    @Override
    public String introduction(StepModel step) {
        if (step.checks().isEmpty()) {
            return "";
        }
        CheckPlan plan = planner.apply(session);
        return step.checks().stream()
                .map(plan::check)
                .flatMap(java.util.Optional::stream)
                .map(PlannedCheck::announcement)
                .filter(Objects::nonNull)
                .map(statement -> i18n.get(statement.key(), statement.argArray()))
                .distinct()
                .collect(Collectors.joining(" "));
    }

    /** No conclusion yet (the user came another way), a registry cause, or a change already made in this session. */
    private boolean fixMatters() {
        Conclusion conclusion = session.conclusionProperty().get();
        return conclusion == null
                || conclusion.registryFix()
                || !session.changes().isEmpty();
    }

    private boolean restartPending() {
        Conclusion conclusion = session.conclusionProperty().get();
        return conclusion != null && conclusion.cause() == Cause.RESTART_PENDING;
    }
}
