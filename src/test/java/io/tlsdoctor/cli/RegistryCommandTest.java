package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryExports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlsdoctor registry} run in memory, as a script on Server Core would run it. */
class RegistryCommandTest {

    private static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

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

    /** A reg export of SCHANNEL with TLS 1.2 switched off on the Client side only. */
    private Path schannelExport() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                "Windows Registry Editor Version 5.00",
                "",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL]",
                "",
                "[" + PROTOCOLS + "]",
                ""));
        for (String protocol : List.of("TLS 1.0", "TLS 1.1", "TLS 1.2")) {
            for (String side : List.of("Client", "Server")) {
                boolean on = protocol.equals("TLS 1.2") && side.equals("Server");
                lines.add("[" + PROTOCOLS + "\\" + protocol + "\\" + side + "]");
                lines.add("\"DisabledByDefault\"=dword:0000000" + (on ? 0 : 1));
                lines.add("\"Enabled\"=dword:0000000" + (on ? 1 : 0));
                lines.add("");
            }
        }
        return write("schannel.reg", String.join("\r\n", lines));
    }

    private Path osExport() throws IOException {
        return write(
                "os.reg",
                String.join(
                        "\r\n",
                        "Windows Registry Editor Version 5.00",
                        "",
                        "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]",
                        "\"CurrentBuild\"=\"17763\"",
                        "\"ProductName\"=\"Windows Server 2019 Datacenter\"",
                        "\"UBR\"=dword:00001b0d",
                        ""));
    }

    private Path write(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    }

    @Test
    void jsonFollowsTheRegistrySchemaWithTheBottomLineFirst() throws Exception {
        Result result = run(
                "registry",
                "--reg-file",
                schannelExport().toString(),
                "--reg-file",
                osExport().toString(),
                "--json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("schema").asText()).isEqualTo("tlsdoctor.registry/1");
        assertThat(json.get("os").get("id").asText()).isEqualTo("2019");
        assertThat(json.get("protocols")).hasSize(6);
        JsonNode tls12 = json.get("protocols").get(4);
        assertThat(tls12.get("protocol").asText()).isEqualTo("TLS 1.2");
        assertThat(tls12.get("label").asText()).isEqualTo("Misconfigured");
        assertThat(tls12.get("client").get("enabled").asLong()).isZero();
        assertThat(tls12.get("client").get("disabledByDefault").asLong()).isEqualTo(1);
        assertThat(tls12.get("client").get("effective").asBoolean()).isFalse();
        assertThat(tls12.get("server").get("effective").asBoolean()).isTrue();
        assertThat(json.get("protocols").get(5).get("client").get("enabled").isNull())
                .isTrue();
        assertThat(json.get("tls12").get("client").asBoolean()).isFalse();
        assertThat(json.get("tls12").get("server").asBoolean()).isTrue();
        JsonNode findings = json.get("findings");
        assertThat(findings.get(0).get("id").asText()).isEqualTo("tls12.client");
        assertThat(findings.get(0).get("status").asText()).isEqualTo("FAIL");
        assertThat(findings.get(0).get("title").asText())
                .isEqualTo("TLS 1.2 for sending to Exchange Online (SChannel Client)");
        assertThat(findings.get(0).get("remediation").asText()).contains("Enabled=1", "DisabledByDefault=0");
        assertThat(findings.get(0).get("evidence").get(0).get("path").asText())
                .isEqualTo(PROTOCOLS + "\\TLS 1.2\\Client");
        assertThat(findings.get(1).get("id").asText()).isEqualTo("tls12.server");
        assertThat(findings.get(1).get("remediation").isNull()).isTrue();
        for (JsonNode finding : findings) {
            assertThat(finding.fieldNames()).toIterable().contains("id", "status", "title", "detail", "remediation");
        }
    }

    @Test
    void unknownOsGivesNullForWhatDependsOnItAndSaysSo() throws Exception {
        Path untouched = write(
                "schannel.reg",
                String.join("\r\n", "Windows Registry Editor Version 5.00", "", "[" + PROTOCOLS + "]", ""));

        Result result = run("registry", "--reg-file", untouched.toString(), "--json");

        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("os").get("source").asText()).isEqualTo("unknown");
        assertThat(json.get("tls12").get("client").isNull()).isTrue();
        JsonNode osSupport = null;
        for (JsonNode finding : json.get("findings")) {
            if (finding.get("id").asText().equals("os.support")) {
                osSupport = finding;
            }
        }
        assertThat(osSupport).isNotNull();
        assertThat(osSupport.get("detail").asText()).contains("tls12.client", "tls12.server");

        Result withOs = run("registry", "--reg-file", untouched.toString(), "--os", "2016", "--json");
        assertThat(Json.mapper()
                        .readTree(withOs.out())
                        .get("tls12")
                        .get("client")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void humanReadableOutputLeadsWithTheBottomLineInTheUsersLanguage() throws Exception {
        Result english = run(
                "registry",
                "--reg-file",
                schannelExport().toString(),
                "--reg-file",
                osExport().toString());
        Result swedish = run(
                "--lang",
                "sv",
                "registry",
                "--reg-file",
                schannelExport().toString(),
                "--reg-file",
                osExport().toString());

        assertThat(english.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(english.out())
                .contains("Windows Server 2019", "Bottom line", "[FAIL]", "TLS 1.2 for sending to Exchange Online")
                .contains("Misconfigured");
        assertThat(english.out().indexOf("Bottom line"))
                .isLessThan(english.out().indexOf("Findings"));
        assertThat(swedish.out())
                .contains("Slutsats", "[FEL]", "TLS 1.2 för att skicka till Exchange Online", "Åtgärd:");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void withoutFilesOffWindowsItExplainsHowToExportAndExitsWithUsage() {
        Result result = run("registry");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        for (RegistryExports.Export export : RegistryExports.all()) {
            assertThat(result.err()).contains(export.command());
        }
        assertThat(result.err())
                .contains(
                        "reg export \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\" schannel.reg /y")
                .contains("tlsdoctor registry --reg-file schannel.reg");
    }

    /** The suggested check names every export; one whose key was absent on the server wrote no file, and that is fine. */
    @Test
    void anExportFileThatWasNeverWrittenBecauseItsKeyIsAbsentIsPassedOverWithANote() throws Exception {
        Path schannel = schannelExport();
        Path absent = schannel.resolveSibling("cbs-reboot-pending.reg");

        Result result = run("registry", "--reg-file", schannel.toString(), "--reg-file", absent.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.err()).contains(absent + " is not here: its key was not found on the server");
        assertThat(result.out()).contains("Bottom line");

        Result other = run(
                "registry", "--reg-file", schannel.resolveSibling("typo.reg").toString());
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aMalformedFileExitsWithUsageNamingFileAndLineWithoutAStackTrace() throws Exception {
        Path broken = write(
                "broken.reg",
                String.join(
                        "\r\n",
                        "Windows Registry Editor Version 5.00",
                        "",
                        "[" + PROTOCOLS + "\\TLS 1.2\\Client]",
                        "\"Enabled\"=dword:1x",
                        ""));

        Result result = run("registry", "--reg-file", broken.toString(), "--json");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .contains(broken + ", line 4: expected dword:")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void anExportThatCannotBeReadSaysWhyAndWhatToDoInBothLanguagesWithoutTheExceptionsText() throws Exception {
        Path folder = java.nio.file.Files.createDirectory(dir.resolve("EX01.reg"));

        Result english = run("registry", "--reg-file", folder.toString());
        Result swedish = run("registry", "--reg-file", folder.toString(), "--lang", "sv");

        assertThat(english.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(english.err())
                .contains("The file " + folder + " could not be read because " + folder
                        + " is a folder, not a file. Choose the file in it, then try again.")
                .doesNotContain("Is a directory")
                .doesNotContain("Exception");
        assertThat(swedish.err())
                .contains("Filen " + folder + " kunde inte läsas eftersom " + folder + " är en mapp, inte en fil.")
                .doesNotContain("Is a directory");
    }

    @Test
    void aMissingFileOrAnUnknownOsIsAUsageError() throws Exception {
        Result missing = run("registry", "--reg-file", dir.resolve("nope.reg").toString());
        Result badOs = run("registry", "--reg-file", osExport().toString(), "--os", "2003");

        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("nope.reg");
        assertThat(badOs.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badOs.err()).contains("2003", "2012R2");
    }

    @Test
    void helpDescribesTheCommandAndItsOptions() {
        Result root = run("--help");
        Result help = run("registry", "--help");

        assertThat(root.out()).contains("registry");
        assertThat(help.out()).contains("--reg-file", "--os", "--json", "SChannel", "TLS 1.2");
    }
}
