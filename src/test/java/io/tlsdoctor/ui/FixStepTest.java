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
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#registryVerdict").startsWith("This server cannot"));
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
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#fixOutcome").startsWith("Done"));
        Path copy = dir.resolve("schannel-after-fix.reg");
        assertThat(new RegistryEvaluator().evaluate(new RegFileSource(List.of(copy)).collect()).tls12().client()).isTrue();
        assertThat(Files.readAllBytes(export)).as("the export itself is untouched").isEqualTo(original);
        assertThat(robot.lookup("#fixResult .exact-text").queryAllAs(Label.class)).extracting(Label::getText)
                .anySatisfy(line -> assertThat(line).startsWith("[written]").contains("TLS 1.2\\Client\\Enabled"));
        screenshot(robot, "21-fix-step-rehearsed");

        assertThat(robot.lookup("#undoButton").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#undoButton");
        // the rehearsal's "Done" is still shown while the undo runs: wait for its progress line to clear too
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#undoButton").queryAs(Button.class).isDisabled()
                && text(robot, "#fixProgress").isEmpty() && text(robot, "#fixOutcome").startsWith("Done"));
        assertThat(new RegistryEvaluator().evaluate(new RegFileSource(List.of(copy)).collect()).tls12().client()).isFalse();
    }

    @Test
    void restartStepRemembersTheDiagnosisAndComparesBeforeAndAfter(FxRobot robot) throws Exception {
        Path export = Cases.regFile(dir, false, true);
        Files.deleteIfExists(dir.resolve("resume.json"));
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        robot.clickOn("#nextButton");
        robot.clickOn("#nextButton");
        dialogs.regFilesToChoose = List.of(export);
        robot.clickOn("#loadExportsButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#registryVerdict").startsWith("This server cannot"));
        nextUntil(robot, "Fix: enable TLS 1.2"); // past the connection test and the protocol logs
        dialogs.answer = true;
        robot.clickOn("#rehearseButton");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> text(robot, "#fixOutcome").startsWith("Done"));
        nextUntil(robot, "Restart the server");
        assertThat(text(robot, "#restartNeed")).startsWith("You rehearsed the change on a copy");
        assertThat(robot.lookup("#restartNowButton").queryAs(Button.class).isDisabled()).as("no restart off the server").isTrue();
        robot.clickOn("#checkAgainButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#beforeAfter").isEmpty());
        assertThat(text(robot, "#beforeAfter")).isEqualTo("TLS 1.2 before: Client off, Server on. Now: Client on, Server on.");

        robot.clickOn("#restartLaterButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(dir.resolve("resume.json")));
        assertThat(text(robot, "#restartStatus")).contains("remembers this diagnosis");
        screenshot(robot, "22-restart-step");

        // TLS Doctor opened again after the restart: it offers to check again and shows before and after.
        Stage[] reopened = new Stage[1];
        robot.interact(() -> {
            reopened[0] = new Stage();
            WizardWindow.show(reopened[0], new I18n(Locale.ENGLISH), executor, dialogs, PlatformServices.withBackupsIn(dir.resolve("backups")), () -> { });
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxRobot second = robot.targetWindow(reopened[0]);
        assertThat(second.from(reopened[0].getScene().getRoot()).lookup("#resumeBar").query().isVisible()).isTrue();
        robot.interact(() -> ((Button) reopened[0].getScene().lookup("#resumeButton")).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            Label label = (Label) reopened[0].getScene().lookup("#beforeAfter");
            return label != null && label.getText() != null && !label.getText().isEmpty();
        });
        assertThat(((Label) reopened[0].getScene().lookup("#stepHeading")).getText()).isEqualTo("Restart the server");
        assertThat(((Label) reopened[0].getScene().lookup("#beforeAfter")).getText())
                .isEqualTo("TLS 1.2 before: Client off, Server on. Now: Client on, Server on.");
        robot.interact(() -> Screenshots.save(reopened[0].getScene(), "23-resumed-after-restart"));

        // The summary after the restart still tells the whole story: the diagnosis, the change and the restart.
        robot.interact(() -> ((Button) reopened[0].getScene().lookup("#nextButton")).fire());
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            javafx.scene.control.TextArea preview = (javafx.scene.control.TextArea) reopened[0].getScene().lookup("#summaryPreview");
            return preview != null && preview.getText() != null && preview.getText().contains("## Restart");
        });
        String summary = ((javafx.scene.control.TextArea) reopened[0].getScene().lookup("#summaryPreview")).getText();
        assertThat(summary).contains("This server cannot send with TLS 1.2").contains("schannel-after-fix.reg")
                .contains("restarted and checked again").doesNotContain("TLS Doctor changed nothing");
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
