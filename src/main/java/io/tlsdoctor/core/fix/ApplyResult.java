package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of applying a plan or undoing a backup, value by value.
 *
 * @param backupFolder where the prior state was saved (null when nothing needed changing or nothing could be read)
 * @param problemKey   message key of what went wrong, with {@code problemArgs}; null on success
 * @param audit        whether the change was recorded in the audit trail (null: nothing was changed, or no trail)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplyResult(
        Outcome outcome,
        String store,
        Path backupFolder,
        List<ChangeResult> changes,
        String problemKey,
        List<Object> problemArgs,
        AuditOutcome audit) {

    /** How it ended. */
    public enum Outcome {
        /** Every value now has its wanted data, read back. */
        APPLIED,
        /** Every value already had its wanted data; nothing was written and no backup was needed. */
        NOTHING_TO_DO,
        /** The plan needs updates first; nothing was read or written. */
        BLOCKED,
        /** Something failed before the first write (reading, or saving the backup); nothing was changed. */
        NOT_STARTED,
        /** A write failed; every value written was put back and read back as before. */
        ROLLED_BACK,
        /** A write failed and putting everything back failed too: restore from the backup folder. */
        ROLLBACK_INCOMPLETE
    }

    public ApplyResult {
        changes = List.copyOf(changes);
        problemArgs = problemArgs == null ? List.of() : List.copyOf(problemArgs);
    }

    public ApplyResult(
            Outcome outcome,
            String store,
            Path backupFolder,
            List<ChangeResult> changes,
            String problemKey,
            List<Object> problemArgs) {
        this(outcome, store, backupFolder, changes, problemKey, problemArgs, null);
    }

    public ApplyResult withAudit(AuditOutcome outcome) {
        return new ApplyResult(this.outcome, store, backupFolder, changes, problemKey, problemArgs, outcome);
    }

    public boolean changedSomething() {
        return changes.stream()
                .anyMatch(c -> c.state() == ChangeResult.State.WRITTEN || c.state() == ChangeResult.State.FAILED);
    }
}
