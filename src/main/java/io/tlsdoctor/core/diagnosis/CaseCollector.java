package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.connectors.ConnectorEvaluator;
import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.Recognition;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.probe.DnsServer;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeListener;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.core.probe.ProbeReport;
import io.tlsdoctor.core.probe.ProbeRequest;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.registry.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Fills a {@link CaseFile} by running a {@link CheckPlan} without asking anything (the command line; the wizard
 * gathers the same parts step by step into its session and builds the case file from there). Collecting is kept
 * apart from judging: nothing here decides a cause.
 *
 * <p>Order: the evidence is recognised first (it decides the symptom, the direction and so the plan), then each
 * planned check runs if it can: the registry live when on the server, from the given exports otherwise; the
 * handshakes to the given targets (never when offline); the logs at the given paths.
 */
public final class CaseCollector {

    /**
     * What the user gave.
     *
     * @param evidence      pasted or opened evidence, or null
     * @param pickedSymptom a symptom chosen without evidence, or null
     * @param domain        the mail domain whose MX hosts are the outbound targets, or null
     * @param outboundHosts where this server sends (Exchange Online, a smart host)
     * @param inboundHosts  this server's receive connector as Exchange Online reaches it; when empty and running on
     *                      the server, {@code localhost:25} is tested if the plan includes the inbound handshake
     * @param regFiles      {@code reg export} files; when empty the live registry is read (on Windows, not offline)
     * @param offline       no live registry and no handshakes: only what the files say
     * @param connectors    where to read Exchange's connectors and certificates (saved output, or live), or null
     */
    public record Request(
            EvidenceText evidence,
            SymptomCode pickedSymptom,
            String domain,
            int mxPort,
            DnsServer dnsServer,
            List<ProbeTarget> outboundHosts,
            List<ProbeTarget> inboundHosts,
            List<Path> regFiles,
            LogInputs.Collected logInputs,
            boolean offline,
            Duration probeTimeout,
            ConnectorSource connectors) {
        public Request {
            outboundHosts = outboundHosts == null ? List.of() : List.copyOf(outboundHosts);
            inboundHosts = inboundHosts == null ? List.of() : List.copyOf(inboundHosts);
            regFiles = regFiles == null ? List.of() : List.copyOf(regFiles);
            // the caller found the files already (to refuse a wrong path before any check runs); they are not walked
            // again
            logInputs = logInputs == null ? new LogInputs.Collected(List.of(), List.of(), List.of()) : logInputs;
            probeTimeout = probeTimeout == null ? ProbeOptions.DEFAULT_TARGET : probeTimeout;
        }

        /** Without the connectors check. */
        public Request(
                EvidenceText evidence,
                SymptomCode pickedSymptom,
                String domain,
                int mxPort,
                DnsServer dnsServer,
                List<ProbeTarget> outboundHosts,
                List<ProbeTarget> inboundHosts,
                List<Path> regFiles,
                LogInputs.Collected logInputs,
                boolean offline,
                Duration probeTimeout) {
            this(
                    evidence,
                    pickedSymptom,
                    domain,
                    mxPort,
                    dnsServer,
                    outboundHosts,
                    inboundHosts,
                    regFiles,
                    logInputs,
                    offline,
                    probeTimeout,
                    null);
        }
    }

    /** Told what happens, in the plan's order, so a run reads like the wizard. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void planned(CheckPlan plan) {}

        /** Before a check runs: {@code check.announcement()} is the sentence to show. */
        default void starting(PlannedCheck check) {}

        /** What the check found, briefly, for the log of the run. */
        default void finished(CheckKind kind, List<Statement> found) {}

        /** A planned check that cannot run here, and why. */
        default void notRun(PlannedCheck check, Statement why) {}
    }

    /** The STARTTLS handshake through this machine's SChannel (Windows); the platform layer provides it. */
    @FunctionalInterface
    public interface SchannelHandshake {
        ProbeFinding handshake(String host, int port, Duration timeout);
    }

    private final EvidenceRecognizer recognizer;
    private final RegistrySources registries;
    private final SchannelHandshake schannel;
    private final ProbeEngine probes;
    private final LogAnalyzer logs;
    private final Function<CheckMode, Provenance> provenance;

    public CaseCollector(
            EvidenceRecognizer recognizer,
            RegistrySources registries,
            SchannelHandshake schannel,
            ProbeEngine probes,
            LogAnalyzer logs,
            Function<CheckMode, Provenance> provenance) {
        this.recognizer = recognizer;
        this.registries = registries;
        this.schannel = schannel;
        this.probes = probes;
        this.logs = logs;
        this.provenance = provenance;
    }

    /**
     * @throws RegistryReadException when the given reg export files cannot be read (the user must correct them); a
     *                               live registry that cannot be read is reported to the listener and left out
     */
    public CaseFile collect(Request request, Listener listener) throws RegistryReadException, InterruptedException {
        Recognition recognition = request.evidence() == null ? null : recognizer.recognize(request.evidence());
        PrimarySymptom symptom = PrimarySymptom.of(request.pickedSymptom(), recognition, recognizer.catalog());
        Direction direction = symptom.direction();
        CheckPlan plan = CheckPlan.forSymptom(symptom.code(), direction);
        listener.planned(plan);

        // the registry rule every command uses; the case is live only when the registry read is this machine's own
        Optional<RegistrySource> registrySource = registries.choose(request.regFiles(), !request.offline());
        CheckMode mode =
                registrySource.isPresent() && request.regFiles().isEmpty() ? CheckMode.LIVE : CheckMode.OFFLINE;
        RegistryReport registry = null;
        List<ProbeEvidence> probeEvidence = new ArrayList<>();
        LogAnalysis analysis = null;
        ConnectorReport connectors = null;
        boolean connectorsPlanned = plan.includes(CheckKind.CONNECTORS);
        for (PlannedCheck check : plan.checks()) {
            switch (check.kind()) {
                case SYMPTOM -> {
                    listener.starting(check);
                    listener.finished(CheckKind.SYMPTOM, symptomFound(symptom, recognition, direction));
                }
                case REGISTRY -> registry = registry(check, request, registrySource, direction, listener);
                case PROBE_OUTBOUND ->
                    probeEvidence.addAll(probe(check, request, Direction.ONPREM_TO_EXO, mode, listener));
                case PROBE_INBOUND ->
                    probeEvidence.addAll(probe(check, request, Direction.EXO_TO_ONPREM, mode, listener));
                case LOGS -> analysis = logs(check, request, listener);
                case CONNECTORS -> connectors = connectors(check, request, listener);
                // No default: a new kind does not compile until someone decides whether it is collected here.
                // The fix and the restart follow from the conclusion and change the machine:
                // they are offered after the diagnosis (tlsdoctor fix; the wizard's Fix and Restart steps), never
                // collected.
                case FIX, RESTART -> {}
            }
        }
        if (!connectorsPlanned && request.connectors() != null) {
            // given for a symptom whose plan does not ask for it: the user wants it read, so it is
            connectors = connectors(
                    new PlannedCheck(
                            CheckKind.CONNECTORS,
                            PlannedCheck.Need.OPTIONAL,
                            Statement.of("diagnosis.plan.CONNECTORS")),
                    request,
                    listener);
        }
        String evidenceText =
                request.evidence() == null ? null : request.evidence().text();
        return CaseFile.builder(provenance.apply(mode))
                .pickedSymptom(request.pickedSymptom())
                .recognition(recognition)
                .evidenceText(evidenceText)
                .direction(direction)
                .registry(registry)
                .probes(probeEvidence)
                .logs(analysis)
                .connectors(connectors)
                .build();
    }

    private static List<Statement> symptomFound(PrimarySymptom symptom, Recognition recognition, Direction direction) {
        if (!symptom.known()) {
            return List.of(Statement.of(
                    recognition == null ? "diagnosis.collected.noSymptom" : "diagnosis.symptom.nothingRecognised"));
        }
        String count = recognition == null
                ? "0"
                : String.valueOf(recognition.detections().size());
        return List.of(
                Statement.of("diagnosis.collected.symptom", symptom.code(), count),
                Statement.of("direction.detail." + direction));
    }

    private RegistryReport registry(
            PlannedCheck check,
            Request request,
            Optional<RegistrySource> chosen,
            Direction direction,
            Listener listener)
            throws RegistryReadException {
        if (chosen.isEmpty()) {
            listener.notRun(
                    check,
                    Statement.of(
                            request.offline()
                                    ? "diagnosis.cannotRun.REGISTRY.offline"
                                    : "diagnosis.cannotRun.REGISTRY.notWindows"));
            return null;
        }
        RegistrySource source = chosen.get();
        listener.starting(check);
        RegistryReport report;
        try {
            report = new RegistryEvaluator().evaluate(source.collect());
        } catch (RegistryReadException e) {
            if (!request.regFiles().isEmpty()) {
                throw e;
            }
            listener.finished(
                    CheckKind.REGISTRY,
                    List.of(new Statement(
                            e.messageKey(),
                            java.util.Arrays.stream(e.args())
                                    .map(String::valueOf)
                                    .toList())));
            return null;
        }
        RegistryFacts facts = new RegistryFacts(report);
        List<Statement> found = new ArrayList<>();
        for (Role role :
                CheckPlan.sidesFor(direction).isEmpty() ? List.of(Role.values()) : CheckPlan.sidesFor(direction)) {
            found.add(facts.side(role));
        }
        listener.finished(CheckKind.REGISTRY, found);
        return report;
    }

    private List<ProbeEvidence> probe(
            PlannedCheck check, Request request, Direction direction, CheckMode mode, Listener listener)
            throws InterruptedException {
        if (request.offline()) {
            listener.notRun(check, Statement.of("diagnosis.cannotRun.probe.offline"));
            return List.of();
        }
        List<ProbeRequest> requests = new ArrayList<>();
        if (direction == Direction.ONPREM_TO_EXO) {
            if (request.domain() != null) {
                requests.add(ProbeRequest.mx(request.domain(), request.mxPort()));
            }
            if (!request.outboundHosts().isEmpty()) {
                requests.add(ProbeRequest.hosts(request.outboundHosts()));
            }
        } else if (!request.inboundHosts().isEmpty()) {
            requests.add(ProbeRequest.hosts(request.inboundHosts()));
        } else if (mode == CheckMode.LIVE) {
            requests.add(ProbeRequest.hosts(
                    List.of(ProbeTarget.direct("localhost", 25)))); // this server, as ProbeCommand does
        }
        if (requests.isEmpty()) {
            listener.notRun(check, Statement.of("diagnosis.cannotRun." + check.kind() + ".noTarget"));
            return List.of();
        }
        listener.starting(check);
        ProbeOptions options = ProbeOptions.defaults(direction)
                .withTimeouts(
                        request.probeTimeout().compareTo(ProbeOptions.DEFAULT_CONNECT) < 0
                                ? request.probeTimeout()
                                : ProbeOptions.DEFAULT_CONNECT,
                        request.probeTimeout());
        if (request.dnsServer() != null) {
            options = options.withDnsServer(request.dnsServer());
        }
        List<ProbeEvidence> evidence = new ArrayList<>();
        for (ProbeRequest probeRequest : requests) {
            ProbeReport report = probes.run(probeRequest, options, ProbeListener.NONE);
            for (TargetReport target : report.targets()) {
                // SChannel's own handshake only says something about this server when TLS Doctor runs on it.
                ProbeFinding viaSchannel = mode == CheckMode.LIVE && direction == Direction.ONPREM_TO_EXO
                        ? schannel.handshake(
                                target.target().host(), target.target().port(), options.targetTimeout())
                        : null;
                evidence.add(new ProbeEvidence(direction, target, viaSchannel));
            }
        }
        ProbeFacts facts = ProbeFacts.of(evidence, direction);
        List<Statement> found = new ArrayList<>();
        for (ProbeFacts.Target target : facts.targets()) {
            found.add(target.text());
            if (target.schannelText() != null) {
                found.add(target.schannelText());
            }
        }
        listener.finished(check.kind(), found);
        return evidence;
    }

    /**
     * Reads and judges the connectors and certificates. Saved output the user gave was read before (a wrong file is
     * refused before any check runs); a live read that cannot be done here is reported and left out.
     */
    private ConnectorReport connectors(PlannedCheck check, Request request, Listener listener) {
        if (request.connectors() == null) {
            listener.notRun(check, Statement.of("diagnosis.cannotRun.CONNECTORS.noInput"));
            return null;
        }
        listener.starting(check);
        ConnectorReport report;
        try {
            report = new ConnectorEvaluator().evaluate(request.connectors().collect(), java.time.Instant.now());
        } catch (ConnectorInputException e) {
            listener.finished(
                    CheckKind.CONNECTORS,
                    List.of(new Statement(
                            e.messageKey(),
                            java.util.Arrays.stream(e.args())
                                    .map(String::valueOf)
                                    .toList())));
            return null;
        }
        ConnectorFacts facts = new ConnectorFacts(report);
        List<Statement> found = new ArrayList<>(facts.failures());
        if (found.isEmpty()) {
            found.add(facts.passed());
        }
        listener.finished(CheckKind.CONNECTORS, found);
        return report;
    }

    private LogAnalysis logs(PlannedCheck check, Request request, Listener listener) {
        if (request.logInputs().sources().isEmpty()
                && request.logInputs().skipped().isEmpty()) {
            listener.notRun(check, Statement.of("diagnosis.cannotRun.LOGS.noPaths"));
            return null;
        }
        listener.starting(check);
        LogAnalysis analysis = logs.analyze(request.logInputs(), LogAnalyzer.Options.defaults(), new LogProgress());
        LogFacts facts = new LogFacts(analysis);
        List<Statement> found = new ArrayList<>();
        found.add(facts.read());
        for (io.tlsdoctor.core.logs.LogKind kind : io.tlsdoctor.core.logs.LogKind.values()) {
            facts.tlsFailures(kind).ifPresent(found::add);
        }
        facts.legacy().ifPresent(found::add);
        listener.finished(CheckKind.LOGS, found);
        return analysis;
    }
}
