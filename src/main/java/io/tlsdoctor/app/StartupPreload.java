package io.tlsdoctor.app;

import io.tlsdoctor.core.concurrent.HeadStart;
import io.tlsdoctor.core.diagnosis.DiagnosisEngine;
import io.tlsdoctor.core.evidence.EvidenceRecognizer;
import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.DataFolders;
import io.tlsdoctor.ui.common.WizardSettings;
import java.util.List;
import java.util.Locale;

/**
 * Prepares what the wizard's first window needs and JavaFX does not: the user's settings, the messages in both
 * languages (the header names each language in itself), this machine's services, the symptom catalogue and what is
 * built from it. It runs on a thread of its own while JavaFX starts its toolkit, which keeps the JavaFX thread busy
 * for about 0.35 s without using the second core; done on the JavaFX thread instead, the catalogue and messages alone
 * were about a tenth of the time to the first window. Each piece is taken as soon as it is ready, in the order the
 * JavaFX thread needs them.
 */
final class StartupPreload {

    /** What the wizard builds from the catalogue; each is only read after it is built, so one serves every case. */
    record Knowledge(
            SymptomCatalog catalog,
            EvidenceRecognizer recognizer,
            DiagnosisEngine engine,
            ProtocolLogLineClassifier classifier) {

        static Knowledge of(SymptomCatalog catalog) {
            return new Knowledge(
                    catalog,
                    new EvidenceRecognizer(catalog),
                    new DiagnosisEngine(catalog),
                    new ProtocolLogLineClassifier(catalog));
        }
    }

    private record Begun(
            HeadStart<WizardSettings> settings, HeadStart<PlatformServices> platform, HeadStart<Knowledge> knowledge) {}

    private static volatile Begun begun;

    private StartupPreload() {}

    /** Starts preparing; called once, before the toolkit starts. */
    static void begin() {
        HeadStart<WizardSettings> settings = HeadStart.queued(StartupPreload::readSettings);
        HeadStart<Void> messages = HeadStart.queued(() -> {
            for (Locale language : Languages.ALL) {
                Messages.bundle(language); // ResourceBundle keeps it: the window's I18n then finds it read
            }
            return null;
        });
        HeadStart<PlatformServices> platform = HeadStart.queued(PlatformServices::forThisMachine);
        HeadStart<Knowledge> knowledge = HeadStart.queued(() -> Knowledge.of(SymptomCatalog.load()));
        HeadStart.beginInOrder("tlsdoctor-preload", List.of(settings, messages, platform, knowledge));
        begun = new Begun(settings, platform, knowledge);
    }

    /** The language and folders the user chose last time, read by {@link #begin()} or here when nothing began. */
    static WizardSettings settings() {
        Begun started = begun;
        return started == null ? readSettings() : started.settings().get();
    }

    /** This machine's services, made by {@link #begin()} or here when nothing began. */
    static PlatformServices platform() {
        Begun started = begun;
        return started == null
                ? PlatformServices.forThisMachine()
                : started.platform().get();
    }

    /** The catalogue and what is built from it, waiting for them if need be; made here when nothing began (tests). */
    static Knowledge knowledge() {
        Begun started = begun;
        return started == null
                ? Knowledge.of(SymptomCatalog.load())
                : started.knowledge().get();
    }

    private static WizardSettings readSettings() {
        return WizardSettings.load(DataFolders.userRoot().resolve("settings.json"));
    }
}
