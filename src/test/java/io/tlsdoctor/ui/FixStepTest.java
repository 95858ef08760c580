package io.tlsdoctor.ui;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Fix step off the server: review the plan, save it as .reg, rehearse it on a copy of the export, undo. */
@ExtendWith(ApplicationExtension.class)
class FixStepTest {


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
        WizardWindow.show(stage, new I18n(Locale.ENGLISH), executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> { });
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
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        dialogs.regFilesToChoose = List.of(export);
        robot.clickOn("#loadExportsButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> text(robot, "#registryVerdict").startsWith("This server cannot"));
        nextUntil(robot, "Fix: enable TLS 1.2"); // past the connection test and the protocol logs
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#stepHeading")).isEqualTo("Fix: enable TLS 1.2");
        TableView<?> table = robot.lookup("#planTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(table.getItems().get(0).toString()).contains("TLS 1.2\\Client").contains("REG_DWORD 0x00000000 (0)")
                .contains("REG_DWORD 0x00000001 (1)");
        assertThat(text(robot, "#fixSummary")).contains("values to change").contains("nothing changes until you say yes");
        assertThat(robot.lookup("#applyButton").query().isVisible()).as("no live registry off Windows").isFalse();
        screenshot(robot, "20-fix-step-plan");

        Path saved = dir.resolve("tls12-fix.reg");
        dialogs.saveFileToChoose = saved;
        robot.clickOn("#saveRegButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved) && text(robot, "#fixProgress").startsWith("Saved"));
        RegistryReport withSavedFix = new RegistryEvaluator().evaluate(new RegFileSource(List.of(export, saved)).collect());
        assertThat(withSavedFix.tls12().client()).isTrue();

        dialogs.answer = false;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialogs.questions).last().asString().contains("copy of the export");
        assertThat(text(robot, "#fixOutcome")).as("a No changes nothing").isEmpty();

        dialogs.answer = true;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#fixOutcome").startsWith("Rehearsed on a copy"));
        assertThat(text(robot, "#fixOutcome")).as("a rehearsal is never a change to the server").contains("Nothing on the server changed");
        Path copy = dir.resolve("schannel-after-fix.reg");
        assertThat(new RegistryEvaluator().evaluate(new RegFileSource(List.of(copy)).collect()).tls12().client()).isTrue();
        assertThat(Files.readAllBytes(export)).as("the export itself is untouched").isEqualTo(original);
        assertThat(robot.lookup("#fixResult .exact-text").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(line -> assertThat(line).startsWith("[written]").contains("TLS 1.2\\Client\\Enabled"));
        screenshot(robot, "21-fix-step-rehearsed");

        assertThat(robot.lookup("#undoButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#undoButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#undoButton").queryAs(Button.class).isDisabled()
                && text(robot, "#fixOutcome").startsWith("The rehearsal is undone"));
        assertThat(new RegistryEvaluator().evaluate(new RegFileSource(List.of(copy)).collect()).tls12().client()).isFalse();
    }

    @Test
    void afterARehearsalTheRestartStepVerifiesTheCopyAndRemembersNoRestart(FxRobot robot) throws Exception {
        Path export = Cases.regFile(dir, false, true);
        Files.deleteIfExists(dir.resolve("resume.json"));
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        dialogs.regFilesToChoose = List.of(export);
        robot.clickOn("#loadExportsButton");
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, () -> text(robot, "#registryVerdict").startsWith("This server cannot"));
        nextUntil(robot, "Fix: enable TLS 1.2"); // past the connection test and the protocol logs
        dialogs.answer = true;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#fixOutcome").startsWith("Rehearsed on a copy"));
        nextUntil(robot, "Restart the server");
        assertThat(text(robot, "#restartNeed")).startsWith("You rehearsed the change on a copy");
        assertThat(robot.lookup("#restartNowButton").queryAs(Button.class).isDisabled()).as("no restart off the server").isTrue();
        robot.clickOn("#checkAgainButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#beforeAfter").isEmpty());
        // the copy is the rehearsal's verification, shown beside the server's own (unchanged) settings
        assertThat(text(robot, "#beforeAfter")).isEqualTo("The server's export (unchanged): Client off, Server on. "
                + "The rehearsed copy: Client on, Server on. Nothing on the server changed: import the fix there as an "
                + "administrator, then restart it.");

        // nothing here waits for a restart: no bookmark, so TLS Doctor opened again offers no "check again"
        robot.clickOn("#restartLaterButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#restartStatus")).contains("keeps no bookmark");
        assertThat(dir.resolve("resume.json")).doesNotExist();
        screenshot(robot, "22-restart-step");
        Stage[] reopened = new Stage[1];
        robot.interact(() -> {
            reopened[0] = new Stage();
            WizardWindow.show(reopened[0], new I18n(Locale.ENGLISH), executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(FxReads.onFx(() -> reopened[0].getScene().lookup("#resumeBar").isVisible())).isFalse();
        robot.interact(reopened[0]::close);
    }

    @AfterEach
    void removeFolder() throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }


    /** Clicks Next until the step with {@code heading} shows (steps between may be added as TLS Doctor grows). */
    private static void nextUntil(FxRobot robot, String heading) {
        for (int i = 0; i < 8 && !heading.equals(text(robot, "#stepHeading")); i++) {
            robot.clickOn("#nextButton");
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(text(robot, "#stepHeading")).isEqualTo(heading);
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
