package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Step "Look at the protocol logs": which sessions failed and why, who still negotiates TLS 1.0/1.1. The folders
 * start as Exchange's own log folders when this is the Exchange server; the analysis runs in the background with
 * progress and can be cancelled; what it found goes into the diagnosis.
 */
public final class LogsStepViewModel implements StepModel {

    /** Where the step is. */
    public enum State {
        IDLE,
        RUNNING,
        DONE,
        CANCELLED,
        PROBLEM
    }

    static final String SEPARATOR = "; ";

    private final LogAnalyzer analyzer;
    private final SymptomCatalog catalog;
    private final TaskRunner runner;
    private final I18n i18n;
    private final DiagnosisSession session;

    // Properties
    private final StringProperty pathText = new SimpleStringProperty(this, "pathText", "");
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper verdict = new ReadOnlyStringWrapper(this, "verdict", "");
    private final ReadOnlyObjectWrapper<LogAnalysis> analysis = new ReadOnlyObjectWrapper<>(this, "analysis");
    private final ObservableList<RemoteRow> remotes = FXCollections.observableArrayList();
    /** What the remote table shows: the remotes that match {@link #remoteFilter}; the view sorts it. */
    private final FilteredList<RemoteRow> filteredRemotes = new FilteredList<>(remotes);

    private final StringProperty remoteFilter = new SimpleStringProperty(this, "remoteFilter", "");
    private final ReadOnlyStringWrapper remoteCount = new ReadOnlyStringWrapper(this, "remoteCount", "");
    private final ObservableList<ExampleRow> examples = FXCollections.observableArrayList();
    private final ObjectProperty<ExampleRow> selectedExample = new SimpleObjectProperty<>(this, "selectedExample");
    private final ReadOnlyObjectWrapper<LogCharts> charts = new ReadOnlyObjectWrapper<>(this, "charts");
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper(this, "transcript", "");
    private final BooleanBinding running = Bindings.createBooleanBinding(() -> state.get() == State.RUNNING, state);
    private final BooleanBinding canAdvance = running.not();

    /** The analysis running; a newer one (after Stop) replaces it and an older result is dropped. */
    private final LatestTask lane;

    private LogProgress currentProgress;
    private TaskRunner.Running poller;
    private long startedNanos;
    private String problemKey;
    private Object[] problemArguments = new Object[0];

    /** @param exchangeLogFolders Exchange's protocol-log folders on this machine (empty elsewhere) */
    public LogsStepViewModel(
            LogAnalyzer analyzer,
            SymptomCatalog catalog,
            TaskRunner runner,
            I18n i18n,
            DiagnosisSession session,
            List<Path> exchangeLogFolders) {
        this.analyzer = analyzer;
        this.catalog = catalog;
        this.runner = runner;
        this.lane = new LatestTask(runner, null);
        this.i18n = i18n;
        this.session = session;
        usePaths(exchangeLogFolders);
        selectedExample.addListener((obs, old, example) -> transcript.set(
                example == null ? "" : String.join("\n", example.example().transcript())));
        remoteFilter.addListener((obs, old, text) -> filteredRemotes.setPredicate(matching(text)));
        filteredRemotes.predicateProperty().addListener((obs, old, value) -> countRemotes());
        remotes.addListener((javafx.collections.ListChangeListener<RemoteRow>) change -> countRemotes());
        analysis.addListener((obs, old, value) -> charts.set(chartsOf(value)));
        i18n.messagesProperty().addListener((obs, old, value) -> {
            describe();
            countRemotes();
            charts.set(chartsOf(analysis.get()));
        });
        describe();
        charts.set(chartsOf(null));
    }

    // == StepModel ==

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.LOGS);
    }

    @Override
    public String titleKey() {
        return "step.logs.title";
    }

    /** Looking at logs is optional: the user may go on without, but not while an analysis runs. */
    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return running;
    }

    // == Properties ==

    /** The folders, files or archives to read, separated by "; ". */
    public StringProperty pathTextProperty() {
        return pathText;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    /** 0 to 1, or -1 while the size is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "12 of 135 files, 180 MB/s". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What happened, in one line: the summary, or the problem and the way out. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What the logs say about the symptom: confirmed, not seen, or nothing to go on. */
    public ReadOnlyStringProperty verdictProperty() {
        return verdict.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LogAnalysis> analysisProperty() {
        return analysis.getReadOnlyProperty();
    }

    public ObservableList<RemoteRow> remotes() {
        return remotes;
    }

    /** The remotes that match the filter, in the analysis's order (most failures first); the table sorts its own view. */
    public ObservableList<RemoteRow> filteredRemotes() {
        return filteredRemotes;
    }

    /**
     * Text that narrows the remote table: every word must appear in the address, the connector or the direction
     * (any case); {@code failed} and {@code legacy} (or their Swedish words) keep only remotes with failures or on
     * TLS 1.0/1.1. An internet-facing server has tens of thousands of remotes; this finds the one a user is after.
     */
    public StringProperty remoteFilterProperty() {
        return remoteFilter;
    }

    /** "66,000 remote addresses" or "12 of 66,000 remote addresses". */
    public ReadOnlyStringProperty remoteCountProperty() {
        return remoteCount.getReadOnlyProperty();
    }

    public ObservableList<ExampleRow> examples() {
        return examples;
    }

    public ObjectProperty<ExampleRow> selectedExampleProperty() {
        return selectedExample;
    }

    public ReadOnlyStringProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    public String reasonTitle(SymptomCode code) {
        return catalog.symptom(code).title().in(i18n.locale());
    }

    /** An example as the list shows it: why it failed, then the remote, which log and when, in the user's language. */
    public String exampleLabel(ExampleRow row) {
        FailureExample item = row.example();
        return reasonTitle(item.reason()) + "\n" + item.session().remoteAddress() + " · "
                + i18n.get("logs.kind." + item.session().kind()) + " · "
                + item.session().start();
    }

    /** A protocol column's heading: protocol names are the same in every language; only "no TLS" is translated. */
    public String protocolLabel(TlsColumn column) {
        return column.translated()
                ? i18n.get("step.logs.col.none")
                : "TLS " + column.protocol().name().substring(3).replace('_', '.');
    }

    /** The charts of the analysis shown, worded in the current language; axis labels only before any analysis. */
    public ReadOnlyObjectProperty<LogCharts> chartsProperty() {
        return charts.getReadOnlyProperty();
    }

    // == Commands ==

    /** A chosen or dropped folder, file or archive replaces what was there. */
    public void usePaths(List<Path> paths) {
        pathText.set(paths.stream().map(Path::toString).collect(Collectors.joining(SEPARATOR)));
    }

    public void analyse() {
        if (running.get()) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        for (String part : pathText.get().split(";")) {
            if (!part.isBlank()) {
                try {
                    paths.add(Path.of(part.strip()));
                } catch (InvalidPathException e) {
                    problem("step.logs.error.missing", part.strip());
                    return;
                }
            }
        }
        if (paths.isEmpty()) {
            problem("step.logs.error.noPath");
            return;
        }
        LogProgress tracker = new LogProgress();
        currentProgress = tracker;
        problemKey = null;
        startedNanos = System.nanoTime();
        progress.set(-1);
        state.set(State.RUNNING);
        poller = runner.every(java.time.Duration.ofMillis(200), this::showProgress);
        describe();
        lane.run(
                () -> {
                    LogInputs.Collected inputs = LogInputs.collect(paths);
                    if (!inputs.missing().isEmpty()) {
                        throw new MissingPath(inputs.missing().get(0));
                    }
                    LogAnalysis result = analyzer.analyze(inputs, LogAnalyzer.Options.defaults(), tracker);
                    // The table's rows are made here, not on the FX thread: 66,000 of them take a noticeable moment.
                    return new Result(
                            result,
                            result.remotes().stream().map(RemoteRow::new).toList());
                },
                result -> finished(() -> show(result)),
                error -> finished(() -> {
                    if (error instanceof CancellationException) {
                        state.set(State.CANCELLED);
                    } else if (error instanceof MissingPath missing) {
                        problem("step.logs.error.missing", missing.path.toString());
                    } else {
                        problem("step.logs.error.internal", String.valueOf(error));
                    }
                }),
                () -> finished(() -> state.set(State.CANCELLED)));
    }

    public void cancel() {
        if (lane.isRunning()) {
            currentProgress.cancel();
            lane.cancel();
        }
    }

    private void finished(Runnable then) {
        poller.cancel();
        showProgress();
        then.run();
        describe();
    }

    private void show(Result done) {
        LogAnalysis result = done.analysis();
        if (result.files() == 0) {
            String reason = result.skippedFiles().isEmpty()
                    ? ""
                    : i18n.get("logs.skip." + result.skippedFiles().get(0).reason());
            problem("step.logs.error.nothing", reason);
            return;
        }
        analysis.set(result);
        session.recordLogs(result);
        remotes.setAll(done.remotes());
        examples.setAll(result.examples().stream().map(ExampleRow::new).toList());
        selectedExample.set(examples.isEmpty() ? null : examples.get(0));
        progress.set(1);
        state.set(State.DONE);
    }

    private void showProgress() {
        LogProgress p = currentProgress;
        if (p == null) {
            return;
        }
        double seconds = Math.max(0.001, (System.nanoTime() - startedNanos) / 1e9);
        if (p.bytesTotal() > 0) {
            progress.set(Math.min(1, p.bytesDone() / (double) p.bytesTotal()));
        }
        progressText.set(
                i18n.get("step.logs.progress", p.filesDone(), p.filesTotal(), p.bytesDone() / 1048576.0 / seconds));
    }

    private void problem(String key, Object... arguments) {
        problemKey = key;
        problemArguments = arguments;
        state.set(State.PROBLEM);
        describe();
    }

    /** Texts that follow the language. */
    private void describe() {
        LogAnalysis result = analysis.get();
        switch (state.get()) {
            case IDLE ->
                status.set(i18n.get(pathText.get().isBlank() ? "step.logs.status.choose" : "step.logs.status.ready"));
            case RUNNING -> status.set(i18n.get("step.logs.status.running"));
            case CANCELLED -> status.set(i18n.get("step.logs.status.cancelled"));
            case PROBLEM -> status.set(i18n.get(problemKey, problemArguments));
            case DONE ->
                status.set(i18n.get(
                        "step.logs.status.done",
                        result.files(),
                        result.sessions(),
                        result.failedSessions(),
                        result.badLines(),
                        result.skippedFiles().size()));
        }
        verdict.set(result == null || state.get() != State.DONE ? "" : verdictOf(result));
    }

    /** Whether the logs confirm the TLS 1.0/1.1 symptom, show only lookalikes, or show nothing wrong. */
    private String verdictOf(LogAnalysis result) {
        long negotiation = result.symptoms().get(SymptomCode.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED);
        long starttls = result.symptoms().get(SymptomCode.PROTOCOL_LOG_451_STARTTLS_REQUIRED);
        long otherTls = result.tlsFailureRows() - negotiation - starttls;
        int legacy = result.legacyPartners().size();
        String partners = legacy == 0 ? "" : " " + i18n.get("step.logs.verdict.legacy", legacy);
        if (result.tlsFailureRows() > 0) {
            return i18n.get("step.logs.verdict.confirmed", negotiation, starttls, otherTls) + partners;
        }
        if (result.failedSessions() > 0) {
            return i18n.get("step.logs.verdict.otherCause", result.failedSessions()) + partners;
        }
        return i18n.get("step.logs.verdict.clean") + partners;
    }

    private void countRemotes() {
        int all = remotes.size();
        int shown = filteredRemotes.size();
        remoteCount.set(
                shown == all
                        ? i18n.get("step.logs.remotes.count", all)
                        : i18n.get("step.logs.remotes.filtered", shown, all));
    }

    /** The filter as a predicate: null (everything) for blank text. */
    private Predicate<RemoteRow> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+");
        return remote -> {
            for (String word : words) {
                if (!matches(remote.summary(), word)) {
                    return false;
                }
            }
            return true;
        };
    }

    private boolean matches(RemoteSummary remote, String word) {
        return switch (word) {
            case "failed", "fel", "misslyckade" -> remote.failed() > 0;
            case "legacy", "tls1.0", "tls1.1" -> remote.usesLegacyTls();
            default ->
                remote.remote().toLowerCase(Locale.ROOT).contains(word)
                        || remote.connector().toLowerCase(Locale.ROOT).contains(word)
                        || i18n.get("logs.kind." + remote.kind())
                                .toLowerCase(Locale.ROOT)
                                .contains(word);
        };
    }

    /** What the background work hands to the FX thread. */
    private record Result(LogAnalysis analysis, List<RemoteRow> remotes) {}

    private static final int CHART_REMOTES = 12;
    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);

    /** Sessions per protocol for the busiest remotes, and failures per hour. */
    private LogCharts chartsOf(LogAnalysis result) {
        List<LogCharts.Series> protocols = new ArrayList<>();
        List<LogCharts.Series> failures = new ArrayList<>();
        if (result != null) {
            List<RemoteSummary> busiest = result.remotes().stream()
                    .sorted(Comparator.comparingLong(RemoteSummary::sessions).reversed())
                    .limit(CHART_REMOTES)
                    .toList();
            for (TlsColumn column : TlsColumn.values()) {
                List<LogCharts.Point> points = new ArrayList<>();
                for (RemoteSummary remote : busiest) {
                    points.add(new LogCharts.Point(
                            remote.remote() + " (" + i18n.get("logs.kind." + remote.kind()) + ")",
                            remote.tls().get(column.protocol())));
                }
                protocols.add(new LogCharts.Series(protocolLabel(column), points));
            }
            List<LogCharts.Point> perHour = new ArrayList<>();
            result.failuresPerHour()
                    .forEach((Instant hour, Long n) -> perHour.add(new LogCharts.Point(HOUR.format(hour), n)));
            failures.add(new LogCharts.Series(i18n.get("step.logs.chart.failed"), perHour));
        }
        return new LogCharts(
                i18n.get("step.logs.chart.remote"),
                i18n.get("step.logs.chart.sessions"),
                i18n.get("step.logs.chart.hour"),
                i18n.get("step.logs.chart.failed"),
                protocols,
                failures);
    }

    /** A path the user gave that is not there. */
    private static final class MissingPath extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Path path;

        MissingPath(Path path) {
            super(path.toString(), null, false, false);
            this.path = path;
        }
    }
}
