package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * While a large paste is recognised, the status row shows a spinner before the status and a Stop button after it;
 * neither exists before anything is pasted (a hidden control is still styled and skinned before the first window
 * shows, which the start-up pays for: issue 15).
 */
@ExtendWith(ApplicationExtension.class)
class RecognitionProgressTest {

    private Path dir;
    private ExecutorService pool;
    /** Closed once the window is up: recognition then waits until the test opens it, so "working" can be seen. */
    private final AtomicBoolean gated = new AtomicBoolean();

    private final CountDownLatch open = new CountDownLatch(1);
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-progress");
        pool = TlsDoctorApp.newWorkerPool();
        Executor executor = task -> pool.execute(() -> {
            if (gated.get()) {
                try {
                    open.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            task.run();
        });
        WizardWindow.show(
                stage,
                new I18n(Locale.ENGLISH),
                executor,
                new RecordingDialogService(),
                PlatformServices.withBackupsIn(dir.resolve("backups")),
                () -> {});
    }

    @AfterEach
    void stop() throws Exception {
        open.countDown();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
        Files.deleteIfExists(dir);
    }

    @Test
    void aLargePasteBeingRecognisedShowsTheSpinnerAndStopWhichEndsIt(FxRobot robot) {
        assertThat(onFx(() -> stage.getScene().getRoot().lookupAll(".progress-indicator")))
                .as("no spinner built before anything is recognised")
                .isEmpty();
        assertThat(onFx(() -> stage.getScene().lookup("#stopRecognizingButton")))
                .as("no Stop button built before anything is recognised")
                .isNull();

        gated.set(true);
        String line = "2026-11-27T08:00:00.000Z,Outbound to Office 365,08DE2C1A00000000,1,10.0.0.5:12345,"
                + "104.47.22.138:25,*,,attempting to connect\r\n";
        String pasted = line.repeat(3 * 1024 * 1024 / line.length());
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pasted);
            Clipboard.getSystemClipboard().setContent(content);
            stage.getScene().lookup("#evidenceArea").requestFocus();
            ((javafx.scene.control.TextArea) stage.getScene().lookup("#evidenceArea")).paste();
        });
        waitUntil("the Stop button while the paste is recognised", () -> {
            Node stopButton = stage.getScene().lookup("#stopRecognizingButton");
            return stopButton != null && stopButton.isVisible();
        });
        assertThat(text(robot, "#recognitionStatus")).isEqualTo("Reading…");
        List<String> row =
                onFx(() -> stage.getScene().lookup("#recognitionStatus").getParent().getChildrenUnmodifiable().stream()
                        .filter(Node::isVisible)
                        .map(node -> node instanceof ProgressIndicator
                                ? "spinner"
                                : node instanceof Button button ? button.getText() : node.getId())
                        .toList());
        assertThat(row).containsExactly("spinner", "recognitionStatus", "Stop");

        robot.clickOn("#stopRecognizingButton");
        waitUntil(
                "the spinner and Stop gone once stopped",
                () -> stage.getScene().getRoot().lookupAll(".progress-indicator").stream()
                                .noneMatch(Node::isVisible)
                        && !stage.getScene().lookup("#stopRecognizingButton").isVisible());
        assertThat(text(robot, "#recognitionStatus")).startsWith("Stopped");
    }
}
