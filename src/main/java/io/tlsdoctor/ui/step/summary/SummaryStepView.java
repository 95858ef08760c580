package io.tlsdoctor.ui.step.summary;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.StepLayout;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/** Step "Summary": redact switch, save and copy buttons, the preview of what goes into the ticket. Binds only. */
public final class SummaryStepView extends ScrollPane {

    private final SummaryStepViewModel viewModel;
    private final I18n i18n;
    private final DialogService dialogs;
    /** Opens "Save a support bundle" with this step's redaction choice; null hides the button. */
    private final java.util.function.Consumer<Boolean> openSupportBundle;

    public SummaryStepView(SummaryStepViewModel viewModel, I18n i18n, DialogService dialogs) {
        this(viewModel, i18n, dialogs, null);
    }

    public SummaryStepView(
            SummaryStepViewModel viewModel,
            I18n i18n,
            DialogService dialogs,
            java.util.function.Consumer<Boolean> openSupportBundle) {
        this.viewModel = viewModel;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.openSupportBundle = openSupportBundle;
        StepLayout.scrollable(this);
        setContent(createView());
    }

    private VBox createView() {
        Label heading = StepLayout.heading(i18n, "step.summary.heading");
        Label intro = new Label();
        intro.setWrapText(true);
        intro.textProperty().bind(i18n.text("step.summary.intro"));

        ToggleSwitch redact = new ToggleSwitch();
        redact.setId("redactSwitch");
        redact.textProperty().bind(i18n.text("step.summary.redact"));
        redact.selectedProperty().bindBidirectional(viewModel.redactProperty());
        Label redactHelp = new Label();
        redactHelp.setWrapText(true);
        redactHelp.getStyleClass().add("note");
        redactHelp.textProperty().bind(i18n.text("step.summary.redact.help"));

        Button html = saveButton("saveHtmlButton", "step.summary.save.html", SaveFormat.HTML);
        Button markdown = saveButton("saveMarkdownButton", "step.summary.save.markdown", SaveFormat.MARKDOWN);
        Button json = saveButton("saveJsonButton", "step.summary.save.json", SaveFormat.JSON);
        Button copy = new Button();
        copy.setId("copySummaryButton");
        copy.textProperty().bind(i18n.text("step.summary.copy"));
        copy.disableProperty().bind(viewModel.readyProperty().not());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(viewModel.textToCopy());
            Clipboard.getSystemClipboard().setContent(content);
        });
        FlowPane actions = new FlowPane(8, 8, html, markdown, json, copy);
        if (openSupportBundle != null) {
            // beside the summary: what a helpdesk sends when the summary alone does not explain it
            Button bundle = new Button();
            bundle.setId("supportBundleButton");
            bundle.textProperty().bind(i18n.text("bundle.button"));
            bundle.setOnAction(
                    e -> openSupportBundle.accept(viewModel.redactProperty().get()));
            actions.getChildren().add(bundle);
        }

        Label status = new Label();
        status.setId("summaryStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());

        TextArea preview = new TextArea();
        preview.setId("summaryPreview");
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.setPrefRowCount(24);
        preview.getStyleClass().add("summary-preview");
        preview.textProperty().bind(viewModel.previewProperty());
        Label question = new Label();
        question.getStyleClass().add("section-heading");
        question.textProperty().bind(i18n.text("step.summary.fixed.question"));
        Button yes = new Button();
        yes.setId("fixedYesButton");
        yes.textProperty().bind(i18n.text("step.summary.fixed.yes"));
        yes.setOnAction(e -> viewModel.answerFixed(true));
        Button no = new Button();
        no.setId("fixedNoButton");
        no.textProperty().bind(i18n.text("step.summary.fixed.no"));
        no.setOnAction(e -> viewModel.answerFixed(false));
        javafx.scene.layout.HBox answer = new javafx.scene.layout.HBox(8, question, yes, no);
        answer.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label followUp = new Label();
        followUp.setId("fixedFollowUp");
        followUp.setWrapText(true);
        followUp.getStyleClass().add("help-box");
        followUp.textProperty().bind(viewModel.followUpProperty());
        followUp.visibleProperty().bind(viewModel.followUpProperty().isNotEmpty());
        followUp.managedProperty().bind(followUp.visibleProperty());
        preview.setPrefRowCount(18);
        return StepLayout.page(heading, intro, answer, followUp, redact, redactHelp, actions, status, preview);
    }

    private Button saveButton(String id, String key, SaveFormat format) {
        Button button = new Button();
        button.setId(id);
        button.textProperty().bind(i18n.text(key));
        button.disableProperty().bind(viewModel.readyProperty().not().or(viewModel.workingProperty()));
        button.setOnAction(e -> dialogs.chooseSaveFile(
                        io.tlsdoctor.ui.common.FilePurpose.SUMMARY, i18n.get(key), viewModel.suggestedFileName(format))
                .ifPresent(file -> viewModel.save(file, format)));
        return button;
    }
}
