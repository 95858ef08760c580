package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.PlanDigest;
import io.tlsdoctor.core.fix.PlannedChange;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlsdoctor fix apply}: shows the plan and the current values; with {@code --yes} makes the change. */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false)
final class FixApplyCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--plan", required = true, paramLabel = "plan.json", descriptionKey = "cli.fix.option.plan")
    Path planFile;

    @Mixin
    FixChangeOptions options = new FixChangeOptions();

    /** Given to the elevated helper: the plan must be the very file the user reviewed. */
    @Option(names = "--sha256", hidden = true)
    String sha256;

    FixApplyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        // The digest of the bytes shown is the digest the elevated helper checks: one read, no gap to swap the file.
        String digest = sha256;
        if (digest == null) {
            try {
                digest = PlanDigest.of(planFile);
            } catch (NoSuchFileException e) {
                throw new UsageException(m.get("fix.error.planMissing", planFile.toString()));
            } catch (IOException e) {
                // a folder, a file another program holds: not "there is no plan file"
                throw new UsageException(m.get(
                        "fix.error.planUnreadable",
                        Shown.args(IoProblem.argsForFile(planFile, e).toArray())));
            }
        }
        FixPlan plan = FixText.loadPlan(planFile, digest, m);
        FixText.printPlan(plan, m, context.out());
        if (plan.isBlocked()) {
            return ExitCodes.INCONCLUSIVE;
        }
        String reviewed = digest;
        return new FixChange(context, options)
                .run(
                        plan.changes().stream().map(PlannedChange::location).toList(),
                        (engine, store, backups) -> engine.apply(plan, reviewed, store, backups),
                        elevated -> elevated.apply(planFile, reviewed));
    }
}
