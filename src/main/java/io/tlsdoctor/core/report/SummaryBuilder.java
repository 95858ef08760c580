package io.tlsdoctor.core.report;

import io.tlsdoctor.core.connectors.ConnectorFinding;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.FieldEvidence;
import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.EvidenceLink;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.diagnosis.Rehearsal;
import io.tlsdoctor.core.diagnosis.RestartState;
import io.tlsdoctor.core.diagnosis.Statement;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Detection;
import io.tlsdoctor.core.evidence.MailRoute;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.logs.BadLine;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.core.probe.CertificateInfo;
import io.tlsdoctor.core.probe.CertificateReport;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.core.registry.Evidence;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.OsInfo;
import io.tlsdoctor.core.registry.ProtocolResult;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.report.DiagnosisSummary.Change;
import io.tlsdoctor.core.report.DiagnosisSummary.CheckLine;
import io.tlsdoctor.core.report.DiagnosisSummary.Context;
import io.tlsdoctor.core.report.DiagnosisSummary.Diagnosis;
import io.tlsdoctor.core.report.DiagnosisSummary.EvidenceLine;
import io.tlsdoctor.core.report.DiagnosisSummary.Example;
import io.tlsdoctor.core.report.DiagnosisSummary.Excerpt;
import io.tlsdoctor.core.report.DiagnosisSummary.Handshake;
import io.tlsdoctor.core.report.DiagnosisSummary.LogsCheck;
import io.tlsdoctor.core.report.DiagnosisSummary.Reason;
import io.tlsdoctor.core.report.DiagnosisSummary.RegistryCheck;
import io.tlsdoctor.core.report.DiagnosisSummary.Remote;
import io.tlsdoctor.core.report.DiagnosisSummary.Restart;
import io.tlsdoctor.core.report.DiagnosisSummary.Symptom;
import io.tlsdoctor.core.text.Messages;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns what a diagnosis collected ({@link CaseFile}) and concluded ({@link Conclusion}) into a {@link DiagnosisSummary}
 * worded in the language of the given {@link Messages}. It only reports: a check that did not run is marked so, and
 * nothing is inferred that the case file does not hold.
 */
public final class SummaryBuilder {

    /** Enough lines of the evidence per detection for a reader to see it; the rest is in the original. */
    static final int EXCERPT_LINES = 5;

    static final int MAX_LINE = 500;
    static final int MAX_REMOTES = 30;
    static final int MAX_LEGACY_PARTNERS = 100;
    static final int MAX_EXAMPLE_ROWS = 200;
    static final int MAX_BAD_SAMPLES = 3;
    /**
     * The remotes shown: most failures first, then most sessions, then by address and direction. Written out rather
     * than composed with Comparator.comparingLong/thenComparing: those lambdas belong to the JDK's Comparator, are not
     * in the runtime's CDS archive and were spun when the wizard built its steps, before its first window (issue 15).
     */
    static final Comparator<RemoteSummary> REPORT_ORDER = (a, b) -> {
        int order = Long.compare(b.failed(), a.failed());
        if (order == 0) {
            order = Long.compare(b.sessions(), a.sessions());
        }
        return order != 0 ? order : SummaryBuilder.byAddress(a, b);
    };

    static final Comparator<RemoteSummary> BY_ADDRESS = SummaryBuilder::byAddress;

    private static int byAddress(RemoteSummary a, RemoteSummary b) {
        int order = a.remote().compareTo(b.remote());
        return order != 0 ? order : a.kind().compareTo(b.kind());
    }

    private final SymptomCatalog catalog;

    public SummaryBuilder() {
        this(SymptomCatalog.load());
    }

    public SummaryBuilder(SymptomCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param conclusion what the diagnosis concluded; null when it has not concluded yet (the summary says so)
     */
    public DiagnosisSummary build(CaseFile caseFile, Conclusion conclusion, Messages messages) {
        Words words = new Words(messages);
        List<Handshake> handshakes = new ArrayList<>();
        for (ProbeEvidence probe : caseFile.probes()) {
            handshakes.add(handshake(probe, words));
        }
        return new DiagnosisSummary(
                DiagnosisSummary.SCHEMA,
                messages.locale().getLanguage(),
                false,
                context(caseFile.provenance(), caseFile.registry()),
                symptom(caseFile, words),
                checkLines(caseFile, words),
                registry(caseFile.registry(), words),
                handshakes,
                logs(caseFile.logs(), words),
                diagnosis(conclusion, words),
                changes(caseFile.changes(), words),
                restart(caseFile.restart()),
                conclusion == null
                        ? List.of()
                        : conclusion.nextSteps().stream().map(words::say).toList(),
                rehearsals(caseFile.rehearsals(), words),
                connectors(caseFile.connectors(), words));
    }

    // == When, where, who ==

    private static Context context(Provenance provenance, RegistryReport registry) {
        String osName = null;
        String osBuild = null;
        String exchange = null;
        String exchangeBuild = null;
        if (registry != null) {
            OsInfo os = registry.os();
            if (os != null) {
                osName = os.version() != null ? os.version().displayName() : os.productName();
                osBuild =
                        os.currentBuild() == null ? null : os.currentBuild() + (os.ubr() != null ? "." + os.ubr() : "");
            }
            if (registry.exchange() != null) {
                exchange = registry.exchange().name();
                exchangeBuild = registry.exchange().version();
            }
        }
        if (provenance == null) {
            return new Context(
                    null, null, null, null, clean(osName), clean(osBuild), clean(exchange), clean(exchangeBuild), null);
        }
        return new Context(
                time(provenance.when()),
                clean(provenance.computerName()),
                clean(provenance.userName()),
                provenance.mode(),
                clean(osName),
                clean(osBuild),
                clean(exchange),
                clean(exchangeBuild),
                clean(provenance.toolVersion()));
    }

    // == The symptom and its evidence ==

    private Symptom symptom(CaseFile caseFile, Words words) {
        Recognition recognition = caseFile.recognition();
        SymptomCode code = caseFile.pickedSymptom();
        if (code == null && recognition != null && !recognition.isEmpty()) {
            code = recognition.detections().get(0).code();
        }
        if (code == null && recognition == null && caseFile.evidenceText() == null) {
            return null;
        }
        List<Excerpt> excerpts = new ArrayList<>();
        String evidence = null;
        if (recognition == null && caseFile.evidenceText() != null) {
            // given but not (yet) read by the recogniser: say how much there was, claim nothing about it
            evidence = words.get(
                    "summary.evidence.lines",
                    splitLines(caseFile.evidenceText()).size());
        }
        if (recognition != null) {
            String text = recognition.source() != null ? recognition.source().text() : caseFile.evidenceText();
            List<String> lines = text == null ? List.of() : splitLines(text);
            for (Detection detection : recognition.detections()) {
                excerpts.add(excerpt(detection, lines, words));
            }
            boolean email = recognition.source() != null && recognition.source().email();
            String encoding =
                    recognition.source() != null ? recognition.source().encoding() : null;
            evidence = encoding == null
                    ? words.get("summary.evidence.lines", recognition.lineCount())
                    : words.get(
                            email ? "summary.evidence.email" : "summary.evidence.text",
                            recognition.lineCount(),
                            encoding);
        }
        if (code == null) {
            return new Symptom(null, null, null, caseFile.direction(), false, null, evidence, excerpts, null, null);
        }
        SymptomCatalog.Symptom known = catalog.symptom(code);
        MailRoute route = recognition == null ? MailRoute.NONE : recognition.route();
        return new Symptom(
                code,
                clean(known.title().in(words.locale())),
                known.category(),
                caseFile.direction(),
                caseFile.pickedSymptom() != null,
                clean(known.explanation(caseFile.direction(), words.locale())),
                evidence,
                excerpts,
                hop(route.generatingServer(), route.generatedBy(), words),
                hop(route.remoteHost(), route.remote(), words));
    }

    /** A host and whose it is, in the reader's words; null when the evidence names none. */
    private String hop(String host, MailRoute.Party party, Words words) {
        return host == null ? null : clean(host + " (" + words.get("route.party." + party.name()) + ")");
    }

    private Excerpt excerpt(Detection detection, List<String> lines, Words words) {
        java.util.SortedMap<Integer, Boolean> shownLines = new java.util.TreeMap<>();
        for (int number : detection.lines().stream().limit(EXCERPT_LINES).toList()) {
            if (number >= 1 && number <= lines.size()) {
                shownLines.put(number, true);
            }
        }
        for (int number : List.copyOf(shownLines.keySet())) {
            for (int around : new int[] {number - 1, number + 1}) {
                if (around >= 1
                        && around <= lines.size()
                        && !lines.get(around - 1).isBlank()) {
                    shownLines.putIfAbsent(around, false);
                }
            }
        }
        List<EvidenceLine> shown = new ArrayList<>();
        shownLines.forEach((number, matched) ->
                shown.add(new EvidenceLine(number, clean(abbreviate(lines.get(number - 1))), matched)));
        if (shown.isEmpty() && !detection.lines().isEmpty()) {
            // the evidence text itself was not kept: the recogniser's own excerpt is what there is
            shown.add(new EvidenceLine(detection.lines().get(0), clean(abbreviate(detection.excerpt())), true));
        }
        return new Excerpt(
                detection.code(),
                clean(catalog.symptom(detection.code()).title().in(words.locale())),
                detection.category(),
                detection.direction(),
                detection.occurrences(),
                clean(abbreviate(detection.matchedText())),
                shown);
    }

    /** As the recogniser numbers them: a line ends at CR, LF or CRLF. */
    static List<String> splitLines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    // == Each check at a glance ==

    private static List<CheckLine> checkLines(CaseFile caseFile, Words words) {
        List<CheckLine> lines = new ArrayList<>();
        RegistryReport registry = caseFile.registry();
        if (registry == null) {
            lines.add(notRun(CheckKind.REGISTRY, words));
        } else {
            long failing = registry.findings().stream()
                    .filter(f -> f.status() == FindingStatus.FAIL)
                    .count();
            long warnings = registry.findings().stream()
                    .filter(f -> f.status() == FindingStatus.WARN)
                    .count();
            lines.add(new CheckLine(
                    CheckKind.REGISTRY,
                    true,
                    words.get(
                            "summary.check.registry.result",
                            words.yesNo(registry.tls12().client()),
                            words.yesNo(registry.tls12().server()),
                            failing,
                            warnings)));
        }
        lines.add(probeLine(CheckKind.PROBE_OUTBOUND, Direction.ONPREM_TO_EXO, caseFile.probes(), words));
        lines.add(probeLine(CheckKind.PROBE_INBOUND, Direction.EXO_TO_ONPREM, caseFile.probes(), words));
        LogAnalysis logs = caseFile.logs();
        if (logs == null) {
            lines.add(notRun(CheckKind.LOGS, words));
        } else {
            lines.add(new CheckLine(
                    CheckKind.LOGS,
                    true,
                    words.get(
                            "summary.check.logs.result",
                            logs.files(),
                            logs.sessions(),
                            logs.failedSessions(),
                            logs.legacyPartners().size())));
        }
        connectorsLine(caseFile.connectors(), lines, words);
        return lines;
    }

    /** The connectors check's line: only when it ran (it is asked for after a lookalike symptom, not in every case). */
    private static void connectorsLine(ConnectorReport report, List<CheckLine> lines, Words words) {
        if (report != null) {
            lines.add(new CheckLine(
                    CheckKind.CONNECTORS,
                    true,
                    words.get(
                            "summary.check.connectors.result",
                            report.failures().size(),
                            report.warnings().size(),
                            report.findings().stream()
                                    .filter(f -> f.status() == FindingStatus.PASS)
                                    .count())));
        }
    }

    // == Connectors and certificates ==

    private static DiagnosisSummary.ConnectorsCheck connectors(ConnectorReport report, Words words) {
        if (report == null) {
            return null;
        }
        List<DiagnosisSummary.ConnectorItem> items = new ArrayList<>();
        for (ConnectorFinding f : report.findings()) {
            List<String> evidence = new ArrayList<>();
            for (FieldEvidence e : f.evidence()) {
                evidence.add(e.object() + " -> " + e.field() + ": " + e.value());
            }
            items.add(new DiagnosisSummary.ConnectorItem(
                    f.id(),
                    f.status(),
                    words.text(f.title()),
                    f.subject(),
                    words.text(f.detail()),
                    evidence,
                    words.text(f.advice()),
                    f.commands()));
        }
        return new DiagnosisSummary.ConnectorsCheck(
                report.live(),
                report.sources(),
                report.problemArea().map(Enum::name).orElse(null),
                items);
    }

    private static CheckLine probeLine(CheckKind kind, Direction direction, List<ProbeEvidence> probes, Words words) {
        List<String> results = new ArrayList<>();
        for (ProbeEvidence probe : probes) {
            if (probe.direction() != direction) {
                continue;
            }
            TargetReport report = probe.report();
            String target = report.target().display();
            if (report.negotiated() != null && report.negotiated().protocol() != null) {
                results.add(words.get(
                        "summary.check.probe.negotiated",
                        target,
                        report.negotiated().protocol()));
            } else {
                StepResult failed = report.steps().stream()
                        .filter(s -> s.status() == StepStatus.FAILED)
                        .findFirst()
                        .orElse(null);
                results.add(
                        failed == null
                                ? words.get("summary.check.probe.noHandshake", target)
                                : words.get(
                                        "summary.check.probe.failed",
                                        target,
                                        words.get("probe.step." + failed.name().id()),
                                        words.detail(failed.detail())));
            }
        }
        return results.isEmpty() ? notRun(kind, words) : new CheckLine(kind, true, clean(String.join("; ", results)));
    }

    private static CheckLine notRun(CheckKind kind, Words words) {
        return new CheckLine(kind, false, words.get("summary.check.notRun"));
    }

    // == Registry ==

    private static RegistryCheck registry(RegistryReport report, Words words) {
        if (report == null) {
            return new RegistryCheck(false, null, null, null, List.of(), List.of());
        }
        List<DiagnosisSummary.ProtocolRow> protocols = new ArrayList<>();
        for (ProtocolResult result : report.protocols()) {
            protocols.add(new DiagnosisSummary.ProtocolRow(
                    result.protocol().keyName(),
                    result.client() == null ? null : result.client().state(),
                    result.server() == null ? null : result.server().state(),
                    result.label() == null ? null : result.label().text()));
        }
        List<DiagnosisSummary.RegistryFinding> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            List<DiagnosisSummary.RawValue> values = new ArrayList<>();
            for (Evidence evidence : finding.evidence()) {
                values.add(new DiagnosisSummary.RawValue(
                        clean(evidence.path()), clean(evidence.name()), display(evidence.value())));
            }
            findings.add(new DiagnosisSummary.RegistryFinding(
                    finding.id(),
                    finding.status(),
                    words.text(finding.title()),
                    words.text(finding.detail()),
                    words.text(finding.remediation()),
                    values));
        }
        return new RegistryCheck(
                true, report.origin(), report.tls12().client(), report.tls12().server(), protocols, findings);
    }

    private static String display(RegistryValue value) {
        return value == null ? null : clean(value.display());
    }

    // == Handshakes ==

    private static Handshake handshake(ProbeEvidence probe, Words words) {
        TargetReport report = probe.report();
        String mx = report.target().mxDomain() == null
                ? null
                : words.get(
                        "summary.probe.mx",
                        String.valueOf(report.target().mxPreference()),
                        report.target().mxDomain());
        List<DiagnosisSummary.Step> steps = new ArrayList<>();
        for (StepResult step : report.steps()) {
            steps.add(
                    new DiagnosisSummary.Step(step.name(), step.status(), step.millis(), words.detail(step.detail())));
        }
        List<DiagnosisSummary.MatrixCell> matrix = new ArrayList<>();
        for (TlsVersion version : TlsVersion.values()) {
            VersionResult result = report.protocol(version);
            if (result != null) {
                matrix.add(new DiagnosisSummary.MatrixCell(
                        version.displayName(),
                        result.outcome(),
                        clean(result.cipher()),
                        words.detail(result.detail())));
            }
        }
        List<DiagnosisSummary.Note> findings = new ArrayList<>();
        for (ProbeFinding finding : report.findings()) {
            findings.add(new DiagnosisSummary.Note(finding.severity(), words.detail(finding.text())));
        }
        if (probe.schannel() != null) {
            findings.add(new DiagnosisSummary.Note(
                    probe.schannel().severity(), words.detail(probe.schannel().text())));
        }
        return new Handshake(
                probe.direction(),
                clean(report.target().display()),
                clean(report.ip()),
                clean(mx),
                report.millis(),
                steps,
                report.negotiated() == null ? null : clean(report.negotiated().protocol()),
                report.negotiated() == null ? null : clean(report.negotiated().cipher()),
                matrix,
                certificate(report.certificate()),
                findings,
                report.banner() == null
                        ? List.of()
                        : cleanAll(splitLines(report.banner().raw())),
                cleanAll(report.ehlo()),
                report.starttlsAdvertised(),
                cleanAll(report.transcript()));
    }

    private static DiagnosisSummary.Certificate certificate(CertificateReport report) {
        if (report == null) {
            return null;
        }
        List<DiagnosisSummary.CertificateEntry> chain = new ArrayList<>();
        for (CertificateInfo info : report.chain()) {
            chain.add(new DiagnosisSummary.CertificateEntry(
                    clean(info.subject()),
                    cleanAll(info.subjectAlternativeNames()),
                    clean(info.issuer()),
                    time(info.notBefore()),
                    time(info.notAfter()),
                    clean(info.signatureAlgorithm()),
                    clean(info.sha256Fingerprint())));
        }
        return new DiagnosisSummary.Certificate(
                report.trusted(),
                clean(report.trustProblem()),
                report.nameMatches(),
                report.expired(),
                report.notYetValid(),
                report.sha1Signed(),
                chain);
    }

    // == Logs ==

    private LogsCheck logs(LogAnalysis logs, Words words) {
        if (logs == null) {
            return new LogsCheck(
                    false, 0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), List.of(), 0, List.of(), 0, null);
        }
        List<DiagnosisSummary.SkippedFile> skipped = new ArrayList<>();
        for (io.tlsdoctor.core.logs.SkippedFile file : logs.skippedFiles()) {
            String reason = words.get("logs.skip." + file.reason().name())
                    + (file.detail() == null || !file.reason().showsDetail() ? "" : " (" + file.detail() + ")");
            skipped.add(new DiagnosisSummary.SkippedFile(clean(file.path()), clean(reason)));
        }
        List<String> badSamples = new ArrayList<>();
        for (BadLine bad : logs.badSamples().stream().limit(MAX_BAD_SAMPLES).toList()) {
            badSamples.add(clean(abbreviate(bad.path() + ":" + bad.lineNumber() + ": " + bad.text())));
        }
        // One pass over the remotes, each made when it is read and let go unless it is among the few shown: a busy
        // server's logs hold hundreds of thousands, and copying and sorting all of them ran a 256 MB heap out.
        Map<SymptomCode, Long> byReason = new EnumMap<>(SymptomCode.class);
        Top<RemoteSummary> top = new Top<>(MAX_REMOTES, REPORT_ORDER);
        for (RemoteSummary remote : logs.remotes()) {
            remote.failures().forEach((code, count) -> byReason.merge(code, count, Long::sum));
            top.offer(remote);
        }
        List<Reason> reasons = byReason.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<SymptomCode, Long>comparingByValue()
                        .reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new Reason(
                        e.getKey(), clean(catalog.symptom(e.getKey()).title().in(words.locale())), e.getValue()))
                .toList();
        List<Remote> remotes =
                top.inOrder().stream().map(SummaryBuilder::remote).toList();
        Top<RemoteSummary> legacy = new Top<>(MAX_LEGACY_PARTNERS, BY_ADDRESS);
        logs.legacyPartners().forEach(legacy::offer);
        List<Remote> legacyPartners =
                legacy.inOrder().stream().map(SummaryBuilder::remote).toList();
        return new LogsCheck(
                true,
                logs.files(),
                logs.bytes(),
                logs.lines(),
                logs.badLines(),
                logs.sessions(),
                logs.failedSessions(),
                skipped,
                badSamples,
                reasons,
                remotes,
                Math.toIntExact(top.seen() - remotes.size()),
                legacyPartners,
                Math.toIntExact(legacy.seen() - legacyPartners.size()),
                example(logs, reasons, words));
    }

    private static Remote remote(RemoteSummary remote) {
        List<DiagnosisSummary.ProtocolCount> tls = new ArrayList<>();
        for (TlsProtocol protocol : TlsProtocol.values()) {
            long count = remote.tls().getOrDefault(protocol, 0L);
            if (count > 0) {
                tls.add(new DiagnosisSummary.ProtocolCount(protocol, count));
            }
        }
        return new Remote(
                clean(remote.remote()),
                remote.kind(),
                clean(remote.connector()),
                remote.sessions(),
                tls,
                remote.failed(),
                time(remote.first()),
                time(remote.last()),
                remote.usesLegacyTls());
    }

    /** The example for the most frequent failure reason: the one a reader most needs to see. */
    private Example example(LogAnalysis logs, List<Reason> reasons, Words words) {
        if (logs.examples().isEmpty()) {
            return null;
        }
        FailureExample chosen = logs.examples().get(0);
        for (Reason reason : reasons) {
            FailureExample match = logs.examples().stream()
                    .filter(e -> e.reason() == reason.code())
                    .findFirst()
                    .orElse(null);
            if (match != null) {
                chosen = match;
                break;
            }
        }
        List<String> rows = chosen.transcript().stream()
                .limit(MAX_EXAMPLE_ROWS)
                .map(SummaryBuilder::abbreviate)
                .toList();
        boolean cut = chosen.transcriptCut() || chosen.transcript().size() > rows.size();
        return new Example(
                chosen.reason(),
                clean(catalog.symptom(chosen.reason()).title().in(words.locale())),
                clean(chosen.session().source().displayName()),
                clean(chosen.session().sessionId()),
                clean(chosen.session().remoteAddress()),
                time(chosen.session().start()),
                cleanAll(rows),
                cut);
    }

    // == Conclusion, changes, restart ==

    private static Diagnosis diagnosis(Conclusion conclusion, Words words) {
        if (conclusion == null) {
            return null;
        }
        String prefix = "diagnosis.cause." + conclusion.cause().name();
        List<DiagnosisSummary.Link> chain = new ArrayList<>();
        for (EvidenceLink link : conclusion.chain()) {
            chain.add(new DiagnosisSummary.Link(link.source(), link.bearing(), words.say(link.text())));
        }
        String explanation = words.has(prefix + ".explanation") ? words.get(prefix + ".explanation") : null;
        return new Diagnosis(
                conclusion.cause(),
                words.get(prefix + ".title"),
                conclusion.confidence(),
                explanation,
                chain,
                conclusion.registryFix());
    }

    private static List<Change> changes(List<ApplyResult> results, Words words) {
        List<Change> changes = new ArrayList<>();
        for (ApplyResult result : results) {
            List<DiagnosisSummary.ValueChange> values = new ArrayList<>();
            for (ChangeResult change : result.changes()) {
                values.add(new DiagnosisSummary.ValueChange(
                        clean(change.location().toString()),
                        display(change.before()),
                        display(change.wanted()),
                        display(change.after()),
                        change.state()));
            }
            Path folder = result.backupFolder();
            String problem = result.problemKey() == null
                    ? null
                    : words.get(result.problemKey(), result.problemArgs().toArray());
            changes.add(new Change(
                    result.outcome(),
                    clean(result.store()),
                    folder == null ? null : clean(folder.toString()),
                    folder == null ? null : clean(folder.resolve("restore.reg").toString()),
                    problem,
                    values));
        }
        return changes;
    }

    private static List<DiagnosisSummary.Rehearsal> rehearsals(List<Rehearsal> rehearsals, Words words) {
        List<DiagnosisSummary.Rehearsal> out = new ArrayList<>();
        for (Rehearsal rehearsal : rehearsals) {
            Change done = changes(List.of(rehearsal.result()), words).get(0);
            out.add(new DiagnosisSummary.Rehearsal(
                    done.outcome(),
                    done.store(),
                    done.problem(),
                    done.values(),
                    rehearsal.verified() == null ? null : rehearsal.verified().client(),
                    rehearsal.verified() == null ? null : rehearsal.verified().server()));
        }
        return out;
    }

    private static Restart restart(RestartState state) {
        if (state == null) {
            return null;
        }
        return new Restart(
                state.status(),
                time(state.scheduledFor()),
                state.before() == null ? null : state.before().client(),
                state.before() == null ? null : state.before().server(),
                state.after() == null ? null : state.after().client(),
                state.after() == null ? null : state.after().server());
    }

    // == Text ==

    static String clean(String text) {
        return SafeText.visible(text);
    }

    private static List<String> cleanAll(List<String> texts) {
        return texts == null
                ? List.of()
                : texts.stream().map(SummaryBuilder::clean).toList();
    }

    private static String abbreviate(String text) {
        return text.length() > MAX_LINE ? text.substring(0, MAX_LINE) + "…" : text;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The Messages of the summary's language, always giving text that is safe to store. */
    private record Words(Messages messages) {

        Locale locale() {
            return messages.locale();
        }

        boolean has(String key) {
            return messages.has(key);
        }

        String get(String key, Object... args) {
            return clean(messages.get(key, args));
        }

        String say(Statement statement) {
            return formatted(statement.key(), statement.args());
        }

        String detail(Detail detail) {
            return detail == null ? null : formatted(detail.key(), detail.args());
        }

        /**
         * Statements and details carry their arguments as text; a pattern with {@code {0,choice,...}} or
         * {@code {0,number}} needs numbers, so those are tried as numbers when the text form does not fit. A summary
         * is never lost to one sentence: as a last resort the key and its arguments are shown as they are.
         */
        private String formatted(String key, List<String> args) {
            try {
                return get(key, args.toArray());
            } catch (IllegalArgumentException textDoesNotFit) {
                Object[] numbers = args.stream().map(Words::numberOrText).toArray();
                try {
                    return get(key, numbers);
                } catch (IllegalArgumentException stillDoesNotFit) {
                    return clean(key + " " + args);
                }
            }
        }

        private static Object numberOrText(String arg) {
            try {
                return arg.contains(".") ? (Object) Double.valueOf(arg) : (Object) Long.valueOf(arg);
            } catch (NumberFormatException e) {
                return arg;
            }
        }

        String text(io.tlsdoctor.core.text.LocalizedText text) {
            return text == null ? null : clean(text.in(messages.locale()));
        }

        String yesNo(Boolean value) {
            return get(value == null ? "summary.unknown" : value ? "summary.yes" : "summary.no");
        }
    }
}
