package io.tlsdoctor.ui.review;

import io.tlsdoctor.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A saved summary, read-only: who made it, where and when, and the document itself. Binds only. */
public final class ReviewView extends BorderPane {

    public ReviewView(ReviewViewModel viewModel, I18n i18n, Runnable close) {
        getStyleClass().add("wizard");
        Label badge = new Label();
        badge.getStyleClass().addAll("badge", "confidence-low");
        badge.textProperty().bind(i18n.text("review.badge"));
        Label heading = new Label();
        heading.setId("reviewHeading");
        heading.getStyleClass().add("step-heading");
        heading.textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> i18n.get(
                                "review.heading", viewModel.fileNameProperty().get()),
                        i18n.messagesProperty(),
                        viewModel.fileNameProperty()));
        Label origin = new Label();
        origin.setId("reviewOrigin");
        origin.setWrapText(true);
        origin.getStyleClass().add("meta");
        origin.textProperty().bind(viewModel.originProperty());
        Label problem = new Label();
        problem.setId("reviewProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("status-problem");
        problem.textProperty().bind(viewModel.problemProperty());
        problem.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        TextArea document = new TextArea();
        document.setId("reviewDocument");
        document.setEditable(false);
        document.setWrapText(true);
        document.getStyleClass().add("summary-preview");
        document.textProperty().bind(viewModel.documentProperty());
        document.visibleProperty().bind(viewModel.problemProperty().isEmpty());
        VBox.setVgrow(document, Priority.ALWAYS);
        VBox page = new VBox(10, new HBox(8, badge), heading, origin, problem, document);
        page.setPadding(new Insets(20, 24, 12, 24));
        setCenter(page);

        Button closeButton = new Button();
        closeButton.setId("closeReviewButton");
        closeButton.textProperty().bind(i18n.text("review.close"));
        closeButton.setCancelButton(true);
        closeButton.setDefaultButton(true);
        closeButton.setOnAction(e -> close.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(spacer, closeButton);
        buttons.setPadding(new Insets(10, 16, 12, 16));
        buttons.getStyleClass().add("wizard-buttons");
        setBottom(buttons);
    }
}
