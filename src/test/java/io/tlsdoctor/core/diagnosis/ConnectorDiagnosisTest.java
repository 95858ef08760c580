package io.tlsdoctor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.connectors.ConnectorEvaluator;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.SavedConnectorOutput;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connectors check in the diagnosis: after a certificate or connector symptom its findings are the evidence that
 * settles the cause, and a user whose only problem is a certificate is never sent to the SChannel registry fix.
 */
class ConnectorDiagnosisTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final String NDR_421 = "Remote Server returned '451 4.4.0 Primary target IP address responded with: "
            + "\"421 4.4.2 Connection dropped due to SocketError.\"'";

    @TempDir
    Path dir;

    private final DiagnosisEngine engine = new DiagnosisEngine(Cases.CATALOG);

    static ConnectorReport report(String... names) throws Exception {
        List<Path> files = Arrays.stream(names)
                .map(name -> {
                    try {
                        return Path.of(ConnectorDiagnosisTest.class
                                .getResource("/io/tlsdoctor/core/connectors/" + name)
                                .toURI());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        return new ConnectorEvaluator().evaluate(new SavedConnectorOutput(files).collect(), NOW);
    }

    @Test
    void aCertificateSymptomWithTheRenewedCertificateUnboundIsACertificateCauseBackedByTheConnectors()
            throws Exception {
        CaseFile file = CaseFile.builder(Cases.OFFLINE)
                .pickedSymptom(SymptomCode.CERTIFICATE)
                .connectors(report("fl-renewed-new-ca-console80.txt"))
                .build();
        assertThat(engine.plan(file).needs(CheckKind.CONNECTORS))
                .as("the check that runs after this symptom")
                .isTrue();
        Conclusion conclusion = engine.conclude(file);
        assertThat(conclusion.cause()).isEqualTo(Cause.CERTIFICATE);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(Cases.chain(conclusion))
                .contains(
                        "SUPPORTS CONNECTORS: Exchange's configuration: Get-SendConnector "
                                + "'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' has TlsCertificateName \u201c<I>CN=GeoTrust TLS RSA CA G1");
        assertThat(Cases.nextSteps(conclusion)).contains("Do not change the SChannel registry for this.");
    }

    @Test
    void withoutTheConnectorsCheckTheSameSymptomStaysOpen() {
        Conclusion conclusion = engine.conclude(CaseFile.builder(Cases.OFFLINE)
                .pickedSymptom(SymptomCode.CERTIFICATE)
                .build());
        assertThat(conclusion.cause()).isNotEqualTo(Cause.CERTIFICATE);
        assertThat(Cases.nextSteps(conclusion)).contains("Check the connectors and certificates");
    }

    @Test
    void aSocketErrorWithTls12OnAndACertificateWithoutSmtpIsNotSentToTheRegistryFix() throws Exception {
        CaseFile file =
                Cases.caseFile(Cases.recognise(NDR_421), Cases.registry(dir, true, true), List.of(), null).toBuilder()
                        .connectors(report("fl-swedish-utf16.txt"))
                        .build();
        Conclusion conclusion = engine.conclude(file);
        assertThat(conclusion.cause()).isEqualTo(Cause.CERTIFICATE);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(Cases.chain(conclusion))
                .contains(
                        "SUPPORTS CONNECTORS: Exchange's configuration: Get-ExchangeCertificate "
                                + "-Server 'EXSTHLM01.contoso.com' 5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B has Services \u201cIIS\u201d (certificate.smtp/missing).");
    }

    @Test
    void healthyConnectorsSpeakAgainstACertificateCause() throws Exception {
        CaseFile file = CaseFile.builder(Cases.OFFLINE)
                .pickedSymptom(SymptomCode.CERTIFICATE)
                .connectors(report("fl-healthy-ex2019-ems120.txt"))
                .build();
        Conclusion conclusion = engine.conclude(file);
        assertThat(conclusion.cause()).isNotEqualTo(Cause.CERTIFICATE);
        assertThat(Cases.chain(conclusion))
                .contains("CONTRADICTS CONNECTORS: Exchange's connectors and certificates:")
                .contains("checks passed and none failed");
    }
}
