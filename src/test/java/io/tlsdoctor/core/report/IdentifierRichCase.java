package io.tlsdoctor.core.report;

import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
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
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.Role;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case full of the names a real one holds, in the forms that slip past patterns: a single-label server
 * ({@code EXCH2016}), DOMAIN-backslash-user, quoted and non-ASCII local parts, Swedish and Cyrillic display names, domains
 * ending in {@code .lab}, {@code .internal} and {@code .md}, names glued to {@code _} and {@code -}, an IPv6 SAN, an
 * IPv4 after the word "version", an e-mail address hex-encoded in a certificate DN, {@code O=} in a log row, user
 * names in file paths. {@link #IDENTIFIERS} lists every one; the leak test requires each in the plain summary and
 * none in the redacted one.
 */
final class IdentifierRichCase {

    static final Instant WHEN = Instant.parse("2026-11-27T09:12:05Z");

    /** Every name of the customer's, its people and partners, as it must never appear in a redacted summary. */
    static final List<String> IDENTIFIERS = List.of(
            // servers, single-label and dotted, and the same names glued to _ and -
            "EXCH2016",
            "EXCH2019",
            "DAG01",
            "EXCH2016.contoso.lab",
            "autodiscover.contoso.lab",
            // domains: not in any TLD list, or ending like a file
            "contoso.lab",
            "contoso",
            "CONTOSOLAB",
            "fabrikam.internal",
            "fabrikam",
            "northwind.md",
            "northwind",
            "relay.northwind.md",
            "scanner-03",
            "företaget.se",
            "företaget",
            // users and people
            "svc_exch",
            "k.lindqvist",
            "asmith",
            "\"john doe\"",
            "john doe",
            "megan.bowen",
            "Megan",
            "Bowen",
            "åsa.öberg",
            "Åsa Öberg",
            "Öberg",
            "иван.петров",
            "Иван Петров",
            "Петров",
            "per.andersson",
            "Per Andersson",
            "o'brien",
            "olga.smirnova",
            "Ольга Смирнова",
            // the certificate subject
            "Contoso Lab AB",
            "Skärgårdens IT",
            "706b692d61646d696e40636f6e746f736f2e6c6162",
            // addresses
            "192.0.2.44",
            "203.0.113.9",
            "10.40.2.17",
            "10.40.2.18",
            "10.40.2.19",
            "10.40.5.99",
            "198.51.100.77",
            "2001:db8:10:0:0:0:0:25",
            "2001:db8:10::25",
            "2001:db8:77::9");

    private final Path folder;

    IdentifierRichCase(Path folder) {
        this.folder = folder;
    }

    /**
     * Writes the case's inputs for bench/hostile-inputs.sh to run through the real command line: {@code ndr.txt},
     * the protocol logs under {@code EXCH2016_logs/}, and {@code identifiers.txt}, one name a line.
     */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("ndr.txt"), ndr(), StandardCharsets.UTF_8);
        new IdentifierRichCase(folder).logs();
        Files.write(folder.resolve("identifiers.txt"), IDENTIFIERS, StandardCharsets.UTF_8);
    }

    DiagnosisSummary summary() {
        CaseFile caseFile = caseFile();
        return new SummaryBuilder()
                .build(caseFile, new DiagnosisEngine().conclude(caseFile), Messages.forLocale(Languages.ENGLISH));
    }

    CaseFile caseFile() {
        return CaseFile.builder(new Provenance(WHEN, "EXCH2016", "CONTOSOLAB\\svc_exch", "0.9.0", CheckMode.LIVE))
                .recognition(new EvidenceRecognizer(SymptomCatalog.load()).recognize(EvidenceText.pasted(ndr())))
                .evidenceText(ndr())
                .direction(Direction.ONPREM_TO_EXO)
                .probes(List.of(inbound()))
                .logs(logs())
                .changes(List.of(applied()))
                .restart(new RestartState(RestartState.Status.NEEDED, null, null, null))
                .build();
    }

    /** An NDR as a user pastes it; the names sit on and next to the lines the recogniser matches. */
    static String ndr() {
        return String.join(
                "\n",
                "From: Microsoft Outlook <MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.lab>",
                "To: \"Bowen, Megan\" <megan.bowen@contoso.lab>",
                "Subject: Undeliverable: Kvartalsrapport Q4",
                "",
                "Delivery has failed to these recipients or groups:",
                "",
                "\"john doe\"@fabrikam.internal; \"Bowen, Megan\" <megan.bowen@contoso.lab>; Åsa Öberg <åsa.öberg@northwind.md>; Иван Петров <иван.петров@fabrikam.internal>",
                "Remote Server at relay.northwind.md (192.0.2.44) returned '550 4.4.7 QUEUE.Expired; message expired"
                        + " [Message=451 4.4.0 Error communicating with target host. -> 421 4.4.2 Connection dropped due to"
                        + " SocketError] [LastAttemptedServerName=relay.northwind.md] [LastAttemptedIP=192.0.2.44:25]'",
                "Generating server: EXCH2016; Received: from EXCH2019 (10.40.2.18) by EXCH2016 (10.40.2.17) with Microsoft"
                        + " SMTP Server id 15.1.2507.39; relay agent version 10.40.2.19; Per Andersson <per.andersson@företaget.se>;"
                        + " Received: from scanner-03.fabrikam.internal (203.0.113.9); o'brien@fabrikam.internal; Ольга Смирнова <olga.smirnova@contoso.lab>; CONTOSOLAB\\asmith",
                "",
                "Diagnostic information for administrators:");
    }

    /** The inbound handshake to this server: its own certificate names the company, an e-mail address in hex. */
    static ProbeEvidence inbound() {
        String host = "EXCH2016.contoso.lab";
        String ip = "10.40.2.17";
        String greeting = host + " Microsoft ESMTP MAIL Service ready at Fri, 27 Nov 2026 09:12:06 +0000";
        String cipher = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
        List<StepResult> steps = List.of(
                new StepResult(StepName.DNS, StepStatus.OK, 2, Detail.of("probe.detail.dns.resolved", host, ip)),
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
                                "1.2.840.113549.1.9.1=#1615706b692d61646d696e40636f6e746f736f2e6c6162,CN=EXCH2016,OU=Skärgårdens IT,"
                                        + "O=Contoso Lab AB,L=Göteborg,C=SE",
                                List.of(
                                        "DNS:EXCH2016.contoso.lab",
                                        "DNS:autodiscover.contoso.lab",
                                        "IP:2001:db8:10:0:0:0:0:25",
                                        "IP:10.40.2.17"),
                                "CN=EXCH2016,OU=Skärgårdens IT,O=Contoso Lab AB,L=Göteborg,C=SE",
                                Instant.parse("2026-09-01T00:00:00Z"),
                                Instant.parse("2031-09-01T00:00:00Z"),
                                "SHA256withRSA",
                                "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90")),
                false,
                "PKIX path building failed",
                false,
                false,
                false,
                false);
        TargetReport report = new TargetReport(
                ProbeTarget.direct(host, 25),
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
                List.of(new ProbeFinding(
                        "inboundLegacyAlso",
                        Severity.INFO,
                        Detail.of("probe.finding.inboundLegacyAlso", host + ":25", "TLS 1.0"))),
                List.of(
                        "S: 220 " + greeting,
                        "C: EHLO tlsdoctor.invalid",
                        "S: 250-EXCH2016.contoso.lab Hello [10.40.5.99]",
                        "S: 250 STARTTLS",
                        "C: STARTTLS",
                        "S: 220 2.0.0 SMTP server ready",
                        "C: QUIT",
                        "S: 221 2.0.0 Closing connection"),
                31);
        return new ProbeEvidence(Direction.EXO_TO_ONPREM, report, null);
    }

    /** A send log in a folder named after the server, its failed session holding the certificate rows. */
    LogAnalysis logs() {
        String connector = "Outbound to Office 365";
        StringBuilder send = new StringBuilder(header("SMTP Send Protocol Log"));
        String remote = "192.0.2.44:25";
        for (int i = 0; i < 2; i++) {
            String id = "08DE2C1A0000000" + i;
            String t = "2026-11-27T08:0" + i + ":00";
            String local = "10.40.2.17:5231" + i;
            send.append(row(t + ".100Z", connector, id, 0, "", remote, "+", "", "attempting to connect"));
            send.append(row(
                    t + ".200Z",
                    connector,
                    id,
                    1,
                    local,
                    remote,
                    "<",
                    "220 relay.northwind.md ESMTP Postfix (Debian/GNU)",
                    ""));
            send.append(row(t + ".300Z", connector, id, 2, local, remote, ">", "EHLO EXCH2016.contoso.lab", ""));
            send.append(row(
                    t + ".310Z",
                    connector,
                    id,
                    3,
                    local,
                    remote,
                    "<",
                    "250-relay.northwind.md Hello EXCH2016_backup [10.40.2.17]",
                    ""));
            send.append(row(t + ".400Z", connector, id, 4, local, remote, "<", "250 STARTTLS", ""));
            send.append(row(t + ".500Z", connector, id, 5, local, remote, ">", "STARTTLS", ""));
            send.append(row(t + ".600Z", connector, id, 6, local, remote, "<", "220 2.0.0 Ready to start TLS", ""));
            send.append(row(t + ".610Z", connector, id, 7, local, remote, "*", "", "Sending certificate"));
            send.append(row(
                    t + ".611Z",
                    connector,
                    id,
                    8,
                    local,
                    remote,
                    "*",
                    "CN=EXCH2016.contoso.lab, OU=Skärgårdens IT, O=Contoso Lab AB, L=Göteborg, C=SE",
                    "Certificate subject"));
            send.append(row(
                    t + ".612Z",
                    connector,
                    id,
                    9,
                    local,
                    remote,
                    "*",
                    "CN=Contoso Lab Issuing CA 01, DC=contoso, DC=lab",
                    "Certificate issuer name"));
            send.append(row(
                    t + ".613Z",
                    connector,
                    id,
                    10,
                    local,
                    remote,
                    "*",
                    "EXCH2016.contoso.lab;autodiscover.contoso.lab;IP:2001:db8:10::25",
                    "Certificate alternate names"));
            send.append(row(
                    t + ".700Z",
                    connector,
                    id,
                    11,
                    local,
                    remote,
                    "*",
                    "",
                    "TLS negotiation failed with error SocketError"));
            send.append(row(t + ".800Z", connector, id, 12, local, remote, "-", "", "Remote(SocketError)"));
        }
        String receiver = "DAG01\\Default Frontend DAG01";
        String partner = "[2001:db8:77::9]:53000";
        String me = "[2001:db8:10::25]:25";
        String id = "08DE2C1A00000100";
        String receive = header("SMTP Receive Protocol Log")
                + row("2026-11-27T08:30:00.000Z", receiver, id, 0, me, partner, "+", "", "")
                + row(
                        "2026-11-27T08:30:00.010Z",
                        receiver,
                        id,
                        1,
                        me,
                        partner,
                        ">",
                        "220 EXCH2016.contoso.lab Microsoft ESMTP MAIL Service ready",
                        "")
                + row(
                        "2026-11-27T08:30:00.020Z",
                        receiver,
                        id,
                        2,
                        me,
                        partner,
                        "<",
                        "EHLO scanner-03.fabrikam.internal",
                        "")
                + row(
                        "2026-11-27T08:30:00.030Z",
                        receiver,
                        id,
                        3,
                        me,
                        partner,
                        ">",
                        "250 EXCH2016.contoso.lab Hello [2001:db8:77::9]",
                        "")
                + row("2026-11-27T08:30:00.040Z", receiver, id, 4, me, partner, "<", "STARTTLS", "")
                + row("2026-11-27T08:30:00.050Z", receiver, id, 5, me, partner, ">", "220 2.0.0 SMTP server ready", "")
                + row(
                        "2026-11-27T08:30:00.060Z",
                        receiver,
                        id,
                        6,
                        me,
                        partner,
                        "*",
                        "",
                        "TLS protocol SP_PROT_TLS1_0_SERVER negotiation succeeded using bulk encryption algorithm CALG_AES_256 with strength 256 bits")
                + row("2026-11-27T08:30:00.070Z", receiver, id, 7, me, partner, "<", "QUIT", "")
                + row("2026-11-27T08:30:00.080Z", receiver, id, 8, me, partner, "-", "", "Local")
                + row(
                        "2026-11-27T08:31:00.000Z",
                        receiver,
                        "08DE2C1A00000101",
                        0,
                        me,
                        "198.51.100.77:41000",
                        "+",
                        "",
                        "")
                + row(
                        "2026-11-27T08:31:00.010Z",
                        receiver,
                        "08DE2C1A00000101",
                        1,
                        me,
                        "198.51.100.77:41000",
                        "<",
                        "EHLO dc01",
                        "")
                + row(
                        "2026-11-27T08:31:00.020Z",
                        receiver,
                        "08DE2C1A00000101",
                        2,
                        me,
                        "198.51.100.77:41000",
                        "-",
                        "",
                        "Local");
        try {
            Path logs = folder.resolve("EXCH2016_logs");
            Files.createDirectories(logs);
            Path sendLog = logs.resolve("SEND20261127-1.LOG");
            Path receiveLog = logs.resolve("RECV20261127-1.LOG");
            Files.write(sendLog, send.toString().getBytes(StandardCharsets.UTF_8));
            Files.write(receiveLog, receive.getBytes(StandardCharsets.UTF_8));
            return new LogAnalyzer(new ProtocolLogLineClassifier(SymptomCatalog.load()))
                    .analyze(List.of(sendLog, receiveLog), new LogAnalyzer.Options(null, 1), new LogProgress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A rehearsal on an exported store in the user's profile, the backup beside it. */
    static ApplyResult applied() {
        String key = RegistryPaths.protocol(Protocol.TLS_1_2, Role.CLIENT);
        return new ApplyResult(
                ApplyResult.Outcome.APPLIED,
                "C:\\Users\\k.lindqvist\\Desktop\\EXCH2016-schannel.reg",
                Path.of("C:/Users/k.lindqvist/AppData/Local/TLS Doctor/backups/EXCH2016_20261127-091500-apply"),
                List.of(new ChangeResult(
                        new RegistryLocation(key, "Enabled"),
                        RegistryValue.dword(0),
                        RegistryValue.dword(1),
                        RegistryValue.dword(1),
                        ChangeResult.State.WRITTEN)),
                null,
                null);
    }

    private static String header(String logType) {
        return "#Software: Microsoft Exchange Server\r\n#Version: 15.01.2507.039\r\n#Log-type: " + logType
                + "\r\n#Date: 2026-11-27T08:00:00.000Z\r\n"
                + "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context\r\n";
    }

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
        if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0) {
            return '"' + field.replace("\"", "\"\"") + '"';
        }
        return field;
    }
}
