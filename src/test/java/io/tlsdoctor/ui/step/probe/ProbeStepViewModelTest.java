package io.tlsdoctor.ui.step.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The connection test without the toolkit, against a loopback SMTP peer: cards filled, a cancelled test never shown. */
class ProbeStepViewModelTest {

    private final DiagnosisSession session = new DiagnosisSession();

    @AfterEach
    void noProbeLeftBehind() throws InterruptedException {
        assertThat(ProbeEngine.awaitQuiet(5000)).as("probe threads left behind").isTrue();
    }

    @Test
    void aTargetIsProbedAndItsCardFilledAsItsStepsEnd() throws Exception {
        ProbeStepViewModel step = step(DirectTaskRunner.immediate());
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            step.localServerProperty().set("");
            step.smartHostProperty().set("127.0.0.1:" + exo.port());
            step.start();
        }
        assertThat(step.statusProperty().get()).startsWith("Finished");
        assertThat(step.busyProperty().get()).isFalse();
        assertThat(step.cards()).hasSize(1);
        ProbeCardViewModel card = step.cards().get(0);
        assertThat(card.finishedProperty().get()).isTrue();
        assertThat(card.steps())
                .filteredOn(row -> row.id().equals("handshake"))
                .singleElement()
                .satisfies(row -> assertThat(row.markProperty().get()).isEqualTo("✔"));
        assertThat(card.versions())
                .filteredOn(row -> row.id().equals("TLS_1_2"))
                .singleElement()
                .satisfies(row -> assertThat(row.outcomeProperty().get()).isEqualTo("accepted"));
        assertThat(session.probes()).as("the diagnosis gets the report").hasSize(1);
    }

    @Test
    void aCancelledTestIsNeverShownAndTheNextOneIs() throws Exception {
        DirectTaskRunner held = DirectTaskRunner.held();
        ProbeStepViewModel step = step(held);
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            step.localServerProperty().set("");
            step.smartHostProperty().set("127.0.0.1:1");
            step.start();
            assertThat(step.busyProperty().get())
                    .as("navigation locked while testing")
                    .isTrue();
            step.cancel();
            assertThat(step.statusProperty().get()).startsWith("Cancelled");
            assertThat(step.busyProperty().get()).isFalse();

            step.smartHostProperty().set("127.0.0.1:" + exo.port());
            step.start();
            held.runAll();
        }
        assertThat(step.cards())
                .extracting(card -> card.titleProperty().get())
                .singleElement()
                .asString()
                .doesNotEndWith(":1");
        assertThat(step.statusProperty().get()).startsWith("Finished");
    }

    @Test
    void aFieldThatIsNotAHostIsExplainedAndNothingRuns() {
        DirectTaskRunner held = DirectTaskRunner.held();
        ProbeStepViewModel step = step(held);
        step.smartHostProperty().set("smtp://mail.contoso.com");
        step.start();
        assertThat(step.statusProperty().get())
                .isEqualTo(
                        "\"smtp://mail.contoso.com\" is not a host name or host:port. For example mail.contoso.com:25.");
        assertThat(held.waiting()).isZero();
        assertThat(step.cards()).isEmpty();
    }

    private ProbeStepViewModel step(DirectTaskRunner runner) {
        return new ProbeStepViewModel(
                new ProbeEngine(),
                ProbeOptions.defaults(Direction.ONPREM_TO_EXO),
                runner,
                new I18n(Locale.ENGLISH),
                session);
    }
}
