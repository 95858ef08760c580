package io.tlsdoctor.testpeers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Real peers (Postfix, dnsmasq) come from Debian packages. Where one is missing, a developer's run skips the test and
 * says which package to install; on the Linux CI ({@code CI=true}) it fails, so CI can never skip them silently.
 */
public final class ExternalTools {

    private ExternalTools() {}

    public static void require(Path binary, String debianPackage) {
        if (!Files.isExecutable(binary)) {
            missing(binary + " is not installed (Debian package " + debianPackage + "; .ci/run installs it)");
        }
    }

    public static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            missing(why + " must run as root (as .ci/run does)");
        }
    }

    private static void missing(String reason) {
        // Only the Linux job can install the Debian peers; the Windows job (also CI=true) runs the rest of the suite.
        boolean linux = System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .contains("linux");
        if (linux && "true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true and " + reason);
        }
        Assumptions.abort("Skipped: " + reason);
    }
}
