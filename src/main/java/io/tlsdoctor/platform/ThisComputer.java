package io.tlsdoctor.platform;

import io.tlsdoctor.core.diagnosis.CheckMode;
import io.tlsdoctor.core.diagnosis.Provenance;
import io.tlsdoctor.core.text.Version;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Who ran TLS Doctor where, for the diagnosis and its summary: on Windows the computer name and the Windows user
 * (domain, backslash, user name) as the environment gives them; elsewhere the host name and the account name.
 */
public final class ThisComputer {

    private ThisComputer() {}

    /** This run, now. */
    public static Provenance provenance(CheckMode mode) {
        return provenance(
                mode,
                System.getenv(),
                System.getProperty("os.name", ""),
                System.getProperty("user.name", ""),
                ThisComputer::hostName,
                Clock.systemUTC());
    }

    static Provenance provenance(
            CheckMode mode,
            Map<String, String> env,
            String osName,
            String userProperty,
            Supplier<String> hostName,
            Clock clock) {
        boolean windows = osName.toLowerCase(Locale.ROOT).startsWith("windows");
        String computer = windows ? nonBlank(env.get("COMPUTERNAME")) : null;
        if (computer == null) {
            computer = nonBlank(hostName.get());
        }
        String user = null;
        if (windows && nonBlank(env.get("USERNAME")) != null) {
            String domain = nonBlank(env.get("USERDOMAIN"));
            user = domain == null ? env.get("USERNAME") : domain + "\\" + env.get("USERNAME");
        }
        if (user == null) {
            user = nonBlank(userProperty);
        }
        return new Provenance(
                Instant.now(clock),
                computer == null ? "unknown" : computer,
                user == null ? "unknown" : user,
                Version.current(),
                mode);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            String fromEnv = System.getenv("HOSTNAME");
            return fromEnv == null ? "unknown" : fromEnv;
        }
    }

    private static String nonBlank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
