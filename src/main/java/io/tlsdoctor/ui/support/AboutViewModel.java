package io.tlsdoctor.ui.support;

import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.ui.common.I18n;
import io.tlsdoctor.ui.common.Opener;
import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The About box: TLS Doctor's version as built, the project's links (from the build's version.properties, which the
 * installers read too), and where the log is, with a way to open that folder.
 */
public final class AboutViewModel {

    private final I18n i18n;
    private final Opener opener;
    private final Path logFolder;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public AboutViewModel(I18n i18n, Opener opener, Path logFolder) {
        this.i18n = i18n;
        this.opener = opener;
        this.logFolder = logFolder;
    }

    public StringBinding versionText() {
        return i18n.text("about.version", Version.current());
    }

    /** The numeric version Windows shows under Installed apps, when it differs (a development build). */
    public Optional<StringBinding> installerVersionText() {
        return Version.packageVersion().equals(Version.current())
                ? Optional.empty()
                : Optional.of(i18n.text("about.installerVersion", Version.packageVersion()));
    }

    public StringBinding javaText() {
        return i18n.text(
                "about.java",
                System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The README and the issue tracker, when the build knows the project's address. */
    public boolean hasHomepage() {
        return Version.homepage().isPresent();
    }

    public StringBinding licenceText() {
        return i18n.text("about.licence", Version.licence());
    }

    public String logFolder() {
        return logFolder.toString();
    }

    /** Why a link or the folder did not open; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public void openReadme() {
        Version.homepage().ifPresent(home -> open(home + "#readme"));
    }

    public void openIssues() {
        Version.homepage().ifPresent(home -> open(home + "/issues"));
    }

    public void openLicence() {
        open(Version.licenceUrl());
    }

    /** Opens the log folder (creating it first: before anything was logged there is nothing to open). */
    public void openLogFolder() {
        try {
            java.nio.file.Files.createDirectories(logFolder);
        } catch (java.io.IOException | RuntimeException e) {
            // opening says what failed
        }
        open(logFolder.toString());
    }

    private void open(String target) {
        status.set(opener.open(target) ? "" : i18n.get("about.openFailed", target));
    }
}
