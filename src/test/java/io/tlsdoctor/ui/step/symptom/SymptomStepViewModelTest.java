package io.tlsdoctor.ui.step.symptom;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Recognising the pasted text without the toolkit: the latest text's recognition wins, whatever finishes first. */
class SymptomStepViewModelTest {

    private static final SymptomCatalog CATALOG = SymptomCatalog.load();
    private static final String QUEUE_NDR = "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired -> "
            + "421 4.4.2 Connection dropped due to SocketError'";
    private static final String STARTTLS = "LastError : 451 5.7.3 Must issue a STARTTLS command first";

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final DiagnosisSession session = new DiagnosisSession();
    private final SymptomStepViewModel step = new SymptomStepViewModel(
            CATALOG, new EvidenceRecognizer(CATALOG), runner, new I18n(Locale.ENGLISH), session, Duration.ZERO);

    @Test
    void theLatestTextWinsEvenWhenTheOlderRecognitionEndsLast() {
        DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
        SymptomStepViewModel step = new SymptomStepViewModel(
                CATALOG, new EvidenceRecognizer(CATALOG), runner, new I18n(Locale.ENGLISH), session, Duration.ZERO);
        session.recordEvidence(QUEUE_NDR, null);
        session.recordEvidence(STARTTLS, null);
        assertThat(step.recognizingProperty().get()).isTrue();
        assertThat(step.canAdvanceProperty().get()).as("not while recognising").isFalse();

        runner.runLast();
        runner.runAll();

        assertThat(step.recognisedCodesProperty().get())
                .containsExactly(SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED);
        assertThat(session.recognitionProperty().get()).isNotNull();
        assertThat(step.recognizingProperty().get()).isFalse();
        assertThat(step.canAdvanceProperty().get()).isTrue();
        assertThat(step.statusProperty().get()).startsWith("Recognised:");
    }

    @Test
    void clearingTheTextDropsWhatWasStillBeingRecognised() {
        session.recordEvidence(QUEUE_NDR, null);
        step.clear();
        runner.runAll();

        assertThat(step.recognizingProperty().get()).isFalse();
        assertThat(step.recognisedCodesProperty().get()).isEmpty();
        assertThat(session.recognitionProperty().get()).isNull();
    }
}
