package io.tlsdoctor.ui.step.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: the wait for the elevated helper (the UAC prompt, then the helper) can be stopped from the Fix step. The
 * helper is not stopped, so the step says so, reads the registry again and shows what it holds, and claims no change
 * it did not see finish. Here the "live registry" is a .reg file that the fake helper changes when the test says.
 */
class FixStepStopWaitingTest {

    @TempDir
    Path dir;

    private Path live;
    private final DiagnosisSession session = new DiagnosisSession();
    private final HelperOnAFile helper = new HelperOnAFile();

    @BeforeEach
    void liveRegistryWithTls12ClientOff() throws Exception {
        live = Cases.regFile(dir, false, true);
        RegistrySnapshot snapshot = new RegFileSource(List.of(live)).collect();
        session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of());
    }

    @Test
    void stoppingTheWaitSaysWhatItMeansAndShowsTheRegistryAsItIs() {
        DirectTaskRunner runner = DirectTaskRunner.held();
        FixStepViewModel step = step(runner);
        step.applyLive();
        assertThat(step.waitingProperty().get()).as("Stop waiting offered").isTrue();
        assertThat(step.waitNoteProperty().get())
                .contains("Windows asks for administrator rights")
                .contains("Stop waiting does not stop either");

        step.stopWaiting();
        runner.runAll();

        assertThat(step.waitingProperty().get()).isFalse();
        assertThat(step.busyProperty().get())
                .as("the wizard is not left locked")
                .isFalse();
        assertThat(step.waitNoteProperty().get())
                .startsWith("You stopped waiting.")
                .contains("answering Yes there still makes the change");
        assertThat(step.outcomeProperty().get()).startsWith("The registry holds none of the 10 planned values");
        assertThat(step.resultLines())
                .hasSize(10)
                .allSatisfy(line -> assertThat(line).startsWith("[now] "));
        assertThat(step.stoppedWaitingProperty().get())
                .as("Read the registry again offered")
                .isTrue();
        assertThat(session.changes()).as("no change claimed").isEmpty();
        assertThat(session.lastChangeProperty().get()).isNull();
        assertThat(step.canUndoProperty().get()).as("nothing seen to undo").isFalse();
    }

    @Test
    void aHelperThatFinishesAfterTheWaitWasStoppedIsShownByTheRegistryNotClaimedAsAChange() throws Exception {
        DirectTaskRunner runner = DirectTaskRunner.held();
        FixStepViewModel step = step(runner);
        FixPlan plan = step.planProperty().get();
        step.applyLive();
        step.stopWaiting();
        helper.finish(plan); // the user had answered Yes: the helper writes after TLS Doctor stopped waiting
        runner.runAll();

        assertThat(step.outcomeProperty().get())
                .startsWith("The registry now holds all 10 planned values.")
                .contains("did not see the change finish")
                .contains(dir.resolve("backups").toString());
        assertThat(session.changes())
                .as("a change not seen to finish is not listed as made here")
                .isEmpty();
        assertThat(session.registryReportProperty().get().tls12().client())
                .as("the case holds the registry as it is now")
                .isTrue();
        step.onEnter();
        assertThat(step.summaryProperty().get())
                .as("planned again from what the registry holds")
                .startsWith("Nothing to change");

        helper.undo(plan);
        step.readRegistryAgain();
        runner.runAll();
        assertThat(step.outcomeProperty().get())
                .as("read again: the true state, whatever it is now")
                .startsWith("The registry holds none of the");
    }

    @Test
    void aRegistryThatCannotBeReadAgainSaysWhichFileAndWhatToDoNotTheExceptionsText() throws Exception {
        DirectTaskRunner runner = DirectTaskRunner.held();
        FixStepViewModel step = step(runner);
        step.applyLive();
        step.stopWaiting();
        runner.runAll();
        java.nio.file.Files.delete(live);
        java.nio.file.Files.createDirectory(live); // what stands there now cannot be read as the registry

        step.readRegistryAgain();
        runner.runAll();

        assertThat(step.progressProperty().get())
                .startsWith("The file " + live + " could not be read because " + live + " is a folder, not a file.")
                .endsWith("Look at the values with regedit before anything else.")
                .doesNotContain("Exception")
                .doesNotContain("java.")
                .doesNotContain("registry.file")
                .doesNotContain("Is a directory");
    }

    @Test
    void aResultThatArrivedBeforeTheStopIsShownAsTheChangeItWas() throws Exception {
        DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
        FixStepViewModel step = step(runner);
        helper.finishWhenRun = true;
        step.applyLive();
        step.stopWaiting(); // too late: the helper had ended and its result was on its way
        runner.runAll();

        assertThat(step.outcomeProperty().get()).doesNotStartWith("The registry");
        assertThat(session.changes()).hasSize(1);
        assertThat(step.waitingProperty().get()).isFalse();
        assertThat(step.stoppedWaitingProperty().get()).isFalse();
    }

    @Test
    void anInterruptedWaitReportedAsAResultIsAStoppedWaitToo() {
        DirectTaskRunner runner = DirectTaskRunner.immediate();
        helper.reportWaitCancelled = true;
        FixStepViewModel step = step(runner);
        step.applyLive();

        assertThat(step.waitNoteProperty().get()).startsWith("You stopped waiting.");
        assertThat(step.outcomeProperty().get()).startsWith("The registry holds none of the 10 planned values");
        assertThat(session.changes()).isEmpty();
    }

    @Test
    void stoppingTheWaitForAnUndoComparesTheOtherWay() throws Exception {
        DirectTaskRunner runner = DirectTaskRunner.held();
        helper.finishWhenRun = true;
        FixStepViewModel step = step(runner);
        FixPlan plan = step.planProperty().get();
        step.applyLive();
        runner.runAll();
        assertThat(step.canUndoProperty().get()).isTrue();

        step.undo();
        assertThat(step.waitingProperty().get()).isTrue();
        step.stopWaiting();
        runner.runAll();

        assertThat(step.outcomeProperty().get())
                .startsWith("All 10 values the fix set are still set: the undo has not happened so far.");
        assertThat(session.changes()).as("only the apply that was seen").hasSize(1);
        assertThat(plan.changes()).hasSize(10);
    }

    private FixStepViewModel step(DirectTaskRunner runner) {
        FixStepViewModel step = new FixStepViewModel(
                helper, new LiveIsAFile(), runner, new I18n(Locale.ENGLISH), session, Clock.systemUTC());
        step.onEnter();
        return step;
    }

    /** The live registry of these tests: the .reg file the fake helper writes. */
    private final class LiveIsAFile implements RegistrySources {
        @Override
        public Optional<RegistrySource> live() {
            return Optional.of(new RegFileSource(List.of(live)));
        }

        @Override
        public RegistrySource fromFiles(List<Path> files) {
            return new RegFileSource(files);
        }
    }

    /** An elevated helper that changes the file only when told (the user's Yes to UAC, at a time of their choosing). */
    private final class HelperOnAFile implements FixRunner {
        boolean finishWhenRun;
        boolean reportWaitCancelled;

        void finish(FixPlan plan) throws Exception {
            new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(live), dir.resolve("backups"));
        }

        void undo(FixPlan plan) throws Exception {
            java.nio.file.Files.write(
                    live,
                    java.nio.file.Files.readAllBytes(
                            Cases.regFile(java.nio.file.Files.createTempDirectory(dir, "orig"), false, true)));
        }

        @Override
        public boolean liveAvailable() {
            return true;
        }

        @Override
        public ApplyResult applyLive(FixPlan plan) throws RuntimeException {
            if (reportWaitCancelled) {
                return new ApplyResult(
                        ApplyResult.Outcome.NOT_STARTED,
                        "-",
                        null,
                        List.of(),
                        "fix.apply.waitCancelled",
                        List.of(dir.resolve("backups").toString()));
            }
            try {
                return new FixEngine(Clock.systemUTC())
                        .apply(plan, RegFileRegistryStore.open(live), dir.resolve("backups"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public ApplyResult undoLive(Path backupFolder) {
            throw new IllegalStateException("the undo's wait is stopped before it runs");
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
