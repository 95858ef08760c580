package io.tlsdoctor.ui.common;

import javafx.beans.value.WritableBooleanValue;
import javafx.concurrent.Task;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The one way a ViewModel runs work off the FX thread: a {@link Task} on the injected executor, a busy flag that is
 * true while it runs (the wizard locks navigation on it), and the outcome handed back on the FX thread.
 */
public final class BackgroundWork {

    private BackgroundWork() {
    }

    /**
     * @param busy      set while the work runs, cleared before {@code succeeded} or {@code failed} is called, and when
     *                  the returned task is cancelled (may be null)
     * @param succeeded on the FX thread, with the work's result
     * @param failed    on the FX thread, with what the work threw
     */
    public static <T> Task<T> run(Executor executor, WritableBooleanValue busy, Callable<T> work, Consumer<T> succeeded,
                                  Consumer<Throwable> failed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        if (busy != null) {
            busy.set(true);
        }
        task.setOnSucceeded(e -> {
            if (busy != null) {
                busy.set(false);
            }
            succeeded.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            if (busy != null) {
                busy.set(false);
            }
            failed.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            if (busy != null) {
                busy.set(false); // a cancelled task reports nothing, but must not leave the wizard locked
            }
        });
        executor.execute(task);
        return task;
    }
}
