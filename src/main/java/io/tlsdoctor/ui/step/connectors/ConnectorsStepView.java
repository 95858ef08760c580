package io.tlsdoctor.ui.step.connectors;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.io.File;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step "Connectors and certificates": the verdict first, then what to fix with the exact field and the command to copy. */
public final class ConnectorsStepView extends ScrollPane {

    private static final int EXPORT_ROWS = 7;

    private final ConnectorsStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private final VBox findingsBox = new VBox(6);

    public ConnectorsStepView(ConnectorsStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.findings().addListener((ListChangeListener<ConnectorRow>) c -> showFindings());
        showFindings();
        setOnDragOver(this::acceptDrag);
        setOnDragDropped(this::drop);
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.connectors.heading");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.text("step.connectors.intro"));

        Button load = new Button();
        load.setId("loadConnectorFilesButton");
        load.textProperty().bind(i18n.text("step.connectors.loadFiles"));
        load.disableProperty().bind(viewModel.runningProperty());
        load.setOnAction(
                e -> viewModel.loadFiles(dialogs.chooseConnectorFiles(i18n.get("step.connectors.loadFiles.title"))));
        Button cancel = new Button();
        cancel.setId("cancelConnectorsButton");
        cancel.textProperty().bind(i18n.text("step.connectors.cancel"));
        cancel.visibleProperty().bind(viewModel.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox actions = new HBox(8, load, cancel, progress, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem =
                StepLayout.shownWhenNotEmpty("connectorsProblem", "status-problem", viewModel.problemProperty());

        Label verdict = new Label();
        verdict.setId("connectorsVerdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(viewModel.verdictTextProperty());
        viewModel.verdictKindProperty().addListener((obs, old, kind) -> styleVerdict(verdict, kind));
        styleVerdict(verdict, viewModel.verdictKindProperty().get());

        Label source = new Label();
        source.setId("connectorsSource");
        source.setWrapText(true);
        source.getStyleClass().add("meta");
        source.textProperty().bind(viewModel.sourceTextProperty());
        Label notes = StepLayout.shownWhenNotEmpty("connectorsNotes", "meta", viewModel.notesTextProperty());

        return StepLayout.page(
                heading, intro, actions, liveRow(), problem, verdict, source, notes, findingsBox, exportHelp());
    }

    /** On Windows: the Exchange server whose Management Shell to read, with the user's own sign-in. */
    private Node liveRow() {
        Label label = new Label();
        label.textProperty().bind(i18n.text("step.connectors.server"));
        TextField server = new TextField();
        server.setId("exchangeServerField");
        server.setPrefColumnCount(24);
        server.textProperty().bindBidirectional(viewModel.serverProperty());
        label.setLabelFor(server);
        Button live = new Button();
        live.setId("checkConnectorsLiveButton");
        live.textProperty().bind(i18n.text("step.connectors.checkLive"));
        live.disableProperty().bind(viewModel.runningProperty());
        live.setOnAction(e -> viewModel.checkLive());
        HBox row = new HBox(8, label, server, live);
        row.setId("connectorsLiveRow");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setVisible(viewModel.isLiveAvailable());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private Node exportHelp() {
        Label explanation = new Label();
        explanation.setWrapText(true);
        explanation.textProperty().bind(i18n.text("step.connectors.exports.explanation"));
        TextArea commands = new TextArea(viewModel.exportCommands());
        commands.setId("connectorExportCommands");
        commands.setEditable(false);
        commands.setWrapText(true);
        commands.setPrefRowCount(EXPORT_ROWS);
        commands.getStyleClass().add("evidence-area");
        Button copy = new Button();
        copy.setId("copyConnectorCommandsButton");
        copy.textProperty().bind(i18n.text("step.connectors.exports.copy"));
        copy.setOnAction(e -> copy(viewModel.exportCommands()));
        VBox box = new VBox(8, explanation, commands, copy);
        TitledPane pane = new TitledPane(null, box);
        pane.setId("connectorExportHelp");
        pane.textProperty().bind(i18n.text("step.connectors.exports.heading"));
        pane.setExpanded(true);
        viewModel.reportProperty().addListener((obs, old, report) -> pane.setExpanded(report == null));
        return pane;
    }

    private void showFindings() {
        findingsBox
                .getChildren()
                .setAll(viewModel.findings().stream().map(this::findingPane).toList());
    }

    private Node findingPane(ConnectorRow row) {
        Label status = new Label(row.statusText());
        status.getStyleClass().addAll("badge", "finding-status-" + row.status());
        status.setMinWidth(76);
        status.setAlignment(Pos.CENTER);
        Label title = new Label(row.title());
        title.getStyleClass().add("card-title");
        // the subject (a connector or certificate name can be long) goes in the body, where it wraps
        Label subject = new Label(row.subject());
        subject.getStyleClass().add("subheading");
        subject.setWrapText(true);
        Label detail = new Label(row.detail());
        detail.setWrapText(true);
        VBox body = new VBox(6, subject, detail);
        for (String value : row.evidence()) {
            Label line = new Label(value);
            line.getStyleClass().add("exact-text");
            line.setWrapText(true);
            body.getChildren().add(line);
        }
        if (row.advice() != null) {
            Label advice = new Label(i18n.get("step.connectors.advice", row.advice()));
            advice.setWrapText(true);
            advice.getStyleClass().add("remediation");
            body.getChildren().add(advice);
        }
        if (!row.commands().isEmpty()) {
            Label commandsHeading = new Label(i18n.get("step.connectors.commands"));
            commandsHeading.getStyleClass().add("subheading");
            TextArea commands = new TextArea(String.join(System.lineSeparator(), row.commands()));
            commands.setId("commands-" + row.id().replace('.', '-'));
            commands.setEditable(false);
            commands.setWrapText(true);
            commands.setPrefRowCount(Math.min(4, 1 + row.commands().size()));
            commands.getStyleClass().add("evidence-area");
            Button copy = new Button();
            copy.textProperty().bind(i18n.text("step.connectors.copyCommands"));
            copy.setOnAction(e -> copy(String.join(System.lineSeparator(), row.commands())));
            body.getChildren().addAll(commandsHeading, commands, copy);
        }
        HBox header = new HBox(10, status, title);
        header.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(header);
        pane.setId("connector-finding-" + row.id().replace('.', '-'));
        pane.getStyleClass().add("finding-pane");
        pane.setExpanded(!row.status().equals("pass"));
        return pane;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private static void styleVerdict(Label verdict, ConnectorsStepViewModel.VerdictKind kind) {
        verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        String style = switch (kind) {
            case HEALTHY -> "ready";
            case CERTIFICATE, CONNECTOR -> "not-ready";
            case WARNINGS, NOTHING_JUDGED -> "undecided";
            case NOT_RUN -> "not-run";
        };
        verdict.getStyleClass().addAll("verdict", "verdict-" + style);
    }

    private void acceptDrag(DragEvent event) {
        if (event.getDragboard().hasFiles()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void drop(DragEvent event) {
        List<File> files =
                event.getDragboard().hasFiles() ? event.getDragboard().getFiles() : List.of();
        viewModel.loadFiles(files.stream().map(File::toPath).toList());
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }
}
