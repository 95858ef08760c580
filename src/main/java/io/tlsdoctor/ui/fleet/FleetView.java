package io.tlsdoctor.ui.fleet;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The fleet view: where the servers come from (a folder, or names checked live), the bottom line, what differs in
 * words, the table of servers by checks (virtualised, so hundreds of servers scroll), the selected server's fix, the
 * files not compared, and saving it for the ticket. Binds to {@link FleetViewModel}; no logic here.
 */
public final class FleetView extends BorderPane {

    private static final List<String> TONES = List.of("fleet-good", "fleet-warn", "fleet-bad", "fleet-unknown");

    private final FleetViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final TableView<FleetRow> table = new TableView<>();
    private final VBox differences = new VBox(4);

    public FleetView(FleetViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        setId("fleetView");
        getStyleClass().add("fleet-view");
        setPadding(new Insets(12));
        setTop(createSources());
        setCenter(createResult());
    }

    private VBox createSources() {
        Label intro = new Label();
        intro.setId("fleetIntro");
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.text(viewModel.liveAvailable() ? "fleet.ui.intro" : "fleet.ui.introOffline"));

        Button open = new Button();
        open.setId("fleetOpenFolder");
        open.textProperty().bind(i18n.text("fleet.ui.openFolder"));
        open.disableProperty().bind(viewModel.busyProperty());
        open.setOnAction(
                e -> dialogs.chooseFolder(i18n.get("fleet.ui.openFolder")).ifPresent(viewModel::openFolder));

        TextArea names = new TextArea();
        names.setId("fleetServers");
        names.setPrefRowCount(2);
        names.setWrapText(true);
        names.promptTextProperty().bind(i18n.text("fleet.ui.serversPrompt"));
        names.textProperty().bindBidirectional(viewModel.serverNamesProperty());
        TextField host = new TextField();
        host.setId("fleetHandshakeHost");
        host.promptTextProperty().bind(i18n.text("fleet.ui.handshakePrompt"));
        host.textProperty().bindBidirectional(viewModel.handshakeHostProperty());
        Button check = new Button();
        check.setId("fleetCheck");
        check.textProperty().bind(i18n.text("fleet.ui.check"));
        check.disableProperty().bind(viewModel.busyProperty());
        check.setDefaultButton(true);
        check.setOnAction(e -> viewModel.checkServers());
        Button cancel = new Button();
        cancel.setId("fleetCancel");
        cancel.textProperty().bind(i18n.text("fleet.ui.cancel"));
        cancel.disableProperty().bind(viewModel.busyProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        HBox.setHgrow(names, Priority.ALWAYS);
        HBox live = new HBox(8, names, new VBox(6, host, new HBox(6, check, cancel)));
        live.setVisible(viewModel.liveAvailable());
        live.setManaged(viewModel.liveAvailable());

        ProgressBar progress = new ProgressBar();
        progress.setId("fleetProgress");
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        Label status = new Label();
        status.setId("fleetStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        HBox statusRow = new HBox(8, open, progress, status);
        statusRow.setFillHeight(false);

        Label bottomLine = new Label();
        bottomLine.setId("fleetBottomLine");
        bottomLine.setWrapText(true);
        bottomLine.textProperty().bind(viewModel.bottomLineProperty());
        bottomLine.getStyleClass().add("verdict");
        bottomLine.visibleProperty().bind(viewModel.hasResultProperty());
        bottomLine.managedProperty().bind(viewModel.hasResultProperty());
        viewModel.brokenProperty().addListener((obs, old, value) -> {
            bottomLine.getStyleClass().removeAll("verdict-ready", "verdict-not-ready");
            bottomLine.getStyleClass().add(value ? "verdict-not-ready" : "verdict-ready");
        });
        bottomLine.getStyleClass().add("verdict-ready");

        differences.setId("fleetDifferences");
        viewModel.differences().addListener((ListChangeListener<String>) change -> showDifferences());
        ScrollPane differenceScroll = new ScrollPane(differences);
        differenceScroll.setFitToWidth(true);
        differenceScroll.setMaxHeight(140);
        differenceScroll.visibleProperty().bind(viewModel.hasResultProperty());
        differenceScroll.managedProperty().bind(viewModel.hasResultProperty());
        Label agreed = new Label();
        agreed.setId("fleetAgreed");
        agreed.setWrapText(true);
        agreed.textProperty().bind(viewModel.agreedProperty());

        VBox top = new VBox(8, intro, live, statusRow, bottomLine, differenceScroll, agreed);
        top.setPadding(new Insets(0, 0, 8, 0));
        return top;
    }

    private void showDifferences() {
        differences.getChildren().clear();
        for (String sentence : viewModel.differences()) {
            Label line = new Label("• " + sentence);
            line.setWrapText(true);
            line.getStyleClass().add("fleet-difference");
            differences.getChildren().add(line);
        }
    }

    private SplitPane createResult() {
        table.setId("fleetTable");
        table.setItems(viewModel.rows());
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.placeholderProperty().set(new Label());
        ((Label) table.getPlaceholder()).textProperty().bind(i18n.text("fleet.ui.table.empty"));
        viewModel.columns().addListener((ListChangeListener<String>) change -> buildColumns());
        table.getSelectionModel()
                .selectedItemProperty()
                .addListener((obs, old, row) -> viewModel.selectedProperty().set(row));

        CheckBox onlyNeeding = new CheckBox();
        onlyNeeding.setId("fleetOnlyNeeding");
        onlyNeeding.textProperty().bind(i18n.text("fleet.ui.onlyNeeding"));
        onlyNeeding.selectedProperty().bindBidirectional(viewModel.onlyNeedingChangeProperty());
        CheckBox hide = new CheckBox();
        hide.setId("fleetHideNames");
        hide.textProperty().bind(i18n.text("fleet.ui.hideNames"));
        hide.selectedProperty().bindBidirectional(viewModel.hideNamesProperty());
        Button save = new Button();
        save.setId("fleetSave");
        save.textProperty().bind(i18n.text("fleet.ui.save"));
        save.disableProperty().bind(viewModel.hasResultProperty().not().or(viewModel.busyProperty()));
        save.setOnAction(e -> dialogs.chooseSaveFile(i18n.get("fleet.ui.save"), "tls-servers.html")
                .ifPresent(viewModel::export));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(12, onlyNeeding, spacer, hide, save);
        VBox tableBox = new VBox(6, tools, table);
        VBox.setVgrow(table, Priority.ALWAYS);

        TextArea fix = new TextArea();
        fix.setId("fleetFix");
        fix.setEditable(false);
        fix.setWrapText(true);
        fix.textProperty().bind(viewModel.selectedFixProperty());
        ListView<String> problems = new ListView<>(viewModel.problems());
        problems.setId("fleetProblems");
        problems.setPrefHeight(80);
        // a file's problem says what is wrong, where and what to do: a sentence or two, so the rows wrap to the
        // list's width instead of running off its side, and the list keeps room for the first of them
        problems.setMinHeight(64);
        problems.setCellFactory(list -> new ListCell<>() {
            {
                setWrapText(true);
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMaxWidth(Region.USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        problems.visibleProperty().bind(Bindings.isNotEmpty(viewModel.problems()));
        problems.managedProperty().bind(problems.visibleProperty());
        Label problemsTitle = new Label();
        problemsTitle.textProperty().bind(i18n.text("fleet.heading.problems"));
        problemsTitle.visibleProperty().bind(problems.visibleProperty());
        problemsTitle.managedProperty().bind(problems.visibleProperty());
        VBox lower = new VBox(6, fix, problemsTitle, problems);
        VBox.setVgrow(fix, Priority.ALWAYS);

        SplitPane split = new SplitPane(tableBox, lower);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.65);
        return split;
    }

    /** One column per heading; the server column stays in place when the table scrolls sideways. */
    private void buildColumns() {
        table.getColumns().clear();
        List<String> headings = viewModel.columns();
        for (int i = 0; i < headings.size(); i++) {
            int index = i;
            TableColumn<FleetRow, String> column = new TableColumn<>(headings.get(i));
            column.setId("fleetColumn" + i);
            if (index == 0) {
                column.setCellValueFactory(
                        row -> new ReadOnlyStringWrapper(row.getValue().server()));
            } else {
                column.setCellValueFactory(
                        row -> new ReadOnlyStringWrapper(row.getValue().cells().get(index - 1)));
                column.setCellFactory(c -> new ToneCell(index - 1));
            }
            table.getColumns().add(column);
        }
    }

    /** A cell coloured by its tone; the words carry the meaning. */
    private static final class ToneCell extends TableCell<FleetRow, String> {
        private final int index;

        ToneCell(int index) {
            this.index = index;
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(TONES);
            if (empty || item == null || getTableRow() == null || getTableRow().getItem() == null) {
                setText(null);
                return;
            }
            setText(item);
            getStyleClass().add(getTableRow().getItem().styles().get(index));
        }
    }
}
