package io.tlsdoctor.core.logs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** How far an analysis is, readable from any thread while it runs; {@link #cancel()} stops it soon after. */
public final class LogProgress {
    private final AtomicInteger filesTotal = new AtomicInteger();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesTotal = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public int filesTotal() {
        return filesTotal.get();
    }

    public int filesDone() {
        return filesDone.get();
    }

    /** The sum of the file sizes (zip entries uncompressed); what was read can differ for UTF-16 copies. */
    public long bytesTotal() {
        return bytesTotal.get();
    }

    public long bytesDone() {
        return bytesDone.get();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void start(int files, long bytes) {
        filesTotal.set(files);
        bytesTotal.set(bytes);
    }

    void fileDone() {
        filesDone.incrementAndGet();
    }

    void read(long bytes) {
        bytesDone.addAndGet(bytes);
    }
}
