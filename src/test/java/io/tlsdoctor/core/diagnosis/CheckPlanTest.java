package io.tlsdoctor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.text.Messages;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The guided path: which checks each symptom and direction need, in which order, and the sentence before each. */
class CheckPlanTest {

    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @Test
    void sendingToExchangeOnlineNeedsTheClientSideAndTheOutboundHandshake() {
        CheckPlan plan = CheckPlan.forSymptom(SymptomCode.NDR_421_SOCKET_ERROR, Direction.ONPREM_TO_EXO);

        assertThat(plan.checks())
                .extracting(PlannedCheck::kind)
                .containsExactly(CheckKind.SYMPTOM, CheckKind.REGISTRY, CheckKind.PROBE_OUTBOUND, CheckKind.LOGS);
        assertThat(plan.needs(CheckKind.REGISTRY)).isTrue();
        assertThat(plan.needs(CheckKind.PROBE_OUTBOUND)).isTrue();
        assertThat(plan.needs(CheckKind.LOGS)).isFalse();
        assertThat(sentence(plan, CheckKind.REGISTRY))
                .isEqualTo("We now check whether this server can send with TLS 1.2: "
                        + "the SChannel Client settings in the registry.");
        assertThat(sentence(plan, CheckKind.LOGS)).contains("(SmtpSend)");
        assertThat(plan.skipped()).extracting(SkippedCheck::kind).containsExactly(CheckKind.PROBE_INBOUND);
    }

    @Test
    void exchangeOnlineToOnPremNeedsTheServerSideAndTheInboundHandshake() {
        CheckPlan plan = CheckPlan.forSymptom(SymptomCode.EXO_TO_ONPREM_TLS_FAILURE, Direction.EXO_TO_ONPREM);

        assertThat(plan.checks())
                .extracting(PlannedCheck::kind)
                .containsExactly(CheckKind.SYMPTOM, CheckKind.REGISTRY, CheckKind.PROBE_INBOUND, CheckKind.LOGS);
        assertThat(plan.needs(CheckKind.PROBE_INBOUND)).isTrue();
        assertThat(sentence(plan, CheckKind.REGISTRY)).contains("can receive with TLS 1.2", "SChannel Server settings");
        assertThat(sentence(plan, CheckKind.LOGS)).contains("(SmtpReceive)");
        assertThat(plan.skipped()).extracting(SkippedCheck::kind).containsExactly(CheckKind.PROBE_OUTBOUND);
    }

    @Test
    void aClientSubmissionLookalikeNeedsNothingOnThisServer() {
        CheckPlan plan = CheckPlan.forSymptom(SymptomCode.SMTP_AUTH_CLIENT_LEGACY_TLS, Direction.CLIENT_SUBMISSION);

        assertThat(plan.checks()).extracting(PlannedCheck::kind).containsExactly(CheckKind.SYMPTOM);
        assertThat(plan.skipped())
                .extracting(SkippedCheck::kind)
                .containsExactly(CheckKind.REGISTRY, CheckKind.PROBE_OUTBOUND, CheckKind.PROBE_INBOUND, CheckKind.LOGS);
        assertThat(EN.get(plan.skipped().get(0).reason().key())).contains("SMTP AUTH", "does not take part");
    }

    @Test
    void the451RetryNeedsBothLogsAndMayUseTheInboundHandshake() {
        CheckPlan plan = CheckPlan.forSymptom(SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED, Direction.ONPREM_TO_EXO);

        assertThat(plan.needs(CheckKind.LOGS)).isTrue();
        assertThat(sentence(plan, CheckKind.LOGS)).contains("Send and Receive");
        assertThat(plan.includes(CheckKind.PROBE_INBOUND)).isTrue();
        assertThat(plan.needs(CheckKind.PROBE_INBOUND)).isFalse();
    }

    @Test
    void aLookalikeNeedsTheHandshakeAndOnlyUsesTheRegistryToRuleTheVersionOut() {
        CheckPlan plan = CheckPlan.forSymptom(SymptomCode.NETWORK, Direction.ONPREM_TO_EXO);

        assertThat(plan.needs(CheckKind.PROBE_OUTBOUND)).isTrue();
        assertThat(plan.includes(CheckKind.REGISTRY)).isTrue();
        assertThat(plan.needs(CheckKind.REGISTRY)).isFalse();
    }

    @Test
    void withoutASymptomBothSidesAreCheckedAndTheHandshakesAreOptional() {
        CheckPlan plan = CheckPlan.forSymptom(null, Direction.UNKNOWN);

        assertThat(plan.checks())
                .extracting(PlannedCheck::kind)
                .containsExactly(
                        CheckKind.SYMPTOM,
                        CheckKind.REGISTRY,
                        CheckKind.PROBE_OUTBOUND,
                        CheckKind.PROBE_INBOUND,
                        CheckKind.LOGS);
        assertThat(plan.checks().stream()
                        .filter(c -> c.need() == PlannedCheck.Need.NEEDED)
                        .map(PlannedCheck::kind)
                        .toList())
                .containsExactly(CheckKind.REGISTRY);
        assertThat(sentence(plan, CheckKind.REGISTRY)).contains("send and receive");
        assertThat(plan.skipped()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(SymptomCode.class)
    void everySymptomHasAPlanWhoseSentencesExistInBothLanguages(SymptomCode code) {
        for (Direction direction : Direction.values()) {
            CheckPlan plan = CheckPlan.forSymptom(code, direction);
            assertThat(plan.checks()).isNotEmpty();
            assertThat(plan.checks().get(0).kind()).isEqualTo(CheckKind.SYMPTOM);
            List<Statement> sentences = new java.util.ArrayList<>();
            plan.checks().forEach(check -> sentences.add(check.announcement()));
            plan.skipped().forEach(skipped -> sentences.add(skipped.reason()));
            for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
                Messages messages = Messages.forLocale(locale);
                for (Statement sentence : sentences) {
                    assertThat(messages.has(sentence.key()))
                            .as("%s in %s", sentence.key(), locale)
                            .isTrue();
                }
            }
            // a check is either planned or skipped, never both
            plan.skipped()
                    .forEach(
                            skipped -> assertThat(plan.includes(skipped.kind())).isFalse());
        }
    }

    private static String sentence(CheckPlan plan, CheckKind kind) {
        Statement statement = plan.check(kind).orElseThrow().announcement();
        return EN.get(statement.key(), statement.argArray());
    }
}
