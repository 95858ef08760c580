package io.tlsdoctor.core.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.X509TrustManager;

/**
 * Runs a probe: plans the targets (MX lookup when asked), probes all of them in parallel, each within its own
 * deadline, and shuts its threads down afterwards, so a run leaves nothing behind.
 */
public final class ProbeEngine {

    /** Every thread a probe starts carries this prefix (tests check none survive a run). */
    public static final String THREAD_PREFIX = "tlsdoctor-probe-";

    private final Supplier<X509TrustManager> judgeSource;
    private X509TrustManager judge;
    private boolean judgeRead;

    /**
     * Judges certificates by the JDK's trust store, read on the first run on the probe's own thread: reading cacerts
     * takes about 0.1 s, which the wizard would otherwise spend before its window shows.
     */
    public ProbeEngine() {
        this.judgeSource = RecordingTrustManager::platformDefault;
    }

    /**
     * {@code judges} gives, on the probe's own thread at the first run, what decides whether a server certificate
     * is trusted (on Windows the JDK's store and Windows' own, see the platform layer).
     */
    public ProbeEngine(Supplier<X509TrustManager> judges) {
        this.judgeSource = judges;
    }

    /** {@code judge} decides whether a server certificate is trusted; the default is the JDK's trust store. */
    public ProbeEngine(X509TrustManager judge) {
        this.judgeSource = () -> judge;
    }

    private synchronized X509TrustManager judge() {
        if (!judgeRead) {
            judge = judgeSource.get();
            judgeRead = true;
        }
        return judge;
    }

    public ProbeReport run(ProbeRequest request, ProbeOptions options, ProbeListener listener)
            throws InterruptedException {
        return start(request, options, listener).await();
    }

    public ProbeRun start(ProbeRequest request, ProbeOptions options, ProbeListener listener) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ExecutorService pool = Executors.newCachedThreadPool(threads);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(threads);
        Guard guard = new Guard(scheduler);
        CompletableFuture<ProbeReport> report = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        X509TrustManager trust = judge();
                        List<ProbeTarget> targets = plan(request, options);
                        listener.targetsPlanned(targets);
                        List<CompletableFuture<TargetReport>> running = new ArrayList<>();
                        for (ProbeTarget target : targets) {
                            running.add(CompletableFuture.supplyAsync(
                                    () -> {
                                        TargetReport done =
                                                new TargetProbe(target, options, guard, pool, listener, trust).run();
                                        listener.targetFinished(done);
                                        return done;
                                    },
                                    pool));
                        }
                        List<TargetReport> reports = new ArrayList<>();
                        for (CompletableFuture<TargetReport> target : running) {
                            reports.add(target.join());
                        }
                        return new ProbeReport(reports, guard.cancelled());
                    } finally {
                        scheduler.shutdownNow();
                        pool.shutdown();
                    }
                },
                pool);
        // the last pool thread ends itself once the report is handed over
        report.whenComplete((done, error) -> pool.shutdown());
        return new ProbeRun(report, guard);
    }

    /**
     * Waits until every probe thread of finished runs has ended. For tests only (nothing in the application calls it):
     * they check that a run leaves no thread behind, which only the engine can tell by its threads' private name.
     */
    public static boolean awaitQuiet(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            if (Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.isAlive() && t.getName().startsWith(THREAD_PREFIX))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static List<ProbeTarget> plan(ProbeRequest request, ProbeOptions options) {
        if (request.mxDomain() == null) {
            return request.hosts();
        }
        try {
            List<ProbeTarget> targets = new ArrayList<>();
            for (MxRecord record : Targets.mx(request.mxDomain(), options.dnsServer())) {
                targets.add(new ProbeTarget(
                        record.host(), request.mxPort(), request.mxDomain(), record.preference(), null));
            }
            return targets;
        } catch (Targets.DnsException e) {
            return List.of(new ProbeTarget(request.mxDomain(), request.mxPort(), request.mxDomain(), null, e.detail()));
        }
    }
}
