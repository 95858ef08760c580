package io.tlsdoctor.ui.step.probe;

import io.tlsdoctor.core.diagnosis.CaseCollector;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.diagnosis.ProbeEvidence;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeEngine;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeListener;
import io.tlsdoctor.core.probe.ProbeOptions;
import io.tlsdoctor.core.probe.ProbeRequest;
import io.tlsdoctor.core.probe.ProbeRun;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TargetText;
import io.tlsdoctor.core.probe.Targets;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Test the connection": probes the user's domain (its MX hosts) and smart host outbound and this server
 * inbound, shows each target's steps as they finish, and can be cancelled. Targets are prefilled from the session.
 */
public final class ProbeStepViewModel implements StepModel {

    private static final Pattern EXO_HOST = Pattern.compile("(?i)\\b[a-z0-9-]+\\.mail\\.protection\\.outlook\\.com\\b");
    private static final Pattern ADDRESS_DOMAIN =
            Pattern.compile("(?i)\\b[a-z0-9._%+-]+@([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\b");

    private final ProbeEngine engine;
    private final ProbeOptions options;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DiagnosisSession session;
    private final Optional<CaseCollector.SchannelHandshake> schannel;
    /** The test running; what an earlier test still reports after a newer one started is dropped. */
    private final LatestTask lane;

    private final StringProperty domain = new SimpleStringProperty(this, "domain", "");
    private final StringProperty smartHost = new SimpleStringProperty(this, "smartHost", "");
    private final StringProperty localServer = new SimpleStringProperty(this, "localServer", "localhost:25");
    private final ObservableList<ProbeCardViewModel> cards = FXCollections.observableArrayList();
    /** Transcripts the user opened, opened again for the same target when the test runs again (FX thread only). */
    private final java.util.Set<String> openTranscripts = new java.util.HashSet<>();

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    private final List<ProbeRun> runs = new CopyOnWriteArrayList<>();
    /** Cards per run, so they keep the order of the fields whichever run plans first (FX thread only). */
    private final java.util.SortedMap<Integer, List<ProbeCardViewModel>> cardsByRun = new java.util.TreeMap<>();

    private boolean prefilled;

    public ProbeStepViewModel(
            ProbeEngine engine, ProbeOptions options, TaskRunner runner, I18n i18n, DiagnosisSession session) {
        this(engine, options, runner, i18n, session, Optional.empty());
    }

    /** @param schannel the same handshake through this machine's SChannel, run after each outbound target (Windows) */
    public ProbeStepViewModel(
            ProbeEngine engine,
            ProbeOptions options,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            Optional<CaseCollector.SchannelHandshake> schannel) {
        this.schannel = schannel;
        this.engine = engine;
        this.options = options;
        this.runner = runner;
        this.lane = new LatestTask(runner, busy);
        this.i18n = i18n;
        this.session = session;
        i18n.messagesProperty().addListener((obs, old, value) -> {
            status.set(statusSaid.get()); // said again in the new language
            cards.forEach(ProbeCardViewModel::refresh);
        });
    }

    /** The status line as a sentence, said again when the language changes. */
    private java.util.function.Supplier<String> statusSaid = () -> "";

    private void sayStatus(java.util.function.Supplier<String> text) {
        statusSaid = text;
        status.set(text.get());
    }

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.PROBE_OUTBOUND, CheckKind.PROBE_INBOUND);
    }

    @Override
    public String titleKey() {
        return "step.probe.title";
    }

    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return busy;
    }

    /** The first visit fills the targets from what the user gave earlier; later visits keep their edits. */
    @Override
    public void onEnter() {
        if (prefilled) {
            return;
        }
        prefilled = true;
        String evidence = session.evidenceTextProperty().get();
        Matcher exo = EXO_HOST.matcher(evidence);
        if (exo.find()) {
            smartHost.set(exo.group().toLowerCase(java.util.Locale.ROOT));
        }
        Matcher address = ADDRESS_DOMAIN.matcher(evidence);
        if (address.find()) {
            domain.set(address.group(1).toLowerCase(java.util.Locale.ROOT));
        }
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty smartHostProperty() {
        return smartHost;
    }

    public StringProperty localServerProperty() {
        return localServer;
    }

    /** One card per target, in the order of the fields; each card's texts change as its probe reports. */
    public ObservableList<ProbeCardViewModel> cards() {
        return cards;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableBooleanValue runningProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Starts probing every filled-in target; a field that is not a host[:port] or domain is reported, not probed. */
    public void start() {
        if (lane.isRunning()) {
            return;
        }
        List<Planned> planned = new ArrayList<>();
        String problem = plan(planned);
        if (problem != null) {
            String said = problem;
            sayStatus(() -> said);
            return;
        }
        if (planned.isEmpty()) {
            sayStatus(() -> i18n.get("step.probe.status.nothing"));
            return;
        }
        cards.clear();
        session.startProbes();
        cardsByRun.clear();
        runs.clear();
        sayStatus(() -> i18n.get("step.probe.status.running"));
        lane.runNumbered(
                started -> () -> {
                    for (int i = 0;
                            i < planned.size() && !Thread.currentThread().isInterrupted();
                            i++) {
                        Planned plan = planned.get(i);
                        runs.add(engine.start(
                                plan.request(), options(plan.direction()), listener(i, plan.direction(), started)));
                    }
                    for (ProbeRun run : runs) {
                        run.await();
                    }
                    return null;
                },
                done -> finish(
                        runs.stream().anyMatch(ProbeRun::cancelled)
                                ? "step.probe.status.cancelled"
                                : "step.probe.status.done"),
                failure -> finish("step.probe.status.failed"),
                () -> finish("step.probe.status.cancelled"));
    }

    /** Closes every socket and child process at once; the cards keep what was found until then. */
    public void cancel() {
        for (ProbeRun run : runs) {
            run.cancel();
        }
        lane.cancel();
    }

    private ProbeOptions options(Direction direction) {
        return new ProbeOptions(
                direction,
                options.connectTimeout(),
                options.targetTimeout(),
                options.dnsServer(),
                options.legacyVersions());
    }

    private void finish(String statusKey) {
        sayStatus(() -> i18n.get(statusKey));
    }

    private record Planned(ProbeRequest request, Direction direction) {}

    private String plan(List<Planned> planned) {
        String mailDomain = domain.get() == null ? "" : domain.get().trim();
        if (!mailDomain.isEmpty()) {
            if (!Targets.isValidHost(mailDomain) || Targets.isAddressLiteral(mailDomain)) {
                return i18n.get("step.probe.error.domain", mailDomain);
            }
            planned.add(new Planned(ProbeRequest.mx(mailDomain, 25), Direction.ONPREM_TO_EXO));
        }
        for (StringProperty field : List.of(smartHost, localServer)) {
            String value = field.get() == null ? "" : field.get().trim();
            if (value.isEmpty()) {
                continue;
            }
            ProbeTarget target = TargetText.parse(value, 25).target();
            if (target == null) {
                return i18n.get("step.probe.error.host", value);
            }
            planned.add(new Planned(
                    ProbeRequest.hosts(List.of(target)),
                    field == localServer ? Direction.EXO_TO_ONPREM : Direction.ONPREM_TO_EXO));
        }
        return null;
    }

    /** On the probe's own thread: what Exchange itself would negotiate with this machine's registry settings. */
    private ProbeFinding schannelHandshake(TargetReport report) {
        if (schannel.isEmpty() || report.ip() == null) {
            return null;
        }
        try {
            return schannel.get()
                    .handshake(report.target().host(), report.target().port(), options.targetTimeout());
        } catch (RuntimeException e) {
            return null; // the Java handshake's result stands on its own
        }
    }

    /** Probe threads report here; every change is handed to the FX thread. */
    private ProbeListener listener(int runIndex, Direction direction, int startedIn) {
        return new ProbeListener() {
            private final java.util.Map<ProbeTarget, ProbeCardViewModel> rows =
                    new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public void targetsPlanned(List<ProbeTarget> planned) {
                List<ProbeCardViewModel> created = planned.stream()
                        .map(t -> new ProbeCardViewModel(new TargetProgress(t, direction), i18n))
                        .toList();
                created.forEach(card -> rows.put(card.progress().target(), card));
                runner.later(() -> {
                    if (!lane.isLatest(startedIn)) {
                        return; // a later test has started since: this one's results are no longer shown
                    }
                    for (ProbeCardViewModel card : created) {
                        card.refresh();
                        card.transcriptOpenProperty().set(openTranscripts.contains(card.transcriptKey()));
                        card.transcriptOpenProperty().addListener((obs, old, open) -> {
                            if (open) {
                                openTranscripts.add(card.transcriptKey());
                            } else {
                                openTranscripts.remove(card.transcriptKey());
                            }
                        });
                    }
                    cardsByRun.put(runIndex, created);
                    cards.setAll(
                            cardsByRun.values().stream().flatMap(List::stream).toList());
                    for (int i = 0; i < cards.size(); i++) {
                        cards.get(i).setIndex(i);
                    }
                });
            }

            @Override
            public void stepFinished(ProbeTarget target, StepResult step) {
                ProbeCardViewModel card = rows.get(target);
                runner.later(() -> {
                    if (!lane.isLatest(startedIn)) {
                        return; // a later test has started since: this one's results are no longer shown
                    }
                    card.progress().stepFinished(step);
                    card.refresh();
                });
            }

            @Override
            public void versionFinished(ProbeTarget target, VersionResult result) {
                ProbeCardViewModel card = rows.get(target);
                runner.later(() -> {
                    if (!lane.isLatest(startedIn)) {
                        return; // a later test has started since: this one's results are no longer shown
                    }
                    card.progress().versionFinished(result);
                    card.refresh();
                });
            }

            @Override
            public void targetFinished(TargetReport report) {
                ProbeCardViewModel card = rows.get(report.target());
                ProbeFinding viaSchannel = direction == Direction.ONPREM_TO_EXO ? schannelHandshake(report) : null;
                runner.later(() -> {
                    if (!lane.isLatest(startedIn)) {
                        return; // a later test has started since: this one's results are no longer shown
                    }
                    card.progress().finished(report);
                    card.progress().schannelFinished(viaSchannel);
                    session.recordProbe(new ProbeEvidence(direction, report, viaSchannel));
                    card.refresh();
                });
            }
        };
    }
}
