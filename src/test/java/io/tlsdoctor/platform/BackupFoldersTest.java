package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.AuditTrail;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a change's backup goes, one decision for the wizard ({@link PlatformFixRunner}) and {@code fix apply/undo}
 * (FixChange): live changes in the machine-wide folder, where the elevated helper and a later undo look; rehearsals
 * on .reg copies in the user's own.
 */
class BackupFoldersTest {

    @TempDir
    Path dir;

    @Test
    void thisMachineKeepsLiveBackupsMachineWideAndRehearsalsWithTheUser() {
        BackupFolders folders = BackupFolders.forThisMachine();
        assertThat(folders.forStore(null)).isEqualTo(DataFolders.backups()).startsWithRaw(DataFolders.root());
        assertThat(folders.forStore(Path.of("copy.reg")))
                .isEqualTo(DataFolders.rehearsalBackups())
                .startsWithRaw(DataFolders.userRoot());
    }

    @Test
    void theWizardsRunnerBacksARehearsalUpInTheRehearsalFolderAndNamesTheLiveOneForUndo() throws Exception {
        Path live = Files.createDirectories(dir.resolve("machine"));
        Path rehearsal = Files.createDirectories(dir.resolve("user"));
        Path copy = Cases.regFile(dir, false, true);
        RegistrySnapshot snapshot = new RegFileSource(List.of(copy)).collect();
        FixPlan plan = new FixPlanner(Clock.systemUTC())
                .plan(
                        snapshot,
                        new RegistryEvaluator().evaluate(snapshot),
                        Direction.ONPREM_TO_EXO,
                        FixPlan.Kind.ENABLE_TLS12);
        PlatformFixRunner runner =
                new PlatformFixRunner(new BackupFolders(live, rehearsal), Clock.systemUTC(), AuditTrail.NONE);

        ApplyResult result = runner.applyToFile(plan, copy);

        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(runner.liveBackupsFolder()).isEqualTo(live);
        try (Stream<Path> inLive = Files.list(live);
                Stream<Path> inRehearsal = Files.list(rehearsal)) {
            assertThat(inLive).as("a rehearsal is no change of this machine").isEmpty();
            assertThat(inRehearsal).hasSize(1);
        }
    }
}
