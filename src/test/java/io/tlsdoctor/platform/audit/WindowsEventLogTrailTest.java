package io.tlsdoctor.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.AuditEntry;
import io.tlsdoctor.core.fix.AuditOutcome;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.FixRequester;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Messages;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The entry as Windows keeps it, read back through the event log API: source "TLS Doctor" in the Application log, the
 * text with the values old and new and who asked, and the JSON entry as the event data.
 */
@EnabledOnOs(OS.WINDOWS)
class WindowsEventLogTrailTest {

    private static final String ENABLED =
            "HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server\\Enabled";

    @Test
    void anAppliedChangeIsReadBackFromTheApplicationLog() throws Exception {
        String marker = "audit-test-" + UUID.randomUUID();
        AuditEntry entry = new AuditEntry(
                AuditEntry.SCHEMA,
                Instant.now(),
                AuditEntry.Action.APPLY,
                ApplyResult.Outcome.APPLIED,
                marker,
                false,
                List.of(new AuditEntry.Value(
                        ENABLED, RegistryValue.dword(0), RegistryValue.dword(1), ChangeResult.State.WRITTEN)),
                "C:\\ProgramData\\TLS Doctor\\backups\\" + marker,
                "C:\\ProgramData\\TLS Doctor\\backups\\" + marker + "\\full-backup.reg",
                "ab12",
                null,
                "CONTOSO\\helpdesk1",
                FixRequester.Via.WIZARD,
                "CONTOSO\\admin1");

        AuditOutcome outcome = new WindowsEventLogTrail(Messages.forLocale(Locale.ENGLISH)).record(entry);
        assertThat(outcome.recorded()).isTrue();
        // the CI runner is an administrator, so the source gets registered; a standard user is told it is not
        assertThat(outcome.messageKey())
                .isEqualTo(
                        WindowsEventLogTrail.ensureSource() ? "fix.audit.eventLog" : "fix.audit.eventLogUnregistered");

        Advapi32Util.EventLogRecord found = null;
        Advapi32Util.EventLogIterator records =
                new Advapi32Util.EventLogIterator(null, "Application", WinNT.EVENTLOG_BACKWARDS_READ);
        try {
            for (int i = 0; i < 500 && records.hasNext() && found == null; i++) {
                Advapi32Util.EventLogRecord record = records.next();
                if (WindowsEventLogTrail.SOURCE.equals(record.getSource())
                        && record.getStrings() != null
                        && record.getStrings().length > 0
                        && record.getStrings()[0].contains(marker)) {
                    found = record;
                }
            }
        } finally {
            records.close();
        }
        assertThat(found)
                .as("an Application log entry from source TLS Doctor naming " + marker)
                .isNotNull();
        assertThat(found.getInstanceId() & 0xFFFF).isEqualTo(1001);
        assertThat(found.getType()).isEqualTo(Advapi32Util.EventLogType.Informational);
        assertThat(found.getStrings()[0])
                .contains("TLS Doctor applied a fix plan to " + marker)
                .contains(ENABLED + ": " + RegistryValue.dword(0).display() + " -> "
                        + RegistryValue.dword(1).display())
                .contains("Requested by CONTOSO\\helpdesk1 through the wizard; run as CONTOSO\\admin1.")
                .contains("full-backup.reg")
                .contains("Plan SHA-256: ab12");
        JsonNode data = Json.mapper().readTree(new String(found.getData(), StandardCharsets.UTF_8));
        assertThat(data.get("store").asText()).isEqualTo(marker);
        assertThat(data.get("values").get(0).get("after").get("number").asLong())
                .isEqualTo(1);
    }
}
