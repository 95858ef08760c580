package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.registry.RegistryValue;

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
 * @param store where the change went ("the registry of EX01", "export.reg")
 */
public record Backup(String schema,
                     @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class) Instant takenAt,
                     String store, List<Entry> entries) {

    public static final String SCHEMA = "tlsdoctor.fix-backup/1";
    public static final String FILE = "backup.json";

    public Backup {
        entries = List.copyOf(entries);
    }

    /** One value before the change; {@code prior} is null when it was absent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(RegistryLocation location, RegistryValue prior) {
    }

    /** Reads {@code backup.json} from a backup folder, refusing anything outside the allow-list. */
    public static Backup load(Path folder) throws FixPlanException {
        Path file = folder.resolve(FILE);
        Backup backup;
        try {
            backup = Json.mapper().readValue(Files.readAllBytes(file), Backup.class);
        } catch (NoSuchFileException e) {
            throw new FixPlanException("fix.error.backupMissing", folder.toString());
        } catch (IOException | RuntimeException e) {
            throw new FixPlanException("fix.error.backupMalformed", file.toString(), String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (!SCHEMA.equals(backup.schema())) {
            throw new FixPlanException("fix.error.backupMalformed", file.toString(), "schema " + backup.schema());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Entry entry : backup.entries()) {
            // a restore may put back any type the admin had, but only at places a plan may touch
            AllowList.checkLocation(entry.location());
            if (!seen.add(entry.location().key())) {
                throw new FixPlanException("fix.error.duplicate", file.toString(), entry.location().toString());
            }
        }
        return backup;
    }
}
