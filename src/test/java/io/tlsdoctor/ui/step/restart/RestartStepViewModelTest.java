package io.tlsdoctor.ui.step.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.fix.RestartScheduler;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restart step without the toolkit: the settings read again off the UI thread and shown beside the old ones. */
class RestartStepViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final DiagnosisSession session = new DiagnosisSession();

    @Test
    void checkingAgainShowsBeforeAndAfterAndLocksTheWizardMeanwhile() throws Exception {
        RegistrySnapshot before = new RegFileSource(
                        List.of(Cases.regFile(Files.createDirectories(dir.resolve("before")), false, true)))
                .collect();
        RegistrySnapshot after = new RegFileSource(
                        List.of(Cases.regFile(Files.createDirectories(dir.resolve("after")), true, true)))
                .collect();
        session.recordRegistry(before, new RegistryEvaluator().evaluate(before), List.of());
        RestartStepViewModel step = step(() -> after);
        step.onEnter();

        step.checkAgain();
        assertThat(step.busyProperty().get()).isTrue();
        runner.runAll();

        assertThat(step.beforeAfterProperty().get())
                .isEqualTo("TLS 1.2 before: Client off, Server on. Now: Client on, Server on.");
        assertThat(step.busyProperty().get()).isFalse();
        assertThat(session.registryReportProperty().get().tls12().client()).isTrue();
    }

    @Test
    void aRegistryThatCannotBeReadAgainSaysWhichFileAndWhyNotItsMessageKey() throws Exception {
        Path export = Cases.regFile(Files.createDirectories(dir.resolve("before")), false, true);
        RegistrySnapshot before = new RegFileSource(List.of(export)).collect();
        session.recordRegistry(before, new RegistryEvaluator().evaluate(before), List.of());
        Path replaced = Files.createDirectory(dir.resolve("EX01.reg")); // the export, as it is by now
        RestartStepViewModel step = step(new RegFileSource(List.of(replaced)));
        step.onEnter();

        step.checkAgain();
        runner.runAll();

        assertThat(step.beforeAfterProperty().get())
                .isEqualTo("The file " + replaced + " could not be read because " + replaced
                        + " is a folder, not a file. Choose the file in it, then try again.");
    }

    @Test
    void aFailureThatIsABugPointsToTheLogAndTheSupportBundle() throws Exception {
        RegistrySnapshot before = new RegFileSource(
                        List.of(Cases.regFile(Files.createDirectories(dir.resolve("before")), false, true)))
                .collect();
        session.recordRegistry(before, new RegistryEvaluator().evaluate(before), List.of());
        RestartStepViewModel step = step(() -> {
            throw new IllegalStateException("snapshot index 3 out of bounds");
        });
        step.onEnter();

        step.checkAgain();
        runner.runAll();

        assertThat(step.beforeAfterProperty().get())
                .isEqualTo("The settings could not be read again for a reason TLS Doctor did not expect; the details"
                        + " are in the log. Try again, and if it happens again, save a support bundle (it holds the"
                        + " log) and attach it to your ticket.")
                .doesNotContain("out of bounds");
    }

    @Test
    void restartingLaterKeepsTheDiagnosisForAfterTheRestart() throws Exception {
        RestartStepViewModel step = step(() -> {
            throw new IllegalStateException("not read in this test");
        });
        step.later();
        assertThat(Files.exists(dir.resolve("resume.json")))
                .as("written off the UI thread")
                .isFalse();
        runner.runAll();

        assertThat(dir.resolve("resume.json")).exists();
        assertThat(step.statusProperty().get()).contains("remembers this diagnosis");
    }

    private RestartStepViewModel step(RegistrySource live) {
        RestartScheduler noRestarts = new RestartScheduler() {
            @Override
            public boolean available() {
                return false;
            }

            @Override
            public Result restartIn(int minutes, String comment) {
                return new Result(false, "not here");
            }

            @Override
            public Result cancel() {
                return new Result(false, "not here");
            }
        };
        RegistrySources sources = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.of(live);
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
        return new RestartStepViewModel(
                noRestarts,
                sources,
                runner,
                new I18n(Locale.ENGLISH),
                session,
                dir.resolve("resume.json"),
                Clock.systemUTC());
    }
}
