package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.text.EventLog;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What a change of the registry (or of a rehearsal copy) did, for the log: each value before and after, the backup. */
final class FixLog {

    private static final Logger LOG = EventLog.of(FixEngine.class);

    private FixLog() {}

    static void undoing(Path backupFolder) {
        LOG.info(() -> "undo requested from backup " + backupFolder);
    }

    /** A failure the user is told about in plain words: the log keeps the exception and its stack trace. */
    static void failed(String during, Throwable failure) {
        LOG.log(Level.WARNING, failure, () -> "failed: " + during);
    }

    static ApplyResult logged(String action, String store, ApplyResult result) {
        Level level = result.problemKey() == null ? Level.INFO : Level.WARNING;
        LOG.log(level, () -> describe(action, store, result));
        return result;
    }

    static String describe(String action, String store, ApplyResult result) {
        StringBuilder text = new StringBuilder();
        text.append(action).append(" on ").append(store).append(": ").append(result.outcome());
        if (result.problemKey() != null) {
            text.append(" (")
                    .append(result.problemKey())
                    .append(' ')
                    .append(result.problemArgs())
                    .append(')');
        }
        text.append("; backup ")
                .append(
                        result.backupFolder() == null
                                ? "none"
                                : result.backupFolder().toString());
        for (ChangeResult change : result.changes()) {
            text.append('\n')
                    .append(change.location().keyPath())
                    .append('\\')
                    .append(change.location().name())
                    .append(": ")
                    .append(shown(change.before()))
                    .append(" -> ")
                    .append(shown(change.after()))
                    .append(" (wanted ")
                    .append(shown(change.wanted()))
                    .append(", ")
                    .append(change.state())
                    .append(')');
        }
        return text.toString();
    }

    private static String shown(io.tlsdoctor.core.registry.RegistryValue value) {
        return value == null ? "absent" : value.display();
    }
}
