package io.tlsdoctor.ui.step.restart;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step "Restart": why, the choices, and "check again" with before and after. */
public final class RestartStepView extends ScrollPane {

    private final RestartStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final VBox checklistBox = new VBox(4);

    public RestartStepView(RestartStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.checklist().addListener((ListChangeListener<String>) c -> {
            checklistBox.getChildren().clear();
            viewModel.checklist().forEach(line -> {
                Label label = new Label("• " + line);
                label.setWrapText(true);
                checklistBox.getChildren().add(label);
            });
        });
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.restart.heading");
        Label need = new Label();
        need.setId("restartNeed");
        need.setWrapText(true);
        need.getStyleClass().add("section-heading");
        need.textProperty().bind(viewModel.needProperty());

        Label onlyOnServer = new Label();
        onlyOnServer.setWrapText(true);
        onlyOnServer.getStyleClass().add("note");
        onlyOnServer.textProperty().bind(i18n.text("step.restart.onlyOnServer"));
        onlyOnServer.setVisible(!viewModel.isRestartAvailable());
        onlyOnServer.managedProperty().bind(onlyOnServer.visibleProperty());

        Button now = new Button();
        now.setId("restartNowButton");
        now.textProperty().bind(i18n.text("step.restart.now"));
        now.setOnAction(e -> {
            if (dialogs.confirm(
                    i18n.get("step.restart.confirm.title"),
                    i18n.get("step.restart.confirm.now"),
                    i18n.get("step.restart.confirm.yes"),
                    i18n.get("step.restart.confirm.no"))) {
                viewModel.restartIn(0);
            }
        });
        Spinner<Integer> minutes = new Spinner<>(1, 1440, 10, 5);
        minutes.setId("restartMinutes");
        minutes.setEditable(true);
        minutes.setPrefWidth(90);
        minutes.getValueFactory()
                .valueProperty()
                .addListener((obs, old, value) -> viewModel.minutesProperty().set(value));
        Button later = new Button();
        later.setId("restartInButton");
        later.textProperty().bind(i18n.text("step.restart.in"));
        later.setOnAction(e -> viewModel.restartIn(viewModel.minutesProperty().get()));
        Label minutesLabel = new Label();
        minutesLabel.textProperty().bind(i18n.text("step.restart.minutes"));
        Button cancel = new Button();
        cancel.setId("cancelRestartButton");
        cancel.textProperty().bind(i18n.text("step.restart.cancel"));
        cancel.setOnAction(e -> viewModel.cancelRestart());
        for (Button button : new Button[] {now, later, cancel}) {
            button.setDisable(!viewModel.isRestartAvailable());
        }
        minutes.setDisable(!viewModel.isRestartAvailable());
        HBox restartRow = new HBox(8, now, later, minutes, minutesLabel, cancel);
        restartRow.setAlignment(Pos.CENTER_LEFT);

        Button remember = new Button();
        remember.setId("restartLaterButton");
        remember.textProperty().bind(i18n.text("step.restart.later"));
        remember.setOnAction(e -> viewModel.later());
        Button again = new Button();
        again.setId("checkAgainButton");
        again.textProperty().bind(i18n.text("step.restart.checkAgain"));
        again.disableProperty().bind(viewModel.runningProperty());
        again.setOnAction(e -> viewModel.checkAgain());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        HBox laterRow = new HBox(8, remember, again, busy);
        laterRow.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("restartStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label beforeAfter = new Label();
        beforeAfter.setId("beforeAfter");
        beforeAfter.setWrapText(true);
        beforeAfter.getStyleClass().addAll("verdict", "verdict-undecided");
        beforeAfter.textProperty().bind(viewModel.beforeAfterProperty());
        beforeAfter.visibleProperty().bind(viewModel.beforeAfterProperty().isNotEmpty());
        beforeAfter.managedProperty().bind(beforeAfter.visibleProperty());

        VBox root =
                StepLayout.page(heading, need, onlyOnServer, restartRow, laterRow, status, checklistBox, beforeAfter);
        return root;
    }
}
