package io.tlsdoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Version;
import org.junit.jupiter.api.Test;

/** What {@code tlsdoctor --version} tells an admin, and that it matches what the installer shows. */
class VersionOutputTest {

    @Test
    void theInstallerVersionIsNumbersOnlyAndWithinWhatWindowsInstallerAccepts() {
        String[] parts = Version.packageVersion().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(Integer.parseInt(parts[0])).isBetween(0, 255);
        assertThat(Integer.parseInt(parts[1])).isBetween(0, 255);
        assertThat(Integer.parseInt(parts[2])).isBetween(0, 65535);
        assertThat(Version.current()).startsWith(Version.packageVersion());
    }

    @Test
    void aDevelopmentBuildAlsoNamesTheVersionItsInstallerCarries() {
        CliRunner english = CliRunner.run("", "--version", "--lang=en");
        CliRunner swedish = CliRunner.run("", "--version", "--lang=sv");
        assertThat(english.exitCode()).isZero();
        assertThat(english.out()).startsWith("TLS Doctor " + Version.current() + System.lineSeparator());
        if (Version.current().equals(Version.packageVersion())) {
            assertThat(english.out()).doesNotContain("Installer version");
        } else {
            assertThat(english.out()).contains("Installer version " + Version.packageVersion() + " (numbers only");
            assertThat(swedish.out()).contains("Installationsversion " + Version.packageVersion() + " (bara siffror");
        }
    }
}
