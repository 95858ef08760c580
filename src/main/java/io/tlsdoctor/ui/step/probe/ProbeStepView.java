package io.tlsdoctor.ui.step.probe;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.StepName;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionResult;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Step "Test the connection": the targets, Test and Cancel, then one card per target with its steps as they finish,
 * the TLS version matrix, what it means, and the raw SMTP transcript one click away.
 */
public final class ProbeStepView extends ScrollPane {

    private final ProbeStepViewModel viewModel;
    private final I18n i18n;
    private final VBox cards = new VBox(12);
    /** Transcripts the user opened stay open while the cards are redrawn. */
    private final Set<String> openTranscripts = new HashSet<>();

    public ProbeStepView(ProbeStepViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.revisionProperty().addListener((obs, old, value) -> showCards());
        showCards();
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.probe.heading");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.text("step.probe.intro"));

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(6);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        fields.getColumnConstraints().addAll(new ColumnConstraints(), grow);
        addField(fields, 0, "probeDomain", "step.probe.field.domain", viewModel.domainProperty());
        addField(fields, 1, "probeSmartHost", "step.probe.field.smartHost", viewModel.smartHostProperty());
        addField(fields, 2, "probeLocalServer", "step.probe.field.localServer", viewModel.localServerProperty());

        Button start = new Button();
        start.setId("probeStart");
        start.setDefaultButton(false);
        start.textProperty().bind(i18n.text("step.probe.start"));
        start.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.runningProperty().get(), viewModel.runningProperty()));
        start.setOnAction(e -> viewModel.start());
        Button cancel = new Button();
        cancel.setId("probeCancel");
        cancel.textProperty().bind(i18n.text("step.probe.cancel"));
        cancel.visibleProperty().bind(start.disabledProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        Label status = new Label();
        status.setId("probeStatus");
        status.setWrapText(true);
        status.getStyleClass().add("meta");
        status.textProperty().bind(viewModel.statusProperty());
        HBox actions = new HBox(10, start, cancel, status);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        cards.setId("probeTargets");
        VBox root = StepLayout.page(heading, intro, fields, actions, cards);
        return root;
    }

    private void addField(GridPane grid, int row, String id, String key, javafx.beans.property.StringProperty value) {
        Label label = new Label();
        label.textProperty().bind(i18n.text(key));
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        field.promptTextProperty().bind(i18n.text(key + ".prompt"));
        field.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> viewModel.runningProperty().get(), viewModel.runningProperty()));
        label.setLabelFor(field);
        grid.addRow(row, label, field);
    }

    private void showCards() {
        cards.getChildren().clear();
        List<TargetProgress> targets = viewModel.targets();
        for (int i = 0; i < targets.size(); i++) {
            cards.getChildren().add(card(i, targets.get(i)));
        }
    }

    private Node card(int index, TargetProgress progress) {
        TargetReport report = progress.report();
        boolean inbound = progress.direction() == Direction.EXO_TO_ONPREM;
        Label badge = new Label(i18n.get(inbound ? "step.probe.direction.inbound" : "step.probe.direction.outbound"));
        badge.getStyleClass().addAll("badge", "badge-probe-direction");
        String where = progress.target().display();
        if (progress.target().mxPreference() != null) {
            where += "  " + i18n.get("step.probe.mx", progress.target().mxPreference(), progress.target().mxDomain());
        }
        Label title = new Label(where);
        title.getStyleClass().add("card-title");
        title.setId("probeTitle-" + index);
        title.setWrapText(true); // a long banner or name wraps instead of ending in "…"
        title.setMinWidth(0);
        HBox top = new HBox(8, badge, title);

        GridPane steps = new GridPane();
        steps.setHgap(10);
        steps.setVgap(3);
        steps.setId("probeSteps-" + index);
        int row = 0;
        for (StepName name : StepName.values()) {
            StepResult step = progress.steps().stream().filter(s -> s.name() == name).findFirst().orElse(null);
            Label mark = new Label(step == null ? "…" : switch (step.status()) {
                case OK -> "✔";
                case FAILED -> "✖";
                case SKIPPED -> "–";
            });
            mark.getStyleClass().add(step == null ? "probe-pending" : "probe-" + step.status().name().toLowerCase(Locale.ROOT));
            Label stepName = new Label(i18n.get("probe.step." + name.id()));
            Label ms = new Label(step == null || step.status() == io.tlsdoctor.core.probe.StepStatus.SKIPPED ? "" : step.millis() + " ms");
            ms.getStyleClass().add("meta");
            Label detail = new Label(step == null ? i18n.get("step.probe.pending") : viewModel.text(step.detail()));
            detail.setWrapText(true);
            detail.setId("probeStep-" + index + "-" + name.id());
            for (Label fixed : List.of(mark, stepName, ms)) {
                fixed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the detail wraps, never these
            }
            steps.addRow(row++, mark, stepName, ms, detail);
        }

        Label matrixHeading = new Label(i18n.get("step.probe.matrix"));
        matrixHeading.getStyleClass().add("subheading");
        GridPane matrix = new GridPane();
        matrix.setHgap(10);
        matrix.setVgap(3);
        row = 0;
        for (TlsVersion version : TlsVersion.values()) {
            VersionResult result = progress.version(version);
            Label outcome = new Label(result == null ? i18n.get("step.probe.pending") : i18n.get("probe.outcome." + result.outcome()));
            outcome.setId("probeMatrix-" + index + "-" + version.name()); // no dots: ids are CSS selectors
            outcome.getStyleClass().addAll("probe-outcome",
                    result == null ? "probe-pending" : "probe-outcome-" + result.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            Label detail = new Label(result == null ? "" : viewModel.text(result.detail()));
            detail.setWrapText(true);
            detail.getStyleClass().add("meta");
            Label name = new Label(version.displayName());
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            outcome.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            matrix.addRow(row++, name, outcome, detail);
        }

        VBox card = new VBox(8, top, steps, matrixHeading, matrix);
        if (report != null) {
            Label findingsHeading = new Label(i18n.get("step.probe.findings"));
            findingsHeading.getStyleClass().add("subheading");
            VBox findings = new VBox(4);
            findings.setId("probeFindings-" + index);
            List<ProbeFinding> shown = new java.util.ArrayList<>(report.findings());
            if (progress.schannel() != null) {
                shown.add(progress.schannel());
            }
            for (ProbeFinding finding : shown) {
                Label severity = new Label(i18n.get("probe.severity." + finding.severity()));
                severity.getStyleClass().addAll("badge", "badge-probe-" + finding.severity().name().toLowerCase(Locale.ROOT));
                severity.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                Label text = new Label(viewModel.text(finding.text()));
                text.setWrapText(true);
                HBox line = new HBox(8, severity, text);
                findings.getChildren().add(line);
            }
            TextArea transcript = new TextArea(String.join("\n", report.transcript()));
            transcript.setEditable(false);
            transcript.setId("probeTranscript-" + index);
            transcript.getStyleClass().add("probe-transcript");
            transcript.setPrefRowCount(Math.min(14, Math.max(4, report.transcript().size())));
            TitledPane raw = new TitledPane(i18n.get("step.probe.transcript"), transcript);
            raw.setId("probeTranscriptPane-" + index);
            // the transcript as wide as the card: SMTP lines are long and read badly wrapped in a narrow pane
            raw.setMaxWidth(Double.MAX_VALUE);
            transcript.setMaxWidth(Double.MAX_VALUE);
            String key = progress.direction() + "|" + progress.target().display();
            raw.setExpanded(openTranscripts.contains(key));
            raw.expandedProperty().addListener((obs, old, open) -> {
                if (open) {
                    openTranscripts.add(key);
                } else {
                    openTranscripts.remove(key);
                }
            });
            card.getChildren().addAll(findingsHeading, findings, raw);
        }
        card.setId("probeTarget-" + index);
        card.getStyleClass().addAll("finding-card", "probe-card");
        return card;
    }
}
