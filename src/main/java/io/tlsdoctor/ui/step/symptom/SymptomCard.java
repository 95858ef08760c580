package io.tlsdoctor.ui.step.symptom;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/**
 * A symptom card: a focusable toggle that lays out wrapped text properly (a ToggleButton's graphic is measured at
 * no width, which makes wrapped labels absurdly tall). Click or Space picks it.
 */
final class SymptomCard extends VBox {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final BooleanProperty selected = new SimpleBooleanProperty(this, "selected");

    SymptomCard(Runnable onPick) {
        super(6);
        setAlignment(Pos.TOP_LEFT);
        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.TOGGLE_BUTTON);
        getStyleClass().add("symptom-card");
        selected.addListener((obs, old, value) -> {
            pseudoClassStateChanged(SELECTED, value);
            notifyAccessibleAttributeChanged(AccessibleAttribute.SELECTED);
        });
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                onPick.run();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.SPACE) {
                onPick.run();
                e.consume();
            }
        });
    }

    BooleanProperty selectedProperty() {
        return selected;
    }

    boolean isSelected() {
        return selected.get();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.SELECTED
                ? selected.get()
                : super.queryAccessibleAttribute(attribute, parameters);
    }
}
