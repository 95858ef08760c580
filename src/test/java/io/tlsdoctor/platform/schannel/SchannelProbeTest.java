package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SchannelProbeTest {

    @Test
    void tls12FromSchannelIsFineAndTls10MeansThisMachineOffersNothingNewer() {
        ProbeFinding modern = PowerShellSchannelProbe.interpret("mx.contoso.com", 25,
                "RESULT=OK\r\nPROTOCOL=Tls12\r\nCIPHER=Aes256 256\r\n");
        assertThat(modern.id()).isEqualTo("schannelModern");
        assertThat(modern.severity()).isEqualTo(Severity.OK);
        assertThat(modern.text().args()).containsExactly("mx.contoso.com:25", "Tls12", "Aes256 256");

        ProbeFinding legacy = PowerShellSchannelProbe.interpret("mx.contoso.com", 25, "RESULT=OK\nPROTOCOL=Tls\nCIPHER=Aes128 128\n");
        assertThat(legacy.id()).isEqualTo("schannelLegacy");
        assertThat(legacy.severity()).isEqualTo(Severity.FAIL);

        ProbeFinding failed = PowerShellSchannelProbe.interpret("mx.contoso.com", 25,
                "RESULT=FAIL\nERROR=The client and server cannot communicate, because they do not possess a common algorithm\n");
        assertThat(failed.id()).isEqualTo("schannelFailed");
        assertThat(failed.text().args()).containsExactly("mx.contoso.com:25",
                "The client and server cannot communicate, because they do not possess a common algorithm");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void offWindowsItSaysWhyAndReportsNothingElse() {
        ProbeFinding finding = SchannelProbe.forThisMachine().handshake("127.0.0.1", 25, Duration.ofSeconds(1));
        assertThat(finding.id()).isEqualTo("schannelUnavailable");
        assertThat(finding.severity()).isEqualTo(Severity.INFO);
    }

    /** On Windows: the real SChannel handshake, through PowerShell, to a loopback STARTTLS peer that speaks TLS 1.2. */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsSchannelNegotiatesWithALoopbackPeer() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            ProbeFinding finding = SchannelProbe.forThisMachine().handshake("127.0.0.1", peer.port(), Duration.ofSeconds(20));
            assertThat(finding.id()).as(finding.text().args().toString()).isEqualTo("schannelModern");
            assertThat(finding.text().args().get(1)).isEqualToIgnoringCase("Tls12");
        }
    }
}
