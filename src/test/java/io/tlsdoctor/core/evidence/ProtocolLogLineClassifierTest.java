package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProtocolLogLineClassifierTest {

    private final ProtocolLogLineClassifier classifier = new ProtocolLogLineClassifier(SymptomCatalog.load());

    @Test
    void thePrefilterLetsThroughEveryRuleExampleAndStopsOrdinaryRows() {
        for (SymptomCatalog.Rule rule : SymptomCatalog.load().rules()) {
            for (String example : rule.spec().examples()) {
                byte[] bytes = ("x," + example + ",y").getBytes(StandardCharsets.UTF_8);
                assertThat(classifier.mayMatch(bytes, 2, bytes.length - 2))
                        .as(rule.spec().id())
                        .isTrue();
            }
        }
        for (String ordinary : new String[] {
            "250 2.1.0 Sender OK",
            "EHLO mail.contoso.com",
            "QUIT",
            "250-PIPELINING",
            "221 2.0.0 Service closing transmission channel",
            "attempting to connect"
        }) {
            byte[] bytes = ordinary.getBytes(StandardCharsets.UTF_8);
            assertThat(classifier.mayMatch(bytes, 0, bytes.length)).as(ordinary).isFalse();
        }
        byte[] upper = "TLS NEGOTIATION FAILED WITH ERROR SOCKETERROR".getBytes(StandardCharsets.UTF_8);
        assertThat(classifier.mayMatch(upper, 0, upper.length))
                .as("case does not matter")
                .isTrue();
        assertThat(classifier.mayMatch(upper, 0, 10))
                .as("only the given range counts")
                .isFalse();
    }

    @Test
    void theSameTextMeansAnotherDirectionInAReceiveLog() {
        assertThat(classifier.classify("TLS negotiation failed with error SocketError", false))
                .singleElement()
                .satisfies(m -> {
                    assertThat(m.code()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
                    assertThat(m.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
                });
        assertThat(classifier.classify("TLS negotiation failed with error SocketError", true))
                .singleElement()
                .satisfies(m -> assertThat(m.direction()).isEqualTo(Direction.EXO_TO_ONPREM));
        assertThat(classifier.classify("TLS negotiation failed with error UnknownCredentials", false))
                .singleElement()
                .satisfies(m -> assertThat(m.code()).isEqualTo(SymptomCode.CERTIFICATE));
        assertThat(classifier.classify("250-STARTTLS", false)).isEmpty();
    }

    /**
     * The reader asks once per column ({@link ProtocolLogLineClassifier#wordsIn}) for both "TLS" in the data and the
     * rules' words: that must say what the searches it replaced said, whatever the case of the letters.
     */
    @Test
    void wordsInTellsTlsAndTheRulesWordsAsTheSearchesDid() {
        java.util.List<String> texts = new java.util.ArrayList<>();
        for (SymptomCatalog.Rule rule : SymptomCatalog.load().rules()) {
            texts.addAll(rule.spec().examples());
        }
        texts.addAll(java.util.List.of(
                "250-STARTTLS",
                "250  EX01.contoso.com Hello [77.0.1.2] SIZE 37748736 STARTTLS",
                "starttls",
                "X-ANONYMOUSTLS",
                "tl",
                "TlS",
                "tLs1_2",
                "t ls",
                "MAIL FROM:<\"Andersson, Åsa\"@partner7.example>",
                "EHLO mx1.partner123.example",
                "Исходящий соединитель, EXO",
                "",
                "x"));
        java.util.Random random = new java.util.Random(15);
        String alphabet = "tlsTLS SPspROT_.45*oOcCkKeEnN";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
        }
        for (String data : texts) {
            byte[] bytes = ("x," + data + ",y").getBytes(StandardCharsets.UTF_8);
            int end = bytes.length - 2;
            long words = classifier.wordsIn(bytes, 2, end);
            boolean tls = data.toLowerCase(java.util.Locale.ROOT).contains("tls");
            assertThat((words & ProtocolLogLineClassifier.TLS) != 0).as(data).isEqualTo(tls);
            for (boolean receive : new boolean[] {false, true}) {
                assertThat(classifier.mayMatch(words, receive))
                        .as(data)
                        .isEqualTo(classifier.mayMatch(bytes, 2, end, 0, 0, receive));
                // the same text as the context column, the data column empty
                assertThat(classifier.mayMatch(classifier.wordsIn(bytes, 0, 0) | words, receive))
                        .as(data)
                        .isEqualTo(classifier.mayMatch(bytes, 0, 0, 2, end, receive));
            }
        }
        byte[] upper = "TLS NEGOTIATION FAILED WITH ERROR SOCKETERROR".getBytes(StandardCharsets.UTF_8);
        assertThat(classifier.mayMatch(classifier.wordsIn(upper, 0, upper.length), false))
                .isTrue();
        assertThat(classifier.mayMatch(classifier.wordsIn(upper, 0, 10), false)).isFalse();
    }
}
