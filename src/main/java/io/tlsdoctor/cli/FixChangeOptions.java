package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.FixRequester;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What apply and undo share: where to change, the explicit yes, where backups and the result go. */
final class FixChangeOptions {
    @Option(names = "--store", paramLabel = "export.reg", descriptionKey = "cli.fix.option.store")
    Path store;

    @Option(names = "--yes", descriptionKey = "cli.fix.option.yes")
    boolean yes;

    @Option(names = "--backups", paramLabel = "DIR", descriptionKey = "cli.fix.option.backups")
    Path backups;

    @Option(names = "--result", paramLabel = "result.json", descriptionKey = "cli.fix.option.result")
    Path result;

    @Option(names = "--force", descriptionKey = "cli.option.force")
    boolean force;

    /** Given to the elevated helper: the user who asked, for the audit trail (the helper runs as an administrator). */
    @Option(names = "--requested-by", hidden = true)
    String requestedBy;

    /** Given to the elevated helper: whether the wizard or the command line asked. */
    @Option(names = "--via", hidden = true)
    FixRequester.Via via;
}
