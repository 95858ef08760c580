package io.tlsdoctor.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import javafx.beans.value.WritableBooleanValue;

/**
 * One lane of work where the latest request wins: starting work cancels the work still running in the lane, and an
 * outcome that arrives after a newer start is dropped, whatever order the threads finish in. A busy flag is true
 * while the lane has work. UI thread only, like the callbacks it hands on.
 */
public final class LatestTask {

    private final TaskRunner runner;
    private final WritableBooleanValue busy;
    private TaskRunner.Running current;
    private int generation;
    /** Whether the latest work has not finished yet (a direct runner finishes it before run() returns). */
    private boolean active;

    /** @param busy set while work runs in this lane (may be null) */
    public LatestTask(TaskRunner runner, WritableBooleanValue busy) {
        this.runner = runner;
        this.busy = busy;
    }

    /** Starts {@code work}, cancelling older work in the lane; returns the start's number for {@link #isLatest}. */
    public <T> int run(Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed) {
        return run(work, succeeded, failed, () -> {});
    }

    /**
     * As {@link #run(Callable, Consumer, Consumer)}; {@code cancelled} runs when this work is cancelled through
     * {@link #cancel()} (not when a newer start replaces it).
     */
    public <T> int run(
            Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed, Runnable cancelled) {
        int mine = ++generation; // first, so that the older work's cancellation below is already stale
        TaskRunner.Running older = current;
        current = null;
        if (older != null) {
            older.cancel();
        }
        setBusy(true);
        TaskRunner.Running started = runner.run(
                work,
                value -> finish(mine, () -> succeeded.accept(value)),
                error -> finish(mine, () -> failed.accept(error)),
                () -> finish(mine, cancelled));
        if (mine == generation && active) {
            current = started; // a direct runner may already have finished it
        }
        return mine;
    }

    /**
     * As {@link #run(Callable, Consumer, Consumer, Runnable)}, for work that reports progress from its own threads:
     * it is given its start's number, to check with {@link #isLatest} before its progress is shown.
     */
    public <T> int runNumbered(
            IntFunction<Callable<T>> work,
            Consumer<? super T> succeeded,
            Consumer<Throwable> failed,
            Runnable cancelled) {
        return run(work.apply(generation + 1), succeeded, failed, cancelled);
    }

    /** Whether the start numbered {@code started} is still the latest (its progress may be shown). */
    public boolean isLatest(int started) {
        return started == generation;
    }

    /** Whether work runs in this lane. */
    public boolean isRunning() {
        return current != null;
    }

    /** Cancels the work running in the lane; its {@code cancelled} callback runs. */
    public void cancel() {
        TaskRunner.Running running = current;
        if (running != null) {
            running.cancel();
        }
    }

    /** Drops whatever runs in the lane without telling anyone: its outcome and progress are no longer wanted. */
    public void forget() {
        generation++;
        TaskRunner.Running running = current;
        current = null;
        if (running != null) {
            running.cancel();
        }
        setBusy(false);
    }

    private void finish(int started, Runnable outcome) {
        if (started != generation) {
            return; // a newer start replaced this work: its outcome is stale
        }
        current = null;
        setBusy(false);
        outcome.run();
    }

    private void setBusy(boolean value) {
        active = value;
        if (busy != null) {
            busy.set(value);
        }
    }
}
