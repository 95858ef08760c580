package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code fix apply} process, stopped at a known place and sent a real SIGTERM (what Ctrl-C and a closed console
 * send) or SIGKILL: the store is byte for byte as before or wholly changed, never in between, the backup was named
 * before anything was written, and both the interrupted run (when it can) and the next one say what happened.
 */
@DisabledOnOs(OS.WINDOWS) // Process.destroy() is a hard kill on Windows; SIGTERM exists only here
class InterruptedApplyTest {

    private static final String CLIENT =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                    + "\\Protocols\\TLS 1.2\\Client";

    @TempDir
    Path dir;

    private Path export;
    private Path plan;
    private Path backups;
    private byte[] before;

    @BeforeEach
    void planOnAnExportWithTls12ClientOff() throws Exception {
        String text = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[" + CLIENT + "]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:00000000",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"",
                "\"CurrentBuild\"=\"17763\"",
                "",
                "");
        export = Files.write(dir.resolve("export.reg"), RegFileText.bytes(text));
        before = Files.readAllBytes(export);
        backups = dir.resolve("backups");
        plan = dir.resolve("plan.json");
        CliRunner planned = CliRunner.run(
                "", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString(), "--lang=en");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
    }

    private ChildProcess applyStoppedAt(String checkpoint) throws Exception {
        ChildProcess child = ChildProcess.start(
                dir,
                "apply",
                "pause-at:" + checkpoint,
                "fix",
                "apply",
                "--plan",
                plan.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                backups.toString(),
                "--lang=en");
        child.awaitCheckpoint(checkpoint);
        return child;
    }

    @Test
    void sigtermBeforeTheStoreIsReplacedLeavesItByteIdenticalAndSaysSoNowAndNextTime() throws Exception {
        ChildProcess child = applyStoppedAt(FixCheckpoint.BEFORE_COMMIT);
        Path backup = onlyBackup();
        assertThat(child.out())
                .as("the backup is named before the first write")
                .contains("Backup of the current values saved in " + backup);

        child.process().destroy(); // SIGTERM
        int code = child.awaitExit();

        assertThat(code).isNotZero();
        assertThat(Files.readAllBytes(export)).isEqualTo(before);
        assertThat(child.err()).contains("Interrupted before anything was written: " + export + " is as it was.");
        assertThat(child.out()).doesNotContain("Done:");
        CliRunner next = nextApply();
        assertThat(next.out())
                .contains("An earlier change to " + export)
                .contains("was interrupted before anything was written")
                .contains("Done: every value");
        assertThat(tls12Client()).isEqualTo(RegistryValue.dword(1));
    }

    @Test
    void sigkillBeforeTheStoreIsReplacedLeavesItByteIdenticalAndTheNextRunSaysSo() throws Exception {
        ChildProcess child = applyStoppedAt(FixCheckpoint.BEFORE_COMMIT);
        child.process().destroyForcibly(); // SIGKILL: no hook runs
        child.awaitExit();

        assertThat(Files.readAllBytes(export)).isEqualTo(before);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tlsdoctor-tmp"));
        }
        CliRunner next = nextApply();
        assertThat(next.out())
                .contains("An earlier change to " + export)
                .contains("was interrupted before anything was written")
                .contains("Done: every value");
    }

    @Test
    void sigkillAfterTheStoreIsReplacedLeavesTheWholeChangeAndTheNextRunSaysItIsComplete() throws Exception {
        ChildProcess child = applyStoppedAt(FixCheckpoint.AFTER_COMMIT);
        child.process().destroyForcibly();
        child.awaitExit();

        assertThat(tls12Client()).as("wholly applied").isEqualTo(RegistryValue.dword(1));
        assertThat(new RegFileSource(List.of(export)).collect().value(CLIENT, "DisabledByDefault"))
                .isEqualTo(RegistryValue.dword(0));
        Path backup = onlyBackup();
        CliRunner next = nextApply();
        assertThat(next.out())
                .contains("was interrupted after every value had been written: that change is complete")
                .contains("fix undo --backup " + backup)
                .contains("Nothing to do");

        CliRunner undone = CliRunner.run(
                "",
                "fix",
                "undo",
                "--backup",
                backup.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                backups.toString(),
                "--lang=en");
        assertThat(undone.exitCode()).as(undone.out() + undone.err()).isZero();
        assertThat(Files.readAllBytes(export)).as("undo gives back every byte").isEqualTo(before);
    }

    private CliRunner nextApply() {
        return CliRunner.run(
                "",
                "fix",
                "apply",
                "--plan",
                plan.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                backups.toString(),
                "--lang=en");
    }

    private RegistryValue tls12Client() throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        return snapshot.value(CLIENT, "Enabled");
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> folders = Files.list(backups)) {
            List<Path> all = folders.filter(p -> p.getFileName().toString().endsWith("-apply"))
                    .toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }
}
