package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.disabled;
import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.text;
import static io.tlsdoctor.ui.FxReads.texts;
import static io.tlsdoctor.ui.FxReads.visible;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Fix step off the server: review the plan, save it as .reg, rehearse it on a copy of the export, undo. */
@ExtendWith(ApplicationExtension.class)
class FixStepTest {

    private static final String REGISTRY = "Check this server's TLS settings";
    private static final String FIX = "Fix: enable TLS 1.2";
    private static final String RESTART = "Restart the server";

    /** Each test its own folder (exports, backups, the resume bookmark), made before the window opens. */
    private Path dir;

    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private Stage stage;

    @Start
    void start(Stage stage) throws java.io.IOException {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-fixstep");
        executor = TlsDoctorApp.newWorkerPool();
        WizardWindow.show(
                stage,
                new I18n(Locale.ENGLISH),
                executor,
                dialogs,
                PlatformServices.withBackupsIn(dir.resolve("backups")),
                () -> {});
    }

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void reviewSaveRehearseAndUndo(FxRobot robot) throws Exception {
        Path export = Cases.regFile(dir, false, true);
        byte[] original = Files.readAllBytes(export);
        goToRegistryStepWithExport(robot, export);
        nextUntil(robot, FIX); // past the connection test and the protocol logs

        assertThat(text(robot, "#stepHeading")).isEqualTo(FIX);
        List<String> plan =
                onFx(() -> ((TableView<?>) robot.lookup("#planTable").query())
                        .getItems().stream().map(Object::toString).toList());
        assertThat(plan).hasSizeGreaterThanOrEqualTo(2);
        assertThat(plan.get(0))
                .contains("TLS 1.2\\Client")
                .contains("REG_DWORD 0x00000000 (0)")
                .contains("REG_DWORD 0x00000001 (1)");
        assertThat(text(robot, "#fixSummary"))
                .contains("values to change")
                .contains("TLS Doctor cannot change the server")
                .doesNotContain("until you say yes");
        assertThat(visible(robot, "#applyButton"))
                .as("no live registry off Windows")
                .isFalse();
        screenshot(stage, "20-fix-step-plan");

        Path saved = dir.resolve("tls12-fix.reg");
        dialogs.saveFileToChoose = saved;
        robot.clickOn("#saveRegButton");
        waitUntil(
                "the plan saved",
                () -> Files.exists(saved) && text(robot, "#fixProgress").startsWith("Saved"));
        RegistryReport withSavedFix =
                new RegistryEvaluator().evaluate(new RegFileSource(List.of(export, saved)).collect());
        assertThat(withSavedFix.tls12().client()).isTrue();

        dialogs.answer = false;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.questions).last().asString().contains("copy of the export");
        assertThat(text(robot, "#fixOutcome")).as("a No changes nothing").isEmpty();

        dialogs.answer = true;
        robot.clickOn("#rehearseButton");
        waitForText(robot, "#fixOutcome", outcome -> outcome.startsWith("Rehearsed on a copy"), "the rehearsal done");
        assertThat(text(robot, "#fixOutcome"))
                .as("a rehearsal is never a change to the server")
                .contains("Nothing on the server changed");
        Path copy = dir.resolve("schannel-after-fix.reg");
        assertThat(new RegistryEvaluator()
                        .evaluate(new RegFileSource(List.of(copy)).collect())
                        .tls12()
                        .client())
                .isTrue();
        assertThat(Files.readAllBytes(export))
                .as("the export itself is untouched")
                .isEqualTo(original);
        assertThat(texts(robot, "#fixResult .exact-text"))
                .anySatisfy(line -> assertThat(line).startsWith("[written]").contains("TLS 1.2\\Client\\Enabled"));
        screenshot(stage, "21-fix-step-rehearsed");

        assertThat(disabled(robot, "#undoButton")).isFalse();
        robot.clickOn("#undoButton");
        // the rehearsal's result is still shown while the undo runs: wait for its progress line to clear too
        waitUntil(
                "the undo done",
                () -> disabled(robot, "#undoButton")
                        && text(robot, "#fixProgress").isEmpty()
                        && text(robot, "#fixOutcome").startsWith("The rehearsal is undone"));
        assertThat(new RegistryEvaluator()
                        .evaluate(new RegFileSource(List.of(copy)).collect())
                        .tls12()
                        .client())
                .isFalse();
    }

    @Test
    void afterARehearsalTheRestartStepVerifiesTheCopyAndRemembersNoRestart(FxRobot robot) throws Exception {
        Path export = Cases.regFile(dir, false, true);
        Files.deleteIfExists(dir.resolve("resume.json"));
        goToRegistryStepWithExport(robot, export);
        nextUntil(robot, FIX); // past the connection test and the protocol logs
        dialogs.answer = true;
        robot.clickOn("#rehearseButton");
        waitForText(robot, "#fixOutcome", outcome -> outcome.startsWith("Rehearsed on a copy"), "the rehearsal done");
        nextUntil(robot, RESTART);
        assertThat(text(robot, "#restartNeed")).startsWith("You rehearsed the change on a copy");
        assertThat(disabled(robot, "#restartNowButton"))
                .as("no restart off the server")
                .isTrue();
        robot.clickOn("#checkAgainButton");
        waitForText(robot, "#beforeAfter", comparison -> !comparison.isEmpty(), "before and after");
        // the copy is the rehearsal's verification, shown beside the server's own (unchanged) settings
        assertThat(text(robot, "#beforeAfter"))
                .isEqualTo("The server's export (unchanged): Client off, Server on. "
                        + "The rehearsed copy: Client on, Server on. Nothing on the server changed: import the fix there as an "
                        + "administrator, then restart it.");

        // nothing here waits for a restart: no bookmark, so TLS Doctor opened again offers no "check again"
        robot.clickOn("#restartLaterButton");
        waitForText(robot, "#restartStatus", status -> status.contains("keeps no bookmark"), "no bookmark kept");
        assertThat(dir.resolve("resume.json")).doesNotExist();
        screenshot(stage, "22-restart-step");
        Stage[] reopened = new Stage[1];
        robot.interact(() -> {
            reopened[0] = new Stage();
            WizardWindow.show(
                    reopened[0],
                    new I18n(Locale.ENGLISH),
                    executor,
                    dialogs,
                    PlatformServices.withBackupsIn(dir.resolve("backups")),
                    () -> {});
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> reopened[0].getScene().lookup("#resumeBar").isVisible()))
                .isFalse();
        robot.interact(() -> reopened[0].close());
    }

    @AfterEach
    void removeFolder() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }

    /** The queue symptom picked, then the registry step judged from {@code export}: TLS 1.2 off on the client side. */
    private void goToRegistryStepWithExport(FxRobot robot, Path export) {
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, REGISTRY);
        dialogs.regFilesToChoose = List.of(export);
        robot.clickOn("#loadExportsButton");
        waitForText(
                robot, "#registryVerdict", verdict -> verdict.startsWith("This server cannot"), "the registry verdict");
    }
}
