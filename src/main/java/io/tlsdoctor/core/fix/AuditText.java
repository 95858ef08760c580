package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Messages;

/** An audit entry as a person reads it in Event Viewer, in the language TLS Doctor runs in. */
public final class AuditText {

    private AuditText() {}

    public static String of(AuditEntry entry, Messages m) {
        StringBuilder text = new StringBuilder();
        String what =
                (entry.rehearsal() ? "rehearsal." : "") + entry.action().name().toLowerCase(java.util.Locale.ROOT);
        text.append(m.get("audit.text." + what, entry.store(), m.get("audit.text.outcome." + entry.outcome())))
                .append('\n');
        text.append(m.get(
                        "audit.text.requested",
                        entry.requestedBy(),
                        m.get("audit.text.via." + entry.via()),
                        entry.runAs()))
                .append('\n');
        if (entry.planDigest() != null) {
            text.append(m.get("audit.text.plan", entry.planDigest())).append('\n');
        }
        if (entry.undoes() != null) {
            text.append(m.get("audit.text.undoes", entry.undoes())).append('\n');
        }
        if (entry.backupFolder() != null) {
            text.append(m.get("audit.text.backup", entry.backupFolder())).append('\n');
        }
        if (entry.fullBackup() != null) {
            text.append(m.get("audit.text.fullBackup", entry.fullBackup())).append('\n');
        }
        for (AuditEntry.Value value : entry.values()) {
            text.append(m.get(
                            "audit.text.value",
                            value.location(),
                            show(value.before(), m),
                            show(value.after(), m),
                            m.get("cli.fix.state." + value.state())))
                    .append('\n');
        }
        return text.toString().stripTrailing();
    }

    private static String show(RegistryValue value, Messages m) {
        return value == null ? m.get("cli.fix.value.absent") : value.display();
    }
}
