package io.tlsdoctor.ui.common;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;

/** The frame every wizard step shares, so the steps look alike and tests find their heading by one id. */
public final class StepLayout {

    private StepLayout() {}

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

    /**
     * A wrapping label with an id and a style class, showing {@code text} and taking no room while it is empty (a
     * problem or a note that most of the time is not there).
     */
    public static Label shownWhenNotEmpty(String id, String styleClass, javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    /** The step's content column. */
    public static VBox page(Node... children) {
        VBox page = new VBox(12, children);
        page.setPadding(new Insets(20, 24, 20, 24));
        page.getStyleClass().add("step");
        return page;
    }

    /**
     * A table inside a scrolling step: the mouse wheel scrolls the table while it can, then the step, instead of the
     * table swallowing the wheel at its ends (the page seemed stuck under the pointer).
     */
    public static void passWheelAtEnds(javafx.scene.control.Control inner) {
        inner.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            javafx.scene.control.ScrollBar bar = inner.lookupAll(".scroll-bar").stream()
                    .filter(n -> n instanceof javafx.scene.control.ScrollBar b
                            && b.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                    .map(n -> (javafx.scene.control.ScrollBar) n)
                    .findFirst()
                    .orElse(null);
            boolean canScroll = bar != null
                    && bar.isVisible()
                    && (e.getDeltaY() > 0 ? bar.getValue() > bar.getMin() : bar.getValue() < bar.getMax());
            if (!canScroll) {
                for (javafx.scene.Parent p = inner.getParent(); p != null; p = p.getParent()) {
                    if (p instanceof ScrollPane outer) {
                        e.consume();
                        outer.fireEvent(e.copyFor(outer, outer));
                        return;
                    }
                }
            }
        });
    }
}
