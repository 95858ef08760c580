package io.tlsdoctor.platform;

import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.platform.windows.Elevation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * TLS Doctor's rolling log files: the wizard's and the command line's in the user's own log folder
 * ({@link UserLogs#folder()}), the elevated helper's (the command line run elevated to change the registry) in the
 * machine-wide {@code %ProgramData%\TLS Doctor\logs}. Each rotates through {@value #FILES} files of at most
 * {@value #LIMIT} bytes: {@code wizard.0.log} is the newest.
 */
public final class LogFiles {

    /** Bytes per file before it rolls over; five of them keep several days of a helpdesk's use. */
    public static final int LIMIT = 1_000_000;

    public static final int FILES = 5;

    private LogFiles() {}

    /** Which program writes the log: its files are named after it. */
    public enum Writer {
        WIZARD("wizard"),
        CLI("cli"),
        HELPER("helper");

        private final String fileName;

        Writer(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** The machine-wide log folder (the elevated helper's). */
    public static Path machineFolder() {
        return DataFolders.root().resolve("logs");
    }

    /** The command line writes the helper's log when it runs elevated on Windows, else its own. */
    public static Writer commandLine() {
        return Elevation.isElevated() ? Writer.HELPER : Writer.CLI;
    }

    /**
     * Starts logging to {@code writer}'s files in its folder and writes the start record (version, Java, OS,
     * language). A log that cannot be opened (a full disk, a read-only profile) never stops TLS Doctor: empty then.
     */
    public static Optional<Path> start(Writer writer) {
        Path folder;
        try {
            folder = writer == Writer.HELPER
                    ? Files.createDirectories(DataFolders.createRoot().resolve("logs"))
                    : Files.createDirectories(UserLogs.folder());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return start(writer, folder);
    }

    /** As {@link #start(Writer)}, into {@code folder} (tests use a temporary one). */
    public static Optional<Path> start(Writer writer, Path folder) {
        return start(writer, folder, LIMIT);
    }

    static Optional<Path> start(Writer writer, Path folder, int limit) {
        Logger root = EventLog.root();
        try {
            Files.createDirectories(folder);
            // java.util.logging reads % in the pattern as its own: a folder named with one must keep it
            String pattern =
                    folder.toString().replace("%", "%%") + java.io.File.separator + writer.fileName() + ".%g.log";
            FileHandler handler = new FileHandler(pattern, limit, FILES, true);
            handler.setEncoding(StandardCharsets.UTF_8.name());
            handler.setFormatter(new LogFormat(writer.fileName()));
            handler.setLevel(Level.INFO);
            stop();
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        EventLog.of(LogFiles.class).info(() -> startRecord());
        return Optional.of(folder.resolve(writer.fileName() + ".0.log"));
    }

    /** Closes the log file (the handlers are flushed at exit by java.util.logging as well). */
    public static void stop() {
        Logger root = EventLog.root();
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
            handler.close();
        }
    }

    static String startRecord() {
        return "TLS Doctor " + Version.current() + " started; Java " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + "); " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + "; locale "
                + Locale.getDefault().toLanguageTag() + "; process "
                + ProcessHandle.current().pid();
    }
}
