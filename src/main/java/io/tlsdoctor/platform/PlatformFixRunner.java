package io.tlsdoctor.platform;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.fix.PlanDigest;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.windows.Elevation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The real runner: .reg copies are changed in this process; the live registry is changed by TLS Doctor itself,
 * relaunched elevated in its headless {@code fix apply} mode, which writes its result to a file read back here.
 */
public final class PlatformFixRunner implements FixRunner {

    private final Path backupsRoot;
    private final Clock clock;

    public PlatformFixRunner(Path backupsRoot, Clock clock) {
        this.backupsRoot = backupsRoot;
        this.clock = clock;
    }

    @Override
    public boolean liveAvailable() {
        return Elevation.isWindows();
    }

    @Override
    public ApplyResult applyLive(FixPlan plan) {
        Path runs = DataFolders.root().resolve("runs");
        try {
            Files.createDirectories(runs);
            Path planFile = runs.resolve("plan-" + System.currentTimeMillis() + ".json");
            plan.save(planFile);
            // The elevated helper applies only the file whose digest it is given, so a file swapped before the UAC
            // prompt is refused rather than applied.
            return elevated(List.of("fix", "apply", "--plan", planFile.toString(), "--sha256", PlanDigest.of(planFile)));
        } catch (IOException e) {
            return failed("fix.apply.backupFailed", runs.toString(), String.valueOf(e.getMessage()));
        }
    }

    @Override
    public ApplyResult undoLive(Path backupFolder) {
        try {
            Files.createDirectories(DataFolders.root().resolve("runs"));
        } catch (IOException e) {
            return failed("fix.apply.backupFailed", DataFolders.root().toString(), String.valueOf(e.getMessage()));
        }
        return elevated(List.of("fix", "undo", "--backup", backupFolder.toString()));
    }

    @Override
    public ApplyResult applyToFile(FixPlan plan, Path regFile) {
        try {
            return new FixEngine(clock).apply(plan, RegFileRegistryStore.open(regFile), backupsRoot);
        } catch (RegistryReadException e) {
            return failed(e.messageKey(), e.args());
        }
    }

    @Override
    public ApplyResult undoOnFile(Path backupFolder, Path regFile) {
        try {
            return new FixEngine(clock).undo(Backup.load(backupFolder), RegFileRegistryStore.open(regFile), backupsRoot);
        } catch (RegistryReadException | FixPlanException e) {
            return failed(e.messageKey(), e.args());
        }
    }

    private ApplyResult elevated(List<String> command) {
        Path result = DataFolders.root().resolve("runs").resolve("result-" + System.currentTimeMillis() + ".json");
        List<String> arguments = new ArrayList<>(command);
        arguments.addAll(List.of("--yes", "--backups", backupsRoot.toString(), "--result", result.toString(),
                "--lang", Locale.getDefault().getLanguage()));
        Elevation.Outcome outcome = Elevation.runElevated(arguments);
        if (outcome.declined()) {
            return failed("fix.apply.declined");
        }
        if (outcome.waitCancelled()) {
            return failed("fix.apply.waitCancelled", backupsRoot.toString());
        }
        try {
            return Json.mapper().readValue(result.toFile(), ApplyResult.class);
        } catch (IOException e) {
            return failed("fix.apply.noResult", outcome.exitCode(), backupsRoot.toString());
        }
    }

    private static ApplyResult failed(String key, Object... args) {
        return new ApplyResult(ApplyResult.Outcome.NOT_STARTED, "-", null, List.of(), key, List.of(args));
    }
}
