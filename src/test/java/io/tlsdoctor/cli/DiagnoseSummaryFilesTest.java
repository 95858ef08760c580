package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.diagnosis.Cause;
import io.tlsdoctor.core.report.DiagnosisSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsdoctor diagnose --out … [--redact]}: the summaries a script leaves for the ticket. */
class DiagnoseSummaryFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesTheThreeFormatsRedactedAndTheJsonOpensAgain() throws Exception {
        Path evidence = copyCorpus("013-get-queue-fl-2016-braces.txt");
        Path export = Cases.regFile(dir, false, true);
        Path html = dir.resolve("out/ticket.html");
        Path markdown = dir.resolve("out/ticket.md");
        Path json = dir.resolve("out/ticket.json");

        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                evidence.toString(),
                "--reg-file",
                export.toString(),
                "--out",
                html.toString(),
                "--out",
                markdown.toString(),
                "--out",
                json.toString(),
                "--redact");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Summary written to " + html.toAbsolutePath() + " (names and addresses hidden)");
        for (Path file : new Path[] {html, markdown, json}) {
            assertThat(Files.readString(file))
                    .as(file.toString())
                    .doesNotContainIgnoringCase("contoso")
                    .doesNotContain("104.47.22.138")
                    .contains("421 4.4.2");
        }
        assertThat(Files.readString(html)).startsWithIgnoringCase("<!DOCTYPE html");
        DiagnosisSummary reopened = DiagnosisSummary.read(json);
        assertThat(reopened.redacted()).isTrue();
        assertThat(reopened.conclusion().cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
    }

    @Test
    void withoutRedactTheNamesStay() throws Exception {
        Path evidence = copyCorpus("013-get-queue-fl-2016-braces.txt");
        Path markdown = dir.resolve("ticket.md");

        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                evidence.toString(),
                "--reg-file",
                Cases.regFile(dir, false, true).toString(),
                "--out",
                markdown.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(markdown))
                .contains("contoso-com.mail.protection.outlook.com")
                .contains("104.47.22.138");
    }

    @Test
    void anUnknownExtensionIsRefusedBeforeAnyCheckRuns() throws Exception {
        Path evidence = copyCorpus("013-get-queue-fl-2016-braces.txt");

        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                evidence.toString(),
                "--out",
                dir.resolve("ticket.pdf").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("ticket.pdf")
                .contains(".html")
                .contains(".md")
                .contains(".json");
        assertThat(result.out()).as("nothing was checked").isEmpty();
        assertThat(dir.resolve("ticket.pdf")).doesNotExist();
    }

    @Test
    void aSummaryThatCannotBeWrittenIsReportedAndTheOthersAreStillWritten() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "a file where a folder is expected");
        Path markdown = dir.resolve("ticket.md");

        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                copyCorpus("013-get-queue-fl-2016-braces.txt").toString(),
                "--reg-file",
                Cases.regFile(dir, false, true).toString(),
                "--out",
                blocker.resolve("ticket.html").toString(),
                "--out",
                markdown.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).as("the diagnosis is still printed").contains("This server cannot send with TLS 1.2");
        assertThat(result.err()).contains("ticket.html").doesNotContain("Exception");
        assertThat(markdown).exists();
    }

    @Test
    void redactWithoutAnOutputSaysWhatToAdd() throws Exception {
        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--offline",
                "--evidence",
                copyCorpus("013-get-queue-fl-2016-braces.txt").toString(),
                "--redact");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--redact").contains("--out");
    }

    private Path copyCorpus(String name) throws Exception {
        Path file = dir.resolve(name);
        try (var in = getClass().getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/" + name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
