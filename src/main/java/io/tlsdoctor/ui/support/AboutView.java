package io.tlsdoctor.ui.support;

import io.tlsdoctor.ui.common.I18n;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The About box's content: binds to {@link AboutViewModel} and forwards its buttons, nothing more. */
public final class AboutView extends VBox {

    public AboutView(AboutViewModel viewModel, I18n i18n) {
        super(8);
        setId("aboutView");
        setPadding(new Insets(16));
        setPrefWidth(520);
        Label title = new Label();
        title.textProperty().bind(i18n.text("app.title"));
        title.getStyleClass().add("app-title");
        Label version = label("aboutVersion");
        version.textProperty().bind(viewModel.versionText());
        getChildren().addAll(title, version);
        viewModel.installerVersionText().ifPresent(text -> {
            Label installer = label("aboutInstallerVersion");
            installer.textProperty().bind(text);
            getChildren().add(installer);
        });
        Label java = label("aboutJava");
        java.textProperty().bind(viewModel.javaText());
        getChildren().add(java);

        if (viewModel.hasHomepage()) {
            getChildren()
                    .addAll(
                            link("aboutReadme", i18n, "about.readme", viewModel::openReadme),
                            link("aboutIssues", i18n, "about.issues", viewModel::openIssues));
        } else {
            Label none = label("aboutNoHomepage");
            none.textProperty().bind(i18n.text("about.noHomepage"));
            getChildren().add(none);
        }
        Hyperlink licence = link("aboutLicence", i18n, "about.licence", viewModel::openLicence);
        licence.textProperty().unbind();
        licence.textProperty().bind(viewModel.licenceText());
        getChildren().add(licence);

        Label logLabel = label("aboutLogLabel");
        logLabel.textProperty().bind(i18n.text("about.logFolder"));
        TextField folder = new TextField(viewModel.logFolder()); // selectable, so it can be copied into a ticket
        folder.setId("aboutLogFolder");
        folder.setEditable(false);
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button open = new Button();
        open.setId("aboutOpenFolder");
        open.textProperty().bind(i18n.text("about.openFolder"));
        open.setMinWidth(USE_PREF_SIZE);
        open.setOnAction(e -> viewModel.openLogFolder());
        HBox folderRow = new HBox(8, folder, open);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        logLabel.setLabelFor(folder);
        Label status = label("aboutStatus");
        status.textProperty().bind(viewModel.statusProperty());
        status.visibleProperty().bind(viewModel.statusProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        getChildren().addAll(logLabel, folderRow, status);
    }

    private static Label label(String id) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        return label;
    }

    private static Hyperlink link(String id, I18n i18n, String key, Runnable action) {
        Hyperlink link = new Hyperlink();
        link.setId(id);
        link.textProperty().bind(i18n.text(key));
        link.setOnAction(e -> action.run());
        return link;
    }
}
