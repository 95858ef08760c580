package io.tlsdoctor.ui;

import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard as a user drives it: paste, read what it means, with the mouse, the keyboard and in Swedish. */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {

    static final String NDR = String.join("\n",
            "Delivery has failed to these recipients or groups:",
            "",
            "anna@contoso.com",
            "The recipient's e-mail system isn't accepting messages right now.",
            "",
            "Diagnostic information for administrators:",
            "",
            "Generating server: EX01.fabrikam.local",
            "",
            "anna@contoso.com",
            "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired -> 421 4.4.2 Connection dropped due to SocketError'",
            "",
            "Original message headers:");

    private ExecutorService executor;
    private I18n i18n;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final AtomicBoolean closed = new AtomicBoolean();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        executor = TlsDoctorApp.newWorkerPool();
        i18n = new I18n(Locale.ENGLISH);
        WizardWindow.show(stage, i18n, executor, dialogs, PlatformServices.forThisMachine(), () -> closed.set(true));
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void pastedNdrIsRecognisedAndExplainedOnTheNextStep(FxRobot robot) {
        screenshot(robot, "01-symptom-step-empty");
        assertThat(robot.lookup("#nextButton").queryAs(Button.class).isDisabled()).isTrue();

        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Recognised:");
        assertThat(status(robot)).contains("Non-delivery report: 421 4.4.2").contains("On-premises → Exchange Online");
        assertThat(robot.lookup("#card-NDR_421_SOCKET_ERROR .card-recognised").queryAs(Label.class).isVisible()).isTrue();
        screenshot(robot, "02-symptom-step-recognised");

        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(robot.lookup("#finding-NDR_421_SOCKET_ERROR").tryQuery()).isPresent();
        assertThat(text(robot, "#direction-NDR_421_SOCKET_ERROR")).startsWith("On-premises → Exchange Online");
        assertThat(text(robot, "#meaningSummary")).contains("TLS 1.0/1.1 problem");
        screenshot(robot, "03-meaning-step");

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#evidenceArea").queryAs(TextArea.class).getText()).isEqualTo(NDR);
    }

    @Test
    void keyboardOnlyTypeTheErrorAndGoOn(FxRobot robot) {
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).requestFocus());
        robot.write("LastError : 451 5.7.3 Must issue a STARTTLS command first");
        waitForStatus(robot, "Recognised:");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(robot.lookup("#finding-PROTOCOL_LOG_451_STARTTLS_REQUIRED").tryQuery()).isPresent();

        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Which of these do you see?");
    }

    @Test
    void keyboardOnlyPickACard(FxRobot robot) {
        robot.interact(() -> robot.lookup("#card-QUEUE_421_SOCKET_ERROR").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#card-QUEUE_421_SOCKET_ERROR").query().getPseudoClassStates()).extracting(Object::toString).contains("selected");
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(text(robot, "#direction-QUEUE_421_SOCKET_ERROR")).startsWith("On-premises → Exchange Online");
    }

    @Test
    void switchingToSwedishTranslatesTheWholeWizard(FxRobot robot) {
        robot.clickOn("#language-sv");
        assertThat(text(robot, "#stepHeading")).isEqualTo("Vilket av de här ser du?");
        assertThat(robot.lookup("#nextButton").queryAs(Button.class).getText()).isEqualTo("_Nästa");
        assertThat(stage.getTitle()).isEqualTo("TLS Doctor");
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Igenkänt:");
        screenshot(robot, "04-symptom-step-swedish");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Vad det betyder");
        assertThat(text(robot, "#direction-NDR_421_SOCKET_ERROR")).startsWith("Lokalt → Exchange Online");
        screenshot(robot, "05-meaning-step-swedish");
        assertThat(robot.lookup("#step-2").queryAs(ToggleButton.class).getText()).isEqualTo("2. Vad det betyder");

        robot.clickOn("#language-sv");
        assertThat(robot.lookup("#language-sv").queryAs(ToggleButton.class).isSelected())
                .as("clicking the current language again keeps it chosen").isTrue();
        robot.clickOn("#language-en");
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(robot.lookup("#language-sv").queryAs(ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void theStepListGoesBackToAReachedStepButNotAheadOfTheUser(FxRobot robot) {
        robot.clickOn("#step-4");
        assertThat(text(robot, "#stepHeading")).as("a step not reached yet").isEqualTo("Which of these do you see?");
        assertThat(robot.lookup("#step-4").queryAs(ToggleButton.class).isSelected()).isFalse();
        assertThat(robot.lookup("#step-1").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#step-4").queryAs(ToggleButton.class).getStyleClass()).contains("step-unreached");

        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Recognised:");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#step-2").queryAs(ToggleButton.class).isSelected()).as("follows Next").isTrue();
        robot.clickOn("#step-1");
        assertThat(text(robot, "#stepHeading")).isEqualTo("Which of these do you see?");
        assertThat(robot.lookup("#step-2").queryAs(ToggleButton.class).getStyleClass()).contains("step-reached");
        robot.clickOn("#step-2");
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");

        robot.interact(() -> robot.lookup("#language-sv").query().requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(stage.getScene().getFocusOwner().getStyleClass())
                .as("Tab goes from the header to the step, not through the nine rows of the step list").doesNotContain("step-item");
    }

    @Test
    void cancellingWithInputAsksFirstAndStaysWhenTheUserSaysNo(FxRobot robot) {
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText("hello"));
        dialogs.answer = false;
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.questions).hasSize(1);
        assertThat(closed).isFalse();
        dialogs.answer = true;
        robot.clickOn("#cancelButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(closed).isTrue();
    }

    @Test
    void unrecognisablePasteSaysSoPlainly(FxRobot robot) {
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText("The printer on floor 3 is out of paper."));
        waitForStatus(robot, "Nothing here matches");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#meaningSummary")).isEqualTo("TLS Doctor recognised nothing in what you gave it.");
        assertThat(robot.lookup("#nothingHelp").queryAs(Label.class).isVisible()).isTrue();
        screenshot(robot, "06-meaning-step-nothing");
    }

    @Test
    void anOpenedEmlFileIsShownAndRecognised(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        dialogs.fileToChoose = java.nio.file.Files.writeString(dir.resolve("Undeliverable.eml"), String.join("\r\n",
                "From: Microsoft Outlook <MicrosoftExchange@contoso.com>",
                "To: anna@contoso.com",
                "Subject: Undeliverable: Offer",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=\"utf-8\"",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                "Diagnostic information for administrators:",
                "Remote Server returned '421 4.4.2 Connection dropped due to Sock=",
                "etError'",
                ""));
        robot.clickOn("#openFileButton");
        waitForStatus(robot, "Recognised:");
        assertThat(status(robot)).contains("Non-delivery report");
        assertThat(robot.lookup("#evidenceArea").queryAs(TextArea.class).getText()).startsWith("From: Microsoft Outlook");

        dialogs.fileToChoose = dir;
        robot.clickOn("#openFileButton");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).contains("is a folder"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("a folder was not refused; the status says: " + status(robot), e);
        }
    }

    private static void waitForStatus(FxRobot robot, String prefix) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status(robot).startsWith(prefix));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status never started with '" + prefix + "'; it says: " + status(robot), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String status(FxRobot robot) {
        return robot.lookup("#recognitionStatus").queryAs(Label.class).getText();
    }

    private static String text(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node instanceof Label label ? label.getText() : String.valueOf(node);
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }
}
