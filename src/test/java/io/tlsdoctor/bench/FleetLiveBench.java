package io.tlsdoctor.bench;

import io.tlsdoctor.core.fleet.FleetCollection;
import io.tlsdoctor.core.fleet.ServerOutcome;
import io.tlsdoctor.platform.fleet.OfflineServerCollector;
import io.tlsdoctor.platform.fleet.OfflineServerCollector.Behaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Live checks with some servers unreachable, the offline twin standing in for the network (bench/fleet-benchmark.sh;
 * not a test). Each server answers after LATENCY (a remote-registry read and a handshake over the WAN); every 10th
 * server is down (fails after 3 s, as a connect time-out would), every 20th is stuck for 60 s in a call that ignores
 * interruption. Prints the total wall time per deadline and concurrency, next to what the numbers predict.
 * Usage: FleetLiveBench SHARE LATENCY_MS DEADLINES_S CONCURRENCIES   (e.g. share 400 2,5,10 4,8,16)
 */
public final class FleetLiveBench {

    private FleetLiveBench() {}

    public static void main(String[] args) throws Exception {
        Path share = Path.of(args[0]);
        Duration latency = Duration.ofMillis(Long.parseLong(args[1]));
        List<String> servers = new ArrayList<>();
        try (Stream<Path> files = Files.list(share)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tlsdoctor.json"))
                    .map(n -> n.substring(0, n.indexOf('_')))
                    .sorted()
                    .forEach(servers::add);
        }
        System.out.printf(
                Locale.ROOT,
                "%d servers, latency %d ms, every 10th down after 3 s, every 20th stuck 60 s%n",
                servers.size(),
                latency.toMillis());
        // warm-up: class loading and the first JSON reads, so the table measures the collection, not the JVM's start
        new FleetCollection(new OfflineServerCollector(share), new FleetCollection.Options(4, Duration.ofSeconds(120)))
                .run(servers.subList(0, Math.min(20, servers.size())), FleetCollection.Listener.NONE);
        System.out.println("| deadline | concurrency | wall s | collected | timed out | unreachable | lower bound s |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String deadlineText : args[2].split(",")) {
            for (String concurrencyText : args[3].split(",")) {
                Duration deadline = Duration.ofSeconds(Long.parseLong(deadlineText));
                int concurrency = Integer.parseInt(concurrencyText);
                OfflineServerCollector twin = new OfflineServerCollector(share);
                int down = 0;
                int stuck = 0;
                for (int i = 0; i < servers.size(); i++) {
                    if ((i + 1) % 20 == 0) {
                        twin.with(servers.get(i), Behaviour.stuck(Duration.ofSeconds(60)));
                        stuck++;
                    } else if ((i + 1) % 10 == 0) {
                        twin.with(servers.get(i), Behaviour.unreachable(Duration.ofSeconds(3)));
                        down++;
                    } else {
                        twin.with(servers.get(i), Behaviour.slow(latency));
                    }
                }
                long start = System.nanoTime();
                List<ServerOutcome> outcomes = new FleetCollection(
                                twin, new FleetCollection.Options(concurrency, deadline))
                        .run(servers, FleetCollection.Listener.NONE);
                double wall = (System.nanoTime() - start) / 1e9;
                long collected =
                        outcomes.stream().filter(ServerOutcome::collected).count();
                long timedOut = outcomes.stream()
                        .filter(o -> o.failure() == io.tlsdoctor.core.fleet.CollectFailure.Kind.TIMED_OUT)
                        .count();
                long unreachable = outcomes.stream()
                        .filter(o -> o.failure() == io.tlsdoctor.core.fleet.CollectFailure.Kind.UNREACHABLE)
                        .count();
                // slot-seconds needed: each server holds a slot for its latency, 3 s, or the deadline, whichever ends
                // it
                double downSeconds = Math.min(3, deadline.toSeconds());
                double slotSeconds =
                        (servers.size() - down - stuck) * Math.min(latency.toMillis() / 1000.0, deadline.toSeconds())
                                + down * downSeconds
                                + stuck * deadline.toSeconds();
                System.out.printf(
                        Locale.ROOT,
                        "| %d s | %d | %.2f | %d | %d | %d | %.2f |%n",
                        deadline.toSeconds(),
                        concurrency,
                        wall,
                        collected,
                        timedOut,
                        unreachable,
                        slotSeconds / concurrency);
            }
        }
    }
}
