package io.tlsdoctor.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each cause of issue 22 recognised from configuration as admins save it, with the evidence field and the exact
 * command a user would copy. The corpus scenarios are in several forms; the small cases are written inline.
 */
class ConnectorEvaluatorTest {

    private static final String HCW = "Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d";
    private static final String GEO = "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US";

    @Test
    void healthyHybridNamesTheConnectorsToAndFromExchangeOnlineAndFailsNothing() throws Exception {
        ConnectorReport report = Corpus.judge("fl-healthy-ex2019-ems120.txt");
        assertThat(report.failures()).isEmpty();
        assertThat(report.problemArea()).isEmpty();
        assertThat(report.finding("send.connector").orElseThrow().subject()).isEqualTo(HCW);
        assertThat(report.finding("receive.cloud").orElseThrow().subject()).isEqualTo("EX01\\Default Frontend EX01");
        assertThat(report.findings())
                .as("the Internet connector and the 587/2525 connectors are not Exchange Online's")
                .noneMatch(f -> f.subject().equals("Internet")
                        || f.subject().contains("Client Frontend")
                        || f.subject().endsWith("Default EX01"));
        assertThat(report.findings())
                .as("the expired self-signed certificate is not bound: not judged")
                .noneMatch(f -> f.subject().startsWith("EX01 ("));
    }

    @Test
    void certificateRenewedFromANewCaIsNotFoundAndTheCommandBindsTheNewOne() throws Exception {
        ConnectorReport report = Corpus.judge("fl-renewed-new-ca-console80.txt");
        ConnectorFinding f = report.finding("send.certificate").orElseThrow();
        assertThat(f.variant()).isEqualTo("notFound");
        assertThat(f.status()).isEqualTo(FindingStatus.FAIL);
        assertThat(f.evidence()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("TlsCertificateName");
            assertThat(e.value()).isEqualTo("<I>" + GEO + "<S>CN=mail.contoso.com");
        });
        assertThat(f.commands())
                .containsExactly("Set-SendConnector -Identity '" + HCW + "' -TlsCertificateName "
                        + "'<I>CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.contoso.com, O=Contoso Ltd, "
                        + "L=Redmond, S=Washington, C=US'");
        assertThat(f.advice().in(Locale.ENGLISH)).contains("Hybrid Configuration Wizard");
        assertThat(report.problemArea()).contains(ConnectorArea.CERTIFICATE);
    }

    @Test
    void swedishOrganisationCertificateWithoutSmtpReceiveWithoutCapabilityHybridDisagrees() throws Exception {
        ConnectorReport report = Corpus.judge("fl-swedish-utf16.txt");
        assertThat(report.finding("certificate.smtp").orElseThrow().commands())
                .containsExactly("Enable-ExchangeCertificate -Server 'EXSTHLM01.contoso.com' -Thumbprint "
                        + "'5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B' -Services SMTP");
        ConnectorFinding cloud = report.finding("receive.cloud").orElseThrow();
        assertThat(cloud.variant()).isEqualTo("missing");
        assertThat(cloud.commands())
                .containsExactly("Set-ReceiveConnector -Identity 'EXSTHLM01\\Default Frontend EXSTHLM01' "
                        + "-TlsDomainCapabilities 'mail.protection.outlook.com:AcceptCloudServicesMail'");
        ConnectorFinding hybrid = report.finding("hybrid.certificate").orElseThrow();
        assertThat(hybrid.status()).isEqualTo(FindingStatus.WARN);
        assertThat(hybrid.subject()).isEqualTo("Utgående till Office 365, Göteborg");
        assertThat(hybrid.advice().in(Languages.SWEDISH)).startsWith("Kör guiden Hybrid Configuration Wizard igen");
        assertThat(cloud.detail().in(Languages.SWEDISH)).contains("behandlas inte som er organisations egen");
    }

    @Test
    void exchangeOnlineExpectsANameTheSendCertificateDoesNotCarry() throws Exception {
        ConnectorReport report = Corpus.judge(
                "clixml-send-connectors-ps51.xml", "clixml-certificate-rawdata-ps7.xml", "exo-connectors-fl.txt");
        ConnectorFinding f = report.finding("names.toExo").orElseThrow();
        assertThat(f.variant()).isEqualTo("mismatch");
        assertThat(f.detail().in(Locale.ENGLISH)).contains("hybrid.contoso.com", "5.7.64");
        assertThat(f.evidence())
                .extracting(FieldEvidence::field)
                .containsExactly("TlsSenderCertificateName", "CertificateDomains");
        assertThat(f.commands())
                .containsExactly(
                        "Set-InboundConnector -Identity 'Inbound from 7c0e4a5b-3f2d-4e1c-8b9a-0d1e2f3a4b5c' -TlsSenderCertificateName 'mail.contoso.com'");
        assertThat(report.finding("certificate.smtp").orElseThrow().status())
                .as("the bytes do not say")
                .isEqualTo(FindingStatus.INFO);
    }

    @Test
    void expiredCertificateStillBoundToTheReceiveConnector() throws Exception {
        ConnectorReport report = Corpus.judge(
                "json-ps51-certificates-ex02.json", "json-ps51-receive-ex02.json", "json-exo-connectors-ps7.json");
        ConnectorFinding f = report.finding("certificate.valid").orElseThrow();
        assertThat(f.variant()).isEqualTo("expired");
        assertThat(f.detail().in(Locale.ENGLISH)).contains("2025-11-16", "4.7.320");
        assertThat(f.advice().in(Locale.ENGLISH)).contains("run the Hybrid Configuration Wizard again");
        assertThat(report.finding("names.fromExo").orElseThrow().variant()).isEqualTo("ok");
    }

    @Test
    void certificateWithoutItsPrivateKey() throws Exception {
        ConnectorReport report = Corpus.judge("json-ps7-send-depth.json", "json-flattened-certificate-nokey.json");
        assertThat(report.finding("certificate.key").orElseThrow().variant()).isEqualTo("missing");
        assertThat(report.finding("send.smartHost").orElseThrow().variant()).isEqualTo("exo");
    }

    @Test
    void exchangeOnlineChecksANameTheReceiveCertificateDoesNotCarry() throws Exception {
        ConnectorSnapshot s = SavedConnectorOutput.fromText(
                String.join(
                        "\n",
                        receive("EX01", "<I>" + GEO + "<S>CN=mail.contoso.com"),
                        "",
                        certificate(
                                "EX01",
                                "CN=mail.contoso.com",
                                GEO,
                                "{mail.contoso.com}",
                                "False",
                                "ThirdParty",
                                "1/7/2028 12:46:20 PM"),
                        "",
                        "Identity         : Outbound to 7c0e4a5b",
                        "Name             : Outbound to 7c0e4a5b",
                        "ConnectorType    : OnPremises",
                        "Enabled          : True",
                        "RecipientDomains : {contoso.com}",
                        "SmartHosts       : {smtp.contoso.com}",
                        "UseMXRecord      : False",
                        "TlsSettings      : DomainValidation",
                        "TlsDomain        : smtp.contoso.com"),
                "paste");
        ConnectorFinding f = new ConnectorEvaluator()
                .evaluate(s, Corpus.NOW)
                .finding("names.fromExo")
                .orElseThrow();
        assertThat(f.variant()).isEqualTo("mismatch");
        assertThat(f.detail().in(Locale.ENGLISH)).contains("SubjectMismatch");
        assertThat(f.commands())
                .containsExactly(
                        "Set-OutboundConnector -Identity 'Outbound to 7c0e4a5b' -TlsDomain 'mail.contoso.com'");
    }

    @Test
    void sendConnectorWithoutTlsAndAReceiveConnectorWithoutTls() throws Exception {
        ConnectorSnapshot s = SavedConnectorOutput.fromText(
                String.join(
                        "\n",
                        "Identity               : Kund’s väg till O365",
                        "Name                   : Kund’s väg till O365",
                        "AddressSpaces          : {smtp:contoso.mail.onmicrosoft.com;1}",
                        "DNSRoutingEnabled      : True",
                        "SmartHosts             : {}",
                        "Enabled                : True",
                        "RequireTLS             : False",
                        "TlsAuthLevel           :",
                        "TlsDomain              :",
                        "TlsCertificateName     :",
                        "Fqdn                   : mail.contoso.com",
                        "",
                        "Identity               : EX01\\Default Frontend EX01",
                        "Bindings               : {0.0.0.0:25}",
                        "RemoteIPRanges         : {0.0.0.0-255.255.255.255}",
                        "TransportRole          : FrontendTransport",
                        "AuthMechanism          : Integrated, BasicAuth",
                        "TlsDomainCapabilities  : {mail.protection.outlook.com:AcceptCloudServicesMail}"),
                "paste");
        ConnectorReport report = new ConnectorEvaluator().evaluate(s, Corpus.NOW);
        assertThat(report.finding("send.tls").orElseThrow().commands())
                .containsExactly(
                        "Set-SendConnector -Identity 'Kund’’s väg till O365' -RequireTLS $true -TlsAuthLevel DomainValidation "
                                + "-TlsDomain mail.protection.outlook.com");
        assertThat(report.finding("receive.tls").orElseThrow().commands())
                .containsExactly(
                        "Set-ReceiveConnector -Identity 'EX01\\Default Frontend EX01' -AuthMechanism 'Tls, Integrated, BasicAuth'");
        assertThat(report.problemArea()).contains(ConnectorArea.CONNECTOR);
    }

    @Test
    void selfSignedPrivateCaAndSoonExpiringCertificates() throws Exception {
        String self = "<I>CN=EX01<S>CN=EX01";
        ConnectorReport report = judgeInline(
                receive("EX01", self),
                "",
                certificate(
                        "EX01",
                        "CN=EX01",
                        "CN=EX01",
                        "{EX01, EX01.contoso.com}",
                        "True",
                        "Registry",
                        "2031-11-02 16:38:51"));
        assertThat(report.finding("certificate.trust").orElseThrow().variant()).isEqualTo("selfSigned");

        String internal = "<I>CN=Contoso Issuing CA 01, DC=contoso, DC=com<S>CN=mail.contoso.com";
        report = judgeInline(
                receive("EX01", internal),
                "",
                certificate(
                        "EX01",
                        "CN=mail.contoso.com",
                        "CN=Contoso Issuing CA 01, DC=contoso, DC=com",
                        "{mail.contoso.com}",
                        "False",
                        "Enterprise",
                        "13.12.2026 10:00:00"));
        assertThat(report.finding("certificate.trust").orElseThrow().variant()).isEqualTo("privateCa");
        ConnectorFinding soon = report.finding("certificate.valid").orElseThrow();
        assertThat(soon.variant()).isEqualTo("expiresSoon");
        assertThat(soon.detail().in(Locale.ENGLISH))
                .isEqualTo("mail.contoso.com (3764E7B5…) expires on 2026-12-13, in 9 days.");
    }

    @Test
    void noSendConnectorToExchangeOnlineSendsTheUserToTheWizardNotToACommand() throws Exception {
        ConnectorReport report = judgeInline(
                "Identity          : Internet",
                "AddressSpaces     : {SMTP:*;1}",
                "DNSRoutingEnabled : True",
                "SmartHosts        : {}",
                "RequireTLS        : False");
        ConnectorFinding f = report.finding("send.connector").orElseThrow();
        assertThat(f.variant()).isEqualTo("none");
        assertThat(f.commands()).isEmpty();
        assertThat(f.advice().in(Locale.ENGLISH)).startsWith("Run the Hybrid Configuration Wizard again");
    }

    @Test
    void aCertificateCauseIsNeverSentToTheSchannelRegistry() throws Exception {
        String[][] scenarios = {
            {"fl-renewed-new-ca-console80.txt"},
            {"fl-swedish-utf16.txt"},
            {"clixml-send-connectors-ps51.xml", "clixml-certificate-rawdata-ps7.xml", "exo-connectors-fl.txt"},
            {"json-ps51-certificates-ex02.json", "json-ps51-receive-ex02.json"}
        };
        for (String[] files : scenarios) {
            for (ConnectorFinding f : Corpus.judge(files).findings()) {
                String words = String.join(" ", f.commands()) + " "
                        + (f.advice() == null ? "" : f.advice().in(Locale.ENGLISH)) + " "
                        + (f.advice() == null ? "" : f.advice().in(Languages.SWEDISH));
                assertThat(words)
                        .doesNotContainIgnoringCase("SCHANNEL")
                        .doesNotContainIgnoringCase("registry")
                        .doesNotContainIgnoringCase("register")
                        .doesNotContain("TLS 1.2");
            }
        }
    }

    @Test
    void everyRuleTextIsInEnglishAndSwedish() {
        for (var entry : ConnectorRules.get().allTexts().entrySet()) {
            LocalizedText text = entry.getValue();
            assertThat(text.isCompleteFor(Languages.ALL)).as(entry.getKey()).isTrue();
        }
    }

    private static ConnectorReport judgeInline(String... lines) throws ConnectorInputException {
        return new ConnectorEvaluator()
                .evaluate(SavedConnectorOutput.fromText(String.join("\n", lines), "paste"), Corpus.NOW);
    }

    private static String receive(String server, String certificate) {
        return String.join(
                "\n",
                "Identity              : " + server + "\\Default Frontend " + server,
                "Bindings              : {[::]:25, 0.0.0.0:25}",
                "RemoteIPRanges        : {::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 0.0.0.0-255.255.255.255}",
                "TransportRole         : FrontendTransport",
                "AuthMechanism         : Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
                "TlsCertificateName    : " + certificate,
                "TlsDomainCapabilities : {mail.protection.outlook.com:AcceptCloudServicesMail}",
                "Fqdn                  : " + server + ".contoso.com");
    }

    private static String certificate(
            String server,
            String subject,
            String issuer,
            String domains,
            String selfSigned,
            String root,
            String notAfter) {
        return String.join(
                "\n",
                "CertificateDomains : " + domains,
                "HasPrivateKey      : True",
                "Identity           : " + server + ".contoso.com\\3764E7B5A8FAFF3E5E9599BE46F41048AC59FA3C",
                "IsSelfSigned       : " + selfSigned,
                "Issuer             : " + issuer,
                "NotAfter           : " + notAfter,
                "RootCAType         : " + root,
                "Services           : IIS, SMTP",
                "Status             : Valid",
                "Subject            : " + subject,
                "Thumbprint         : 3764E7B5A8FAFF3E5E9599BE46F41048AC59FA3C");
    }
}
