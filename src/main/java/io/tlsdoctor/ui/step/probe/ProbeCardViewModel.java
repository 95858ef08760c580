package io.tlsdoctor.ui.step.probe;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.StepStatus;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.ui.common.I18n;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One target's card in the connection test, as text the view binds to: its title, each step's mark and detail, the
 * TLS version matrix, the findings and the transcript. The view builds the card's nodes once and binds them; each
 * probe event or a change of language updates these properties ({@link #refresh()}), so nothing is rebuilt while
 * the user reads (or a test reads) the card. FX thread only, like the properties it holds.
 */
public final class ProbeCardViewModel {

    private final TargetProgress progress;
    private final I18n i18n;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index");
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final List<StepRow> steps =
            Arrays.stream(StepName.values()).map(StepRow::new).toList();
    private final List<VersionRow> versions =
            Arrays.stream(TlsVersion.values()).map(VersionRow::new).toList();
    private final ObservableList<FindingLine> findings = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper(this, "finished");
    private final ReadOnlyStringWrapper transcript = new ReadOnlyStringWrapper(this, "transcript", "");
    private final ReadOnlyIntegerWrapper transcriptRows = new ReadOnlyIntegerWrapper(this, "transcriptRows", 4);
    private final BooleanProperty transcriptOpen = new SimpleBooleanProperty(this, "transcriptOpen");

    /** Built on the probe's thread when it plans its targets; its texts are filled on the FX thread by refresh(). */
    ProbeCardViewModel(TargetProgress progress, I18n i18n) {
        this.progress = progress;
        this.i18n = i18n;
    }

    TargetProgress progress() {
        return progress;
    }

    /** Where the target stands in the list of cards (the view's ids follow it: probeTitle-0, probeStep-0-connect). */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    void setIndex(int value) {
        index.set(value);
    }

    public ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** One row per probe step, in the order the probe takes them. */
    public List<StepRow> steps() {
        return steps;
    }

    /** One row per TLS version. */
    public List<VersionRow> versions() {
        return versions;
    }

    /** What the finished probe found (empty while it runs), then the SChannel handshake's finding when there is one. */
    public ObservableList<FindingLine> findings() {
        return findings;
    }

    public ReadOnlyBooleanProperty finishedProperty() {
        return finished.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty transcriptProperty() {
        return transcript.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty transcriptRowsProperty() {
        return transcriptRows.getReadOnlyProperty();
    }

    /** Whether the user opened the raw transcript; kept for the same target when the test runs again. */
    public BooleanProperty transcriptOpenProperty() {
        return transcriptOpen;
    }

    /** The key by which an opened transcript is remembered across runs: the direction and the target as typed. */
    String transcriptKey() {
        return progress.direction() + "|" + progress.target().display();
    }

    /** Brings every text up to date with what the probe has found so far, in the current language. */
    void refresh() {
        boolean inbound = progress.direction() == Direction.EXO_TO_ONPREM;
        badge.set(i18n.get(inbound ? "step.probe.direction.inbound" : "step.probe.direction.outbound"));
        String where = progress.target().display();
        if (progress.target().mxPreference() != null) {
            where += "  "
                    + i18n.get(
                            "step.probe.mx",
                            progress.target().mxPreference(),
                            progress.target().mxDomain());
        }
        title.set(where);
        List<StepResult> done = progress.steps();
        for (StepRow row : steps) {
            row.show(done.stream()
                    .filter(step -> step.name() == row.step)
                    .findFirst()
                    .orElse(null));
        }
        for (VersionRow row : versions) {
            row.show(progress.version(row.version));
        }
        TargetReport report = progress.report();
        if (report != null) {
            List<ProbeFinding> shown = new ArrayList<>(report.findings());
            if (progress.schannel() != null) {
                shown.add(progress.schannel());
            }
            if (findings.size() != shown.size()) {
                findings.setAll(shown.stream().map(finding -> new FindingLine()).toList());
            }
            for (int i = 0; i < shown.size(); i++) {
                findings.get(i).show(shown.get(i));
            }
            transcript.set(String.join("\n", report.transcript()));
            transcriptRows.set(Math.min(14, Math.max(4, report.transcript().size())));
        }
        finished.set(report != null);
    }

    private String text(Detail detail) {
        return i18n.get(detail.key(), detail.argArray());
    }

    private static String styleName(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** One probe step: a mark (✔ ✖ – or … while pending), its name, how long it took, and what happened. */
    public final class StepRow {
        private final StepName step;
        private final ReadOnlyStringWrapper mark = new ReadOnlyStringWrapper(this, "mark", "…");
        private final ReadOnlyStringWrapper markStyle = new ReadOnlyStringWrapper(this, "markStyle", "probe-pending");
        private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
        private final ReadOnlyStringWrapper millis = new ReadOnlyStringWrapper(this, "millis", "");
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

        private StepRow(StepName step) {
            this.step = step;
        }

        /** The step's id in node ids: connect, banner, handshake... */
        public String id() {
            return step.id();
        }

        public ReadOnlyStringProperty markProperty() {
            return mark.getReadOnlyProperty();
        }

        /** The style class of the mark: probe-pending, probe-ok, probe-failed, probe-skipped. */
        public ReadOnlyStringProperty markStyleProperty() {
            return markStyle.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty nameProperty() {
            return name.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty millisProperty() {
            return millis.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        private void show(StepResult result) {
            name.set(i18n.get("probe.step." + step.id()));
            mark.set(
                    result == null
                            ? "…"
                            : switch (result.status()) {
                                case OK -> "✔";
                                case FAILED -> "✖";
                                case SKIPPED -> "–";
                            });
            markStyle.set(
                    result == null
                            ? "probe-pending"
                            : "probe-" + result.status().name().toLowerCase(Locale.ROOT));
            millis.set(result == null || result.status() == StepStatus.SKIPPED ? "" : result.millis() + " ms");
            detail.set(result == null ? i18n.get("step.probe.pending") : text(result.detail()));
        }
    }

    /** One TLS version of the matrix: accepted, refused, not tested, or pending, and why. */
    public final class VersionRow {
        private final TlsVersion version;
        private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
        private final ReadOnlyStringWrapper outcomeStyle =
                new ReadOnlyStringWrapper(this, "outcomeStyle", "probe-pending");
        private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");

        private VersionRow(TlsVersion version) {
            this.version = version;
        }

        /** The version in node ids (TLS_1_2: no dots, ids are CSS selectors). */
        public String id() {
            return version.name();
        }

        public String name() {
            return version.displayName();
        }

        public ReadOnlyStringProperty outcomeProperty() {
            return outcome.getReadOnlyProperty();
        }

        /** The style class of the outcome: probe-pending, probe-outcome-accepted, probe-outcome-refused... */
        public ReadOnlyStringProperty outcomeStyleProperty() {
            return outcomeStyle.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty detailProperty() {
            return detail.getReadOnlyProperty();
        }

        private void show(VersionResult result) {
            outcome.set(
                    result == null ? i18n.get("step.probe.pending") : i18n.get("probe.outcome." + result.outcome()));
            outcomeStyle.set(result == null ? "probe-pending" : "probe-outcome-" + styleName(result.outcome()));
            detail.set(result == null ? "" : text(result.detail()));
        }
    }

    /** One finding: its severity as a badge and what it means. */
    public final class FindingLine {
        private final ReadOnlyStringWrapper severity = new ReadOnlyStringWrapper(this, "severity", "");
        private final ReadOnlyStringWrapper severityStyle = new ReadOnlyStringWrapper(this, "severityStyle", "");
        private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");

        private FindingLine() {}

        public ReadOnlyStringProperty severityProperty() {
            return severity.getReadOnlyProperty();
        }

        /** The badge's style class: badge-probe-ok, badge-probe-warning... */
        public ReadOnlyStringProperty severityStyleProperty() {
            return severityStyle.getReadOnlyProperty();
        }

        public ReadOnlyStringProperty textProperty() {
            return text.getReadOnlyProperty();
        }

        private void show(ProbeFinding finding) {
            severity.set(i18n.get("probe.severity." + finding.severity()));
            severityStyle.set("badge-probe-" + finding.severity().name().toLowerCase(Locale.ROOT));
            text.set(text(finding.text()));
        }
    }
}
