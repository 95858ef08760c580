package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.ContentProblem;
import io.tlsdoctor.core.text.IoProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The prior state of every value a change touches, taken before the first write: the source of truth for rollback
 * and undo ({@code restore.reg} beside it is the same state for a human to import).
 *
 * @param store   where the change went, as the user was told ("EX01", "export.reg")
 * @param storeId what the store is, however its path was typed ({@link RegistryStore#identity()}); null in backups
 *                made before it was recorded, which are then matched by {@code store}
 * @param expects SHA-256 of the state the change leaves ({@link StateDigest#ofValues}, each entry's {@code after}):
 *                an undo finds the store in that state, or in a part of it, or is refused; null in older backups
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Backup(
        String schema,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant takenAt,

        String store,
        String storeId,
        String expects,
        List<Entry> entries) {

    public static final String SCHEMA = "tlsdoctor.fix-backup/1";
    public static final String FILE = "backup.json";
    /** For a .reg store: the whole file before the change, so an undo can give back every byte. */
    public static final String STORE_BEFORE = "store-before.reg";
    /** For a .reg store: SHA-256 of the whole file as the change left it, written once the change is read back. */
    public static final String STORE_AFTER_DIGEST = "store-after.sha256";
    /** The whole SCHANNEL key and the .NET and WinHTTP keys the change touches, as they were: for reg import. */
    public static final String FULL_BACKUP = "full-backup.reg";

    public Backup {
        entries = List.copyOf(entries);
    }

    /** A backup without identity or expected state (as older versions wrote them). */
    public Backup(String schema, Instant takenAt, String store, List<Entry> entries) {
        this(schema, takenAt, store, null, null, entries);
    }

    /**
     * One value before the change; {@code prior} is null when it was absent. {@code after} is what the change sets
     * (null: deletes it), meaningful only when the backup {@link #expects()} a state.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(RegistryLocation location, RegistryValue prior, RegistryValue after) {

        public Entry(RegistryLocation location, RegistryValue prior) {
            this(location, prior, null);
        }
    }

    /** SHA-256 of a backup folder's {@code backup.json}: the elevated undo restores only the backup the user chose. */
    public static String digest(Path folder) throws IOException {
        return StateDigest.of(Files.readAllBytes(folder.resolve(FILE)));
    }

    /** Reads {@code backup.json} from a backup folder, refusing anything outside the allow-list. */
    public static Backup load(Path folder) throws FixPlanException {
        return load(folder, null);
    }

    /**
     * As {@link #load(Path)}, and when {@code expectedDigest} is given the bytes read must have that SHA-256 (checked on
     * the very bytes parsed, so a file swapped in between is refused too).
     */
    public static Backup load(Path folder, String expectedDigest) throws FixPlanException {
        Path file = folder.resolve(FILE);
        Backup backup;
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            if (expectedDigest != null && !expectedDigest.equalsIgnoreCase(StateDigest.of(bytes))) {
                throw new FixPlanException("fix.error.backupChanged", folder.toString());
            }
            backup = Json.mapper().readValue(bytes, Backup.class);
        } catch (NoSuchFileException e) {
            throw new FixPlanException("fix.error.backupMissing", folder.toString());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new FixPlanException(
                    "fix.error.backupMalformed",
                    ContentProblem.of(e, bytes, file).argsFor(file).toArray());
        } catch (IOException e) {
            // not the backup's content but the file: say which way it failed, not "cannot be read (Is a directory)"
            throw new FixPlanException(
                    "fix.error.backupUnreadable", IoProblem.argsForFile(file, e).toArray());
        }
        if (!SCHEMA.equals(backup.schema())) {
            throw new FixPlanException(
                    "fix.error.backupMalformed",
                    ContentProblem.otherKind().argsFor(file).toArray());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Entry entry : backup.entries()) {
            // a restore may put back any type the admin had, but only at places a plan may touch
            AllowList.checkLocation(entry.location());
            if (!seen.add(entry.location().key())) {
                throw new FixPlanException(
                        "fix.error.duplicate", file.toString(), entry.location().toString());
            }
        }
        return backup;
    }
}
