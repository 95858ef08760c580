package io.tlsdoctor.ui.step.meaning;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The "what it means" step without the toolkit: what the user reads for a picked card, a pasted report, or nothing. */
class MeaningStepViewModelTest {

    private static final SymptomCatalog CATALOG = SymptomCatalog.load();
    private static final String NDR = "Remote Server returned '421 4.4.2 Connection dropped due to SocketError'";

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private final DiagnosisSession session = new DiagnosisSession();
    private final MeaningStepViewModel step = new MeaningStepViewModel(CATALOG, i18n, session);

    private void paste(String text) {
        session.recordEvidence(text, "pasted");
        session.recordRecognition(new EvidenceRecognizer(CATALOG).recognize(EvidenceText.pasted(text)));
    }

    @Test
    void aPickedCardIsExplainedAsTheUsersChoiceWithItsChecksInTheCataloguesOrder() {
        session.pickSymptom(SymptomCode.CERTIFICATE);
        step.onEnter();

        assertThat(step.findings()).singleElement().satisfies(item -> {
            assertThat(item.code()).isEqualTo(SymptomCode.CERTIFICATE);
            assertThat(item.confidenceText()).isEqualTo("chosen by you");
            assertThat(item.linesText()).isEqualTo("You chose this symptom; paste the message to confirm it");
        });
        assertThat(step.summaryProperty().get())
                .startsWith("This looks similar but has another cause")
                .contains("TLS 1.2 settings will not fix it");
        assertThat(step.nextChecks())
                .containsExactly(
                        CATALOG.checkText("CERTIFICATE_BINDING", Locale.ENGLISH),
                        CATALOG.checkText("CONNECTOR_CONFIGURATION", Locale.ENGLISH));
        assertThat(step.nothingRecognisedProperty().get()).isFalse();
        assertThat(step.notYourServerProperty().get()).isFalse();
    }

    @Test
    void aPastedReportIsTheTlsProblemAndIsRewordedWhenTheLanguageChanges() {
        paste(NDR);
        step.onEnter();

        assertThat(step.findings()).extracting(FindingItem::code).containsExactly(SymptomCode.NDR_421_SOCKET_ERROR);
        assertThat(step.findings().get(0).excerpt()).contains("421 4.4.2 Connection dropped due to SocketError");
        assertThat(step.summaryProperty().get())
                .isEqualTo("This is the TLS 1.0/1.1 problem: the mail fails because TLS 1.2 cannot be agreed on.");
        String englishCheck = step.nextChecks().get(0);

        i18n.setLocale(Locale.forLanguageTag("sv"));

        assertThat(step.summaryProperty().get())
                .isEqualTo(
                        "Det här är problemet med TLS 1.0/1.1: e-posten misslyckas eftersom parterna inte kan enas om TLS 1.2.");
        assertThat(step.nextChecks().get(0))
                .isNotEqualTo(englishCheck)
                .isEqualTo(CATALOG.checkText(
                        CATALOG.symptom(SymptomCode.NDR_421_SOCKET_ERROR)
                                .nextChecks()
                                .get(0),
                        Locale.forLanguageTag("sv")));
    }

    @Test
    void textWithNothingRecognisedSaysSoInsteadOfAMeaning() {
        paste("Hi, mail to Office 365 is stuck since Monday, please help");
        step.onEnter();

        assertThat(step.findings()).isEmpty();
        assertThat(step.nothingRecognisedProperty().get()).isTrue();
        assertThat(step.summaryProperty().get()).isEqualTo("TLS Doctor recognised nothing in what you gave it.");
        assertThat(step.nextChecks()).isEmpty();
    }
}
