package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.ui.common.I18n;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.VBox;

/**
 * The steps down the side of the wizard, one toggle per step: the current one selected, reached ones clickable,
 * skipped ones greyed. A fixed column, not a ListView: nine rows never scroll, and a ListView (virtual flow, scroll
 * bars, cells) alone in a window added about 0.23 s of CPU before the window showed; toggles reuse the buttons' code.
 * The rows are for the mouse: Tab goes from the header straight to the step, the keyboard moves with Back and Next.
 */
final class StepList extends VBox {

    private final WizardViewModel viewModel;
    private final I18n i18n;
    private final List<ToggleButton> items = new ArrayList<>();

    StepList(WizardViewModel viewModel, I18n i18n) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        setId("stepList");
        getStyleClass().add("step-list");
        setAccessibleRole(AccessibleRole.LIST_VIEW);
        setPrefWidth(220);
        setMinWidth(USE_PREF_SIZE);
        for (int i = 0; i < viewModel.steps().size(); i++) {
            int index = i;
            ToggleButton item = new ToggleButton();
            // by name (#step-registry), not by place: steps are added and reordered; the place stays a style class
            item.setId("step-" + viewModel.steps().get(i).stepName());
            item.getStyleClass().setAll("step-item", "step-" + (i + 1)); // not a button's look: a row of the list
            item.setAccessibleRole(AccessibleRole.LIST_ITEM);
            item.setMaxWidth(Double.MAX_VALUE);
            item.setAlignment(Pos.CENTER_LEFT);
            item.setFocusTraversable(false);
            item.setOnAction(e -> {
                viewModel.goTo(index); // refused while a step is busy or before the step is reached
                refresh();
            });
            items.add(item);
        }
        getChildren().setAll(items);
        viewModel.currentIndexProperty().addListener((obs, old, index) -> refresh());
        viewModel.furthestIndexProperty().addListener((obs, old, value) -> refresh());
        viewModel.pathRevisionProperty().addListener((obs, old, value) -> refresh());
        i18n.messagesProperty().addListener((obs, old, value) -> refresh());
        refresh();
    }

    private void refresh() {
        int current = viewModel.currentIndexProperty().get();
        int furthest = viewModel.furthestIndexProperty().get();
        for (int i = 0; i < items.size(); i++) {
            ToggleButton item = items.get(i);
            item.setText((i + 1) + ". " + i18n.get(viewModel.steps().get(i).titleKey()));
            item.setSelected(i == current);
            item.getStyleClass().removeAll("step-reached", "step-unreached", "step-skipped"); // the place class stays
            item.getStyleClass().add(i <= furthest ? "step-reached" : "step-unreached");
            if (!viewModel.isNeeded(i)) {
                item.getStyleClass().add("step-skipped"); // not needed for this symptom: Next passes over it
            }
        }
    }
}
