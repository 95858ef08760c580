package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.registry.RegistryValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The record of a change in progress, kept with the store's lock: written before the first write and cleared after
 * the last read-back. Found by the next process that locks the store, it tells whether that change landed wholly,
 * not at all, or in part (then it is rolled back), and the user is told once.
 *
 * @param state      {@link State#IN_PROGRESS} while the change runs (or after a kill -9); {@link State#RESOLVED} once an
 *                   interruption was dealt with and the next run still has to say so
 * @param resolution how an interrupted change ended; null while in progress
 * @param putBack    how many values were put back from the backup (for {@link Resolution#ROLLED_BACK})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FixJournal(
        String schema,
        State state,
        String purpose,
        String store,
        Path backupFolder,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant startedAt,

        long pid,
        List<Target> targets,
        Resolution resolution,
        Integer putBack) {

    public static final String SCHEMA = "tlsdoctor.fix-journal/1";

    /** Whether the change is still to be resolved. */
    public enum State {
        IN_PROGRESS,
        RESOLVED
    }

    /** How an interrupted change ended. */
    public enum Resolution {
        /** Nothing had landed: the store is as it was. */
        NOTHING_CHANGED,
        /** Every value had landed: the change is complete (undo it from its backup if it is not wanted). */
        COMPLETE,
        /** Part had landed and was put back from the backup: the store is as it was. */
        ROLLED_BACK,
        /** Part had landed and could not all be put back: restore from the backup. */
        ROLLBACK_FAILED
    }

    /** One value: what it was before ({@code prior}) and what the change sets ({@code wanted}); null is absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Target(RegistryLocation location, RegistryValue prior, RegistryValue wanted) {}

    public FixJournal {
        targets = List.copyOf(targets);
    }

    FixJournal resolved(Resolution how, int valuesPutBack) {
        return new FixJournal(
                schema, State.RESOLVED, purpose, store, backupFolder, startedAt, pid, targets, how, valuesPutBack);
    }

    byte[] toBytes() {
        return Json.pretty(this).getBytes(StandardCharsets.UTF_8);
    }

    static FixJournal fromBytes(byte[] bytes) throws IOException {
        FixJournal journal = Json.mapper().readValue(bytes, FixJournal.class);
        if (!SCHEMA.equals(journal.schema())) {
            throw new IOException("not a TLS Doctor journal: " + journal.schema());
        }
        return journal;
    }
}
