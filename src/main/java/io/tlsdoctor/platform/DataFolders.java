package io.tlsdoctor.platform;

import java.nio.file.Path;

/**
 * Where TLS Doctor keeps what must survive it: on Windows {@code %ProgramData%\TLS Doctor} (readable by the elevated
 * helper and the admin alike); elsewhere {@code $XDG_DATA_HOME/tlsdoctor} or {@code ~/.local/share/tlsdoctor}.
 */
public final class DataFolders {

    private DataFolders() {
    }

    public static Path root() {
        if (System.getProperty("os.name", "").startsWith("Windows")) {
            String programData = System.getenv("ProgramData");
            return Path.of(programData != null ? programData : "C:\\ProgramData", "TLS Doctor");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tlsdoctor");
    }

    /** One folder per change: {@code backups\<time>-apply}. */
    public static Path backups() {
        return root().resolve("backups");
    }
}
