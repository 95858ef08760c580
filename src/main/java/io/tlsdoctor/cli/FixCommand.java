package io.tlsdoctor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code tlsdoctor fix ...}: plan, review, apply with a backup first, undo. Each subcommand is its own class. */
@Command(
        name = "fix",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        subcommands = {FixPlanCommand.class, FixExportRegCommand.class, FixApplyCommand.class, FixUndoCommand.class})
final class FixCommand implements Callable<Integer> {

    private final CliContext context;

    FixCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        throw new UsageException(context.messages().get("cli.fix.chooseSubcommand"));
    }
}
