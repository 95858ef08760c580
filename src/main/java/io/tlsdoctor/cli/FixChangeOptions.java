package io.tlsdoctor.cli;

import picocli.CommandLine.Option;

import java.nio.file.Path;

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
}
