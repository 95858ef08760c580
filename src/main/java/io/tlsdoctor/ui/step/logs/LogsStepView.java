package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.core.logs.FailureExample;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.RemoteSummary;
import io.tlsdoctor.core.logs.TlsProtocol;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
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

import java.io.File;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** The protocol-log step: where the logs are, progress, and the results as charts, a table and transcripts. */
public final class LogsStepView extends ScrollPane {

    private static final int CHART_REMOTES = 12;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:00").withZone(ZoneOffset.UTC);
    private static final List<TlsProtocol> CHART_PROTOCOLS =
            List.of(TlsProtocol.TLS1_0, TlsProtocol.TLS1_1, TlsProtocol.TLS1_2, TlsProtocol.TLS1_3, TlsProtocol.NONE);

    private final LogsStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final StackedBarChart<String, Number> protocolChart = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final BarChart<String, Number> failureTimeline = new BarChart<>(new CategoryAxis(), new NumberAxis());

    public LogsStepView(LogsStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        setOnDragOver(this::acceptDrag);
        setOnDragDropped(this::drop);
        viewModel.analysisProperty().addListener((obs, old, result) -> fillCharts(result));
        i18n.messagesProperty().addListener((obs, old, value) -> fillCharts(viewModel.analysisProperty().get()));
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
        folder.setOnAction(e -> dialogs.chooseFolder(i18n.get("step.logs.chooseFolder.title")).ifPresent(p -> viewModel.usePaths(List.of(p))));
        Button zip = button("chooseZipButton", "step.logs.chooseZip");
        zip.setOnAction(e -> dialogs.chooseZip(i18n.get("step.logs.chooseZip.title")).ifPresent(p -> viewModel.usePaths(List.of(p))));
        folder.disableProperty().bind(viewModel.runningProperty());
        zip.disableProperty().bind(viewModel.runningProperty());
        HBox pathBar = new HBox(8, paths, folder, zip);
        pathBar.setAlignment(Pos.CENTER_LEFT);

        Button analyse = button("analyseButton", "step.logs.analyse");
        analyse.setDefaultButton(true);
        analyse.disableProperty().bind(viewModel.runningProperty().or(viewModel.pathTextProperty().isEmpty()));
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

        VBox results = new VBox(10, section("step.logs.chart.protocols"), protocolChart, section("step.logs.chart.failures"),
                failureTimeline, section("step.logs.table"), createTableFilter(), createTable(), section("step.logs.examples"), createExamples());
        results.visibleProperty().bind(viewModel.analysisProperty().isNotNull()
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

    private TableView<RemoteSummary> createTable() {
        TableView<RemoteSummary> table = new TableView<>();
        table.setId("remoteTable");
        io.tlsdoctor.ui.common.StepLayout.passWheelAtEnds(table);
        SortedList<RemoteSummary> sorted = new SortedList<>(viewModel.filteredRemotes());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().add(column("step.logs.col.remote", RemoteSummary::remote, 200));
        table.getColumns().add(column("step.logs.col.direction", r -> i18n.get("logs.kind." + r.kind()), 90));
        table.getColumns().add(column("step.logs.col.connector", RemoteSummary::connector, 170));
        table.getColumns().add(number("step.logs.col.sessions", RemoteSummary::sessions));
        for (TlsProtocol protocol : CHART_PROTOCOLS) {
            TableColumn<RemoteSummary, Long> column = number("step.logs.col.none", r -> r.tls().get(protocol));
            column.setId("col-" + protocol);
            if (protocol != TlsProtocol.NONE) {
                column.textProperty().unbind();
                column.setText(protocolLabel(protocol));
            }
            table.getColumns().add(column);
        }
        table.getColumns().add(number("step.logs.col.failed", RemoteSummary::failed));
        table.getColumns().add(column("step.logs.col.first", r -> r.first().toString(), 190));
        table.getColumns().add(column("step.logs.col.last", r -> r.last().toString(), 190));
        table.setPrefHeight(260);
        return table;
    }

    private TableColumn<RemoteSummary, String> column(String key, Function<RemoteSummary, String> value, double width) {
        TableColumn<RemoteSummary, String> column = new TableColumn<>();
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private TableColumn<RemoteSummary, Long> number(String key, Function<RemoteSummary, Long> value) {
        TableColumn<RemoteSummary, Long> column = new TableColumn<>();
        column.setId("col-" + key.substring(key.lastIndexOf('.') + 1));
        column.textProperty().bind(i18n.text(key));
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(80);
        return column;
    }

    private HBox createExamples() {
        ListView<FailureExample> list = new ListView<>(viewModel.examples());
        list.setId("exampleList");
        list.setPrefWidth(330);
        list.setPrefHeight(220);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FailureExample item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.reasonTitle(item.reason()) + "\n" + item.session().remoteAddress()
                        + " · " + i18n.get("logs.kind." + item.session().kind()) + " · " + item.session().start());
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, item) -> {
            if (item != null) {
                viewModel.selectedExampleProperty().set(item);
            }
        });
        viewModel.selectedExampleProperty().addListener((obs, old, item) -> list.getSelectionModel().select(item));
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

    private void fillCharts(LogAnalysis result) {
        protocolChart.getData().clear();
        failureTimeline.getData().clear();
        protocolChart.getXAxis().setLabel(i18n.get("step.logs.chart.remote"));
        protocolChart.getYAxis().setLabel(i18n.get("step.logs.chart.sessions"));
        failureTimeline.getXAxis().setLabel(i18n.get("step.logs.chart.hour"));
        failureTimeline.getYAxis().setLabel(i18n.get("step.logs.chart.failed"));
        if (result == null) {
            return;
        }
        List<RemoteSummary> busiest = result.remotes().stream()
                .sorted(Comparator.comparingLong(RemoteSummary::sessions).reversed()).limit(CHART_REMOTES).toList();
        for (TlsProtocol protocol : CHART_PROTOCOLS) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(protocolLabel(protocol));
            for (RemoteSummary remote : busiest) {
                series.getData().add(new XYChart.Data<>(remote.remote() + " (" + i18n.get("logs.kind." + remote.kind()) + ")",
                        remote.tls().get(protocol)));
            }
            protocolChart.getData().add(series);
        }
        XYChart.Series<String, Number> failures = new XYChart.Series<>();
        failures.setName(i18n.get("step.logs.chart.failed"));
        result.failuresPerHour().forEach((Instant hour, Long n) -> failures.getData().add(new XYChart.Data<>(HOUR.format(hour), n)));
        failureTimeline.getData().add(failures);
    }

    /** Protocol names are the same in every language; only "no TLS" is translated. */
    private String protocolLabel(TlsProtocol protocol) {
        return protocol == TlsProtocol.NONE ? i18n.get("step.logs.col.none")
                : "TLS " + protocol.name().substring(3).replace('_', '.');
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
