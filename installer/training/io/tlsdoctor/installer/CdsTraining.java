package io.tlsdoctor.installer;

import io.tlsdoctor.app.Main;
import io.tlsdoctor.cli.TlsDoctorCommand;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.stage.Window;
import javafx.util.Duration;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The training run behind the packaged runtime's class-data-sharing archive (run by installer/build.sh and
 * build.ps1 with -XX:DumpLoadedClassList, never shipped): it does what a user's first minute does, the command line
 * on a sample and the wizard until its window is on screen, so the archive holds the classes a real start loads.
 */
public final class CdsTraining {

    private static final long WINDOW_DEADLINE_SECONDS = 120;
    private static final AtomicBoolean CLOSING = new AtomicBoolean();

    private CdsTraining() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining SAMPLE_EVIDENCE_FILE");
            System.exit(2);
        }
        PrintWriter sink = new PrintWriter(Writer.nullWriter());
        for (String[] command : new String[][] {
                {"--version"}, {"classify", args[0]}, {"classify", "--json", args[0]}, {"--lang", "sv", "classify", args[0]}}) {
            int code = TlsDoctorCommand.run(command, InputStream.nullInputStream(), sink, sink);
            if (code != 0) {
                System.err.println("training: " + String.join(" ", command) + " exited with " + code);
                System.exit(1);
            }
        }
        Thread closer = new Thread(CdsTraining::closeOnceAWindowIsShown, "cds-training-closer");
        closer.setDaemon(true);
        closer.start();
        Main.main(new String[0]); // returns after Platform.exit()
    }

    /** Polls until the wizard's window shows, lets it lay out and paint for a second, then ends the toolkit. */
    private static void closeOnceAWindowIsShown() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WINDOW_DEADLINE_SECONDS);
        while (System.nanoTime() < deadline) {
            sleep(200);
            try {
                Platform.runLater(() -> {
                    if (!CLOSING.get() && Window.getWindows().stream().anyMatch(Window::isShowing)) {
                        CLOSING.set(true);
                        PauseTransition settle = new PauseTransition(Duration.seconds(1));
                        settle.setOnFinished(event -> Platform.exit());
                        settle.play();
                    }
                });
            } catch (IllegalStateException toolkitNotStartedYet) {
                continue;
            }
            if (CLOSING.get()) {
                return;
            }
        }
        System.err.println("training: no window within " + WINDOW_DEADLINE_SECONDS + " s");
        System.exit(1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
