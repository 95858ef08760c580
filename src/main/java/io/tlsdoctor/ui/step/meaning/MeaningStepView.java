package io.tlsdoctor.ui.step.meaning;

import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Step 2: each finding as a card (category, direction, meaning, the evidence with the match highlighted). */
public final class MeaningStepView extends ScrollPane {

    private final MeaningStepViewModel viewModel;
    private final I18n i18n;
    private final VBox findingsBox = new VBox(12);
    private final VBox checksBox = new VBox(4);
    private final VBox routeBox = new VBox(4);
    private static final javafx.css.PseudoClass VERDICT = javafx.css.PseudoClass.getPseudoClass("verdict");

    public MeaningStepView(MeaningStepViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.findings().addListener((ListChangeListener<FindingItem>) c -> showFindings());
        viewModel.nextChecks().addListener((ListChangeListener<String>) c -> showChecks());
        viewModel.route().addListener((ListChangeListener<String>) c -> showRoute());
        showFindings();
        showChecks();
        showRoute();
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.meaning.heading");
        Label summary = new Label();
        summary.setId("meaningSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(viewModel.summaryProperty());
        // "not your server" is the verdict of this step, so it is shown as one, not as ordinary text
        viewModel
                .notYourServerProperty()
                .addListener((obs, old, notOurs) -> summary.pseudoClassStateChanged(VERDICT, notOurs));
        summary.pseudoClassStateChanged(
                VERDICT, viewModel.notYourServerProperty().get());
        Label routeHeading = new Label();
        routeHeading.getStyleClass().add("subheading");
        routeHeading.textProperty().bind(i18n.text("step.meaning.route.heading"));
        routeBox.setId("routeFacts");
        routeBox.getStyleClass().add("help-box");
        routeBox.getChildren().add(routeHeading);
        routeBox.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.route()));
        routeBox.managedProperty().bind(routeBox.visibleProperty());
        Label nothing = new Label();
        nothing.setId("nothingHelp");
        nothing.setWrapText(true);
        nothing.getStyleClass().add("help-box");
        nothing.textProperty().bind(i18n.text("step.meaning.nothing.help"));
        nothing.visibleProperty().bind(viewModel.nothingRecognisedProperty());
        nothing.managedProperty().bind(nothing.visibleProperty());
        findingsBox.setId("findings");
        Label checksHeading = new Label();
        checksHeading.getStyleClass().add("section-heading");
        checksHeading.textProperty().bind(i18n.text("step.meaning.next.heading"));
        checksBox.setId("nextChecks");
        Label end = new Label();
        end.setWrapText(true);
        end.getStyleClass().add("note");
        end.setId("meaningEnd");
        end.textProperty().bind(viewModel.endNoteProperty());
        VBox root = StepLayout.page(heading, summary, nothing, routeBox, findingsBox, checksHeading, checksBox, end);
        return root;
    }

    private void showFindings() {
        findingsBox
                .getChildren()
                .setAll(viewModel.findings().stream().map(this::findingCard).toList());
    }

    private void showRoute() {
        routeBox.getChildren().remove(1, routeBox.getChildren().size());
        for (String line : viewModel.route()) {
            Label label = new Label(line);
            label.setWrapText(true);
            label.getStyleClass().add("route-fact");
            routeBox.getChildren().add(label);
        }
    }

    private void showChecks() {
        checksBox.getChildren().clear();
        int n = 1;
        for (String check : viewModel.nextChecks()) {
            Label label = new Label(n++ + ". " + check);
            label.setWrapText(true);
            checksBox.getChildren().add(label);
        }
    }

    private Node findingCard(FindingItem item) {
        Label badge = new Label(item.categoryLabel());
        badge.getStyleClass().addAll("badge", "badge-" + item.categoryStyle());
        Label title = new Label(item.title());
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        HBox top = new HBox(8, badge, title);
        Label direction = new Label(item.directionLabel() + " — " + item.directionDetail());
        direction.getStyleClass().add("direction");
        direction.setWrapText(true);
        direction.setId("direction-" + item.codeName());
        Label explanation = new Label(item.explanation());
        explanation.setWrapText(true);
        VBox card = new VBox(8, top, direction, explanation);
        if (item.hasExcerpt()) {
            card.getChildren().add(evidence(item));
        }
        Label lines = new Label(item.linesText() + " · " + item.confidenceText());
        lines.getStyleClass().add("meta");
        card.getChildren().add(lines);
        if (!item.causes().isEmpty()) {
            Label causesHeading = new Label(i18n.get("step.meaning.causes"));
            causesHeading.getStyleClass().add("subheading");
            card.getChildren().add(causesHeading);
            for (String cause : item.causes()) {
                Label label = new Label("• " + cause);
                label.setWrapText(true);
                card.getChildren().add(label);
            }
        }
        card.setId("finding-" + item.codeName());
        card.getStyleClass().addAll("finding-card", "finding-" + item.categoryStyle());
        return card;
    }

    /** The evidence line with the recognised text highlighted, so the user sees exactly what was meant. */
    private Node evidence(FindingItem item) {
        String excerpt = item.excerpt();
        int start = Math.max(0, Math.min(item.matchStart(), excerpt.length()));
        int end = Math.max(start, Math.min(item.matchEnd(), excerpt.length()));
        Text before = new Text(excerpt.substring(0, start));
        Text match = new Text(excerpt.substring(start, end));
        match.getStyleClass().add("evidence-match");
        Text after = new Text(excerpt.substring(end));
        before.getStyleClass().add("evidence-text");
        after.getStyleClass().add("evidence-text");
        TextFlow flow = new TextFlow(before, match, after);
        flow.getStyleClass().add("evidence");
        flow.setId("evidence-" + item.codeName());
        flow.setPadding(new Insets(6, 8, 6, 8));
        return flow;
    }
}
