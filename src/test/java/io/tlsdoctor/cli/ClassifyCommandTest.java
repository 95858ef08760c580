package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifyCommandTest {

    private static final String QUEUE =
            "Identity     : EX01\\3\nLastError    : 451 4.4.0 Primary target IP address responded with: \"451 5.7.3 Must issue a STARTTLS command first.\" Attempted failover to alternate host, but that did not succeed.\n";

    @Test
    void jsonHasTheDocumentedShape(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("queue.txt"), QUEUE);
        CliRunner result = CliRunner.run("", "classify", file.toString(), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode json = Json.mapper().readTree(result.out());
        assertThat(json.get("schema").asText()).isEqualTo("tlsdoctor.classify/1");
        JsonNode detection = json.get("detections").get(0);
        assertThat(detection.get("code").asText()).isEqualTo("PROTOCOL_LOG_451_STARTTLS_REQUIRED");
        assertThat(detection.get("category").asText()).isEqualTo("SEED_SYMPTOM");
        assertThat(detection.get("direction").asText()).isEqualTo("ONPREM_TO_EXO");
        assertThat(detection.get("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(detection.get("lines").get(0).asInt()).isEqualTo(2);
        assertThat(detection.get("excerpt").asText()).contains("451 5.7.3 Must issue a STARTTLS command first");
        assertThat(detection.get("explanation").asText()).contains("retried without encryption");
    }

    @Test
    void readsStandardInputAndSpeaksSwedish() {
        CliRunner result = CliRunner.run(
                "LastError : 421 4.4.2 Connection dropped due to SocketError", "classify", "-", "--lang", "sv");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Köfel: 421 4.4.2")
                .contains("Lokalt → Exchange Online")
                .contains("Kontrollera härnäst:");
    }

    @Test
    void humanOutputNamesTheSymptomDirectionAndNextChecks() {
        CliRunner result =
                CliRunner.run("LastError : 421 4.4.2 Connection dropped due to SocketError", "classify", "--lang=en");
        assertThat(result.out())
                .contains("Queue error: 421 4.4.2 Connection dropped due to SocketError (QUEUE_421_SOCKET_ERROR)")
                .contains("On-premises → Exchange Online")
                .contains("1. Check this server's TLS settings: can SChannel send with TLS 1.2 (client side)?");
    }

    @Test
    void nothingRecognisedSaysSoAndStillExitsZero() {
        CliRunner result = CliRunner.run("hello world", "classify", "-", "--lang=en");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("Nothing here matches a known TLS 1.0/1.1 symptom")
                .contains("queue's LastError");
        CliRunner json = CliRunner.run("hello world", "classify", "-", "--json");
        assertThat(json.out()).contains("\"detections\" : [ ]");
    }

    @Test
    void badInputIsExitTwoWithAMessageAndNoStackTrace(@TempDir Path dir) throws Exception {
        assertUsageError(
                CliRunner.run("", "classify", dir.resolve("missing.txt").toString(), "--lang=en"), "There is no file");
        assertUsageError(CliRunner.run("", "classify", dir.toString(), "--lang=en"), "is a folder");
        Path binary = Files.write(dir.resolve("tool.exe"), new byte[] {'M', 'Z', 0, 0, 1, 2, 3, 0});
        assertUsageError(CliRunner.run("", "classify", binary.toString(), "--lang=en"), "This is not text");
        Path big = dir.resolve("huge.log");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(65L * 1024 * 1024);
        }
        assertUsageError(
                CliRunner.run("", "classify", big.toString(), "--lang=en"),
                "protocol-log folders get their own analysis");
        assertUsageError(CliRunner.run("", "classify", "--no-such-option"), "Unknown option");
    }

    @Test
    void versionAndHelpWork() {
        CliRunner version = CliRunner.run("", "--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("TLS Doctor ");
        CliRunner help = CliRunner.run("", "--help", "--lang=en");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("classify").contains("With no arguments, tlsdoctor opens the wizard.");
        CliRunner classifyHelp = CliRunner.run("", "classify", "--help", "--lang=sv");
        assertThat(classifyHelp.out()).contains("Användning:").contains("Skriv ut ett JSON-objekt");
    }

    @Test
    void utf16FileFromPowerShellOutFileIsRead(@TempDir Path dir) throws Exception {
        byte[] body =
                "LastError : 421 4.4.2 Connection dropped due to SocketError\r\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] withBom = new byte[body.length + 2];
        withBom[0] = (byte) 0xFF;
        withBom[1] = (byte) 0xFE;
        System.arraycopy(body, 0, withBom, 2, body.length);
        Path file = Files.write(dir.resolve("queue.txt"), withBom);
        CliRunner result = CliRunner.run("", "classify", file.toString(), "--lang=en");
        assertThat(result.out()).contains("UTF-16LE").contains("QUEUE_421_SOCKET_ERROR");
    }

    private static void assertUsageError(CliRunner result, String message) {
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private static final String EXO_NDR_TO_YAHOO = """
            Diagnostic information for administrators:

            Generating server: GV3P280MB0456.SWEP280.PROD.OUTLOOK.COM

            kalle@yahoo.com
            Remote server: mta7.am0.yahoodns.net
            Remote Server returned '550 5.4.300 Message expired -> 421 4.4.2 Connection dropped due to SocketError'

            From: Lars Nilsson <lars@contoso.se>
            """;

    @Test
    void jsonNamesWhoWroteTheReportWhoRefusedAndTheDirection() throws Exception {
        CliRunner result = CliRunner.run(EXO_NDR_TO_YAHOO, "classify", "-", "--json");
        JsonNode json = Json.mapper().readTree(result.out());
        JsonNode route = json.get("route");
        assertThat(route.get("generatingServer").asText()).isEqualTo("GV3P280MB0456.SWEP280.PROD.OUTLOOK.COM");
        assertThat(route.get("generatedBy").asText()).isEqualTo("EXCHANGE_ONLINE");
        assertThat(route.get("remoteHost").asText()).isEqualTo("mta7.am0.yahoodns.net");
        assertThat(route.get("remote").asText()).isEqualTo("THIRD_PARTY");
        assertThat(route.get("notYourServer").asBoolean()).isTrue();
        JsonNode detection = json.get("detections").get(0);
        assertThat(detection.get("direction").asText()).isEqualTo("EXO_TO_EXTERNAL");
        assertThat(detection.get("nextChecks").toString())
                .doesNotContain("REGISTRY")
                .contains("REMOTE_ORGANISATION");
    }

    @Test
    void humanOutputSaysPlainlyThatTheFailingHopIsNotYourServer() {
        CliRunner result = CliRunner.run(EXO_NDR_TO_YAHOO, "classify", "-", "--lang=en");
        assertThat(result.out())
                .contains("Report written by: GV3P280MB0456.SWEP280.PROD.OUTLOOK.COM (Exchange Online)")
                .contains("Refused by: mta7.am0.yahoodns.net (another organisation)")
                .contains(
                        "Exchange Online could not deliver to mta7.am0.yahoodns.net; your on-premises server was not involved")
                .contains("Exchange Online → another organisation's server")
                .doesNotContain("Check this server's TLS settings");
    }
}
