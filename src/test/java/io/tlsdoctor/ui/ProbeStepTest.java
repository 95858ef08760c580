package io.tlsdoctor.ui;

import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Step "Test the connection" in the real wizard, against loopback SMTP peers. */
@ExtendWith(ApplicationExtension.class)
class ProbeStepTest {

    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(stage, new I18n(Locale.ENGLISH), executor, new RecordingDialogService(), PlatformServices.forThisMachine(), () -> { });
    }

    @AfterEach
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        assertThat(ProbeEngine.awaitQuiet(5000)).as("probe threads left behind").isTrue();
    }

    private void goToProbeStep(FxRobot robot) {
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(WizardFlowTest.NDR));
        waitUntil(robot, () -> !robot.lookup("#nextButton").queryAs(Button.class).isDisabled(), "Next enabled");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nextButton"); // what it means -> this server's TLS settings
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#nextButton"); // -> the connection test
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Test the SMTP connection with TLS");
    }

    @Test
    void probesOutboundAndInboundTargetsAndExplainsTheResult(FxRobot robot) throws Exception {
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start();
             FakeSmtpPeer firewall = FakeSmtpPeer.builder().noStartTls().banner("220 ****************************************").start()) {
            goToProbeStep(robot);
            // prefilled from the pasted NDR (the recipient's domain) and the local server
            assertThat(field(robot, "#probeDomain").getText()).isEqualTo("contoso.com");
            assertThat(field(robot, "#probeLocalServer").getText()).isEqualTo("localhost:25");
            // only loopback peers in tests
            robot.interact(() -> {
                field(robot, "#probeDomain").setText("");
                field(robot, "#probeSmartHost").setText("127.0.0.1:" + exo.port());
                field(robot, "#probeLocalServer").setText("127.0.0.1:" + firewall.port());
            });
            screenshot(robot, "10-probe-step-targets");
            robot.clickOn("#probeStart");
            waitUntil(robot, () -> text(robot, "#probeStatus").startsWith("Finished"), "probe finished");
            screenshot(robot, "11-probe-step-results");

            assertThat(text(robot, "#probeTitle-0")).isEqualTo("127.0.0.1:" + exo.port());
            assertThat(text(robot, "#probeStep-0-handshake")).startsWith("Encrypted with TLSv1.2");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_2")).isEqualTo("accepted");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_3")).isEqualTo("refused");
            assertThat(text(robot, "#probeMatrix-0-TLS_1_0")).isEqualTo("refused");
            assertThat(allText(robot.lookup("#probeFindings-0").query())).contains("accepts TLS 1.2 from this network and refuses TLS 1.0 and 1.1");

            assertThat(text(robot, "#probeStep-1-banner")).startsWith("The greeting is masked");
            assertThat(text(robot, "#probeMatrix-1-TLS_1_2")).isEqualTo("not tested");
            assertThat(allText(robot.lookup("#probeFindings-1").query())).contains("a firewall is inspecting SMTP");

            // the raw transcript is one click away
            TitledPane transcript = robot.lookup("#probeTranscriptPane-1").queryAs(TitledPane.class);
            assertThat(transcript.isExpanded()).isFalse();
            robot.interact(() -> robot.lookup("#probeTranscriptPane-1").queryAs(TitledPane.class).setExpanded(true));
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(robot.lookup("#probeTranscript-1").queryAs(TextArea.class).getText())
                    .contains("S: 220 ****", "C: EHLO [127.0.0.1]", "C: QUIT");
            robot.interact(() -> {
                robot.lookup("#probeTranscript-1").queryAs(TextArea.class).requestFocus();
                robot.lookup(".step-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1.0);
            });
            screenshot(robot, "12-probe-step-transcript");
            assertThat(robot.lookup("#nextButton").queryAs(Button.class).isDisabled()).as("the fix follows").isFalse();
        }
    }

    @Test
    void cancelStopsAHangingProbeAndKeepsWhatWasFound(FxRobot robot) throws Exception {
        try (FakeSmtpPeer silent = FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start()) {
            goToProbeStep(robot);
            robot.interact(() -> {
                field(robot, "#probeDomain").setText("");
                field(robot, "#probeSmartHost").setText("127.0.0.1:" + silent.port());
                field(robot, "#probeLocalServer").setText("");
            });
            robot.clickOn("#probeStart");
            waitUntil(robot, () -> text(robot, "#probeStep-0-connect").startsWith("Connected"), "connected");
            assertThat(robot.lookup("#backButton").queryAs(Button.class).isDisabled()).as("navigation locked while testing").isTrue();
            screenshot(robot, "13-probe-step-running");
            long start = System.nanoTime();
            robot.clickOn("#probeCancel");
            waitUntil(robot, () -> text(robot, "#probeStatus").startsWith("Cancelled"), "cancelled");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000);
            assertThat(text(robot, "#probeStep-0-banner")).isEqualTo("Cancelled.");
            assertThat(robot.lookup("#probeStart").queryAs(Button.class).isDisabled()).isFalse();
            screenshot(robot, "14-probe-step-cancelled");
        }
    }

    @Test
    void aTargetThatIsNotAHostIsExplainedAndNothingRuns(FxRobot robot) {
        goToProbeStep(robot);
        robot.interact(() -> {
            field(robot, "#probeDomain").setText("");
            field(robot, "#probeSmartHost").setText("smtp://mail.contoso.com");
        });
        robot.clickOn("#probeStart");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#probeStatus")).isEqualTo("\"smtp://mail.contoso.com\" is not a host name or host:port. For example mail.contoso.com:25.");
        assertThat(robot.lookup("#probeTarget-0").tryQuery()).isEmpty();
    }

    private static TextField field(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(TextField.class);
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : String.valueOf(node);
    }

    private static String allText(Node node) {
        StringBuilder text = new StringBuilder();
        if (node instanceof Label label) {
            text.append(label.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                text.append(allText(child));
            }
        }
        return text.toString();
    }

    private static void waitUntil(FxRobot robot, java.util.concurrent.Callable<Boolean> condition, String what) {
        try {
            // lookups run on the test thread while the FX thread rebuilds the result cards: retry a torn read
            WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException torn) {
                    return false;
                }
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited in vain for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }
}
