package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsdoctor connectors} run in memory on the saved-output corpus, as a helpdesk user would run it. */
class ConnectorsCommandTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TlsDoctorCommand.run(
                args, new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    private static String corpus(String name) {
        try {
            return Path.of(ConnectorsCommandTest.class
                            .getResource("/io/tlsdoctor/core/connectors/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void renewedCertificateIsACertificateProblemWithTheCommandToCopy() {
        Result r = run("--lang", "en", "connectors", corpus("fl-renewed-new-ca-console80.txt"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains("Bottom line: a certificate problem (1 finding to fix")
                .contains("changing SChannel will not fix it")
                .contains(
                        "[FAIL]   Certificate the send connector presents: Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d")
                .contains(
                        "Seen: Get-SendConnector 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' -> TlsCertificateName: "
                                + "<I>CN=GeoTrust TLS RSA CA G1")
                .contains("Commands to review and copy (TLS Doctor does not run them):")
                .contains(
                        "Set-SendConnector -Identity 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' -TlsCertificateName "
                                + "'<I>CN=DigiCert Global G2")
                .contains("Note: ")
                .contains("SourceTransportServers was cut off");
    }

    @Test
    void healthyInSwedish() {
        Result r = run("--lang", "sv", "connectors", corpus("fl-healthy-ex2019-ems120.txt"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out())
                .contains(
                        "Slutsats: anslutningarna och certifikaten som angavs fungerar för e-post med Exchange Online.")
                .contains("[OK]     Sändningsanslutning till Exchange Online: Outbound to Office 365");
    }

    @Test
    void jsonNamesTheProblemAreaAndEveryFindingsEvidence() throws Exception {
        Result r = run("--lang", "en", "connectors", "--json", corpus("fl-swedish-utf16.txt"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).doesNotContain("Göteborg").contains("G\\u00F6teborg"); // ASCII on stdout
        JsonNode root = Json.mapper().readTree(r.out());
        assertThat(root.get("schema").asText()).isEqualTo("tlsdoctor.connectors/1");
        assertThat(root.at("/bottomLine/problem").asText()).isEqualTo("CERTIFICATE");
        JsonNode smtp = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("id").asText().equals("certificate.smtp")) {
                smtp = f;
            }
        }
        assertThat(smtp).isNotNull();
        assertThat(smtp.get("status").asText()).isEqualTo("FAIL");
        assertThat(smtp.at("/evidence/0/field").asText()).isEqualTo("Services");
        assertThat(smtp.at("/evidence/0/value").asText()).isEqualTo("IIS");
        assertThat(smtp.at("/commands/0").asText())
                .startsWith("Enable-ExchangeCertificate -Server 'EXSTHLM01.contoso.com'");
    }

    @Test
    void outFileIsNotOverwrittenWithoutForceNorEverAnInput() throws Exception {
        Path out = dir.resolve("connectors.txt");
        Files.writeString(out, "keep");
        Result refused =
                run("--lang", "en", "connectors", "--out", out.toString(), corpus("fl-healthy-ex2019-ems120.txt"));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("already exists").contains("--force");
        assertThat(Files.readString(out)).isEqualTo("keep");
        Result forced = run(
                "--lang",
                "en",
                "connectors",
                "--out",
                out.toString(),
                "--force",
                corpus("fl-healthy-ex2019-ems120.txt"));
        assertThat(forced.exitCode()).isZero();
        assertThat(Files.readString(out, StandardCharsets.UTF_8))
                .contains("Bottom line: the connectors and certificates given are fine");
        Path input = dir.resolve("send.txt");
        Files.copy(Path.of(corpus("fl-renewed-new-ca-console80.txt")), input);
        Result overInput = run("--lang", "en", "connectors", "--out", input.toString(), "--force", input.toString());
        assertThat(overInput.exitCode()).isEqualTo(2);
        assertThat(Files.readString(input)).contains("TlsCertificateName");
        Result wrongName = run(
                "--lang",
                "en",
                "connectors",
                "--json",
                "--out",
                dir.resolve("x.txt").toString(),
                corpus("fl-healthy-ex2019-ems120.txt"));
        assertThat(wrongName.exitCode()).isEqualTo(2);
        assertThat(wrongName.err()).contains(".json");
    }

    @Test
    void anOutFileThatCannotBeWrittenNamesTheCulpritAndTheWayOut() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("reports"), "a file where a folder belongs");
        Result r = run(
                "--lang",
                "en",
                "connectors",
                "--out",
                notAFolder.resolve("connectors.txt").toString(),
                corpus("fl-healthy-ex2019-ems120.txt"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("Could not write " + notAFolder.resolve("connectors.txt"))
                .contains("because " + notAFolder + " is a file, not a folder. Move or rename that file")
                .doesNotContain("Exception")
                .doesNotContain("Not a directory");
    }

    @Test
    void withoutInputItPrintsTheCommandsThatSaveIt() {
        Result r = run("--lang", "en", "connectors");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err())
                .contains("In the Exchange Management Shell, run:")
                .contains("Get-SendConnector | Export-Clixml send-connectors.xml")
                .contains("Get-InboundConnector | Export-Clixml exo-inbound-connectors.xml")
                .contains("tlsdoctor connectors send-connectors.xml");
    }

    @Test
    void badFilesAreNamedWithTheWayOut() {
        Result table = run("--lang", "en", "connectors", corpus("bad/table-default-view.txt"));
        assertThat(table.exitCode()).isEqualTo(2);
        assertThat(table.err())
                .contains("table-default-view.txt, line 2: this is a table")
                .contains("| Format-List");
        Result mail = run("--lang", "en", "connectors", corpus("bad/not-cmdlet-output.txt"));
        assertThat(mail.err()).contains("holds no connector or certificate output");
        Result missing =
                run("--lang", "sv", "connectors", dir.resolve("saknas.txt").toString());
        assertThat(missing.err()).contains("Hittar inte filen").contains("saknas.txt");
        assertThat(missing.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void liveReadingOffWindowsSaysSoAndOffersTheFiles() {
        Result r = run("--lang", "en", "connectors", "--server", "ex01.contoso.com");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err())
                .contains("Reading Exchange live needs Windows")
                .contains("Get-SendConnector | Export-Clixml");
        assertThat(r.out()).doesNotContain("Bottom line");
    }
}
