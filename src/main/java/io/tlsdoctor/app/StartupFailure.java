package io.tlsdoctor.app;

import io.tlsdoctor.core.text.EventLog;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.platform.UserLogs;
import io.tlsdoctor.platform.windows.NativeMessageBox;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An error the wizard cannot go on from, or hits while running, told to the user where they will see it. The wizard's
 * launcher on Windows has no console, so standard error alone reaches nobody: the details go to a file in the user's
 * log folder, and the message, naming that file, to a message box (a JavaFX alert when the toolkit is up, else
 * Windows' own), and to standard error as well.
 */
final class StartupFailure {

    private static final Logger LOG = EventLog.of(StartupFailure.class);

    /** Shows caption and text to the user and says whether it could. */
    interface Shower extends BiPredicate<String, String> {}

    private final Messages messages;
    private final Path logFolder;
    private final Shower shower;
    private final PrintStream stderr;

    StartupFailure(Messages messages, Path logFolder, Shower shower, PrintStream stderr) {
        this.messages = messages;
        this.logFolder = logFolder;
        this.shower = shower;
        this.stderr = stderr;
    }

    /** Before JavaFX is up: Windows' message box. */
    static StartupFailure beforeToolkit(Messages messages) {
        return new StartupFailure(messages, UserLogs.folder(), NativeMessageBox::showError, System.err);
    }

    /**
     * Reports {@code message} (already in the user's language) with the details of {@code cause}, and returns the
     * text shown, which names the file with the details when it could be written.
     */
    String report(String message, Throwable cause) {
        LOG.log(Level.SEVERE, message, cause);
        Optional<Path> details = UserLogs.write(logFolder, "wizard-error", details(message, cause));
        String text = details.map(file -> message + "\n\n" + messages.get("app.errorDetails", file.toString()))
                .orElse(message);
        stderr.println(text);
        shower.test("TLS Doctor", text);
        return text;
    }

    private static String details(String message, Throwable cause) {
        StringWriter trace = new StringWriter();
        PrintWriter out = new PrintWriter(trace);
        out.println(message);
        out.println();
        out.println("When: " + Instant.now());
        out.println("TLS Doctor: " + Main.class.getPackage().getImplementationVersion());
        out.println(
                "Java: " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.home") + ")");
        out.println("OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        if (cause != null) {
            out.println();
            cause.printStackTrace(out);
        }
        out.flush();
        return trace.toString();
    }
}
