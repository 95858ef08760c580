package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.exists;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.selected;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.ui.common.I18n;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Help menu in the real wizard: the About box, the log folder, and a support bundle from the menu and the Summary step. */
@ExtendWith(ApplicationExtension.class)
class SupportAndAboutTest {

    private static final String SUMMARY = "The summary for the ticket";

    private Path dir;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final I18n i18n = new I18n(Locale.ENGLISH);
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-support");
        executor = TlsDoctorApp.newWorkerPool();
        PlatformServices base = PlatformServices.withBackupsIn(dir.resolve("backups"));
        PlatformServices platform = new PlatformServices(
                base.registrySources(),
                base.fixRunner(),
                base.restarts(),
                base.bookmarkFile(),
                base.schannel(),
                PlatformServices.supportBeside(dir.resolve("backups"), target -> opened.add(target)),
                base.connectorSources());
        WizardWindow.show(stage, i18n, executor, dialogs, platform, () -> {});
    }

    @AfterEach
    void stop() throws Exception {
        for (Window window : onFx(() -> List.copyOf(Window.getWindows()))) {
            if (window != stage) {
                onFx(() -> {
                    ((Stage) window).close();
                    return null;
                });
            }
        }
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void theAboutBoxShowsTheBuildsVersionAndTheLogFolderAndOpensIt(FxRobot robot) {
        robot.clickOn("#helpMenu");
        robot.clickOn("#helpAbout");
        waitUntil("the About box", () -> exists(robot, "#aboutDialog"));

        assertThat(text(robot, "#aboutVersion")).isEqualTo("Version " + Version.current());
        assertThat(text(robot, "#aboutLicence")).isEqualTo("Licence: Apache-2.0");
        assertThat(text(robot, "#aboutLogFolder")).isEqualTo(dir.resolve("logs").toString());
        assertThat(exists(robot, "#aboutReadme")).isEqualTo(Version.homepage().isPresent());
        screenshot(onFx(() -> robot.lookup("#aboutDialog").query().getScene().getWindow()), "60-about-box");

        robot.clickOn("#aboutOpenFolder");
        waitUntil("the folder opened", () -> opened.contains(dir.resolve("logs").toString()));
        assertThat(Files.isDirectory(dir.resolve("logs"))).isTrue();
        robot.clickOn("#aboutDialogClose");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exists(robot, "#aboutDialog")).isFalse();

        robot.clickOn("#language-sv");
        robot.clickOn("#helpMenu");
        robot.clickOn("#helpAbout");
        waitUntil("the Swedish About box", () -> exists(robot, "#aboutDialog"));
        assertThat(text(robot, "#helpMenu")).isEqualTo("Hjälp");
        assertThat(text(robot, "#aboutOpenFolder")).isEqualTo("Öppna mappen");
        screenshot(onFx(() -> robot.lookup("#aboutDialog").query().getScene().getWindow()), "61-about-box-sv");
    }

    @Test
    void aRedactedBundleFromTheHelpMenuHoldsTheCaseAndTheLogWithoutTheServersNames(FxRobot robot) throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(
                logs.resolve("wizard.0.log"),
                "2026-12-03T11:59:00.000Z INFO    wizard [w] ProbeStepViewModel: probing mail.fabrikam.com:25 at 192.0.2.45\n");
        String queue = new String(
                getClass()
                        .getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(queue));
        waitForText(robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the queue recognised");

        robot.clickOn("#helpMenu");
        robot.clickOn("#helpBundle");
        waitUntil("the bundle dialog", () -> exists(robot, "#supportBundleDialog"));
        assertThat(selected(robot, "#bundleRedact")).isFalse();
        robot.clickOn("#bundleRedact");
        Path zip = dir.resolve("ticket-4711.zip");
        dialogs.saveFileToChoose = zip;
        robot.clickOn("#bundleSaveButton");
        waitForText(
                robot,
                "#bundleStatus",
                status -> status.startsWith("Saved the redacted support bundle"),
                "the bundle saved");
        assertThat(text(robot, "#bundleStatus"))
                .isEqualTo("Saved the redacted support bundle ticket-4711.zip. Attach it to your ticket.");
        screenshot(
                onFx(() ->
                        robot.lookup("#supportBundleDialog").query().getScene().getWindow()),
                "62-support-bundle-saved");

        Map<String, String> entries = read(zip);
        assertThat(entries).containsKeys("manifest.txt", "case/summary.json", "logs/user/wizard.0.log");
        assertThat(entries.get("logs/user/wizard.0.log"))
                .contains("probing ")
                .doesNotContain("fabrikam")
                .doesNotContain("192.0.2.45");
        assertThat(entries.get("case/summary.json"))
                .contains("\"redacted\" : true")
                .contains("421 4.4.2")
                .doesNotContainIgnoringCase("contoso");
    }

    @Test
    void theSummaryStepOffersTheBundleWithItsOwnRedactionChoice(FxRobot robot) throws Exception {
        String queue = new String(
                getClass()
                        .getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt")
                        .readAllBytes(),
                StandardCharsets.UTF_8);
        robot.interact(
                () -> robot.lookup("#evidenceArea").queryAs(TextArea.class).setText(queue));
        waitForText(robot, "#recognitionStatus", status -> status.startsWith("Recognised:"), "the queue recognised");
        nextUntil(robot, SUMMARY);
        waitForText(robot, "#summaryPreview", preview -> !preview.isBlank(), "the preview");
        robot.clickOn("#redactSwitch .thumb-area");
        waitUntil("redacted", () -> selected(robot, "#redactSwitch"));
        screenshot(stage, "63-summary-with-bundle-button");

        robot.clickOn("#supportBundleButton");
        waitUntil("the bundle dialog", () -> exists(robot, "#supportBundleDialog"));

        assertThat(selected(robot, "#bundleRedact"))
                .as("the summary's choice carries over")
                .isTrue();
        Path zip = dir.resolve("from-summary.zip");
        dialogs.saveFileToChoose = zip;
        robot.clickOn("#bundleSaveButton");
        waitForText(robot, "#bundleStatus", status -> status.startsWith("Saved the redacted"), "the bundle saved");
        assertThat(read(zip).get("case/summary.json"))
                .contains("\"redacted\" : true")
                .doesNotContainIgnoringCase("contoso");
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
