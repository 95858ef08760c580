package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixCheckpoint;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlsdoctor}: the command line for Server Core and scripts. Subcommands share the wizard's engine. */
@Command(
        name = "tlsdoctor",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        subcommands = {
            ClassifyCommand.class,
            RegistryCommand.class,
            ProbeCommand.class,
            LogsCommand.class,
            CollectCommand.class,
            CompareCommand.class,
            FixCommand.class,
            RestartCommand.class,
            DiagnoseCommand.class,
            ReviewCommand.class,
            BundleCommand.class,
            ConnectorsCommand.class
        })
public final class TlsDoctorCommand implements Callable<Integer> {

    private static final java.util.logging.Logger LOG = io.tlsdoctor.core.text.EventLog.of(TlsDoctorCommand.class);

    @Spec
    CommandSpec spec;

    @SuppressWarnings("unused") // read before parsing, in languageOf(); declared so picocli accepts and documents it
    @Option(
            names = "--lang",
            paramLabel = "en|sv",
            descriptionKey = "cli.option.lang",
            scope = CommandLine.ScopeType.INHERIT)
    String language;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /**
     * Begins, on a thread of its own, what the command in {@code args} will need whatever else it does (for {@code
     * logs}, the recogniser's catalogue): called first thing, before the log file is opened.
     */
    public static void beginHeadStart(String[] args) {
        LogsHeadStart.beginIfLogs(args);
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String[] args, InputStream stdin, PrintWriter out, PrintWriter err) {
        return run(args, stdin, out, err, FixCheckpoint.NONE, null);
    }

    /**
     * As {@link #run(String[], InputStream, PrintWriter, PrintWriter)}, with the bytes under {@code out} (the
     * process's standard output), which a large ASCII output ({@code logs --json}) is written to directly.
     */
    public static int run(String[] args, InputStream stdin, OutputStream outBytes, PrintWriter out, PrintWriter err) {
        return run(args, stdin, out, err, FixCheckpoint.NONE, outBytes);
    }

    /** As {@link #run(String[], InputStream, PrintWriter, PrintWriter)}, with a test's checkpoint in a fix. */
    public static int run(
            String[] args,
            InputStream stdin,
            PrintWriter terminalOut,
            PrintWriter terminalErr,
            FixCheckpoint checkpoint) {
        return run(args, stdin, terminalOut, terminalErr, checkpoint, null);
    }

    private static int run(
            String[] args,
            InputStream stdin,
            PrintWriter terminalOut,
            PrintWriter terminalErr,
            FixCheckpoint checkpoint,
            OutputStream outBytes) {
        PrintWriter out = new PrintWriter(new VisibleWriter(terminalOut), true);
        PrintWriter err = new PrintWriter(new VisibleWriter(terminalErr), true);
        Locale locale = languageOf(args);
        Messages messages = Messages.forLocale(locale);
        LogsHeadStart.beginIfLogs(args);
        CliContext context = new CliContext(messages, stdin, out, err, checkpoint, outBytes);
        LOG.info(() -> "command: tlsdoctor " + CommandForLog.of(args));
        int exit = ExitCodes.INTERNAL;
        try {
            exit = runParsed(args, context, messages, out, err);
            return exit;
        } finally {
            int code = exit;
            LOG.info(() -> "command ended with exit code " + code);
        }
    }

    private static int runParsed(
            String[] args, CliContext context, Messages messages, PrintWriter out, PrintWriter err) {
        try {
            LogsCommand plainLogs = LogsCommand.plain(args, context);
            if (plainLogs != null) {
                int code;
                try {
                    code = plainLogs.call();
                } catch (RuntimeException e) {
                    code = failed(e, messages, err);
                }
                out.flush();
                err.flush();
                return code;
            }
            return runThroughPicocli(args, context);
        } catch (OutOfMemoryError | StackOverflowError e) {
            // every input has its limits; this is the last word if one of them still was not enough, not a stack trace
            LOG.log(java.util.logging.Level.SEVERE, "out of resources", e);
            err.println(messages.get(
                    "cli.error.resources",
                    e instanceof OutOfMemoryError
                            ? Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"
                            : "stack"));
            out.flush();
            err.flush();
            return ExitCodes.INTERNAL;
        }
    }

    /** The whole command line through picocli (every form of every command); {@link #run} calls it. */
    static int runThroughPicocli(String[] args, CliContext context) {
        Messages messages = context.messages();
        PrintWriter out = context.out();
        PrintWriter err = context.err();
        CommandLine commandLine = new CommandLine(new TlsDoctorCommand(), new ContextFactory(context));
        commandLine.setResourceBundle(new HelpBundle(Messages.bundle(messages.locale())));
        // every byte passes VisibleWriter, which would show picocli's colour codes as ␛[1m instead
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        describe(commandLine, messages);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, ignored) -> {
            LOG.info(() -> "usage error: " + e.getMessage());
            err.println(messages.get("cli.error.usage", Shown.field(e.getMessage())));
            err.println(messages.get(
                    "cli.error.seeHelp", e.getCommandLine().getCommandSpec().qualifiedName()));
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cl, parseResult) -> failed(e, messages, err));
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A command that failed: its own message for a usage error (exit 2), else what went wrong, never a stack trace. */
    private static int failed(Exception e, Messages messages, PrintWriter err) {
        if (e instanceof UsageException) {
            LOG.info(() -> "refused: " + e.getMessage());
            err.println(e.getMessage());
            return ExitCodes.USAGE;
        }
        LOG.log(
                java.util.logging.Level.SEVERE,
                "internal error",
                e); // the stack trace goes to the log, never the screen
        err.println(messages.get("cli.error.internal", e.getClass().getSimpleName(), Shown.field(e.getMessage())));
        return ExitCodes.INTERNAL;
    }

    /** Command descriptions come from the message bundle under {@code cli.<command>.description}. */
    private static void describe(CommandLine commandLine, Messages messages) {
        String path = commandLine.getCommandSpec().qualifiedName(".");
        String key = path.equals("tlsdoctor")
                ? "cli.root.description"
                : "cli" + path.substring("tlsdoctor".length()) + ".description";
        if (messages.has(key)) {
            commandLine
                    .getCommandSpec()
                    .usageMessage()
                    .description(messages.get(key).split("\n"));
        }
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            describe(sub, messages);
        }
    }

    static Locale languageOf(String[] args) {
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (arg.startsWith("--lang=")) {
                return Languages.parse(arg.substring("--lang=".length()));
            }
            if (arg.equals("--lang") && i + 1 < list.size()) {
                return Languages.parse(list.get(i + 1));
            }
        }
        return Languages.supported(Locale.getDefault());
    }

    /** Hands each subcommand the shared {@link CliContext} through its constructor. */
    private record ContextFactory(CliContext context) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                return type.getDeclaredConstructor(CliContext.class).newInstance(context);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(type);
            }
        }
    }
}
