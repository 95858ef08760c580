package io.tlsdoctor.cli;

import io.tlsdoctor.core.fleet.FleetComparison;
import io.tlsdoctor.core.fleet.FleetInputs;
import io.tlsdoctor.core.fleet.FleetReport;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.report.FleetSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsdoctor compare}: many servers side by side, from their {@code collect} files or folders of their
 * {@code reg export} files: the table, what differs in words, the fix per server; as text, {@code --json}, or summary
 * files ({@code --out}). Files are read one at a time, and one that cannot be read is reported, never fatal.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class CompareCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(arity = "1..*", paramLabel = "FOLDER|FILE", descriptionKey = "cli.compare.paths")
    List<String> paths = new ArrayList<>();

    @Option(names = "--json", descriptionKey = "cli.compare.option.json")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE.html|.md|.json", descriptionKey = "cli.compare.option.out")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--redact", descriptionKey = "cli.compare.option.redact")
    boolean redact;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    public CompareCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        List<Path> inputs = new ArrayList<>();
        for (String path : paths) {
            try {
                inputs.add(Path.of(path));
            } catch (InvalidPathException e) {
                throw new UsageException(m.get("fleet.file.notFound", Shown.field(path)));
            }
        }
        if (inputs.stream().noneMatch(Files::exists)) {
            throw new UsageException(m.get("cli.compare.error.nothing", Shown.field(paths.get(0))));
        }
        Map<Path, SummaryFormat> formats = new LinkedHashMap<>();
        for (Path out : outputs) {
            try {
                formats.put(
                        out,
                        SummaryFormat.forFileName(
                                out.getFileName() == null
                                        ? out.toString()
                                        : out.getFileName().toString()));
            } catch (UserFacingException e) {
                throw new UsageException(m.get(e.messageKey(), Shown.args(e.args())));
            }
            OutputFile.check(m, out, "--out", force, inputs, List.of());
        }
        FleetComparison comparison = new FleetComparison(Clock.systemUTC());
        new FleetInputs(new PlatformRegistrySources()).read(inputs, comparison);
        FleetReport report = comparison.finish();
        FleetSummary summary = FleetSummary.of(report, m, Clock.systemUTC());
        FleetSummary shown = redact ? summary.redact() : summary;
        if (json) {
            context.out().println(Json.prettyAscii(shown));
        } else {
            context.out().print(SummaryFormat.readable(shown));
        }
        boolean written = true;
        for (Map.Entry<Path, SummaryFormat> out : formats.entrySet()) {
            try {
                out.getValue().write(shown, out.getKey());
                context.err()
                        .println(m.get(
                                redact ? "cli.diagnose.writtenRedacted" : "cli.diagnose.written",
                                out.getKey().toAbsolutePath().toString()));
            } catch (UserFacingException e) {
                context.err().println(m.get(e.messageKey(), Shown.args(e.args())));
                written = false;
            }
        }
        context.out().flush();
        if (report.rows().isEmpty()) {
            context.err().println(m.get("cli.compare.error.noServer"));
            return ExitCodes.INCONCLUSIVE;
        }
        return written ? ExitCodes.OK : ExitCodes.USAGE;
    }
}
