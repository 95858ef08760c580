package io.tlsdoctor.ui.step.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.ui.common.DirectTaskRunner;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Fix step without the toolkit: a rehearsal runs off the UI thread on a copy, and can be undone. */
class FixStepViewModelTest {

    @TempDir
    Path dir;

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final DiagnosisSession session = new DiagnosisSession();

    @Test
    void aRehearsalChangesACopyLocksTheWizardMeanwhileAndCanBeUndone() throws Exception {
        Path export = Cases.regFile(dir, false, true);
        byte[] original = Files.readAllBytes(export);
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of(export));
        FixStepViewModel step = new FixStepViewModel(
                PlatformServices.withBackupsIn(dir.resolve("backups")).fixRunner(),
                PlatformServices.withBackupsIn(dir.resolve("backups")).registrySources(),
                runner,
                new I18n(Locale.ENGLISH),
                session,
                Clock.systemUTC());
        step.onEnter();
        assertThat(step.rows()).hasSizeGreaterThanOrEqualTo(2);

        step.rehearse();
        assertThat(step.busyProperty().get())
                .as("navigation locked while writing")
                .isTrue();
        runner.runAll();

        assertThat(step.busyProperty().get()).isFalse();
        assertThat(step.outcomeProperty().get())
                .startsWith("Rehearsed on a copy")
                .contains("Nothing on the server changed");
        Path copy = step.rehearsalFileProperty().get();
        assertThat(new RegistryEvaluator()
                        .evaluate(new RegFileSource(List.of(copy)).collect())
                        .tls12()
                        .client())
                .isTrue();
        assertThat(Files.readAllBytes(export))
                .as("the export itself is untouched")
                .isEqualTo(original);
        assertThat(session.lastChangeProperty().get())
                .as("a rehearsal is never a change to the server")
                .isNull();
        assertThat(session.lastRehearsal()).as("it is kept as a rehearsal").isNotNull();

        step.undo();
        runner.runAll();
        assertThat(new RegistryEvaluator()
                        .evaluate(new RegFileSource(List.of(copy)).collect())
                        .tls12()
                        .client())
                .isFalse();
    }

    @Test
    void theStepNamesTheFullBackupAndTheAuditRecordInTheUsersLanguage() throws Exception {
        Path export = Cases.regFile(dir, false, true);
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of(export));
        FixStepViewModel step = new FixStepViewModel(
                PlatformServices.withBackupsIn(dir.resolve("backups")).fixRunner(),
                PlatformServices.withBackupsIn(dir.resolve("backups")).registrySources(),
                runner,
                new I18n(Locale.forLanguageTag("sv")),
                session,
                Clock.systemUTC());
        step.onEnter();
        step.rehearse();
        runner.runAll();

        Path full;
        try (java.util.stream.Stream<Path> folders = Files.list(dir.resolve("backups"))) {
            full = folders.filter(Files::isDirectory).findFirst().orElseThrow().resolve("full-backup.reg");
        }
        assertThat(full).exists();
        assertThat(step.outcomeProperty().get())
                .contains("Full säkerhetskopia av kopian som den var före ändringen: " + full)
                .contains("Registrerat i granskningsfilen");
    }

    @Test
    void aBackupThatCannotBeSavedIsToldInTheUsersLanguageWithThePathAndTheWayOut() throws Exception {
        Path export = Cases.regFile(dir, false, true);
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        session.recordRegistry(snapshot, new RegistryEvaluator().evaluate(snapshot), List.of(export));
        Path notAFolder = Files.writeString(dir.resolve("backups"), "a file where the backups folder belongs");
        FixStepViewModel step = new FixStepViewModel(
                PlatformServices.withBackupsIn(notAFolder).fixRunner(),
                PlatformServices.withBackupsIn(notAFolder).registrySources(),
                runner,
                new I18n(Locale.forLanguageTag("sv")),
                session,
                Clock.systemUTC());
        step.onEnter();
        step.rehearse();
        runner.runAll();

        assertThat(step.outcomeProperty().get())
                .contains("Ingenting ändrades")
                .contains("eftersom " + notAFolder + " är en fil, inte en mapp. Flytta eller byt namn på filen")
                .doesNotContain("java.")
                .doesNotContain("Exception");
    }
}
