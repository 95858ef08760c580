package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsdoctor diagnose --connectors}: the connectors check's verdict in the diagnosis and in the summary files. */
class DiagnoseConnectorsTest {

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
            return Path.of(DiagnoseConnectorsTest.class
                            .getResource("/io/tlsdoctor/core/connectors/" + name)
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCertificateSymptomWithSavedConnectorOutputIsDiagnosedAsTheCertificateWithItsEvidence() throws Exception {
        Path md = dir.resolve("ticket.md");
        Path redacted = dir.resolve("vendor.md");
        Result r = run(
                "--lang",
                "en",
                "diagnose",
                "--symptom",
                "CERTIFICATE",
                "--offline",
                "--connectors",
                corpus("fl-renewed-new-ca-console80.txt"),
                "--out",
                md.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Exchange's configuration: Get-SendConnector 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' "
                                + "has TlsCertificateName")
                .contains("Do not change the SChannel registry for this.");
        String summary = Files.readString(md);
        assertThat(summary)
                .contains("## Exchange connectors and certificates")
                .contains(
                        "Set-SendConnector -Identity 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' -TlsCertificateName");

        Result hidden = run(
                "--lang",
                "en",
                "diagnose",
                "--symptom",
                "CERTIFICATE",
                "--offline",
                "--connectors",
                corpus("fl-swedish-utf16.txt"),
                "--out",
                redacted.toString(),
                "--redact");
        assertThat(hidden.exitCode()).as(hidden.err()).isZero();
        String vendor = Files.readString(redacted).toLowerCase(java.util.Locale.ROOT);
        assertThat(vendor)
                .contains("enable-exchangecertificate")
                .doesNotContain("exsthlm01")
                .doesNotContain("contoso")
                .doesNotContain("5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b");
    }

    @Test
    void anUnreadableConnectorFileIsRefusedBeforeAnyCheckRuns() {
        Result r = run(
                "--lang",
                "en",
                "diagnose",
                "--symptom",
                "CERTIFICATE",
                "--offline",
                "--connectors",
                corpus("bad/table-default-view.txt"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("this is a table").contains("| Format-List");
        assertThat(r.out()).doesNotContain("Exchange's configuration");
    }

    @Test
    void savedOutputAndALiveServerTogetherAreRefusedAsTheConnectorsCommandRefusesThem() {
        Result diagnose = run(
                "--lang",
                "en",
                "diagnose",
                "--symptom",
                "CERTIFICATE",
                "--connectors",
                corpus("fl-renewed-new-ca-console80.txt"),
                "--exchange-server",
                "ex01");
        Result connectors =
                run("--lang", "en", "connectors", corpus("fl-renewed-new-ca-console80.txt"), "--server", "ex01");
        for (Result r : java.util.List.of(diagnose, connectors)) {
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.out()).doesNotContain("Exchange's configuration");
        }
        // each names its own options: diagnose has no --server
        assertThat(diagnose.err())
                .contains("Give either --connectors with saved output or --exchange-server")
                .doesNotContain("--server,");
        assertThat(connectors.err()).contains("Give either saved files or --server, not both.");
    }
}
