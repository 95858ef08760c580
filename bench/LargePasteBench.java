import io.tlsdoctor.app.PlatformServices;
import io.tlsdoctor.app.TlsDoctorApp;
import io.tlsdoctor.app.WizardWindow;
import io.tlsdoctor.ui.common.DialogService;
import io.tlsdoctor.ui.common.I18n;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

/**
 * A large paste into the real wizard (bench/large-paste.sh runs it; not a test). Pastes MB megabytes of protocol-log
 * lines with one NDR line at the end into the paste box through the clipboard, as a user does, and prints:
 * how long the paste itself held the UI thread, the UI thread's longest stall until the whole paste was recognised
 * (a probe asks it to run something every 10 ms), the time until "Recognised:", the peak heap and RSS; then pastes
 * again and presses Stop after 1 s, and prints how long Stop took to show "Stopped".
 */
public final class LargePasteBench {

    private static final AtomicLong WORST_STALL_NS = new AtomicLong();
    private static final AtomicLong PEAK_HEAP = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String paste = paste(megabytes);
        Path dir = Files.createTempDirectory("tlsdoctor-large-paste");
        ExecutorService executor = TlsDoctorApp.newWorkerPool();
        CompletableFuture<Stage> shown = new CompletableFuture<>();
        Platform.startup(() -> {
            Stage stage = new Stage();
            WizardWindow.show(
                    stage,
                    new I18n(Locale.ENGLISH),
                    executor,
                    new NoDialogs(),
                    PlatformServices.withBackupsIn(dir.resolve("backups")),
                    () -> {});
            shown.complete(stage);
        });
        Stage stage = shown.get(120, TimeUnit.SECONDS);
        Thread.sleep(2000); // the window settles (first layout, fonts) before the clock starts
        startProbes();

        System.out.printf(
                Locale.ROOT,
                "paste: %.1f MB, %,d lines%n",
                paste.length() / (1024.0 * 1024.0),
                paste.chars().filter(c -> c == '\n').count());
        WORST_STALL_NS.set(0);
        long start = System.nanoTime();
        long pasteCall = onFx(() -> pasteIntoBox(stage, paste));
        String status = waitForStatus(stage, s -> s.startsWith("Recognised:") || s.startsWith("Nothing here"), 600);
        long recognised = System.nanoTime() - start;
        System.out.printf(Locale.ROOT, "paste call on the UI thread: %d ms%n", pasteCall / 1_000_000);
        System.out.printf(Locale.ROOT, "recognised after: %.2f s (%s)%n", recognised / 1e9, status);
        System.out.printf(
                Locale.ROOT, "UI thread's longest stall until then: %d ms%n", WORST_STALL_NS.get() / 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "box holds: %,d characters; note: %s%n",
                onFx(() -> ((TextArea) stage.getScene().lookup("#evidenceArea")).getLength()),
                onFx(() -> ((Labeled) stage.getScene().lookup("#pasteSizeNote")).getText()));

        onFx(() -> {
            ((Button) stage.getScene().lookup("#clearButton")).fire();
            return null;
        });
        waitForStatus(stage, s -> s.startsWith("Nothing pasted yet"), 60);
        String second = paste.replace("SocketError'", "TimedOut'"); // made here, not on the UI thread
        WORST_STALL_NS.set(0);
        long secondPasteCall = onFx(() -> pasteIntoBox(stage, second));
        Thread.sleep(1000);
        long stopAt = System.nanoTime();
        boolean stillRunning = onFx(() -> {
            Button stop = (Button) stage.getScene().lookup("#stopRecognizingButton");
            boolean running = stop.isVisible() && !stop.isDisabled();
            stop.fire();
            return running;
        });
        String stopped = waitForStatus(stage, s -> s.startsWith("Stopped") || s.startsWith("Recognised:"), 120);
        System.out.printf(
                Locale.ROOT,
                "Stop pressed 1 s into a second paste (still reading: %s): \"%s\" after %d ms;"
                        + " the paste call %d ms; longest UI stall in that paste: %d ms%n",
                stillRunning,
                stopped.substring(0, Math.min(40, stopped.length())),
                (System.nanoTime() - stopAt) / 1_000_000,
                secondPasteCall / 1_000_000,
                WORST_STALL_NS.get() / 1_000_000);
        System.out.printf(
                Locale.ROOT,
                "peak heap used: %d MB (max heap %d MB); peak RSS: %s%n",
                PEAK_HEAP.get() >> 20,
                Runtime.getRuntime().maxMemory() >> 20,
                peakRss());
        executor.shutdownNow();
        Platform.exit();
        System.exit(0);
    }

    /** Protocol-log lines of a failing session, over and over, and the NDR line that names the symptom last. */
    private static String paste(int megabytes) {
        StringBuilder text = new StringBuilder(megabytes * 1024 * 1024 + 200);
        String[] session = {
            "2026-11-27T08:00:00.100Z,Outbound to Office 365,08DE2C1A00000000,0,,104.47.22.138:25,+,,attempting to connect\r\n",
            "2026-11-27T08:00:00.300Z,Outbound to Office 365,08DE2C1A00000000,1,10.0.0.5:12345,104.47.22.138:25,<,220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready,\r\n",
            "2026-11-27T08:00:00.400Z,Outbound to Office 365,08DE2C1A00000000,2,10.0.0.5:12345,104.47.22.138:25,>,EHLO ex01.contoso.com,\r\n",
            "2026-11-27T08:00:00.500Z,Outbound to Office 365,08DE2C1A00000000,3,10.0.0.5:12345,104.47.22.138:25,<,250-STARTTLS,\r\n",
        };
        int i = 0;
        while (text.length() < megabytes * 1024 * 1024) {
            text.append(session[i++ % session.length]);
        }
        return text.append("Remote Server returned '421 4.4.2 Connection dropped due to SocketError'\r\n")
                .toString();
    }

    private static long pasteIntoBox(Stage stage, String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        TextArea area = (TextArea) stage.getScene().lookup("#evidenceArea");
        area.requestFocus();
        long start = System.nanoTime();
        area.paste();
        return System.nanoTime() - start;
    }

    /** Every 10 ms: how late the UI thread runs what it is asked to; every 20 ms: the heap in use. */
    private static void startProbes() {
        Thread probe = new Thread(
                () -> {
                    while (true) {
                        long asked = System.nanoTime();
                        Platform.runLater(() -> WORST_STALL_NS.accumulateAndGet(System.nanoTime() - asked, Math::max));
                        PEAK_HEAP.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "ui-stall-probe");
        probe.setDaemon(true);
        probe.start();
    }

    private static String waitForStatus(Stage stage, java.util.function.Predicate<String> done, int seconds)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String status = onFx(() -> ((Labeled) stage.getScene().lookup("#recognitionStatus")).getText());
            if (status != null && done.test(status)) {
                return status;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no such status within " + seconds + " s");
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(600, TimeUnit.SECONDS);
    }

    private static String peakRss() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM:"))
                .map(l -> (Long.parseLong(l.replaceAll("\\D", "")) >> 10) + " MB")
                .findFirst()
                .orElse("?");
    }

    /** No dialog is asked for on this path. */
    private static final class NoDialogs implements DialogService {
        @Override
        public boolean confirm(String title, String question, String yes, String no) {
            return false;
        }

        @Override
        public Optional<Path> chooseEvidenceFile(String title) {
            return Optional.empty();
        }

        @Override
        public List<Path> chooseRegFiles(String title) {
            return List.of();
        }

        @Override
        public Optional<Path> chooseSummaryFile(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseSaveFile(String title, String initialName) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFolder(String title) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseZip(String title) {
            return Optional.empty();
        }
    }
}
