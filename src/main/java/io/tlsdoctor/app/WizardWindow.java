package io.tlsdoctor.app;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.WizardView;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Puts the wizard into a window: size, style sheet, the app icon, a title that follows the language, a guarded close
 * box.
 */
public final class WizardWindow {

    /** Rendered from icons/*.svg by icons/render.sh; the window system picks the size it needs (title bar, taskbar). */
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WizardWindow() {
    }

    public static WizardView show(Stage stage, I18n i18n, Executor executor, DialogService dialogs,
                                  PlatformServices platform, Runnable close) {
        // The icons decode on a worker while the wizard is built: seven PNGs took about 40 ms of the FX thread.
        CompletableFuture<List<Image>> icons = CompletableFuture.supplyAsync(WizardWindow::icons, executor);
        WizardView wizard = WizardFactory.create(i18n, executor, dialogs, platform, close,
                () -> ReviewWindow.chooseAndOpen(stage, i18n, executor, dialogs));
        Scene scene = new Scene(wizard, 1100, 760);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app.title"));
        stage.getIcons().setAll(icons.join());
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(event -> {
            event.consume(); // the wizard decides, after asking when work or input would be lost
            wizard.requestClose();
        });
        stage.show();
        return wizard;
    }

    public static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(size -> new Image(WizardWindow.class.getResource("/io/tlsdoctor/icons/tlsdoctor-" + size + ".png").toExternalForm()))
                .toList();
    }

    public static String stylesheet() {
        return WizardWindow.class.getResource("/io/tlsdoctor/ui/app.css").toExternalForm();
    }
}
