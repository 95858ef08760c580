package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogKind;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.Negotiated;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.SnapshotOrigin;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Real parts for diagnosis tests: registry reports evaluated from real .reg exports, recognitions from real text,
 * probe reports and log analyses with the values the probe and log reader produce.
 */
public final class Cases {

    static final SymptomCatalog CATALOG = SymptomCatalog.load();
    static final String PROTOCOLS =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
    static final String OS = "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final Provenance OFFLINE = new Provenance(
            Instant.parse("2026-11-27T10:00:00Z"), "HELPDESK7", "CONTOSO\\anna", "test", CheckMode.OFFLINE);

    private Cases() {}

    /** A reg export of a Windows Server 2019 whose TLS 1.2 sides are on (true) or switched off (false). */
    static String regText(boolean clientOn, boolean serverOn) {
        StringBuilder text = new StringBuilder(RegFileText.HEADER)
                .append("\r\n\r\n[")
                .append(OS)
                .append("]\r\n")
                .append("\"ProductName\"=\"Windows Server 2019 Standard\"\r\n\"CurrentBuild\"=\"17763\"\r\n")
                .append("\"InstallationType\"=\"Server\"\r\n");
        text.append("\r\n[").append(PROTOCOLS).append("]\r\n");
        side(text, "Client", clientOn);
        side(text, "Server", serverOn);
        return text.append("\r\n").toString();
    }

    private static void side(StringBuilder text, String role, boolean on) {
        text.append("\r\n[").append(PROTOCOLS).append("\\TLS 1.2]\r\n");
        text.append("\r\n[")
                .append(PROTOCOLS)
                .append("\\TLS 1.2\\")
                .append(role)
                .append("]\r\n")
                .append("\"Enabled\"=dword:0000000")
                .append(on ? 1 : 0)
                .append("\r\n")
                .append("\"DisabledByDefault\"=dword:0000000")
                .append(on ? 0 : 1)
                .append("\r\n");
    }

    public static Path regFile(Path dir, boolean clientOn, boolean serverOn) throws IOException {
        return Files.write(dir.resolve("schannel.reg"), RegFileText.bytes(regText(clientOn, serverOn)));
    }

    /** Both TLS 1.2 sides on, and Windows waiting for a restart (a pending file rename, as after updates). */
    static RegistryReport registryWithWindowsWaiting(Path dir) throws Exception {
        String text =
                regText(true, true) + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Session Manager]\r\n"
                        + "\"PendingFileRenameOperations\"=\"\\\\??\\\\C:\\\\Windows\\\\WinSxS\\\\pending.xml\"\r\n\r\n";
        Path file = Files.write(dir.resolve("pending.reg"), RegFileText.bytes(text));
        return new RegistryEvaluator().evaluate(new RegFileSource(List.of(file)).collect());
    }

    static RegistryReport registry(Path dir, boolean clientOn, boolean serverOn) throws Exception {
        return new RegistryEvaluator().evaluate(new RegFileSource(List.of(regFile(dir, clientOn, serverOn))).collect());
    }

    /** A live snapshot whose TLS 1.2 keys were written after the last boot (what a change without restart leaves). */
    static RegistryReport liveChangedAfterBoot() {
        return liveChangedAfterBoot(true);
    }

    /** The same, read on a machine with or without Exchange Server installed (a helpdesk desktop has none). */
    static RegistryReport liveChangedAfterBoot(boolean exchangeInstalled) {
        Instant boot = Instant.parse("2026-11-20T06:00:00Z");
        Instant written = Instant.parse("2026-11-27T09:30:00Z");
        List<RegistryKey> keys = new ArrayList<>();
        keys.add(new RegistryKey(
                OS,
                boot,
                Map.of(
                        "ProductName",
                        RegistryValue.string("Windows Server 2019 Standard"),
                        "CurrentBuild",
                        RegistryValue.string("17763"))));
        if (exchangeInstalled) {
            keys.add(new RegistryKey(
                    "HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup",
                    boot,
                    Map.of(
                            "MsiProductMajor",
                            RegistryValue.dword(15),
                            "MsiProductMinor",
                            RegistryValue.dword(2),
                            "MsiBuildMajor",
                            RegistryValue.dword(1544),
                            "MsiBuildMinor",
                            RegistryValue.dword(4))));
        }
        for (String role : List.of("Client", "Server")) {
            Map<String, RegistryValue> values = new LinkedHashMap<>();
            values.put("Enabled", RegistryValue.dword(1));
            values.put("DisabledByDefault", RegistryValue.dword(0));
            keys.add(new RegistryKey(PROTOCOLS + "\\TLS 1.2\\" + role, written, values));
        }
        RegistrySnapshot snapshot = RegistrySnapshot.of(
                SnapshotOrigin.LIVE, List.of("EX01"), written, boot, List.of("HKEY_LOCAL_MACHINE"), keys);
        return new RegistryEvaluator().evaluate(snapshot);
    }

    static Recognition recognise(String text) {
        return new EvidenceRecognizer(CATALOG).recognize(EvidenceText.pasted(text));
    }

    /** A target the probe finished, with the finding ids it reported (texts as the probe words them). */
    static ProbeEvidence probe(Direction direction, String host, int port, String protocol, String... findingIds) {
        ProbeTarget target = ProbeTarget.direct(host, port);
        List<ProbeFinding> findings = new ArrayList<>();
        for (String id : findingIds) {
            findings.add(new ProbeFinding(id, Severity.INFO, Detail.of("probe.finding." + id, target.display(), port)));
        }
        Negotiated negotiated =
                protocol == null ? null : new Negotiated(protocol, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        TargetReport report = new TargetReport(
                target,
                host,
                List.of(),
                null,
                false,
                List.of(),
                true,
                null,
                negotiated,
                null,
                Map.of(),
                findings,
                List.of(),
                12);
        return new ProbeEvidence(direction, report, null);
    }

    static ProbeEvidence withSchannel(ProbeEvidence probe, String id, String... args) {
        return new ProbeEvidence(
                probe.direction(),
                probe.report(),
                new ProbeFinding(id, Severity.INFO, Detail.of("probe.finding." + id, (Object[]) args)));
    }

    /** A log analysis with one remote per entry: address, kind, failures of a reason, TLS 1.2 and TLS 1.0 sessions. */
    static LogAnalysis logs(Remote... remotes) {
        List<RemoteSummary> summaries = new ArrayList<>();
        long sessions = 0;
        long failed = 0;
        for (Remote remote : remotes) {
            Map<TlsProtocol, Long> tls = new EnumMap<>(TlsProtocol.class);
            for (TlsProtocol protocol : TlsProtocol.values()) {
                tls.put(protocol, 0L);
            }
            tls.put(TlsProtocol.TLS1_2, remote.tls12());
            tls.put(TlsProtocol.TLS1_0, remote.tls10());
            Map<SymptomCode, Long> failures =
                    remote.failures() == 0 ? Map.of() : Map.of(remote.reason(), remote.failures());
            long total = remote.failures() + remote.tls12() + remote.tls10();
            summaries.add(new RemoteSummary(
                    remote.address(),
                    remote.kind(),
                    "Outbound to Office 365",
                    total,
                    tls,
                    failures,
                    Instant.parse("2026-11-20T10:00:00Z"),
                    Instant.parse("2026-11-21T14:30:00Z")));
            sessions += total;
            failed += remote.failures();
        }
        Map<SymptomCode, Long> symptoms = new EnumMap<>(SymptomCode.class);
        TreeMap<Instant, Long> perHour = new TreeMap<>();
        if (failed > 0) {
            perHour.put(Instant.parse("2026-11-20T10:00:00Z"), failed);
        }
        return new LogAnalysis(
                1, 1000, List.of(), 100, 0, List.of(), sessions, symptoms, summaries, perHour, List.of());
    }

    record Remote(String address, LogKind kind, SymptomCode reason, long failures, long tls12, long tls10) {}

    static CaseFile caseFile(
            Recognition recognition, RegistryReport registry, List<ProbeEvidence> probes, LogAnalysis logs) {
        return CaseFile.builder(OFFLINE)
                .recognition(recognition)
                .direction(Direction.UNKNOWN)
                .registry(registry)
                .probes(probes)
                .logs(logs)
                .build();
    }

    static CaseFile withChanges(CaseFile file, List<ApplyResult> changes, RestartState restart) {
        return file.toBuilder()
                .changes(changes)
                .restart(restart)
                .rehearsals(List.of())
                .build();
    }

    /** The chain as a reader sees it, one line per link: "SUPPORTS REGISTRY: TLS 1.2 is switched off ...". */
    static String chain(Conclusion conclusion) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        return conclusion.chain().stream()
                .map(link -> link.bearing() + " " + link.source() + ": "
                        + messages.get(link.text().key(), link.text().argArray()))
                .collect(Collectors.joining("\n"));
    }

    static String nextSteps(Conclusion conclusion) {
        Messages messages = Messages.forLocale(Locale.ENGLISH);
        return conclusion.nextSteps().stream()
                .map(step -> messages.get(step.key(), step.argArray()))
                .collect(Collectors.joining("\n"));
    }
}
