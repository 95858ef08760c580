package io.tlsdoctor.cli;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.ChangeResult;
import io.tlsdoctor.core.fix.FixEngine;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.fix.PlanDigest;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.DataFolders;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import io.tlsdoctor.platform.registry.WindowsRegistrySource;
import io.tlsdoctor.platform.registry.WindowsRegistryStore;
import io.tlsdoctor.platform.windows.Elevation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tlsdoctor fix ...}: plan, review, apply with a backup first, undo. */
@Command(name = "fix", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {FixCommand.Plan.class, FixCommand.ExportReg.class, FixCommand.Apply.class, FixCommand.Undo.class})
final class FixCommand implements Callable<Integer> {

    /** Lets a test stop the process between two writes; never set in production. */
    static final String PAUSE_PROPERTY = "tlsdoctor.fix.pauseBetweenWritesMillis";

    private final CliContext context;

    FixCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new UsageException(context.messages().get("cli.fix.chooseSubcommand"));
    }

    // == fix plan ==

    @Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Plan implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--reg-file", paramLabel = "F", descriptionKey = "cli.fix.option.regFile")
        List<Path> regFiles = new ArrayList<>();

        @Option(names = "--os", paramLabel = "2008R2|2012|2012R2|2016|2019|2022|2025", descriptionKey = "cli.fix.option.os")
        String os;

        @Option(names = "--direction", paramLabel = "outbound|inbound|both", descriptionKey = "cli.fix.option.direction")
        String direction = "both";

        @Option(names = "--harden", descriptionKey = "cli.fix.option.harden")
        boolean harden;

        @Option(names = "--out", required = true, paramLabel = "plan.json", descriptionKey = "cli.fix.option.out")
        Path out;

        Plan(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            RegistrySource source;
            if (!regFiles.isEmpty()) {
                source = new RegFileSource(regFiles);
            } else if (WindowsRegistrySource.isAvailable()) {
                source = new WindowsRegistrySource();
            } else {
                throw new UsageException(m.get("cli.fix.plan.noSource"));
            }
            RegistrySnapshot snapshot;
            try {
                snapshot = source.collect();
            } catch (RegistryReadException e) {
                throw new UsageException(m.get(e.messageKey(), e.args()));
            }
            WindowsServer givenOs = null;
            if (os != null) {
                try {
                    givenOs = WindowsServer.byId(os);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(m.get("cli.registry.error.os", os));
                }
            }
            RegistryReport report = new RegistryEvaluator().evaluate(snapshot, givenOs);
            FixPlan plan = new FixPlanner(Clock.systemUTC()).plan(snapshot, report, direction(m),
                    harden ? FixPlan.Kind.HARDEN : FixPlan.Kind.ENABLE_TLS12);
            try {
                plan.save(out);
            } catch (IOException e) {
                throw new UsageException(m.get("cli.fix.error.write", out.toString(), String.valueOf(e.getMessage())));
            }
            printPlan(plan, m, context.out());
            context.out().println();
            context.out().println(m.get("cli.fix.plan.saved", out.toString()));
            return ExitCodes.OK;
        }

        private Direction direction(Messages m) {
            switch (direction.toLowerCase(Locale.ROOT)) {
                case "outbound":
                    return Direction.ONPREM_TO_EXO;
                case "inbound":
                    return Direction.EXO_TO_ONPREM;
                case "both":
                    return Direction.UNKNOWN;
                default:
                    throw new UsageException(m.get("cli.fix.error.direction", direction));
            }
        }
    }

    // == fix export-reg ==

    @Command(name = "export-reg", mixinStandardHelpOptions = true, sortOptions = false)
    static final class ExportReg implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--plan", required = true, paramLabel = "plan.json", descriptionKey = "cli.fix.option.plan")
        Path planFile;

        @Option(names = "--out", required = true, paramLabel = "fix.reg", descriptionKey = "cli.fix.option.outReg")
        Path out;

        ExportReg(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            FixPlan plan = loadPlan(planFile, m);
            String comment = m.get("cli.fix.reg.comment", planFile.getFileName().toString());
            try {
                Files.write(out, RegFileText.bytes(RegFileText.forPlan(plan, comment)));
            } catch (IOException e) {
                throw new UsageException(m.get("cli.fix.error.write", out.toString(), String.valueOf(e.getMessage())));
            }
            context.out().println(m.get("cli.fix.reg.saved", out.toString(), plan.changes().size()));
            return ExitCodes.OK;
        }
    }

    // == fix apply ==

    @Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Apply implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--plan", required = true, paramLabel = "plan.json", descriptionKey = "cli.fix.option.plan")
        Path planFile;

        @Mixin
        ChangeOptions options = new ChangeOptions();

        /** Set by the wizard for its elevated helper: the plan must be the very file the user reviewed. */
        @Option(names = "--sha256", hidden = true)
        String sha256;

        Apply(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            if (sha256 != null) {
                try {
                    if (!sha256.equalsIgnoreCase(PlanDigest.of(planFile))) {
                        throw new UsageException(m.get("fix.error.planChanged", planFile.toString()));
                    }
                } catch (IOException e) {
                    throw new UsageException(m.get("fix.error.planMissing", planFile.toString()));
                }
            }
            FixPlan plan = loadPlan(planFile, m);
            printPlan(plan, m, context.out());
            if (plan.isBlocked()) {
                return ExitCodes.INCONCLUSIVE;
            }
            List<String> self = new ArrayList<>(List.of("fix", "apply", "--plan", planFile.toAbsolutePath().toString()));
            return change(context, options, self, plan.changes().stream().map(PlannedChange::location).toList(),
                    engine -> engine.apply(plan, openStore(options.store, m), backupsRoot(options.backups)));
        }
    }

    // == fix undo ==

    @Command(name = "undo", mixinStandardHelpOptions = true, sortOptions = false)
    static final class Undo implements Callable<Integer> {
        private final CliContext context;

        @Option(names = "--backup", required = true, paramLabel = "DIR", descriptionKey = "cli.fix.option.backup")
        Path backupFolder;

        @Mixin
        ChangeOptions options = new ChangeOptions();

        Undo(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            Messages m = context.messages();
            Backup backup;
            try {
                backup = Backup.load(backupFolder);
            } catch (FixPlanException e) {
                throw new UsageException(m.get(e.messageKey(), e.args()));
            }
            context.out().println(m.get("cli.fix.undo.heading", backupFolder.toString(), backup.takenAt().toString(), backup.store()));
            List<String> self = new ArrayList<>(List.of("fix", "undo", "--backup", backupFolder.toAbsolutePath().toString()));
            return change(context, options, self, backup.entries().stream().map(Backup.Entry::location).toList(),
                    engine -> engine.undo(backup, openStore(options.store, m), backupsRoot(options.backups)));
        }
    }

    // == shared ==

    /** What apply and undo share: where to change, the explicit yes, where backups and the result go. */
    static final class ChangeOptions {
        @Option(names = "--store", paramLabel = "export.reg", descriptionKey = "cli.fix.option.store")
        Path store;

        @Option(names = "--yes", descriptionKey = "cli.fix.option.yes")
        boolean yes;

        @Option(names = "--backups", paramLabel = "DIR", descriptionKey = "cli.fix.option.backups")
        Path backups;

        @Option(names = "--result", paramLabel = "result.json", descriptionKey = "cli.fix.option.result")
        Path result;
    }

    private interface Change {
        ApplyResult run(FixEngine engine);
    }

    /**
     * Without {@code --yes}: shows the current values and stops. With it: changes the store; on Windows, when the live
     * registry needs rights this process lacks, runs itself elevated for just this step and reads its result.
     */
    private static int change(CliContext context, ChangeOptions options, List<String> self, List<RegistryLocation> locations,
                              Change change) {
        Messages m = context.messages();
        Path store = options.store;
        Path backups = options.backups;
        Path resultFile = options.result;
        boolean yes = options.yes;
        if (store == null && !Elevation.isWindows()) {
            throw new UsageException(m.get("cli.fix.error.noLiveRegistry"));
        }
        if (!yes) {
            printCurrent(locations, openStore(store, m), m, context.out());
            context.out().println();
            context.out().println(m.get("cli.fix.dryRun"));
            return ExitCodes.OK;
        }
        if (store == null && !Elevation.isElevated()) {
            return runElevated(context, self, options);
        }
        long pause = Long.getLong(PAUSE_PROPERTY, 0L);
        ApplyResult result = change.run(new FixEngine(Clock.systemUTC(), Duration.ofMillis(pause)));
        if (resultFile != null) {
            try {
                Files.writeString(resultFile, Json.pretty(result));
            } catch (IOException e) {
                context.err().println(m.get("cli.fix.error.write", resultFile.toString(), String.valueOf(e.getMessage())));
            }
        }
        printResult(result, m, context.out());
        return result.outcome() == ApplyResult.Outcome.APPLIED || result.outcome() == ApplyResult.Outcome.NOTHING_TO_DO
                ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
    }

    private static int runElevated(CliContext context, List<String> self, ChangeOptions options) {
        Path backups = options.backups;
        Messages m = context.messages();
        Path run;
        try {
            run = Files.createDirectories(DataFolders.root().resolve("runs")).resolve("result-" + System.currentTimeMillis() + ".json");
        } catch (IOException e) {
            throw new UsageException(m.get("cli.fix.error.write", DataFolders.root().toString(), String.valueOf(e.getMessage())));
        }
        List<String> arguments = new ArrayList<>(self);
        arguments.addAll(List.of("--yes", "--result", run.toString(), "--lang", m.locale().getLanguage()));
        if (backups != null) {
            arguments.addAll(List.of("--backups", backups.toAbsolutePath().toString()));
        }
        context.out().println(m.get("cli.fix.elevating"));
        Elevation.Outcome outcome = Elevation.runElevated(arguments);
        if (outcome.declined()) {
            context.err().println(m.get("cli.fix.elevationDeclined"));
            return ExitCodes.INCONCLUSIVE;
        }
        try {
            ApplyResult result = Json.mapper().readValue(run.toFile(), ApplyResult.class);
            printResult(result, m, context.out());
            if (options.result != null) {
                Files.copy(run, options.result, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return outcome.exitCode();
        } catch (IOException e) {
            context.err().println(m.get("cli.fix.elevatedNoResult", outcome.exitCode()));
            return ExitCodes.INCONCLUSIVE;
        }
    }

    static FixPlan loadPlan(Path file, Messages m) {
        try {
            return FixPlan.load(file);
        } catch (FixPlanException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
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

    static Path backupsRoot(Path given) {
        return given != null ? given : DataFolders.backups();
    }

    static void printPlan(FixPlan plan, Messages m, PrintWriter out) {
        Locale locale = m.locale();
        out.println(m.get(plan.kind() == FixPlan.Kind.HARDEN ? "cli.fix.plan.headingHarden" : "cli.fix.plan.heading"));
        if (plan.isBlocked()) {
            out.println(m.get("cli.fix.plan.blocked"));
            plan.blockers().forEach(b -> out.println("  - " + b.in(locale)));
        } else if (plan.changes().isEmpty()) {
            out.println(m.get("cli.fix.plan.nothing"));
        }
        for (PlannedChange change : plan.changes()) {
            out.println();
            out.println("  " + change.location());
            out.println("      " + show(change.current(), change.currentKnown(), m) + "  ->  " + change.target().display());
            out.println("      " + change.why().in(locale));
        }
        if (!plan.notes().isEmpty()) {
            out.println();
            plan.notes().forEach(n -> out.println("* " + n.in(locale)));
        }
    }

    private static void printCurrent(List<RegistryLocation> locations, RegistryStore store, Messages m, PrintWriter out) {
        out.println();
        out.println(m.get("cli.fix.current", store.describe()));
        for (RegistryLocation location : locations) {
            try {
                Optional<RegistryValue> value = store.read(location);
                out.println("  " + location + " = " + show(value.orElse(null), true, m));
            } catch (RegistryStoreException e) {
                out.println("  " + location + ": " + m.get(e.messageKey(), e.args()));
            }
        }
    }

    static void printResult(ApplyResult result, Messages m, PrintWriter out) {
        out.println();
        for (ChangeResult change : result.changes()) {
            out.println("  [" + m.get("cli.fix.state." + change.state()) + "] " + change.location() + ": "
                    + show(change.before(), true, m) + " -> " + show(change.after(), true, m));
        }
        out.println();
        out.println(m.get("cli.fix.outcome." + result.outcome(), result.store(),
                result.backupFolder() == null ? "-" : result.backupFolder().toString()));
        if (result.problemKey() != null) {
            out.println(m.get(result.problemKey(), result.problemArgs().toArray()));
        }
    }

    private static String show(RegistryValue value, boolean known, Messages m) {
        if (!known) {
            return m.get("cli.fix.value.unknown");
        }
        return value == null ? m.get("cli.fix.value.absent") : value.display();
    }
}
