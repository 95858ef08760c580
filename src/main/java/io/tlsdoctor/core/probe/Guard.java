package io.tlsdoctor.core.probe;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes sockets and kills child processes when their deadline passes or the user cancels. Closing is the only
 * reliable way to unblock a thread stuck in a read or a TLS handshake, so no probe thread outlives its deadline.
 */
final class Guard {

    private final ScheduledExecutorService scheduler;
    private final Set<Closeable> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    Guard(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Watches {@code resource} until the returned handle is closed; closes it at the deadline or on cancel. */
    Closeable watch(Closeable resource, Deadline deadline) {
        if (cancelled) {
            closeQuietly(resource);
        }
        open.add(resource);
        ScheduledFuture<?> timer = scheduler.schedule(
                () -> closeQuietly(resource),
                deadline.remainingMillis() + 1,
                TimeUnit.MILLISECONDS); // +1: remainingMillis rounds down
        return () -> {
            timer.cancel(false);
            open.remove(resource);
        };
    }

    boolean cancelled() {
        return cancelled;
    }

    void cancel() {
        cancelled = true;
        for (Closeable resource : open) {
            closeQuietly(resource);
        }
    }

    static void closeQuietly(Closeable resource) {
        try {
            resource.close();
        } catch (IOException | RuntimeException e) {
            // already broken: closing is all we wanted
        }
    }
}
