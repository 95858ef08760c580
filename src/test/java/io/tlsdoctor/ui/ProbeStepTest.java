package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.allText;
import static io.tlsdoctor.ui.FxReads.disabled;
import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.ui.common.I18n;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Step "Test the connection" in the real wizard, against loopback SMTP peers. */
@ExtendWith(ApplicationExtension.class)
class ProbeStepTest {

    private static final String PROBE = "Test the SMTP connection with TLS";

    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage,
                new I18n(Locale.ENGLISH),
                executor,
                new RecordingDialogService(),
                PlatformServices.forThisMachine(),
                () -> {});
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        assertThat(ProbeEngine.awaitQuiet(5000)).as("probe threads left behind").isTrue();
    }

    private void goToProbeStep(FxRobot robot) {
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(WizardFlowTest.NDR));
        waitUntil("Next enabled", () -> !disabled(robot, "#nextButton"));
        nextUntil(robot, PROBE); // past what it means and this server's TLS settings
    }

    @Test
    void probesOutboundAndInboundTargetsAndExplainsTheResult(FxRobot robot) throws Exception {
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start();
                FakeSmtpPeer firewall = FakeSmtpPeer.builder()
                        .noStartTls()
                        .banner("220 ****************************************")
                        .start()) {
            goToProbeStep(robot);
            // prefilled from the pasted NDR (the recipient's domain) and the local server
            assertThat(text(robot, "#probeDomain")).isEqualTo("contoso.com");
            assertThat(text(robot, "#probeLocalServer")).isEqualTo("localhost:25");
            // only loopback peers in tests
            robot.interact(() -> {
                robot.lookup("#probeDomain").queryAs(TextField.class).setText("");
                robot.lookup("#probeSmartHost").queryAs(TextField.class).setText("127.0.0.1:" + exo.port());
                robot.lookup("#probeLocalServer").queryAs(TextField.class).setText("127.0.0.1:" + firewall.port());
            });
            screenshot(stage, "10-probe-step-targets");
            robot.clickOn("#probeStart");
            waitForText(robot, "#probeStatus", status -> status.startsWith("Finished"), "the probe finished");
            screenshot(stage, "11-probe-step-results");

            assertThat(text(robot, "#probeTitle-0")).isEqualTo("127.0.0.1:" + exo.port());
            assertThat(text(robot, "#probeStep-0-handshake")).startsWith("Encrypted with TLSv1.2");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_2")).isEqualTo("accepted");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_3")).isEqualTo("refused");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_0")).isEqualTo("refused");
            assertThat(allText(robot, "#probeFindings-0"))
                    .contains("accepts TLS 1.2 from this network and refuses TLS 1.0 and 1.1");

            assertThat(text(robot, "#probeStep-1-banner")).startsWith("The greeting is masked");
            assertThat(text(robot, "#probeMatrix-1-TLS_1_2")).isEqualTo("not tested");
            assertThat(allText(robot, "#probeFindings-1")).contains("a firewall is inspecting SMTP");

            // the raw transcript is one click away
            assertThat(onFx(() -> robot.lookup("#probeTranscriptPane-1")
                            .queryAs(TitledPane.class)
                            .isExpanded()))
                    .isFalse();
            robot.interact(() -> robot.lookup("#probeTranscriptPane-1")
                    .queryAs(TitledPane.class)
                    .setExpanded(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(text(robot, "#probeTranscript-1")).contains("S: 220 ****", "C: EHLO [127.0.0.1]", "C: QUIT");
            robot.interact(() -> {
                robot.lookup("#probeTranscript-1").queryAs(TextArea.class).requestFocus();
                robot.lookup(".step-scroll")
                        .queryAs(javafx.scene.control.ScrollPane.class)
                        .setVvalue(1.0);
            });
            screenshot(stage, "12-probe-step-transcript");
            assertThat(disabled(robot, "#nextButton")).as("the fix follows").isFalse();
        }
    }

    @Test
    void cancelStopsAHangingProbeAndKeepsWhatWasFound(FxRobot robot) throws Exception {
        try (FakeSmtpPeer silent =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start()) {
            goToProbeStep(robot);
            robot.interact(() -> {
                robot.lookup("#probeDomain").queryAs(TextField.class).setText("");
                robot.lookup("#probeSmartHost").queryAs(TextField.class).setText("127.0.0.1:" + silent.port());
                robot.lookup("#probeLocalServer").queryAs(TextField.class).setText("");
            });
            robot.clickOn("#probeStart");
            waitForText(robot, "#probeStep-0-connect", connect -> connect.startsWith("Connected"), "connected");
            assertThat(disabled(robot, "#backButton"))
                    .as("navigation locked while testing")
                    .isTrue();
            screenshot(stage, "13-probe-step-running");
            long start = System.nanoTime();
            robot.clickOn("#probeCancel");
            waitForText(robot, "#probeStatus", status -> status.startsWith("Cancelled"), "cancelled");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            assertThat(text(robot, "#probeStep-0-banner")).isEqualTo("Cancelled.");
            assertThat(disabled(robot, "#probeStart")).isFalse();
            screenshot(stage, "14-probe-step-cancelled");
        }
    }

    @Test
    void aTargetThatIsNotAHostIsExplainedAndNothingRuns(FxRobot robot) {
        goToProbeStep(robot);
        robot.interact(() -> {
            robot.lookup("#probeDomain").queryAs(TextField.class).setText("");
            robot.lookup("#probeSmartHost").queryAs(TextField.class).setText("smtp://mail.contoso.com");
        });
        robot.clickOn("#probeStart");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#probeStatus"))
                .isEqualTo(
                        "\"smtp://mail.contoso.com\" is not a host name or host:port. For example mail.contoso.com:25.");
        assertThat(exists(robot, "#probeTarget-0")).isFalse();
    }
}
