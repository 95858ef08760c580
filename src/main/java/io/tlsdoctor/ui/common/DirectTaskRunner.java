package io.tlsdoctor.ui.common;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The synchronous twin of {@link FxTaskRunner}, for ViewModel tests without the toolkit: work runs on the caller's
 * thread, either at once ({@link #immediate()}) or held until the test runs it ({@link #held()},
 * {@link #heldPastCancel()}), so a test can finish an older piece of work after a newer one and see that its result
 * is dropped. Actions handed over from
 * other threads ({@link #later}) run at once, one at a time. Nothing is polled.
 */
public final class DirectTaskRunner implements TaskRunner {

    private final boolean hold;
    /** Whether cancelling held work stops it; when not, it still runs and reports, as work that had just ended. */
    private final boolean cancelStops;

    private final Deque<Job<?>> waiting = new ArrayDeque<>();
    /** Stands for the UI thread: outcomes and handed-over actions run one at a time. Work runs outside it. */
    private final Object ui = new Object();

    private DirectTaskRunner(boolean hold, boolean cancelStops) {
        this.hold = hold;
        this.cancelStops = cancelStops;
    }

    /** Runs work as soon as it is started. */
    public static DirectTaskRunner immediate() {
        return new DirectTaskRunner(false, true);
    }

    /** Holds work until {@link #runNext()}, {@link #runLast()} or {@link #runAll()}; cancelling held work drops it. */
    public static DirectTaskRunner held() {
        return new DirectTaskRunner(true, true);
    }

    /**
     * Holds work as {@link #held()} does, but a cancel comes too late: the work still runs and reports its outcome,
     * as a task that had finished just before the cancel and whose result was on its way to the FX thread. What a
     * ViewModel must then drop as stale, only its own guard can.
     */
    public static DirectTaskRunner heldPastCancel() {
        return new DirectTaskRunner(true, false);
    }

    @Override
    public <T> Running run(
            Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed, Runnable cancelled) {
        Job<T> job = new Job<>(work, succeeded, failed, cancelled);
        if (hold) {
            synchronized (waiting) {
                waiting.addLast(job);
            }
        } else {
            complete(job);
        }
        return () -> {
            if (!cancelStops) {
                return;
            }
            boolean removed;
            synchronized (waiting) {
                removed = waiting.remove(job);
            }
            if (removed) {
                later(job.cancelled);
            }
        };
    }

    @Override
    public void later(Runnable action) {
        synchronized (ui) {
            action.run();
        }
    }

    @Override
    public Running every(Duration period, Runnable action) {
        return () -> {};
    }

    /** How many pieces of work are held, not yet run nor cancelled. */
    public int waiting() {
        synchronized (waiting) {
            return waiting.size();
        }
    }

    /** Runs the oldest held work; false when none waits. */
    public boolean runNext() {
        Job<?> job;
        synchronized (waiting) {
            job = waiting.pollFirst();
        }
        if (job != null) {
            complete(job);
        }
        return job != null;
    }

    /** Runs the newest held work first, as when a later request finishes before an earlier one. */
    public boolean runLast() {
        Job<?> job;
        synchronized (waiting) {
            job = waiting.pollLast();
        }
        if (job != null) {
            complete(job);
        }
        return job != null;
    }

    /** Runs held work, oldest first, until none waits (work may start more work). */
    public void runAll() {
        while (runNext()) {
            // each run may hold more
        }
    }

    private <T> void complete(Job<T> job) {
        T value;
        try {
            value = job.work.call();
        } catch (CancellationException | InterruptedException e) {
            later(job.cancelled);
            return;
        } catch (Exception | Error e) {
            later(() -> job.failed.accept(e));
            return;
        }
        later(() -> job.succeeded.accept(value));
    }

    private record Job<T>(
            Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed, Runnable cancelled) {}
}
