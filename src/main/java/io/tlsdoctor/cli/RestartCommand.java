package io.tlsdoctor.cli;

import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.windows.Elevation;
import io.tlsdoctor.platform.windows.ServerRestart;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tlsdoctor restart (--in MINUTES | --cancel)}: SChannel reads its settings only when Windows starts. */
@Command(name = "restart", mixinStandardHelpOptions = true, sortOptions = false)
final class RestartCommand implements Callable<Integer> {

    private static final java.util.logging.Logger LOG = io.tlsdoctor.core.text.EventLog.of(RestartCommand.class);

    private final CliContext context;

    @ArgGroup(exclusive = true, multiplicity = "1")
    When when;

    static final class When {
        @Option(names = "--in", paramLabel = "MINUTES", descriptionKey = "cli.restart.option.in")
        Integer minutes;

        @Option(names = "--cancel", descriptionKey = "cli.restart.option.cancel")
        boolean cancel;
    }

    RestartCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        if (!Elevation.isWindows()) {
            throw new UsageException(m.get("cli.restart.notWindows"));
        }
        List<String> command;
        if (when.cancel) {
            command = ServerRestart.cancelCommand();
        } else {
            if (when.minutes < 0 || when.minutes > 14400) {
                throw new UsageException(m.get("cli.restart.badMinutes", when.minutes));
            }
            command = ServerRestart.restartCommand(when.minutes, m.get("cli.restart.comment"));
        }
        try {
            ServerRestart.Result result = ServerRestart.run(command);
            if (result.explanationKey().isPresent()) {
                (result.succeeded() ? context.out() : context.err())
                        .println(m.get(result.explanationKey().get()));
                return result.succeeded() ? ExitCodes.OK : ExitCodes.INCONCLUSIVE;
            }
            if (!result.succeeded()) {
                context.err().println(m.get("cli.restart.failed", String.join(" ", command), result.output()));
                return ExitCodes.INCONCLUSIVE;
            }
        } catch (IOException e) {
            LOG.log(java.util.logging.Level.WARNING, e, () -> "could not start " + String.join(" ", command));
            context.err().println(m.get("restart.shutdown.cannotStart"));
            return ExitCodes.INCONCLUSIVE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.INCONCLUSIVE;
        }
        context.out()
                .println(when.cancel ? m.get("cli.restart.cancelled") : m.get("cli.restart.scheduled", when.minutes));
        return ExitCodes.OK;
    }
}
