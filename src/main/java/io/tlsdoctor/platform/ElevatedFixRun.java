package io.tlsdoctor.platform;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixRequester;
import io.tlsdoctor.core.fix.PlanDigest;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.platform.audit.AuditTrails;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The one way a change reaches the live registry from an unelevated TLS Doctor, for the wizard and the command line
 * alike: TLS Doctor itself, relaunched elevated in its headless {@code fix apply} / {@code fix undo} mode with the
 * SHA-256 of the very plan or backup the user reviewed (a file swapped before the UAC prompt is refused), writing its
 * result to a file read back here.
 */
public final class ElevatedFixRun {

    private static final java.util.logging.Logger LOG = io.tlsdoctor.core.text.EventLog.of(ElevatedFixRun.class);

    private final Path backupsRoot;
    private final Locale language;
    private final FixRequester requester;

    /** Asked for on the command line by this process's user. */
    public ElevatedFixRun(Path backupsRoot, Locale language) {
        this(backupsRoot, language, new FixRequester(AuditTrails.currentUser(), FixRequester.Via.CLI));
    }

    /** {@code requester} goes to the helper's audit entry: the administrator it runs as may be someone else. */
    public ElevatedFixRun(Path backupsRoot, Locale language, FixRequester requester) {
        this.backupsRoot = backupsRoot;
        this.language = language;
        this.requester = requester;
    }

    /** Applies the plan file whose SHA-256 is {@code digest} (computed when the user reviewed it). */
    public ApplyResult apply(Path planFile, String digest) {
        return run(List.of("fix", "apply", "--plan", planFile.toAbsolutePath().toString(), "--sha256", digest));
    }

    /** Applies a plan file as it is now. */
    public ApplyResult apply(Path planFile) {
        try {
            return apply(planFile, PlanDigest.of(planFile));
        } catch (NoSuchFileException e) {
            return failed("fix.error.planMissing", planFile.toString());
        } catch (IOException e) {
            return failed(
                    "fix.error.planUnreadable",
                    IoProblem.argsForFile(planFile, e).toArray());
        }
    }

    /** Undoes the backup in {@code folder}, as its {@code backup.json} is now. */
    public ApplyResult undo(Path folder) {
        try {
            return undo(folder, Backup.digest(folder));
        } catch (IOException e) {
            return failed("fix.error.backupMissing", folder.toString());
        }
    }

    /** Undoes the backup whose {@code backup.json} has SHA-256 {@code digest}. */
    public ApplyResult undo(Path folder, String digest) {
        return run(List.of("fix", "undo", "--backup", folder.toAbsolutePath().toString(), "--backup-sha256", digest));
    }

    private ApplyResult run(List<String> command) {
        Path result;
        try {
            result = DataFolders.runs().resolve("result-" + UUID.randomUUID() + ".json");
        } catch (IOException e) {
            return cannotPrepare(e);
        }
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of(
                "--yes",
                "--backups",
                backupsRoot.toAbsolutePath().toString(),
                "--result",
                result.toString(),
                "--lang",
                language.getLanguage(),
                "--requested-by",
                requester.user(),
                "--via",
                requester.via().name()));
        LOG.info(() -> "starting the elevated helper: " + String.join(" ", command));
        Elevation.Outcome outcome = Elevation.runElevated(arguments);
        LOG.info(() -> "elevated helper: "
                + (outcome.declined()
                        ? "declined at the UAC prompt"
                        : outcome.waitCancelled() ? "wait cancelled" : "exit code " + outcome.exitCode()));
        if (outcome.declined()) {
            return failed("fix.apply.declined");
        }
        if (outcome.waitCancelled()) {
            return failed("fix.apply.waitCancelled", backupsRoot.toString());
        }
        try {
            return Json.mapper().readValue(Files.readAllBytes(result), ApplyResult.class);
        } catch (IOException e) {
            return failed("fix.apply.noResult", outcome.exitCode(), backupsRoot.toString());
        } finally {
            try {
                Files.deleteIfExists(result);
            } catch (IOException ignored) {
                // a stray result in the user's own runs folder harms nobody
            }
        }
    }

    /** The folder for the helper's plan and result cannot be written: said in plain words, the exception logged. */
    static ApplyResult cannotPrepare(IOException e) {
        LOG.log(java.util.logging.Level.WARNING, "cannot prepare the elevated run in " + DataFolders.userRoot(), e);
        return failed(
                "fix.apply.backupFailed",
                IoProblem.argsFor(DataFolders.userRoot(), e).toArray());
    }

    static ApplyResult failed(String key, Object... args) {
        return new ApplyResult(ApplyResult.Outcome.NOT_STARTED, "-", null, List.of(), key, List.of(args));
    }
}
