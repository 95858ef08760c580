package io.tlsdoctor.app;

import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Reads what the wizard's first window needs before the window is built: the symptom catalogue and the messages
 * in both languages (the header names each language in itself). It runs on a thread of its own while JavaFX starts
 * its toolkit, which keeps the JavaFX thread busy for about 0.35 s without using the second core; read on the JavaFX
 * thread instead, they were about a tenth of the time to the first window.
 */
final class StartupPreload {

    private static volatile CompletableFuture<SymptomCatalog> catalog;

    private StartupPreload() {
    }

    /** Starts reading; called once, before the toolkit starts. */
    static void begin() {
        CompletableFuture<SymptomCatalog> reading = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                for (Locale language : Languages.ALL) {
                    Messages.bundle(language); // ResourceBundle keeps it: the window's I18n then finds it read
                }
                reading.complete(SymptomCatalog.load());
            } catch (RuntimeException | Error e) {
                reading.completeExceptionally(e); // thrown again on the JavaFX thread, where start-up failures are shown
            }
        }, "tlsdoctor-preload");
        thread.setDaemon(true);
        catalog = reading;
        thread.start();
    }

    /** The catalogue read by {@link #begin()}, waiting for it if need be; read here when nothing began (tests). */
    static SymptomCatalog catalog() {
        CompletableFuture<SymptomCatalog> reading = catalog;
        if (reading == null) {
            return SymptomCatalog.load();
        }
        try {
            return reading.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
