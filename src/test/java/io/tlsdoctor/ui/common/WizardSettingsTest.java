package io.tlsdoctor.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the wizard remembers between runs (toolkit-free: I18n's properties need no JavaFX toolkit). */
class WizardSettingsTest {

    @TempDir
    Path dir;

    @Test
    void aLanguageChosenInTheWizardIsTheLanguageOfTheNextStart() {
        Path file = dir.resolve("TLS Doctor/settings.json");
        WizardSettings first = WizardSettings.load(file);
        I18n i18n = new I18n(first.language().orElse(Locale.ENGLISH));
        first.follow(i18n);

        i18n.setLocale(Languages.SWEDISH);

        WizardSettings next = WizardSettings.load(file);
        assertThat(next.language()).contains(Languages.SWEDISH);
        assertThat(new I18n(next.language().orElse(Locale.ENGLISH)).get("wizard.help"))
                .isEqualTo("Hjälp");
    }

    @Test
    void eachKindOfFileDialogRemembersItsOwnFolder() throws Exception {
        Path file = dir.resolve("settings.json");
        Path evidence = Files.createDirectories(dir.resolve("tickets"));
        Path stores = Files.createDirectories(dir.resolve("reg exports"));
        WizardSettings settings = WizardSettings.load(file);

        settings.rememberFolder(FilePurpose.EVIDENCE, evidence);
        settings.rememberFolder(FilePurpose.REG_STORE, stores);

        WizardSettings next = WizardSettings.load(file);
        assertThat(next.folder(FilePurpose.EVIDENCE)).contains(evidence.toAbsolutePath());
        assertThat(next.folder(FilePurpose.REG_STORE)).contains(stores.toAbsolutePath());
        assertThat(next.folder(FilePurpose.SUMMARY)).isEmpty();
        assertThat(Files.readString(file)).contains("\"regStore\"", "reg exports"); // readable by an admin
    }

    @Test
    void aRememberedFolderThatNoLongerExistsIsForgottenForTheDialog() throws Exception {
        Path gone = Files.createDirectories(dir.resolve("usb-stick"));
        WizardSettings settings = WizardSettings.load(dir.resolve("settings.json"));
        settings.rememberFolder(FilePurpose.LOGS, gone);
        Files.delete(gone);

        assertThat(WizardSettings.load(dir.resolve("settings.json")).folder(FilePurpose.LOGS))
                .isEmpty();
    }

    @Test
    void aDamagedFileIsSetAsideAndTheWizardStartsWithTheDefaults() throws Exception {
        Path file = Files.writeString(
                dir.resolve("settings.json"), "{\"schema\":\"tlsdoctor.settings/1\",\"language\":\"sv\",");

        WizardSettings settings = WizardSettings.load(file);

        assertThat(settings.language()).isEmpty();
        assertThat(dir.resolve("settings.json.bad")).exists();
        settings.rememberLanguage(Languages.SWEDISH);
        assertThat(WizardSettings.load(file).language()).contains(Languages.SWEDISH);
    }

    @Test
    void anotherFileOrAnUnknownLanguageOrFolderKindIsIgnored() throws Exception {
        Path notOurs = Files.writeString(dir.resolve("a.json"), "[1, 2]");
        assertThat(WizardSettings.load(notOurs).language()).isEmpty();

        Path file = Files.writeString(
                dir.resolve("settings.json"),
                "{\"schema\":\"tlsdoctor.settings/1\",\"language\":\"de\",\"lastFolders\":{\"future\":\"/x\",\"logs\":42}}");
        WizardSettings settings = WizardSettings.load(file);
        assertThat(settings.language()).isEmpty();
        assertThat(settings.folder(FilePurpose.LOGS)).isEmpty();
        assertThat(file).exists(); // well-formed: kept, not set aside
    }

    @Test
    void aSettingsFileThatCannotBeWrittenDoesNotStopTheWizard() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
        WizardSettings settings = WizardSettings.load(blocker.resolve("settings.json"));

        settings.rememberLanguage(Languages.SWEDISH);

        assertThat(settings.language()).contains(Languages.SWEDISH); // for this run
    }
}
