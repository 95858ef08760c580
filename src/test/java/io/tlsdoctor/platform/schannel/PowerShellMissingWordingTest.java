package io.tlsdoctor.platform.schannel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Where Windows PowerShell cannot be started, the user reads which program and why, in their language; the reason
 * is never a fragment of English ("... is missing") or Java's "Cannot run program" text.
 */
@DisabledOnOs(OS.WINDOWS) // here powershell.exe is surely absent
public class PowerShellMissingWordingTest {

    /** The message of a failure to start PowerShell, checked in English and Swedish. */
    public static void plainInBothLanguages(String key, List<?> args) {
        String en = Messages.forLocale(Languages.ENGLISH).get(key, args.toArray());
        String sv = Messages.forLocale(Languages.SWEDISH).get(key, args.toArray());
        assertThat(en)
                .contains("powershell.exe")
                .contains("is not on this computer")
                .doesNotContain("{")
                .doesNotContain("Exception");
        assertThat(sv)
                .contains("powershell.exe")
                .contains("inte finns på den här datorn")
                .doesNotContain("{")
                .doesNotContain("is missing")
                .doesNotContain("Exception");
    }

    @Test
    void theLocalAndTheRemoteSchannelProbeSayPowerShellIsNotThere() {
        for (ProbeFinding finding : List.of(
                new PowerShellSchannelProbe().handshake("127.0.0.1", 25, Duration.ofSeconds(1)),
                new RemoteSchannelProbe("ex01.contoso.com").handshake("127.0.0.1", 25, Duration.ofSeconds(1)))) {
            assertThat(finding.text().key()).isEqualTo("probe.finding.schannelNoPowerShell");
            plainInBothLanguages(finding.text().key(), finding.text().args());
        }
    }
}
