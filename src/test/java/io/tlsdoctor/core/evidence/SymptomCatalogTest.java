package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue is data; these keep it honest: every rule finds its own examples, every text exists in both languages. */
class SymptomCatalogTest {

    private final SymptomCatalog catalog = SymptomCatalog.load();

    @Test
    void everyRuleMatchesEachOfItsExamplesAndNeedsItsRequiredWord() {
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            assertThat(rule.spec().examples()).as(rule.spec().id()).isNotEmpty();
            for (String example : rule.spec().examples()) {
                assertThat(rule.pattern().matcher(example).find())
                        .as("%s matches %s", rule.spec().id(), example)
                        .isTrue();
                assertThat(example.toLowerCase(Locale.ROOT))
                        .as(rule.spec().id())
                        .contains(rule.spec().requires());
            }
        }
    }

    @Test
    void everyExampleIsRecognisedAsItsRuleCodeWhenPastedAlone() {
        EvidenceRecognizer recognizer = new EvidenceRecognizer(catalog);
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            for (String example : rule.spec().examples()) {
                assertThat(recognizer.recognize(EvidenceText.pasted(example)).detections())
                        .extracting(Detection::code)
                        .as(example)
                        .contains(rule.spec().code());
            }
        }
    }

    @Test
    void patternsHaveNoUnboundedRepetitionSoHugeLinesCannotBacktrackForever() {
        Pattern unbounded = Pattern.compile("(?<!\\\\)[*+]|\\{\\d+,}");
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            assertThat(unbounded.matcher(rule.spec().pattern()).find())
                    .as(rule.spec().id())
                    .isFalse();
        }
    }

    @Test
    void everyTextExistsInEnglishAndSwedish() {
        List<LocalizedText> texts = new ArrayList<>(catalog.checks().values());
        for (SymptomCatalog.Symptom symptom : catalog.allSymptoms()) {
            texts.add(symptom.title());
            texts.add(symptom.whereSeen());
            texts.add(symptom.explanation());
            texts.addAll(symptom.explanationByDirection().values());
            texts.addAll(symptom.likelyCauses());
            for (io.tlsdoctor.core.domain.Direction direction : io.tlsdoctor.core.domain.Direction.values()) {
                texts.addAll(catalog.likelyCauses(symptom.code(), direction));
            }
        }
        for (LocalizedText text : texts) {
            assertThat(text.isCompleteFor(Languages.ALL)).as("%s", text).isTrue();
        }
    }

    @Test
    void theFourSeedSymptomsAreTheCardsWithTheirExactText() {
        assertThat(catalog.seedSymptoms())
                .extracting(SymptomCatalog.Symptom::code)
                .containsExactly(
                        SymptomCode.NDR_421_SOCKET_ERROR, SymptomCode.QUEUE_421_SOCKET_ERROR,
                        SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                                SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED);
        assertThat(catalog.seedSymptoms())
                .allSatisfy(s -> assertThat(s.exampleText()).isNotBlank());
    }
}
