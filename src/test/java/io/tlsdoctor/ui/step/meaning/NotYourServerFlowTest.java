package io.tlsdoctor.ui.step.meaning;

import static io.tlsdoctor.ui.FxReads.allText;
import static io.tlsdoctor.ui.FxReads.clickWhenEnabled;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.RecordingDialogService;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An NDR that Exchange Online wrote about mail to Gmail: the meaning step says plainly that the user's server was
 * not involved and who wrote and who refused, and Next leads past the registry, the connection test, the logs and
 * the fix straight to a "not your server" diagnosis.
 */
@ExtendWith(ApplicationExtension.class)
class NotYourServerFlowTest {

    private static final String MEANING = "What it means";
    private static final String DIAGNOSIS = "What is wrong, and how sure that is";

    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Path dir;
    private ExecutorService executor;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-not-your-server");
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage,
                i18n,
                executor,
                new RecordingDialogService(),
                PlatformServices.withBackupsIn(dir.resolve("backups")),
                () -> {});
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
    void anExchangeOnlineNdrAboutGmailIsNotYourServerAndSkipsTheRegistryFix(FxRobot robot) throws Exception {
        String ndr = new String(
                getClass()
                        .getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/091-exo-ndr-en-gmail-socketerror.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(ndr));
        waitForText(robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the recognition");

        nextUntil(robot, MEANING);
        assertThat(text(robot, "#meaningSummary"))
                .as("the verdict, not 'this is the TLS 1.0/1.1 problem'")
                .startsWith(
                        "Exchange Online could not deliver to gmail.com; your on-premises server was not involved.");
        assertThat(allText(robot, "#routeFacts"))
                .contains("Report written by: DB9PR04MB8123.eurprd04.prod.outlook.com (Exchange Online)")
                .contains("Refused by: gmail.com (another organisation)");
        assertThat(text(robot, "#direction-NDR_421_SOCKET_ERROR"))
                .startsWith("Exchange Online → another organisation's server");
        assertThat(allText(robot, "#nextChecks"))
                .contains("Tell the receiving organisation")
                .doesNotContain("Check this server's TLS settings");
        assertThat(allText(robot, "#findings"))
                .as("the likely causes are the receiving side's")
                .contains("The receiving organisation's server or gateway")
                .doesNotContain("on the sending server");
        assertThat(text(robot, "#meaningEnd"))
                .startsWith("Next comes the diagnosis")
                .doesNotContain("then the fix and the restart");
        screenshot(stage, "18-meaning-not-your-server");

        robot.clickOn("#nextButton");
        waitForText(robot, "#stepHeading", DIAGNOSIS::equals, "the diagnosis right after the meaning step");
        waitForText(robot, "#diagnosisCause", cause -> !cause.isEmpty(), "the cause");
        assertThat(text(robot, "#diagnosisCause")).isEqualTo(i18n.get("diagnosis.cause.NOT_YOUR_SERVER.title"));
        assertThat(onFx(() -> robot.lookup("#openFixButton").query().isVisible()))
                .as("no way into the registry fix")
                .isFalse();
        List<String> skipped = onFx(() -> robot.lookup("#stepList .step-item").queryAllAs(ToggleButton.class).stream()
                .filter(item -> item.getStyleClass().contains("step-skipped"))
                .map(ToggleButton::getText)
                .toList());
        assertThat(skipped)
                .anySatisfy(name -> assertThat(name).contains("TLS settings"))
                .anySatisfy(name -> assertThat(name).contains("Protocol logs"))
                .anySatisfy(name -> assertThat(name).contains("Fix"));
        screenshot(stage, "19-diagnosis-not-your-server");

        clickWhenEnabled(robot, "#backButton");
        assertThat(text(robot, "#stepHeading"))
                .as("Back returns past the skipped checks")
                .isEqualTo(MEANING);
    }
}
