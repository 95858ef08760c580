package io.tlsdoctor.ui.step.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The summary step without the toolkit: built off the UI thread, and the latest redaction choice is what shows. */
class SummaryStepViewModelTest {

    private static final SymptomCatalog CATALOG = SymptomCatalog.load();

    private final DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
    private final DiagnosisSession session = new DiagnosisSession();
    private final SummaryStepViewModel step = new SummaryStepViewModel(
            new SummaryBuilder(CATALOG),
            new DiagnosisEngine(CATALOG)::conclude,
            new CaseFileAssembler(ThisComputer::provenance),
            runner,
            new I18n(Locale.ENGLISH),
            session,
            Clock.systemUTC());

    @Test
    void aSummaryThatCannotBeMadeSaysWhatToDoNotTheExceptionsText() {
        I18n i18n = new I18n(Locale.ENGLISH);
        SummaryStepViewModel failing = new SummaryStepViewModel(
                new SummaryBuilder(CATALOG),
                caseFile -> {
                    throw new IllegalStateException("java.lang.NullPointerException: rule 7");
                },
                new CaseFileAssembler(ThisComputer::provenance),
                runner,
                i18n,
                session,
                Clock.systemUTC());

        failing.build();
        runner.runAll();

        assertThat(failing.statusProperty().get())
                .isEqualTo("The summary could not be made for a reason TLS Doctor did not expect; the details are in"
                        + " the log. Go back one step and forward again to retry; if it happens again, save a support"
                        + " bundle (it holds the log) and attach it to your ticket.");
        i18n.setLocale(Locale.forLanguageTag("sv"));
        failing.build();
        runner.runAll();
        assertThat(failing.statusProperty().get())
                .startsWith("Sammanfattningen kunde inte tas fram av ett skäl som TLS Doctor inte väntade sig")
                .doesNotContain("rule 7");
    }

    /**
     * The user went back, picked a symptom and came to the summary again while the first build still ran: the summary
     * shown is built from what the session holds now, even when the older build ends last. Before, the second
     * request was ignored while the first ran, and the summary missed the symptom.
     */
    @Test
    void aSecondBuildWhileTheFirstRunsShowsTheSecondsSummary() {
        step.build();
        session.pickSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR);
        step.build();
        runner.runLast(); // the second build ends first
        runner.runAll(); // then the first, too late, and the preview

        assertThat(step.previewProperty().get())
                .contains("picked by the user")
                .doesNotContain("No symptom was picked and no evidence was given.");
        assertThat(step.readyProperty().get()).isTrue();
        assertThat(step.busyProperty().get()).isFalse();
    }

    @Test
    void theLatestRedactionChoiceIsShownEvenWhenAnOlderRenderingEndsLast() {
        session.recordEvidence(
                "Remote Server returned '421 4.4.2 Connection dropped due to SocketError' "
                        + "from contoso-com.mail.protection.outlook.com",
                null);
        session.pickSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR);
        step.onEnter();
        assertThat(step.busyProperty().get()).isTrue();
        runner.runAll();
        String plain = step.previewProperty().get();
        assertThat(plain).contains("Conclusion\n----------").doesNotContain("Redacted:");
        assertThat(step.readyProperty().get()).isTrue();

        step.redactProperty().set(true);
        step.redactProperty().set(false); // changed their mind before the redacted preview was ready
        assertThat(step.readyProperty().get())
                .as("nothing to save while the preview is redone")
                .isFalse();
        runner.runLast();
        runner.runAll();

        assertThat(step.previewProperty().get()).isEqualTo(plain);
        assertThat(step.readyProperty().get()).isTrue();

        step.redactProperty().set(true);
        runner.runAll();
        assertThat(step.previewProperty().get()).contains("Redacted:");
    }
}
