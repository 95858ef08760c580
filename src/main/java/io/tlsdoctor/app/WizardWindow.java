package io.tlsdoctor.app;

import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.wizard.WizardView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the wizard into a window: size, style sheet, the app icon, a title that follows the language, a guarded close
 * box.
 */
public final class WizardWindow {

    /** Rendered from icons/*.svg by icons/render.sh; the window system picks the size it needs (title bar, taskbar). */
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    private WizardWindow() {}

    public static WizardView show(
            Stage stage,
            I18n i18n,
            Executor executor,
            DialogService dialogs,
            PlatformServices platform,
            Runnable close) {
        // The icons decode on a worker while the wizard is built: seven PNGs took about 40 ms of the FX thread.
        CompletableFuture<List<Image>> icons = CompletableFuture.supplyAsync(WizardWindow::icons, executor);
        java.util.concurrent.atomic.AtomicReference<WizardView> current =
                new java.util.concurrent.atomic.AtomicReference<>();
        java.util.function.Supplier<WizardView> build = () -> WizardFactory.create(
                i18n,
                executor,
                dialogs,
                platform,
                close,
                () -> ReviewWindow.chooseAndOpen(stage, i18n, executor, dialogs),
                () -> FleetWindow.open(stage, i18n, executor, dialogs, platform));
        WizardView wizard = build.get();
        current.set(wizard);
        Scene scene = new Scene(wizard);
        // New case: a fresh wizard (session, steps, choices) in the same window and language
        Runnable[] newCase = new Runnable[1];
        newCase[0] = () -> {
            WizardView fresh = build.get();
            fresh.setOnNewCase(newCase[0]);
            current.set(fresh);
            scene.setRoot(fresh);
        };
        wizard.setOnNewCase(newCase[0]);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(i18n.text("app.title"));
        stage.getIcons().setAll(icons.join());
        fitToScreen(stage, screenBounds());
        stage.setOnCloseRequest(event -> {
            event.consume(); // the wizard decides, after asking when work or input would be lost
            current.get().requestClose();
        });
        stage.show();
        return wizard;
    }

    /** The preferred size, when the screen has room for it. */
    static final double WIDTH = 1100;

    static final double HEIGHT = 760;
    /** The smallest the wizard stays usable at (every step, both languages): less than a 1024×768 screen leaves. */
    static final double MIN_WIDTH = 800;

    static final double MIN_HEIGHT = 560;

    /**
     * Sizes the window to the screen's visual bounds (without the taskbar), centred in them: on a 1024×768 screen the
     * preferred 1100×760 would put Cancel and the language switch off-screen.
     */
    public static void fitToScreen(Stage stage, Rectangle2D bounds) {
        double width = Math.min(WIDTH, bounds.getWidth());
        double height = Math.min(HEIGHT, bounds.getHeight());
        stage.setMinWidth(Math.min(MIN_WIDTH, bounds.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, bounds.getHeight()));
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(bounds.getMinX() + (bounds.getWidth() - width) / 2);
        stage.setY(bounds.getMinY() + (bounds.getHeight() - height) / 2);
    }

    /** The visual bounds of the screen the pointer is on is not known before the window shows: the primary's. */
    private static Rectangle2D screenBounds() {
        return Screen.getPrimary().getVisualBounds();
    }

    public static List<Image> icons() {
        return ICON_SIZES.stream()
                .map(size -> new Image(WizardWindow.class
                        .getResource("/io/tlsdoctor/icons/tlsdoctor-" + size + ".png")
                        .toExternalForm()))
                .toList();
    }

    public static String stylesheet() {
        return WizardWindow.class.getResource("/io/tlsdoctor/ui/app.css").toExternalForm();
    }
}
