package io.tlsdoctor.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The frame every wizard step shares, so the steps look alike and tests find their heading by one id. */
public final class StepLayout {

    private StepLayout() {
    }

    /** A step scrolls vertically and fills the width. */
    public static void scrollable(ScrollPane step) {
        step.setFitToWidth(true);
        step.getStyleClass().add("step-scroll");
    }

    /** The step's heading ({@code #stepHeading}), following the language. */
    public static Label heading(I18n i18n, String key) {
        Label heading = new Label();
        heading.setId("stepHeading");
        heading.getStyleClass().add("step-heading");
        heading.textProperty().bind(i18n.text(key));
        return heading;
    }

    /** The step's content column. */
    public static VBox page(Node... children) {
        VBox page = new VBox(12, children);
        page.setPadding(new Insets(20, 24, 20, 24));
        page.getStyleClass().add("step");
        return page;
    }
}
