package io.tlsdoctor.app;

import io.tlsdoctor.core.concurrent.HeadStart;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.util.Locale;

/**
 * Reads what the wizard's first window needs before the window is built: the symptom catalogue and the messages
 * in both languages (the header names each language in itself). It runs on a thread of its own while JavaFX starts
 * its toolkit, which keeps the JavaFX thread busy for about 0.35 s without using the second core; read on the JavaFX
 * thread instead, they were about a tenth of the time to the first window.
 */
final class StartupPreload {

    private static volatile HeadStart<SymptomCatalog> catalog;

    private StartupPreload() {}

    /** Starts reading; called once, before the toolkit starts. */
    static void begin() {
        catalog = HeadStart.begin("tlsdoctor-preload", () -> {
            for (Locale language : Languages.ALL) {
                Messages.bundle(language); // ResourceBundle keeps it: the window's I18n then finds it read
            }
            return SymptomCatalog.load();
        });
    }

    /** The catalogue read by {@link #begin()}, waiting for it if need be; read here when nothing began (tests). */
    static SymptomCatalog catalog() {
        HeadStart<SymptomCatalog> reading = catalog;
        return reading == null ? SymptomCatalog.load() : reading.get();
    }
}
