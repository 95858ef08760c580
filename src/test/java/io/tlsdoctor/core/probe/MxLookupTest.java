package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.cli.CliRunner;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.testpeers.DnsmasqPeer;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MX lookup against a real DNS server (dnsmasq on a loopback port) through {@code --dns-server}. */
class MxLookupTest {

    private static DnsmasqPeer dns;

    @BeforeAll
    static void startDns() throws Exception {
        // listed out of order on purpose: the probe must sort by preference
        dns = DnsmasqPeer.start(
                "--mx-host=contoso.test,mx1.contoso.test,20",
                "--mx-host=contoso.test,mx2.contoso.test,10",
                "--host-record=mx1.contoso.test,127.0.0.1",
                "--host-record=mx2.contoso.test,127.0.0.1",
                "--mx-host=nohost.test,ghost.nohost.test,10");
    }

    @AfterAll
    static void stopDns() throws Exception {
        if (dns != null) {
            dns.close();
        }
    }

    @Test
    void mxHostsAreProbedInPreferenceOrder() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            CliRunner result = CliRunner.run(
                    "",
                    "probe",
                    "--mx",
                    "contoso.test",
                    "--port",
                    String.valueOf(peer.port()),
                    "--dns-server",
                    dns.server(),
                    "--json");
            assertThat(result.exitCode()).as(result.err()).isZero();
            JsonNode targets = Json.mapper().readTree(result.out()).get("targets");
            List<String> hosts = new ArrayList<>();
            targets.forEach(target -> hosts.add(target.get("host").asText()));
            assertThat(hosts).containsExactly("mx2.contoso.test", "mx1.contoso.test");
            for (JsonNode target : targets) {
                assertThat(target.get("ip").asText()).isEqualTo("127.0.0.1");
                assertThat(target.get("steps").get(0).get("status").asText()).isEqualTo("OK");
                assertThat(target.get("protocols").get("TLSv1.2").get("result").asText())
                        .isEqualTo("ACCEPTED");
            }
            assertThat(targets.get(0).get("steps").get(0).get("detail").asText())
                    .contains("MX preference 10 of contoso.test");
            // the certificate is for localhost, not for the MX name: exactly what a sender would complain about
            assertThat(targets.get(0).get("certificate").get("nameMatches").asBoolean())
                    .isFalse();
        }
    }

    @Test
    void hostNamesResolveThroughTheGivenDnsServer() throws Exception {
        List<java.net.InetAddress> addresses = Targets.addresses("mx1.contoso.test", DnsServer.parse(dns.server()));
        assertThat(addresses).extracting(java.net.InetAddress::getHostAddress).containsExactly("127.0.0.1");
    }

    @Test
    void domainWithoutMxIsADnsFinding() throws Exception {
        CliRunner result = CliRunner.run("", "probe", "--mx", "nowhere.test", "--dns-server", dns.server(), "--json");
        assertThat(result.exitCode()).isZero();
        JsonNode target = Json.mapper().readTree(result.out()).get("targets").get(0);
        assertThat(target.get("host").asText()).isEqualTo("nowhere.test");
        assertThat(target.get("steps").get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(target.get("steps").get(1).get("status").asText()).isEqualTo("SKIPPED");
        assertThat(target.get("findings").get(0).get("id").asText()).isEqualTo("dnsFailed");
    }

    @Test
    void mxPointingAtANameWithoutAddressFailsInItsDnsStep() throws Exception {
        CliRunner result = CliRunner.run("", "probe", "--mx", "nohost.test", "--dns-server", dns.server(), "--json");
        JsonNode target = Json.mapper().readTree(result.out()).get("targets").get(0);
        assertThat(target.get("host").asText()).isEqualTo("ghost.nohost.test");
        assertThat(target.get("steps").get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(target.get("findings").toString()).contains("dnsFailed");
    }
}
