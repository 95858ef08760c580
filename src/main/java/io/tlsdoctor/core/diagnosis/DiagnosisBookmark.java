package io.tlsdoctor.core.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where a diagnosis stood when the server went down for its restart, so that TLS Doctor, opened again afterwards,
 * offers to check again, shows before and after, and can still write the whole story into the summary.
 *
 * @param symptom        the symptom code the user picked or that was recognised, or null
 * @param clientBefore   whether the SChannel client side used TLS 1.2 before the change (null: unknown)
 * @param serverBefore   the same for the server side
 * @param backupFolder   the backup of the change that needs the restart, or null
 * @param store          where the change went: the computer, or the rehearsed .reg copy to check again
 * @param evidenceText   what the user pasted or opened (recognised again on resume), or null
 * @param evidenceSource the file it came from, or null
 * @param conclusion     the diagnosis made before the change, or null
 * @param changes        the changes made in the session, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisBookmark(
        String schema,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant savedAt,

        String symptom,
        Direction direction,
        Boolean clientBefore,
        Boolean serverBefore,
        String backupFolder,
        String store,
        String evidenceText,
        String evidenceSource,
        Conclusion conclusion,
        List<ApplyResult> changes) {

    public static final String SCHEMA = "tlsdoctor.bookmark/1";

    public DiagnosisBookmark {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, Json.pretty(this));
    }

    /** The bookmark, or empty when there is none or it cannot be read (it is a convenience, never a blocker). */
    public static Optional<DiagnosisBookmark> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            DiagnosisBookmark bookmark = Json.mapper().readValue(file.toFile(), DiagnosisBookmark.class);
            return SCHEMA.equals(bookmark.schema()) ? Optional.of(bookmark) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale bookmark only offers a check that is harmless to run
        }
    }
}
