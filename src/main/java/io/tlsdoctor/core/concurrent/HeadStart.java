package io.tlsdoctor.core.concurrent;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work begun on a daemon thread of its own, so that it overlaps with something that keeps the starting thread busy
 * without using the second core (JavaFX starting its toolkit, picocli reading the command line), and taken when it
 * is needed. A head start decides nothing: if the work failed there, {@link #get()} does it again on the taking
 * thread, so that its error surfaces where it would have without the head start.
 */
public final class HeadStart<T> {

    private final Supplier<T> work;
    private final CompletableFuture<T> result = new CompletableFuture<>();

    private HeadStart(Supplier<T> work) {
        this.work = work;
    }

    public static <T> HeadStart<T> begin(String threadName, Supplier<T> work) {
        return begin(threadName, work, () -> {});
    }

    /** @param afterwards more work for the same thread once the result is ready (its failure is only a lost head start) */
    public static <T> HeadStart<T> begin(String threadName, Supplier<T> work, Runnable afterwards) {
        HeadStart<T> started = new HeadStart<>(work);
        Thread thread = new Thread(
                () -> {
                    try {
                        started.result.complete(work.get());
                    } catch (RuntimeException | Error e) {
                        started.result.completeExceptionally(e);
                        return;
                    }
                    try {
                        afterwards.run();
                    } catch (RuntimeException e) {
                        // whoever needs that work does it again and reports its own problems
                    }
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /**
     * Work that a later {@link #beginInOrder} runs: several head starts on one thread, in the order their taker needs
     * them, rather than a thread each competing for the same core. Until it is begun, {@link #get()} waits.
     */
    public static <T> HeadStart<T> queued(Supplier<T> work) {
        return new HeadStart<>(work);
    }

    /** Runs the queued head starts one after another on one daemon thread; one's failure does not stop the next. */
    public static void beginInOrder(String threadName, List<HeadStart<?>> queued) {
        Thread thread = new Thread(
                () -> {
                    for (HeadStart<?> each : queued) {
                        each.runHere();
                    }
                },
                threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private void runHere() {
        try {
            result.complete(work.get());
        } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
        }
    }

    /** The result, waiting for it if need be; the work done again here if it failed on its own thread. */
    public T get() {
        try {
            return result.join();
        } catch (CompletionException | CancellationException e) {
            return work.get();
        }
    }
}
