package io.tlsdoctor.core.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every saved form reads into the same model: what an admin would see in the cmdlet output, field by field. */
class SavedConnectorOutputTest {

    private static final String GEO = "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US";

    @Test
    void formatListAt120ColumnsJoinsWrappedValuesAndSortsEveryCmdlet() throws Exception {
        ConnectorSnapshot s = Corpus.read("fl-healthy-ex2019-ems120.txt");
        assertThat(s.sendConnectors())
                .extracting(SendConnector::name)
                .containsExactly("Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d", "Internet");
        SendConnector hcw = s.sendConnectors().get(0);
        // the value wraps mid-word at column 120 ("mail.contos" / "o.com"): joined without a space
        assertThat(hcw.certificate().raw()).isEqualTo("<I>" + GEO + "<S>CN=mail.contoso.com");
        assertThat(hcw.addressSpaces()).containsExactly("smtp:contoso.mail.onmicrosoft.com;1");
        assertThat(hcw.smartHosts()).isEmpty();
        assertThat(hcw.requireTls()).isTrue();
        assertThat(s.receiveConnectors())
                .extracting(ReceiveConnector::identity)
                .containsExactly("EX01\\Default Frontend EX01", "EX01\\Default EX01", "EX01\\Client Frontend EX01");
        assertThat(s.receiveConnectors().get(0).tlsDomainCapabilities())
                .containsExactly("mail.protection.outlook.com:AcceptCloudServicesMail");
        assertThat(s.receiveConnectors().get(0).authMechanism()).contains("Tls", "ExchangeServer");
        assertThat(s.certificates())
                .extracting(ExchangeCertificate::thumbprint)
                .containsExactly(
                        "3764E7B5A8FAFF3E5E9599BE46F41048AC59FA3C", "B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0");
        assertThat(s.certificates().get(0).server()).isEqualTo("EX01.contoso.com");
        assertThat(s.certificates().get(0).services()).containsExactly("IMAP", "POP", "IIS", "SMTP");
        assertThat(s.hybrid().receivingServers()).containsExactly("EX01");
        assertThat(s.hybrid().onPremisesSmartHost()).isEqualTo("mail.contoso.com");
        assertThat(s.notes()).isEmpty();
    }

    @Test
    void consoleCopyAt80ColumnsJoinsHardBreaksAndNotesTheCutOffServerList() throws Exception {
        ConnectorSnapshot s = Corpus.read("fl-renewed-new-ca-console80.txt");
        assertThat(s.sendConnectors().get(0).certificate().raw()).isEqualTo("<I>" + GEO + "<S>CN=mail.contoso.com");
        assertThat(s.sendConnectors().get(0).sourceServers()).containsExactly("EX01", "EX02", "EX03", "EX04");
        assertThat(s.certificates().get(0).subject().text())
                .isEqualTo("CN=mail.contoso.com, O=Contoso Ltd, L=Redmond, S=Washington, C=US");
        assertThat(s.notes()).extracting(ReadNote::key).contains("connectors.note.truncated");
        assertThat(s.notes().get(0).args()).contains("SourceTransportServers");
    }

    @Test
    void utf16FileWithASwedishConnectorNameKeepsItsLettersAndComma() throws Exception {
        ConnectorSnapshot s = Corpus.read("fl-swedish-utf16.txt");
        assertThat(s.sendConnectors().get(0).name()).isEqualTo("Utgående till Office 365, Göteborg");
        assertThat(s.certificates().get(0).notAfter().earliest()).isEqualTo("2027-03-01T13:00:00Z");
        assertThat(s.certificates().get(0).services()).containsExactly("IIS");
    }

    @Test
    void exchangeOnlineConnectorsFromFormatList() throws Exception {
        ConnectorSnapshot s = Corpus.read("exo-connectors-fl.txt");
        assertThat(s.inboundConnectors()).singleElement().satisfies(c -> {
            assertThat(c.tlsSenderCertificateName()).isEqualTo("hybrid.contoso.com");
            assertThat(c.senderDomains()).containsExactly("smtp:*;1");
            assertThat(c.requireTls()).isTrue();
        });
        assertThat(s.outboundConnectors()).singleElement().satisfies(c -> {
            assertThat(c.tlsDomain()).isEqualTo("mail.contoso.com");
            assertThat(c.smartHosts()).containsExactly("mail.contoso.com");
        });
    }

    @Test
    void clixmlFromWindowsPowerShellReadsEnumsListsRefsAndEscapes() throws Exception {
        ConnectorSnapshot s = Corpus.read("clixml-send-connectors-ps51.xml");
        assertThat(s.sendConnectors()).hasSize(2);
        SendConnector hcw = s.sendConnectors().get(0);
        assertThat(hcw.tlsAuthLevel()).isEqualTo("DomainValidation");
        assertThat(hcw.certificate().issuer().text()).isEqualTo(GEO);
        assertThat(hcw.sourceServers()).containsExactly("EX01");
        SendConnector second = s.sendConnectors().get(1);
        assertThat(second.name()).isEqualTo("Till internet (Malmö, Lund)");
        assertThat(second.sourceServers())
                .as("<Ref RefId=4> repeats the first connector's list")
                .containsExactly("EX01");
        assertThat(second.certificate()).isNull();
    }

    @Test
    void clixmlOfACertificateWithOnlyItsBytesIsReadFromTheBytes() throws Exception {
        ExchangeCertificate c =
                Corpus.read("clixml-certificate-rawdata-ps7.xml").certificates().get(0);
        assertThat(c.thumbprint()).isEqualTo("3764E7B5A8FAFF3E5E9599BE46F41048AC59FA3C");
        assertThat(c.issuer().sameAs(new DistinguishedName(GEO))).isTrue();
        assertThat(c.names()).contains("mail.contoso.com", "smtp.contoso.com");
        assertThat(c.services()).as("Services are not in the bytes").isNull();
    }

    @Test
    void jsonFromWindowsPowerShellReadsMsDatesFlagsAndNestedValues() throws Exception {
        ConnectorSnapshot s = Corpus.read("json-ps51-certificates-ex02.json", "json-ps51-receive-ex02.json");
        ExchangeCertificate expired = s.certificates().get(0);
        assertThat(expired.notAfter().earliest()).isEqualTo("2025-11-16T23:59:59Z");
        assertThat(expired.services()).containsExactly("IMAP", "POP", "IIS", "SMTP");
        assertThat(expired.domains()).containsExactly("mail.contoso.com", "autodiscover.contoso.com");
        assertThat(expired.status()).as("a number is not guessed at").isNull();
        ReceiveConnector receive = s.receiveConnectors().get(0);
        assertThat(receive.bindings()).containsExactly("[::]:25", "0.0.0.0:25");
        assertThat(receive.tlsDomainCapabilities())
                .containsExactly("mail.protection.outlook.com:AcceptCloudServicesMail");
        assertThat(receive.certificate().subject().text()).isEqualTo("CN=mail.contoso.com");
        assertThat(s.notes()).extracting(ReadNote::key).contains("connectors.note.enumNumber");
    }

    @Test
    void jsonCutByDepthIsMarkedAndTheRestStillRead() throws Exception {
        ConnectorSnapshot s = Corpus.read("json-ps7-send-depth.json", "json-flattened-certificate-nokey.json");
        SendConnector c = s.sendConnectors().get(0);
        assertThat(c.smartHosts()).containsExactly("contoso-com.mail.protection.outlook.com");
        assertThat(c.addressSpaces()).containsExactly("smtp:contoso.mail.onmicrosoft.com;1");
        assertThat(c.sourceServers()).isEmpty();
        assertThat(s.notes()).anySatisfy(n -> {
            assertThat(n.key()).isEqualTo("connectors.note.depth");
            assertThat(n.args()).contains("SourceTransportServers");
        });
        assertThat(s.certificates().get(0).server()).isEqualTo("EX01");
        assertThat(s.certificates().get(0).domains()).containsExactly("mail.contoso.com", "autodiscover.contoso.com");
    }

    @Test
    void badInputNamesTheProblemAndTheWayOut() {
        assertThatThrownBy(() -> Corpus.read("bad/table-default-view.txt"))
                .isInstanceOfSatisfying(ConnectorInputException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("connectors.read.table");
                    assertThat(e.args()[1]).isEqualTo(2);
                });
        assertThatThrownBy(() -> Corpus.read("bad/not-cmdlet-output.txt"))
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.read.nothing"));
        assertThatThrownBy(() -> Corpus.read("bad/clixml-cut-short.xml"))
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.read.xml"));
        assertThatThrownBy(() -> Corpus.read("bad/json-cut-short.json"))
                .isInstanceOfSatisfying(
                        ConnectorInputException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("connectors.read.json"));
    }

    @Test
    void missingEmptyAndBinaryFiles(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "\r\n  \r\n");
        Path binary = Files.write(dir.resolve("send.txt"), new byte[] {'N', 'a', 0, 0, 0, 'x', 0, 0, 0, 0, 1, 2});
        for (Object[] c : new Object[][] {
            {dir.resolve("nope.txt"), "connectors.read.notFound"},
            {empty, "connectors.read.empty"},
            {binary, "connectors.read.binary"}
        }) {
            assertThatThrownBy(() -> new SavedConnectorOutput(List.of((Path) c[0])).collect())
                    .isInstanceOfSatisfying(
                            ConnectorInputException.class,
                            e -> assertThat(e.messageKey()).isEqualTo(c[1]));
        }
    }

    @Test
    void aPasteWithBlankLinesBetweenPropertiesIsStillOneObject() throws Exception {
        String paste =
                "Identity           : Outbound to Office 365\n\nAddressSpaces      : {smtp:contoso.mail.onmicrosoft.com;1}\n\n"
                        + "DNSRoutingEnabled  : True\n\nSmartHosts         : {}\n\nRequireTLS         : False\n";
        ConnectorSnapshot s = SavedConnectorOutput.fromText(paste, "paste");
        assertThat(s.sendConnectors()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("Outbound to Office 365");
            assertThat(c.requireTls()).isFalse();
        });
        assertThat(new String(paste.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(paste);
    }
}
