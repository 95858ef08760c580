package io.tlsdoctor.platform.windows;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Schedules or cancels a restart with Windows' own {@code shutdown.exe}, recorded in the event log as a planned
 * reconfiguration ({@code /d p:2:4}), so the admin can still cancel it with {@code shutdown /a}.
 */
public final class ServerRestart {

    /** ERROR_SHUTDOWN_IS_SCHEDULED: asked to restart while a restart is already scheduled. */
    static final int ALREADY_SCHEDULED = 1190;
    /** ERROR_NO_SHUTDOWN_IN_PROGRESS: asked to cancel when no restart is scheduled. */
    static final int NOTHING_TO_CANCEL = 1116;

    /** What {@code shutdown.exe} answered. */
    public record Result(int exitCode, String output) {

        /** Nothing to cancel is what a cancel wants: no restart is scheduled. */
        public boolean succeeded() {
            return exitCode == 0 || exitCode == NOTHING_TO_CANCEL;
        }

        /** A message key that says in plain words what a known exit code means, rather than the number. */
        public Optional<String> explanationKey() {
            return switch (exitCode) {
                case ALREADY_SCHEDULED -> Optional.of("restart.shutdown.alreadyScheduled");
                case NOTHING_TO_CANCEL -> Optional.of("restart.shutdown.nothingToCancel");
                default -> Optional.empty();
            };
        }
    }

    private ServerRestart() {}

    /** The command line, for the user to see and for tests: {@code shutdown /r /t 600 /d p:2:4 /c "..."}. */
    public static List<String> restartCommand(int minutes, String comment) {
        if (minutes < 0 || minutes > 60 * 24 * 10) {
            throw new IllegalArgumentException("minutes out of range: " + minutes);
        }
        if (minutes == 0) {
            // /t above 0 implies /f; at /t 0 a program with unsaved work could otherwise hold the restart up for good
            return List.of(shutdownExe(), "/r", "/f", "/t", "0", "/d", "p:2:4", "/c", comment);
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
        // shutdown.exe writes in the OEM code page (850 on a Swedish server), not UTF-8
        ChildProcess.Finished finished =
                ChildProcess.run(new ProcessBuilder(command), Duration.ofSeconds(60), CodePages.oem(), CodePages.oem());
        if (finished.timedOut()) {
            throw new IOException("shutdown.exe did not answer within 60 seconds");
        }
        return new Result(finished.exitCode(), (finished.stdout() + "\n" + finished.stderr()).strip());
    }
}
