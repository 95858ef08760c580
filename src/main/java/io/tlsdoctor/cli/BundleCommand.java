package io.tlsdoctor.cli;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SupportBundle;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.platform.SupportFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsdoctor bundle [--redact] [--force] [--case summary.json] OUT.zip}: the wizard's "Save a support bundle"
 * for Server Core and remote sessions: the logs, the backups, the case, a manifest, in one .zip.
 */
@Command(name = "bundle", mixinStandardHelpOptions = true, sortOptions = false)
final class BundleCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--redact", descriptionKey = "cli.bundle.option.redact")
    boolean redact;

    @Option(names = "--force", descriptionKey = "cli.bundle.option.force")
    boolean force;

    @Option(names = "--case", paramLabel = "summary.json", descriptionKey = "cli.bundle.option.case")
    Path caseFile;

    @Parameters(index = "0", paramLabel = "OUT.zip", descriptionKey = "cli.bundle.out")
    Path out;

    BundleCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        OutputFile.check(m, out, "OUT.zip", force, caseFile == null ? List.of() : List.of(caseFile), List.of(".zip"));
        try {
            DiagnosisSummary summary = caseFile == null ? null : DiagnosisSummary.read(caseFile);
            SupportBundle.Written written =
                    new SupportBundle(Clock.systemUTC()).write(SupportFiles.of(summary), redact, out, force);
            context.out()
                    .println(m.get(
                            redact ? "cli.bundle.savedRedacted" : "cli.bundle.saved",
                            Shown.field(written.file()),
                            written.entries().size()));
            return ExitCodes.OK;
        } catch (UserFacingException e) {
            throw new UsageException(m.get(e.messageKey(), Shown.args(e.args())));
        }
    }
}
