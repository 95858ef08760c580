package io.tlsdoctor.platform;

import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Opens a folder in Explorer (or the desktop's file manager) and a web address in the browser. Explorer and
 * xdg-open are started directly rather than through JavaFX's HostServices, which gives no sign when nothing opened.
 */
public final class DesktopOpener {

    private DesktopOpener() {}

    /** False when no program could be started for it. */
    public static boolean open(String target) {
        List<String> command = command(target, Elevation.isWindows(), System.getenv("SystemRoot"));
        try {
            new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException | RuntimeException e) {
            EventLog.of(DesktopOpener.class).log(Level.WARNING, "could not open " + target, e);
            return false;
        }
    }

    static List<String> command(String target, boolean windows, String systemRoot) {
        boolean web = target.startsWith("https://") || target.startsWith("http://");
        if (windows) {
            String root = systemRoot != null ? systemRoot : "C:\\Windows";
            // full paths: a bare name would be looked up in the current folder first
            return web
                    ? List.of(root + "\\System32\\rundll32.exe", "url.dll,FileProtocolHandler", target)
                    : List.of(root + "\\explorer.exe", Path.of(target).toString());
        }
        return List.of("xdg-open", target);
    }
}
