package io.tlsdoctor.ui.support;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * The wizard's Help menu, where a helpdesk user looks for it: Save a support bundle…, Open the log folder, About.
 * Also opens the bundle dialog for the Summary step's button, with its redaction choice.
 */
public final class HelpMenu extends MenuButton {

    private final SupportBundleViewModel bundle;
    private final AboutViewModel about;
    private final I18n i18n;
    private final DialogService dialogs;
    private final Supplier<Window> owner;

    public HelpMenu(
            SupportBundleViewModel bundle,
            AboutViewModel about,
            I18n i18n,
            DialogService dialogs,
            Supplier<Window> owner) {
        this.bundle = bundle;
        this.about = about;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.owner = owner;
        setId("helpMenu");
        textProperty().bind(i18n.text("wizard.help"));
        setMinWidth(Region.USE_PREF_SIZE);
        setFocusTraversable(true);
        MenuItem saveBundle = item(
                "helpBundle",
                "wizard.help.bundle",
                () -> openBundle(bundle.redactProperty().get()));
        MenuItem logFolder = item("helpLogFolder", "wizard.help.logFolder", about::openLogFolder);
        MenuItem aboutItem = item("helpAbout", "wizard.help.about", this::openAbout);
        getItems().addAll(saveBundle, logFolder, aboutItem);
    }

    /** The bundle dialog, its redaction preset (the Summary step passes its own choice). */
    public void openBundle(boolean redact) {
        bundle.redactProperty().set(redact);
        show("supportBundleDialog", "bundle.title", new SupportBundleView(bundle, i18n, dialogs));
    }

    public void openAbout() {
        show("aboutDialog", "about.title", new AboutView(about, i18n));
    }

    private void show(String id, String titleKey, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.titleProperty().bind(i18n.text(titleKey));
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().setContent(content);
        ButtonType close =
                new ButtonType(i18n.get("about.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().add(close);
        dialog.getDialogPane().lookupButton(close).setId(id + "Close");
        if (owner.get() != null && owner.get().getScene() != null) {
            dialog.getDialogPane()
                    .getStylesheets()
                    .addAll(owner.get().getScene().getStylesheets());
        }
        dialog.show(); // not modal-blocking: a bundle can be saving while the user reads on
    }

    private MenuItem item(String id, String key, Runnable action) {
        MenuItem item = new MenuItem();
        item.setId(id);
        item.textProperty().bind(i18n.text(key));
        item.setOnAction(e -> action.run());
        return item;
    }
}
