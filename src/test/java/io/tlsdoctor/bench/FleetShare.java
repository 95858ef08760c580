package io.tlsdoctor.bench;

import io.tlsdoctor.fleet.FleetServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes a share of N server snapshots for bench/fleet-benchmark.sh (not a test): every 50th server has TLS 1.2 off on
 * the Client side, every 7th has TLS 1.0/1.1 on, every 13th runs an older Exchange build.
 * Usage: FleetShare FOLDER COUNT
 */
public final class FleetShare {

    private FleetShare() {}

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        Instant at = Instant.parse("2026-12-03T10:00:00Z");
        for (int i = 1; i <= count; i++) {
            FleetServers.Spec spec = FleetServers.healthy(String.format("EX%04d", i));
            if (i % 50 == 3) {
                spec = spec.clientOff();
            }
            if (i % 7 == 0) {
                spec = spec.legacy();
            }
            if (i % 13 == 0) {
                spec = spec.exchangeBuild(1258, 12);
            }
            FleetServers.writeSnapshot(folder, spec, at);
        }
    }
}
