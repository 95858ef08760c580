package io.tlsdoctor.ui.support;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.FilePurpose;
import io.tlsdoctor.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** "Save a support bundle": the redaction choice, Save…, and what happened. Binds to {@link SupportBundleViewModel}. */
public final class SupportBundleView extends VBox {

    public SupportBundleView(SupportBundleViewModel viewModel, I18n i18n, DialogService dialogs) {
        super(10);
        setId("supportBundleView");
        setPadding(new Insets(16));
        setPrefWidth(540);
        CheckBox redact = new CheckBox();
        redact.setId("bundleRedact");
        redact.textProperty().bind(i18n.text("step.summary.redact"));
        redact.selectedProperty().bindBidirectional(viewModel.redactProperty());
        Label help = new Label();
        help.setWrapText(true);
        help.textProperty().bind(i18n.text("bundle.redact.question"));
        Button save = new Button();
        save.setId("bundleSaveButton");
        save.textProperty().bind(i18n.text("bundle.button"));
        save.disableProperty().bind(viewModel.workingProperty());
        save.setOnAction(
                e -> dialogs.chooseSaveFile(FilePurpose.BUNDLE, i18n.get("bundle.title"), viewModel.suggestedFileName())
                        .ifPresent(viewModel::save));
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(viewModel.workingProperty());
        Label status = new Label();
        status.setId("bundleStatus");
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());
        getChildren().addAll(redact, help, new HBox(8, save, progress), status);
    }
}
