package io.tlsdoctor.platform.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.fleet.CollectFailure;
import io.tlsdoctor.core.fleet.FleetCollection;
import io.tlsdoctor.core.fleet.FleetComparison;
import io.tlsdoctor.core.fleet.FleetReport;
import io.tlsdoctor.core.fleet.ServerOutcome;
import io.tlsdoctor.core.report.FleetSummary;
import io.tlsdoctor.core.report.SummaryFormat;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.fleet.FleetServers;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checking servers live, with the offline twin standing in for the network: some down, one refusing, one stuck in a
 * call that ignores interruption. The user sees every server's fate with what to do, and the bad ones never hold up
 * the rest.
 */
class LiveFleetCollectionTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path folder;

    private List<String> servers(int count) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = String.format("EX%02d", i);
            FleetServers.writeSnapshot(
                    folder, i == 3 ? FleetServers.healthy(name).clientOff() : FleetServers.healthy(name), AT);
            names.add(name);
        }
        return names;
    }

    @Test
    void downRefusingAndStuckServersAreReportedAndDoNotHoldUpTheRest() throws Exception {
        List<String> names = servers(12);
        OfflineServerCollector twin = new OfflineServerCollector(folder)
                .with("EX05", OfflineServerCollector.Behaviour.unreachable(Duration.ofMillis(100)))
                .with("EX06", OfflineServerCollector.Behaviour.denied())
                .with("EX07", OfflineServerCollector.Behaviour.stuck(Duration.ofSeconds(30)))
                .with("EX08", OfflineServerCollector.Behaviour.slow(Duration.ofSeconds(30)))
                .with("EX09", OfflineServerCollector.Behaviour.slow(Duration.ofMillis(200)));
        List<String> withMissing = new ArrayList<>(names);
        withMissing.add("EX99");
        AtomicInteger finished = new AtomicInteger();
        List<Integer> reportedDone = Collections.synchronizedList(new ArrayList<>());

        long start = System.nanoTime();
        List<ServerOutcome> outcomes = new FleetCollection(twin, new FleetCollection.Options(4, Duration.ofSeconds(2)))
                .run(withMissing, new FleetCollection.Listener() {
                    @Override
                    public void finished(ServerOutcome outcome, int done, int total) {
                        finished.incrementAndGet();
                        reportedDone.add(done);
                        assertThat(total).isEqualTo(13);
                    }
                });
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // two servers hang for 30 s each: the run ends soon after their 2 s deadline, not after them
        assertThat(took).isLessThan(Duration.ofSeconds(15));
        assertThat(finished.get()).isEqualTo(13);
        assertThat(reportedDone)
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.rangeClosed(1, 13).boxed().toList());
        Map<String, ServerOutcome> byServer =
                outcomes.stream().collect(Collectors.toMap(ServerOutcome::server, Function.identity()));
        assertThat(byServer.get("EX05").failure()).isEqualTo(CollectFailure.Kind.UNREACHABLE);
        assertThat(byServer.get("EX06").failure()).isEqualTo(CollectFailure.Kind.DENIED);
        assertThat(byServer.get("EX07").failure()).isEqualTo(CollectFailure.Kind.TIMED_OUT);
        assertThat(byServer.get("EX08").failure()).isEqualTo(CollectFailure.Kind.TIMED_OUT);
        assertThat(byServer.get("EX09").collected()).isTrue();
        assertThat(byServer.get("EX99").failure()).isEqualTo(CollectFailure.Kind.NOT_FOUND);
        assertThat(outcomes.stream().filter(ServerOutcome::collected)).hasSize(8);

        FleetComparison comparison = new FleetComparison(Clock.systemUTC());
        FleetCollection.addTo(outcomes, comparison);
        FleetReport report = comparison.finish();
        String text = SummaryFormat.readable(FleetSummary.of(report, EN, Clock.systemUTC()));
        assertThat(text)
                .contains("EX03 is the only server whose SChannel Client has TLS 1.2 off")
                .contains(
                        "EX05 could not be reached for its registry (The network path was not found. (53)). Check that the server is on")
                .contains("Remote Registry service runs there")
                .contains(
                        "EX06 refused to let you read its registry (Access is denied. (5)). Reading another server's registry needs an account that is a local administrator there")
                .contains(
                        "EX07 did not answer within 2 seconds, so it was left out and the other servers were not held up.")
                .contains("There is no snapshot of EX99 in " + folder);
    }

    @Test
    void neverMoreThanTheConcurrencyAtOnce() throws Exception {
        List<String> names = servers(10);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        OfflineServerCollector twin = new OfflineServerCollector(folder);
        List<ServerOutcome> outcomes = new FleetCollection(
                        (server, deadline) -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            try {
                                Thread.sleep(100);
                                return twin.collect(server, deadline);
                            } finally {
                                running.decrementAndGet();
                            }
                        },
                        new FleetCollection.Options(3, Duration.ofSeconds(20)))
                .run(names, FleetCollection.Listener.NONE);

        assertThat(most.get()).isEqualTo(3);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.collected()).isTrue());
    }

    @Test
    void cancelEndsTheRunAndSaysWhichServersWereNotRead() throws Exception {
        List<String> names = servers(6);
        OfflineServerCollector twin = new OfflineServerCollector(folder);
        for (String name : names) {
            twin.with(name, OfflineServerCollector.Behaviour.slow(Duration.ofSeconds(30)));
        }
        FleetCollection collection = new FleetCollection(twin, new FleetCollection.Options(2, Duration.ofSeconds(60)));
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            collection.cancel();
        });
        canceller.start();
        long start = System.nanoTime();
        List<ServerOutcome> outcomes = collection.run(names, FleetCollection.Listener.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(outcomes).hasSize(6).allSatisfy(o -> {
            assertThat(o.failure()).isEqualTo(CollectFailure.Kind.CANCELLED);
            assertThat(EN.get(o.failureKey(), o.failureArgs().toArray()))
                    .isEqualTo(o.server() + " was not read: the check was cancelled.");
        });
    }
}
