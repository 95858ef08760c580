package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.disabled;
import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.selected;
import static io.tlsdoctor.ui.FxReads.styleClasses;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.I18n;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

/** The wizard as a user drives it: paste, read what it means, with the mouse, the keyboard and in Swedish. */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest {

    static final String NDR = String.join(
            "\n",
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
        screenshot(stage, "01-symptom-step-empty");
        assertThat(disabled(robot, "#nextButton")).isTrue();

        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Recognised:");
        assertThat(text(robot, "#recognitionStatus"))
                .contains("Non-delivery report: 421 4.4.2")
                .contains("On-premises → Exchange Online");
        assertThat(visible(robot, "#card-NDR_421_SOCKET_ERROR .card-recognised"))
                .isTrue();
        screenshot(stage, "02-symptom-step-recognised");

        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(exists(robot, "#finding-NDR_421_SOCKET_ERROR")).isTrue();
        assertThat(text(robot, "#direction-NDR_421_SOCKET_ERROR")).startsWith("On-premises → Exchange Online");
        assertThat(text(robot, "#meaningSummary")).contains("TLS 1.0/1.1 problem");
        screenshot(stage, "03-meaning-step");

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#evidenceArea")).isEqualTo(NDR);
    }

    @Test
    void keyboardOnlyTypeTheErrorAndGoOn(FxRobot robot) {
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).requestFocus());
        robot.write("LastError : 451 5.7.3 Must issue a STARTTLS command first");
        waitForStatus(robot, "Recognised:");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(exists(robot, "#finding-PROTOCOL_LOG_451_STARTTLS_REQUIRED")).isTrue();

        robot.press(KeyCode.ALT, KeyCode.B).release(KeyCode.B, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Which of these do you see?");
    }

    @Test
    void keyboardOnlyPickACard(FxRobot robot) {
        robot.interact(
                () -> robot.lookup("#card-QUEUE_421_SOCKET_ERROR").query().requestFocus());
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> robot.lookup("#card-QUEUE_421_SOCKET_ERROR").query().getPseudoClassStates().stream()
                        .map(Object::toString)
                        .toList()))
                .contains("selected");
        robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(text(robot, "#direction-QUEUE_421_SOCKET_ERROR")).startsWith("On-premises → Exchange Online");
    }

    @Test
    void switchingToSwedishTranslatesTheWholeWizard(FxRobot robot) {
        robot.clickOn("#language-sv");
        assertThat(text(robot, "#stepHeading")).isEqualTo("Vilket av de här ser du?");
        assertThat(text(robot, "#nextButton")).isEqualTo("_Nästa");
        assertThat(onFx(() -> stage.getTitle())).isEqualTo("TLS Doctor");
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Igenkänt:");
        screenshot(stage, "04-symptom-step-swedish");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Vad det betyder");
        assertThat(text(robot, "#direction-NDR_421_SOCKET_ERROR")).startsWith("Lokalt → Exchange Online");
        screenshot(stage, "05-meaning-step-swedish");
        assertThat(text(robot, "#step-meaning")).isEqualTo("2. Vad det betyder");

        robot.clickOn("#language-sv");
        assertThat(selected(robot, "#language-sv"))
                .as("clicking the current language again keeps it chosen")
                .isTrue();
        robot.clickOn("#language-en");
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");
        assertThat(selected(robot, "#language-sv")).isFalse();
    }

    @Test
    void theStepListGoesBackToAReachedStepButNotAheadOfTheUser(FxRobot robot) {
        assertThat(onFx(() -> robot.lookup("#stepList .step-item").queryAll().stream()
                        .map(javafx.scene.Node::getId)
                        .toList()))
                .as("rows found by what the step is, not where it stands")
                .doesNotHaveDuplicates()
                .contains("step-symptom", "step-meaning", "step-registry", "step-probe", "step-logs", "step-summary");
        robot.clickOn("#step-probe");
        assertThat(text(robot, "#stepHeading")).as("a step not reached yet").isEqualTo("Which of these do you see?");
        assertThat(selected(robot, "#step-probe")).isFalse();
        assertThat(selected(robot, "#step-symptom")).isTrue();
        assertThat(styleClasses(robot, "#step-probe")).contains("step-unreached");

        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(NDR));
        waitForStatus(robot, "Recognised:");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(selected(robot, "#step-meaning")).as("follows Next").isTrue();
        robot.clickOn("#step-symptom");
        assertThat(text(robot, "#stepHeading")).isEqualTo("Which of these do you see?");
        assertThat(styleClasses(robot, "#step-meaning")).contains("step-reached");
        robot.clickOn("#step-meaning");
        assertThat(text(robot, "#stepHeading")).isEqualTo("What it means");

        robot.interact(() -> robot.lookup("#language-sv").query().requestFocus());
        robot.type(KeyCode.TAB);
        assertThat(onFx(() -> List.copyOf(stage.getScene().getFocusOwner().getStyleClass())))
                .as("Tab goes from the header to the step, not through the nine rows of the step list")
                .doesNotContain("step-item");
    }

    @Test
    void cancellingWithInputAsksFirstAndStaysWhenTheUserSaysNo(FxRobot robot) {
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText("hello"));
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
        robot.interact(() -> robot.lookup("#evidenceArea")
                .queryAs(TextArea.class)
                .setText("The printer on floor 3 is out of paper."));
        waitForStatus(robot, "Nothing here matches");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#meaningSummary")).isEqualTo("TLS Doctor recognised nothing in what you gave it.");
        assertThat(visible(robot, "#nothingHelp")).isTrue();
        screenshot(stage, "06-meaning-step-nothing");
    }

    @Test
    void anOpenedEmlFileIsShownAndRecognised(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        dialogs.fileToChoose = java.nio.file.Files.writeString(
                dir.resolve("Undeliverable.eml"),
                String.join(
                        "\r\n",
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
        assertThat(text(robot, "#recognitionStatus")).contains("Non-delivery report");
        assertThat(text(robot, "#evidenceArea")).startsWith("From: Microsoft Outlook");

        dialogs.fileToChoose = dir;
        robot.clickOn("#openFileButton");
        waitForText(robot, "#recognitionStatus", status -> status.contains("is a folder"), "a folder refused");
    }

    private static void waitForStatus(FxRobot robot, String prefix) {
        waitForText(
                robot, "#recognitionStatus", status -> status.startsWith(prefix), "a status starting with " + prefix);
    }
}
