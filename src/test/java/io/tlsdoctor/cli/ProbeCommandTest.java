package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code tlsdoctor probe} as a user runs it: wrong command lines, the JSON contract, and the text in Swedish. */
class ProbeCommandTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "probe                                           | Say what to test",
                "probe --host a.example --mx contoso.com        | either --host or --mx",
                "probe --host smtp://a.example                  | is not a host name",
                "probe --mx 'contoso.com; rm'                   | is not a mail domain",
                "probe --host a.example --port 70000            | from 1 to 65535",
                "probe --host a.example --direction sideways    | Use outbound or inbound",
                "probe --host a.example --timeout soon          | number of seconds",
                "probe --host a.example --dns-server 1.2.3.4:x  | is not a DNS server",
            })
    void wrongCommandLinesExitTwoWithAMessageThatSaysTheFix(String args, String expected) {
        CliRunner result = CliRunner.run("", split(args));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains(expected).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void jsonFollowsTheProbeSchema() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            CliRunner result =
                    CliRunner.run("", "probe", "--host", "127.0.0.1", "--port", String.valueOf(peer.port()), "--json");
            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            JsonNode root = Json.mapper().readTree(result.out());
            assertThat(root.get("schema").asText()).isEqualTo("tlsdoctor.probe/1");
            JsonNode target = root.get("targets").get(0);
            assertThat(fieldNames(target))
                    .containsExactly(
                            "host",
                            "port",
                            "ip",
                            "steps",
                            "banner",
                            "ehlo",
                            "starttlsAdvertised",
                            "negotiated",
                            "certificate",
                            "protocols",
                            "findings");
            assertThat(target.get("host").asText()).isEqualTo("127.0.0.1");
            assertThat(target.get("port").asInt()).isEqualTo(peer.port());
            assertThat(target.get("ip").asText()).isEqualTo("127.0.0.1");
            List<String> names = new ArrayList<>();
            target.get("steps").forEach(step -> {
                names.add(step.get("name").asText());
                assertThat(step.get("status").asText()).isIn("OK", "FAILED", "SKIPPED");
                assertThat(step.get("ms").isIntegralNumber()).isTrue();
                assertThat(step.get("detail").asText()).isNotBlank().doesNotContain("!probe.");
            });
            assertThat(names).containsExactly("dns", "connect", "banner", "ehlo", "starttls", "handshake", "quit");
            assertThat(target.get("banner").asText()).isEqualTo("220 fake.example ESMTP");
            assertThat(target.get("ehlo").toString()).contains("STARTTLS");
            assertThat(target.get("starttlsAdvertised").asBoolean()).isTrue();
            assertThat(target.get("negotiated").get("protocol").asText()).isEqualTo("TLSv1.2");
            assertThat(target.get("certificate").get("subject").asText()).isEqualTo("CN=localhost");
            assertThat(target.get("certificate").get("nameMatches").asBoolean()).isTrue();
            assertThat(fieldNames(target.get("protocols"))).containsExactly("TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
            assertThat(target.get("protocols").get("TLSv1.2").get("result").asText())
                    .isEqualTo("ACCEPTED");
            assertThat(target.get("protocols").get("TLSv1.3").get("result").asText())
                    .isEqualTo("REFUSED");
            assertThat(target.get("protocols").get("TLSv1").get("result").asText())
                    .isEqualTo("REFUSED");
            assertThat(target.get("findings").toString()).contains("outboundPathFine", "schannelUnavailable");
        }
    }

    @Test
    void textReportSpeaksSwedishWhenAsked() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().noStartTls().start()) {
            CliRunner result = CliRunner.run(
                    "",
                    "probe",
                    "--lang",
                    "sv",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(peer.port()),
                    "--direction",
                    "inbound");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "inkommande",
                            "Din mottagningsanslutning",
                            "erbjuder inte STARTTLS",
                            "ej testad",
                            "C: EHLO [127.0.0.1]");
        }
    }

    @Test
    void unreachableTargetStillExitsZeroWithTheFinding() throws Exception {
        int port;
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliRunner result = CliRunner.run("", "probe", "--host", "127.0.0.1", "--port", String.valueOf(port));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).contains("refuses connections", "network problem, not TLS");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String[] split(String args) {
        List<String> parts = new ArrayList<>();
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("'([^']*)'|(\\S+)").matcher(args.trim());
        while (m.find()) {
            parts.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return parts.toArray(String[]::new);
    }
}
