package io.tlsdoctor.app;

import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.UserLogs;
import io.tlsdoctor.ui.common.FxDialogService;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.WizardSettings;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The wizard's JavaFX application: one window, one background executor, the language of the OS. */
public final class TlsDoctorApp extends Application {

    private ExecutorService executor;

    @Override
    public void start(Stage stage) {
        // the language the user last chose, else the OS's; each switch is remembered for the next start
        // read on the preload thread while the toolkit started (StartupPreload)
        WizardSettings settings = StartupPreload.settings();
        I18n i18n = new I18n(settings.language().orElse(Locale.getDefault()));
        settings.follow(i18n);
        Messages messages = Messages.forLocale(i18n.locale());
        executor = newWorkerPool();
        Thread.setDefaultUncaughtExceptionHandler(
                (thread, error) -> Platform.runLater(() -> showInternalError(messages, error)));
        try {
            FxDialogService dialogs = new FxDialogService(() -> stage, i18n, settings);
            WizardWindow.show(stage, i18n, executor, dialogs, StartupPreload.platform(), stage::close);
        } catch (RuntimeException | LinkageError e) {
            // the toolkit is up but the window could not be built: JavaFX would only print this to a console nobody has
            new StartupFailure(messages, UserLogs.folder(), TlsDoctorApp::showAndWait, System.err)
                    .report(messages.get("app.startFailed", String.valueOf(e.getMessage())), e);
            Platform.exit();
        }
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

    /** Shown without waiting, so the wizard stays usable; the details go to the user's log folder. */
    private static void showInternalError(Messages messages, Throwable error) {
        new StartupFailure(
                        messages,
                        UserLogs.folder(),
                        (caption, text) -> {
                            Alert alert = new Alert(Alert.AlertType.ERROR, text);
                            alert.setTitle(caption);
                            alert.setHeaderText(null);
                            alert.show();
                            return true;
                        },
                        System.err)
                .report(messages.get("app.internalError", String.valueOf(error)), error);
    }

    private static boolean showAndWait(String caption, String text) {
        Alert alert = new Alert(Alert.AlertType.ERROR, text);
        alert.setTitle(caption);
        alert.setHeaderText(null);
        alert.showAndWait();
        return true;
    }
}
