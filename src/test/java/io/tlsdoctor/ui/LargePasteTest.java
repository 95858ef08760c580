package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.step.symptom.SymptomStepViewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A paste of megabytes of log lines: the box holds its beginning and says so; all of it is recognised. */
@ExtendWith(ApplicationExtension.class)
class LargePasteTest {

    private Path dir;
    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-paste");
        executor = TlsDoctorApp.newWorkerPool();
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
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        Files.deleteIfExists(dir);
    }

    @Test
    void aLargePasteShowsItsBeginningAndIsRecognisedWhole(FxRobot robot) {
        StringBuilder big = new StringBuilder();
        String filler =
                "2026-11-27T08:00:00.000Z,Outbound to Office 365,08DE2C1A00000000,1,10.0.0.5:12345,104.47.22.138:25,*,,attempting to connect\r\n";
        while (big.length() < 3 * 1024 * 1024) {
            big.append(filler);
        }
        big.append(
                "Remote Server returned '421 4.4.2 Connection dropped due to SocketError'\r\n"); // beyond what the box
        // shows
        String pasted = big.toString();
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(pasted);
            Clipboard.getSystemClipboard().setContent(content);
            TextArea area = (TextArea) stage.getScene().lookup("#evidenceArea");
            area.requestFocus();
            area.paste();
        });

        assertThat(onFx(() -> ((TextArea) stage.getScene().lookup("#evidenceArea")).getLength()))
                .as("the box holds only the beginning (its line ends made \\n)")
                .isBetween(SymptomStepViewModel.BOX_LIMIT * 9 / 10, SymptomStepViewModel.BOX_LIMIT);
        assertThat(text(robot, "#pasteSizeNote")).startsWith("Pasted 3.0 MB").contains("first 256 KB");
        waitForText(
                robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the whole paste recognised");
        assertThat(text(robot, "#recognitionStatus")).contains("421 4.4.2");
        FxReads.screenshot(stage, "35-large-paste");

        robot.clickOn("#clearButton");
        assertThat(text(robot, "#evidenceArea")).isEmpty();
        assertThat(onFx(() -> stage.getScene().lookup("#pasteSizeNote").isVisible()))
                .isFalse();
    }
}
