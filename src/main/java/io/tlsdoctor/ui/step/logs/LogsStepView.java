package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.io.File;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The protocol-log step: where the logs are, progress, and the results as charts, a table and transcripts. */
public final class LogsStepView extends ScrollPane {

    private final LogsStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final StackedBarChart<String, Number> protocolChart =
            new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> failureTimeline = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public LogsStepView(LogsStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        setOnDragOver(this::acceptDrag);
        setOnDragDropped(this::drop);
        viewModel.chartsProperty().addListener((obs, old, charts) -> fillCharts(charts));
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.logs.heading");
        Label intro = wrapped(i18n.text("step.logs.intro"));

        TextField paths = new TextField();
        paths.setId("logPathField");
        paths.textProperty().bindBidirectional(viewModel.pathTextProperty());
        paths.promptTextProperty().bind(i18n.text("step.logs.path.prompt"));
        paths.disableProperty().bind(viewModel.runningProperty());
        HBox.setHgrow(paths, Priority.ALWAYS);
        Button folder = button("chooseFolderButton", "step.logs.chooseFolder");
        folder.setOnAction(e -> dialogs.chooseFolder(i18n.get("step.logs.chooseFolder.title"))
                .ifPresent(p -> viewModel.usePaths(List.of(p))));
        Button zip = button("chooseZipButton", "step.logs.chooseZip");
        zip.setOnAction(e -> dialogs.chooseZip(i18n.get("step.logs.chooseZip.title"))
                .ifPresent(p -> viewModel.usePaths(List.of(p))));
        folder.disableProperty().bind(viewModel.runningProperty());
        zip.disableProperty().bind(viewModel.runningProperty());
        HBox pathBar = new HBox(8, paths, folder, zip);
        pathBar.setAlignment(Pos.CENTER_LEFT);

        Button analyse = button("analyseButton", "step.logs.analyse");
        analyse.setDefaultButton(true);
        analyse.disableProperty()
                .bind(viewModel
                        .runningProperty()
                        .or(viewModel.pathTextProperty().isEmpty()));
        analyse.setOnAction(e -> viewModel.analyse());
        Button cancel = button("cancelAnalysisButton", "step.logs.cancel");
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar bar = new ProgressBar();
        bar.setId("logProgress");
        bar.progressProperty().bind(viewModel.progressProperty());
        bar.setPrefWidth(260);
        Label progressText = new Label();
        progressText.setId("logProgressText");
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox runBar = new HBox(8, analyse, cancel, bar, progressText);
        runBar.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("logStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        Label verdict = new Label();
        verdict.setId("logVerdict");
        verdict.getStyleClass().add("section-heading");
        verdict.setWrapText(true);
        verdict.textProperty().bind(viewModel.verdictProperty());

        VBox results = new VBox(
                10,
                section("step.logs.chart.protocols"),
                protocolChart,
                section("step.logs.chart.failures"),
                failureTimeline,
                section("step.logs.table"),
                createTableFilter(),
                createTable(),
                section("step.logs.examples"),
                createExamples());
        results.visibleProperty()
                .bind(viewModel
                        .analysisProperty()
                        .isNotNull()
                        .and(viewModel.stateProperty().isEqualTo(LogsStepViewModel.State.DONE)));
        results.managedProperty().bind(results.visibleProperty());
        protocolChart.setId("protocolChart");
        protocolChart.setPrefHeight(300);
        protocolChart.setAnimated(false);
        failureTimeline.setId("failureTimeline");
        failureTimeline.setPrefHeight(220);
        failureTimeline.setAnimated(false);
        failureTimeline.setLegendVisible(false);

        VBox root = StepLayout.page(heading, intro, pathBar, runBar, status, verdict, results);
        return root;
    }

    /** The filter field and count above the remote table. */
    private HBox createTableFilter() {
        TextField filter = new TextField();
        filter.setId("remoteFilter");
        filter.textProperty().bindBidirectional(viewModel.remoteFilterProperty());
        filter.promptTextProperty().bind(i18n.text("step.logs.remotes.filter"));
        filter.setPrefColumnCount(40);
        Label count = new Label();
        count.setId("remoteCount");
        count.textProperty().bind(viewModel.remoteCountProperty());
        HBox bar = new HBox(8, filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private TableView<RemoteRow> createTable() {
        TableView<RemoteRow> table = new TableView<>();
        table.setId("remoteTable");
        io.tlsdoctor.ui.common.StepLayout.passWheelAtEnds(table);
        SortedList<RemoteRow> sorted = new SortedList<>(viewModel.filteredRemotes());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("step.logs.col.remote", RemoteRow::remote, 200));
        table.getColumns().add(column("step.logs.col.direction", r -> i18n.get(r.kindKey()), 90));
        table.getColumns().add(column("step.logs.col.connector", RemoteRow::connector, 170));
        table.getColumns().add(number("step.logs.col.sessions", RemoteRow::sessions));
        for (TlsColumn protocol : TlsColumn.values()) {
            TableColumn<RemoteRow, Long> column = number("step.logs.col.none", r -> r.sessionsWith(protocol));
            column.setId(protocol.id());
            if (!protocol.translated()) {
                column.textProperty().unbind();
                column.setText(viewModel.protocolLabel(protocol));
            }
            table.getColumns().add(column);
        }
        table.getColumns().add(number("step.logs.col.failed", RemoteRow::failed));
        table.getColumns().add(column("step.logs.col.first", RemoteRow::first, 190));
        table.getColumns().add(column("step.logs.col.last", RemoteRow::last, 190));
        table.setPrefHeight(260);
        return table;
    }

    private TableColumn<RemoteRow, String> column(String key, Function<RemoteRow, String> value, double width) {
        TableColumn<RemoteRow, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private TableColumn<RemoteRow, Long> number(String key, Function<RemoteRow, Long> value) {
        TableColumn<RemoteRow, Long> column = new TableColumn<>();
        column.setId("col-" + key.substring(key.lastIndexOf('.') + 1));
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(80);
        return column;
    }

    private HBox createExamples() {
        ListView<ExampleRow> list = new ListView<>(viewModel.examples());
        list.setId("exampleList");
        list.setPrefWidth(330);
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExampleRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.exampleLabel(item));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedExampleProperty().set(item);
            }
        });
        viewModel
                .selectedExampleProperty()
                .addListener((obs, old, item) -> list.getSelectionModel().select(item));
        TextArea transcript = new TextArea();
        transcript.setId("transcriptArea");
        transcript.getStyleClass().add("evidence-area");
        transcript.setEditable(false);
        transcript.setWrapText(false);
        transcript.setPrefRowCount(12);
        transcript.textProperty().bind(viewModel.transcriptProperty());
        HBox.setHgrow(transcript, Priority.ALWAYS);
        return new HBox(8, list, transcript);
    }

    private void fillCharts(LogCharts charts) {
        protocolChart.getData().clear();
        failureTimeline.getData().clear();
        protocolChart.getXAxis().setLabel(charts.remoteAxis());
        protocolChart.getYAxis().setLabel(charts.sessionsAxis());
        failureTimeline.getXAxis().setLabel(charts.hourAxis());
        failureTimeline.getYAxis().setLabel(charts.failedAxis());
        charts.protocols().forEach(series -> protocolChart.getData().add(series(series)));
        charts.failures().forEach(series -> failureTimeline.getData().add(series(series)));
    }

    private static XYChart.Series<String, Number> series(LogCharts.Series shown) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        series.setName(shown.name());
        shown.points().forEach(point -> series.getData().add(new XYChart.Data<>(point.category(), point.value())));
        return series;
    }

    private Label section(String key) {
        Label label = new Label();
        label.getStyleClass().add("section-heading");
        label.textProperty().bind(i18n.text(key));
        return label;
    }

    private Button button(String id, String key) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.text(key));
        return button;
    }

    private void acceptDrag(DragEvent event) {
        if (event.getDragboard().hasFiles() && !viewModel.runningProperty().get()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    /** A dropped folder, .zip or log file (or several) becomes what is analysed, and the analysis starts. */
    private void drop(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            List<File> files = event.getDragboard().getFiles();
            if (!files.isEmpty()) {
                viewModel.usePaths(files.stream().map(File::toPath).toList());
                viewModel.analyse();
                done = true;
            }
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private Label wrapped(javafx.beans.binding.StringBinding text) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
