package io.tlsdoctor.core.logs;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Analyses protocol logs: files are shared out to one worker per core (largest first, so the last file to finish
 * is a small one), each worker folds its sessions into its own summary, and the summaries are merged at the end.
 */
public final class LogAnalyzer {

    private final ProtocolLogLineClassifier classifier;

    public LogAnalyzer(ProtocolLogLineClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * @param since   rows older than this are left out (null: everything)
     * @param threads workers to use; 0 means one per available core
     */
    public record Options(Instant since, int threads) {
        public static Options defaults() {
            return new Options(null, 0);
        }
    }

    public LogAnalysis analyze(List<Path> paths, Options options, LogProgress progress) {
        return analyze(LogInputs.collect(paths), options, progress);
    }

    /**
     * The analysis alone: a {@link Session} is built only for a failed session (an example's candidate), not for
     * every one of the hundreds of thousands a busy server logs.
     *
     * @throws CancellationException when {@link LogProgress#cancel()} was called
     */
    public LogAnalysis analyze(LogInputs.Collected inputs, Options options, LogProgress progress) {
        return analyze(inputs, options, progress, null);
    }

    /**
     * @param sessions also receives every session as it is rebuilt (from worker threads; must be thread-safe); null
     *                 for none
     * @throws CancellationException when {@link LogProgress#cancel()} was called
     */
    public LogAnalysis analyze(
            LogInputs.Collected inputs, Options options, LogProgress progress, Consumer<Session> sessions) {
        List<LogSource> sources = order(inputs.sources());
        progress.start(sources.size(), inputs.totalBytes());
        int threads =
                options.threads() > 0 ? options.threads() : Runtime.getRuntime().availableProcessors();
        threads = Math.max(1, Math.min(threads, sources.size()));
        long since = options.since() == null ? Long.MIN_VALUE : options.since().toEpochMilli();
        AtomicInteger next = new AtomicInteger();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(new Worker(
                    new ProtocolLogReader(classifier, since, progress::isCancelled, progress::read),
                    sources,
                    next,
                    progress,
                    sessions));
        }
        runAll(workers);

        // Merged into the first worker's counts rather than into new ones: with 330,000 remotes a third copy of the
        // counters is what a small heap does not have room for.
        LogSummaryBuilder summary = workers.get(0).summary;
        List<FileScan> scans = new ArrayList<>(workers.get(0).scans);
        for (Worker worker : workers.subList(1, workers.size())) {
            summary.merge(worker.summary);
            worker.summary.clear();
            scans.addAll(worker.scans);
        }
        scans.sort(Comparator.comparing(scan -> scan.source().displayName()));
        List<SkippedFile> skipped = new ArrayList<>(inputs.skipped());
        int files = 0;
        long bytes = 0;
        long lines = 0;
        long badLines = 0;
        List<BadLine> samples = new ArrayList<>();
        for (FileScan scan : scans) {
            if (scan.skipped() != null) {
                skipped.add(scan.skipped());
                continue;
            }
            files++;
            bytes += scan.bytes();
            lines += scan.lines();
            badLines += scan.badLines();
            for (BadLine line : scan.badSamples()) {
                if (samples.size() < ProtocolLogReader.MAX_BAD_SAMPLES) {
                    samples.add(line);
                }
            }
        }
        List<FailureExample> examples = new ArrayList<>();
        summary.examples.values().forEach(session -> examples.add(Transcripts.example(session)));
        return new LogAnalysis(
                files,
                bytes,
                skipped,
                lines,
                badLines,
                samples,
                summary.sessions,
                summary.symptomCounts(),
                summary.remoteSummaries(),
                summary.failuresByHour(),
                examples);
    }

    /**
     * Largest first, so that the last file to finish is a small one; but the largest log of each kind (send, receive)
     * goes first, side by side. The JIT compiles the reader from what it sees in the first second: with send logs
     * only, each branch that only receive logs take (their texts, their connector) is compiled as "never", and the
     * first receive log makes it throw the compiled reader away and compile it again.
     */
    static List<LogSource> order(List<LogSource> given) {
        List<LogSource> sources = new ArrayList<>(given);
        sources.sort(Comparator.comparingLong(LogSource::size).reversed().thenComparing(LogSource::displayName));
        List<LogSource> firsts = new ArrayList<>(2);
        for (String kind : List.of("SEND", "RECV")) {
            sources.stream()
                    .filter(s -> s.fileName().toUpperCase(Locale.ROOT).startsWith(kind))
                    .findFirst()
                    .ifPresent(firsts::add);
        }
        firsts.sort(Comparator.comparingLong(LogSource::size).reversed().thenComparing(LogSource::displayName));
        for (LogSource first : firsts) {
            sources.remove(first); // the one occurrence: a file given twice is still read twice
        }
        sources.addAll(0, firsts);
        return sources;
    }

    private static void runAll(List<Worker> workers) {
        if (workers.size() == 1) {
            workers.get(0).run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers.size(), runnable -> {
            Thread thread = new Thread(runnable, "tlsdoctor-logs");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Worker worker : workers) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Takes the next file until none is left. */
    private static final class Worker implements Runnable {
        private final ProtocolLogReader reader;
        private final List<LogSource> sources;
        private final AtomicInteger next;
        private final LogProgress progress;
        private final Consumer<Session> sessions;
        final LogSummaryBuilder summary = new LogSummaryBuilder();
        final List<FileScan> scans = new ArrayList<>();

        Worker(
                ProtocolLogReader reader,
                List<LogSource> sources,
                AtomicInteger next,
                LogProgress progress,
                Consumer<Session> sessions) {
            this.reader = reader;
            this.sources = sources;
            this.next = next;
            this.progress = progress;
            this.sessions = sessions;
        }

        @Override
        public void run() {
            ProtocolLogReader.SessionSink sink = sessions == null
                    ? summary::add
                    : (builder, source, kind, disconnected) -> {
                        Session session = builder.build(source, kind, disconnected);
                        summary.add(session);
                        sessions.accept(session);
                    };
            for (int i = next.getAndIncrement(); i < sources.size(); i = next.getAndIncrement()) {
                if (progress.isCancelled()) {
                    throw new CancellationException();
                }
                scans.add(reader.read(sources.get(i), sink));
                progress.fileDone();
            }
        }
    }
}
