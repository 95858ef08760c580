package io.tlsdoctor.core.fix;

import java.nio.file.Path;

/** What the engine tells its caller while it works, so the user hears it at the time (not only in the result). */
public interface FixEvents {

    FixEvents NONE = new FixEvents() {};

    /** The backup is on disk and nothing is written yet: the user must know where it is before anything changes. */
    default void backupSaved(Path folder) {}

    /** An earlier change to this store was interrupted; {@code journal} says how it was resolved. */
    default void earlierChangeInterrupted(FixJournal journal) {}

    /** This change was interrupted (Ctrl-C, a closed console, a shutdown); {@code journal} says what was done. */
    default void interrupted(FixJournal journal) {}
}
