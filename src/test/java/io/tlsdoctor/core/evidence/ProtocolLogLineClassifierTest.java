package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ProtocolLogLineClassifierTest {

    private final ProtocolLogLineClassifier classifier = new ProtocolLogLineClassifier(SymptomCatalog.load());

    @Test
    void thePrefilterLetsThroughEveryRuleExampleAndStopsOrdinaryRows() {
        for (SymptomCatalog.Rule rule : SymptomCatalog.load().rules()) {
            for (String example : rule.spec().examples()) {
                byte[] bytes = ("x," + example + ",y").getBytes(StandardCharsets.UTF_8);
                assertThat(classifier.mayMatch(bytes, 2, bytes.length - 2)).as(rule.spec().id()).isTrue();
            }
        }
        for (String ordinary : new String[] {"250 2.1.0 Sender OK", "EHLO mail.contoso.com", "QUIT", "250-PIPELINING",
                "221 2.0.0 Service closing transmission channel", "attempting to connect"}) {
            byte[] bytes = ordinary.getBytes(StandardCharsets.UTF_8);
            assertThat(classifier.mayMatch(bytes, 0, bytes.length)).as(ordinary).isFalse();
        }
        byte[] upper = "TLS NEGOTIATION FAILED WITH ERROR SOCKETERROR".getBytes(StandardCharsets.UTF_8);
        assertThat(classifier.mayMatch(upper, 0, upper.length)).as("case does not matter").isTrue();
        assertThat(classifier.mayMatch(upper, 0, 10)).as("only the given range counts").isFalse();
    }

    @Test
    void theSameTextMeansAnotherDirectionInAReceiveLog() {
        assertThat(classifier.classify("TLS negotiation failed with error SocketError", false))
                .singleElement().satisfies(m -> {
                    assertThat(m.code()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
                    assertThat(m.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
                });
        assertThat(classifier.classify("TLS negotiation failed with error SocketError", true))
                .singleElement().satisfies(m -> assertThat(m.direction()).isEqualTo(Direction.EXO_TO_ONPREM));
        assertThat(classifier.classify("TLS negotiation failed with error UnknownCredentials", false))
                .singleElement().satisfies(m -> assertThat(m.code()).isEqualTo(SymptomCode.CERTIFICATE));
        assertThat(classifier.classify("250-STARTTLS", false)).isEmpty();
    }
}
