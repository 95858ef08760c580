package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.diagnosis.Cases;
import io.tlsdoctor.core.logs.ProtocolLogGenerator;
import io.tlsdoctor.core.logs.ProtocolLogGenerator.Outcome;
import io.tlsdoctor.testpeers.DnsmasqPeer;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.testpeers.LegacyPeerProcess;
import io.tlsdoctor.testpeers.PostfixPeer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code tlsdoctor diagnose} end to end, as an admin runs it: real evidence text, real reg exports, real protocol
 * logs, real handshakes with loopback peers (Java SMTP servers, a TLS 1.0-only peer in its own JVM, Postfix), from
 * the evidence to the conclusion. Each of the four seed symptoms, Exchange Online to on-premises, and the lookalikes.
 */
class DiagnoseCommandTest {

    private static final String CLIENT_OFF =
            "This server cannot send with TLS 1.2: the SChannel Client side does not use it";
    private static final String REGISTRY_CLIENT_OFF =
            "[+] TLS 1.2 is switched off for the SChannel Client side, which sends mail "
                    + "(registry: Enabled=0, DisabledByDefault=1 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client)";
    private static final String NDR = String.join(
            "\r\n",
            "Delivery has failed to these recipients or groups:",
            "bob@fabrikam.com",
            "",
            "Diagnostic information for administrators:",
            "Generating server: EX01.contoso.com",
            "bob@fabrikam.com",
            "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired -> 451 4.4.397 Error communicating with target host. "
                    + "-> 421 4.4.2 Connection dropped due to SocketError'",
            "Original message headers:");
    private static final String GET_QUEUE = String.join(
            "\r\n",
            "Identity           : EX01\\12",
            "DeliveryType       : SmartHostConnectorDelivery",
            "NextHopDomain      : contoso-com.mail.protection.outlook.com",
            "Status             : Retry",
            "MessageCount       : 37",
            "LastError          : [{LRT=11/27/2026 8:12:40 AM};{LED=421 4.4.2 Connection dropped due to SocketError};"
                    + "{FQDN=contoso-com.mail.protection.outlook.com};{IP=104.47.58.138}]",
            "RetryCount         : 14");

    @TempDir
    Path dir;

    // --- the four seed symptoms ------------------------------------------------------------------------------------

    @Test
    void ndrWithTheClientSideOffIsConfirmedByTheHandshakeAndTheSendLog() throws Exception {
        Path evidence = Files.writeString(dir.resolve("ndr.txt"), NDR);
        Path logs = sendLogs(Map.of(Outcome.TLS_SOCKET_ERROR, 30, Outcome.PLAIN, 4));
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            CliRunner result = CliRunner.run(
                    "",
                    "diagnose",
                    "--evidence",
                    evidence.toString(),
                    "--reg-file",
                    reg(false, true),
                    "--host",
                    "127.0.0.1:" + exo.port(),
                    "--logs",
                    logs.toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(CLIENT_OFF, "Confidence: high", REGISTRY_CLIENT_OFF)
                    .contains("[+] 127.0.0.1:" + exo.port()
                            + " accepts TLS 1.2 from this network (handshake: TLSv1.2 with TLS_")
                    .contains("[+] The send log shows 30 sessions whose TLS negotiation failed")
                    .contains("1. Enable TLS 1.2 for the SChannel Client side")
                    .doesNotContain("\n  [!] ");
            assertThat(result.out())
                    .containsPattern("\\[\\+] The send log shows 30 sessions[^\\n]* with 104\\.47\\.\\d+\\.\\d+ ");
            assertThat(result.out().indexOf("We now check whether this server can send with TLS 1.2"))
                    .as("the plan's sentence comes before its check's result")
                    .isLessThan(result.out().indexOf("      → TLS 1.2 is switched off"));
        }
    }

    @Test
    void queueErrorOfflineWithExportsAndLogsIsHighAndSaysTheHandshakeWasNotRun() throws Exception {
        Path logs = sendLogs(Map.of(Outcome.TLS_SOCKET_ERROR, 12));

        CliRunner result = CliRunner.run(
                GET_QUEUE,
                "diagnose",
                "--evidence",
                "-",
                "--reg-file",
                reg(false, true),
                "--logs",
                logs.toString(),
                "--offline");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "(QUEUE_421_SOCKET_ERROR)",
                        CLIENT_OFF,
                        "Confidence: high",
                        REGISTRY_CLIENT_OFF,
                        "[+] The send log shows 12 sessions",
                        "not run: offline, so no connection leaves this computer",
                        "[i] Not checked: a handshake towards Exchange Online",
                        "Run on ",
                        ", offline:");
    }

    @Test
    void sendLogTlsNegotiationFailedAgainstPostfixIsTheClientSide() throws Exception {
        Path logs = sendLogs(Map.of(Outcome.TLS_SOCKET_ERROR, 8, Outcome.PLAIN, 2));
        Path sendLog = firstLog(logs.resolve("SmtpSend"));
        try (PostfixPeer postfix = PostfixPeer.start()) {
            CliRunner result = CliRunner.run(
                    "",
                    "diagnose",
                    "--evidence",
                    sendLog.toString(),
                    "--reg-file",
                    reg(false, true),
                    "--host",
                    "127.0.0.1:" + postfix.modernPort(),
                    "--logs",
                    logs.toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "(PROTOCOL_LOG_TLS_NEGOTIATION_FAILED)",
                            CLIENT_OFF,
                            "Confidence: high",
                            "[+] The evidence shows \u201cTLS negotiation failed with error SocketError\u201d (8 times",
                            "[+] 127.0.0.1:" + postfix.modernPort() + " accepts TLS 1.2 from this network",
                            "[+] The send log shows 8 sessions");
        }
    }

    @Test
    void the451RetryWithBothSidesOffIsBothAndReadsBothLogs() throws Exception {
        // with the Server side off too, partners can only deliver in clear text
        Path logs = logs(Map.of(Outcome.STARTTLS_451, 6), Map.of(Outcome.PLAIN, 3));
        Path sendLog = firstLog(logs.resolve("SmtpSend"));

        CliRunner result = CliRunner.run(
                "",
                "diagnose",
                "--evidence",
                sendLog.toString(),
                "--reg-file",
                reg(false, false),
                "--logs",
                logs.toString(),
                "--offline");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "(PROTOCOL_LOG_451_STARTTLS_REQUIRED)",
                        "(needed) We now read the Send and Receive connector protocol logs",
                        "This server cannot use TLS 1.2 at all: neither SChannel side uses it",
                        "Confidence: high",
                        "switched off for the SChannel Client side",
                        "switched off for the SChannel Server side",
                        "[+] The send log shows 6 sessions whose TLS negotiation failed",
                        "1. Enable TLS 1.2 for both SChannel sides");
    }

    // --- the other direction ---------------------------------------------------------------------------------------

    @Test
    void exchangeOnlineToOnPremWithTheServerSideOffIsConfirmedByTheInboundHandshake() throws Exception {
        String trace =
                "450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation failed with error SocketError] "
                        + "[LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=127.0.0.1:25]";
        try (LegacyPeerProcess onPrem = new LegacyPeerProcess()) {
            CliRunner result = CliRunner.run(
                    trace,
                    "diagnose",
                    "--evidence",
                    "-",
                    "--reg-file",
                    reg(true, false),
                    "--inbound-host",
                    "127.0.0.1:" + onPrem.port());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "(EXO_TO_ONPREM_TLS_FAILURE)",
                            "We now test this server's own receive connector",
                            "This server cannot receive with TLS 1.2: the SChannel Server side does not use it",
                            "Confidence: high",
                            "[+] TLS 1.2 is switched off for the SChannel Server side",
                            "[+] Your receive connector at 127.0.0.1:" + onPrem.port() + " offers only TLS 1.0",
                            "The handshake towards Exchange Online: mail from Exchange Online to you does not use this server's sending side.");
        }
    }

    // --- lookalikes ------------------------------------------------------------------------------------------------

    @Test
    void unknownCredentialsIsACertificateProblemBackedByTheLogsAndAnExpiredCertificate() throws Exception {
        Path logs = sendLogs(Map.of(Outcome.TLS_UNKNOWN_CREDENTIALS, 9, Outcome.PLAIN, 2));
        Path sendLog = firstLog(logs.resolve("SmtpSend"));
        try (FakeSmtpPeer onPrem = FakeSmtpPeer.builder()
                .certificate("expired")
                .protocols("TLSv1.2")
                .start()) {
            CliRunner result = CliRunner.run(
                    "",
                    "diagnose",
                    "--evidence",
                    sendLog.toString(),
                    "--reg-file",
                    reg(true, true),
                    "--logs",
                    logs.toString(),
                    "--inbound-host",
                    "127.0.0.1:" + onPrem.port());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "A certificate problem, not the TLS version",
                            "Confidence: high",
                            "[+] The evidence shows \u201cTLS negotiation failed with error UnknownCredentials\u201d",
                            "[+] The logs show 9 sessions that failed because of a certificate",
                            "[+] The server certificate expired on ",
                            "[+] TLS 1.2 is on for the SChannel Client side",
                            "1. Check the certificate assigned to SMTP")
                    .doesNotContain("Enable TLS 1.2 for the SChannel");
        }
    }

    @Test
    void aRefusedPortIsTheNetworkNotTheTlsVersion() throws Exception {
        String queue =
                "LastError : 451 4.4.397 Error communicating with target host. -> 421 4.2.1 Unable to connect -> "
                        + "SocketConnectionRefused: Socket error code 10061";
        int closed = closedPort();

        CliRunner result = CliRunner.run(
                queue, "diagnose", "--evidence", "-", "--reg-file", reg(true, true), "--host", "127.0.0.1:" + closed);

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "A network problem: the connection does not get through",
                        "Confidence: high",
                        "[+] Port " + closed + " on 127.0.0.1:" + closed + " refuses connections",
                        "[+] TLS 1.2 is on for the SChannel Client side",
                        "1. Check the network path on port 25");
    }

    @Test
    void aMaskedBannerWithoutStarttlsBehindTheNdrIsAnInspectingFirewall() throws Exception {
        try (FakeSmtpPeer firewall = FakeSmtpPeer.builder()
                .banner("220 ***********************************")
                .noStartTls()
                .start()) {
            CliRunner result = CliRunner.run(
                    NDR,
                    "diagnose",
                    "--evidence",
                    "-",
                    "--reg-file",
                    reg(true, true),
                    "--host",
                    "127.0.0.1:" + firewall.port());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "A firewall or appliance in the path interferes with STARTTLS",
                            "Confidence: high",
                            "[+] STARTTLS is not offered and the banner is masked",
                            "[i] The evidence shows \u201c421 4.4.2 Connection dropped due to SocketError\u201d",
                            "1. Check the firewalls and appliances");
        }
    }

    @Test
    void aDeviceSubmittingWithOldTlsIsClientSubmissionAndNothingOnThisServerIsChecked() {
        CliRunner result = CliRunner.run(
                "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support "
                        + "TLS 1.2. Visit https://aka.ms/smtp_auth_tls",
                "diagnose",
                "--evidence",
                "-");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "A device or application that submits mail with SMTP AUTH",
                        "Confidence: medium",
                        "Left out for this symptom:",
                        "This server's SChannel settings: a device or application submits this mail with SMTP AUTH")
                .doesNotContain("We now check whether this server can send");
    }

    // --- contradictions and open diagnoses --------------------------------------------------------------------------

    @Test
    void failuresInTheLogWhileRegistryAndHandshakeSayTls12WorksAreShownAsAContradiction() throws Exception {
        Path logs = sendLogs(Map.of(Outcome.TLS_SOCKET_ERROR, 5, Outcome.TLS1_2, 20));
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            CliRunner result = CliRunner.run(
                    NDR,
                    "diagnose",
                    "--evidence",
                    "-",
                    "--reg-file",
                    reg(true, true),
                    "--host",
                    "127.0.0.1:" + exo.port(),
                    "--logs",
                    logs.toString());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            "No TLS problem found on this server",
                            "Confidence: medium",
                            "[!] The send log shows 5 sessions whose TLS negotiation failed",
                            "Compare the times")
                    .doesNotContain("Confidence: high");
        }
    }

    @Test
    void theEvidenceAloneIsNoDiagnosisAndExitsOneWithTheChecksThatWouldSettleIt() throws Exception {
        CliRunner result = CliRunner.run(NDR, "diagnose", "--evidence", "-", "--offline");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INCONCLUSIVE);
        assertThat(result.out())
                .contains(
                        "The checks could not reach a diagnosis",
                        "Confidence: low",
                        "1. Check the registry: run TLS Doctor on the server, or export the keys there",
                        "2. Test the handshake towards Exchange Online: give your mail domain with --domain");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void theMxOfTheDomainIsTestedWhenNoHostIsGiven() throws Exception {
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start();
                DnsmasqPeer dns = DnsmasqPeer.start(
                        "--mx-host=contoso.test,contoso-test.mail.protection.outlook.test,10",
                        "--host-record=contoso-test.mail.protection.outlook.test,127.0.0.1")) {
            CliRunner result = CliRunner.run(
                    NDR,
                    "diagnose",
                    "--evidence",
                    "-",
                    "--reg-file",
                    reg(false, true),
                    "--domain",
                    "contoso.test",
                    "--port",
                    String.valueOf(exo.port()),
                    "--dns-server",
                    dns.server());

            assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
            assertThat(result.out())
                    .contains(
                            CLIENT_OFF,
                            "Confidence: high",
                            "[+] contoso-test.mail.protection.outlook.test:" + exo.port()
                                    + " accepts TLS 1.2 from this network");
        }
    }

    @Test
    void theRunSpeaksSwedishWhenAsked() throws Exception {
        CliRunner result = CliRunner.run(
                NDR, "diagnose", "--lang", "sv", "--evidence", "-", "--reg-file", reg(false, true), "--offline");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        "Nu kontrollerar vi om servern kan skicka med TLS 1.2",
                        "Servern kan inte skicka med TLS 1.2",
                        "Säkerhet: medel",
                        "TLS 1.2 är avstängt för SChannels klientsida",
                        "Nästa steg:",
                        "Slå på TLS 1.2 för SChannels klientsida");
    }

    // --- usage ------------------------------------------------------------------------------------------------------

    /** The messages name a path as Path.toString() gives it: /no/such.reg here, \\no\\such.reg on Windows. */
    private static String asThisSystemPrintsIt(String expected) {
        java.util.regex.Matcher path =
                java.util.regex.Pattern.compile("/no/such[^' ]*").matcher(expected);
        return path.replaceAll(match ->
                java.util.regex.Matcher.quoteReplacement(Path.of(match.group()).toString()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "diagnose                                         | Nothing to diagnose",
                "diagnose --symptom NDR_999                       | 'NDR_999' is not a symptom code. Use one of: NDR_421_SOCKET_ERROR, QUEUE_421_SOCKET_ERROR",
                "diagnose --evidence /no/such/ndr.txt             | /no/such/ndr.txt",
                "diagnose --symptom ndr_421_socket_error --reg-file /no/such.reg | The reg export file '/no/such.reg' does not exist",
                "diagnose --symptom NDR_421_SOCKET_ERROR --logs /no/such/logs    | /no/such/logs",
                "diagnose --symptom NDR_421_SOCKET_ERROR --host smtp://x         | 'smtp://x' is not a host",
                "diagnose --symptom NDR_421_SOCKET_ERROR --host a.example:99999  | from 1 to 65535",
                "diagnose --symptom NDR_421_SOCKET_ERROR --domain 1.2.3.4        | '1.2.3.4' is not a mail domain",
            })
    void wrongCommandLinesExitTwoWithAMessageThatSaysTheFix(String args, String expected) {
        CliRunner result = CliRunner.run("", args.trim().split("\\s+"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err())
                .contains(asThisSystemPrintsIt(expected))
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    @Test
    void aRegFileThatIsNotAnExportIsAUsageErrorNamingTheFile() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.reg"), "this is not a registry export");

        CliRunner result =
                CliRunner.run("", "diagnose", "--symptom", "NDR_421_SOCKET_ERROR", "--reg-file", broken.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("broken.reg").doesNotContain("Exception");
    }

    @Test
    void thePickedSymptomIsEnoughToPlanAndItsExampleIsQuoted() throws Exception {
        CliRunner result = CliRunner.run(
                "", "diagnose", "--symptom", "queue_421_socket_error", "--reg-file", reg(false, true), "--offline");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(ExitCodes.OK);
        assertThat(result.out())
                .contains(
                        CLIENT_OFF,
                        "Confidence: medium",
                        "[+] The symptom picked: \u201cLastError : 421 4.4.2 Connection dropped due to SocketError\u201d");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    private String reg(boolean clientOn, boolean serverOn) throws IOException {
        Path folder = Files.createTempDirectory(dir, "reg");
        return Cases.regFile(folder, clientOn, serverOn).toString();
    }

    /** Send logs with these sessions, and a receive log where partners deliver with TLS 1.2 (the Server side works). */
    private Path sendLogs(Map<Outcome, Integer> send) throws IOException {
        return logs(send, Map.of(Outcome.TLS1_2, 3));
    }

    private Path logs(Map<Outcome, Integer> send, Map<Outcome, Integer> receive) throws IOException {
        Path folder = Files.createTempDirectory(dir, "logs");
        new ProtocolLogGenerator(new ProtocolLogGenerator.Plan(
                        send, receive, 3, 0.1, 1 << 20, 7, Instant.parse("2026-11-20T10:00:00Z")))
                .write(folder);
        return folder;
    }

    private static Path firstLog(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.sorted().findFirst().orElseThrow();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
