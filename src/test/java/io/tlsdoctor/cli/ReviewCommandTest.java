package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsdoctor review FILE.json}: a saved summary read back as the wizard's review shows it. */
class ReviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void aSavedSummaryIsShownWithItsOriginAndConclusion() throws Exception {
        Path json = diagnoseTo("ticket.json", false);

        CliRunner result = CliRunner.run("", "review", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .startsWith("Made by ")
                .contains("Judged from files from the server")
                .contains("This server cannot send with TLS 1.2")
                .contains("contoso-com.mail.protection.outlook.com")
                .doesNotContain("Names and addresses were hidden");
    }

    @Test
    void aRedactedSummarySaysSoAndShowsNoNames() throws Exception {
        Path json = diagnoseTo("redacted.json", true);

        CliRunner result = CliRunner.run("", "review", "--lang", "sv", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        // the cause by its title, as every human format names it (the code stays in the JSON)
        assertThat(result.out())
                .contains("This server cannot send with TLS 1.2")
                .doesNotContainIgnoringCase("contoso");
        assertThat(result.out().lines().findFirst().orElseThrow())
                .startsWith("Gjord av ")
                .contains("doldes");
    }

    @Test
    void aFileThatIsNotASummarySaysWhatItIsAndWhatToDo() throws Exception {
        Path notASummary = Files.writeString(dir.resolve("plan.json"), "{\"schema\":\"tlsdoctor.fix-plan/1\"}");

        CliRunner result = CliRunner.run("", "review", notASummary.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains("plan.json")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    private Path diagnoseTo(String name, boolean redact) throws Exception {
        Path evidence = dir.resolve("queue.txt");
        try (var in =
                getClass().getResourceAsStream("/io/tlsdoctor/core/evidence/corpus/013-get-queue-fl-2016-braces.txt")) {
            Files.write(evidence, in.readAllBytes());
        }
        Path json = dir.resolve(name);
        CliRunner diagnose = redact
                ? CliRunner.run(
                        "",
                        "diagnose",
                        "--offline",
                        "--evidence",
                        evidence.toString(),
                        "--reg-file",
                        Cases.regFile(dir, false, true).toString(),
                        "--out",
                        json.toString(),
                        "--redact")
                : CliRunner.run(
                        "",
                        "diagnose",
                        "--offline",
                        "--evidence",
                        evidence.toString(),
                        "--reg-file",
                        Cases.regFile(dir, false, true).toString(),
                        "--out",
                        json.toString());
        assertThat(diagnose.exitCode()).as(diagnose.err()).isZero();
        return json;
    }
}
