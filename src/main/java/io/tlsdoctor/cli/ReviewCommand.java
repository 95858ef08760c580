package io.tlsdoctor.cli;

import io.tlsdoctor.core.report.DiagnosisSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tlsdoctor review FILE.json}: a summary saved as JSON read back read-only, as the wizard's "Review a saved
 * summary" shows it (who made it, where, when, how; then the document as it was worded), for a senior colleague on
 * Server Core or in a remote session.
 */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false)
final class ReviewCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(index = "0", paramLabel = "FILE.json", descriptionKey = "cli.review.file")
    Path file;

    ReviewCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        DiagnosisSummary summary;
        try {
            summary = DiagnosisSummary.read(file);
        } catch (UserFacingException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
        DiagnosisSummary.Context origin = summary.context();
        if (origin != null) {
            String unknown = m.get("review.unknown");
            context.out()
                    .println(m.get(
                                    "review.origin",
                                    origin.userName() == null ? unknown : origin.userName(),
                                    origin.computerName() == null ? unknown : origin.computerName(),
                                    origin.when() == null ? unknown : origin.when(),
                                    origin.mode() == null ? unknown : m.get("step.diagnosis.mode." + origin.mode()))
                            + (summary.redacted() ? " " + m.get("review.redacted") : ""));
            context.out().println();
        }
        context.out().println(SummaryFormat.MARKDOWN.render(summary));
        return ExitCodes.OK;
    }
}
