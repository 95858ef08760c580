package io.tlsdoctor.core.probe;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A probe in progress: wait for its report, or cancel it (every socket and child process is closed at once). */
public final class ProbeRun {

    private final CompletableFuture<ProbeReport> report;
    private final Guard guard;

    ProbeRun(CompletableFuture<ProbeReport> report, Guard guard) {
        this.report = report;
        this.guard = guard;
    }

    public void cancel() {
        guard.cancel();
    }

    public boolean cancelled() {
        return guard.cancelled();
    }

    /** Blocks until every target has a report; never longer than the per-target deadline plus a little. */
    public ProbeReport await() throws InterruptedException {
        try {
            return report.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("probe failed", e.getCause());
        }
    }
}
