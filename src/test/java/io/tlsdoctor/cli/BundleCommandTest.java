package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.platform.LogFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlsdoctor bundle [--redact] [--force] [--case summary.json] OUT.zip}, with this user's folders moved into a
 * temporary home (the log is the one the command line itself writes).
 */
class BundleCommandTest {

    @TempDir
    Path home;

    private String realHome;

    @BeforeEach
    void moveHome() {
        assumeTrue(
                System.getenv("XDG_STATE_HOME") == null
                        && System.getenv("XDG_DATA_HOME") == null
                        && !System.getProperty("os.name").startsWith("Windows"),
                "the folders follow user.home");
        realHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
    }

    @AfterEach
    void restoreHome() {
        LogFiles.stop();
        if (realHome != null) {
            System.setProperty("user.home", realHome);
        }
    }

    @Test
    void theBundleHoldsTheCommandLinesOwnLogTheCaseAndTheBackupsAndRedactsThemAllOnRequest() throws Exception {
        LogFiles.start(LogFiles.Writer.CLI);
        EventLog.of(BundleCommandTest.class).info("probing mail.fabrikam.com:25 at 192.0.2.45");
        Path backup = Files.createDirectories(home.resolve(".local/share/tlsdoctor/backups/20261203-1100-apply"));
        Files.writeString(backup.resolve("backup.json"), "{\"store\":\"EX01.fabrikam.com\"}");
        Path summary = diagnoseTo(home.resolve("case.json"));
        Path out = home.resolve("support.zip");

        CliRunner result = CliRunner.run("", "bundle", "--redact", "--case", summary.toString(), out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Saved the redacted support bundle", "support.zip");
        Map<String, String> zip = read(out);
        assertThat(zip)
                .containsKeys(
                        "manifest.txt",
                        "case/summary.json",
                        "logs/user/cli.0.log",
                        "backups/machine/20261203-1100-apply/backup.json");
        assertThat(zip.get("logs/user/cli.0.log"))
                .contains("command: tlsdoctor bundle --redact", "probing ")
                .doesNotContain("fabrikam")
                .doesNotContain("192.0.2.45");
        assertThat(zip.get("backups/machine/20261203-1100-apply/backup.json")).doesNotContain("fabrikam");
        assertThat(zip.get("case/summary.json")).doesNotContainIgnoringCase("contoso");
        assertThat(zip.get("manifest.txt"))
                .contains("redacted: yes", "logs/machine/")
                .doesNotContain(".lck");
    }

    @Test
    void anExistingBundleIsReplacedOnlyWithForce() throws Exception {
        Path out = Files.writeString(home.resolve("support.zip"), "older bundle");

        CliRunner refused = CliRunner.run("", "bundle", out.toString());

        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err())
                .contains(out.toString(), "already exists", "--force")
                .doesNotContain("\tat ");
        assertThat(Files.readString(out)).isEqualTo("older bundle");

        CliRunner forced = CliRunner.run("", "bundle", "--force", out.toString());

        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Saved the support bundle", "--redact");
        assertThat(read(out)).containsKey("manifest.txt");
    }

    @Test
    void withoutLogsOrBackupsTheBundleStillSaysWhatWasLookedFor() throws Exception {
        Path out = home.resolve("empty.zip");

        CliRunner result = CliRunner.run("", "bundle", "--lang", "sv", out.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Sparade supportpaketet");
        assertThat(read(out).get("manifest.txt")).contains("logs/user/ <- ", ": missing", "case: none");
    }

    @Test
    void aTargetThatCannotBeWrittenIsAClearMessageNotAStackTrace() {
        Path out = home.resolve("no/such/folder/support.zip");

        CliRunner result = CliRunner.run("", "bundle", out.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains(out.toString(), "does not exist", "choose another folder")
                .doesNotContain("Exception");
    }

    @Test
    void aNameThatIsNotAZipIsRefusedBeforeAnythingIsRead() {
        CliRunner result =
                CliRunner.run("", "bundle", home.resolve("support.txt").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("support.txt", ".zip");
    }

    private Path diagnoseTo(Path json) throws Exception {
        Path evidence = home.resolve("queue.txt");
        try (var in =
                getClass().getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt")) {
            Files.write(evidence, in.readAllBytes());
        }
        CliRunner diagnose = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                evidence.toString(),
                "--reg-file",
                Cases.regFile(home, false, true).toString(),
                "--out",
                json.toString());
        assertThat(diagnose.exitCode()).as(diagnose.err()).isZero();
        return json;
    }

    private static Map<String, String> read(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
