package io.tlsdoctor.core.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.EvidenceText;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a case file is assembled without questions: on the server (a live registry, SChannel's own handshake beside
 * Java's) and on a helpdesk desktop (files only), with the plan's sentences announced in order.
 */
class CaseCollectorTest {

    private static final String NDR = "Remote Server returned '421 4.4.2 Connection dropped due to SocketError'";

    @TempDir
    Path dir;

    private final List<String> schannelCalls = Collections.synchronizedList(new ArrayList<>());
    private final List<String> events = new ArrayList<>();

    /** This machine's registry as the live source (here: an export standing in for it). */
    private RegistrySources registries(Path export) {
        return new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.of(new RegFileSource(List.of(export)));
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
    }

    private CaseCollector collector(RegistrySources registries) {
        CaseCollector.SchannelHandshake schannel = (host, port, timeout) -> {
            schannelCalls.add(host + ":" + port);
            return new ProbeFinding(
                    "schannelLegacy",
                    Severity.FAIL,
                    Detail.of("probe.finding.schannelLegacy", host + ":" + port, "Tls", "Aes256 256"));
        };
        return new CaseCollector(
                new EvidenceRecognizer(Cases.CATALOG),
                registries,
                schannel,
                new ProbeEngine(),
                new LogAnalyzer(new ProtocolLogLineClassifier(Cases.CATALOG)),
                mode -> new Provenance(Cases.OFFLINE.when(), "EX01", "CONTOSO\\anna", "test", mode));
    }

    private CaseCollector.Listener recorder() {
        return new CaseCollector.Listener() {
            @Override
            public void starting(PlannedCheck check) {
                events.add("start " + check.kind() + " " + check.announcement().key());
            }

            @Override
            public void finished(CheckKind kind, List<Statement> found) {
                events.add("done " + kind + " " + found.get(0).key());
            }

            @Override
            public void notRun(PlannedCheck check, Statement why) {
                events.add("not run " + check.kind() + " " + why.key());
            }
        };
    }

    @Test
    void onTheServerTheRegistryIsLiveAndSchannelShakesHandsBesideJava() throws Exception {
        Path export = Cases.regFile(dir, false, true);
        try (FakeSmtpPeer exo = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            CaseCollector.Request request = new CaseCollector.Request(
                    EvidenceText.pasted(NDR),
                    null,
                    null,
                    25,
                    null,
                    List.of(ProbeTarget.direct("127.0.0.1", exo.port())),
                    List.of(),
                    List.of(),
                    null,
                    false,
                    Duration.ofSeconds(20));

            CaseFile file = collector(registries(export)).collect(request, recorder());

            assertThat(file.provenance().mode()).isEqualTo(CheckMode.LIVE);
            assertThat(file.direction()).isEqualTo(Direction.ONPREM_TO_EXO);
            assertThat(file.registry()).isNotNull();
            assertThat(file.probes()).hasSize(1);
            assertThat(file.probes().get(0).schannel().id()).isEqualTo("schannelLegacy");
            assertThat(schannelCalls).containsExactly("127.0.0.1:" + exo.port());
            assertThat(events)
                    .containsExactly(
                            "start SYMPTOM diagnosis.plan.SYMPTOM",
                            "done SYMPTOM diagnosis.collected.symptom",
                            "start REGISTRY diagnosis.plan.REGISTRY.client",
                            "done REGISTRY diagnosis.registry.CLIENT.off",
                            "start PROBE_OUTBOUND diagnosis.plan.PROBE_OUTBOUND",
                            "done PROBE_OUTBOUND diagnosis.probe.outbound.tls12",
                            "not run LOGS diagnosis.cannotRun.LOGS.noPaths");

            Conclusion conclusion = new DiagnosisEngine().conclude(file);
            assertThat(conclusion.cause()).isEqualTo(Cause.TLS12_CLIENT_DISABLED);
            assertThat(conclusion.confidence()).isEqualTo(Confidence.HIGH);
            assertThat(Cases.chain(conclusion))
                    .contains("SUPPORTS PROBE_OUTBOUND: Through Windows SChannel (what Exchange itself negotiates), "
                            + "127.0.0.1:" + exo.port() + " agreed only on Tls");
        }
    }

    @Test
    void onTheServerTheInboundHandshakeGoesToThisServerByDefault() throws Exception {
        Path export = Cases.regFile(dir, true, false);
        String trace =
                "450 4.4.317 Cannot connect to remote server [Message=451 4.4.0 TLS negotiation failed with error SocketError]";
        CaseCollector.Request request = new CaseCollector.Request(
                EvidenceText.pasted(trace),
                null,
                null,
                25,
                null,
                List.of(),
                List.of(),
                List.of(),
                null,
                false,
                Duration.ofSeconds(5));

        CaseFile file = collector(registries(export)).collect(request, recorder());

        assertThat(file.direction()).isEqualTo(Direction.EXO_TO_ONPREM);
        assertThat(file.probes())
                .extracting(probe -> probe.report().target().display())
                .containsExactly("localhost:25");
        assertThat(file.probes().get(0).schannel())
                .as("SChannel's client handshake says nothing about receiving")
                .isNull();
        assertThat(schannelCalls).isEmpty();
    }

    @Test
    void onADesktopWithFilesNothingLeavesTheMachineAndTheModeIsOffline() throws Exception {
        Path export = Cases.regFile(dir, false, true);
        RegistrySources noLive = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.empty();
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
        CaseCollector.Request request = new CaseCollector.Request(
                EvidenceText.pasted(NDR),
                null,
                "contoso.com",
                25,
                null,
                List.of(ProbeTarget.direct("127.0.0.1", 9)),
                List.of(),
                List.of(export),
                null,
                true,
                null);

        CaseFile file = collector(noLive).collect(request, recorder());

        assertThat(file.provenance().mode()).isEqualTo(CheckMode.OFFLINE);
        assertThat(file.registry()).isNotNull();
        assertThat(file.probes()).isEmpty();
        assertThat(schannelCalls).isEmpty();
        assertThat(events).contains("not run PROBE_OUTBOUND diagnosis.cannotRun.probe.offline");
    }

    @Test
    void withoutExportsOffWindowsTheRegistryIsNotRunAndTheConclusionSaysSo() throws Exception {
        RegistrySources noLive = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return Optional.empty();
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }
        };
        CaseCollector.Request request = new CaseCollector.Request(
                EvidenceText.pasted(NDR), null, null, 25, null, List.of(), List.of(), List.of(), null, false, null);

        CaseFile file = collector(noLive).collect(request, recorder());

        assertThat(file.registry()).isNull();
        assertThat(events).contains("not run REGISTRY diagnosis.cannotRun.REGISTRY.notWindows");
        assertThat(Cases.chain(new DiagnosisEngine().conclude(file)))
                .contains("CONTEXT REGISTRY: Not checked: this server's SChannel settings in the registry.");
    }

    /**
     * {@code diagnose} reads the registry by the same rule as {@code registry}, {@code fix plan} and {@code collect}
     * ({@link RegistrySources#choose}): the exports when given, else the live registry unless offline. Each case is
     * collected and compared with what the rule chooses for the same inputs, the live registry and the exports
     * telling apart by their content (client side on in one, off in the other).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "files {0}, live registry here {1}, offline {2}")
    @org.junit.jupiter.params.provider.CsvSource({
        "true,true,false",
        "true,false,false",
        "true,true,true",
        "false,true,false",
        "false,false,false",
        "false,true,true"
    })
    void theRegistryIsChosenByTheRuleEveryCommandUses(boolean filesGiven, boolean liveHere, boolean offline)
            throws Exception {
        Path live = Cases.regFile(java.nio.file.Files.createDirectories(dir.resolve("live")), true, true);
        Path export = Cases.regFile(java.nio.file.Files.createDirectories(dir.resolve("export")), false, true);
        List<String> asked = new ArrayList<>();
        RegistrySources sources = new RegistrySources() {
            @Override
            public Optional<RegistrySource> live() {
                return liveHere ? Optional.of(new RegFileSource(List.of(live))) : Optional.empty();
            }

            @Override
            public RegistrySource fromFiles(List<Path> files) {
                return new RegFileSource(files);
            }

            @Override
            public Optional<RegistrySource> choose(List<Path> files, boolean liveAllowed) {
                asked.add(files + " live allowed " + liveAllowed);
                return RegistrySources.super.choose(files, liveAllowed);
            }
        };
        List<Path> files = filesGiven ? List.of(export) : List.of();
        CaseCollector.Request request = new CaseCollector.Request(
                EvidenceText.pasted(NDR), null, null, 25, null, List.of(), List.of(), files, null, offline, null);

        CaseFile file = collector(sources).collect(request, recorder());

        Optional<RegistrySource> chosen = sources.choose(files, !offline);
        assertThat(asked).as("the collector asks the one rule").hasSize(2).allMatch(asked.get(1)::equals);
        if (chosen.isEmpty()) {
            assertThat(file.registry()).isNull();
        } else {
            assertThat(file.registry())
                    .usingRecursiveComparison()
                    .isEqualTo(new io.tlsdoctor.core.registry.RegistryEvaluator()
                            .evaluate(chosen.get().collect()));
        }
        assertThat(file.provenance().mode())
                .as("live only when this machine's own registry was read")
                .isEqualTo(chosen.isPresent() && !filesGiven ? CheckMode.LIVE : CheckMode.OFFLINE);
    }
}
