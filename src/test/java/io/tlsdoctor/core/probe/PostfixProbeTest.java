package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.cli.CliRunner;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.testpeers.PostfixPeer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The probe against a real MTA: Postfix from Debian, one instance with four listeners configured for TLS 1.2+,
 * TLS 1.0 only, no STARTTLS, and TLS 1.2 only. The matrix must say exactly what Postfix was told to accept.
 */
class PostfixProbeTest {

    private static PostfixPeer postfix;

    @BeforeAll
    static void startPostfix() throws Exception {
        postfix = PostfixPeer.start();
    }

    @AfterAll
    static void stopPostfix() {
        if (postfix != null) {
            postfix.close();
            assertThat(postfix.running())
                    .as("Postfix master still running after the tests")
                    .isFalse();
        }
    }

    private static JsonNode probe(int port, String direction) throws Exception {
        CliRunner result = CliRunner.run(
                "", "probe", "--host", "127.0.0.1", "--port", String.valueOf(port), "--direction", direction, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Json.mapper().readTree(result.out()).get("targets").get(0);
    }

    private static Map<String, String> matrix(JsonNode target) {
        Map<String, String> results = new LinkedHashMap<>();
        target.get("protocols")
                .fields()
                .forEachRemaining(
                        e -> results.put(e.getKey(), e.getValue().get("result").asText()));
        return results;
    }

    @Test
    void listenerLimitedToTls12AndNewer() throws Exception {
        JsonNode target = probe(postfix.modernPort(), "outbound");
        assertThat(matrix(target))
                .containsExactly(
                        Map.entry("TLSv1", "REFUSED"),
                        Map.entry("TLSv1.1", "REFUSED"),
                        Map.entry("TLSv1.2", "ACCEPTED"),
                        Map.entry("TLSv1.3", "ACCEPTED"));
        assertThat(target.get("banner").asText()).contains("ESMTP Postfix");
        assertThat(target.get("negotiated").get("protocol").asText()).isEqualTo("TLSv1.3");
        assertThat(target.get("certificate").get("sans").toString()).contains("DNS:localhost", "IP:127.0.0.1");
        assertThat(target.get("findings").toString()).contains("outboundPathFine");
    }

    @Test
    void listenerLimitedToTls10() throws Exception {
        JsonNode target = probe(postfix.legacyPort(), "inbound");
        assertThat(matrix(target))
                .containsExactly(
                        Map.entry("TLSv1", "ACCEPTED"),
                        Map.entry("TLSv1.1", "REFUSED"),
                        Map.entry("TLSv1.2", "REFUSED"),
                        Map.entry("TLSv1.3", "REFUSED"));
        assertThat(target.get("protocols").get("TLSv1.2").get("detail").asText())
                .contains("protocol_version");
        assertThat(target.get("findings").toString())
                .contains("inboundLegacyOnly", "Exchange Online cannot deliver to you with TLS");
    }

    @Test
    void listenerLimitedToTls12Only() throws Exception {
        JsonNode target = probe(postfix.tls12OnlyPort(), "outbound");
        assertThat(matrix(target))
                .containsExactly(
                        Map.entry("TLSv1", "REFUSED"),
                        Map.entry("TLSv1.1", "REFUSED"),
                        Map.entry("TLSv1.2", "ACCEPTED"),
                        Map.entry("TLSv1.3", "REFUSED"));
        assertThat(target.get("negotiated").get("protocol").asText()).isEqualTo("TLSv1.2");
        assertThat(target.get("findings").toString()).contains("outboundPathFine");
    }

    @Test
    void listenerWithoutStartTls() throws Exception {
        JsonNode target = probe(postfix.plainPort(), "inbound");
        assertThat(target.get("starttlsAdvertised").asBoolean()).isFalse();
        assertThat(target.get("ehlo").toString()).doesNotContain("STARTTLS");
        assertThat(matrix(target).values()).containsOnly("NOT_TESTED");
        assertThat(target.get("findings").toString()).contains("noStarttlsInbound");
    }
}
