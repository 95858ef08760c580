package io.tlsdoctor.platform.windows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Schedules or cancels a restart with Windows' own {@code shutdown.exe}, recorded in the event log as a planned
 * reconfiguration ({@code /d p:2:4}), so the admin can still cancel it with {@code shutdown /a}.
 */
public final class ServerRestart {

    /** What {@code shutdown.exe} answered. */
    public record Result(int exitCode, String output) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    private ServerRestart() {
    }

    /** The command line, for the user to see and for tests: {@code shutdown /r /t 600 /d p:2:4 /c "..."}. */
    public static List<String> restartCommand(int minutes, String comment) {
        if (minutes < 0 || minutes > 60 * 24 * 10) {
            throw new IllegalArgumentException("minutes out of range: " + minutes);
        }
        return List.of(shutdownExe(), "/r", "/t", String.valueOf(minutes * 60), "/d", "p:2:4", "/c", comment);
    }

    public static List<String> cancelCommand() {
        return List.of(shutdownExe(), "/a");
    }

    /** The full path: Windows would otherwise look in the current and the application folder first. */
    static String shutdownExe() {
        String root = System.getenv("SystemRoot");
        return (root != null ? root : "C:\\Windows") + "\\System32\\shutdown.exe";
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        if (!Elevation.isWindows()) {
            throw new IOException("shutdown.exe exists on Windows only");
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return new Result(process.waitFor(), output);
    }
}
