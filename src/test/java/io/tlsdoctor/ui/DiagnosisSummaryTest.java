package io.tlsdoctor.ui;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.ReviewWindow;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.ui.common.I18n;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The guided path's end: the diagnosis with its evidence, the way into Fix, the summary, redaction and review. */
@ExtendWith(ApplicationExtension.class)
class DiagnosisSummaryTest {

    private static final String DIAGNOSIS = "What is wrong, and how sure that is";
    private static final String SUMMARY = "The summary for the ticket";

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-diagnosis");
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(stage, i18n, executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> { });
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void registryCauseIsConcludedSummarisedRedactedSavedAndReviewed(FxRobot robot) throws Exception {
        String queue = new String(getClass().getResourceAsStream(
                "/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt").readAllBytes(), StandardCharsets.UTF_8);
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(queue));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#recognitionStatus").startsWith("Recognised:"));
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepIntroduction")).as("the check is introduced before it runs").contains("TLS 1.2");
        dialogs.regFilesToChoose = List.of(Cases.regFile(dir, false, true));
        robot.clickOn("#loadExportsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#registryVerdict").startsWith("This server cannot"));

        nextUntil(robot, DIAGNOSIS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#diagnosisCause").isEmpty());
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        assertThat(text(robot, "#diagnosisMode")).startsWith("Judged from files from the server");
        assertThat(robot.lookup("#diagnosisChain .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the chain names the registry value").anySatisfy(line -> assertThat(line).contains("TLS 1.2\\Client"));
        assertThat(robot.lookup("#openFixButton").query().isVisible()).isTrue();
        assertThat(robot.lookup("#diagnosisNextSteps .label").queryAllAs(Label.class)).extracting(Label::getText)
                .as("the next steps in the wizard's words, not command-line options")
                .anySatisfy(step -> assertThat(step).contains("choose \"Go to the fix\" above"))
                .noneSatisfy(step -> assertThat(step).contains("--"));
        screenshot(robot, "30-diagnosis-registry-cause");

        robot.clickOn("#openFixButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Fix: enable TLS 1.2");

        nextUntil(robot, SUMMARY);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> preview(robot).contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title")));
        assertThat(preview(robot)).as("the evidence line names the next hop").contains("contoso-com.mail.protection.outlook.com")
                .contains("104.47.22.138");
        screenshot(robot, "31-summary-preview");

        robot.clickOn("#redactSwitch .thumb-area");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> preview(robot).contains("Redacted:")
                && !preview(robot).contains("104.47.22.138"));
        String redacted = preview(robot);
        assertThat(redacted).doesNotContainIgnoringCase("contoso").contains("mail.protection.outlook.com")
                .contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title")).contains("421 4.4.2");
        assertThat(robot.lookup("#redactSwitch").queryAs(ToggleSwitch.class).isSelected()).isTrue();
        screenshot(robot, "32-summary-redacted");

        Path json = dir.resolve("ticket.json");
        dialogs.saveFileToChoose = json;
        robot.clickOn("#saveJsonButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(json) && text(robot, "#summaryStatus").startsWith("Saved"));
        Path html = dir.resolve("ticket"); // no extension: the button's format is added
        dialogs.saveFileToChoose = html;
        robot.clickOn("#saveHtmlButton");
        Path htmlFile = dir.resolve("ticket.html");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(htmlFile) && text(robot, "#summaryStatus").contains("ticket.html"));
        String page = Files.readString(htmlFile);
        assertThat(page).startsWithIgnoringCase("<!DOCTYPE html").doesNotContainIgnoringCase("contoso").doesNotContain("104.47.22.138");
        assertThat(DiagnosisSummary.read(json).redacted()).isTrue();

        Stage[] review = new Stage[1];
        robot.interact(() -> review[0] = ReviewWindow.open(stage, i18n, executor, json));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !reviewText(review[0], "#reviewDocument").isEmpty());
        assertThat(reviewText(review[0], "#reviewDocument")).as("the reviewer sees what was saved").isEqualTo(redacted);
        assertThat(reviewText(review[0], "#reviewOrigin")).startsWith("Made by").contains("hidden");
        robot.interact(() -> Screenshots.save(review[0].getScene(), "33-review-read-only"));
        robot.interact(() -> ((Button) review[0].getScene().lookup("#closeReviewButton")).fire());
        assertThat(review[0].isShowing()).isFalse();

        // New evidence makes the old conclusion stale: back to the registry, exports with TLS 1.2 on, then the summary.
        robot.clickOn("#redactSwitch .thumb-area");
        robot.clickOn("#step-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Check this server's TLS settings");
        Path fixed = Files.createDirectories(dir.resolve("after"));
        dialogs.regFilesToChoose = List.of(Cases.regFile(fixed, true, true));
        robot.clickOn("#loadExportsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#registryVerdict").startsWith("This server cannot"));
        robot.clickOn("#step-9");
        // the preview shows the old summary (unredacted) until the new one is built: wait for the new conclusion
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> preview(robot).contains("Conclusion\n----------")
                && !preview(robot).contains("Redacted:")
                && !preview(robot).contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title")));
        assertThat(preview(robot)).as("judged again from the new exports")
                .doesNotContain(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
    }

    @Test
    void aClientSubmissionLookalikeSkipsThisServersChecks(FxRobot robot) throws Exception {
        robot.interact(() -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(
                "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#recognitionStatus").startsWith("Recognised:"));
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#stepHeading")).as("registry, connection test and logs are passed over").isEqualTo(DIAGNOSIS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#diagnosisCause").isEmpty());
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.CLIENT_SUBMISSION.title"));
        assertThat(robot.lookup("#openFixButton").query().isVisible()).as("no registry fix for a device").isFalse();
        List<String> skipped = robot.lookup("#stepList .step-item").queryAllAs(ToggleButton.class).stream()
                .filter(item -> item.getStyleClass().contains("step-skipped")).map(ToggleButton::getText).toList();
        assertThat(skipped).anySatisfy(name -> assertThat(name).contains("TLS settings"))
                .anySatisfy(name -> assertThat(name).contains("Protocol logs"))
                .anySatisfy(name -> assertThat(name).contains("Fix"));
        screenshot(robot, "34-diagnosis-client-submission");

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).as("Back returns along the same path, past the skipped checks")
                .isEqualTo("What it means");
    }


    private static void nextUntil(FxRobot robot, String heading) {
        for (int i = 0; i < 10 && !heading.equals(text(robot, "#stepHeading")); i++) {
            WaitForAsyncUtils.waitForFxEvents();
            if (!robot.lookup("#nextButton").queryAs(Button.class).isDisabled()) {
                robot.clickOn("#nextButton");
            } else {
                robot.sleep(200); // a step is still working
            }
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(text(robot, "#stepHeading")).isEqualTo(heading);
    }

    private static String preview(FxRobot robot) {
        String text = robot.lookup("#summaryPreview").queryAs(TextArea.class).getText();
        return text == null ? "" : text;
    }

    private static String reviewText(Stage window, String id) {
        Node node = window.getScene().lookup(id);
        String text = node instanceof TextInputControl input ? input.getText() : ((Label) node).getText();
        return text == null ? "" : text;
    }

    private static String text(FxRobot robot, String query) {
        String text = robot.lookup(query).queryAs(Label.class).getText();
        return text == null ? "" : text;
    }

    private void screenshot(FxRobot robot, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(stage.getScene(), name));
    }
}
