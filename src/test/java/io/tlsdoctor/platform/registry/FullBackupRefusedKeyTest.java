package io.tlsdoctor.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A key the full backup cannot read stops the change; the user reads which key and what to do, in their language, not
 * Windows' own text (which is in the server's language, and goes to the log).
 */
class FullBackupRefusedKeyTest {

    private static final String ROOT = "HKEY_LOCAL_MACHINE";
    private static final String PROTOCOLS =
            "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";
    private static final String SHOWN = ROOT + "\\" + PROTOCOLS;

    /** The root reads, its one child is refused as Windows refuses it. */
    private static RegistryHive refusing(RegistryHive.Unreadable refusal) {
        return (root, subKey, wow32) -> {
            if (subKey.equals(PROTOCOLS)) {
                return Optional.of(new RegistryHive.Content(Instant.EPOCH, Map.of(), List.of("TLS 1.2")));
            }
            throw refusal;
        };
    }

    private static RegistryStoreException walk(RegistryHive hive) {
        Map<String, Map<String, RegistryValue>> exported = new LinkedHashMap<>();
        return catchThrowableOfType(
                () -> WindowsRegistryStore.walk(hive, ROOT, PROTOCOLS, false, SHOWN, exported),
                RegistryStoreException.class);
    }

    @Test
    void aKeyWindowsRefusesIsNamedWithTheAdministratorWayOut() {
        RegistryStoreException e = walk(refusing(new RegistryHive.Unreadable("Åtkomst nekad.", true)));

        String english = Messages.forLocale(Languages.ENGLISH).get(e.messageKey(), e.args());
        String swedish = Messages.forLocale(Languages.SWEDISH).get(e.messageKey(), e.args());
        assertThat(english)
                .isEqualTo("Nothing was changed: the key " + SHOWN + "\\TLS 1.2 could not be read for the full backup"
                        + " because access to " + SHOWN + "\\TLS 1.2 was denied. Run TLS Doctor as an administrator,"
                        + " or get permission to read that key, then try again.")
                .doesNotContain("Åtkomst nekad");
        assertThat(swedish)
                .startsWith("Ingenting ändrades: nyckeln " + SHOWN + "\\TLS 1.2 kunde inte läsas")
                .contains("eftersom åtkomst till " + SHOWN + "\\TLS 1.2 nekades. Kör TLS Doctor som administratör")
                .doesNotContain("{");
    }

    @Test
    void anyOtherRefusalPointsToTheLogNotToWindowsText() {
        RegistryStoreException e = walk(refusing(new RegistryHive.Unreadable("The handle is invalid.", false)));

        String english = Messages.forLocale(Languages.ENGLISH).get(e.messageKey(), e.args());
        assertThat(english)
                .contains(SHOWN + "\\TLS 1.2")
                .contains("for a reason TLS Doctor did not expect; the details are in the log")
                .contains("save a support bundle")
                .doesNotContain("handle is invalid");
        assertThat(Messages.forLocale(Languages.SWEDISH).get(e.messageKey(), e.args()))
                .contains("inte väntade sig; detaljerna finns i loggen")
                .doesNotContain("handle is invalid");
    }
}
