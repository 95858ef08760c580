package io.tlsdoctor.core.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input shapes of real pastes, one at a time, with what a user would notice: code, direction, lines, excerpt. */
class RecognizerBehaviourTest {

    private static final EvidenceRecognizer RECOGNIZER = new EvidenceRecognizer(SymptomCatalog.load());

    private static Recognition recognize(String... lines) {
        return RECOGNIZER.recognize(EvidenceText.pasted(String.join("\n", lines)));
    }

    @Test
    void consoleWrappedLastErrorIsJoinedAndItsLinesReported() {
        Recognition r = recognize(
                "Identity           : EX01\\2",
                "",
                "DeliveryType       : SmartHostConnectorDelivery",
                "",
                "LastError          : [{LRT=1/12/2021 9:10:11 AM};{LED=421 4.4.2 Connection dropped due to Socke",
                "",
                "                     tError};{FQDN=contoso-com.mail.protection.outlook.com};{IP=104.47.1.1}]");
        assertThat(r.detections()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(SymptomCode.QUEUE_421_SOCKET_ERROR);
            assertThat(d.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
            assertThat(d.lines()).containsExactly(5, 7);
            assertThat(d.matchedText()).isEqualTo("421 4.4.2 Connection dropped due to SocketError");
        });
    }

    @Test
    void selectStringPrefixesAreRemovedAndTheLogTypeComesFromTheSession() {
        Recognition r = recognize(
                "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive\\RECV2023011116-1.LOG:88:2023-01-11T16:00:05.100Z,EX01\\Default Frontend EX01,08DAF3B1C2D4E5F6,3,10.0.0.5:25,40.107.1.1:41234,<,EHLO mail.protection.outlook.com,",
                "C:\\Program Files\\Microsoft\\Exchange Server\\V15\\TransportRoles\\Logs\\FrontEnd\\ProtocolLog\\SmtpReceive\\RECV2023011116-1.LOG:91:2023-01-11T16:00:05.310Z,EX01\\Default Frontend EX01,08DAF3B1C2D4E5F6,6,10.0.0.5:25,40.107.1.1:41234,*,,TLS negotiation failed with error SocketError");
        assertThat(r.detections()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
            assertThat(d.direction()).isEqualTo(Direction.EXO_TO_ONPREM);
            assertThat(d.lines()).containsExactly(2);
            assertThat(d.excerpt()).startsWith("2023-01-11T16:00:05.310Z");
        });
    }

    @Test
    void aMailClientWrapInsideTheMessageIsStillFound() {
        Recognition r = recognize(
                "Diagnostic information for administrators:",
                "Remote Server returned '550 4.4.7 QUEUE.Expired; message expired -> 421 4.4.2 Connection dropped due to",
                "SocketError'");
        assertThat(r.detections()).extracting(Detection::code).containsExactly(SymptomCode.NDR_421_SOCKET_ERROR);
        assertThat(r.detections().get(0).lines()).containsExactly(2, 3);
    }

    @Test
    void aWrapInsideTheTokenIsNotMistakenForAnotherReason() {
        Recognition r = recognize(
                "Generating server: EX01.contoso.com",
                "Remote Server returned '421 4.4.2 Connection dropped due to Socket",
                "Error'");
        assertThat(r.detections()).extracting(Detection::code).containsExactly(SymptomCode.NDR_421_SOCKET_ERROR);
    }

    @Test
    void onlyTheExactSocketErrorTokenIsTheSeedSymptom() {
        assertThat(codes(recognize("LastError : 421 4.4.2 Connection dropped due to SocketErrorX")))
                .containsExactly(SymptomCode.SOCKET_REASON_NOT_TLS);
        assertThat(codes(recognize("LastError : 421 4.4.2 Connection dropped due to TimedOut")))
                .containsExactly(SymptomCode.SOCKET_REASON_NOT_TLS);
        assertThat(codes(recognize("*,,TLS negotiation failed with error UnknownCredentials")))
                .containsExactly(SymptomCode.CERTIFICATE);
    }

    @Test
    void anExchangeOnlineTraceIsNotAlsoASendLogLine() {
        Recognition r = recognize(
                "Reason: [{LED=450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation failed with error SocketError] [LastAttemptedServerName=mail.contoso.com] [LastAttemptedIP=203.0.113.5:25]};{MSG=};{FQDN=mail.contoso.com};{IP=203.0.113.5}]");
        assertThat(r.detections()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(SymptomCode.EXO_TO_ONPREM_TLS_FAILURE);
            assertThat(d.direction()).isEqualTo(Direction.EXO_TO_ONPREM);
        });
    }

    @Test
    void severalErrorsInOnePasteAreAllReportedSeedSymptomsFirst() {
        Recognition r = recognize(
                "550 5.7.64 TenantAttribution; Relay Access Denied",
                "LastError : 421 4.4.2 Connection dropped due to SocketError",
                "2023-01-11T16:00:06.002Z,Outbound to Office 365,08DAF3B1C2D4E5F7,6,10.0.0.5:52314,104.47.58.138:25,<,451 5.7.3 Must issue a STARTTLS command first,");
        assertThat(codes(r))
                .containsExactly(
                        SymptomCode.QUEUE_421_SOCKET_ERROR,
                        SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED,
                        SymptomCode.CONNECTOR_ATTRIBUTION);
    }

    @Test
    void repeatedLinesBecomeOneDetectionWithEveryLine() {
        String line =
                "2023-01-11T16:00:05.310Z,Outbound to Office 365,08DAF3B1C2D4E5F6,7,10.0.0.5:52313,104.47.58.138:25,*,,TLS negotiation failed with error SocketError";
        Recognition r = recognize(line, line, line);
        assertThat(r.detections()).singleElement().satisfies(d -> {
            assertThat(d.occurrences()).isEqualTo(3);
            assertThat(d.lines()).containsExactly(1, 2, 3);
            assertThat(d.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
        });
    }

    @Test
    void quotedCsvFieldWithALineBreakInsideIsReadWhole() {
        Recognition r = recognize(
                "\"date_time_utc\",\"sender_address\",\"detail\"",
                "\"2021-01-12T09:10:11Z\",\"postmaster@contoso.com\",\"450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation",
                "failed with error SocketError] [LastAttemptedServerName=mail.contoso.com]\"");
        assertThat(codes(r)).containsExactly(SymptomCode.EXO_TO_ONPREM_TLS_FAILURE);
    }

    @Test
    void legacyTlsInAReceivedHeaderFromAnotherHopIsNotEvidence() {
        assertThat(recognize(
                                "Received: from EX02 (10.0.0.6) by EX01 with Microsoft SMTP Server (version=TLS1_0, cipher=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA)")
                        .isEmpty())
                .isTrue();
    }

    @Test
    void nothingRecognisableIsAnEmptyResult() {
        Recognition r = recognize("The printer on floor 3 is out of paper.");
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.detections()).noneMatch(d -> d.category() == Category.SEED_SYMPTOM);
    }

    @Test
    void theExcerptHighlightsExactlyTheMatchedText() {
        String longPrefix = "x".repeat(500);
        Recognition r = recognize(longPrefix + " 451 5.7.3 Must issue a STARTTLS command first " + "y".repeat(500));
        Detection d = r.detections().get(0);
        assertThat(d.matchedText()).isEqualTo("451 5.7.3 Must issue a STARTTLS command first");
        assertThat(d.excerpt()).startsWith("…").endsWith("…").hasSizeLessThan(500);
    }

    private static List<SymptomCode> codes(Recognition r) {
        return r.detections().stream().map(Detection::code).toList();
    }
}
