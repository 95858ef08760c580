package io.tlsdoctor.ui.step.summary;

import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.CaseFileAssembler;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary step without the toolkit: built off the UI thread, and the latest redaction choice is what shows. */
class SummaryStepViewModelTest {

    private static final SymptomCatalog CATALOG = SymptomCatalog.load();

    private final DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
    private final DiagnosisSession session = new DiagnosisSession();
    private final SummaryStepViewModel step = new SummaryStepViewModel(new SummaryBuilder(CATALOG),
            new DiagnosisEngine(CATALOG)::conclude, new CaseFileAssembler(ThisComputer::provenance), runner,
            new I18n(Locale.ENGLISH), session, Clock.systemUTC());

    @Test
    void theLatestRedactionChoiceIsShownEvenWhenAnOlderRenderingEndsLast() {
        session.recordEvidence("Remote Server returned '421 4.4.2 Connection dropped due to SocketError' "
                + "from contoso-com.mail.protection.outlook.com", null);
        session.pickSymptom(SymptomCode.QUEUE_421_SOCKET_ERROR);
        step.onEnter();
        assertThat(step.busyProperty().get()).isTrue();
        runner.runAll();
        String plain = step.previewProperty().get();
        assertThat(plain).contains("Conclusion\n----------").doesNotContain("Redacted:");
        assertThat(step.readyProperty().get()).isTrue();

        step.redactProperty().set(true);
        step.redactProperty().set(false); // changed their mind before the redacted preview was ready
        assertThat(step.readyProperty().get()).as("nothing to save while the preview is redone").isFalse();
        runner.runLast();
        runner.runAll();

        assertThat(step.previewProperty().get()).isEqualTo(plain);
        assertThat(step.readyProperty().get()).isTrue();

        step.redactProperty().set(true);
        runner.runAll();
        assertThat(step.previewProperty().get()).contains("Redacted:");
    }
}
