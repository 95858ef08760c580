package io.tlsdoctor.core.report;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.probe.CertificateInfo;
import io.tlsdoctor.core.probe.CertificateReport;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.Negotiated;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.probe.SmtpReply;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionOutcome;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.Role;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import io.tlsdoctor.core.registry.Tls12;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One realistic diagnosis, built from the real parts where they are deterministic: the recogniser reads a real NDR,
 * the registry evaluator judges a live snapshot of a Windows Server 2019 / Exchange 2019 server whose SChannel
 * Client has TLS 1.2 off, and the log analyser reads a send and a receive log. The handshake reports are written
 * out (a real handshake has a different time and certificate every run). Everything external passes through
 * {@link #external}, so the injection test can poison every field that comes from outside.
 */
final class SampleCase {

    static final Instant WHEN = Instant.parse("2026-11-27T09:12:05Z");
    static final Instant BOOT = Instant.parse("2026-11-20T06:00:00Z");
    static final String OUTBOUND_HOST = "contoso-com.mail.protection.outlook.com";
    static final String INBOUND_HOST = "ex01.contoso.local";

    private final UnaryOperator<String> external;
    private final Path logFolder;

    /**
     * @param external  applied to every text that comes from outside TLS Doctor (identity for the realistic case)
     * @param logFolder where the protocol logs are written; relative, so the file names in the summary are the same
     *                  on every machine
     */
    SampleCase(UnaryOperator<String> external, Path logFolder) {
        this.external = external;
        this.logFolder = logFolder;
    }

    static SampleCase realistic() {
        return new SampleCase(UnaryOperator.identity(), Path.of("target", "report-fixture", "logs"));
    }

    CaseFile caseFile() {
        return CaseFile.builder(provenance())
                .recognition(recognition())
                .evidenceText(ndr())
                .direction(Direction.ONPREM_TO_EXO)
                .registry(registry())
                .probes(List.of(outbound(), inbound()))
                .logs(logs())
                .changes(List.of(applied()))
                .restart(new RestartState(RestartState.Status.NEEDED, null, new Tls12(false, true), null))
                .build();
    }

    Provenance provenance() {
        return new Provenance(WHEN, x("EX01"), x("CONTOSO\\jdoe"), "0.9.0", CheckMode.LIVE);
    }

    /**
     * What the engine concluded before the fix, as the wizard's Diagnosis step does: the summary shows a real
     * conclusion, worded as users see it, beside the change and the restart that followed.
     */
    Conclusion conclusion() {
        CaseFile all = caseFile();
        return new DiagnosisEngine()
                .conclude(all.toBuilder().changes(List.of()).restart(null).build());
    }

    // == The symptom: an NDR as a user pastes it ==

    String ndr() {
        return String.join(
                "\n",
                "From: Microsoft Outlook <" + x("MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.com") + ">",
                "To: " + x("Megan Bowen <megan.bowen@contoso.com>"),
                "Subject: Undeliverable: " + x("Q4 forecast - final numbers"),
                "",
                "Delivery has failed to these recipients or groups:",
                x("alex.wilber@fabrikam.com"),
                "",
                "Diagnostic information for administrators:",
                "Generating server: " + x("EX01.corp.contoso.com"),
                "Receiving server: " + x(OUTBOUND_HOST + " (104.47.22.138)"),
                x("alex.wilber@fabrikam.com"),
                x("Remote Server at " + OUTBOUND_HOST
                        + " (104.47.22.138) returned '550 4.4.7 QUEUE.Expired; message expired"
                        + " [Message=451 4.4.0 Error communicating with target host. -> 421 4.4.2 Connection dropped due to SocketError]"
                        + " [LastAttemptedServerName=" + OUTBOUND_HOST + "] [LastAttemptedIP=104.47.22.138:25]'"),
                "Received: from " + x("EX02.corp.contoso.com (10.20.1.16) by EX01.corp.contoso.com (10.20.1.15)")
                        + " with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384) id 15.2.1544.4");
    }

    Recognition recognition() {
        return new EvidenceRecognizer(SymptomCatalog.load()).recognize(EvidenceText.pasted(ndr()));
    }

    // == The registry: live, Windows Server 2019, Exchange 2019 CU14, TLS 1.2 off for the Client side ==

    RegistryReport registry() {
        List<String> covered = RegistryPaths.liveReads().stream()
                .map(RegistryPaths.LiveRead::path)
                .toList();
        Map<String, RegistryValue> os = new LinkedHashMap<>();
        os.put("ProductName", RegistryValue.string(x("Windows Server 2019 Standard")));
        os.put("CurrentBuild", RegistryValue.string("17763"));
        os.put("UBR", RegistryValue.dword(6893));
        os.put("InstallationType", RegistryValue.string(x("Server")));
        Map<String, RegistryValue> exchange = new LinkedHashMap<>();
        exchange.put("MsiProductMajor", RegistryValue.dword(15));
        exchange.put("MsiProductMinor", RegistryValue.dword(2));
        exchange.put("MsiBuildMajor", RegistryValue.dword(1544));
        exchange.put("MsiBuildMinor", RegistryValue.dword(4));
        RegistrySnapshot snapshot = RegistrySnapshot.of(
                SnapshotOrigin.LIVE,
                List.of("EX01"),
                WHEN,
                BOOT,
                covered,
                List.of(
                        new RegistryKey(RegistryPaths.OS, BOOT.minusSeconds(86_400), os),
                        new RegistryKey(RegistryPaths.EXCHANGE_SETUP, BOOT.minusSeconds(86_400), exchange),
                        new RegistryKey(RegistryPaths.SCHANNEL, BOOT.minusSeconds(86_400), Map.of()),
                        new RegistryKey(
                                RegistryPaths.protocol(Protocol.TLS_1_2, Role.CLIENT),
                                BOOT.minusSeconds(86_400),
                                Map.of("Enabled", RegistryValue.dword(0), "DisabledByDefault", RegistryValue.dword(1))),
                        new RegistryKey(
                                RegistryPaths.protocol(Protocol.TLS_1_2, Role.SERVER),
                                BOOT.minusSeconds(86_400),
                                Map.of(
                                        "Enabled",
                                        RegistryValue.dword(1),
                                        "DisabledByDefault",
                                        RegistryValue.dword(0)))));
        return new RegistryEvaluator().evaluate(snapshot);
    }

    // == The handshakes ==

    ProbeEvidence outbound() {
        String target = OUTBOUND_HOST + ":25";
        String ip = "104.47.22.138";
        String greeting = x(
                "AM4PEPF00027A5F.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 09:12:04 +0000");
        String cipher = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        List<StepResult> steps = List.of(
                new StepResult(
                        StepName.DNS, StepStatus.OK, 12, Detail.of("probe.detail.dns.resolved", OUTBOUND_HOST, ip)),
                new StepResult(StepName.CONNECT, StepStatus.OK, 31, Detail.of("probe.detail.connect.ok", ip, 25)),
                new StepResult(
                        StepName.BANNER, StepStatus.OK, 40, Detail.of("probe.detail.banner.ok", "220 " + greeting)),
                new StepResult(StepName.EHLO, StepStatus.OK, 28, Detail.of("probe.detail.ehlo.starttls", 7)),
                new StepResult(
                        StepName.STARTTLS,
                        StepStatus.OK,
                        27,
                        Detail.of("probe.detail.starttls.ok", "220 2.0.0 SMTP server ready")),
                new StepResult(
                        StepName.HANDSHAKE,
                        StepStatus.OK,
                        95,
                        Detail.of("probe.detail.handshake.ok", "TLSv1.2", cipher)),
                new StepResult(
                        StepName.QUIT,
                        StepStatus.OK,
                        26,
                        Detail.of("probe.detail.quit.ok", "221 2.0.0 Service closing transmission channel")));
        Map<TlsVersion, VersionResult> matrix = new LinkedHashMap<>();
        matrix.put(
                TlsVersion.TLS_1_0,
                new VersionResult(
                        TlsVersion.TLS_1_0,
                        VersionOutcome.REFUSED,
                        null,
                        Detail.of("probe.detail.alert", x("handshake_failure"))));
        matrix.put(
                TlsVersion.TLS_1_1,
                new VersionResult(
                        TlsVersion.TLS_1_1,
                        VersionOutcome.REFUSED,
                        null,
                        Detail.of("probe.detail.alert", x("handshake_failure"))));
        matrix.put(
                TlsVersion.TLS_1_2,
                new VersionResult(
                        TlsVersion.TLS_1_2,
                        VersionOutcome.ACCEPTED,
                        cipher,
                        Detail.of("probe.detail.version.accepted", cipher)));
        matrix.put(
                TlsVersion.TLS_1_3,
                new VersionResult(
                        TlsVersion.TLS_1_3,
                        VersionOutcome.REFUSED,
                        null,
                        Detail.of("probe.detail.alert", x("protocol_version"))));
        CertificateReport certificate = new CertificateReport(
                List.of(
                        new CertificateInfo(
                                x(
                                        "CN=mail.protection.outlook.com, O=Microsoft Corporation, L=Redmond, ST=Washington, C=US"),
                                List.of(x("mail.protection.outlook.com"), x("*.mail.protection.outlook.com")),
                                x("CN=DigiCert Cloud Services CA-1, O=DigiCert Inc, C=US"),
                                Instant.parse("2026-03-01T00:00:00Z"),
                                Instant.parse("2027-03-01T23:59:59Z"),
                                "SHA256withRSA",
                                x(
                                        "4F:2A:9C:11:7B:0E:D3:58:AA:61:0C:93:2B:7D:E4:19:56:80:C2:3F:9A:B4:71:0D:E8:63:5C:92:1F:07:BB:4E"))),
                true,
                null,
                true,
                false,
                false,
                false);
        TargetReport report = new TargetReport(
                new ProbeTarget(OUTBOUND_HOST, 25, null, null, null),
                ip,
                steps,
                new SmtpReply(220, List.of(greeting)),
                false,
                List.of(
                        x("SIZE 157286400"),
                        "PIPELINING",
                        "DSN",
                        "ENHANCEDSTATUSCODES",
                        "STARTTLS",
                        "8BITMIME",
                        "SMTPUTF8"),
                true,
                new SmtpReply(220, List.of("2.0.0 SMTP server ready")),
                new Negotiated("TLSv1.2", cipher),
                certificate,
                matrix,
                List.of(new ProbeFinding(
                        "outboundPathFine", Severity.OK, Detail.of("probe.finding.outboundPathFine", target))),
                List.of(
                        "-- " + x("connected to " + ip + ":25"),
                        "S: 220 " + greeting,
                        "C: EHLO " + x("EX01.corp.contoso.com"),
                        "S: 250-" + x("AM4PEPF00027A5F.mail.protection.outlook.com Hello [198.51.100.20]"),
                        "S: 250-SIZE 157286400",
                        "S: 250 STARTTLS",
                        "C: STARTTLS",
                        "S: 220 2.0.0 SMTP server ready",
                        "-- TLSv1.2 " + cipher,
                        "C: QUIT",
                        "S: 221 2.0.0 Service closing transmission channel"),
                284);
        ProbeFinding schannel = new ProbeFinding(
                "schannelLegacy",
                Severity.FAIL,
                Detail.of("probe.finding.schannelLegacy", target, "TLS 1.0", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"));
        return new ProbeEvidence(Direction.ONPREM_TO_EXO, report, schannel);
    }

    ProbeEvidence inbound() {
        String target = INBOUND_HOST + ":25";
        String ip = "10.0.0.5";
        String greeting = x("EX01.contoso.local Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 09:12:06 +0000");
        String cipher = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        List<StepResult> steps = List.of(
                new StepResult(
                        StepName.DNS, StepStatus.OK, 2, Detail.of("probe.detail.dns.resolved", INBOUND_HOST, ip)),
                new StepResult(StepName.CONNECT, StepStatus.OK, 1, Detail.of("probe.detail.connect.ok", ip, 25)),
                new StepResult(
                        StepName.BANNER, StepStatus.OK, 5, Detail.of("probe.detail.banner.ok", "220 " + greeting)),
                new StepResult(StepName.EHLO, StepStatus.OK, 3, Detail.of("probe.detail.ehlo.starttls", 4)),
                new StepResult(
                        StepName.STARTTLS,
                        StepStatus.OK,
                        2,
                        Detail.of("probe.detail.starttls.ok", "220 2.0.0 SMTP server ready")),
                new StepResult(
                        StepName.HANDSHAKE,
                        StepStatus.OK,
                        14,
                        Detail.of("probe.detail.handshake.ok", "TLSv1.2", cipher)),
                new StepResult(
                        StepName.QUIT,
                        StepStatus.OK,
                        1,
                        Detail.of("probe.detail.quit.ok", "221 2.0.0 Closing connection")));
        Map<TlsVersion, VersionResult> matrix = new LinkedHashMap<>();
        matrix.put(
                TlsVersion.TLS_1_0,
                new VersionResult(
                        TlsVersion.TLS_1_0,
                        VersionOutcome.ACCEPTED,
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA",
                        Detail.of("probe.detail.version.accepted", "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA")));
        matrix.put(
                TlsVersion.TLS_1_2,
                new VersionResult(
                        TlsVersion.TLS_1_2,
                        VersionOutcome.ACCEPTED,
                        cipher,
                        Detail.of("probe.detail.version.accepted", cipher)));
        CertificateReport certificate = new CertificateReport(
                List.of(
                        new CertificateInfo(
                                x("CN=mail.contoso.com, O=Contoso Ltd, L=Stockholm, C=SE"),
                                List.of(x("mail.contoso.com"), x("autodiscover.contoso.com")),
                                x("CN=R3, O=Let's Encrypt, C=US"),
                                Instant.parse("2026-09-01T00:00:00Z"),
                                Instant.parse("2026-11-30T00:00:00Z"),
                                "SHA256withRSA",
                                x(
                                        "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90"))),
                true,
                null,
                false,
                false,
                false,
                false);
        TargetReport report = new TargetReport(
                ProbeTarget.direct(INBOUND_HOST, 25),
                ip,
                steps,
                new SmtpReply(220, List.of(greeting)),
                false,
                List.of("SIZE 37748736", "PIPELINING", "STARTTLS", "8BITMIME"),
                true,
                new SmtpReply(220, List.of("2.0.0 SMTP server ready")),
                new Negotiated("TLSv1.2", cipher),
                certificate,
                matrix,
                List.of(
                        new ProbeFinding(
                                "inboundLegacyAlso",
                                Severity.INFO,
                                Detail.of("probe.finding.inboundLegacyAlso", target, "TLS 1.0")),
                        new ProbeFinding(
                                "certName",
                                Severity.WARN,
                                Detail.of("probe.finding.certName", INBOUND_HOST, x("mail.contoso.com")))),
                List.of(
                        "S: 220 " + greeting,
                        "C: EHLO " + x("EX01.corp.contoso.com"),
                        "S: 250-" + x("EX01.contoso.local Hello [10.0.0.5]"),
                        "S: 250 STARTTLS",
                        "C: STARTTLS",
                        "S: 220 2.0.0 SMTP server ready",
                        "C: QUIT",
                        "S: 221 2.0.0 Closing connection"),
                31);
        return new ProbeEvidence(Direction.EXO_TO_ONPREM, report, null);
    }

    // == The protocol logs: this server failing to send to Exchange Online; a partner on TLS 1.0 ==

    LogAnalysis logs() {
        String connector = logX("Outbound to Office 365");
        StringBuilder send = new StringBuilder(header("SMTP Send Protocol Log"));
        for (int i = 0; i < 3; i++) {
            String id = "08DE2C1A0000000" + i;
            String time = "2026-11-27T08:0" + i + ":00";
            String remote = "104.47.22.138:25";
            String local = "10.0.0.5:5231" + i;
            send.append(row(time + ".100Z", connector, id, 0, "", remote, "+", "", "attempting to connect"));
            send.append(row(
                    time + ".200Z",
                    connector,
                    id,
                    1,
                    local,
                    remote,
                    "<",
                    logX("220 AM4PEPF00027A5F.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready"),
                    ""));
            send.append(
                    row(time + ".300Z", connector, id, 2, local, remote, ">", logX("EHLO EX01.corp.contoso.com"), ""));
            send.append(row(time + ".400Z", connector, id, 3, local, remote, "<", "250 STARTTLS", ""));
            send.append(row(time + ".500Z", connector, id, 4, local, remote, ">", "STARTTLS", ""));
            send.append(row(time + ".600Z", connector, id, 5, local, remote, "<", "220 2.0.0 SMTP server ready", ""));
            send.append(row(
                    time + ".700Z",
                    connector,
                    id,
                    6,
                    local,
                    remote,
                    "*",
                    "",
                    "TLS negotiation failed with error SocketError"));
            send.append(row(time + ".800Z", connector, id, 7, local, remote, "-", "", "Remote(SocketError)"));
        }
        String receiver = logX("EX01\\Default Frontend EX01");
        String partner = "[2001:db8:5::25]:53000";
        String me = "[2001:db8:1::5]:25";
        String id = "08DE2C1A00000100";
        String receive = header("SMTP Receive Protocol Log")
                + row("2026-11-27T08:30:00.000Z", receiver, id, 0, me, partner, "+", "", "")
                + row(
                        "2026-11-27T08:30:00.020Z",
                        receiver,
                        id,
                        1,
                        me,
                        partner,
                        ">",
                        logX("220 EX01.contoso.local Microsoft ESMTP MAIL Service ready"),
                        "")
                + row("2026-11-27T08:30:00.030Z", receiver, id, 2, me, partner, "<", logX("EHLO mail.fabrikam.com"), "")
                + row(
                        "2026-11-27T08:30:00.040Z",
                        receiver,
                        id,
                        3,
                        me,
                        partner,
                        ">",
                        logX("250 EX01.contoso.local Hello [2001:db8:5::25]"),
                        "")
                + row("2026-11-27T08:30:00.050Z", receiver, id, 4, me, partner, "<", "STARTTLS", "")
                + row("2026-11-27T08:30:00.060Z", receiver, id, 5, me, partner, ">", "220 2.0.0 SMTP server ready", "")
                + row(
                        "2026-11-27T08:30:00.080Z",
                        receiver,
                        id,
                        6,
                        me,
                        partner,
                        "*",
                        "",
                        "TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits")
                + row("2026-11-27T08:30:00.100Z", receiver, id, 7, me, partner, "<", "QUIT", "")
                + row("2026-11-27T08:30:00.110Z", receiver, id, 8, me, partner, "-", "", "Local");
        try {
            Files.createDirectories(logFolder);
            Path sendLog = logFolder.resolve("SEND20261127-1.LOG");
            Path receiveLog = logFolder.resolve("RECV20261127-1.LOG");
            Files.write(sendLog, send.toString().getBytes(StandardCharsets.UTF_8));
            Files.write(receiveLog, receive.getBytes(StandardCharsets.UTF_8));
            return new LogAnalyzer(new ProtocolLogLineClassifier(SymptomCatalog.load()))
                    .analyze(List.of(sendLog, receiveLog), new LogAnalyzer.Options(null, 1), new LogProgress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(String logType) {
        return "#Software: Microsoft Exchange Server\r\n#Version: 15.02.1544.004\r\n#Log-type: " + logType
                + "\r\n#Date: 2026-11-27T08:00:00.000Z\r\n"
                + "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
    }

    /** One CSV row as Exchange writes it: a field with a comma or a quote is quoted, quotes doubled. */
    private static String row(
            String time,
            String connector,
            String session,
            int sequence,
            String local,
            String remote,
            String event,
            String data,
            String context) {
        return String.join(
                        ",",
                        time,
                        csv(connector),
                        session,
                        String.valueOf(sequence),
                        local,
                        remote,
                        event,
                        csv(data),
                        csv(context))
                + "\r\n";
    }

    private static String csv(String field) {
        if (field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }

    // == The change made, and the restart it needs ==

    ApplyResult applied() {
        String key = RegistryPaths.protocol(Protocol.TLS_1_2, Role.CLIENT);
        return new ApplyResult(
                ApplyResult.Outcome.APPLIED,
                x("the registry of EX01"),
                // no file system allows NUL in a name; everything else a folder name may hold stays
                Path.of("C:/ProgramData/TLS Doctor/backups/"
                        + x("20261127-091500-000-apply").replace("\u0000", "")),
                List.of(
                        new ChangeResult(
                                new RegistryLocation(key, "Enabled"),
                                RegistryValue.dword(0),
                                RegistryValue.dword(1),
                                RegistryValue.dword(1),
                                ChangeResult.State.WRITTEN),
                        new ChangeResult(
                                new RegistryLocation(key, "DisabledByDefault"),
                                RegistryValue.dword(1),
                                RegistryValue.dword(0),
                                RegistryValue.dword(0),
                                ChangeResult.State.WRITTEN)),
                null,
                null);
    }

    private String x(String text) {
        return external.apply(text);
    }

    /**
     * External text inside a protocol log row: a row is one line, and a file with NUL bytes is not a log (the
     * analyser skips it as binary), so those two cannot reach the summary from a log; everything else can.
     */
    private String logX(String text) {
        return x(text).replace("\u0000", "").replace('\r', ' ').replace('\n', ' ');
    }
}
