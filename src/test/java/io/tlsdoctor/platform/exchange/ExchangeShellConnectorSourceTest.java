package io.tlsdoctor.platform.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The live collector: its script's answers read on every OS (the answer is plain text), the real run on Windows,
 * where a machine without Exchange must say that the session could not be opened, never show a result.
 */
class ExchangeShellConnectorSourceTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theScriptsJsonIsReadAsALiveSnapshotWithSwedishNamesIntact() throws Exception {
        String json =
                "[{\"Name\":\"Utgående till Office 365, Göteborg\",\"Enabled\":true,\"AddressSpaces\":[\"smtp:contoso.mail.onmicrosoft.com;1\"],"
                        + "\"DNSRoutingEnabled\":true,\"SmartHosts\":[],\"RequireTLS\":true,\"TlsAuthLevel\":\"DomainValidation\","
                        + "\"TlsDomain\":\"mail.protection.outlook.com\",\"TlsCertificateName\":\"\",\"CloudServicesMailEnabled\":true,"
                        + "\"SourceTransportServers\":[\"EX01\"],\"Fqdn\":\"mail.contoso.se\",\"IgnoreSTARTTLS\":false}]";
        ConnectorSnapshot s = ExchangeShellConnectorSource.interpret(
                "ex01", "MODE:FullLanguage\r\nJSON:" + b64(json) + "\r\n", 0, "");
        assertThat(s.live()).isTrue();
        assertThat(s.sources()).containsExactly("ex01");
        assertThat(s.sendConnectors().get(0).name()).isEqualTo("Utgående till Office 365, Göteborg");
        assertThat(s.sendConnectors().get(0).certificate()).isNull();
    }

    @Test
    void constrainedLanguageAndFailedSessionsAreCouldNotCheckHere() {
        assertThatThrownBy(() -> ExchangeShellConnectorSource.interpret("ex01", "MODE:ConstrainedLanguage\r\n", 0, ""))
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.live.constrained"));
        assertThatThrownBy(() -> ExchangeShellConnectorSource.interpret(
                        "ex01",
                        "MODE:FullLanguage\r\nCONNECT:"
                                + b64("Connecting to remote server ex01 failed: Access is denied.") + "\r\n",
                        0,
                        ""))
                .isInstanceOfSatisfying(ConnectorInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("connectors.live.connect");
                    assertThat(e.args()[1]).isEqualTo("Connecting to remote server ex01 failed: Access is denied.");
                });
        assertThatThrownBy(() -> ExchangeShellConnectorSource.interpret("ex01", "", 1, "#< CLIXML\r\nboom"))
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.live.noOutput"));
    }

    @Test
    void theScriptOnlyReadsAndTakesTheServerFromTheEnvironment() {
        assertThat(ExchangeShellConnectorSource.SCRIPT)
                .contains("-ConfigurationName Microsoft.Exchange")
                .contains("-Authentication Kerberos")
                .contains("$env:TLSDOCTOR_EXCHANGE_SERVER")
                .doesNotContainPattern(
                        "(?m)^[^#]*\\b(Set|New|Enable|Remove|Import)-(SendConnector|ReceiveConnector|ExchangeCertificate|InboundConnector|OutboundConnector)");
    }

    @Test
    void aNameThatIsNoServerIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() ->
                        ExchangeConnectorSources.live("ex01; Remove-Item C:\\").collect())
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.live.badServer"));
    }

    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsWithoutExchangeTheSessionCannotBeOpenedAndSaysSo() {
        // .invalid never resolves (RFC 2606): PowerShell runs, the Exchange session cannot open
        assertThatThrownBy(() -> ExchangeConnectorSources.live("no-such-exchange.invalid")
                        .collect())
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isIn("connectors.live.connect", "connectors.live.constrained"));
    }
}
