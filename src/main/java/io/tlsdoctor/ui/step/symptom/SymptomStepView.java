package io.tlsdoctor.ui.step.symptom;

import io.tlsdoctor.ui.common.BuiltWhenNeeded;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import java.io.File;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Step 1: the four symptom cards and the paste area. Binds and forwards only. */
public final class SymptomStepView extends ScrollPane {

    private final SymptomStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    // held here: a binding made by or()/and() listens to its operands only weakly
    private final BooleanBinding working;
    private final BooleanBinding stoppable;

    public SymptomStepView(SymptomStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.working = viewModel.recognizingProperty().or(viewModel.loadingProperty());
        this.stoppable = viewModel.recognizingProperty().and(viewModel.truncatedProperty());
        StepLayout.scrollable(this);
        setContent(createView());
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.symptom.heading");
        Label intro = wrapped(i18n.text("step.symptom.intro"));

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(12);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        List<SymptomCardViewModel> symptoms = viewModel.cards();
        for (int i = 0; i < symptoms.size(); i++) {
            SymptomCard card = createCard(symptoms.get(i));
            grid.add(card, i % 2, i / 2);
        }

        Label pasteHeading = new Label();
        pasteHeading.getStyleClass().add("section-heading");
        pasteHeading.textProperty().bind(i18n.text("step.symptom.paste.heading"));
        Button open = new Button();
        open.setId("openFileButton");
        open.textProperty().bind(i18n.text("step.symptom.paste.open"));
        open.setOnAction(e -> dialogs.chooseEvidenceFile(i18n.get("step.symptom.paste.open.title"))
                .ifPresent(viewModel::loadFile));
        Button clear = new Button();
        clear.setId("clearButton");
        clear.textProperty().bind(i18n.text("step.symptom.paste.clear"));
        clear.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !viewModel.hasInputProperty().get(), viewModel.hasInputProperty()));
        clear.setOnAction(e -> viewModel.clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox pasteBar = new HBox(8, pasteHeading, spacer, open, clear);
        pasteBar.setAlignment(Pos.CENTER_LEFT);

        TextArea evidence = new TextArea() {
            /** A paste too big for a text box goes to the evidence whole; the box shows its beginning. */
            @Override
            public void paste() {
                if (!isEditable()) {
                    return; // it shows only the beginning of a large paste: Clear first
                }
                javafx.scene.input.Clipboard clipboard = javafx.scene.input.Clipboard.getSystemClipboard();
                String text = clipboard.hasString() ? clipboard.getString() : null;
                if (text != null && getLength() + text.length() > SymptomStepViewModel.BOX_LIMIT) {
                    viewModel.paste(getText().substring(0, getSelection().getStart())
                            + text
                            + getText().substring(getSelection().getEnd()));
                } else {
                    super.paste();
                }
            }
        };
        evidence.setId("evidenceArea");
        // Tab leaves the box (Ctrl+Tab would too, but nobody knows it): the box is for pasting, not for typing tabs
        evidence.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isControlDown()) {
                e.consume();
                evidence.fireEvent(new javafx.scene.input.KeyEvent(
                        javafx.scene.input.KeyEvent.KEY_PRESSED,
                        "",
                        "",
                        javafx.scene.input.KeyCode.TAB,
                        e.isShiftDown(),
                        true,
                        false,
                        false));
            }
        });
        evidence.getStyleClass().add("evidence-area");
        evidence.setPrefRowCount(8);
        evidence.setWrapText(false);
        evidence.promptTextProperty().bind(i18n.text("step.symptom.paste.prompt"));
        evidence.textProperty().bindBidirectional(viewModel.shownTextProperty());
        evidence.editableProperty().bind(viewModel.truncatedProperty().not());
        evidence.disableProperty().bind(viewModel.loadingProperty());
        evidence.setOnDragOver(this::acceptDrag);
        evidence.setOnDragDropped(this::drop);
        setOnDragOver(this::acceptDrag);
        setOnDragDropped(this::drop);

        Label status = new Label();
        status.setId("recognitionStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        viewModel.statusKindProperty().addListener((obs, old, kind) -> styleStatus(status, kind));
        styleStatus(status, viewModel.statusKindProperty().get());

        Label sizeNote = new Label();
        sizeNote.setId("pasteSizeNote");
        sizeNote.setWrapText(true);
        sizeNote.getStyleClass().add("note");
        sizeNote.textProperty().bind(viewModel.sizeNoteProperty());
        sizeNote.visibleProperty().bind(viewModel.truncatedProperty());
        sizeNote.managedProperty().bind(sizeNote.visibleProperty());

        HBox statusRow = new HBox(8, status);
        statusRow.setAlignment(Pos.CENTER_LEFT);
        // the indicator and Stop only show while a paste is being recognised: built then, before it the row holds
        // the status alone (hidden, they would be styled and skinned before the first window shows)
        BuiltWhenNeeded.onFirst(working, () -> {
            javafx.scene.control.ProgressIndicator indicator = new javafx.scene.control.ProgressIndicator();
            indicator.setPrefSize(18, 18);
            indicator.visibleProperty().bind(working);
            indicator.managedProperty().bind(indicator.visibleProperty());
            statusRow.getChildren().add(0, indicator);
        });
        BuiltWhenNeeded.onFirst(stoppable, () -> {
            Button stop = new Button();
            stop.setId("stopRecognizingButton");
            stop.textProperty().bind(i18n.text("step.symptom.paste.stop"));
            // a way out of recognising a large paste (a small one is done before anyone could click)
            stop.visibleProperty().bind(stoppable);
            stop.managedProperty().bind(stop.visibleProperty());
            stop.setOnAction(e -> viewModel.stopRecognizing());
            statusRow.getChildren().add(statusRow.getChildren().indexOf(status) + 1, stop);
        });

        VBox root = StepLayout.page(heading, intro, grid, pasteBar, evidence, sizeNote, statusRow);
        return root;
    }

    private SymptomCard createCard(SymptomCardViewModel symptom) {
        Label title = new Label();
        title.getStyleClass().add("card-title");
        title.setWrapText(true);
        title.textProperty().bind(symptom.titleProperty());
        Label where = new Label();
        where.getStyleClass().add("card-where");
        where.setWrapText(true);
        where.textProperty().bind(symptom.whereSeenProperty());
        Label exact = new Label(symptom.exampleText());
        exact.getStyleClass().add("exact-text");
        exact.setWrapText(true);
        SymptomCard card = new SymptomCard(symptom::pick);
        card.getChildren().addAll(title, where, exact);
        // "Recognised" shows only once a paste matched this card: built then, last in the card
        BuiltWhenNeeded.onFirst(symptom.recognisedProperty(), () -> {
            Label recognised = new Label();
            recognised.getStyleClass().add("card-recognised");
            recognised.textProperty().bind(i18n.text("step.symptom.card.recognised"));
            recognised.managedProperty().bind(recognised.visibleProperty());
            recognised.visibleProperty().bind(symptom.recognisedProperty());
            card.getChildren().add(recognised);
        });
        card.setId(symptom.id());
        card.accessibleTextProperty().bind(title.textProperty());
        card.setMaxWidth(Double.MAX_VALUE);
        card.setMaxHeight(Double.MAX_VALUE);
        card.selectedProperty().bind(symptom.pickedProperty());
        return card;
    }

    private void acceptDrag(DragEvent event) {
        if (event.getDragboard().hasFiles() || event.getDragboard().hasString()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void drop(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            List<File> files = event.getDragboard().getFiles();
            if (!files.isEmpty()) {
                viewModel.loadFile(files.get(0).toPath());
                done = true;
            }
        } else if (event.getDragboard().hasString()) {
            viewModel.paste(event.getDragboard().getString());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    private static void styleStatus(Label status, SymptomStepViewModel.StatusKind kind) {
        status.getStyleClass().removeIf(c -> c.startsWith("status-"));
        status.getStyleClass().add("status-" + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    private Label wrapped(javafx.beans.binding.StringBinding text) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }
}
