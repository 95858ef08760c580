package io.tlsdoctor.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.value.WritableBooleanValue;

/**
 * The one way a ViewModel runs work off the UI thread, injected so that a ViewModel can be tested without the
 * toolkit (as JabRef's TaskExecutor and CurrentThreadTaskExecutor). {@link FxTaskRunner} runs the work on the app's
 * worker pool and hands its outcome to the FX thread; {@link DirectTaskRunner} runs it on the caller's thread, at
 * once or when a test says so. Work that a newer request makes stale goes through a {@link LatestTask}.
 */
public interface TaskRunner {

    /** A piece of work that was started, and can be stopped. */
    interface Running {
        /** Stops the work (interrupting it); its {@code cancelled} callback runs instead of an outcome. */
        void cancel();
    }

    /**
     * Runs {@code work} off the UI thread. Exactly one of {@code succeeded}, {@code failed} or {@code cancelled} then
     * runs on the UI thread. Call on the UI thread.
     */
    <T> Running run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed, Runnable cancelled);

    /** Runs {@code action} on the UI thread, after what runs there now (progress reported from a worker thread). */
    void later(Runnable action);

    /** Runs {@code action} on the UI thread every {@code period} until cancelled (progress polling). */
    Running every(Duration period, Runnable action);

    /**
     * As {@link #run(Callable, Consumer, Consumer, Runnable)}, with a busy flag set while the work runs (the wizard
     * locks navigation on it) and cleared before any outcome, and when the work is cancelled.
     *
     * @param busy may be null
     */
    default <T> Running run(
            WritableBooleanValue busy, Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
        if (busy != null) {
            busy.set(true);
        }
        return run(
                work,
                value -> {
                    clear(busy);
                    succeeded.accept(value);
                },
                error -> {
                    clear(busy);
                    failed.accept(error);
                },
                () -> clear(busy)); // a cancelled task reports nothing, but must not leave the wizard locked
    }

    private static void clear(WritableBooleanValue busy) {
        if (busy != null) {
            busy.set(false);
        }
    }
}
