package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.text.EventLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads many servers at once, a bounded number at a time, each within its own deadline. A server that is down,
 * refuses or is slow is reported when its deadline passes and its slot goes to the next server at once, even if the
 * call under it (a network read Windows will not interrupt) has not returned yet: one bad server never holds up the
 * rest. {@link #cancel()} ends the run: what has not finished is reported as cancelled.
 */
public final class FleetCollection {

    private static final Logger LOG = EventLog.of(FleetCollection.class);

    /** Told as servers start and finish, from the collecting threads. */
    public interface Listener {
        Listener NONE = new Listener() {};

        default void started(String server) {}

        default void finished(ServerOutcome outcome, int done, int total) {}
    }

    /**
     * @param concurrency how many servers are read at the same time
     * @param perServer   how long one server may take
     */
    public record Options(int concurrency, Duration perServer) {
        public Options {
            if (concurrency < 1 || concurrency > 256) {
                throw new IllegalArgumentException("concurrency 1..256: " + concurrency);
            }
            if (perServer.isNegative() || perServer.isZero()) {
                throw new IllegalArgumentException("a deadline: " + perServer);
            }
        }
    }

    private final ServerCollector collector;
    private final Options options;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final Map<String, Runnable> cancellers = new java.util.concurrent.ConcurrentHashMap<>();

    public FleetCollection(ServerCollector collector, Options options) {
        this.collector = collector;
        this.options = options;
    }

    /** Stops the run: servers not finished are reported as cancelled, and no new one starts. */
    public void cancel() {
        cancelled.set(true);
        cancellers.values().forEach(Runnable::run);
    }

    /**
     * Reads every server (duplicates, ignoring case, once) and returns the outcomes in the order given.
     *
     * @throws InterruptedException when the calling thread is interrupted; the run is cancelled first
     */
    public List<ServerOutcome> run(List<String> servers, Listener listener) throws InterruptedException {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String server : servers) {
            byName.putIfAbsent(server.toLowerCase(java.util.Locale.ROOT), server);
        }
        List<String> unique = new ArrayList<>(byName.values());
        ServerOutcome[] outcomes = new ServerOutcome[unique.size()];
        ExecutorService workers = Executors.newCachedThreadPool(daemon("tlsdoctor-fleet-"));
        ScheduledExecutorService timer =
                Executors.newSingleThreadScheduledExecutor(daemon("tlsdoctor-fleet-deadline-"));
        Semaphore slots = new Semaphore(options.concurrency());
        CountDownLatch finished = new CountDownLatch(unique.size());
        AtomicInteger done = new AtomicInteger();
        try {
            for (int i = 0; i < unique.size(); i++) {
                String server = unique.get(i);
                int index = i;
                AtomicBoolean settled = new AtomicBoolean();
                long start = System.nanoTime();
                java.util.function.Consumer<ServerOutcome> settle = outcome -> {
                    if (settled.compareAndSet(false, true)) {
                        outcomes[index] = outcome;
                        cancellers.remove(server);
                        slots.release();
                        listener.finished(outcome, done.incrementAndGet(), unique.size());
                        finished.countDown();
                    }
                };
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    cancel();
                    throw e;
                }
                if (cancelled.get()) {
                    settle.accept(ServerOutcome.failed(
                            server,
                            CollectFailure.Kind.CANCELLED,
                            "fleet.live.cancelled",
                            List.of(server),
                            Duration.ZERO));
                    continue;
                }
                listener.started(server);
                Future<?> work = workers.submit(() -> {
                    ServerOutcome outcome;
                    try {
                        outcome =
                                ServerOutcome.ok(server, collector.collect(server, options.perServer()), since(start));
                    } catch (CollectFailure e) {
                        outcome =
                                ServerOutcome.failed(server, e.kind(), e.messageKey(), strings(e.args()), since(start));
                    } catch (InterruptedException e) {
                        return; // the deadline or a cancel settled it already
                    } catch (RuntimeException e) {
                        // a bug: the user reads the way on, the log gets what happened
                        LOG.log(Level.WARNING, e, () -> "reading " + server + " failed");
                        outcome = ServerOutcome.failed(
                                server, CollectFailure.Kind.FAILED, "fleet.live.failed", List.of(server), since(start));
                    }
                    settle.accept(outcome);
                });
                Runnable stop = () -> {
                    settle.accept(ServerOutcome.failed(
                            server,
                            CollectFailure.Kind.CANCELLED,
                            "fleet.live.cancelled",
                            List.of(server),
                            since(start)));
                    work.cancel(true);
                };
                cancellers.put(server, stop);
                timer.schedule(
                        () -> {
                            settle.accept(ServerOutcome.failed(
                                    server,
                                    CollectFailure.Kind.TIMED_OUT,
                                    "fleet.live.timedOut",
                                    List.of(
                                            server,
                                            String.valueOf(options.perServer().toSeconds())),
                                    since(start)));
                            work.cancel(true);
                        },
                        options.perServer().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (cancelled.get()) {
                    stop.run();
                }
            }
            finished.await();
        } catch (InterruptedException e) {
            cancel();
            throw e;
        } finally {
            workers.shutdownNow();
            timer.shutdownNow();
        }
        return Arrays.asList(outcomes);
    }

    /** Feeds the outcomes to a comparison: each snapshot as a row, each failure as a problem with its way out. */
    public static void addTo(List<ServerOutcome> outcomes, FleetComparison comparison) {
        for (ServerOutcome outcome : outcomes) {
            if (outcome.collected()) {
                comparison.add(outcome.server(), outcome.snapshot());
            } else {
                comparison.problem(
                        outcome.server(),
                        outcome.failureKey(),
                        outcome.failureArgs().toArray());
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static List<Object> strings(Object[] args) {
        return List.of(args);
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
