package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.FixAudit;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixEvents;
import io.tlsdoctor.core.fix.FixJournal;
import io.tlsdoctor.core.fix.FixRequester;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.BackupFolders;
import io.tlsdoctor.platform.DataFolders;
import io.tlsdoctor.platform.ElevatedFixRun;
import io.tlsdoctor.platform.audit.AuditTrails;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.WindowsRegistryStore;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What apply and undo share. Without {@code --yes}: shows the current values and stops. With it: changes the store
 * in this process, or, for the live registry without administrator rights, through {@link ElevatedFixRun} (the path
 * the wizard takes too), and prints the result.
 */
final class FixChange {

    /** The change made here, on an open store. */
    interface Local {
        ApplyResult run(FixEngine engine, RegistryStore store, Path backups);
    }

    /** The same change made by the elevated helper. */
    interface Elevated {
        ApplyResult run(ElevatedFixRun run);
    }

    private final CliContext context;
    private final FixChangeOptions options;

    FixChange(CliContext context, FixChangeOptions options) {
        this.context = context;
        this.options = options;
    }

    int run(List<RegistryLocation> locations, Local local, Elevated elevated) {
        Messages m = context.messages();
        Path store = options.store;
        if (store == null && !Elevation.isWindows()) {
            throw new UsageException(m.get("cli.fix.error.noLiveRegistry"));
        }
        if (options.result != null) {
            OutputFile.check(
                    m,
                    options.result,
                    "--result",
                    options.force,
                    store == null ? List.of() : List.of(store),
                    List.of(".json"));
        }
        if (!options.yes) {
            FixText.printCurrent(locations, openStore(store, m), m, context.out());
            context.out().println();
            context.out().println(m.get("cli.fix.dryRun"));
            return ExitCodes.OK;
        }
        Path backups = options.backups != null
                ? options.backups
                : BackupFolders.forThisMachine().forStore(store);
        ApplyResult result;
        if (store == null && !Elevation.isElevated()) {
            context.out().println(m.get("cli.fix.elevating"));
            result = elevated.run(new ElevatedFixRun(backups, m.locale(), requester()));
        } else {
            secureMachineFolder(backups, m);
            RegistryStore opened = openStore(store, m);
            FixAudit audit = AuditTrails.audit(AuditTrails.forThisSystem(m), requester());
            result = local.run(
                    new FixEngine(Clock.systemUTC(), new Events(context), context.checkpoint(), audit),
                    opened,
                    backups);
        }
        if (options.result != null) {
            try {
                Files.writeString(options.result, Json.pretty(result));
            } catch (IOException e) {
                context.err()
                        .println(m.get(
                                "cli.fix.error.write",
                                Shown.args(IoProblem.argsFor(options.result, e).toArray())));
            }
        }
        FixText.printResult(result, store == null, m, context.out());
        return result.outcome() == ApplyResult.Outcome.APPLIED || result.outcome() == ApplyResult.Outcome.NOTHING_TO_DO
                ? ExitCodes.OK
                : ExitCodes.INCONCLUSIVE;
    }

    /** Who asked: as the unelevated process told the helper, or this process's own user on the command line. */
    private FixRequester requester() {
        String user = options.requestedBy != null ? options.requestedBy : AuditTrails.currentUser();
        return new FixRequester(user, options.via != null ? options.via : FixRequester.Via.CLI);
    }

    /** Backups of the live registry go to the machine-wide folder, which must carry its own access list first. */
    private static void secureMachineFolder(Path backups, Messages m) {
        if (!backups.toAbsolutePath()
                .normalize()
                .startsWith(DataFolders.root().toAbsolutePath().normalize())) {
            return;
        }
        try {
            DataFolders.createRoot();
        } catch (IOException | RuntimeException e) {
            throw new UsageException(m.get(
                    "cli.fix.error.write",
                    Shown.args(IoProblem.argsFor(DataFolders.root(), e).toArray())));
        }
    }

    static RegistryStore openStore(Path store, Messages m) {
        if (store == null) {
            return new WindowsRegistryStore();
        }
        try {
            return RegFileRegistryStore.open(store);
        } catch (RegistryReadException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
    }

    /** The engine's news, printed when it happens: the backup before the first write, an interruption as it ends. */
    private record Events(CliContext context) implements FixEvents {

        @Override
        public void backupSaved(Path folder) {
            context.out().println(context.messages().get("cli.fix.backupSaved", folder.toString()));
            context.out().flush();
        }

        @Override
        public void earlierChangeInterrupted(FixJournal journal) {
            context.out().println(text("fix.journal.", journal));
            context.out().flush();
        }

        @Override
        public void interrupted(FixJournal journal) {
            context.err().println(text("fix.interrupted.", journal));
            context.err().flush();
        }

        private String text(String prefix, FixJournal journal) {
            List<Object> args = new ArrayList<>(List.of(
                    journal.store(),
                    String.valueOf(journal.startedAt()),
                    String.valueOf(journal.backupFolder()),
                    journal.putBack() == null ? 0 : journal.putBack()));
            return context.messages().get(prefix + journal.resolution(), args.toArray());
        }
    }
}
