package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.RegFileText;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tlsdoctor fix export-reg}: a plan as a .reg file that does exactly the plan when imported by hand. */
@Command(name = "export-reg", mixinStandardHelpOptions = true, sortOptions = false)
final class FixExportRegCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--plan", required = true, paramLabel = "plan.json", descriptionKey = "cli.fix.option.plan")
    Path planFile;

    @Option(names = "--out", required = true, paramLabel = "fix.reg", descriptionKey = "cli.fix.option.outReg")
    Path out;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    FixExportRegCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        FixPlan plan = FixText.loadPlan(planFile, null, m);
        // the exports the plan was made from are inputs too: writing the plan over one would lose the server's state
        List<Path> inputs = new ArrayList<>(List.of(planFile));
        for (String from : plan.plannedFrom()) {
            try {
                inputs.add(Path.of(from));
            } catch (RuntimeException notAPath) {
                // "the live registry of EX01" names no file
            }
        }
        OutputFile.check(m, out, "--out", force, inputs, List.of(".reg"));
        String comment = m.get("cli.fix.reg.comment", planFile.getFileName().toString());
        try {
            Files.write(out, RegFileText.bytes(RegFileText.forPlan(plan, comment)));
        } catch (IOException e) {
            throw new UsageException(m.get(
                    "cli.fix.error.write", Shown.args(IoProblem.argsFor(out, e).toArray())));
        }
        context.out()
                .println(m.get(
                        "cli.fix.reg.saved", out.toString(), plan.changes().size()));
        return ExitCodes.OK;
    }
}
