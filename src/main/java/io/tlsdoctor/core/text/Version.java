package io.tlsdoctor.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** TLS Doctor's own version, from the build (version.properties, filtered by Maven from the project version). */
public final class Version {

    private static final String UNKNOWN = "development";

    private Version() {}

    /** The project version, as built: {@code 0.1.0-SNAPSHOT}, {@code 0.1.0}. */
    public static String current() {
        return property("version");
    }

    /**
     * The version the installers carry, numbers only because Windows Installer accepts nothing else:
     * {@code 0.1.0} for {@code 0.1.0-SNAPSHOT}. Maven derives it; installer/build.sh and build.ps1 pass it to jpackage.
     */
    public static String packageVersion() {
        return property("packageVersion");
    }

    /** The project's web address (its README), when the build was told it; see the pom's tlsdoctor.homepage. */
    public static java.util.Optional<String> homepage() {
        String home = property("homepage").strip();
        boolean web = home.startsWith("https://") || home.startsWith("http://");
        return web
                ? java.util.Optional.of(home.endsWith("/") ? home.substring(0, home.length() - 1) : home)
                : java.util.Optional.empty();
    }

    /** The licence's name ({@code Apache-2.0}). */
    public static String licence() {
        return property("licence");
    }

    public static String licenceUrl() {
        return property("licenceUrl");
    }

    private static String property(String name) {
        try (InputStream in = Version.class.getResourceAsStream("/io/tlsdoctor/version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty(name, UNKNOWN);
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
