package io.tlsdoctor.core.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions rebuilt from hand-written logs in the layouts Exchange 2010–2019 write. */
class ProtocolLogSessionTest {

    static final LogAnalyzer ANALYZER = new LogAnalyzer(new ProtocolLogLineClassifier(SymptomCatalog.load()));

    /** Two sessions interleaved; a localised connector name; old certificate layout; a quoted field with "" and commas. */
    static final String SEND_LOG = LogText.send(
            "2026-11-20T10:00:00.100Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,0,,104.47.58.138:25,+,,attempting to connect",
            "2026-11-20T10:00:00.120Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,0,,104.47.59.138:25,+,,attempting to connect",
            "2026-11-20T10:00:00.200Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,1,10.0.0.5:52313,104.47.58.138:25,<,\"220 BN8NAM12FT045.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 10:00:00 +0000\",",
            "2026-11-20T10:00:00.210Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,1,10.0.0.5:52314,104.47.59.138:25,<,220 BN8NAM12FT046.mail.protection.outlook.com ready,",
            "2026-11-20T10:00:00.300Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,2,10.0.0.5:52313,104.47.58.138:25,>,EHLO mail.contoso.com,",
            "2026-11-20T10:00:00.310Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,2,10.0.0.5:52314,104.47.59.138:25,>,EHLO mail.contoso.com,",
            "2026-11-20T10:00:00.400Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,3,10.0.0.5:52313,104.47.58.138:25,<,250-STARTTLS,",
            "2026-11-20T10:00:00.410Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,3,10.0.0.5:52314,104.47.59.138:25,<,250-STARTTLS,",
            "2026-11-20T10:00:00.500Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,4,10.0.0.5:52313,104.47.58.138:25,<,250 SMTPUTF8,",
            "2026-11-20T10:00:00.510Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,4,10.0.0.5:52314,104.47.59.138:25,<,250 SMTPUTF8,",
            "2026-11-20T10:00:00.600Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,5,10.0.0.5:52313,104.47.58.138:25,>,STARTTLS,",
            "2026-11-20T10:00:00.610Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,5,10.0.0.5:52314,104.47.59.138:25,>,STARTTLS,",
            "2026-11-20T10:00:00.700Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,6,10.0.0.5:52313,104.47.58.138:25,<,220 2.0.0 SMTP server ready,",
            "2026-11-20T10:00:00.710Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,6,10.0.0.5:52314,104.47.59.138:25,<,220 2.0.0 SMTP server ready,",
            "2026-11-20T10:00:00.800Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,7,10.0.0.5:52313,104.47.58.138:25,*,,Sending certificate",
            "2026-11-20T10:00:00.801Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,8,10.0.0.5:52313,104.47.58.138:25,*,\"CN=mail.contoso.com, O=\"\"Contoso, AB\"\", C=SE\",Certificate subject",
            "2026-11-20T10:00:00.802Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,9,10.0.0.5:52313,104.47.58.138:25,*,\"CN=R3, O=Let's Encrypt, C=US\",Certificate issuer name",
            "2026-11-20T10:00:00.803Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,10,10.0.0.5:52313,104.47.58.138:25,*,04A1B2C3D4E5F607,Certificate serial number",
            "2026-11-20T10:00:00.804Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,11,10.0.0.5:52313,104.47.58.138:25,*,3A6B1C0D2E4F5061728394A5B6C7D8E9F0A1B2C3,Certificate thumbprint",
            "2026-11-20T10:00:00.805Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,12,10.0.0.5:52313,104.47.58.138:25,*,mail.contoso.com;autodiscover.contoso.com,Certificate alternate names",
            "2026-11-20T10:00:00.810Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,7,10.0.0.5:52314,104.47.59.138:25,*,,TLS negotiation failed with error SocketError",
            "2026-11-20T10:00:00.900Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,13,10.0.0.5:52313,104.47.58.138:25,*,,\"TLS protocol SP_PROT_TLS1_2_CLIENT negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA_384 with strength 384 bits and key exchange algorithm CALG_ECDH_EPHEM with strength 384 bits\"",
            "2026-11-20T10:00:00.910Z,Исходящий в Office 365,08DAF3B1C2D4E5F7,8,10.0.0.5:52314,104.47.59.138:25,-,,Local",
            "2026-11-20T10:00:01.000Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,14,10.0.0.5:52313,104.47.58.138:25,*,,Received certificate",
            "2026-11-20T10:00:01.001Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,15,10.0.0.5:52313,104.47.58.138:25,*,8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C,Certificate thumbprint",
            "2026-11-20T10:00:01.100Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,16,10.0.0.5:52313,104.47.58.138:25,>,\"MAIL FROM:<\"\"Svensson, Anna\"\"@contoso.com> SIZE=1234\",",
            "2026-11-20T10:00:01.200Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,17,10.0.0.5:52313,104.47.58.138:25,<,250 2.1.0 Sender OK,",
            "2026-11-20T10:00:01.300Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,18,10.0.0.5:52313,104.47.58.138:25,>,QUIT,",
            "2026-11-20T10:00:01.400Z,Исходящий в Office 365,08DAF3B1C2D4E5F6,19,10.0.0.5:52313,104.47.58.138:25,-,,Local");

    /** The newer receive layout: one certificate row; IPv6 endpoints; a partner on TLS 1.0 and one that fails. */
    static final String RECEIVE_LOG = LogText.receive(
            "2026-11-20T11:00:00.000Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,0,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,+,,",
            "2026-11-20T11:00:00.010Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,1,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,*,SMTPSubmit SMTPAcceptAnyRecipient,Set Session Permissions",
            "2026-11-20T11:00:00.020Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,2,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,>,\"220 EX01.contoso.com Microsoft ESMTP MAIL Service ready at Fri, 20 Nov 2026 11:00:00 +0000\",",
            "2026-11-20T11:00:00.030Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,3,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,<,EHLO mail.fabrikam.com,",
            "2026-11-20T11:00:00.040Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,4,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,>,250  EX01.contoso.com Hello [2001:db8:5::25] SIZE 37748736 PIPELINING DSN ENHANCEDSTATUSCODES STARTTLS X-ANONYMOUSTLS AUTH NTLM 8BITMIME BINARYMIME CHUNKING SMTPUTF8,",
            "2026-11-20T11:00:00.050Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,5,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,<,STARTTLS,",
            "2026-11-20T11:00:00.060Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,6,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,>,220 2.0.0 SMTP server ready,",
            "2026-11-20T11:00:00.070Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,7,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,*,\"CN=mail.contoso.com CN=R3, O=Let's Encrypt, C=US 04A1B2C3D4E5F607 3A6B1C0D2E4F5061728394A5B6C7D8E9F0A1B2C3 2026-01-01T00:00:00.000Z 2026-12-31T23:59:59.000Z mail.contoso.com;autodiscover.contoso.com\",Sending certificate Subject Issuer name Serial number Thumbprint Not before Not after Subject alternate names",
            "2026-11-20T11:00:00.080Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,8,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,*,,\"TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits, MAC hash algorithm CALG_SHA1 with strength 160 bits and key exchange algorithm CALG_ECDHE with strength 256 bits\"",
            "2026-11-20T11:00:00.090Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,9,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,*,,Client certificate chain validation status: 'EmptyCertificate'",
            "2026-11-20T11:00:00.100Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,10,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,<,QUIT,",
            "2026-11-20T11:00:00.110Z,EX01\\Default Frontend EX01,08DAF3B1C2D50001,11,[2001:db8:1::5]:25,[2001:db8:5::25]:53000,-,,Local",
            "2026-11-20T11:05:00.000Z,EX01\\Default Frontend EX01,08DAF3B1C2D50002,0,10.0.0.5:25,40.107.22.93:41000,+,,",
            "2026-11-20T11:05:00.010Z,EX01\\Default Frontend EX01,08DAF3B1C2D50002,1,10.0.0.5:25,40.107.22.93:41000,<,STARTTLS,",
            "2026-11-20T11:05:00.020Z,EX01\\Default Frontend EX01,08DAF3B1C2D50002,2,10.0.0.5:25,40.107.22.93:41000,*,,TLS negotiation failed with error SocketError",
            "2026-11-20T11:05:00.030Z,EX01\\Default Frontend EX01,08DAF3B1C2D50002,3,10.0.0.5:25,40.107.22.93:41000,-,,Remote(SocketError)");

    static List<Session> sessions(Path... paths) {
        List<Session> sessions = Collections.synchronizedList(new ArrayList<>());
        ANALYZER.analyze(
                LogInputs.collect(List.of(paths)), LogAnalyzer.Options.defaults(), new LogProgress(), sessions::add);
        List<Session> sorted = new ArrayList<>(sessions);
        sorted.sort(Comparator.comparing(Session::sessionId));
        return sorted;
    }

    @Test
    void interleavedSendSessionsAreRebuiltWithTheirOwnOutcome(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("SEND20261120-1.LOG"), LogText.utf8WithBom(SEND_LOG));
        List<Session> sessions = sessions(log);
        assertThat(sessions).hasSize(2);

        Session ok = sessions.get(0);
        assertThat(ok.sessionId()).isEqualTo("08DAF3B1C2D4E5F6");
        assertThat(ok.kind()).isEqualTo(LogKind.SEND);
        assertThat(ok.connector()).isEqualTo("Исходящий в Office 365");
        assertThat(ok.localEndpoint()).isEqualTo("10.0.0.5:52313"); // the first row has none
        assertThat(ok.remoteAddress()).isEqualTo("104.47.58.138");
        assertThat(ok.rows()).isEqualTo(20);
        assertThat(ok.starttlsOffered()).isTrue();
        assertThat(ok.starttlsUsed()).isTrue();
        assertThat(ok.protocol()).isEqualTo(TlsProtocol.TLS1_2);
        assertThat(ok.failed()).isFalse();
        assertThat(ok.disconnected()).isTrue();
        assertThat(ok.disconnectReason()).isEqualTo("Local");
        assertThat(ok.start()).isEqualTo(Instant.parse("2026-11-20T10:00:00.100Z"));
        assertThat(ok.end()).isEqualTo(Instant.parse("2026-11-20T10:00:01.400Z"));
        assertThat(ok.certificates())
                .containsExactly(
                        new Certificate(
                                Certificate.Role.SENT,
                                "CN=mail.contoso.com, O=\"Contoso, AB\", C=SE",
                                "CN=R3, O=Let's Encrypt, C=US",
                                "04A1B2C3D4E5F607",
                                "3A6B1C0D2E4F5061728394A5B6C7D8E9F0A1B2C3",
                                null,
                                null,
                                "mail.contoso.com;autodiscover.contoso.com"),
                        new Certificate(
                                Certificate.Role.RECEIVED,
                                null,
                                null,
                                null,
                                "8F1E2D3C4B5A69788796A5B4C3D2E1F00F1E2D3C",
                                null,
                                null,
                                null));

        Session failed = sessions.get(1);
        assertThat(failed.rows()).isEqualTo(9);
        assertThat(failed.protocol()).isEqualTo(TlsProtocol.NONE);
        assertThat(failed.failure()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
        assertThat(failed.matches()).singleElement().satisfies(m -> {
            assertThat(m.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
            assertThat(m.matchedText()).isEqualTo("TLS negotiation failed with error SocketError");
        });
    }

    @Test
    void receiveLogWithTheOneRowCertificateIpv6AndLegacyTls(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("RECV2026112011-1.LOG"), LogText.utf8WithBom(RECEIVE_LOG));
        List<Session> sessions = sessions(log);
        assertThat(sessions).hasSize(2);
        Session legacy = sessions.get(0);
        assertThat(legacy.kind()).isEqualTo(LogKind.RECEIVE);
        assertThat(legacy.remoteEndpoint()).isEqualTo("[2001:db8:5::25]:53000");
        assertThat(legacy.remoteAddress()).isEqualTo("2001:db8:5::25");
        assertThat(legacy.localEndpoint()).isEqualTo("[2001:db8:1::5]:25");
        assertThat(legacy.starttlsOffered()).isTrue();
        assertThat(legacy.starttlsUsed()).isTrue();
        assertThat(legacy.protocol()).isEqualTo(TlsProtocol.TLS1_0);
        assertThat(legacy.failed()).as("legacy TLS is a warning, not a failure").isFalse();
        assertThat(legacy.matches()).extracting(m -> m.code()).containsExactly(SymptomCode.LEGACY_TLS_NEGOTIATED);
        assertThat(legacy.certificates())
                .containsExactly(new Certificate(
                        Certificate.Role.SENT,
                        "CN=mail.contoso.com",
                        "CN=R3, O=Let's Encrypt, C=US",
                        "04A1B2C3D4E5F607",
                        "3A6B1C0D2E4F5061728394A5B6C7D8E9F0A1B2C3",
                        "2026-01-01T00:00:00.000Z",
                        "2026-12-31T23:59:59.000Z",
                        "mail.contoso.com;autodiscover.contoso.com"));

        Session failed = sessions.get(1);
        assertThat(failed.failure()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
        assertThat(failed.matches().get(0).direction())
                .as("a receive log is Exchange Online → on-premises")
                .isEqualTo(Direction.EXO_TO_ONPREM);
        assertThat(failed.disconnectReason()).isEqualTo("Remote(SocketError)");
        assertThat(failed.starttlsOffered()).isFalse();
    }

    @Test
    void exchange2010WritesTls10WithoutTheMinorVersion(@TempDir Path dir) throws Exception {
        Path log = Files.write(
                dir.resolve("SEND20110301-1.LOG"),
                LogText.utf8WithBom(
                        LogText.send(
                                "2011-03-01T09:00:00.000Z,Outbound to partner,08CDA1B2C3D4E5F6,0,,192.0.2.77:25,+,,attempting to connect",
                                "2011-03-01T09:00:00.500Z,Outbound to partner,08CDA1B2C3D4E5F6,1,10.0.0.5:3000,192.0.2.77:25,*,,TLS protocol SP_PROT_TLS1_CLIENT negotiation succeeded using bulk encryption algorithm CALG_RC4 with strength 128 bits",
                                "2011-03-01T09:00:01.000Z,Outbound to partner,08CDA1B2C3D4E5F6,2,10.0.0.5:3000,192.0.2.77:25,-,,Local")));
        Session session = sessions(log).get(0);
        assertThat(session.protocol()).isEqualTo(TlsProtocol.TLS1_0);
        assertThat(session.matches()).extracting(m -> m.code()).containsExactly(SymptomCode.LEGACY_TLS_NEGOTIATED);
    }

    @Test
    void aTruncatedFileKeepsItsOpenSessionsAndCountsTheCutRow(@TempDir Path dir) throws Exception {
        String cut = SEND_LOG.substring(
                0, SEND_LOG.indexOf("TLS protocol SP_PROT_TLS1_2_CLIENT") + 20); // inside a quoted field
        Path log = Files.write(dir.resolve("SEND20261120-2.LOG"), LogText.utf8WithBom(cut));
        LogAnalysis analysis = ANALYZER.analyze(List.of(log), LogAnalyzer.Options.defaults(), new LogProgress());
        assertThat(analysis.files()).isEqualTo(1);
        assertThat(analysis.badLines()).isEqualTo(1);
        assertThat(analysis.badSamples().get(0).text()).endsWith(",*,,\"TLS protocol SP_PROT");
        assertThat(analysis.badSamples().get(0).lineNumber()).isEqualTo(27);
        assertThat(analysis.sessions()).isEqualTo(2);
        List<Session> sessions = sessions(log);
        assertThat(sessions.get(0).disconnected())
                .as("the file ends before its - row")
                .isFalse();
        assertThat(sessions.get(0).protocol()).isEqualTo(TlsProtocol.NONE);
        assertThat(sessions.get(1).disconnected()).isFalse();
        assertThat(sessions.get(1).failure())
                .as("what was written before the cut still counts")
                .isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
    }

    @Test
    void badRowsAreCountedAndSampledNeverFatal(@TempDir Path dir) throws Exception {
        String text = LogText.send(
                "2026-11-20T10:00:00.100Z,Outbound,08DAF3B1C2D4E5F6,0,,104.47.58.138:25,+,,attempting to connect",
                "this line was pasted in by someone",
                "2026-13-45T10:00:00.100Z,Outbound,08DAF3B1C2D4E5F6,1,,104.47.58.138:25,>,EHLO x,",
                "2026-11-20T10:00:00.200Z,Outbound,08DAF3B1C2D4E5F6,1,,104.47.58.138:25,?,EHLO x,",
                "2026-11-20T10:00:00.300Z,Outbound,08DAF3B1C2D4E5F6,x,,104.47.58.138:25,>,EHLO x,",
                "2026-11-20T10:00:00.400Z,Outbound,08DAF3B1C2D4E5F6,2,,104.47.58.138:25,>,EHLO x,,,too,many",
                "",
                "2026-11-20T10:00:00.500Z,Outbound,08DAF3B1C2D4E5F6,3,10.0.0.5:1,104.47.58.138:25,-,,Local");
        Path log = Files.write(dir.resolve("SEND20261120-3.LOG"), text.getBytes(StandardCharsets.UTF_8));
        LogAnalysis analysis = ANALYZER.analyze(List.of(log), LogAnalyzer.Options.defaults(), new LogProgress());
        assertThat(analysis.badLines()).isEqualTo(5);
        assertThat(analysis.badSamples()).extracting(BadLine::lineNumber).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(analysis.badSamples().get(0).text()).isEqualTo("this line was pasted in by someone");
        assertThat(analysis.sessions()).isEqualTo(1);
    }

    @Test
    void utf16AndBomLessCopiesReadTheSameAsExchangesUtf8(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Files.createDirectories(dir.resolve("c"));
        Files.write(dir.resolve("a/SEND20261120-1.LOG"), LogText.utf8WithBom(SEND_LOG));
        Files.write(dir.resolve("b/SEND20261120-1.LOG"), LogText.utf16le(SEND_LOG));
        Files.write(dir.resolve("c/SEND20261120-1.LOG"), SEND_LOG.getBytes(StandardCharsets.UTF_16BE)); // no BOM at all
        for (String copy : List.of("b", "c")) {
            List<Session> expected = sessions(dir.resolve("a"));
            List<Session> actual = sessions(dir.resolve(copy));
            assertThat(actual).hasSize(2);
            for (int i = 0; i < 2; i++) {
                assertThat(actual.get(i).connector()).isEqualTo("Исходящий в Office 365");
                assertThat(actual.get(i).protocol()).isEqualTo(expected.get(i).protocol());
                assertThat(actual.get(i).certificates())
                        .isEqualTo(expected.get(i).certificates());
                assertThat(actual.get(i).failure()).isEqualTo(expected.get(i).failure());
            }
        }
    }

    @Test
    void sinceLeavesOutOlderRows(@TempDir Path dir) throws Exception {
        Path log = Files.write(dir.resolve("RECV2026112011-1.LOG"), LogText.utf8WithBom(RECEIVE_LOG));
        LogAnalysis analysis = ANALYZER.analyze(
                LogInputs.collect(List.of(log)),
                new LogAnalyzer.Options(Instant.parse("2026-11-20T11:01:00Z"), 1),
                new LogProgress(),
                s -> {});
        assertThat(analysis.sessions()).isEqualTo(1);
        assertThat(analysis.legacyPartners()).isEmpty();
        assertThat(analysis.failedSessions()).isEqualTo(1);
    }

    @Test
    void theExampleTranscriptIsTheWholeSessionInSequenceOrder(@TempDir Path dir) throws Exception {
        List<String> rows = new ArrayList<>(List.of(SEND_LOG.split("\r\n")));
        // Move the failing session's "+" row to the end: the log is out of order, the transcript must not be.
        String first = rows.stream()
                .filter(r -> r.contains("08DAF3B1C2D4E5F7,0,"))
                .findFirst()
                .orElseThrow();
        rows.remove(first);
        rows.add(rows.size() - 1, first);
        Path log = Files.write(
                dir.resolve("SEND20261120-4.LOG"), String.join("\r\n", rows).getBytes(StandardCharsets.UTF_8));
        LogAnalysis analysis = ANALYZER.analyze(List.of(log), LogAnalyzer.Options.defaults(), new LogProgress());
        FailureExample example = analysis.examples().get(0);
        assertThat(example.reason()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
        assertThat(example.transcript()).hasSize(9).allMatch(line -> line.contains("08DAF3B1C2D4E5F7"));
        assertThat(example.transcript().get(0)).endsWith("+,,attempting to connect");
        assertThat(example.transcript().get(8)).endsWith("-,,Local");
    }

    @Test
    void aQuotedFieldWithLineBreaksIsOneRowNotBadLines(@TempDir Path dir) throws Exception {
        // Exchange quotes a field that holds CR or LF; the row then spans several physical lines.
        String text = LogText.send(
                "2026-11-20T10:00:00.100Z,Outbound to Office 365,08DAF3B1C2D4E5F7,0,,104.47.59.138:25,+,,attempting to connect",
                "2026-11-20T10:00:00.200Z,Outbound to Office 365,08DAF3B1C2D4E5F7,1,10.0.0.5:52314,104.47.59.138:25,<,\"220 mx.fabrikam.com ESMTP\r\nno \"\"relay\"\", please\r\nthird line\",",
                "2026-11-20T10:00:00.300Z,Outbound to Office 365,08DAF3B1C2D4E5F7,2,10.0.0.5:52314,104.47.59.138:25,>,STARTTLS,",
                "2026-11-20T10:00:00.400Z,Outbound to Office 365,08DAF3B1C2D4E5F7,3,10.0.0.5:52314,104.47.59.138:25,*,,TLS negotiation failed with error SocketError",
                "2026-11-20T10:00:00.500Z,Outbound to Office 365,08DAF3B1C2D4E5F7,4,10.0.0.5:52314,104.47.59.138:25,-,,Local");
        Path log = Files.write(dir.resolve("SEND20261120-5.LOG"), LogText.utf8WithBom(text));
        LogAnalysis analysis = ANALYZER.analyze(List.of(log), LogAnalyzer.Options.defaults(), new LogProgress());
        assertThat(analysis.badLines()).as("no half rows").isZero();
        assertThat(analysis.lines())
                .as("physical lines: five header lines, five rows, two line breaks inside")
                .isEqualTo(12);
        Session session = sessions(log).get(0);
        assertThat(session.rows()).isEqualTo(5);
        assertThat(session.failure()).isEqualTo(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
        assertThat(session.disconnected()).isTrue();
        FailureExample example = analysis.examples().get(0);
        assertThat(example.transcript()).hasSize(5);
        assertThat(example.transcript().get(1))
                .endsWith("<,\"220 mx.fabrikam.com ESMTP\r\nno \"\"relay\"\", please\r\nthird line\",");

        // A quote that never closes is still one bad row, and the rows after it are read as rows.
        Path cut = Files.write(
                dir.resolve("SEND20261120-6.LOG"), LogText.utf8WithBom(text.replace("third line\",", "third line,")));
        LogAnalysis cutAnalysis = ANALYZER.analyze(List.of(cut), LogAnalyzer.Options.defaults(), new LogProgress());
        assertThat(cutAnalysis.badLines()).isEqualTo(3);
        assertThat(cutAnalysis.badSamples()).extracting(BadLine::lineNumber).containsExactly(7L, 8L, 9L);
        assertThat(sessions(cut).get(0).rows()).isEqualTo(4);
    }
}
