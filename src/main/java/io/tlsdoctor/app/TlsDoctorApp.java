package io.tlsdoctor.app;

import io.tlsdoctor.ui.common.FxDialogService;
import io.tlsdoctor.ui.common.I18n;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The wizard's JavaFX application: one window, one background executor, the language of the OS. */
public final class TlsDoctorApp extends Application {

    private ExecutorService executor;

    @Override
    public void start(Stage stage) {
        I18n i18n = new I18n(Locale.getDefault());
        executor = newWorkerPool();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> Platform.runLater(() -> showInternalError(i18n, error)));
        FxDialogService dialogs = new FxDialogService(() -> stage, i18n);
        WizardWindow.show(stage, i18n, executor, dialogs, PlatformServices.forThisMachine(), stage::close);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Named daemon threads: background work never keeps the process alive after the window closes. */
    public static ExecutorService newWorkerPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "tlsdoctor-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(2, factory);
    }

    private static void showInternalError(I18n i18n, Throwable error) {
        Alert alert = new Alert(Alert.AlertType.ERROR, i18n.get("app.internalError", String.valueOf(error)));
        alert.setHeaderText(null);
        alert.show();
    }
}
