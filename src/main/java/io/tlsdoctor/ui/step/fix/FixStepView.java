package io.tlsdoctor.ui.step.fix;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.SVGPath;
import javafx.scene.text.Text;

/** Step "Fix": the plan table, Save .reg, Apply (administrator) or Rehearse, the verified result and Undo. */
public final class FixStepView extends ScrollPane {

    private final FixStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final VBox notesBox = new VBox(4);
    private final VBox resultBox = new VBox(2);

    public FixStepView(FixStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.notes().addListener((ListChangeListener<String>) c -> showLines(notesBox, viewModel.notes(), "note"));
        viewModel.resultLines().addListener((ListChangeListener<String>)
                c -> showLines(resultBox, viewModel.resultLines(), "exact-text"));
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.fix.heading");
        Label summary = new Label();
        summary.setId("fixSummary");
        summary.setWrapText(true);
        summary.getStyleClass().add("section-heading");
        summary.textProperty().bind(viewModel.summaryProperty());

        TableView<PlanRow> table = new TableView<>(viewModel.rows());
        table.setId("planTable");
        StepLayout.passWheelAtEnds(table);
        table.getColumns().add(column("step.fix.column.part", PlanRow::part, 0.11));
        table.getColumns().add(pathColumn("step.fix.column.value", PlanRow::value, 0.33));
        table.getColumns().add(column("step.fix.column.current", PlanRow::current, 0.14));
        table.getColumns().add(column("step.fix.column.new", PlanRow::target, 0.14));
        table.getColumns().add(column("step.fix.column.why", PlanRow::why, 0.26));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // every row of the plan at once: the page scrolls, never the table (four rows of ten was all a user saw)
        table.setPrefHeight(440);
        fitToRows(table);
        // read-only, and now taller than the page: focus landing on it (a button disabled while the change runs hands
        // focus on) would scroll the page away from the buttons and the result
        table.setFocusTraversable(false);
        table.placeholderProperty().setValue(new Label());
        table.visibleProperty().bind(viewModel.planProperty().isNotNull());
        table.managedProperty().bind(table.visibleProperty());

        Button save = new Button();
        save.setId("saveRegButton");
        save.textProperty().bind(i18n.text("step.fix.saveReg"));
        save.disableProperty().bind(viewModel.canApplyProperty().not());
        save.setOnAction(e -> dialogs.chooseSaveFile(
                        io.tlsdoctor.ui.common.FilePurpose.REG_STORE,
                        i18n.get("step.fix.saveReg.title"),
                        "tls12-fix.reg")
                .ifPresent(viewModel::saveReg));

        Button apply = new Button();
        apply.setId("applyButton");
        apply.textProperty().bind(i18n.text("step.fix.apply"));
        apply.setGraphic(shield());
        apply.setVisible(viewModel.isLiveAvailable());
        apply.managedProperty().bind(apply.visibleProperty());
        apply.disableProperty().bind(viewModel.canApplyProperty().not());
        apply.setOnAction(e -> {
            if (dialogs.confirm(
                    i18n.get("step.fix.confirm.title"),
                    viewModel.applyQuestion(true),
                    i18n.get("step.fix.confirm.yes"),
                    i18n.get("step.fix.confirm.no"))) {
                viewModel.applyLive();
            }
        });

        Button rehearse = new Button();
        rehearse.setId("rehearseButton");
        rehearse.textProperty().bind(i18n.text("step.fix.rehearse"));
        rehearse.visibleProperty()
                .bind(viewModel
                        .hasExportsProperty()
                        .or(javafx.beans.binding.Bindings.createBooleanBinding(() -> !viewModel.isLiveAvailable())));
        rehearse.managedProperty().bind(rehearse.visibleProperty());
        rehearse.disableProperty().bind(viewModel.canRehearseProperty().not());
        rehearse.setOnAction(e -> {
            if (dialogs.confirm(
                    i18n.get("step.fix.confirm.rehearse.title"),
                    viewModel.applyQuestion(false),
                    i18n.get("step.fix.confirm.rehearse.yes"),
                    i18n.get("step.fix.confirm.no"))) {
                viewModel.rehearse();
            }
        });

        Button undo = new Button();
        undo.setId("undoButton");
        undo.textProperty().bind(i18n.text("step.fix.undo"));
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        undo.setOnAction(e -> viewModel.undo());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(viewModel.runningProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label progress = new Label();
        progress.setId("fixProgress");
        progress.setWrapText(true);
        progress.textProperty().bind(viewModel.progressProperty());
        // the wait for the elevated helper (UAC prompt, then the helper) can be left; what that means is said beside it
        Button stopWaiting = new Button();
        stopWaiting.setId("stopWaitingButton");
        stopWaiting.textProperty().bind(i18n.text("step.fix.stopWaiting"));
        stopWaiting.visibleProperty().bind(viewModel.waitingProperty());
        stopWaiting.managedProperty().bind(stopWaiting.visibleProperty());
        stopWaiting.setOnAction(e -> viewModel.stopWaiting());
        Button reread = new Button();
        reread.setId("rereadRegistryButton");
        reread.textProperty().bind(i18n.text("step.fix.reread"));
        reread.visibleProperty().bind(viewModel.stoppedWaitingProperty());
        reread.managedProperty().bind(reread.visibleProperty());
        reread.disableProperty().bind(viewModel.runningProperty());
        reread.setOnAction(e -> viewModel.readRegistryAgain());
        HBox actions = new HBox(8, save, apply, rehearse, undo, stopWaiting, reread, busy, progress);
        // the buttons keep their words; the progress line wraps beside them instead of squeezing them to "…"
        for (Button button : java.util.List.of(save, apply, rehearse, undo, stopWaiting, reread)) {
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        progress.setMinWidth(120);
        HBox.setHgrow(progress, javafx.scene.layout.Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label outcome = new Label();
        outcome.setId("fixOutcome");
        outcome.setWrapText(true);
        outcome.textProperty().bind(viewModel.outcomeProperty());
        outcome.visibleProperty().bind(viewModel.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        viewModel.outcomeKindProperty().addListener((obs, old, kind) -> {
            outcome.getStyleClass().removeIf(c -> c.startsWith("verdict"));
            outcome.getStyleClass()
                    .addAll(
                            "verdict",
                            "verdict-"
                                    + switch (kind) {
                                        case SUCCESS -> "ready";
                                        case NOTHING -> "undecided";
                                        case FAILED -> "not-ready";
                                        case NONE -> "not-run";
                                    });
        });
        Label waitNote = new Label();
        waitNote.setId("fixWaitNote");
        waitNote.setWrapText(true);
        waitNote.getStyleClass().add("help-box");
        waitNote.textProperty().bind(viewModel.waitNoteProperty());
        waitNote.visibleProperty().bind(viewModel.waitNoteProperty().isNotEmpty());
        waitNote.managedProperty().bind(waitNote.visibleProperty());
        Label rehearsal = new Label();
        rehearsal.setId("rehearsalFile");
        rehearsal.setWrapText(true);
        rehearsal.getStyleClass().add("meta");
        rehearsal
                .textProperty()
                .bind(javafx.beans.binding.Bindings.createStringBinding(
                        () -> viewModel.rehearsalFileProperty().get() == null
                                ? ""
                                : i18n.get(
                                        "step.fix.rehearsal.file",
                                        viewModel.rehearsalFileProperty().get().toString()),
                        viewModel.rehearsalFileProperty(),
                        i18n.messagesProperty()));
        resultBox.setId("fixResult");

        Label offline = new Label();
        offline.setId("offlineFixSteps");
        offline.setWrapText(true);
        offline.getStyleClass().add("help-box");
        offline.textProperty().bind(i18n.text("step.fix.offline.how"));
        // off the server nothing here can change it: say how the fix gets there
        offline.setVisible(!viewModel.isLiveAvailable());
        offline.managedProperty().bind(offline.visibleProperty());

        // the buttons and their result before the plan: in reach without scrolling, the plan below gets the height
        Label parts = new Label();
        parts.setWrapText(true);
        parts.getStyleClass().add("note");
        parts.textProperty().bind(i18n.text("step.fix.parts.legend"));
        parts.visibleProperty().bind(table.visibleProperty());
        parts.managedProperty().bind(parts.visibleProperty());

        VBox root = StepLayout.page(
                heading, summary, offline, actions, waitNote, outcome, rehearsal, parts, table, notesBox, resultBox);
        return root;
    }

    /**
     * Keeps the table as tall as its header and all its rows. Rows wrap, so their heights are known only once laid
     * out: the table first grows until every row has a cell, then takes the sum of their heights.
     */
    private static void fitToRows(TableView<PlanRow> table) {
        boolean[] queued = {false};
        Runnable refit = () -> {
            queued[0] = false;
            int size = table.getItems().size();
            Node header = table.lookup(".column-header-background");
            if (header == null) {
                return; // no skin yet: the first layout will ask again
            }
            java.util.Map<Integer, Double> heights = new java.util.HashMap<>();
            for (Node node : table.lookupAll(".table-row-cell")) {
                if (node instanceof javafx.scene.control.TableRow<?> row
                        && row.isVisible()
                        && !row.isEmpty()
                        && row.getIndex() >= 0
                        && row.getIndex() < size) {
                    heights.put(row.getIndex(), row.getHeight());
                }
            }
            double chrome =
                    header.getLayoutBounds().getHeight() + table.snappedTopInset() + table.snappedBottomInset() + 2;
            double wanted = heights.size() < size
                    ? table.getHeight() + 120.0 * (size - heights.size()) // rows without a cell yet: grow, then measure
                    : chrome
                            + heights.values().stream()
                                    .mapToDouble(Double::doubleValue)
                                    .sum()
                            + (size == 0 ? 60 : 0);
            if (Math.abs(wanted - table.getPrefHeight()) > 1) {
                table.setPrefHeight(wanted);
            }
        };
        Runnable later = () -> {
            if (!queued[0]) {
                queued[0] = true;
                javafx.application.Platform.runLater(refit);
            }
        };
        table.getItems().addListener((ListChangeListener<PlanRow>) c -> later.run());
        table.widthProperty().addListener((obs, old, value) -> later.run());
        table.heightProperty().addListener((obs, old, value) -> later.run());
        table.skinProperty().addListener((obs, old, value) -> later.run());
    }

    private TableColumn<PlanRow, String> column(String titleKey, Function<PlanRow, String> value, double share) {
        TableColumn<PlanRow, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(titleKey));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setCellFactory(c -> new WrappingCell());
        column.setPrefWidth(820 * share);
        column.setSortable(false);
        return column;
    }

    private TableColumn<PlanRow, String> pathColumn(String titleKey, Function<PlanRow, String> value, double share) {
        TableColumn<PlanRow, String> column = column(titleKey, value, share);
        column.setCellFactory(c -> new PathCell());
        return column;
    }

    /** A registry path wraps between its keys (one piece per key), never in the middle of a key's name. */
    private static final class PathCell extends TableCell<PlanRow, String> {
        private final javafx.scene.layout.FlowPane pieces = new javafx.scene.layout.FlowPane();

        PathCell() {
            pieces.prefWrapLengthProperty().bind(widthProperty().subtract(10));
            pieces.maxWidthProperty().bind(widthProperty().subtract(10));
            setGraphic(pieces);
        }

        /** As high as the pieces need at the column's width (not at the width they were first laid out at). */
        @Override
        protected double computePrefHeight(double width) {
            double available = (width > 0 ? width : getWidth()) - 10;
            if (available <= 0) {
                return super.computePrefHeight(width);
            }
            return pieces.prefHeight(available) + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            pieces.getChildren().clear();
            if (empty || item == null) {
                return;
            }
            String[] keys = item.split("(?<=\\\\)");
            for (String key : keys) {
                Text piece = new Text(key);
                piece.getStyleClass().add("table-text");
                pieces.getChildren().add(piece);
            }
        }
    }

    /** Registry paths and reasons are long: wrap them instead of cutting them off. */
    private static final class WrappingCell extends TableCell<PlanRow, String> {
        private final Text text = new Text();

        WrappingCell() {
            text.wrappingWidthProperty().bind(widthProperty().subtract(10));
            text.getStyleClass().add("table-text");
            setGraphic(text);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty || item == null ? "" : item);
        }
    }

    private static void showLines(VBox box, java.util.List<String> lines, String style) {
        box.getChildren().clear();
        for (String line : lines) {
            Label label = new Label(style.equals("note") ? "• " + line : line);
            label.setWrapText(true);
            label.getStyleClass().add(style);
            box.getChildren().add(label);
        }
    }

    /** Windows' cue that a button needs administrator rights. */
    private static Node shield() {
        SVGPath shield = new SVGPath();
        shield.setContent("M7 0 L14 2.5 V7 C14 11 11 13.5 7 15 C3 13.5 0 11 0 7 V2.5 Z");
        shield.setFill(Color.web("#1f5fa8"));
        SVGPath half = new SVGPath();
        half.setContent("M7 0 L14 2.5 V7 H7 Z M7 7 V15 C3 13.5 0 11 0 7 Z");
        half.setFill(Color.web("#f2c230"));
        javafx.scene.Group group = new javafx.scene.Group(shield, half);
        group.getStyleClass().add("admin-shield");
        return group;
    }
}
