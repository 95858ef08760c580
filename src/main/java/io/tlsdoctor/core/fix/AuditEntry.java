package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.registry.RegistryValue;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One change to a store as the audit trail keeps it: what was asked (apply a plan, undo a backup), on which store,
 * every value with its data before and after (as read back), where the backups are, and who asked through which face.
 *
 * @param rehearsal   true when the store is a copy of an export (a .reg file), not a live registry
 * @param planDigest  SHA-256 of the plan applied (the reviewed file's; else its copy in the backup folder); null for undo
 * @param undoes      for an undo, the backup folder whose values were put back; null for apply
 * @param runAs       the account the change ran as (the elevated helper's administrator)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
        String schema,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant at,

        Action action,
        ApplyResult.Outcome outcome,
        String store,
        boolean rehearsal,
        List<Value> values,
        String backupFolder,
        String fullBackup,
        String planDigest,
        String undoes,
        String requestedBy,
        FixRequester.Via via,
        String runAs) {

    public static final String SCHEMA = "tlsdoctor.audit/1";

    /** What was done. */
    public enum Action {
        APPLY,
        UNDO
    }

    /** One value: its data before and after (null: absent) and what happened to it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String location, RegistryValue before, RegistryValue after, ChangeResult.State state) {}

    public AuditEntry {
        values = List.copyOf(values);
    }

    /**
     * The entry for a finished change, from its result. The Windows event id says what happened at a glance, so a
     * SIEM rule needs no parsing: 1001 applied, 1002 undone, 1003 failed and rolled back, 1004 failed and not fully
     * put back; 100 more for a rehearsal on a copy.
     */
    public int eventId() {
        int base = switch (outcome) {
            case APPLIED, NOTHING_TO_DO -> action == Action.APPLY ? 1001 : 1002;
            case ROLLED_BACK, NOT_STARTED, BLOCKED -> 1003;
            case ROLLBACK_INCOMPLETE -> 1004;
        };
        return rehearsal ? base + 100 : base;
    }

    static AuditEntry of(
            Instant at,
            Action action,
            ApplyResult result,
            boolean rehearsal,
            String planDigest,
            Path undoes,
            FixRequester requester,
            String runAs) {
        List<Value> values = result.changes().stream()
                .map(c -> new Value(c.location().toString(), c.before(), c.after(), c.state()))
                .toList();
        Path full = result.backupFolder() == null ? null : result.backupFolder().resolve(Backup.FULL_BACKUP);
        return new AuditEntry(
                SCHEMA,
                at,
                action,
                result.outcome(),
                result.store(),
                rehearsal,
                values,
                result.backupFolder() == null ? null : result.backupFolder().toString(),
                full == null ? null : full.toString(),
                planDigest,
                undoes == null ? null : undoes.toString(),
                requester.user(),
                requester.via(),
                runAs);
    }
}
