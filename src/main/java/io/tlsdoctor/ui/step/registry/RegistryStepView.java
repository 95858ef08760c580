package io.tlsdoctor.ui.step.registry;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Step "Check this server's TLS settings": the verdict first, then every finding with its raw values one click away. */
public final class RegistryStepView extends ScrollPane {

    private final RegistryStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    private static final int EXPORT_ROWS = 6;

    private final VBox findingsBox = new VBox(6);

    /** Opens the fleet view ("several Exchange servers? compare them"); null hides the link. */
    private final Runnable openFleet;

    public RegistryStepView(RegistryStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this(viewModel, i18n, dialogs, null);
    }

    public RegistryStepView(RegistryStepViewModel viewModel, I18n i18n, DialogService dialogs, Runnable openFleet) {
        this.openFleet = openFleet;
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        StepLayout.scrollable(this);
        setContent(createView());
        viewModel.findings().addListener((ListChangeListener<FindingRow>) c -> showFindings());
        showFindings();
        setOnDragOver(this::acceptDrag);
        setOnDragDropped(this::drop);
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.registry.heading");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty()
                .bind(i18n.text(
                        viewModel.isLiveAvailable() ? "step.registry.intro.live" : "step.registry.intro.offline"));

        Button live = new Button();
        live.setId("checkLiveButton");
        live.textProperty().bind(i18n.text("step.registry.checkLive"));
        live.setVisible(viewModel.isLiveAvailable());
        live.managedProperty().bind(live.visibleProperty());
        live.disableProperty().bind(viewModel.runningProperty());
        live.setOnAction(e -> viewModel.checkLive());
        Button load = new Button();
        load.setId("loadExportsButton");
        load.textProperty().bind(i18n.text("step.registry.loadExports"));
        load.disableProperty().bind(viewModel.runningProperty());
        load.setOnAction(
                e -> viewModel.loadExports(dialogs.chooseRegFiles(i18n.get("step.registry.loadExports.title"))));
        Button cancel = new Button();
        cancel.setId("cancelCheckButton");
        cancel.textProperty().bind(i18n.text("step.registry.cancel"));
        cancel.visibleProperty().bind(viewModel.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(22, 22);
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label progressText = new Label();
        progressText.textProperty().bind(viewModel.progressTextProperty());
        HBox actions = new HBox(8, live, load, cancel, progress, progressText);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem = StepLayout.shownWhenNotEmpty("registryProblem", "status-problem", viewModel.problemProperty());

        Label verdict = new Label();
        verdict.setId("registryVerdict");
        verdict.setWrapText(true);
        verdict.textProperty().bind(viewModel.verdictTextProperty());
        viewModel.verdictKindProperty().addListener((obs, old, kind) -> styleVerdict(verdict, kind));
        styleVerdict(verdict, viewModel.verdictKindProperty().get());

        Label source = new Label();
        source.setId("registrySource");
        source.setWrapText(true);
        source.getStyleClass().add("meta");
        source.textProperty().bind(viewModel.sourceTextProperty());

        VBox root = StepLayout.page(
                heading, intro, actions, problem, verdict, osChooser(), source, findingsBox, exportHelp());
        if (openFleet != null) {
            // one server left with TLS 1.2 off is enough for "only some messages bounce": the way to all of them
            javafx.scene.control.Hyperlink fleet = new javafx.scene.control.Hyperlink();
            fleet.setId("compareServersLink");
            fleet.textProperty().bind(i18n.text("fleet.ui.link"));
            fleet.setWrapText(true);
            fleet.setOnAction(e -> openFleet.run());
            root.getChildren().add(3, fleet);
        }
        return root;
    }

    /** When the exports do not say which Windows it is, absent values cannot be judged: ask. */
    private Node osChooser() {
        Label label = new Label();
        label.textProperty().bind(i18n.text("step.registry.os.question"));
        ComboBox<OsOption> choice = new ComboBox<>(FXCollections.observableArrayList(viewModel.osOptions()));
        choice.setId("osChoice");
        choice.valueProperty().bindBidirectional(viewModel.osChoiceProperty());
        label.setLabelFor(choice);
        HBox row = new HBox(8, label, choice);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("help-box");
        row.visibleProperty()
                .bind(viewModel
                        .osUnknownProperty()
                        .or(viewModel.osChoiceProperty().isNotNull()));
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private Node exportHelp() {
        Label explanation = new Label();
        explanation.setWrapText(true);
        explanation.textProperty().bind(i18n.text("step.registry.exports.explanation"));
        TextArea commands = new TextArea(viewModel.exportCommands());
        commands.setId("exportCommands");
        commands.setEditable(false);
        commands.setPrefRowCount(EXPORT_ROWS);
        commands.getStyleClass().add("evidence-area");
        Button copy = new Button();
        copy.setId("copyCommandsButton");
        copy.textProperty().bind(i18n.text("step.registry.exports.copy"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.exportCommands());
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox box = new VBox(8, explanation, commands, copy);
        TitledPane pane = new TitledPane(null, box);
        pane.setId("exportHelp");
        pane.textProperty().bind(i18n.text("step.registry.exports.heading"));
        pane.setExpanded(!viewModel.isLiveAvailable());
        viewModel.reportProperty().addListener((obs, old, report) -> pane.setExpanded(report == null));
        return pane;
    }

    private void showFindings() {
        findingsBox
                .getChildren()
                .setAll(viewModel.findings().stream().map(this::findingPane).toList());
    }

    private Node findingPane(FindingRow row) {
        Label status = new Label(row.statusText());
        status.getStyleClass().addAll("badge", "finding-status-" + row.statusStyle());
        status.setMinWidth(76);
        status.setAlignment(Pos.CENTER);
        Label title = new Label(row.title());
        title.getStyleClass().add("card-title");
        Label detail = new Label(row.detail());
        detail.setWrapText(true);
        VBox body = new VBox(6, detail);
        if (row.remediation() != null) {
            Label remediation = new Label(i18n.get("step.registry.remediation", row.remediation()));
            remediation.setWrapText(true);
            remediation.getStyleClass().add("remediation");
            body.getChildren().add(remediation);
        }
        if (!row.evidence().isEmpty()) {
            Label evidenceHeading = new Label(i18n.get("step.registry.evidence.heading"));
            evidenceHeading.getStyleClass().add("subheading");
            body.getChildren().add(evidenceHeading);
            for (String value : row.evidence()) {
                Label line = new Label(value);
                line.getStyleClass().add("exact-text");
                line.setWrapText(true);
                body.getChildren().add(line);
            }
        }
        // the page that documents this very setting; no browser is reachable from here, so the address is copied
        javafx.scene.control.Hyperlink docs = new javafx.scene.control.Hyperlink(row.docsText());
        docs.getStyleClass().add("finding-docs");
        docs.setWrapText(true);
        Label copied = new Label();
        copied.getStyleClass().add("note");
        copied.managedProperty().bind(copied.textProperty().isNotEmpty());
        docs.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(row.docsAddress());
            Clipboard.getSystemClipboard().setContent(content);
            copied.setText(i18n.get("step.diagnosis.linkCopied"));
        });
        body.getChildren().addAll(docs, copied);
        HBox header = new HBox(10, status, title);
        header.setAlignment(Pos.CENTER_LEFT);
        TitledPane pane = new TitledPane(null, body);
        pane.setGraphic(header);
        pane.setId("finding-" + row.id().replace('.', '-')); // a dot would read as a CSS class in lookups
        pane.getStyleClass().add("finding-pane");
        pane.setExpanded(row.bottomLine());
        return pane;
    }

    private static void styleVerdict(Label verdict, RegistryStepViewModel.VerdictKind kind) {
        verdict.getStyleClass().removeIf(c -> c.startsWith("verdict-"));
        verdict.getStyleClass()
                .addAll(
                        "verdict",
                        "verdict-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-'));
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
        viewModel.loadExports(files.stream().map(File::toPath).toList());
        event.setDropCompleted(!files.isEmpty());
        event.consume();
    }
}
