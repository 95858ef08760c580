package io.tlsdoctor.app;

import io.tlsdoctor.core.connectors.ConnectorSources;
import io.tlsdoctor.core.diagnosis.CaseCollector;
import io.tlsdoctor.core.fix.FixRunner;
import io.tlsdoctor.core.fix.RestartScheduler;
import io.tlsdoctor.core.registry.RegistrySources;
import io.tlsdoctor.core.report.SupportBundle;
import io.tlsdoctor.platform.BackupFolders;
import io.tlsdoctor.platform.DataFolders;
import io.tlsdoctor.platform.DesktopOpener;
import io.tlsdoctor.platform.PlatformFixRunner;
import io.tlsdoctor.platform.PlatformRestartScheduler;
import io.tlsdoctor.platform.SupportFiles;
import io.tlsdoctor.platform.UserLogs;
import io.tlsdoctor.platform.exchange.PlatformConnectorSources;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import io.tlsdoctor.platform.schannel.SchannelProbe;
import io.tlsdoctor.platform.windows.Elevation;
import io.tlsdoctor.ui.common.Opener;
import io.tlsdoctor.ui.support.SupportBundleViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** The operating-system parts the wizard uses, chosen once at start-up; tests pass the same real ones. */
public record PlatformServices(
        RegistrySources registrySources,
        FixRunner fixRunner,
        RestartScheduler restarts,
        Path bookmarkFile,
        Optional<CaseCollector.SchannelHandshake> schannel,
        Support support,
        ConnectorSources connectorSources) {

    /** Where the log is, how a support bundle is written, how a folder or a web address is opened. */
    public record Support(Path logFolder, SupportBundleViewModel.Writer bundleWriter, Opener opener) {}

    /**
     * The services with this machine's connector sources (live on Windows, saved output anywhere): a caller that does
     * not choose them (tests of other steps) keeps compiling when the record grows.
     */
    public PlatformServices(
            RegistrySources registrySources,
            FixRunner fixRunner,
            RestartScheduler restarts,
            Path bookmarkFile,
            Optional<CaseCollector.SchannelHandshake> schannel,
            Support support) {
        this(registrySources, fixRunner, restarts, bookmarkFile, schannel, support, new PlatformConnectorSources());
    }

    /** Live changes are backed up in the machine-wide folder, rehearsals on .reg copies in the user's own. */
    public static PlatformServices forThisMachine() {
        return new PlatformServices(
                new PlatformRegistrySources(),
                new PlatformFixRunner(BackupFolders.forThisMachine(), Clock.systemUTC()),
                new PlatformRestartScheduler(),
                DataFolders.userRoot().resolve("resume.json"),
                Elevation.isWindows() ? Optional.of(SchannelProbe.forThisMachine()::handshake) : Optional.empty(),
                new Support(
                        UserLogs.folder(),
                        (summary, redact, target) -> new SupportBundle(Clock.systemUTC())
                                .write(SupportFiles.of(summary), redact, target, true),
                        DesktopOpener::open),
                new PlatformConnectorSources());
    }

    /** The real services, with backups kept in {@code backups}: for tests only, which keep them in a temporary folder. */
    public static PlatformServices withBackupsIn(Path backups) {
        return new PlatformServices(
                new PlatformRegistrySources(),
                new PlatformFixRunner(backups, Clock.systemUTC()),
                new PlatformRestartScheduler(),
                backups.resolveSibling("resume.json"),
                // SChannel's own handshake only where there is one: elsewhere it would only say it is unavailable
                Elevation.isWindows() ? Optional.of(SchannelProbe.forThisMachine()::handshake) : Optional.empty(),
                supportBeside(backups, DesktopOpener::open),
                new PlatformConnectorSources());
    }

    /** The log folder and bundle sources beside {@code backups} (tests keep everything in one temporary folder). */
    public static Support supportBeside(Path backups, Opener opener) {
        Path logs = backups.resolveSibling("logs");
        return new Support(
                logs,
                (summary, redact, target) -> new SupportBundle(Clock.systemUTC())
                        .write(
                                SupportFiles.of(
                                        summary, logs, logs, backups, backups, backups.resolveSibling("resume.json")),
                                redact,
                                target,
                                true),
                opener);
    }
}
