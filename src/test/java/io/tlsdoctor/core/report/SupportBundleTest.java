package io.tlsdoctor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Save a support bundle": what is in the .zip, redaction inside it, and the ways saving it can fail. */
class SupportBundleTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    private static final String LOGGED = "2026-12-03T11:59:00.000Z INFO    wizard [worker] ProbeStepViewModel: "
            + "probing ex01.corp.contoso.com:25 (10.20.1.15) for CONTOSO\\jdoe\n";

    @TempDir
    Path dir;

    @Test
    void theBundleHoldsTheLogsTheBackupsTheCaseAndAManifestOfWhereEachCameFrom() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("wizard.0.log"), LOGGED);
        Path backups = Files.createDirectories(dir.resolve("backups/20261203-115900-apply"));
        Files.writeString(backups.resolve("backup.json"), "{\"store\":\"EX01\"}");
        Path resume = Files.writeString(dir.resolve("resume.json"), "{\"schema\":\"tlsdoctor.bookmark/1\"}");
        Path target = dir.resolve("support.zip");

        SupportBundle.Written written = new SupportBundle(CLOCK)
                .write(contents(logs, dir.resolve("backups"), summary(), resume), false, target, false);

        Map<String, String> zip = read(target);
        assertThat(zip.keySet())
                .containsExactly(
                        "manifest.txt",
                        "case/summary.json",
                        "logs/user/wizard.0.log",
                        "backups/machine/20261203-115900-apply/backup.json",
                        "case/resume.json");
        assertThat(written.entries()).containsExactlyElementsOf(zip.keySet());
        assertThat(zip.get("logs/user/wizard.0.log")).isEqualTo(LOGGED);
        assertThat(zip.get("case/summary.json")).contains("\"schema\"", "ex01.contoso.local");
        assertThat(zip.get("manifest.txt"))
                .contains(
                        "TLS Doctor support bundle",
                        "created: 2026-12-03T12:00:00Z",
                        "redacted: no",
                        "logs/user/ <- " + logs,
                        "wizard.0.log: " + LOGGED.getBytes(StandardCharsets.UTF_8).length + " bytes",
                        "case: case/summary.json");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".partial"));
        }
    }

    @Test
    void aRedactedBundleHidesTheServerNameAndAddressOfALoggedEventWithTheSummarysPlaceholders() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("wizard.0.log"), LOGGED);
        Path target = dir.resolve("redacted.zip");

        new SupportBundle(CLOCK)
                .write(
                        contents(logs, dir.resolve("none"), summary(), dir.resolve("no-resume.json")),
                        true,
                        target,
                        false);

        Map<String, String> zip = read(target);
        String log = zip.get("logs/user/wizard.0.log");
        assertThat(log)
                .contains("ProbeStepViewModel: probing ", ":25 (")
                .doesNotContainIgnoringCase("contoso")
                .doesNotContain("10.20.1.15")
                .doesNotContain("jdoe");
        // the same host is the same placeholder in the log and in the case's summary
        String placeholder = log.replaceAll("(?s).*probing (\\S+):25.*", "$1");
        assertThat(placeholder).matches("(host|domain)-\\d+(\\.(host|domain)-\\d+)*");
        assertThat(zip.get("case/summary.json"))
                .contains(placeholder)
                .doesNotContainIgnoringCase("contoso")
                .contains("\"redacted\" : true");
        assertThat(zip.get("manifest.txt"))
                .contains("redacted: yes")
                .doesNotContain(dir.toString().contains("contoso") ? "contoso" : "\u0000");
    }

    @Test
    void withoutACaseTheLogsOwnNamesAreRedactedAndASecondWizardsLogIsTextToo() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(
                logs.resolve("cli.0.log"),
                "command: tlsdoctor probe --mx contoso.test --port 2525 --host mail.fabrikam.com\n");
        Files.writeString(logs.resolve("wizard.0.log.1"), "probing 192.0.2.7\n");

        new SupportBundle(CLOCK)
                .write(
                        contents(logs, dir.resolve("none"), null, dir.resolve("none.json")),
                        true,
                        dir.resolve("b.zip"),
                        false);

        Map<String, String> zip = read(dir.resolve("b.zip"));
        assertThat(zip.get("logs/user/cli.0.log"))
                .startsWith("command: tlsdoctor probe --mx ")
                .doesNotContain("contoso")
                .doesNotContain("fabrikam");
        assertThat(zip.get("logs/user/wizard.0.log.1")).isEqualTo("probing ip-1\n");
    }

    @Test
    void aRedactedBundleLeavesOutWhatItCannotRedact() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.write(logs.resolve("heap.bin"), new byte[] {1, 2, 3});
        Files.writeString(logs.resolve("cli.0.log"), "ok\n");

        new SupportBundle(CLOCK)
                .write(
                        contents(logs, dir.resolve("none"), null, dir.resolve("none.json")),
                        true,
                        dir.resolve("b.zip"),
                        false);

        Map<String, String> zip = read(dir.resolve("b.zip"));
        assertThat(zip).containsKey("logs/user/cli.0.log").doesNotContainKey("logs/user/heap.bin");
        assertThat(zip.get("manifest.txt")).contains("heap.bin: left out, not text", "case: none");
    }

    @Test
    void aMissingOrEmptyLogFolderIsSaidInTheManifestAndTheBundleIsStillSaved() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-logs"));
        Path missing = dir.resolve("no-such-folder");
        SupportBundle.Contents contents = new SupportBundle.Contents(
                List.of(
                        new SupportBundle.Source("logs/user", empty),
                        new SupportBundle.Source("logs/machine", missing)),
                null,
                List.of());

        new SupportBundle(CLOCK).write(contents, false, dir.resolve("x.zip"), false);

        Map<String, String> zip = read(dir.resolve("x.zip"));
        assertThat(zip.keySet()).containsExactly("manifest.txt");
        assertThat(zip.get("manifest.txt"))
                .contains("logs/user/ <- " + empty + ": empty", "logs/machine/ <- " + missing + ": missing");
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenAsked() throws Exception {
        Path target = Files.writeString(dir.resolve("old.zip"), "keep me");
        SupportBundle.Contents nothing = new SupportBundle.Contents(List.of(), null, List.of());

        assertThatThrownBy(() -> new SupportBundle(CLOCK).write(nothing, false, target, false))
                .isInstanceOfSatisfying(
                        UserFacingException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("bundle.error.exists"));
        assertThat(Files.readString(target)).isEqualTo("keep me");

        new SupportBundle(CLOCK).write(nothing, false, target, true);
        assertThat(read(target)).containsOnlyKeys("manifest.txt");
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAMessageNamingItAndLeavesNothingBehind() throws Exception {
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        assumeTrue(!Files.isWritable(locked), "not running as root");
        SupportBundle.Contents nothing = new SupportBundle.Contents(List.of(), null, List.of());
        try {
            assertThatThrownBy(() -> new SupportBundle(CLOCK).write(nothing, false, locked.resolve("b.zip"), false))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("bundle.error.denied");
                        String message = Messages.forLocale(Languages.ENGLISH).get(e.messageKey(), e.args());
                        assertThat(message)
                                .contains(
                                        locked.resolve("b.zip").toString(),
                                        "you may not write to " + locked,
                                        "Choose a folder of your own");
                    });
            try (Stream<Path> left = Files.list(locked)) {
                assertThat(left).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aTargetInsideAFileCannotBeWrittenAndTheMessageSaysWhereAndWhatToDo() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.txt"), "x");
        Path target = file.resolve("b.zip");

        assertThatThrownBy(() -> new SupportBundle(CLOCK)
                        .write(new SupportBundle.Contents(List.of(), null, List.of()), false, target, false))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).startsWith("bundle.error.");
                    assertThat(Messages.forLocale(Languages.ENGLISH).get(e.messageKey(), e.args()))
                            .contains(target.toString())
                            .containsAnyOf("Choose another folder", "Create it, or choose another folder");
                });
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        Path target = dir.resolve("no/such/folder/b.zip");

        assertThatThrownBy(() -> new SupportBundle(CLOCK)
                        .write(new SupportBundle.Contents(List.of(), null, List.of()), false, target, false))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("bundle.error.noFolder");
                    assertThat(Messages.forLocale(Languages.SWEDISH).get(e.messageKey(), e.args()))
                            .contains(target.getParent().toString(), "finns inte");
                });
    }

    private static SupportBundle.Contents contents(Path logs, Path backups, DiagnosisSummary summary, Path resume) {
        return new SupportBundle.Contents(
                List.of(
                        new SupportBundle.Source("logs/user", logs),
                        new SupportBundle.Source("backups/machine", backups)),
                summary,
                List.of(new SupportBundle.Source("case/resume.json", resume)));
    }

    private static DiagnosisSummary summary() {
        SampleCase sample = SampleCase.realistic();
        return new SummaryBuilder()
                .build(sample.caseFile(), sample.conclusion(), Messages.forLocale(Languages.ENGLISH));
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
