package io.tlsdoctor.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.ui.common.I18n;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The About box without a toolkit: the build's version and links, the log folder and opening it. */
class AboutViewModelTest {

    @TempDir
    Path dir;

    private final I18n i18n = new I18n(Languages.ENGLISH);
    private final List<String> opened = new ArrayList<>();

    @Test
    void theVersionIsTheBuildsAndTheLicenceLinksToItsText() {
        AboutViewModel model = new AboutViewModel(i18n, target -> opened.add(target), dir.resolve("logs"));

        assertThat(model.versionText().get())
                .isEqualTo("Version " + Version.current())
                .doesNotContain("development");
        assertThat(model.licenceText().get()).isEqualTo("Licence: Apache-2.0");
        model.openLicence();
        assertThat(opened).containsExactly("https://www.apache.org/licenses/LICENSE-2.0");
        i18n.setLocale(Languages.SWEDISH);
        assertThat(model.licenceText().get()).isEqualTo("Licens: Apache-2.0");
    }

    @Test
    void theReadmeAndIssuesLinksExistExactlyWhenTheBuildNamedTheProjectsAddress() {
        AboutViewModel model = new AboutViewModel(i18n, target -> opened.add(target), dir.resolve("logs"));

        model.openReadme();
        model.openIssues();

        assertThat(model.hasHomepage()).isEqualTo(Version.homepage().isPresent());
        if (model.hasHomepage()) {
            assertThat(opened)
                    .containsExactly(
                            Version.homepage().get() + "#readme",
                            Version.homepage().get() + "/issues");
        } else {
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void openFolderOpensTheLogFolderCreatingItWhenNothingWasLoggedYet() {
        Path logs = dir.resolve("TLS Doctor/logs");
        AboutViewModel model = new AboutViewModel(i18n, target -> opened.add(target), logs);

        model.openLogFolder();

        assertThat(model.logFolder()).isEqualTo(logs.toString());
        assertThat(opened).containsExactly(logs.toString());
        assertThat(Files.isDirectory(logs)).isTrue();
        assertThat(model.statusProperty().get()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeOpenedSaysSoAndHowToGetThere() {
        AboutViewModel model = new AboutViewModel(i18n, target -> false, dir);

        model.openLogFolder();

        assertThat(model.statusProperty().get())
                .isEqualTo("Could not open " + dir + ". Open it yourself in Explorer or a file manager.");
    }
}
