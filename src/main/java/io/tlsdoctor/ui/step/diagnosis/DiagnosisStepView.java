package io.tlsdoctor.ui.step.diagnosis;

import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step "Diagnosis": the cause as a card with its confidence, the evidence chain and the next steps. Binds only. */
public final class DiagnosisStepView extends ScrollPane {

    private final DiagnosisStepViewModel viewModel;
    private final I18n i18n;
    private final VBox chainBox = new VBox(6);
    private final VBox nextBox = new VBox(4);

    public DiagnosisStepView(DiagnosisStepViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.chain().addListener((ListChangeListener<ChainItem>) c -> showChain());
        viewModel.nextSteps().addListener((ListChangeListener<String>) c -> showNextSteps());
        showChain();
        showNextSteps();
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.diagnosis.heading");
        Label mode = new Label();
        mode.setId("diagnosisMode");
        mode.getStyleClass().add("meta");
        mode.setWrapText(true);
        mode.textProperty().bind(viewModel.modeProperty());

        ProgressIndicator judging = new ProgressIndicator();
        judging.setPrefSize(18, 18);
        Label judgingText = new Label();
        judgingText.textProperty().bind(i18n.text("step.diagnosis.judging"));
        HBox progress = new HBox(8, judging, judgingText);
        progress.visibleProperty().bind(viewModel.judgingProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label problem = new Label();
        problem.setId("diagnosisProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label confidence = new Label();
        confidence.setId("diagnosisConfidence");
        confidence.getStyleClass().add("badge");
        confidence.textProperty().bind(viewModel.confidenceProperty());
        viewModel.confidenceStyleProperty().addListener((obs, old, value) -> {
            confidence.getStyleClass().removeIf(style -> style.startsWith("confidence-"));
            confidence.getStyleClass().add("confidence-" + value);
        });
        Label cause = new Label();
        cause.setId("diagnosisCause");
        cause.getStyleClass().add("card-title");
        cause.setWrapText(true);
        cause.textProperty().bind(viewModel.causeTitleProperty());
        Label explanation = new Label();
        explanation.setId("diagnosisExplanation");
        explanation.setWrapText(true);
        explanation.textProperty().bind(viewModel.explanationProperty());
        explanation.visibleProperty().bind(viewModel.explanationProperty().isNotEmpty());
        explanation.managedProperty().bind(explanation.visibleProperty());
        Button fix = new Button();
        fix.setId("openFixButton");
        fix.textProperty().bind(i18n.text("step.diagnosis.openFix"));
        fix.visibleProperty().bind(viewModel.fixOfferedProperty());
        fix.managedProperty().bind(fix.visibleProperty());
        fix.setOnAction(e -> viewModel.openFix());
        Label howToFix = new Label();
        howToFix.textProperty().bind(i18n.text("step.diagnosis.howToFix"));
        howToFix.getStyleClass().add("subheading");
        javafx.scene.control.Hyperlink docs = new javafx.scene.control.Hyperlink();
        docs.setId("diagnosisDocs");
        docs.setWrapText(true);
        docs.textProperty().bind(viewModel.docsProperty());
        Label copied = new Label();
        copied.getStyleClass().add("note");
        // no browser is reachable from here without a platform call: the address goes to the clipboard
        docs.setOnAction(e -> {
            javafx.scene.input.ClipboardContent content = new javafx.scene.input.ClipboardContent();
            content.putString(viewModel.docsAddress());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            copied.setText(i18n.get("step.diagnosis.linkCopied"));
        });
        javafx.scene.layout.VBox docsBox = new javafx.scene.layout.VBox(2, howToFix, docs, copied);
        docsBox.visibleProperty().bind(viewModel.docsProperty().isNotEmpty());
        docsBox.managedProperty().bind(docsBox.visibleProperty());
        VBox causeCard = new VBox(8, confidence, cause, explanation, fix, docsBox);
        causeCard.setId("diagnosisCard");
        causeCard.getStyleClass().add("finding-card");
        causeCard.visibleProperty().bind(viewModel.causeTitleProperty().isNotEmpty());
        causeCard.managedProperty().bind(causeCard.visibleProperty());

        Label chainHeading = section("step.diagnosis.chain.heading");
        chainBox.setId("diagnosisChain");
        Label nextHeading = section("step.diagnosis.next.heading");
        nextBox.setId("diagnosisNextSteps");
        return StepLayout.page(
                heading, mode, progress, problem, causeCard, chainHeading, chainBox, nextHeading, nextBox);
    }

    private Label section(String key) {
        Label label = new Label();
        label.getStyleClass().add("section-heading");
        label.textProperty().bind(i18n.text(key));
        return label;
    }

    private void showChain() {
        chainBox.getChildren().setAll(viewModel.chain().stream().map(this::link).toList());
    }

    private Node link(ChainItem item) {
        String bearing = item.bearingName().toLowerCase(Locale.ROOT);
        Label mark = new Label(i18n.get("step.diagnosis.bearing." + item.bearingName()));
        mark.getStyleClass().addAll("badge", "bearing-" + bearing);
        mark.setMinWidth(USE_PREF_SIZE);
        Label source = new Label(item.source());
        source.getStyleClass().add("subheading");
        source.setMinWidth(USE_PREF_SIZE);
        Label text = new Label(item.text());
        text.setWrapText(true);
        HBox row = new HBox(8, mark, source, text);
        row.getStyleClass().add("chain-link");
        return row;
    }

    private void showNextSteps() {
        nextBox.getChildren().clear();
        int n = 1;
        for (String step : viewModel.nextSteps()) {
            Label label = new Label(n++ + ". " + step);
            label.setWrapText(true);
            nextBox.getChildren().add(label);
        }
    }
}
