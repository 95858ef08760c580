package io.tlsdoctor.platform.schannel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SchannelProbeTest {

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String answer(String... lines) {
        return "LANGUAGE=FullLanguage\r\n" + String.join("\r\n", lines) + "\r\nDONE=1\r\n";
    }

    @Test
    void tls12FromSchannelIsFineAndTls10MeansThisMachineOffersNothingNewer() {
        ProbeFinding modern = PowerShellSchannelProbe.interpret(
                "mx.contoso.com",
                25,
                answer(
                        "DEFAULT.RESULT=OK",
                        "DEFAULT.PROTOCOL=Tls12",
                        "DEFAULT.CIPHER=Aes256 256",
                        "TLS12.RESULT=OK",
                        "TLS12.PROTOCOL=Tls12",
                        "TLS12.CIPHER=Aes256 256",
                        "TLS13.RESULT=FAIL",
                        "TLS13.STAGE=tls",
                        "TLS13.ERROR="
                                + b64(
                                        "The client and server cannot communicate, because they do not possess a common algorithm")),
                0,
                "");
        assertThat(modern.id()).isEqualTo("schannelModern");
        assertThat(modern.severity()).isEqualTo(Severity.OK);
        assertThat(modern.text().args())
                .containsExactly(
                        "mx.contoso.com:25",
                        "Tls12",
                        "Aes256 256",
                        "TLS 1.2",
                        "TLS 1.3 (The client and server cannot communicate, because they do not possess a common algorithm)");

        ProbeFinding legacy = PowerShellSchannelProbe.interpret(
                "mx.contoso.com",
                25,
                answer("DEFAULT.RESULT=OK", "DEFAULT.PROTOCOL=Tls", "DEFAULT.CIPHER=Aes128 128"),
                0,
                "");
        assertThat(legacy.id()).isEqualTo("schannelLegacy");
        assertThat(legacy.severity()).isEqualTo(Severity.FAIL);

        ProbeFinding failed = PowerShellSchannelProbe.interpret(
                "mx.contoso.com",
                25,
                answer(
                        "DEFAULT.RESULT=FAIL",
                        "DEFAULT.STAGE=tls",
                        "DEFAULT.ERROR="
                                + b64(
                                        "The client and server cannot communicate, because they do not possess a common algorithm")),
                0,
                "");
        assertThat(failed.id()).isEqualTo("schannelFailed");
        assertThat(failed.text().args())
                .containsExactly(
                        "mx.contoso.com:25",
                        "The client and server cannot communicate, because they do not possess a common algorithm",
                        "-",
                        "-");
    }

    /** A Swedish Windows answers in Swedish: the error arrives in Base64 of UTF-8, so no code page can garble it. */
    @Test
    void aForcedVersionThatSchannelRefusesIsNamedWithWindowsOwnReasonInItsOwnLanguage() {
        String reason = "Klienten och servern kan inte kommunicera eftersom de inte har någon gemensam algoritm";
        ProbeFinding finding = PowerShellSchannelProbe.interpret(
                "[2001:db8::25]",
                25,
                answer(
                        "DEFAULT.RESULT=OK",
                        "DEFAULT.PROTOCOL=Tls12",
                        "DEFAULT.CIPHER=Aes256 256",
                        "TLS12.RESULT=FAIL",
                        "TLS12.STAGE=tls",
                        "TLS12.ERROR=" + b64(reason),
                        "TLS13.RESULT=FAIL",
                        "TLS13.STAGE=tls",
                        "TLS13.ERROR=" + b64(reason)),
                0,
                "");

        assertThat(finding.text().args().get(3)).isEqualTo("-");
        assertThat(finding.text().args().get(4)).isEqualTo("TLS 1.2 (" + reason + "); TLS 1.3 (" + reason + ")");
        assertThat(Messages.forLocale(Locale.forLanguageTag("sv"))
                        .get(finding.text().key(), finding.text().argArray()))
                .contains("vägrade: TLS 1.2 (Klienten och servern", "gemensam algoritm)");
    }

    @Test
    void constrainedLanguageModeIsCouldNotTestHereNeverAFailure() {
        ProbeFinding finding = PowerShellSchannelProbe.interpret(
                "mx.contoso.com", 25, "LANGUAGE=ConstrainedLanguage\r\nDONE=1\r\n", 0, "");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.id()).isEqualTo("schannelUnavailable");
        assertThat(finding.text().key()).isEqualTo("probe.finding.schannelConstrained");
        assertThat(Messages.forLocale(Locale.ENGLISH)
                        .get(finding.text().key(), finding.text().argArray()))
                .contains("could not be tested here", "ConstrainedLanguage", "AppLocker or WDAC");
    }

    /** What the old stdin launch produced: nothing at all. It was a FAIL with no reason; it is "could not test". */
    @Test
    void emptyOutputIsCouldNotTestWithTheExitCodeAndPowerShellsOwnError() {
        String clixml =
                "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                        + "<S S=\"Error\">Program 'x' failed to run: Access is denied_x000D__x000A_</S></Objs>";
        ProbeFinding finding = PowerShellSchannelProbe.interpret("mx.contoso.com", 25, "", 1, clixml);

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.text().key()).isEqualTo("probe.finding.schannelNoOutput");
        assertThat(finding.text().args()).containsExactly("1", "Program 'x' failed to run: Access is denied");
    }

    @Test
    void unparseableOutputIsCouldNotTestAndShowsWhatCame() {
        ProbeFinding finding = PowerShellSchannelProbe.interpret(
                "mx.contoso.com", 25, "\r\nWelcome to the contoso profile banner\r\nRESULT=OK\r\n", 0, "");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.text().key()).isEqualTo("probe.finding.schannelUnreadable");
        assertThat(finding.text().args()).containsExactly("Welcome to the contoso profile banner");
    }

    /** A refused connection or a STARTTLS refusal never reached SChannel, so it says nothing about SChannel. */
    @Test
    void aConnectionThatNeverReachedTlsIsNotBlamedOnSchannel() {
        ProbeFinding finding = PowerShellSchannelProbe.interpret(
                "mx.contoso.com",
                25,
                answer(
                        "DEFAULT.RESULT=FAIL",
                        "DEFAULT.STAGE=connect",
                        "DEFAULT.ERROR="
                                + b64("No connection could be made because the target machine actively refused it")),
                0,
                "");

        assertThat(finding.severity()).isEqualTo(Severity.INFO);
        assertThat(finding.text().key()).isEqualTo("probe.finding.schannelNotReached");
        assertThat(finding.text().args())
                .containsExactly(
                        "mx.contoso.com:25",
                        "No connection could be made because the target machine actively refused it");
    }

    @Test
    void runsWindowsPowerShellByItsFullPathWithTheScriptEncodedAsUtf16() {
        List<String> command = PowerShellSchannelProbe.command(
                Path.of("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe"),
                PowerShellSchannelProbe.SCRIPT);

        assertThat(command.get(0)).endsWith("System32\\WindowsPowerShell\\v1.0\\powershell.exe");
        assertThat(command).containsSubsequence("-NoProfile", "-NonInteractive", "-EncodedCommand");
        assertThat(command).doesNotContain("-Command", "-");
        String encoded = command.get(command.size() - 1);
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE))
                .isEqualTo(PowerShellSchannelProbe.SCRIPT);
        // Windows' command line holds 32,767 characters
        assertThat(String.join(" ", command).length()).isLessThan(32_767);
        assertThat(PowerShellSchannelProbe.encode("ab")).isEqualTo("YQBiAA==");
        assertThat(PowerShellSchannelProbe.powerShellExe().toString()).contains("WindowsPowerShell");
    }

    /** The language mode is asked before anything Constrained Language Mode would refuse, OutputEncoding included. */
    @Test
    void theScriptChecksTheLanguageModeFirstThenSetsUtf8AndTriesEachVersion() {
        String script = PowerShellSchannelProbe.SCRIPT;
        int languageCheck = script.indexOf("LanguageMode -ne 'FullLanguage'");
        int utf8 = script.indexOf("[Console]::OutputEncoding = [Text.Encoding]::UTF8");
        assertThat(languageCheck).isPositive();
        assertThat(utf8).isGreaterThan(languageCheck);
        assertThat(script)
                .contains(
                        "Test-Handshake 'DEFAULT' $null",
                        "Test-Handshake 'TLS12' 3072",
                        "Test-Handshake 'TLS13' 12288",
                        "TcpClient($address.AddressFamily)",
                        "Write-Answer 'DONE=1'");
        assertThat(script.chars().allMatch(c -> c < 128))
                .as("ASCII only, whatever the code page")
                .isTrue();
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
            ProbeFinding finding =
                    SchannelProbe.forThisMachine().handshake("127.0.0.1", peer.port(), Duration.ofSeconds(20));
            assertThat(finding.id()).as(finding.text().args().toString()).isEqualTo("schannelModern");
            assertThat(finding.text().args().get(1)).isEqualToIgnoringCase("Tls12");
            assertThat(finding.text().args().get(3)).as("TLS 1.2 forced").contains("TLS 1.2");
        }
    }

    /** On Windows: the same over IPv6 loopback, which .NET Framework's default TcpClient cannot reach. */
    @Test
    @EnabledOnOs(OS.WINDOWS)
    void windowsSchannelReachesAnIpv6Peer() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().protocols("TLSv1.2").bindAddress("::1").start()) {
            ProbeFinding finding = SchannelProbe.forThisMachine().handshake("::1", peer.port(), Duration.ofSeconds(20));
            assertThat(finding.id()).as(finding.text().args().toString()).isEqualTo("schannelModern");
        }
    }
}
