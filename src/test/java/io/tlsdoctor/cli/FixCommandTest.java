package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The fix as an admin drives it from a prompt: plan, review as .reg, rehearse on a copy, undo — and a crash. */
class FixCommandTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    @TempDir
    Path dir;

    private Path export;
    private Path backups;

    @BeforeEach
    void exportWithTls12ClientOff() throws Exception {
        String text = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                "",
                "[" + PROTOCOLS + "]",
                "",
                "[" + PROTOCOLS + "\\TLS 1.2\\Client]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:00000000",
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"",
                "\"CurrentBuild\"=\"17763\"",
                "",
                "");
        export = Files.write(dir.resolve("export.reg"), RegFileText.bytes(text));
        backups = dir.resolve("backups");
    }

    @Test
    void aPlanThatCannotBeReadOrWrittenSaysWhyAndWhatToDoNotTheExceptionsText() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("plan.json"));
        CliRunner read = CliRunner.run(
                "", "fix", "apply", "--plan", folder.toString(), "--store", export.toString(), "--lang=en");
        CliRunner readSv = CliRunner.run(
                "", "fix", "apply", "--plan", folder.toString(), "--store", export.toString(), "--lang=sv");

        assertThat(read.exitCode()).isNotZero();
        assertThat(read.err())
                .contains("Nothing was changed: the plan file '" + folder + "' could not be read because " + folder
                        + " is a folder, not a file. Choose the file in it, then try again.")
                .doesNotContain("is not a TLS Doctor plan")
                .doesNotContain("Is a directory");
        assertThat(readSv.err())
                .contains("Ingenting ändrades: planfilen '" + folder + "' kunde inte läsas eftersom " + folder
                        + " är en mapp, inte en fil.");

        Path notAFolder = Files.writeString(dir.resolve("plans"), "a file where the folder belongs");
        CliRunner written = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                export.toString(),
                "--out",
                notAFolder.resolve("plan.json").toString(),
                "--lang=en");

        assertThat(written.exitCode()).isNotZero();
        assertThat(written.err())
                .contains("Could not write " + notAFolder.resolve("plan.json") + " because " + notAFolder
                        + " is a file, not a folder. Move or rename that file, then try again.")
                .doesNotContain("Not a directory")
                .doesNotContain("Exception");
    }

    @Test
    void planExportRehearseAndUndo() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner planned = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                export.toString(),
                "--direction",
                "outbound",
                "--out",
                plan.toString(),
                "--lang=en");
        assertThat(planned.exitCode()).as(planned.err()).isZero();
        assertThat(planned.out())
                .contains("Plan: enable TLS 1.2")
                .contains("TLS 1.2\\Client\\Enabled")
                .contains("REG_DWORD 0x00000000 (0)  ->  REG_DWORD 0x00000001 (1)");
        assertThat(FixPlan.load(plan).schema()).isEqualTo("tlsdoctor.fix-plan/1");

        Path fixReg = dir.resolve("fix.reg");
        assertThat(CliRunner.run("", "fix", "export-reg", "--plan", plan.toString(), "--out", fixReg.toString())
                        .exitCode())
                .isZero();
        byte[] reg = Files.readAllBytes(fixReg);
        assertThat(reg[0]).isEqualTo((byte) 0xFF);
        assertThat(reg[1]).isEqualTo((byte) 0xFE);
        assertThat(new String(reg, 2, reg.length - 2, StandardCharsets.UTF_16LE))
                .startsWith("Windows Registry Editor Version 5.00\r\n")
                .contains("\"Enabled\"=dword:00000001\r\n");
        RegistryReport withFix = new RegistryEvaluator().evaluate(new RegFileSource(List.of(export, fixReg)).collect());
        assertThat(withFix.tls12().client()).isTrue();

        byte[] before = Files.readAllBytes(export);
        CliRunner dryRun =
                CliRunner.run("", "fix", "apply", "--plan", plan.toString(), "--store", export.toString(), "--lang=en");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("Nothing was changed. Add --yes");
        assertThat(Files.readAllBytes(export)).isEqualTo(before);

        CliRunner applied = CliRunner.run(
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
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        assertThat(applied.out()).contains("[written]").contains("Done: every value");
        assertThat(new RegistryEvaluator()
                        .evaluate(new RegFileSource(List.of(export)).collect())
                        .tls12()
                        .client())
                .isTrue();

        CliRunner again = CliRunner.run(
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
        assertThat(again.out()).contains("Nothing to do");

        Path backup = onlyBackup();
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
        assertThat(undone.exitCode()).as(undone.out()).isZero();
        RegistrySnapshot restored = new RegFileSource(List.of(export)).collect();
        assertThat(restored.value(PROTOCOLS + "\\TLS 1.2\\Client", "Enabled")).isEqualTo(RegistryValue.dword(0));
        assertThat(restored.value(PROTOCOLS + "\\TLS 1.2\\Server", "Enabled"))
                .as("absent before: deleted again")
                .isNull();
    }

    @Test
    void aBackupsFolderThatCannotBeWrittenIsNamedWithTheWayOutNotAnException() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                export.toString(),
                "--direction",
                "outbound",
                "--out",
                plan.toString());
        Path aFile = Files.writeString(dir.resolve("backups"), "not a folder");
        byte[] before = Files.readAllBytes(export);
        for (String lang : List.of("en", "sv")) {
            CliRunner refused = CliRunner.run(
                    "",
                    "fix",
                    "apply",
                    "--plan",
                    plan.toString(),
                    "--store",
                    export.toString(),
                    "--yes",
                    "--backups",
                    aFile.toString(),
                    "--lang=" + lang);
            String shown = refused.out() + refused.err();
            assertThat(refused.exitCode()).as(shown).isNotZero();
            assertThat(shown)
                    .contains(aFile.toString())
                    .doesNotContain("java.")
                    .doesNotContain("Exception")
                    .contains(
                            lang.equals("en")
                                    ? "is a file, not a folder. Move or rename that file"
                                    : "är en fil, inte en mapp. Flytta");
        }
        assertThat(Files.readAllBytes(export)).isEqualTo(before);
    }

    @Test
    void plansOutsideTheAllowListOrWithBadValuesAreRefused() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner.run("", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString());
        String good = Files.readString(plan);

        Path elsewhere = Files.writeString(
                dir.resolve("elsewhere.json"),
                good.replaceFirst(
                        "SCHANNEL\\\\\\\\Protocols\\\\\\\\TLS 1.2", "Services\\\\\\\\Tcpip\\\\\\\\Parameters"));
        assertThatThrownBy(() -> FixPlan.load(elsewhere))
                .isInstanceOf(FixPlanException.class)
                .extracting("messageKey")
                .isEqualTo("fix.error.notAllowed");
        CliRunner refused = CliRunner.run(
                "", "fix", "apply", "--plan", elsewhere.toString(), "--store", export.toString(), "--yes", "--lang=en");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("which TLS Doctor never changes");

        Path two = Files.writeString(dir.resolve("two.json"), good.replaceFirst("\"number\" : 1", "\"number\" : 2"));
        assertThatThrownBy(() -> FixPlan.load(two)).extracting("messageKey").isEqualTo("fix.error.badValue");
        Path text = Files.writeString(
                dir.resolve("text.json"),
                good.replaceFirst(
                        "\"type\" : \"REG_DWORD\",\\s*\"number\" : 1", "\"type\" : \"REG_SZ\", \"text\" : \"1\""));
        assertThatThrownBy(() -> FixPlan.load(text)).extracting("messageKey").isEqualTo("fix.error.notDword");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{ not json");
        assertThatThrownBy(() -> FixPlan.load(broken)).extracting("messageKey").isEqualTo("fix.error.planMalformed");
        assertThat(CliRunner.run(
                                "",
                                "fix",
                                "apply",
                                "--plan",
                                dir.resolve("none.json").toString(),
                                "--store",
                                export.toString())
                        .err())
                .contains("There is no plan file");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theLiveRegistryAndRestartAreWindowsOnlyAndSaySo() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner.run("", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString());
        CliRunner live = CliRunner.run("", "fix", "apply", "--plan", plan.toString(), "--yes", "--lang=en");
        assertThat(live.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(live.err()).contains("--store export.reg");
        CliRunner restart = CliRunner.run("", "restart", "--in", "5", "--lang=en");
        assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(restart.err()).contains("works only there");
    }

    /** Kill -9 during an apply: the store holds part of the change, and undo from the backup on disk restores it. */
    @Test
    void killedDuringAnApplyIsRestoredByUndo() throws Exception {
        Path plan = dir.resolve("plan.json");
        CliRunner.run("", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString());
        RegistrySnapshot original = new RegFileSource(List.of(export)).collect();
        byte[] before = Files.readAllBytes(export);

        // stopped for 3 s at each checkpoint of the apply by the test-only entry point (the product has no such pause)
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                InterruptibleMain.class.getName(),
                "slow:3000",
                dir.resolve("checkpoints.txt").toString(),
                "fix",
                "apply",
                "--plan",
                plan.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                backups.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (java.util.Arrays.equals(Files.readAllBytes(export), before)) {
                assertThat(process.isAlive())
                        .as("the child ended before its first write: " + Files.readString(dir.resolve("child.log")))
                        .isTrue();
                assertThat(System.nanoTime()).as("no write within 60 s").isLessThan(deadline);
                Thread.sleep(20);
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        RegistryReport halfway = new RegistryEvaluator().evaluate(new RegFileSource(List.of(export)).collect());
        assertThat(halfway).isNotNull(); // the store is still a valid .reg file after the kill

        Path backup = onlyBackup();
        assertThat(Backup.load(backup).entries()).isNotEmpty();
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
        assertThat(undone.exitCode()).as(undone.out()).isZero();
        RegistrySnapshot restored = new RegFileSource(List.of(export)).collect();
        for (Backup.Entry entry : Backup.load(backup).entries()) {
            assertThat(restored.value(
                            entry.location().keyPath(), entry.location().name()))
                    .as(entry.location().toString())
                    .isEqualTo(original.value(
                            entry.location().keyPath(), entry.location().name()));
        }
    }

    private Path onlyBackup() throws Exception {
        try (Stream<Path> folders = Files.list(backups)) {
            List<Path> all = folders.filter(p -> p.getFileName().toString().endsWith("-apply"))
                    .sorted()
                    .toList();
            assertThat(all).isNotEmpty();
            return all.get(0);
        }
    }
}
