package io.tlsdoctor.ui.step.registry;

import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.Evidence;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingTexts;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryExports;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.registry.Verdict;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.DiagnosisSession;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Check this server's TLS settings": collects a registry snapshot (live on Windows, or from {@code reg export}
 * files anywhere) in the background, keeps it, and evaluates it for the symptom's direction. Collection and
 * evaluation stay apart, so naming the Windows version re-judges the same snapshot without reading it again.
 */
public final class RegistryStepViewModel implements StepModel {

    /** How the verdict line should look. */
    public enum VerdictKind {
        NOT_RUN,
        READY,
        NOT_READY,
        UNDECIDED,
        NOT_APPLICABLE,
        NOT_THE_SERVER
    }

    private final RegistrySources sources;
    private final I18n i18n;
    private final DiagnosisSession session;

    // Properties
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    private final ReadOnlyObjectWrapper<RegistryReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ObjectProperty<OsOption> osChoice = new SimpleObjectProperty<>(this, "osChoice");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<VerdictKind> verdictKind =
            new ReadOnlyObjectWrapper<>(this, "verdictKind", VerdictKind.NOT_RUN);
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper(this, "verdictText", "");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyBooleanWrapper osUnknown = new ReadOnlyBooleanWrapper(this, "osUnknown");
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();

    private RegistrySnapshot snapshot;
    private final LatestTask lane;
    private boolean liveTried;
    private List<Path> pendingExports = List.of();

    public RegistryStepViewModel(RegistrySources sources, TaskRunner runner, I18n i18n, DiagnosisSession session) {
        this.sources = sources;
        this.lane = new LatestTask(runner, running);
        this.i18n = i18n;
        this.session = session;
        i18n.messagesProperty().addListener((obs, old, value) -> show());
        session.directionProperty().addListener((obs, old, value) -> show());
        osChoice.addListener((obs, old, value) -> reevaluate());
        show();
    }

    // == StepModel ==

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.REGISTRY);
    }

    @Override
    public String titleKey() {
        return "step.registry.title";
    }

    /** The check helps but is not required to go on (a helpdesk desktop may have no exports yet). */
    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return running;
    }

    /** On the server itself the live check runs as soon as the step opens; elsewhere the user loads exports. */
    @Override
    public void onEnter() {
        if (isLiveAvailable() && !liveTried) {
            checkLive();
        }
    }

    // == Properties ==

    public boolean isLiveAvailable() {
        return sources.live().isPresent();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RegistryReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The Windows Server version the user names when the exports do not say it. */
    /** The Windows versions the user can choose from, newest last. */
    public java.util.List<OsOption> osOptions() {
        return java.util.Arrays.stream(WindowsServer.values()).map(OsOption::of).toList();
    }

    /** The Windows version the user said the exports came from, or null: absent values are judged by it. */
    public ObjectProperty<OsOption> osChoiceProperty() {
        return osChoice;
    }

    public ReadOnlyBooleanProperty osUnknownProperty() {
        return osUnknown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<VerdictKind> verdictKindProperty() {
        return verdictKind.getReadOnlyProperty();
    }

    /** The bottom line for the symptom's direction, first thing the user reads. */
    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** The bottom-line findings first, then the rest in the evaluator's order. */
    public ObservableList<FindingRow> findings() {
        return findings;
    }

    /** The {@code reg export} commands to run on the server, then how to load them here. */
    public String exportCommands() {
        StringBuilder text = new StringBuilder();
        for (RegistryExports.Export export : RegistryExports.all()) {
            text.append(export.command()).append(System.lineSeparator());
        }
        return text.toString();
    }

    // == Commands ==

    public void checkLive() {
        liveTried = true;
        pendingExports = List.of();
        sources.live().ifPresent(source -> collect(source, i18n.get("step.registry.progress.live")));
    }

    public void loadExports(List<Path> files) {
        if (!files.isEmpty()) {
            pendingExports = List.copyOf(files);
            collect(sources.fromFiles(files), i18n.get("step.registry.progress.files", files.size()));
        }
    }

    public void cancel() {
        lane.cancel();
    }

    /** The evaluator is made inside the work: its texts load on first use, off the FX thread and not at start-up. */
    private void collect(RegistrySource source, String message) {
        WindowsServer os = osOverride(); // read on the FX thread; the work must not touch properties
        run(
                () -> {
                    RegistrySnapshot collected = source.collect();
                    return new Result(collected, new RegistryEvaluator().evaluate(collected, os));
                },
                message);
    }

    private void reevaluate() {
        RegistrySnapshot kept = snapshot;
        if (kept == null) {
            return;
        }
        WindowsServer os = osOverride();
        run(
                () -> new Result(kept, new RegistryEvaluator().evaluate(kept, os)),
                i18n.get("step.registry.progress.evaluate"));
    }

    /** A newer read or evaluation replaces an older one still running: only the latest is shown. */
    private void run(java.util.concurrent.Callable<Result> work, String message) {
        problem.set(null);
        progressText.set(message);
        lane.run(
                work,
                result -> {
                    progressText.set("");
                    snapshot = result.snapshot();
                    report.set(result.report());
                    session.recordRegistry(snapshot, report.get(), snapshot.isLive() ? List.of() : pendingExports);
                    show();
                },
                error -> {
                    progressText.set("");
                    problem.set(
                            error instanceof RegistryReadException read
                                    ? i18n.get(read.messageKey(), read.args())
                                    : i18n.get("step.registry.error.internal"));
                    show();
                },
                () -> progressText.set(i18n.get("step.registry.progress.cancelled")));
    }

    // == Presentation ==

    private void show() {
        RegistryReport shown = report.get();
        Direction direction = session.directionProperty().get();
        if (shown == null) {
            verdictKind.set(VerdictKind.NOT_RUN);
            verdictText.set(i18n.get("step.registry.verdict.notRun"));
            sourceText.set("");
            osUnknown.set(false);
            findings.clear();
            return;
        }
        Locale locale = i18n.locale();
        Verdict verdict = shown.verdictFor(direction);
        String side = i18n.get("step.registry.side." + direction);
        if (snapshot != null && snapshot.isLive() && shown.withoutExchange()) {
            // TLS Doctor runs on a computer without Exchange (a helpdesk desktop): its settings say nothing of the
            // server's
            verdictKind.set(VerdictKind.NOT_THE_SERVER);
            verdictText.set(i18n.get("step.registry.verdict.notTheServer", sourceNames(snapshot)));
        } else if (verdict.rolesNeeded().isEmpty()) {
            verdictKind.set(VerdictKind.NOT_APPLICABLE);
            verdictText.set(i18n.get("step.registry.verdict.notApplicable"));
        } else if (verdict.tls12Ready() == null) {
            verdictKind.set(VerdictKind.UNDECIDED);
            verdictText.set(i18n.get("step.registry.verdict.undecided", side));
        } else if (verdict.tls12Ready()) {
            verdictKind.set(VerdictKind.READY);
            verdictText.set(i18n.get("step.registry.verdict.ready", side));
        } else {
            verdictKind.set(VerdictKind.NOT_READY);
            verdictText.set(i18n.get("step.registry.verdict.notReady", side));
        }
        osUnknown.set(!shown.os().known());
        String os = shown.os().known() ? shown.os().name() : i18n.get("step.registry.os.unknown");
        sourceText.set(i18n.get(
                snapshot != null && snapshot.isLive() ? "step.registry.source.live" : "step.registry.source.files",
                snapshot == null ? "" : sourceNames(snapshot),
                os));
        List<FindingRow> rows = new ArrayList<>();
        List<String> bottomIds = verdict.bottomLine().stream().map(Finding::id).toList();
        int needed = verdict.rolesNeeded().size(); // the bottom line lists the needed sides first
        for (int i = 0; i < verdict.bottomLine().size(); i++) {
            rows.add(row(verdict.bottomLine().get(i), i < needed, locale));
        }
        for (Finding finding : shown.findings()) {
            if (!bottomIds.contains(finding.id())) {
                rows.add(row(finding, false, locale));
            }
        }
        findings.setAll(rows);
    }

    /** File names only: the user just chose them; a computer name as it is. */
    private static String sourceNames(RegistrySnapshot snapshot) {
        if (snapshot.isLive()) {
            return String.join(", ", snapshot.sources());
        }
        return String.join(
                ", ",
                snapshot.sources().stream()
                        .map(s -> {
                            Path name = Path.of(s).getFileName();
                            return name == null ? s : name.toString();
                        })
                        .toList());
    }

    private FindingRow row(Finding finding, boolean bottomLine, Locale locale) {
        List<String> evidence = new ArrayList<>();
        for (Evidence value : finding.evidence()) {
            evidence.add(
                    value.value() == null
                            ? i18n.get("step.registry.evidence.absent", value.location())
                            : i18n.get(
                                    "step.registry.evidence.value",
                                    value.location(),
                                    String.valueOf(value.value().raw()),
                                    value.value().type().name()));
        }
        io.tlsdoctor.core.registry.DocLink docs = FindingTexts.get().docs(finding.id());
        return new FindingRow(
                finding.id(),
                finding.status(),
                i18n.get("step.registry.status." + finding.status()),
                finding.title().in(locale),
                finding.detail().in(locale),
                finding.remediation() == null ? null : finding.remediation().in(locale),
                evidence,
                bottomLine,
                i18n.get("step.registry.docs", docs.title().in(locale), docs.url()),
                docs.url());
    }

    private record Result(RegistrySnapshot snapshot, RegistryReport report) {}

    private WindowsServer osOverride() {
        OsOption chosen = osChoice.get();
        return chosen == null ? null : chosen.server();
    }
}
