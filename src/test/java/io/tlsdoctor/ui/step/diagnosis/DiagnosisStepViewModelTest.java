package io.tlsdoctor.ui.step.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.diagnosis.Cause;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.Confidence;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagnosis step without the toolkit: judged off the UI thread, the wizard locked meanwhile, a failure named. */
class DiagnosisStepViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final DiagnosisSession session = new DiagnosisSession();

    @Test
    void theRegistryCauseIsJudgedAndKeptForTheSummary() throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(Cases.regFile(dir, false, true))).collect();
        session.pickSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR);
        session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of());
        DiagnosisStepViewModel step = new DiagnosisStepViewModel(
                new DiagnosisEngine(SymptomCatalog.load())::conclude,
                new CaseFileAssembler(ThisComputer::provenance),
                runner,
                i18n,
                session,
                () -> {});

        step.onEnter();
        assertThat(step.busyProperty().get())
                .as("navigation locked while judging")
                .isTrue();
        assertThat(session.conclusionProperty().get())
                .as("no old conclusion beside new evidence")
                .isNull();
        runner.runAll();

        assertThat(step.busyProperty().get()).isFalse();
        assertThat(step.causeTitleProperty().get()).isEqualTo(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        assertThat(session.conclusionProperty().get()).isNotNull();
    }

    /**
     * Evidence changed while the first judgement ran and the user asked again: the second judgement is the one kept,
     * even when the first (slower) one ends after it. Before, the second request was ignored while the first ran.
     */
    @Test
    void aSecondRequestWhileTheFirstRunsYieldsTheSecondsConclusion() {
        DirectTaskRunner slowFirst = DirectTaskRunner.heldPastCancel();
        DiagnosisStepViewModel step = new DiagnosisStepViewModel(
                caseFile -> new Conclusion(
                        caseFile.pickedSymptom() == null ? Cause.UNDETERMINED : Cause.TLS12_CLIENT_DISABLED,
                        Confidence.LOW,
                        List.of(),
                        List.of(),
                        false),
                new CaseFileAssembler(ThisComputer::provenance),
                slowFirst,
                i18n,
                session,
                () -> {});

        step.judge();
        session.pickSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR);
        step.judge();
        slowFirst.runLast(); // the second ends first
        slowFirst.runAll(); // then the first, too late

        assertThat(session.conclusionProperty().get().cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(step.causeTitleProperty().get()).isEqualTo(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        assertThat(step.busyProperty().get())
                .as("the wizard is free once the latest judgement is in")
                .isFalse();
    }

    @Test
    void aFailureWhileJudgingIsNamedAndLeavesTheWizardFree() {
        DiagnosisStepViewModel step = new DiagnosisStepViewModel(
                caseFile -> {
                    throw new IllegalStateException("rule table unreadable");
                },
                new CaseFileAssembler(ThisComputer::provenance),
                runner,
                i18n,
                session,
                () -> {});

        step.judge();
        runner.runAll();

        assertThat(step.problemProperty().get())
                .as("a bug: the user reads the way on, the log gets the exception")
                .isEqualTo("The diagnosis could not be made for a reason TLS Doctor did not expect; the details are in"
                        + " the log. Go back and run the checks again; if it happens again, save a support bundle"
                        + " (it holds the log) and attach it to your ticket.")
                .doesNotContain("rule table unreadable");
        assertThat(step.busyProperty().get()).isFalse();
        assertThat(session.conclusionProperty().get()).isNull();
    }
}
