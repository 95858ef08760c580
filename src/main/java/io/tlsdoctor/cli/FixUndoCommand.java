package io.tlsdoctor.cli;

import io.tlsdoctor.core.fix.Backup;
import io.tlsdoctor.core.fix.FixPlanException;
import io.tlsdoctor.core.text.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tlsdoctor fix undo}: returns every value of a backup to what it was before that change. */
@Command(name = "undo", mixinStandardHelpOptions = true, sortOptions = false)
final class FixUndoCommand implements Callable<Integer> {

    private final CliContext context;

    @Option(names = "--backup", required = true, paramLabel = "DIR", descriptionKey = "cli.fix.option.backup")
    Path backupFolder;

    @Mixin
    FixChangeOptions options = new FixChangeOptions();

    /** Given to the elevated helper: the backup must be the very one the user chose. */
    @Option(names = "--backup-sha256", hidden = true)
    String sha256;

    FixUndoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        String digest = sha256;
        Backup backup;
        try {
            if (digest == null) {
                digest = Backup.digest(backupFolder);
            }
            backup = Backup.load(backupFolder, digest);
        } catch (IOException e) {
            throw new UsageException(m.get("fix.error.backupMissing", backupFolder.toString()));
        } catch (FixPlanException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
        context.out()
                .println(m.get(
                        "cli.fix.undo.heading",
                        backupFolder.toString(),
                        backup.takenAt().toString(),
                        backup.store()));
        String chosen = digest;
        return new FixChange(context, options)
                .run(
                        backup.entries().stream().map(Backup.Entry::location).toList(),
                        (engine, store, backups) -> engine.undo(backup, backupFolder, store, backups),
                        elevated -> elevated.undo(backupFolder, chosen));
    }
}
