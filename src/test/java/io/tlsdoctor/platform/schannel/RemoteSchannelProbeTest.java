package io.tlsdoctor.platform.schannel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.probe.ProbeFinding;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The handshake on another server: its answer comes back through the pipeline, and a remoting failure is named as one. */
class RemoteSchannelProbeTest {

    @Test
    void theRemoteScriptAnswersThroughThePipelineAndTakesHostAndPortAsArguments() {
        assertThat(RemoteSchannelProbe.REMOTE_SCRIPT)
                .startsWith("param($h, $p, $t)")
                .contains("function Write-Answer([string]$Line) { $Line }")
                .doesNotContain("[Console]::Out.WriteLine($Line)");
        assertThat(RemoteSchannelProbe.WRAPPER)
                .contains("Invoke-Command -ComputerName $env:TLSDOCTOR_SERVER")
                .doesNotContain("TLSDOCTOR_HOST =");
    }

    @Test
    void aRemotingFailureSaysSoAndIsNoVerdictOnSchannel() {
        String reason = "Connecting to remote server EX03 failed: Access is denied.";
        ProbeFinding finding = RemoteSchannelProbe.interpret(
                "EX03",
                "contoso-com.mail.protection.outlook.com",
                25,
                "REMOTE=" + Base64.getEncoder().encodeToString(reason.getBytes(StandardCharsets.UTF_8)) + "\n",
                0,
                "");

        assertThat(finding.id()).isEqualTo("schannelUnavailable");
        assertThat(finding.text().key()).isEqualTo("probe.finding.schannelRemoteFailed");
        assertThat(finding.text().args()).containsExactly("EX03", reason);
    }

    @Test
    void aHandshakeThatCameBackIsInterpretedAsOnThisComputer() {
        String output = String.join(
                "\n",
                "LANGUAGE=FullLanguage",
                "DEFAULT.RESULT=OK",
                "DEFAULT.PROTOCOL=Tls",
                "DEFAULT.CIPHER=Aes256",
                "TLS12.RESULT=FAIL",
                "TLS12.STAGE=tls",
                "TLS12.ERROR="
                        + Base64.getEncoder().encodeToString("no common algorithm".getBytes(StandardCharsets.UTF_8)),
                "DONE=1");
        ProbeFinding finding =
                RemoteSchannelProbe.interpret("EX03", "contoso-com.mail.protection.outlook.com", 25, output, 0, "");

        assertThat(finding.id()).isEqualTo("schannelLegacy");
    }
}
