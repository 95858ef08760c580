package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo knows its store by what it is, not by how its path was typed; and no command writes over its own input or an
 * existing file without being told to.
 */
class FixStoreIdentityAndOutputsTest {

    private static final String CLIENT =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL"
                    + "\\Protocols\\TLS 1.2\\Client";

    @TempDir
    Path dir;

    private Path backups;

    @BeforeEach
    void folders() {
        backups = dir.resolve("backups");
    }

    private Path export(Path folder, String client) throws Exception {
        Files.createDirectories(folder);
        String text = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[" + CLIENT + "]",
                "\"DisabledByDefault\"=dword:00000001",
                "\"Enabled\"=dword:" + client,
                "",
                "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                "\"ProductName\"=\"Windows Server 2019 Standard\"",
                "\"CurrentBuild\"=\"17763\"",
                "",
                "");
        return Files.write(folder.resolve("export.reg"), RegFileText.bytes(text));
    }

    private Path applied(Path export) throws Exception {
        Path plan = dir.resolve("plan-" + export.getParent().getFileName() + ".json");
        assertThat(CliRunner.run(
                                "", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString(), "--force")
                        .exitCode())
                .isZero();
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
        try (Stream<Path> folders = Files.list(backups)) {
            return folders.filter(p -> p.getFileName().toString().endsWith("-apply"))
                    .sorted()
                    .reduce((a, b) -> b)
                    .orElseThrow();
        }
    }

    private CliRunner undo(Path backup, String store) {
        return CliRunner.run(
                "",
                "fix",
                "undo",
                "--backup",
                backup.toString(),
                "--store",
                store,
                "--yes",
                "--backups",
                backups.toString(),
                "--lang=en");
    }

    @Test
    void aBackupOfOneServersExportIsNeverRestoredOntoAnothers() throws Exception {
        Path srvA = export(dir.resolve("srvA"), "00000000");
        Path srvB = export(dir.resolve("srvB"), "00000001"); // srvB has TLS 1.2 Client on
        Path backup = applied(srvA);
        byte[] srvBBefore = Files.readAllBytes(srvB);

        CliRunner refused = undo(backup, srvB.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.out() + refused.err())
                .contains("This backup was taken of " + srvA)
                .contains("not of " + srvB);
        assertThat(Files.readAllBytes(srvB))
                .as("srvB's TLS 1.2 Client stays on")
                .isEqualTo(srvBBefore);
    }

    @Test
    void anotherServersExportCopiedOverTheSamePathIsRecognisedByItsContent() throws Exception {
        Path srvA = export(dir.resolve("srvA"), "00000000");
        Path backup = applied(srvA);
        // srvB's export, with a value the change never set, now lies where srvA's was
        String other = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[" + CLIENT + "]",
                "\"DisabledByDefault\"=dword:00000000",
                "\"Enabled\"=dword:ffffffff",
                "",
                "");
        Files.write(srvA, RegFileText.bytes(other));
        byte[] before = Files.readAllBytes(srvA);

        CliRunner refused = undo(backup, srvA.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.out())
                .contains("is not as this backup's change left it")
                .contains("The backup may be of another server");
        assertThat(Files.readAllBytes(srvA)).isEqualTo(before);
    }

    @Test
    void theRightFileIsAcceptedHoweverItsPathIsSpelt() throws Exception {
        Path srvA = export(dir.resolve("srvA"), "00000000");
        byte[] original = Files.readAllBytes(srvA);
        Path backup = applied(srvA);
        String relative =
                Path.of("").toAbsolutePath().relativize(srvA).toString(); // e.g. ../../tmp/junit…/srvA/export.reg
        String roundabout = dir.resolve("srvA")
                .resolve("..")
                .resolve("srvA")
                .resolve(".")
                .resolve("export.reg")
                .toString();
        Path link = Files.createSymbolicLink(dir.resolve("link.reg"), srvA);

        CliRunner viaRelative = undo(backup, relative);
        assertThat(viaRelative.exitCode())
                .as(viaRelative.out() + viaRelative.err())
                .isZero();
        assertThat(Files.readAllBytes(srvA)).as("every byte back").isEqualTo(original);

        Path again = applied(srvA);
        assertThat(undo(again, roundabout).exitCode()).isZero();
        Path third = applied(srvA);
        CliRunner viaLink = undo(third, link.toString());
        assertThat(viaLink.exitCode()).as(viaLink.out() + viaLink.err()).isZero();
        assertThat(new RegFileSource(List.of(srvA)).collect().value(CLIENT, "Enabled"))
                .isEqualTo(RegistryValue.dword(0));
    }

    @Test
    void theSummaryNeverReplacesTheEvidenceItWasMadeFrom() throws Exception {
        Path evidence = Files.writeString(
                dir.resolve("q.txt"),
                "451 4.4.0 Primary target IP address responded with: \"421 4.4.0 Unable to establish connection.\"");
        byte[] before = Files.readAllBytes(evidence);
        CliRunner refused = CliRunner.run(
                "",
                "diagnose",
                "--evidence",
                evidence.toString(),
                "--offline",
                "--out",
                evidence.toString(),
                "--lang=en");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains(evidence + " is also an input of this command");
        assertThat(Files.readAllBytes(evidence)).isEqualTo(before);

        CliRunner evenForced = CliRunner.run(
                "",
                "diagnose",
                "--evidence",
                evidence.toString(),
                "--offline",
                "--out",
                evidence.toString(),
                "--force",
                "--lang=en");
        assertThat(evenForced.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readAllBytes(evidence)).isEqualTo(before);
    }

    @Test
    void planAndExportRegRefuseToWriteOverTheirInputsOrAnExistingFile() throws Exception {
        Path export = export(dir.resolve("srvA"), "00000000");
        byte[] before = Files.readAllBytes(export);

        CliRunner overExport = CliRunner.run(
                "", "fix", "plan", "--reg-file", export.toString(), "--out", export.toString(), "--lang=en");
        assertThat(overExport.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(overExport.err()).contains("must end in .json");
        Path jsonExport = Files.copy(export, dir.resolve("export.json"));
        CliRunner overInput = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                jsonExport.toString(),
                "--out",
                jsonExport.toString(),
                "--force",
                "--lang=en");
        assertThat(overInput.err()).contains("is also an input of this command");
        assertThat(Files.readAllBytes(jsonExport)).isEqualTo(before);

        Path plan = dir.resolve("plan.json");
        assertThat(CliRunner.run("", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString())
                        .exitCode())
                .isZero();
        String firstPlan = Files.readString(plan);
        CliRunner again = CliRunner.run(
                "", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString(), "--lang=en");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains(plan + " already exists").contains("--force");
        assertThat(Files.readString(plan)).isEqualTo(firstPlan);
        assertThat(CliRunner.run(
                                "", "fix", "plan", "--reg-file", export.toString(), "--out", plan.toString(), "--force")
                        .exitCode())
                .isZero();

        // export-reg onto the export the plan was made from (the rehearsal store): refused even with --force
        CliRunner ontoStore = CliRunner.run(
                "", "fix", "export-reg", "--plan", plan.toString(), "--out", export.toString(), "--force", "--lang=en");
        assertThat(ontoStore.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(ontoStore.err()).contains("is also an input of this command");
        assertThat(Files.readAllBytes(export)).isEqualTo(before);
        CliRunner wrongName = CliRunner.run(
                "",
                "fix",
                "export-reg",
                "--plan",
                plan.toString(),
                "--out",
                dir.resolve("fix.txt").toString(),
                "--lang=en");
        assertThat(wrongName.err()).contains("must end in .reg");
        Path other = Files.writeString(dir.resolve("other.reg"), "someone's file", StandardCharsets.UTF_8);
        CliRunner existing = CliRunner.run(
                "", "fix", "export-reg", "--plan", plan.toString(), "--out", other.toString(), "--lang=en");
        assertThat(existing.err()).contains("already exists");
        assertThat(Files.readString(other)).isEqualTo("someone's file");
    }

    @Test
    void aValueDirectlyUnderARootKeyIsAClearMessageNotACrash() throws Exception {
        Path broken = Files.write(
                dir.resolve("root.reg"),
                RegFileText.bytes(String.join(
                        "\r\n",
                        "Windows Registry Editor Version 5.00",
                        "",
                        "[HKEY_LOCAL_MACHINE]",
                        "\"Enabled\"=dword:00000001",
                        "",
                        "")));
        CliRunner registry = CliRunner.run("", "registry", "--reg-file", broken.toString(), "--lang=en");
        assertThat(registry.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(registry.err())
                .contains("line 4")
                .contains("a value directly under [HKEY_LOCAL_MACHINE]")
                .doesNotContain("NullPointerException");
        CliRunner plan = CliRunner.run(
                "",
                "fix",
                "plan",
                "--reg-file",
                broken.toString(),
                "--out",
                dir.resolve("p.json").toString(),
                "--lang=en");
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plan.err()).contains("a value directly under [HKEY_LOCAL_MACHINE]");
    }
}
