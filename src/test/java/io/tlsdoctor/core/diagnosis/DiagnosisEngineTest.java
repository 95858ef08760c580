package io.tlsdoctor.core.diagnosis;

import static io.tlsdoctor.core.diagnosis.Cases.chain;
import static io.tlsdoctor.core.diagnosis.Cases.nextSteps;
import static io.tlsdoctor.core.diagnosis.Cases.probe;
import static io.tlsdoctor.core.diagnosis.Cases.recognise;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the diagnosis, with agreement, contradiction and missing checks. */
class DiagnosisEngineTest {

    private static final String NDR = "Remote Server returned '421 4.4.2 Connection dropped due to SocketError'";
    private static final String EXO_TRACE =
            "450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation failed "
                    + "with error SocketError] [LastAttemptedServerName=mail.contoso.com]";
    private static final String UNKNOWN_CREDENTIALS =
            "2026-11-20T10:00:01.000Z,Outbound to Office 365,08DAF3B1C2D40001,7,"
                    + "10.0.0.5:50123,104.47.58.138:25,*,,TLS negotiation failed with error UnknownCredentials";

    private final DiagnosisEngine engine = new DiagnosisEngine();

    @TempDir
    Path dir;

    private static Cases.Remote exoFailures(long failures, long tls12) {
        return new Cases.Remote(
                "104.47.58.138", LogKind.SEND, SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED, failures, tls12, 0);
    }

    @Test
    void clientOffConfirmedByHandshakeAndLogsIsHighWithTheValuesInTheChain() throws Exception {
        CaseFile file = Cases.caseFile(
                recognise(NDR),
                Cases.registry(dir, false, true),
                List.of(probe(
                        Direction.ONPREM_TO_EXO,
                        "contoso-com.mail.protection.outlook.com",
                        25,
                        "TLSv1.2",
                        "outboundPathFine")),
                Cases.logs(exoFailures(214, 0)));

        Conclusion conclusion = engine.conclude(file);

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(conclusion.registryFix()).isTrue();
        assertThat(conclusion.reached()).isTrue();
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS REGISTRY: TLS 1.2 is switched off for the SChannel Client side",
                        "Enabled=0, DisabledByDefault=1 under HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Client")
                .contains(
                        "SUPPORTS PROBE_OUTBOUND: contoso-com.mail.protection.outlook.com:25 accepts TLS 1.2 from this network (handshake: TLSv1.2 with TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384)")
                .contains(
                        "SUPPORTS LOGS: The send log shows 214 sessions whose TLS negotiation failed, 214 of them with 104.47.58.138",
                        "from 2026-11-20 10:00 UTC to 2026-11-21 14:30 UTC")
                .contains(
                        "SUPPORTS SYMPTOM: The evidence shows \u201c421 4.4.2 Connection dropped due to SocketError\u201d")
                .doesNotContain("CONTRADICTS");
        assertThat(conclusion.chain().get(0).bearing()).isEqualTo(EvidenceLink.Bearing.SUPPORTS);
        assertThat(nextSteps(conclusion))
                .startsWith("Enable TLS 1.2 for the SChannel Client side")
                .contains("Restart the server");
    }

    @Test
    void theRegistryAloneIsMediumAndNamesTheHandshakeAsMissing() throws Exception {
        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.registry(dir, false, true), List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(chain(conclusion))
                .contains("CONTEXT PROBE_OUTBOUND: Not checked: a handshake towards Exchange Online");
        assertThat(nextSteps(conclusion))
                .contains("Test the handshake towards Exchange Online: give your mail domain with --domain");
    }

    @Test
    void schannelAgreeingOnTls12ContradictsARegistryThatSaysOff() throws Exception {
        ProbeEvidence out = Cases.withSchannel(
                probe(
                        Direction.ONPREM_TO_EXO,
                        "contoso-com.mail.protection.outlook.com",
                        25,
                        "TLSv1.2",
                        "outboundModern"),
                "schannelModern",
                "contoso-com.mail.protection.outlook.com",
                "Tls12",
                "Aes256 256");

        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.registry(dir, false, true), List.of(out), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM); // two checks agree, one disagrees
        assertThat(chain(conclusion))
                .contains("CONTRADICTS PROBE_OUTBOUND: Through Windows SChannel (what Exchange itself negotiates), "
                        + "contoso-com.mail.protection.outlook.com agreed on Tls12");
    }

    @Test
    void logsThatShowTls12WorkingContradictTheRegistry() throws Exception {
        Conclusion conclusion = engine.conclude(Cases.caseFile(
                recognise(NDR), Cases.registry(dir, false, true), List.of(), Cases.logs(exoFailures(3, 40))));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence())
                .isEqualTo(Confidence.MEDIUM); // registry and log failures agree, TLS 1.2 sessions disagree
        assertThat(chain(conclusion))
                .contains("CONTRADICTS LOGS: Yet the send log also shows 40 sessions that negotiated TLS 1.2");
        assertThat(nextSteps(conclusion)).contains("Compare the times");
    }

    @Test
    void theSymptomAloneIsUndeterminedAndSaysWhichChecksWouldSettleIt() {
        Conclusion conclusion = engine.conclude(Cases.caseFile(recognise(NDR), null, List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.UNDETERMINED);
        assertThat(conclusion.reached()).isFalse();
        assertThat(conclusion.confidence()).isEqualTo(Confidence.LOW);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(chain(conclusion))
                .contains("CONTEXT SYMPTOM: The evidence shows", "Not checked: this server's SChannel settings")
                .doesNotContain("SUPPORTS");
        assertThat(conclusion.nextSteps())
                .extracting(Statement::key)
                .startsWith("diagnosis.next.run.REGISTRY", "diagnosis.next.run.PROBE_OUTBOUND");
    }

    @Test
    void anEmptyCaseIsUndetermined() {
        Conclusion conclusion = engine.conclude(Cases.caseFile(null, null, List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.UNDETERMINED);
        assertThat(conclusion.nextSteps()).extracting(Statement::key).contains("diagnosis.next.run.REGISTRY");
    }

    @Test
    void exchangeOnlineToOnPremNeedsTheServerSideAndTheInboundHandshake() throws Exception {
        ProbeEvidence in = probe(Direction.EXO_TO_ONPREM, "mail.contoso.com", 25, null, "inboundLegacyOnly");

        Conclusion conclusion = engine.conclude(
                Cases.caseFile(recognise(EXO_TRACE), Cases.registry(dir, true, false), List.of(in), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_SERVER_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS REGISTRY: TLS 1.2 is switched off for the SChannel Server side",
                        "SUPPORTS PROBE_INBOUND: Your receive connector at mail.contoso.com:25 offers only");
        assertThat(nextSteps(conclusion)).startsWith("Enable TLS 1.2 for the SChannel Server side");
    }

    @Test
    void aReceiveConnectorThatAcceptsTls12ContradictsAServerSideSaidToBeOff() throws Exception {
        ProbeEvidence in = probe(Direction.EXO_TO_ONPREM, "mail.contoso.com", 25, "TLSv1.2", "inboundModern");

        Conclusion conclusion = engine.conclude(
                Cases.caseFile(recognise(EXO_TRACE), Cases.registry(dir, true, false), List.of(in), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_SERVER_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.LOW);
        assertThat(chain(conclusion))
                .contains(
                        "CONTRADICTS PROBE_INBOUND: This server's receive connector at mail.contoso.com:25 accepts TLS 1.2");
    }

    @Test
    void bothSidesOffIsOneCauseWithOneFixForBoth() throws Exception {
        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.registry(dir, false, false), List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_BOTH_DISABLED);
        assertThat(chain(conclusion)).contains("Client side", "Server side");
        assertThat(nextSteps(conclusion)).startsWith("Enable TLS 1.2 for both SChannel sides");
    }

    @Test
    void aFixAppliedHereWithoutTheRestartIsRestartPendingAndTheFixIsNoLongerOffered() throws Exception {
        CaseFile before = Cases.caseFile(recognise(NDR), Cases.registry(dir, false, true), List.of(), null);
        ApplyResult fix = new ApplyResult(
                ApplyResult.Outcome.APPLIED,
                "the registry of EX01",
                Path.of("C:\\ProgramData\\TLS Doctor\\backups\\1"),
                List.of(new ChangeResult(
                        new RegistryLocation(Cases.PROTOCOLS + "\\TLS 1.2\\Client", "Enabled"),
                        RegistryValue.dword(0),
                        RegistryValue.dword(1),
                        RegistryValue.dword(1),
                        ChangeResult.State.WRITTEN)),
                null,
                null);

        Conclusion conclusion = engine.conclude(Cases.withChanges(
                before,
                List.of(fix),
                new RestartState(RestartState.Status.SCHEDULED, Instant.parse("2026-11-27T22:00:00Z"), null, null)));

        assertThat(conclusion.cause()).isEqualTo(Cause.RESTART_PENDING);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS FIX: TLS Doctor changed one value in the registry of EX01",
                        "SUPPORTS RESTART: A restart is scheduled for 2026-11-27 22:00 UTC");
        assertThat(nextSteps(conclusion)).startsWith("Restart the server");
    }

    @Test
    void aRehearsalOnACopyLeavesTheConclusionAsItWasAndSaysHowToFixTheServer() throws Exception {
        CaseFile before = Cases.caseFile(recognise(NDR), Cases.registry(dir, false, true), List.of(), null);
        ApplyResult onCopy = new ApplyResult(
                ApplyResult.Outcome.APPLIED,
                dir.resolve("schannel-after-fix.reg").toString(),
                dir.resolve("backups/1"),
                List.of(new ChangeResult(
                        new RegistryLocation(Cases.PROTOCOLS + "\\TLS 1.2\\Client", "Enabled"),
                        RegistryValue.dword(0),
                        RegistryValue.dword(1),
                        RegistryValue.dword(1),
                        ChangeResult.State.WRITTEN)),
                null,
                null);
        CaseFile rehearsed = before.toBuilder()
                .changes(List.of())
                .restart(new RestartState(RestartState.Status.AFTER_SERVER_FIX, null, null, null))
                .rehearsals(List.of(new Rehearsal(onCopy, new io.tlsdoctor.core.registry.Tls12(true, true))))
                .build();

        Conclusion unchanged = engine.conclude(before);
        Conclusion conclusion = engine.conclude(rehearsed);

        assertThat(conclusion.cause()).isEqualTo(unchanged.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(unchanged.confidence());
        assertThat(chain(conclusion))
                .doesNotContain("TLS Doctor changed")
                .doesNotContain("has not restarted")
                .contains("CONTEXT FIX: The fix was rehearsed on a copy of the export");
        assertThat(nextSteps(conclusion))
                .startsWith("The fix was only rehearsed on a copy: nothing on the server changed.")
                .contains("reg import");
    }

    @Test
    void aProblemTheInboundTestFoundIsInTheDiagnosisOfAnOutboundSymptom() throws Exception {
        ProbeEvidence in = probe(Direction.EXO_TO_ONPREM, "mail.contoso.com", 25, null, "certExpired");
        CaseFile file = CaseFile.builder(Cases.OFFLINE)
                .recognition(recognise(NDR))
                .direction(Direction.ONPREM_TO_EXO)
                .registry(Cases.registry(dir, false, true))
                .probes(List.of(in))
                .build();

        Conclusion conclusion = engine.conclude(file);

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(chain(conclusion)).contains("CONTEXT PROBE_INBOUND:");
    }

    @Test
    void keysWrittenAfterTheLastBootAreRestartPendingFromTheRegistryAlone() {
        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.liveChangedAfterBoot(), List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.RESTART_PENDING);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM); // one check, the registry
        assertThat(chain(conclusion))
                .contains("SUPPORTS REGISTRY: TLS keys were changed after Windows last started (2026-11-20 06:00 UTC)");
    }

    @Test
    void theRegistryOfAComputerWithoutExchangeIsNeverTakenForTheServers() {
        Conclusion onTheServer =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.liveChangedAfterBoot(true), List.of(), null));
        Conclusion onADesktop =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.liveChangedAfterBoot(false), List.of(), null));

        assertThat(chain(onTheServer)).doesNotContain("no Exchange Server installed");
        assertThat(onADesktop.confidence()).isEqualTo(Confidence.LOW);
        assertThat(chain(onADesktop)).contains("CONTRADICTS REGISTRY: This computer has no Exchange Server installed");
        assertThat(nextSteps(onADesktop)).startsWith("Check the Exchange server's own registry");
    }

    @Test
    void aRestartWindowsWaitsForIsOnlyALeadUnlessSchannelShowsTheOldSettings() throws Exception {
        ProbeEvidence out = probe(
                Direction.ONPREM_TO_EXO, "contoso-com.mail.protection.outlook.com", 25, "TLSv1.2", "outboundModern");
        CaseFile lead = Cases.caseFile(recognise(NDR), Cases.registryWithWindowsWaiting(dir), List.of(out), null);
        CaseFile confirmed = Cases.caseFile(
                recognise(NDR),
                Cases.registryWithWindowsWaiting(dir),
                List.of(Cases.withSchannel(
                        out, "schannelLegacy", "contoso-com.mail.protection.outlook.com", "Tls", "Aes256 256")),
                null);

        Conclusion weak = engine.conclude(lead);
        Conclusion strong = engine.conclude(confirmed);

        assertThat(weak.cause()).isEqualTo(Cause.RESTART_PENDING);
        assertThat(weak.confidence()).isEqualTo(Confidence.LOW);
        assertThat(chain(weak)).contains("SUPPORTS REGISTRY: Windows itself is waiting for a restart");
        assertThat(strong.cause()).isEqualTo(Cause.RESTART_PENDING);
        assertThat(strong.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(chain(strong))
                .contains("SUPPORTS PROBE_OUTBOUND: Through Windows SChannel (what Exchange itself negotiates), "
                        + "contoso-com.mail.protection.outlook.com agreed only on Tls");
    }

    @Test
    void aRestartDoneEndsRestartPending() throws Exception {
        CaseFile file = Cases.withChanges(
                Cases.caseFile(
                        recognise(NDR),
                        Cases.registry(dir, true, true),
                        List.of(probe(
                                Direction.ONPREM_TO_EXO,
                                "contoso-com.mail.protection.outlook.com",
                                25,
                                "TLSv1.2",
                                "outboundModern")),
                        null),
                List.of(),
                new RestartState(RestartState.Status.DONE, null, null, null));

        assertThat(engine.conclude(file).cause()).isEqualTo(Cause.NO_TLS_PROBLEM_FOUND);
    }

    @Test
    void allHealthyIsNoTlsProblemAndLogFailuresContradictIt() throws Exception {
        List<ProbeEvidence> out = List.of(Cases.withSchannel(
                probe(
                        Direction.ONPREM_TO_EXO,
                        "contoso-com.mail.protection.outlook.com",
                        25,
                        "TLSv1.2",
                        "outboundModern"),
                "schannelModern",
                "contoso-com.mail.protection.outlook.com",
                "Tls12",
                "Aes256 256"));

        Conclusion clean = engine.conclude(
                Cases.caseFile(recognise(NDR), Cases.registry(dir, true, true), out, Cases.logs(exoFailures(0, 50))));
        Conclusion failing = engine.conclude(
                Cases.caseFile(recognise(NDR), Cases.registry(dir, true, true), out, Cases.logs(exoFailures(214, 50))));

        assertThat(clean.cause()).isEqualTo(Cause.NO_TLS_PROBLEM_FOUND);
        assertThat(clean.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(chain(clean))
                .contains("SUPPORTS LOGS: The protocol logs (one file, 50 sessions) show no failed TLS negotiation")
                .doesNotContain("CONTRADICTS");
        assertThat(failing.cause()).isEqualTo(Cause.NO_TLS_PROBLEM_FOUND);
        assertThat(failing.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(chain(failing))
                .contains("CONTRADICTS LOGS: The send log shows 214 sessions whose TLS negotiation failed");
        assertThat(nextSteps(failing)).contains("Compare the times");
    }

    @Test
    void healthyNeedsTheNeededChecks() throws Exception {
        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.registry(dir, true, true), List.of(), null));

        assertThat(conclusion.cause())
                .isEqualTo(Cause.UNDETERMINED); // the registry is fine, but nothing tested the path
        assertThat(chain(conclusion)).contains("CONTEXT REGISTRY: TLS 1.2 is on for the SChannel Client side");
        assertThat(conclusion.nextSteps())
                .extracting(Statement::key)
                .containsExactly("diagnosis.next.run.PROBE_OUTBOUND");
    }

    @Test
    void aCertificateLookalikeBackedByTheRegistryIsCertificate() throws Exception {
        Conclusion conclusion = engine.conclude(Cases.caseFile(
                recognise(UNKNOWN_CREDENTIALS),
                Cases.registry(dir, true, true),
                List.of(),
                Cases.logs(new Cases.Remote("104.47.58.138", LogKind.SEND, SymptomCode.CERTIFICATE, 12, 0, 0))));

        assertThat(conclusion.cause()).isEqualTo(Cause.CERTIFICATE);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(conclusion.registryFix()).isFalse();
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS SYMPTOM: The evidence shows \u201cTLS negotiation failed with error UnknownCredentials\u201d",
                        "SUPPORTS LOGS: The logs show 12 sessions that failed because of a certificate",
                        "most with 104.47.58.138",
                        "SUPPORTS REGISTRY: TLS 1.2 is on for the SChannel Client side");
        assertThat(nextSteps(conclusion)).startsWith("Check the certificate assigned to SMTP");
    }

    @Test
    void aLookalikeWithoutAnyCheckStaysOpenWithItsLead() {
        Conclusion conclusion = engine.conclude(Cases.caseFile(recognise(UNKNOWN_CREDENTIALS), null, List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.UNDETERMINED);
        assertThat(chain(conclusion)).contains("The evidence points at something other than the TLS version");
        assertThat(nextSteps(conclusion)).contains("Check the certificate assigned to SMTP");
    }

    @Test
    void aLookalikeOnAServerWithTls12OffIsTheVersionAtLowConfidenceAndNamesBoth() throws Exception {
        Conclusion conclusion = engine.conclude(
                Cases.caseFile(recognise(UNKNOWN_CREDENTIALS), Cases.registry(dir, false, true), List.of(), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.LOW);
        assertThat(chain(conclusion))
                .contains(
                        "CONTRADICTS SYMPTOM: The evidence shows \u201cTLS negotiation failed with error UnknownCredentials\u201d");
        assertThat(nextSteps(conclusion))
                .contains("Check the certificate assigned to SMTP", "Enable TLS 1.2 for the SChannel Client side");
    }

    @Test
    void aBlockedPortBehindASeedSymptomIsTheNetwork() throws Exception {
        ProbeEvidence out = probe(Direction.ONPREM_TO_EXO, "127.0.0.1", 2525, null, "portClosed");

        Conclusion conclusion =
                engine.conclude(Cases.caseFile(recognise(NDR), Cases.registry(dir, true, true), List.of(out), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.NETWORK);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
        assertThat(chain(conclusion))
                .contains(
                        "SUPPORTS PROBE_OUTBOUND: Port 2525 on 127.0.0.1:2525 refuses connections",
                        "CONTEXT SYMPTOM: The evidence shows");
        assertThat(nextSteps(conclusion)).startsWith("Check the network path on port 25");
    }

    @Test
    void aMaskedBannerWithoutStarttlsIsAnInspectingFirewall() {
        ProbeEvidence out = probe(Direction.ONPREM_TO_EXO, "127.0.0.1", 2525, null, "maskedNoStarttls");

        Conclusion conclusion = engine.conclude(Cases.caseFile(recognise(NDR), null, List.of(out), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.MIDDLEBOX_INSPECTION);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(chain(conclusion))
                .contains(
                        "STARTTLS is not offered and the banner is masked",
                        "Not checked: this server's SChannel settings");
    }

    @Test
    void aNetworkSymptomThatTheHandshakeContradictsIsLowered() throws Exception {
        String network =
                "451 4.4.397 Error communicating with target host. -> 421 4.2.1 Unable to connect -> SocketTimedout: Socket error code 10060";
        ProbeEvidence out = probe(
                Direction.ONPREM_TO_EXO, "contoso-com.mail.protection.outlook.com", 25, "TLSv1.2", "outboundModern");

        Conclusion conclusion = engine.conclude(
                Cases.caseFile(recognise(network), Cases.registry(dir, true, true), List.of(out), null));

        assertThat(conclusion.cause()).isEqualTo(Cause.NETWORK);
        assertThat(conclusion.confidence())
                .isEqualTo(Confidence.LOW); // registry supports, the handshake speaks against
        assertThat(chain(conclusion))
                .contains("CONTRADICTS PROBE_OUTBOUND: contoso-com.mail.protection.outlook.com:25 accepts TLS 1.2");
    }

    @Test
    void smtpAuthFromADeviceIsClientSubmissionWithoutCheckingThisServer() {
        Conclusion conclusion = engine.conclude(Cases.caseFile(
                recognise("421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update "
                        + "your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls"),
                null,
                List.of(),
                null));

        assertThat(conclusion.cause()).isEqualTo(Cause.CLIENT_SUBMISSION);
        assertThat(conclusion.confidence()).isEqualTo(Confidence.MEDIUM);
        assertThat(conclusion.reached()).isTrue();
        assertThat(chain(conclusion)).doesNotContain("Not checked");
        assertThat(nextSteps(conclusion)).startsWith("Update or reconfigure the device or application");
    }

    @Test
    void partnersOnOldVersionsAreNamedWhenTheCaseIsAboutThem() throws Exception {
        String legacy =
                "2026-11-20T10:00:01.000Z,EX01\\Default Frontend EX01,08DAF3B1C2D40001,9,10.0.0.5:25,198.51.100.7:50123,*,,"
                        + "\"TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, "
                        + "MAC hash algorithm CALG_SHA1 with strength 160 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 256 bits\"";
        Conclusion conclusion = engine.conclude(Cases.caseFile(
                recognise(legacy),
                Cases.registry(dir, true, true),
                List.of(),
                Cases.logs(new Cases.Remote(
                        "198.51.100.7", LogKind.RECEIVE, SymptomCode.LEGACY_TLS_NEGOTIATED, 0, 3, 17))));

        assertThat(conclusion.cause()).isEqualTo(Cause.LEGACY_PARTNERS);
        assertThat(chain(conclusion))
                .contains("SUPPORTS LOGS: The logs show one partner still negotiating TLS 1.0 or 1.1 with this server, "
                        + "most often 198.51.100.7 (17 sessions, in SmtpReceive)");
    }

    @Test
    void confidenceIsRatedFromIndependentChecksAndContradictions() {
        assertThat(Judgement.rate(0, 0)).isEqualTo(Confidence.LOW);
        assertThat(Judgement.rate(1, 0)).isEqualTo(Confidence.MEDIUM);
        assertThat(Judgement.rate(2, 0)).isEqualTo(Confidence.HIGH);
        assertThat(Judgement.rate(4, 0)).isEqualTo(Confidence.HIGH);
        assertThat(Judgement.rate(3, 1)).isEqualTo(Confidence.MEDIUM);
        assertThat(Judgement.rate(2, 2)).isEqualTo(Confidence.LOW);
        assertThat(Judgement.rate(1, 1)).isEqualTo(Confidence.LOW);
        assertThat(new Judgement(Cause.UNDETERMINED)
                        .supports(CheckKind.REGISTRY, Statement.of("x"))
                        .supports(CheckKind.LOGS, Statement.of("y"))
                        .conclude()
                        .confidence())
                .isEqualTo(Confidence.LOW);
    }

    @Test
    void everySentenceOfEveryConclusionExistsInBothLanguages() throws Exception {
        List<Conclusion> conclusions = new ArrayList<>();
        for (boolean client : new boolean[] {true, false}) {
            for (boolean server : new boolean[] {true, false}) {
                for (String evidence : List.of(NDR, EXO_TRACE, UNKNOWN_CREDENTIALS, "")) {
                    Path sub = java.nio.file.Files.createTempDirectory(dir, "case");
                    conclusions.add(engine.conclude(Cases.caseFile(
                            recognise(evidence),
                            Cases.registry(sub, client, server),
                            List.of(
                                    probe(Direction.ONPREM_TO_EXO, "a.example", 25, "TLSv1.2", "outboundModern"),
                                    probe(Direction.EXO_TO_ONPREM, "b.example", 25, null, "portBlocked")),
                            Cases.logs(exoFailures(5, 5)))));
                    conclusions.add(engine.conclude(Cases.caseFile(recognise(evidence), null, List.of(), null)));
                }
            }
        }
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("sv"))) {
            Messages messages = Messages.forLocale(locale);
            for (Conclusion conclusion : conclusions) {
                List<Statement> all = new ArrayList<>(conclusion.nextSteps());
                conclusion.chain().forEach(link -> all.add(link.text()));
                for (Statement statement : all) {
                    assertThat(messages.has(statement.key()))
                            .as("%s in %s", statement.key(), locale)
                            .isTrue();
                    assertThat(messages.get(statement.key(), statement.argArray()))
                            .doesNotContain("{", "!diagnosis");
                }
                assertThat(messages.has("diagnosis.cause." + conclusion.cause() + ".explanation"))
                        .isTrue();
            }
        }
        assertThat(conclusions)
                .extracting(Conclusion::cause)
                .contains(
                        Cause.TLS12_CLIENT_DISABLED,
                        Cause.TLS12_SERVER_DISABLED,
                        Cause.TLS12_BOTH_DISABLED,
                        Cause.CERTIFICATE,
                        Cause.UNDETERMINED,
                        Cause.NETWORK);
    }
}
