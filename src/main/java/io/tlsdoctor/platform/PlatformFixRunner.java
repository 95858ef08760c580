package io.tlsdoctor.platform;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.AuditTrail;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixEvents;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.fix.FixRequester;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.fix.PlanDigest;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.audit.AuditTrails;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

/**
 * The real runner: .reg copies are changed in this process; the live registry through {@link ElevatedFixRun}, the
 * same elevated path the command line takes.
 */
public final class PlatformFixRunner implements FixRunner {

    private final BackupFolders backups;
    private final Clock clock;
    private final AuditTrail trail;

    /** One folder for the backups of both (tests). */
    public PlatformFixRunner(Path backupsRoot, Clock clock) {
        this(BackupFolders.in(backupsRoot), clock);
    }

    public PlatformFixRunner(BackupFolders backups, Clock clock) {
        this(backups, clock, AuditTrails.forThisSystem(Messages.forLocale(Locale.getDefault())));
    }

    /** {@code trail} records the rehearsals made here; a live change is recorded by the elevated helper. */
    public PlatformFixRunner(BackupFolders backups, Clock clock, AuditTrail trail) {
        this.backups = backups;
        this.clock = clock;
        this.trail = trail;
    }

    private static FixRequester wizard() {
        return new FixRequester(AuditTrails.currentUser(), FixRequester.Via.WIZARD);
    }

    private FixEngine engine() {
        return new FixEngine(clock, FixEvents.NONE, FixCheckpoint.NONE, AuditTrails.audit(trail, wizard()));
    }

    @Override
    public boolean liveAvailable() {
        return Elevation.isWindows();
    }

    @Override
    public ApplyResult applyLive(FixPlan plan) {
        Path planFile;
        String digest;
        try {
            planFile = DataFolders.runs().resolve("plan-" + UUID.randomUUID() + ".json");
            plan.save(planFile);
            digest = PlanDigest.of(planFile);
        } catch (IOException e) {
            return ElevatedFixRun.cannotPrepare(e);
        }
        return new ElevatedFixRun(backups.forStore(null), Locale.getDefault(), wizard()).apply(planFile, digest);
    }

    @Override
    public Path liveBackupsFolder() {
        return backups.forStore(null);
    }

    @Override
    public ApplyResult undoLive(Path backupFolder) {
        return new ElevatedFixRun(backups.forStore(null), Locale.getDefault(), wizard()).undo(backupFolder);
    }

    @Override
    public ApplyResult applyToFile(FixPlan plan, Path regFile) {
        try {
            return engine().apply(plan, RegFileRegistryStore.open(regFile), backups.forStore(regFile));
        } catch (RegistryReadException e) {
            return ElevatedFixRun.failed(e.messageKey(), e.args());
        }
    }

    @Override
    public ApplyResult undoOnFile(Path backupFolder, Path regFile) {
        try {
            return engine().undo(
                            Backup.load(backupFolder),
                            backupFolder,
                            RegFileRegistryStore.open(regFile),
                            backups.forStore(regFile));
        } catch (RegistryReadException | FixPlanException e) {
            return ElevatedFixRun.failed(e.messageKey(), e.args());
        }
    }
}
