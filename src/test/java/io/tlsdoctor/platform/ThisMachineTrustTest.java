package io.tlsdoctor.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.CompositeTrustManager;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeListener;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.core.probe.ProbeRequest;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.testpeers.TestCertificates;
import java.security.KeyStore;
import java.util.List;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * An Exchange certificate from the company's own CA: Windows trusts it (Group Policy put the CA in its root store),
 * the JDK's cacerts does not. Here two real stores stand in: cacerts, and a PKCS#12 store holding the peer's
 * certificate as Windows' store would hold the company CA.
 */
class ThisMachineTrustTest {

    private static final ProbeOptions OUTBOUND = ProbeOptions.defaults(Direction.ONPREM_TO_EXO);

    private static TargetReport probe(X509TrustManager judge, int port) throws InterruptedException {
        return new ProbeEngine(judge)
                .run(ProbeRequest.hosts(List.of(ProbeTarget.direct("127.0.0.1", port))), OUTBOUND, ProbeListener.NONE)
                .targets()
                .get(0);
    }

    @Test
    void aCertificateTrustedByEitherStoreIsTrustedAndOneTrustedByNeitherKeepsCacertsReason() throws Exception {
        X509TrustManager cacerts = CompositeTrustManager.of((KeyStore) null).orElseThrow();
        X509TrustManager company = TestCertificates.trusting("good");
        X509TrustManager other = TestCertificates.trusting("wrongname");
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            TargetReport cacertsOnly = probe(cacerts, peer.port());
            assertThat(cacertsOnly.certificate().trusted())
                    .as("cacerts alone: the company CA is unknown")
                    .isFalse();

            TargetReport both = probe(ThisMachineTrust.combine(cacerts, company), peer.port());
            assertThat(both.certificate().trusted()).isTrue();
            assertThat(both.findings().stream().map(ProbeFinding::id))
                    .contains("certOk")
                    .doesNotContain("certUntrusted");

            TargetReport neither = probe(ThisMachineTrust.combine(cacerts, other), peer.port());
            assertThat(neither.certificate().trusted()).isFalse();
            assertThat(neither.findings().stream().map(ProbeFinding::id)).contains("certUntrusted");
        }
    }

    @Test
    void offWindowsOrWithoutMscapiItIsCacertsAlone() {
        X509TrustManager cacerts = CompositeTrustManager.of((KeyStore) null).orElseThrow();
        assertThat(ThisMachineTrust.combine(cacerts, null)).isSameAs(cacerts);
        assertThat(ThisMachineTrust.combine(null, null)).isNull();
        assertThat(ThisMachineTrust.judges().get()).isNotNull();
    }

    /** On Windows: the Windows root store is read and joined to cacerts. */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void onWindowsTheWindowsRootStoreIsPartOfTheJudgement() throws Exception {
        KeyStore windows = KeyStore.getInstance("Windows-ROOT");
        windows.load(null, null);
        assertThat(windows.size()).isPositive();
        assertThat(ThisMachineTrust.judges().get()).isInstanceOf(CompositeTrustManager.class);
        assertThat(ThisMachineTrust.judges().get().getAcceptedIssuers().length)
                .isGreaterThan(
                        CompositeTrustManager.of((KeyStore) null).orElseThrow().getAcceptedIssuers().length);
    }
}
