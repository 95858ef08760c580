package io.tlsdoctor.core.fix;

import java.nio.file.Path;

/**
 * How the wizard makes a change happen without knowing the operating system: on the live registry (on Windows, in
 * an elevated helper process) or on a copy of a {@code reg export} file to rehearse.
 */
public interface FixRunner {

    /** Whether this machine has a live registry to change. */
    boolean liveAvailable();

    /** Applies the plan to the live registry; a declined UAC prompt is a NOT_STARTED result, never an exception. */
    ApplyResult applyLive(FixPlan plan);

    ApplyResult undoLive(Path backupFolder);

    /** Where changes to the live registry keep their backups (named to the user when a change was not seen to end). */
    Path liveBackupsFolder();

    /** Applies the plan to a .reg file (a copy of the server's export). */
    ApplyResult applyToFile(FixPlan plan, Path regFile);

    ApplyResult undoOnFile(Path backupFolder, Path regFile);
}
