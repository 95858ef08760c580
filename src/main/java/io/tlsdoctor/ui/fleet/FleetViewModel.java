package io.tlsdoctor.ui.fleet;

import io.tlsdoctor.core.fleet.FleetCollection;
import io.tlsdoctor.core.fleet.FleetComparison;
import io.tlsdoctor.core.fleet.FleetInputs;
import io.tlsdoctor.core.fleet.FleetReport;
import io.tlsdoctor.core.fleet.ServerCollector;
import io.tlsdoctor.core.fleet.ServerOutcome;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.report.FleetSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.TaskRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * Many Exchange servers side by side: from a folder of collected snapshots (anywhere), or checked live from this
 * desktop (Windows: remote registry and PowerShell remoting, with the user's own sign-in). Holds the comparison and
 * words it in the current language; the view only shows it. Work runs through the injected {@link TaskRunner}.
 */
public final class FleetViewModel {

    private final TaskRunner runner;
    private final I18n i18n;
    private final RegistrySources registries;
    /** Makes the live collector for an optional handshake host; null when live checks are not possible here. */
    private final Function<String, ServerCollector> live;

    private final FleetCollection.Options liveOptions;
    private final Clock clock;

    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper bottomLine = new ReadOnlyStringWrapper(this, "bottomLine", "");
    private final ReadOnlyStringWrapper agreed = new ReadOnlyStringWrapper(this, "agreed", "");
    private final ReadOnlyStringWrapper selectedFix = new ReadOnlyStringWrapper(this, "selectedFix", "");
    private final ReadOnlyBooleanWrapper hasResult = new ReadOnlyBooleanWrapper(this, "hasResult");
    private final ReadOnlyBooleanWrapper broken = new ReadOnlyBooleanWrapper(this, "broken");
    private final StringProperty serverNames = new SimpleStringProperty(this, "serverNames", "");
    private final StringProperty handshakeHost = new SimpleStringProperty(this, "handshakeHost", "");
    private final BooleanProperty onlyNeedingChange = new SimpleBooleanProperty(this, "onlyNeedingChange");
    private final BooleanProperty hideNames = new SimpleBooleanProperty(this, "hideNames");
    private final ObjectProperty<FleetRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<FleetRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<FleetRow> rows = new FilteredList<>(allRows);
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    private FleetReport report;
    private FleetSummary summary;
    private FleetCollection collection;

    public FleetViewModel(
            TaskRunner runner,
            I18n i18n,
            RegistrySources registries,
            Function<String, ServerCollector> live,
            FleetCollection.Options liveOptions,
            Clock clock) {
        this.runner = runner;
        this.i18n = i18n;
        this.registries = registries;
        this.live = live;
        this.liveOptions = liveOptions;
        this.clock = clock;
        i18n.messagesProperty().addListener((obs, old, value) -> show());
        onlyNeedingChange.addListener((obs, old, value) -> filter());
        selected.addListener((obs, old, value) -> describeFix());
        status.set(i18n.get(live != null ? "fleet.ui.status.start" : "fleet.ui.status.startOffline"));
    }

    // --- properties ------------------------------------------------------------------------------------------------

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is happening or what happened, in a sentence. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** 0..1 while servers are checked live, -1 while a folder is read. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bottomLineProperty() {
        return bottomLine.getReadOnlyProperty();
    }

    /** Whether any server cannot use TLS 1.2 in some direction (the bottom line reads as a problem). */
    public ReadOnlyBooleanProperty brokenProperty() {
        return broken.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty agreedProperty() {
        return agreed.getReadOnlyProperty();
    }

    /** The fix plan of the selected server, or why it needs none. */
    public ReadOnlyStringProperty selectedFixProperty() {
        return selectedFix.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasResultProperty() {
        return hasResult.getReadOnlyProperty();
    }

    /** Whether servers can be checked live from here (Windows). */
    public boolean liveAvailable() {
        return live != null;
    }

    /** Server names typed or pasted: separated by spaces, commas, semicolons or lines. */
    public StringProperty serverNamesProperty() {
        return serverNames;
    }

    /** The tenant's MX host, for the SChannel handshake from each server; empty for none. */
    public StringProperty handshakeHostProperty() {
        return handshakeHost;
    }

    public BooleanProperty onlyNeedingChangeProperty() {
        return onlyNeedingChange;
    }

    /** Replace server names by placeholders in what is saved. */
    public BooleanProperty hideNamesProperty() {
        return hideNames;
    }

    public ObjectProperty<FleetRow> selectedProperty() {
        return selected;
    }

    /** The table's headings: server, the two directions, one per check. */
    public ObservableList<String> columns() {
        return columns;
    }

    public ObservableList<FleetRow> rows() {
        return rows;
    }

    public ObservableList<String> differences() {
        return differences;
    }

    /** Files and servers that could not be compared, each with the way out. */
    public ObservableList<String> problems() {
        return problems;
    }

    // --- actions ---------------------------------------------------------------------------------------------------

    /** Compares the snapshots (or per-server folders of .reg exports) in {@code folder}. */
    public void openFolder(Path folder) {
        if (busy.get()) {
            return;
        }
        progress.set(-1);
        status.set(i18n.get("fleet.ui.status.reading", folder.toString()));
        runner.run(
                busy,
                () -> {
                    FleetComparison comparison = new FleetComparison(clock);
                    new FleetInputs(registries).read(List.of(folder), comparison);
                    return comparison.finish();
                },
                this::showReport,
                failure -> failed(folder, failure));
    }

    /** Checks the named servers live, a few at a time, each within its deadline. */
    public void checkServers() {
        List<String> names = names(serverNames.get());
        if (busy.get()) {
            return;
        }
        if (live == null) {
            status.set(i18n.get("fleet.ui.status.noLive"));
            return;
        }
        if (names.isEmpty()) {
            status.set(i18n.get("fleet.ui.status.noNames"));
            return;
        }
        String host = handshakeHost.get() == null ? "" : handshakeHost.get().trim();
        FleetCollection run = new FleetCollection(live.apply(host.isEmpty() ? null : host), liveOptions);
        collection = run;
        progress.set(0);
        status.set(i18n.get("fleet.ui.status.checking", 0, names.size()));
        runner.run(
                busy,
                () -> {
                    List<ServerOutcome> outcomes = run.run(names, new FleetCollection.Listener() {
                        @Override
                        public void finished(ServerOutcome outcome, int done, int total) {
                            runner.later(() -> {
                                progress.set((double) done / total);
                                status.set(i18n.get("fleet.ui.status.checking", done, total));
                            });
                        }
                    });
                    FleetComparison comparison = new FleetComparison(clock);
                    FleetCollection.addTo(outcomes, comparison);
                    return comparison.finish();
                },
                this::showReport,
                failure -> failed(String.join(", ", names), failure));
    }

    /** Stops a live check: servers not finished are listed as not read, the others are shown. */
    public void cancel() {
        FleetCollection running = collection;
        if (running != null && busy.get()) {
            running.cancel();
        }
    }

    /** Saves the comparison (HTML, Markdown or JSON by the extension), with names hidden when asked. */
    public void export(Path file) {
        FleetSummary current = summary;
        if (current == null || busy.get()) {
            return;
        }
        boolean hide = hideNames.get();
        runner.run(
                busy,
                () -> SummaryFormat.save(hide ? current.redact() : current, file),
                format -> status.set(
                        i18n.get(hide ? "fleet.ui.status.savedRedacted" : "fleet.ui.status.saved", file.toString())),
                failure -> failed(file, failure));
    }

    static List<String> names(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\s,;]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }

    // --- showing ---------------------------------------------------------------------------------------------------

    private void showReport(FleetReport result) {
        report = result;
        collection = null;
        progress.set(1);
        show();
        status.set(i18n.get(
                "fleet.ui.status.done", result.rows().size(), result.problems().size()));
    }

    /** @param subject the folder, servers or file the work was on, for a failure that names no file of its own */
    private void failed(Object subject, Throwable failure) {
        collection = null;
        progress.set(0);
        status.set(
                failure instanceof UserFacingException refused
                        ? i18n.get(refused.messageKey(), refused.args())
                        : i18n.get(
                                "fleet.ui.status.failed",
                                IoProblem.argsFor(subject, failure).toArray()));
    }

    /** Words the comparison in the current language (again when the language changes). */
    private void show() {
        if (report == null) {
            return;
        }
        summary = FleetSummary.of(report, i18n.messages(), clock);
        columns.setAll(summary.columns());
        allRows.setAll(summary.rows().stream().map(FleetViewModel::line).toList());
        differences.setAll(
                summary.differences().isEmpty()
                        ? List.of(
                                i18n.get(summary.servers() > 1 ? "fleet.differences.none" : "fleet.differences.single"))
                        : summary.differences());
        problems.setAll(
                summary.problems().stream().map(FleetSummary.Problem::message).toList());
        agreed.set(summary.agreed());
        broken.set(summary.brokenServers() > 0);
        bottomLine.set(summary.bottomLine(i18n.messages()));
        hasResult.set(true);
        filter(); // the rows are new: the table's selection, and so the selected server, starts again
        describeFix();
    }

    private static FleetRow line(FleetSummary.Row row) {
        return new FleetRow(
                row.server(),
                row.cells(),
                row.tones().stream()
                        .map(tone -> "fleet-" + tone.name().toLowerCase(java.util.Locale.ROOT))
                        .toList());
    }

    private void filter() {
        if (summary == null) {
            return;
        }
        List<String> needing =
                summary.fixes().stream().map(FleetSummary.Fix::server).toList();
        rows.setPredicate(onlyNeedingChange.get() ? row -> needing.contains(row.server()) : null);
    }

    private void describeFix() {
        FleetRow row = selected.get();
        if (row == null || summary == null) {
            selectedFix.set(summary == null ? "" : i18n.get("fleet.ui.fix.pick"));
            return;
        }
        FleetSummary.Fix fix = summary.fixes().stream()
                .filter(f -> f.server().equals(row.server()))
                .findFirst()
                .orElse(null);
        if (fix == null) {
            selectedFix.set(i18n.get("fleet.ui.fix.none", row.server()));
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add(i18n.get("fleet.ui.fix.heading", row.server()));
        fix.blockers().forEach(line -> lines.add("! " + line));
        fix.changes().forEach(line -> lines.add("  " + line));
        fix.notes().forEach(line -> lines.add("- " + line));
        selectedFix.set(String.join("\n", lines));
    }
}
