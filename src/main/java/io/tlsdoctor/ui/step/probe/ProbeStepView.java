package io.tlsdoctor.ui.step.probe;

import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
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
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Step "Test the connection": the targets, Test and Cancel, then one card per target with its steps as they finish,
 * the TLS version matrix, what it means, and the raw SMTP transcript one click away. Each card's nodes are built once
 * and bound to its {@link ProbeCardViewModel}; the view knows nothing of the probe's own types.
 */
public final class ProbeStepView extends ScrollPane {

    private final ProbeStepViewModel viewModel;
    private final I18n i18n;
    private final VBox cards = new VBox(12);
    /** The nodes of each card shown, built once per card. */
    private final Map<ProbeCardViewModel, Node> cardNodes = new IdentityHashMap<>();

    public ProbeStepView(ProbeStepViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.cards().addListener((ListChangeListener<ProbeCardViewModel>) change -> showCards());
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
        start.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
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
        field.disableProperty()
                .bind(javafx.beans.binding.Bindings.createBooleanBinding(
                        () -> viewModel.runningProperty().get(), viewModel.runningProperty()));
        label.setLabelFor(field);
        grid.addRow(row, label, field);
    }

    /** Adds a card's nodes the first time it shows and keeps them: a probe event changes texts, not nodes. */
    private void showCards() {
        Map<ProbeCardViewModel, Node> shown = new IdentityHashMap<>();
        for (ProbeCardViewModel card : viewModel.cards()) {
            shown.put(card, cardNodes.containsKey(card) ? cardNodes.get(card) : card(card));
        }
        cardNodes.keySet().retainAll(shown.keySet());
        cardNodes.putAll(shown);
        cards.getChildren()
                .setAll(viewModel.cards().stream().map(cardNodes::get).toList());
    }

    private Node card(ProbeCardViewModel card) {
        Label badge = bound(card.badgeProperty());
        badge.getStyleClass().addAll("badge", "badge-probe-direction");
        Label title = bound(card.titleProperty());
        title.getStyleClass().add("card-title");
        identify(title, card, "probeTitle-%d");
        title.setWrapText(true); // a long banner or name wraps instead of ending in "…"
        title.setMinWidth(0);
        HBox top = new HBox(8, badge, title);

        GridPane steps = new GridPane();
        steps.setHgap(10);
        steps.setVgap(3);
        identify(steps, card, "probeSteps-%d");
        int row = 0;
        for (ProbeCardViewModel.StepRow step : card.steps()) {
            Label mark = bound(step.markProperty());
            styled(mark, step.markStyleProperty());
            Label stepName = bound(step.nameProperty());
            Label ms = bound(step.millisProperty());
            ms.getStyleClass().add("meta");
            Label detail = bound(step.detailProperty());
            detail.setWrapText(true);
            identify(detail, card, "probeStep-%d-" + step.id());
            for (Label fixed : List.of(mark, stepName, ms)) {
                fixed.setMinWidth(Region.USE_PREF_SIZE); // the detail wraps, never these
            }
            steps.addRow(row++, mark, stepName, ms, detail);
        }

        Label matrixHeading = new Label();
        matrixHeading.textProperty().bind(i18n.text("step.probe.matrix"));
        matrixHeading.getStyleClass().add("subheading");
        GridPane matrix = new GridPane();
        matrix.setHgap(10);
        matrix.setVgap(3);
        row = 0;
        for (ProbeCardViewModel.VersionRow version : card.versions()) {
            Label outcome = bound(version.outcomeProperty());
            identify(outcome, card, "probeMatrix-%d-" + version.id());
            outcome.getStyleClass().add("probe-outcome");
            styled(outcome, version.outcomeStyleProperty());
            Label detail = bound(version.detailProperty());
            detail.setWrapText(true);
            detail.getStyleClass().add("meta");
            Label name = new Label(version.name());
            name.setMinWidth(Region.USE_PREF_SIZE);
            outcome.setMinWidth(Region.USE_PREF_SIZE);
            matrix.addRow(row++, name, outcome, detail);
        }

        Label findingsHeading = new Label();
        findingsHeading.textProperty().bind(i18n.text("step.probe.findings"));
        findingsHeading.getStyleClass().add("subheading");
        VBox findings = new VBox(4);
        identify(findings, card, "probeFindings-%d");
        card.findings().addListener((ListChangeListener<ProbeCardViewModel.FindingLine>)
                change -> findings.getChildren()
                        .setAll(card.findings().stream().map(this::finding).toList()));
        findings.getChildren()
                .setAll(card.findings().stream().map(this::finding).toList());

        TextArea transcript = new TextArea();
        transcript.textProperty().bind(card.transcriptProperty());
        transcript.prefRowCountProperty().bind(card.transcriptRowsProperty());
        transcript.setEditable(false);
        identify(transcript, card, "probeTranscript-%d");
        transcript.getStyleClass().add("probe-transcript");
        TitledPane raw = new TitledPane();
        raw.textProperty().bind(i18n.text("step.probe.transcript"));
        raw.setContent(transcript);
        identify(raw, card, "probeTranscriptPane-%d");
        // the transcript as wide as the card: SMTP lines are long and read badly wrapped in a narrow pane
        raw.setMaxWidth(Double.MAX_VALUE);
        transcript.setMaxWidth(Double.MAX_VALUE);
        raw.expandedProperty().bindBidirectional(card.transcriptOpenProperty());

        VBox box = new VBox(8, top, steps, matrixHeading, matrix);
        // what was found and the transcript show once the target's probe has finished
        List<Node> afterFinish = List.of(findingsHeading, findings, raw);
        for (Node node : afterFinish) {
            node.visibleProperty().bind(card.finishedProperty());
            node.managedProperty().bind(card.finishedProperty());
        }
        box.getChildren().addAll(afterFinish);
        identify(box, card, "probeTarget-%d");
        box.getStyleClass().addAll("finding-card", "probe-card");
        return box;
    }

    private Node finding(ProbeCardViewModel.FindingLine finding) {
        Label severity = bound(finding.severityProperty());
        severity.getStyleClass().add("badge");
        styled(severity, finding.severityStyleProperty());
        severity.setMinWidth(Region.USE_PREF_SIZE);
        Label text = bound(finding.textProperty());
        text.setWrapText(true);
        return new HBox(8, severity, text);
    }

    private static Label bound(ObservableValue<String> text) {
        Label label = new Label();
        label.textProperty().bind(text);
        return label;
    }

    /** Ids carry the card's place (probeTitle-0): a card keeps its nodes when an earlier card is planned later. */
    private static void identify(Node node, ProbeCardViewModel card, String format) {
        node.idProperty().bind(card.indexProperty().asString(format));
    }

    /** Keeps one style class of {@code node} equal to {@code style}'s value, as the ViewModel changes it. */
    private static void styled(Node node, ObservableValue<String> style) {
        node.getStyleClass().add(style.getValue());
        style.addListener((obs, old, value) -> {
            node.getStyleClass().remove(old);
            node.getStyleClass().add(value);
        });
    }
}
