package io.tlsdoctor.cli;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorSnapshot;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.core.diagnosis.CaseCollector;
import io.tlsdoctor.core.diagnosis.CaseFile;
import io.tlsdoctor.core.diagnosis.Conclusion;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.evidence.EvidenceFiles;
import io.tlsdoctor.core.evidence.EvidenceInputException;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.probe.DnsServer;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.Targets;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryBuilder;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.platform.exchange.PlatformConnectorSources;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import io.tlsdoctor.platform.schannel.SchannelProbe;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsdoctor diagnose}: the guided path without questions, for Server Core and scripts. Three stages, kept
 * apart so the summary writers can be added behind the second: collect the case file, conclude, present.
 * Exits 0 when a diagnosis was reached, 1 when the checks could not reach one, 2 when the command line is wrong.
 */
@Command(name = "diagnose", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class DiagnoseCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--evidence", paramLabel = "FILE|-", descriptionKey = "cli.diagnose.option.evidence")
    String evidence;

    @Option(names = "--symptom", paramLabel = "CODE", descriptionKey = "cli.diagnose.option.symptom")
    String symptom;

    @Option(names = "--domain", paramLabel = "DOMAIN", descriptionKey = "cli.diagnose.option.domain")
    String domain;

    @Option(names = "--host", paramLabel = "HOST[:PORT]", descriptionKey = "cli.diagnose.option.host")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--inbound-host", paramLabel = "HOST[:PORT]", descriptionKey = "cli.diagnose.option.inboundHost")
    List<String> inboundHosts = new ArrayList<>();

    @Option(names = "--port", paramLabel = "PORT", descriptionKey = "cli.diagnose.option.port")
    String port;

    @Option(names = "--dns-server", paramLabel = "HOST:PORT", descriptionKey = "cli.diagnose.option.dnsServer")
    String dnsServer;

    @Option(names = "--timeout", paramLabel = "SECONDS", descriptionKey = "cli.diagnose.option.timeout")
    String timeout;

    @Option(names = "--reg-file", paramLabel = "FILE", descriptionKey = "cli.diagnose.option.regFile")
    List<Path> regFiles = new ArrayList<>();

    @Option(names = "--logs", paramLabel = "PATH", descriptionKey = "cli.diagnose.option.logs")
    List<String> logs = new ArrayList<>();

    @Option(names = "--connectors", paramLabel = "FILE", descriptionKey = "cli.diagnose.option.connectors")
    List<Path> connectorFiles = new ArrayList<>();

    @Option(names = "--exchange-server", paramLabel = "SERVER", descriptionKey = "cli.diagnose.option.exchangeServer")
    String exchangeServer;

    @Option(names = "--offline", descriptionKey = "cli.diagnose.option.offline")
    boolean offline;

    @Option(names = "--out", paramLabel = "FILE.html|.md|.json", descriptionKey = "cli.diagnose.option.out")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--redact", descriptionKey = "cli.diagnose.option.redact")
    boolean redact;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    public DiagnoseCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages m = context.messages();
        Map<Path, SummaryFormat> summaries = summaryFormats(m); // a wrong name is refused before any check runs
        SymptomCatalog catalog = SymptomCatalog.load();
        DiagnosisText text = new DiagnosisText(m, context.out(), catalog);
        // 1. collect: everything the checks found, as one case file (printed step by step while it runs)
        CaseFile caseFile = collect(request(m), catalog, text);
        // 2. conclude: a pure judgement of the case file
        DiagnosisEngine engine = new DiagnosisEngine(catalog);
        Conclusion conclusion = engine.conclude(caseFile);
        // 3. present: on the console, and the summaries from the same case file and conclusion
        text.conclusion(caseFile, engine.plan(caseFile), conclusion);
        boolean allWritten = writeSummaries(summaries, caseFile, conclusion, catalog, m);
        context.out().flush();
        if (!allWritten) {
            return ExitCodes.USAGE; // the diagnosis is above; the message says which file to write elsewhere
        }
        return conclusion.reached() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
    }

    // --- summaries -------------------------------------------------------------------------------------------------

    private Map<Path, SummaryFormat> summaryFormats(Messages m) {
        Map<Path, SummaryFormat> formats = new LinkedHashMap<>();
        List<Path> inputs = new ArrayList<>(regFiles);
        if (evidence != null && !evidence.equals("-")) {
            inputs.add(Path.of(evidence));
        }
        for (String log : logs) {
            inputs.add(Path.of(log));
        }
        inputs.addAll(connectorFiles);
        for (Path out : outputs) {
            try {
                formats.put(
                        out,
                        SummaryFormat.forFileName(
                                out.getFileName() == null
                                        ? out.toString()
                                        : out.getFileName().toString()));
            } catch (UserFacingException e) {
                throw new UsageException(m.get(e.messageKey(), e.args()));
            }
            // the evidence, an export or a log given to this run is never overwritten by its own summary
            OutputFile.check(m, out, "--out", force, inputs, List.of());
        }
        if (redact && formats.isEmpty()) {
            throw new UsageException(m.get("cli.diagnose.error.redactWithoutOut"));
        }
        return formats;
    }

    /** Writes every summary it can; one that cannot be written is reported and the others are still written. */
    private boolean writeSummaries(
            Map<Path, SummaryFormat> formats,
            CaseFile caseFile,
            Conclusion conclusion,
            SymptomCatalog catalog,
            Messages m) {
        if (formats.isEmpty()) {
            return true;
        }
        boolean allWritten = true;
        DiagnosisSummary summary = new SummaryBuilder(catalog).build(caseFile, conclusion, m);
        DiagnosisSummary written = redact ? summary.redact() : summary;
        for (Map.Entry<Path, SummaryFormat> out : formats.entrySet()) {
            try {
                out.getValue().write(written, out.getKey());
                context.out()
                        .println(m.get(
                                redact ? "cli.diagnose.writtenRedacted" : "cli.diagnose.written",
                                out.getKey().toAbsolutePath().toString()));
            } catch (UserFacingException e) {
                context.err().println(m.get(e.messageKey(), e.args()));
                allWritten = false;
            }
        }
        context.err().flush();
        return allWritten;
    }

    // --- collect ---------------------------------------------------------------------------------------------------

    private CaseFile collect(CaseCollector.Request request, SymptomCatalog catalog, DiagnosisText text)
            throws InterruptedException {
        Messages m = context.messages();
        SchannelProbe schannel = SchannelProbe.forThisMachine();
        CaseCollector collector = new CaseCollector(
                new EvidenceRecognizer(catalog),
                new PlatformRegistrySources(),
                schannel::handshake,
                new ProbeEngine(io.tlsdoctor.platform.ThisMachineTrust.judges()),
                new LogAnalyzer(new ProtocolLogLineClassifier(catalog)),
                ThisComputer::provenance);
        try {
            return collector.collect(request, text.progress());
        } catch (RegistryReadException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
    }

    private CaseCollector.Request request(Messages m) {
        SymptomCode picked = symptom == null ? null : parseSymptom(m);
        EvidenceText text = evidence == null ? null : readEvidence(m);
        int defaultPort = ProbeArguments.port(port, m);
        String mxDomain = null;
        if (domain != null) {
            mxDomain = domain.trim();
            if (!Targets.isValidHost(mxDomain) || Targets.isAddressLiteral(mxDomain)) {
                throw new UsageException(m.get("cli.diagnose.error.domain", domain));
            }
        }
        DnsServer dns = null;
        if (dnsServer != null) {
            dns = DnsServer.parse(dnsServer);
            if (dns == null) {
                throw new UsageException(m.get("cli.probe.error.dnsServer", dnsServer));
            }
        }
        List<ProbeTarget> outbound = targets(hosts, defaultPort, m);
        List<ProbeTarget> inbound = targets(inboundHosts, defaultPort, m);
        LogInputs.Collected logInputs = logInputs(m);
        for (Path file : regFiles) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UsageException(m.get("cli.diagnose.error.regFile", file));
            }
        }
        ConnectorSource connectors = connectors(m);
        if (text == null
                && picked == null
                && regFiles.isEmpty()
                && logInputs == null
                && mxDomain == null
                && outbound.isEmpty()
                && inbound.isEmpty()
                && connectors == null) {
            throw new UsageException(m.get("cli.diagnose.error.noInput"));
        }
        return new CaseCollector.Request(
                text,
                picked,
                mxDomain,
                defaultPort,
                dns,
                outbound,
                inbound,
                regFiles,
                logInputs,
                offline,
                ProbeArguments.seconds(timeout, null, m),
                connectors);
    }

    /**
     * The connectors and certificates: saved output is read now, so a file that cannot be read is refused before any
     * check runs (as a wrong --reg-file is); live reading happens in its turn and says so if it cannot run here.
     */
    private ConnectorSource connectors(Messages m) {
        Optional<ConnectorSource> chosen;
        try {
            chosen = new PlatformConnectorSources().choose(connectorFiles, exchangeServer);
        } catch (ConnectorSources.BothGiven e) {
            throw new UsageException(m.get("cli.diagnose.error.connectorsAndExchangeServer"));
        }
        if (chosen.isEmpty()) {
            return null;
        }
        if (exchangeServer != null) {
            return offline ? null : chosen.get(); // offline: nothing leaves the machine
        }
        try {
            ConnectorSnapshot snapshot = chosen.get().collect();
            return () -> snapshot;
        } catch (ConnectorInputException e) {
            throw new UsageException(m.get(e.messageKey(), Shown.args(e.args())));
        }
    }

    private SymptomCode parseSymptom(Messages m) {
        String code = symptom.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return SymptomCode.valueOf(code);
        } catch (IllegalArgumentException e) {
            String valid = Arrays.stream(SymptomCode.values()).map(Enum::name).collect(Collectors.joining(", "));
            throw new UsageException(m.get("cli.diagnose.error.symptom", symptom, valid));
        }
    }

    private EvidenceText readEvidence(Messages m) {
        try {
            return evidence.equals("-") ? EvidenceFiles.read(context.stdin()) : EvidenceFiles.read(Path.of(evidence));
        } catch (EvidenceInputException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        } catch (InvalidPathException e) {
            throw new UsageException(m.get("evidence.error.missing", evidence));
        }
    }

    /** The log files behind --logs, found once here (a wrong path is refused before any check runs); null without --logs. */
    private LogInputs.Collected logInputs(Messages m) {
        List<Path> paths = new ArrayList<>();
        for (String path : logs) {
            try {
                paths.add(Path.of(path));
            } catch (InvalidPathException e) {
                throw new UsageException(m.get("cli.logs.error.missing", path));
            }
        }
        if (paths.isEmpty()) {
            return null;
        }
        LogInputs.Collected inputs = LogInputs.collect(paths);
        if (!inputs.missing().isEmpty()) {
            throw new UsageException(m.get(
                    "cli.logs.error.missing",
                    inputs.missing().stream().map(Path::toString).collect(Collectors.joining("', '"))));
        }
        if (inputs.sources().isEmpty()) {
            throw new UsageException(m.get("cli.logs.error.nothing"));
        }
        return inputs;
    }

    private static List<ProbeTarget> targets(List<String> given, int defaultPort, Messages m) {
        return given.stream()
                .map(raw -> ProbeArguments.target(raw, defaultPort, m))
                .toList();
    }
}
