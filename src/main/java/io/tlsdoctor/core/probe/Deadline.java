package io.tlsdoctor.core.probe;

import java.time.Duration;

/** A point in time a piece of work must finish by; monotonic, so clock changes cannot stretch it. */
public final class Deadline {

    private final long endNanos;

    private Deadline(long endNanos) {
        this.endNanos = endNanos;
    }

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    /** The earlier of this deadline and {@code duration} from now. */
    public Deadline within(Duration duration) {
        return new Deadline(Math.min(endNanos, System.nanoTime() + duration.toNanos()));
    }

    public long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    public boolean expired() {
        return System.nanoTime() - endNanos >= 0;
    }

    /** A socket timeout for the next read: never 0, which would mean "wait forever". */
    public int socketTimeout() {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, remainingMillis()));
    }
}
