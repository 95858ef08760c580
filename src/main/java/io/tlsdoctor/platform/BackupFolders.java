package io.tlsdoctor.platform;

import java.nio.file.Path;

/**
 * Where a change's backup goes, decided here for the wizard and the command line alike: a change of the live
 * registry is backed up in the machine-wide folder (the elevated helper writes it, and an undo must find it there),
 * a rehearsal on a .reg copy in the user's own folder (no elevation, and it is no change of this machine).
 *
 * @param live      backups of live changes
 * @param rehearsal backups of changes to .reg copies
 */
public record BackupFolders(Path live, Path rehearsal) {

    /** This machine's folders ({@link DataFolders}). */
    public static BackupFolders forThisMachine() {
        return new BackupFolders(DataFolders.backups(), DataFolders.rehearsalBackups());
    }

    /** One folder for both (tests keep everything in one temporary folder). */
    public static BackupFolders in(Path folder) {
        return new BackupFolders(folder, folder);
    }

    /** @param store the .reg copy being changed, or null for the live registry */
    public Path forStore(Path store) {
        return store == null ? live : rehearsal;
    }
}
