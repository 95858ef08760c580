package io.tlsdoctor.platform;

import io.tlsdoctor.platform.windows.Elevation;
import io.tlsdoctor.platform.windows.WindowsSecureFolder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where TLS Doctor keeps what must survive it. On Windows the backups of live changes go to
 * {@code %ProgramData%\TLS Doctor}, which the elevated helper writes and later reads back for an undo; it is created
 * with its own access list (Administrators and SYSTEM full control, Users read), never with whatever ProgramData
 * would hand down, so no standard user can plant a backup there. What a user's own rehearsals need goes to
 * {@code %LOCALAPPDATA%\TLS Doctor}. Elsewhere both are {@code $XDG_DATA_HOME/tlsdoctor} or
 * {@code ~/.local/share/tlsdoctor}, created without write access for group and others.
 */
public final class DataFolders {

    private DataFolders() {}

    /** The machine-wide folder (ProgramData on Windows). */
    public static Path root() {
        if (Elevation.isWindows()) {
            String programData = System.getenv("ProgramData");
            return Path.of(programData != null ? programData : "C:\\ProgramData", "TLS Doctor");
        }
        return userRoot();
    }

    /** This user's own folder (LOCALAPPDATA on Windows). */
    public static Path userRoot() {
        if (Elevation.isWindows()) {
            String local = System.getenv("LOCALAPPDATA");
            return local != null ? Path.of(local, "TLS Doctor") : root();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tlsdoctor");
    }

    /** One folder per change of the live registry: {@code backups\<time>-apply}. */
    public static Path backups() {
        return root().resolve("backups");
    }

    /** One folder per change of a rehearsal copy (.reg file), in the user's own folder. */
    public static Path rehearsalBackups() {
        return userRoot().resolve("backups");
    }

    /** Plans handed to the elevated helper and its results (the helper checks the plan's digest). */
    public static Path runs() throws IOException {
        return SecureFolder.forThisMachine().createUserPrivate(userRoot().resolve("runs"));
    }

    /** Creates the machine-wide folder with its access list (and corrects the list of one that exists). */
    public static Path createRoot() throws IOException {
        return SecureFolder.forThisMachine().createMachineWide(root());
    }

    /** How this OS gives a folder an explicit access list. */
    public interface SecureFolder {

        /** Administrators (root) and SYSTEM may change it, everyone else may only read it. */
        Path createMachineWide(Path folder) throws IOException;

        /** Only this user may write it. */
        Path createUserPrivate(Path folder) throws IOException;

        static SecureFolder forThisMachine() {
            return Elevation.isWindows() ? new WindowsSecureFolder() : new PosixSecureFolder();
        }
    }
}
