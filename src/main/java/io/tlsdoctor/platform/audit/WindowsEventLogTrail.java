package io.tlsdoctor.platform.audit;

import com.sun.jna.Memory;
import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.AuditEntry;
import io.tlsdoctor.core.fix.AuditOutcome;
import io.tlsdoctor.core.fix.AuditText;
import io.tlsdoctor.core.fix.AuditTrail;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Application event log, source "TLS Doctor": the entry as text in TLS Doctor's language (the one insertion
 * string, which Event Viewer shows) and as JSON in the event's binary data (for a SIEM, the same JSON the offline
 * twin writes). Registering the source needs an administrator: the elevated helper does it on its first change.
 * Unregistered, Windows still logs under the Application log with this source name, but Event Viewer prefixes the
 * text with "The description for Event ID ... cannot be found": the user is told so.
 */
public final class WindowsEventLogTrail implements AuditTrail {

    public static final String SOURCE = "TLS Doctor";
    static final String SOURCE_KEY = "SYSTEM\\CurrentControlSet\\Services\\EventLog\\Application\\" + SOURCE;
    /** The message file .NET registers its event sources with: every event id's message is just "%1". */
    private static final String MESSAGE_FILE = "Microsoft.NET\\Framework64\\v4.0.30319\\EventLogMessages.dll";

    private final Messages messages;

    public WindowsEventLogTrail(Messages messages) {
        this.messages = messages;
    }

    @Override
    public AuditOutcome record(AuditEntry entry) throws IOException {
        boolean registered = ensureSource();
        WinNT.HANDLE log = Advapi32.INSTANCE.RegisterEventSource(null, SOURCE);
        if (log == null) {
            throw new IOException(Kernel32Util.formatMessageFromLastErrorCode(Kernel32.INSTANCE.GetLastError()));
        }
        try {
            byte[] json = Json.mapper().writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
            Memory data = new Memory(json.length);
            data.write(0, json, 0, json.length);
            String text = AuditText.of(entry, messages);
            if (!Advapi32.INSTANCE.ReportEvent(
                    log, type(entry.outcome()), 0, entry.eventId(), null, 1, json.length, new String[] {text}, data)) {
                throw new IOException(Kernel32Util.formatMessageFromLastErrorCode(Kernel32.INSTANCE.GetLastError()));
            }
        } finally {
            Advapi32.INSTANCE.DeregisterEventSource(log);
        }
        return registered
                ? AuditOutcome.recorded("fix.audit.eventLog", SOURCE, entry.eventId())
                : AuditOutcome.recorded("fix.audit.eventLogUnregistered", SOURCE, entry.eventId());
    }

    @Override
    public String describe() {
        return messages.get("fix.audit.eventLogName", SOURCE);
    }

    private static int type(ApplyResult.Outcome outcome) {
        return switch (outcome) {
            case APPLIED, NOTHING_TO_DO -> WinNT.EVENTLOG_INFORMATION_TYPE;
            case ROLLBACK_INCOMPLETE -> WinNT.EVENTLOG_ERROR_TYPE;
            default -> WinNT.EVENTLOG_WARNING_TYPE;
        };
    }

    /**
     * True when the source is registered, registering it when this process may (an administrator); a standard user
     * gets false and the entry is written all the same.
     */
    static boolean ensureSource() {
        if (Advapi32Util.registryKeyExists(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY)) {
            return true;
        }
        String windows = System.getenv().getOrDefault("SystemRoot", "C:\\Windows");
        if (!Files.isRegularFile(Path.of(windows, MESSAGE_FILE))) {
            return false;
        }
        try {
            Advapi32Util.registryCreateKey(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY);
            Advapi32Util.registrySetExpandableStringValue(
                    WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY, "EventMessageFile", "%SystemRoot%\\" + MESSAGE_FILE);
            Advapi32Util.registrySetIntValue(WinReg.HKEY_LOCAL_MACHINE, SOURCE_KEY, "TypesSupported", 7);
            return true;
        } catch (RuntimeException notAdministrator) {
            return false;
        }
    }
}
