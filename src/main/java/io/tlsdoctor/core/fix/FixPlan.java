package io.tlsdoctor.core.fix;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.InstantJson;
import io.tlsdoctor.core.text.ContentProblem;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.LocalizedText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What TLS Doctor proposes to change, as a file an admin can review before anything happens.
 *
 * @param kind     {@link Kind#ENABLE_TLS12} (the fix) or {@link Kind#HARDEN} (optional: TLS 1.0/1.1 off)
 * @param blockers when not empty, updates must come first and {@code changes} is empty
 * @param notes    prerequisites and warnings shown with the plan
 */
public record FixPlan(
        String schema,
        Kind kind,
        Direction direction,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant createdAt,

        List<String> plannedFrom,
        List<PlannedChange> changes,
        List<LocalizedText> blockers,
        List<LocalizedText> notes) {

    public static final String SCHEMA = "tlsdoctor.fix-plan/1";

    /** Which plan this is. */
    public enum Kind {
        ENABLE_TLS12,
        HARDEN
    }

    public FixPlan {
        plannedFrom = plannedFrom == null ? List.of() : List.copyOf(plannedFrom);
        changes = changes == null ? List.of() : List.copyOf(changes);
        blockers = blockers == null ? List.of() : List.copyOf(blockers);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    @JsonIgnore
    public boolean isBlocked() {
        return !blockers.isEmpty();
    }

    public void save(Path file) throws IOException {
        Files.writeString(file, Json.pretty(this));
    }

    /** Reads a plan file and refuses anything outside the allow-list, so a tampered plan cannot write elsewhere. */
    public static FixPlan load(Path file) throws FixPlanException {
        return load(file, null);
    }

    /**
     * As {@link #load(Path)}; when {@code expectedDigest} is given (the elevated helper), the bytes parsed must have
     * that SHA-256, so a plan swapped after review, even between the check and the read, is refused.
     */
    public static FixPlan load(Path file, String expectedDigest) throws FixPlanException {
        FixPlan plan;
        byte[] bytes = null;
        try {
            bytes = Files.readAllBytes(file);
            if (expectedDigest != null && !expectedDigest.equalsIgnoreCase(StateDigest.of(bytes))) {
                throw new FixPlanException("fix.error.planChanged", file.toString());
            }
            plan = Json.mapper().readValue(bytes, FixPlan.class);
        } catch (NoSuchFileException e) {
            throw new FixPlanException("fix.error.planMissing", file.toString());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new FixPlanException(
                    "fix.error.planMalformed",
                    ContentProblem.of(e, bytes, file).argsFor(file).toArray());
        } catch (IOException e) {
            // not the plan's content but the file: say which way it failed, not "is not a plan (Is a directory)"
            throw new FixPlanException(
                    "fix.error.planUnreadable", IoProblem.argsForFile(file, e).toArray());
        }
        if (!SCHEMA.equals(plan.schema())) {
            throw new FixPlanException("fix.error.planSchema", file.toString(), String.valueOf(plan.schema()), SCHEMA);
        }
        if (plan.kind() == null) {
            throw new FixPlanException(
                    "fix.error.planMalformed",
                    ContentProblem.missing("kind").argsFor(file).toArray());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PlannedChange change : plan.changes()) {
            if (change == null || change.location() == null || change.target() == null) {
                throw new FixPlanException(
                        "fix.error.planMalformed",
                        ContentProblem.missing("changes").argsFor(file).toArray());
            }
            AllowList.check(change.location(), change.target());
            if (!seen.add(change.location().key())) {
                throw new FixPlanException(
                        "fix.error.duplicate",
                        file.toString(),
                        change.location().toString());
            }
        }
        return plan;
    }
}
