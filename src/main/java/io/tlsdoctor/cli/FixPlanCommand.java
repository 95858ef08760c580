package io.tlsdoctor.cli;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.fix.FixPlan;
import io.tlsdoctor.core.fix.FixPlanner;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tlsdoctor fix plan}: the smallest change that makes TLS 1.2 work, saved as a plan to review. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false)
final class FixPlanCommand implements Callable<Integer> {

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

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    FixPlanCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        OutputFile.check(m, out, "--out", force, regFiles, List.of(".json"));
        RegistrySource source = new PlatformRegistrySources()
                .choose(regFiles)
                .orElseThrow(() -> new UsageException(m.get("cli.fix.plan.noSource")));
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
        FixPlan plan = new FixPlanner(Clock.systemUTC())
                .plan(snapshot, report, direction(m), harden ? FixPlan.Kind.HARDEN : FixPlan.Kind.ENABLE_TLS12);
        try {
            plan.save(out);
        } catch (IOException e) {
            throw new UsageException(m.get(
                    "cli.fix.error.write", Shown.args(IoProblem.argsFor(out, e).toArray())));
        }
        FixText.printPlan(plan, m, context.out());
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
