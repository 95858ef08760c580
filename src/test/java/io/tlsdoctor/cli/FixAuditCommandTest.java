package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.platform.audit.AuditTrails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fix apply --yes} says where the full backup is and how to import it, and records who asked in the audit trail. */
class FixAuditCommandTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    @TempDir
    Path dir;

    private String appliedOut;

    private Path rehearse(String language, String... extra) throws Exception {
        String text = String.join(
                "\r\n",
                "Windows Registry Editor Version 5.00",
                "",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
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
        Path export = Files.write(dir.resolve(language + "-export.reg"), RegFileText.bytes(text));
        Path plan = dir.resolve(language + "-plan.json");
        assertThat(CliRunner.run(
                                "",
                                "fix",
                                "plan",
                                "--reg-file",
                                export.toString(),
                                "--direction",
                                "outbound",
                                "--out",
                                plan.toString())
                        .exitCode())
                .isZero();
        List<String> args = new ArrayList<>(List.of(
                "fix",
                "apply",
                "--plan",
                plan.toString(),
                "--store",
                export.toString(),
                "--yes",
                "--backups",
                dir.resolve(language + "-backups").toString(),
                "--lang=" + language));
        args.addAll(List.of(extra));
        CliRunner applied = CliRunner.run("", args.toArray(new String[0]));
        assertThat(applied.exitCode()).as(applied.out() + applied.err()).isZero();
        appliedOut = applied.out();
        return export;
    }

    private Path onlyBackup(String language) throws Exception {
        try (Stream<Path> folders = Files.list(dir.resolve(language + "-backups"))) {
            return folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    @Test
    void applySaysWhereTheFullBackupIsAndThatTheChangeWasRecordedWithWhoAsked() throws Exception {
        String auditFile = System.getProperty(AuditTrails.FILE_PROPERTY);
        assertThat(auditFile)
                .as("the test build keeps audit entries in target/, see pom.xml")
                .isNotBlank();
        rehearse("en", "--requested-by", "CONTOSO\\helpdesk1", "--via", "WIZARD");
        Path full = onlyBackup("en").resolve(Backup.FULL_BACKUP);
        assertThat(appliedOut)
                .contains("Full backup of the copy as it was before the change: " + full + ".")
                .contains("full-backup.reg there holds the whole SCHANNEL key")
                .contains("Recorded in the audit file " + auditFile + ".");
        CliRunner shown = CliRunner.run(
                "",
                "fix",
                "undo",
                "--backup",
                onlyBackup("en").toString(),
                "--store",
                dir.resolve("en-export.reg").toString(),
                "--backups",
                dir.resolve("en-undo").toString(),
                "--yes",
                "--lang=en");
        assertThat(shown.exitCode()).as(shown.out()).isZero();
        assertThat(shown.out()).contains("Recorded in the audit file " + auditFile + ".");

        JsonNode entry = entryFor(auditFile, onlyBackup("en"));
        assertThat(entry.get("requestedBy").asText()).isEqualTo("CONTOSO\\helpdesk1");
        assertThat(entry.get("via").asText()).isEqualTo("WIZARD");
        assertThat(entry.get("fullBackup").asText()).isEqualTo(full.toString());
        assertThat(entry.get("planDigest").asText()).matches("[0-9a-f]{64}");
        assertThat(full).exists();
    }

    @Test
    void theFullBackupLineIsInSwedishToo() throws Exception {
        Path export = rehearse("en");
        CliRunner again = CliRunner.run(
                "",
                "fix",
                "undo",
                "--backup",
                onlyBackup("en").toString(),
                "--store",
                export.toString(),
                "--backups",
                dir.resolve("sv-undo").toString(),
                "--yes",
                "--lang=sv");
        Path undoBackup;
        try (Stream<Path> folders = Files.list(dir.resolve("sv-undo"))) {
            undoBackup = folders.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        assertThat(again.out())
                .contains("Full säkerhetskopia av kopian som den var före ändringen: "
                        + undoBackup.resolve(Backup.FULL_BACKUP))
                .contains("Registrerat i granskningsfilen");
    }

    private static JsonNode entryFor(String auditFile, Path backupFolder) throws Exception {
        for (String line : Files.readAllLines(Path.of(auditFile))) {
            JsonNode entry = Json.mapper().readTree(line);
            if (backupFolder.toString().equals(entry.path("backupFolder").asText())) {
                return entry;
            }
        }
        throw new AssertionError("no audit entry for " + backupFolder + " in " + auditFile);
    }
}
