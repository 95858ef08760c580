package io.tlsdoctor.ui.common;

import io.tlsdoctor.core.text.EventLog;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.concurrent.Task;

/** Work as a JavaFX {@link Task} on the app's worker pool; outcomes, later actions and polling on the FX thread. */
public final class FxTaskRunner implements TaskRunner {

    private static final Logger LOG = EventLog.of(FxTaskRunner.class);

    private final Executor executor;

    public FxTaskRunner(Executor executor) {
        this.executor = executor;
    }

    @Override
    public <T> Running run(
            Callable<T> work, Consumer<? super T> succeeded, Consumer<Throwable> failed, Runnable cancelled) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> succeeded.accept(task.getValue()));
        task.setOnFailed(e -> {
            // the step shows the user a sentence; the stack trace belongs in the log
            LOG.log(Level.WARNING, "background work failed", task.getException());
            failed.accept(task.getException());
        });
        task.setOnCancelled(e -> cancelled.run());
        executor.execute(task);
        return () -> task.cancel(true); // on the FX thread the cancelled callback runs at once
    }

    @Override
    public void later(Runnable action) {
        Platform.runLater(action);
    }

    @Override
    public Running every(Duration period, Runnable action) {
        Timeline timeline =
                new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> action.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }
}
