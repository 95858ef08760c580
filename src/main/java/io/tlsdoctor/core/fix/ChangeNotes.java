package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.text.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the command line and the wizard both say after a change, beside its outcome: where the full backup is and how
 * to import it, and whether the change was recorded in the audit trail (a warning when it could not be).
 */
public final class ChangeNotes {

    private ChangeNotes() {}

    /** {@code live}: the change went to this computer's registry, where {@code reg import} puts the backup back. */
    public static List<String> of(ApplyResult result, boolean live, Messages m) {
        List<String> lines = new ArrayList<>();
        if (result.backupFolder() != null) {
            Path full = result.backupFolder().resolve(Backup.FULL_BACKUP);
            if (Files.isRegularFile(full)) {
                lines.add(m.get(live ? "fix.fullBackup.live" : "fix.fullBackup.copy", full.toString()));
            }
        }
        AuditOutcome audit = result.audit();
        if (audit != null) {
            lines.add(m.get(audit.messageKey(), audit.messageArgs().toArray()));
        }
        return lines;
    }
}
