package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.nextUntil;
import static io.tlsdoctor.ui.FxReads.screenshot;
import static io.tlsdoctor.ui.FxReads.waitForText;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.PlatformRestartScheduler;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 19: the case survives the server's restart. On the server (the live registry here is a .reg file the helper
 * changes), the fix is applied and the Restart step keeps a bookmark; the window closes as the server restarts; TLS
 * Doctor opened again offers to continue, and continuing checks the settings again and shows before and after.
 */
@ExtendWith(ApplicationExtension.class)
class ResumeAfterRestartTest {

    private Path dir;
    private Path live;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private PlatformServices platform;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-resume");
        live = Cases.regFile(dir, false, true);
        executor = TlsDoctorApp.newWorkerPool();
        RegistrySources sources = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.of(new RegFileSource(List.of(live)));
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
        platform = new PlatformServices(
                sources,
                new HelperOnAFile(),
                new PlatformRestartScheduler(),
                dir.resolve("resume.json"),
                Optional.empty(),
                PlatformServices.supportBeside(dir.resolve("backups"), target -> false));
        WizardWindow.show(stage, new I18n(Locale.ENGLISH), executor, dialogs, platform, () -> {});
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
    void afterTheRestartTheCaseContinuesWithTheCheckAgain(FxRobot robot) {
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, "Check this server's TLS settings");
        waitForText(
                robot,
                "#registryVerdict",
                verdict -> verdict.startsWith("This server cannot"),
                "the live registry judged");
        nextUntil(robot, "Fix: enable TLS 1.2");
        dialogs.answer = true;
        robot.clickOn("#applyButton");
        waitForText(robot, "#fixOutcome", outcome -> outcome.startsWith("Done:"), "the change made");
        nextUntil(robot, "Restart the server");
        waitUntil("the bookmark kept for after the restart", () -> Files.exists(dir.resolve("resume.json")));

        // the server restarts: this window goes, and TLS Doctor is opened again afterwards
        Stage[] reopened = new Stage[1];
        robot.interact(() -> {
            stage.close();
            reopened[0] = new Stage();
            WizardWindow.show(reopened[0], new I18n(Locale.ENGLISH), executor, dialogs, platform, () -> {});
        });
        Stage again = reopened[0];
        waitUntil(
                "the offer to continue",
                () -> FxReads.onFx(() -> again.getScene().lookup("#resumeBar").isVisible()));
        String offer =
                FxReads.onFx(() -> ((javafx.scene.layout.Pane) again.getScene().lookup("#resumeBar"))
                        .getChildren().stream()
                                .filter(javafx.scene.control.Label.class::isInstance)
                                .map(label -> ((javafx.scene.control.Label) label).getText())
                                .collect(java.util.stream.Collectors.joining(" ")));
        assertThat(offer).contains("Welcome back").contains("was waiting for a restart");
        screenshot(again, "48-resume-offer-after-restart");

        robot.interact(() -> ((javafx.scene.control.Button) again.getScene().lookup("#resumeButton")).fire());
        waitForText(again, "#beforeAfter", comparison -> !comparison.isEmpty(), "the check again after the restart");
        assertThat(FxReads.text(again, "#stepHeading")).isEqualTo("Restart the server");
        assertThat(FxReads.text(again, "#restartStatus")).startsWith("Resumed the diagnosis saved");
        assertThat(FxReads.text(again, "#beforeAfter"))
                .isEqualTo("TLS 1.2 before: Client off, Server on. Now: Client on, Server on.");
        assertThat(FxReads.onFx(() -> again.getScene().lookup("#resumeBar").isVisible()))
                .isFalse();
        waitUntil("the bookmark forgotten once both sides are on", () -> !Files.exists(dir.resolve("resume.json")));
        screenshot(again, "49-resumed-after-restart");
        robot.interact(again::close);
    }

    /** The elevated helper, writing the "live registry" file at once (the UAC prompt answered Yes). */
    private final class HelperOnAFile implements FixRunner {
        @Override
        public boolean liveAvailable() {
            return true;
        }

        @Override
        public ApplyResult applyLive(FixPlan plan) {
            try {
                ApplyResult onFile = new FixEngine(Clock.systemUTC())
                        .apply(plan, RegFileRegistryStore.open(live), dir.resolve("backups"));
                // reported as the elevated helper reports a change to the live registry, which is no .reg file
                return new ApplyResult(
                        onFile.outcome(),
                        "HKEY_LOCAL_MACHINE on EX01",
                        onFile.backupFolder(),
                        onFile.changes(),
                        onFile.problemKey(),
                        onFile.problemArgs());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ApplyResult undoLive(Path backupFolder) {
            try {
                return new FixEngine(Clock.systemUTC())
                        .undo(
                                Backup.load(backupFolder),
                                backupFolder,
                                RegFileRegistryStore.open(live),
                                dir.resolve("backups"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Path liveBackupsFolder() {
            return dir.resolve("backups");
        }

        @Override
        public ApplyResult applyToFile(FixPlan plan, Path regFile) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ApplyResult undoOnFile(Path backupFolder, Path regFile) {
            throw new UnsupportedOperationException();
        }
    }
}
