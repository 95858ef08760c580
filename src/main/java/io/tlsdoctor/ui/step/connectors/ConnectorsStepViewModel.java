package io.tlsdoctor.ui.step.connectors;

import io.tlsdoctor.core.connectors.ConnectorEvaluator;
import io.tlsdoctor.core.connectors.ConnectorFinding;
import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorReport;
import io.tlsdoctor.core.connectors.ConnectorRules;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.core.connectors.FieldEvidence;
import io.tlsdoctor.core.connectors.ReadNote;
import io.tlsdoctor.core.diagnosis.CheckKind;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.LatestTask;
import io.tlsdoctor.ui.common.TaskRunner;
import io.tlsdoctor.ui.wizard.StepModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Step "Connectors and certificates": after a certificate, connector or STARTTLS symptom, reads Exchange's connectors
 * and certificates (saved cmdlet output anywhere, live on Windows) in the background and shows what is wrong with the
 * exact field and the command to copy. Collection and judgement stay in core; this keeps the result and hands it to
 * the diagnosis.
 */
public final class ConnectorsStepViewModel implements StepModel {

    /** How the verdict line should look. */
    public enum VerdictKind {
        NOT_RUN,
        HEALTHY,
        WARNINGS,
        CERTIFICATE,
        CONNECTOR,
        NOTHING_JUDGED
    }

    private final ConnectorSources sources;
    private final I18n i18n;
    private final Consumer<ConnectorReport> record;
    private final Clock clock;
    private final LatestTask lane;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyBooleanWrapper canAdvance = new ReadOnlyBooleanWrapper(this, "canAdvance", true);
    private final ReadOnlyObjectWrapper<ConnectorReport> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyObjectWrapper<VerdictKind> verdictKind =
            new ReadOnlyObjectWrapper<>(this, "verdictKind", VerdictKind.NOT_RUN);
    private final ReadOnlyStringWrapper verdictText = new ReadOnlyStringWrapper(this, "verdictText", "");
    private final ReadOnlyStringWrapper sourceText = new ReadOnlyStringWrapper(this, "sourceText", "");
    private final ReadOnlyStringWrapper notesText = new ReadOnlyStringWrapper(this, "notesText", "");
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final ObservableList<ConnectorRow> findings = FXCollections.observableArrayList();

    /** @param record where a result goes for the diagnosis (the session) */
    public ConnectorsStepViewModel(
            ConnectorSources sources, TaskRunner runner, I18n i18n, Consumer<ConnectorReport> record, Clock clock) {
        this.sources = sources;
        this.i18n = i18n;
        this.record = record;
        this.clock = clock;
        this.lane = new LatestTask(runner, running);
        i18n.messagesProperty().addListener((obs, old, value) -> show());
        show();
    }

    // == StepModel ==

    @Override
    public List<CheckKind> checks() {
        return List.of(CheckKind.CONNECTORS);
    }

    @Override
    public String titleKey() {
        return "step.connectors.title";
    }

    /** The check helps but is not required to go on (the admin may not have saved the output yet). */
    @Override
    public ObservableBooleanValue canAdvanceProperty() {
        return canAdvance;
    }

    @Override
    public ObservableBooleanValue busyProperty() {
        return running;
    }

    // == Properties ==

    public boolean isLiveAvailable() {
        return sources.liveAvailable();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectorReport> reportProperty() {
        return report.getReadOnlyProperty();
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

    public ReadOnlyStringProperty verdictTextProperty() {
        return verdictText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceTextProperty() {
        return sourceText.getReadOnlyProperty();
    }

    /** What the reading could not see (lists cut off, JSON depth), one per line; empty when nothing. */
    public ReadOnlyStringProperty notesTextProperty() {
        return notesText.getReadOnlyProperty();
    }

    /** The Exchange server whose Management Shell to read live. */
    public StringProperty serverProperty() {
        return server;
    }

    public ObservableList<ConnectorRow> findings() {
        return findings;
    }

    /** The commands that save what this check reads: Exchange Management Shell, then Exchange Online PowerShell. */
    public String exportCommands() {
        StringBuilder text = new StringBuilder();
        ConnectorRules.get().onPremisesExports().forEach(c -> text.append(c).append(System.lineSeparator()));
        text.append(System.lineSeparator())
                .append("# Exchange Online PowerShell (Connect-ExchangeOnline)")
                .append(System.lineSeparator());
        ConnectorRules.get().exchangeOnlineExports().forEach(c -> text.append(c).append(System.lineSeparator()));
        return text.toString();
    }

    // == Commands ==

    public void loadFiles(List<Path> files) {
        if (!files.isEmpty()) {
            collect(sources.fromFiles(files), i18n.get("step.connectors.progress.files", files.size()));
        }
    }

    public void checkLive() {
        String name = server.get() == null ? "" : server.get().strip();
        if (name.isEmpty()) {
            problem.set(i18n.get("step.connectors.error.noServer"));
            return;
        }
        collect(sources.live(name), i18n.get("step.connectors.progress.live", name));
    }

    public void cancel() {
        lane.cancel();
    }

    private void collect(ConnectorSource source, String message) {
        java.time.Instant now = clock.instant();
        problem.set(null);
        progressText.set(message);
        lane.run(
                () -> new ConnectorEvaluator().evaluate(source.collect(), now),
                result -> {
                    progressText.set("");
                    report.set(result);
                    record.accept(result);
                    show();
                },
                error -> {
                    progressText.set("");
                    problem.set(
                            error instanceof ConnectorInputException input
                                    ? i18n.get(input.messageKey(), input.args())
                                    : i18n.get("step.connectors.error.internal", String.valueOf(error)));
                    show();
                },
                () -> progressText.set(i18n.get("step.connectors.progress.cancelled")));
    }

    // == Presentation ==

    private void show() {
        ConnectorReport shown = report.get();
        if (shown == null) {
            verdictKind.set(VerdictKind.NOT_RUN);
            verdictText.set(i18n.get("step.connectors.verdict.notRun"));
            sourceText.set("");
            notesText.set("");
            findings.clear();
            return;
        }
        VerdictKind kind = shown.problemArea()
                .map(area -> VerdictKind.valueOf(area.name()))
                .orElse(
                        !shown.judgedAnything()
                                ? VerdictKind.NOTHING_JUDGED
                                : shown.warnings().isEmpty() ? VerdictKind.HEALTHY : VerdictKind.WARNINGS);
        verdictKind.set(kind);
        verdictText.set(i18n.get(
                "step.connectors.verdict." + kind,
                shown.failures().size(),
                shown.warnings().size()));
        sourceText.set(i18n.get(
                shown.live() ? "step.connectors.source.live" : "step.connectors.source.files",
                String.join(
                        ", ",
                        shown.sources().stream()
                                .map(ConnectorsStepViewModel::fileName)
                                .toList())));
        List<String> notes = new ArrayList<>();
        for (ReadNote note : shown.notes()) {
            notes.add(i18n.get(note.key(), note.args().toArray()));
        }
        notesText.set(String.join(System.lineSeparator(), notes));
        Locale locale = i18n.locale();
        List<ConnectorRow> rows = new ArrayList<>();
        // what needs doing first, then what was fine
        for (io.tlsdoctor.core.registry.FindingStatus status : List.of(
                io.tlsdoctor.core.registry.FindingStatus.FAIL,
                io.tlsdoctor.core.registry.FindingStatus.WARN,
                io.tlsdoctor.core.registry.FindingStatus.INFO,
                io.tlsdoctor.core.registry.FindingStatus.PASS)) {
            for (ConnectorFinding f : shown.findings()) {
                if (f.status() == status) {
                    rows.add(row(f, locale));
                }
            }
        }
        findings.setAll(rows);
    }

    private ConnectorRow row(ConnectorFinding f, Locale locale) {
        List<String> evidence = new ArrayList<>();
        for (FieldEvidence e : f.evidence()) {
            evidence.add(i18n.get("step.connectors.evidence", e.object(), e.field(), e.value()));
        }
        return new ConnectorRow(
                f.id(),
                f.status().name().toLowerCase(Locale.ROOT),
                i18n.get("step.connectors.status." + f.status()),
                f.title().in(locale),
                f.subject(),
                f.detail().in(locale),
                evidence,
                f.advice() == null ? null : f.advice().in(locale),
                f.commands());
    }

    private static String fileName(String source) {
        Path name = Path.of(source).getFileName();
        return name == null ? source : name.toString();
    }
}
