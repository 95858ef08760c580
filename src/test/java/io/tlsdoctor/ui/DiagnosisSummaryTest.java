package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.clickWhenEnabled;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.selected;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.texts;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.ReviewWindow;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.ui.common.I18n;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The guided path's end: the diagnosis with its evidence, the way into Fix, the summary, redaction and review. */
@ExtendWith(ApplicationExtension.class)
class DiagnosisSummaryTest {

    private static final String DIAGNOSIS = "What is wrong, and how sure that is";
    private static final String SUMMARY = "The summary for the ticket";
    private static final String REGISTRY = "Check this server's TLS settings";

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
        WizardWindow.show(
                stage, i18n, executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> {});
    }

    @AfterEach
    void stop() throws Exception {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void registryCauseIsConcludedSummarisedRedactedSavedAndReviewed(FxRobot robot) throws Exception {
        String queue = new String(
                getClass()
                        .getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(queue));
        waitForText(robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the queue recognised");
        nextUntil(robot, REGISTRY);
        assertThat(text(robot, "#stepIntroduction"))
                .as("the check is introduced before it runs")
                .contains("TLS 1.2");
        dialogs.regFilesToChoose = List.of(Cases.regFile(dir, false, true));
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot, "#registryVerdict", verdict -> verdict.startsWith("This server cannot"), "the registry verdict");

        nextUntil(robot, DIAGNOSIS);
        waitForText(robot, "#diagnosisCause", cause -> !cause.isEmpty(), "a cause");
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
        assertThat(text(robot, "#diagnosisMode")).startsWith("Judged from files from the server");
        assertThat(texts(robot, "#diagnosisChain .label"))
                .as("the chain names the registry value")
                .anySatisfy(line -> assertThat(line).contains("TLS 1.2\\Client"));
        assertThat(visible(robot, "#openFixButton")).isTrue();
        assertThat(texts(robot, "#diagnosisNextSteps .label"))
                .as("the next steps in the wizard's words, not command-line options")
                .anySatisfy(step -> assertThat(step).contains("choose \"Go to the fix\" above"))
                .noneSatisfy(step -> assertThat(step).contains("--"));
        screenshot(stage, "30-diagnosis-registry-cause");

        robot.clickOn("#openFixButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo("Fix: enable TLS 1.2");

        nextUntil(robot, SUMMARY);
        waitForText(
                robot,
                "#summaryPreview",
                preview -> preview.contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title")),
                "the cause in the preview");
        assertThat(text(robot, "#summaryPreview"))
                .as("the evidence line names the next hop")
                .contains("contoso-com.mail.protection.outlook.com")
                .contains("104.47.22.138");
        screenshot(stage, "31-summary-preview");

        robot.clickOn("#redactSwitch .thumb-area");
        waitForText(
                robot,
                "#summaryPreview",
                preview -> preview.contains("Redacted:") && !preview.contains("104.47.22.138"),
                "the redacted preview");
        String redacted = text(robot, "#summaryPreview");
        assertThat(redacted)
                .doesNotContainIgnoringCase("contoso")
                .contains("mail.protection.outlook.com")
                .contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"))
                .contains("421 4.4.2");
        assertThat(selected(robot, "#redactSwitch")).isTrue();
        screenshot(stage, "32-summary-redacted");

        Path json = dir.resolve("ticket.json");
        dialogs.saveFileToChoose = json;
        robot.clickOn("#saveJsonButton");
        waitUntil(
                "ticket.json saved",
                () -> Files.exists(json) && text(robot, "#summaryStatus").startsWith("Saved"));
        Path html = dir.resolve("ticket"); // no extension: the button's format is added
        dialogs.saveFileToChoose = html;
        robot.clickOn("#saveHtmlButton");
        Path htmlFile = dir.resolve("ticket.html");
        waitUntil(
                "ticket.html saved",
                () -> Files.exists(htmlFile) && text(robot, "#summaryStatus").contains("ticket.html"));
        String page = Files.readString(htmlFile);
        assertThat(page)
                .startsWithIgnoringCase("<!DOCTYPE html")
                .doesNotContainIgnoringCase("contoso")
                .doesNotContain("104.47.22.138");
        assertThat(DiagnosisSummary.read(json).redacted()).isTrue();

        Stage[] review = new Stage[1];
        robot.interact(() -> review[0] = ReviewWindow.open(stage, i18n, executor, json));
        waitForText(review[0], "#reviewDocument", document -> !document.isEmpty(), "the saved summary");
        assertThat(text(review[0], "#reviewDocument"))
                .as("the reviewer sees what was saved")
                .isEqualTo(redacted);
        assertThat(text(review[0], "#reviewOrigin")).startsWith("Made by").contains("hidden");
        screenshot(review[0], "33-review-read-only");
        robot.interact(() -> ((Button) review[0].getScene().lookup("#closeReviewButton")).fire());
        assertThat(onFx(() -> review[0].isShowing())).isFalse();

        // New evidence makes the old conclusion stale: back to the registry, exports with TLS 1.2 on, then the summary.
        robot.clickOn("#redactSwitch .thumb-area");
        robot.clickOn("#step-registry");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading")).isEqualTo(REGISTRY);
        Path fixed = Files.createDirectories(dir.resolve("after"));
        dialogs.regFilesToChoose = List.of(Cases.regFile(fixed, true, true));
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot,
                "#registryVerdict",
                verdict -> !verdict.startsWith("This server cannot"),
                "the verdict on the new exports");
        robot.clickOn("#step-summary");
        // the preview (readable text, no Markdown) shows the old summary until the new one is built: wait for the new
        // conclusion
        waitForText(
                robot,
                "#summaryPreview",
                preview -> preview.contains("Conclusion\n----------")
                        && !preview.contains("Redacted:")
                        && !preview.contains(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title")),
                "the summary judged again, not redacted");
        assertThat(text(robot, "#summaryPreview"))
                .as("judged again from the new exports")
                .doesNotContain(i18n.get("diagnosis.cause.TLS12_CLIENT_DISABLED.title"));
    }

    @Test
    void aClientSubmissionLookalikeSkipsThisServersChecks(FxRobot robot) throws Exception {
        robot.interact(
                () -> robot.lookup("#evidenceArea")
                        .queryAs(TextArea.class)
                        .setText(
                                "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls"));
        waitForText(
                robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the lookalike recognised");
        clickWhenEnabled(robot, "#nextButton");
        clickWhenEnabled(robot, "#nextButton");

        assertThat(text(robot, "#stepHeading"))
                .as("registry, connection test and logs are passed over")
                .isEqualTo(DIAGNOSIS);
        waitForText(robot, "#diagnosisCause", cause -> !cause.isEmpty(), "a cause");
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.CLIENT_SUBMISSION.title"));
        assertThat(visible(robot, "#openFixButton"))
                .as("no registry fix for a device")
                .isFalse();
        List<String> skipped = onFx(() -> robot.lookup("#stepList .step-item").queryAllAs(ToggleButton.class).stream()
                .filter(item -> item.getStyleClass().contains("step-skipped"))
                .map(ToggleButton::getText)
                .toList());
        assertThat(skipped)
                .anySatisfy(name -> assertThat(name).contains("TLS settings"))
                .anySatisfy(name -> assertThat(name).contains("Protocol logs"))
                .anySatisfy(name -> assertThat(name).contains("Fix"));
        screenshot(stage, "34-diagnosis-client-submission");

        robot.clickOn("#backButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#stepHeading"))
                .as("Back returns along the same path, past the skipped checks")
                .isEqualTo("What it means");
    }
}
