package io.tlsdoctor.ui;

import static io.tlsdoctor.ui.FxReads.nextUntil;
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
import io.tlsdoctor.core.fix.ApplyResult;
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
 * Issue 14: on the server, the Fix step's wait for the elevated helper (the UAC prompt, then the helper) has a
 * "Stop waiting". The wait here is a helper that waits until interrupted, as Elevation's wait does; the "live
 * registry" is a .reg file. The helper finishes after the user stopped waiting (they answered Yes to UAC later): the
 * step never claims the change, and reading the registry again shows it.
 */
@ExtendWith(ApplicationExtension.class)
class FixStopWaitingTest {

    private Path dir;
    private Path live;
    private ExecutorService executor;
    private final RecordingDialogService dialogs = new RecordingDialogService();
    private final WaitingHelper helper = new WaitingHelper();
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory("tlsdoctor-stopwaiting");
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
        PlatformServices platform = new PlatformServices(
                sources,
                helper,
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
    void theWaitForTheAdministratorPartCanBeStoppedAndTheRegistryTellsWhatHappened(FxRobot robot) throws Exception {
        robot.clickOn("#card-QUEUE_421_SOCKET_ERROR");
        nextUntil(robot, "Check this server's TLS settings");
        waitForText(
                robot,
                "#registryVerdict",
                verdict -> verdict.startsWith("This server cannot"),
                "the live registry judged");
        nextUntil(robot, "Fix: enable TLS 1.2");
        assertThat(visible(robot, "#stopWaitingButton"))
                .as("nothing to stop yet")
                .isFalse();

        dialogs.answer = true;
        robot.clickOn("#applyButton");
        waitUntil("waiting for the helper", () -> visible(robot, "#stopWaitingButton") && helper.waiting);
        assertThat(text(robot, "#fixWaitNote"))
                .contains("Windows asks for administrator rights")
                .contains("Stop waiting does not stop either of them");
        screenshot(stage, "45-fix-step-waiting-for-the-helper");

        robot.clickOn("#stopWaitingButton");
        waitForText(
                robot,
                "#fixOutcome",
                outcome -> outcome.startsWith("The registry holds none of the 10 planned values"),
                "the registry read again");
        assertThat(visible(robot, "#stopWaitingButton")).isFalse();
        assertThat(text(robot, "#fixWaitNote"))
                .startsWith("You stopped waiting.")
                .contains("answering Yes there still makes the change")
                .contains("reports no change it did not see finish");
        assertThat(texts(robot, "#fixResult .exact-text"))
                .hasSize(10)
                .allSatisfy(line -> assertThat(line).startsWith("[now] "));
        screenshot(stage, "46-fix-step-stopped-waiting");

        helper.finishLate(); // the user answered Yes to the prompt after all: the helper makes the change
        robot.clickOn("#rereadRegistryButton");
        waitForText(
                robot,
                "#fixOutcome",
                outcome -> outcome.startsWith("The registry now holds all 10 planned values."),
                "the registry read again after the helper finished");
        assertThat(text(robot, "#fixOutcome"))
                .contains("did not see the change finish")
                .doesNotContain("Done");
        assertThat(FxReads.disabled(robot, "#undoButton"))
                .as("no change seen, so none to undo here")
                .isTrue();
        assertThat(text(robot, "#fixSummary"))
                .as("planned afresh from the registry as it is")
                .startsWith("Nothing to change");
        assertThat(FxReads.disabled(robot, "#applyButton")).isTrue();
        screenshot(stage, "47-fix-step-registry-read-again");
    }

    /** An elevated helper whose wait ends only when interrupted (the user's Stop waiting), as Elevation's does. */
    private final class WaitingHelper implements FixRunner {
        volatile boolean waiting;
        private volatile FixPlan plan;

        void finishLate() throws Exception {
            new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(live), dir.resolve("backups"));
        }

        @Override
        public boolean liveAvailable() {
            return true;
        }

        @Override
        public ApplyResult applyLive(FixPlan planned) {
            plan = planned;
            waiting = true;
            try {
                while (true) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                // as ElevatedFixRun reports Elevation's Outcome.waitCancelled
                return new ApplyResult(
                        ApplyResult.Outcome.NOT_STARTED,
                        "-",
                        null,
                        List.of(),
                        "fix.apply.waitCancelled",
                        List.of(dir.resolve("backups").toString()));
            } finally {
                waiting = false;
            }
        }

        @Override
        public ApplyResult undoLive(Path backupFolder) {
            throw new UnsupportedOperationException();
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
