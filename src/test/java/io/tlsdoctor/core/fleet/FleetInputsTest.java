package io.tlsdoctor.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.fleet.FleetServers;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A share as admins leave it: collect files, folders of reg exports, and files that are not what they should be. */
class FleetInputsTest {

    private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");
    private static final Messages EN = Messages.forLocale(Locale.ENGLISH);

    @TempDir
    Path share;

    private FleetReport read(List<Path> inputs) {
        FleetComparison comparison = new FleetComparison(Clock.systemUTC());
        new FleetInputs(new PlatformRegistrySources()).read(inputs, comparison);
        return comparison.finish();
    }

    private static List<String> messages(FleetReport report) {
        return report.problems().stream()
                .map(p -> EN.get(p.messageKey(), p.args().toArray()))
                .toList();
    }

    @Test
    void collectFilesAndRegExportFoldersAreComparedTogether() throws Exception {
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX01"), AT);
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX02"), AT);
        FleetServers.writeRegFolder(share, FleetServers.healthy("EX03").clientOff());

        FleetReport report = read(List.of(share));

        assertThat(report.rows()).extracting(ServerRow::server).containsExactly("EX01", "EX02", "EX03");
        assertThat(report.rows().get(2).outbound()).isFalse();
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void everyBadFileIsReportedWithTheWayOutAndTheRestAreStillCompared() throws Exception {
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX01"), AT);
        FleetServers.writeSnapshot(share, FleetServers.healthy("EX02").clientOff(), AT);
        Path corrupt = share.resolve("EX04_20261203-100000Z.tlsdoctor.json");
        Files.writeString(
                corrupt, "{\"schema\":\"tlsdoctor.server-snapshot/1\",\"server\":\"EX04\",", StandardCharsets.UTF_8);
        Path newer = share.resolve("EX05_20261203-100000Z.tlsdoctor.json");
        Files.writeString(newer, "{\"schema\":\"tlsdoctor.server-snapshot/2\",\"server\":\"EX05\",\"hologram\":true}");
        Path other = share.resolve("inventory.json");
        Files.writeString(other, "{\"servers\":[\"EX01\"]}");
        Path loose = share.resolve("EX06.reg");
        Files.writeString(loose, "Windows Registry Editor Version 5.00\r\n");
        Path duplicate =
                FleetServers.writeSnapshot(share, FleetServers.healthy("EX01").clientOff(), AT.minusSeconds(86_400));
        Files.createDirectories(share.resolve("EX07"));

        FleetReport report = read(List.of(share));

        assertThat(report.rows()).extracting(ServerRow::server).containsExactly("EX01", "EX02");
        assertThat(report.rows().get(0).outbound())
                .as("the newer EX01 is compared")
                .isTrue();
        assertThat(messages(report))
                .containsExactlyInAnyOrder(
                        duplicate + " is a second snapshot of EX01; the newer one, "
                                + share.resolve("EX01_20261203-100000Z.tlsdoctor.json")
                                + ", is compared. Remove the older file.",
                        share.resolve("EX07")
                                + " holds no snapshot files and no .reg files. Collect the servers into it with "
                                + "'tlsdoctor collect --out-dir', or put one sub-folder of reg exports per server in it.",
                        loose
                                + " is a .reg file on its own. Put each server's exports in a sub-folder named after the server "
                                + "(EX01\\tls.reg), then compare the folder.",
                        other
                                + " is not a TLS Doctor snapshot. Remove it from the folder, or collect the server with 'tlsdoctor collect'.",
                        newer
                                + " was written by a newer TLS Doctor (format tlsdoctor.server-snapshot/2; this version reads "
                                + "tlsdoctor.server-snapshot/1). Update TLS Doctor on this computer to compare it.",
                        messages(report).stream()
                                .filter(t -> t.startsWith(corrupt.toString()))
                                .findFirst()
                                .orElse("corrupt missing"));
        assertThat(messages(report))
                .anySatisfy(t -> assertThat(t)
                        .startsWith(corrupt + " is not a snapshot TLS Doctor can compare: it is cut off at line 1,")
                        .endsWith("Run 'tlsdoctor collect' on that server again and put the new file in place of"
                                + " this one."));
    }

    @Test
    void aFileNamedDirectlyIsReadAndAMissingOneIsReported() throws Exception {
        Path one = FleetServers.writeSnapshot(share, FleetServers.healthy("EX01"), AT);
        Path missing = share.resolve("EX09.tlsdoctor.json");

        FleetReport report = read(List.of(one, missing));

        assertThat(report.rows()).extracting(ServerRow::server).containsExactly("EX01");
        assertThat(messages(report)).containsExactly(missing + " does not exist. Check the path.");
    }

    @Test
    void aSnapshotSurvivesTheRoundTripUnchanged() throws Exception {
        ServerSnapshot snapshot = FleetServers.snapshot(
                FleetServers.healthy("EX01"),
                AT,
                new HandshakeRecord(
                        "contoso-com.mail.protection.outlook.com:25",
                        AT,
                        HandshakeRecord.Outcome.MODERN,
                        "probe.finding.schannelModernForced",
                        List.of("x:25", "Tls12", "Aes256", "TLS 1.2", "-")));
        Path file = snapshot.writeInto(share, false);

        assertThat(file.getFileName().toString()).isEqualTo("EX01_20261203-100000Z.tlsdoctor.json");
        assertThat(ServerSnapshot.read(file)).isEqualTo(snapshot);
    }

    @Test
    void anExistingSnapshotIsNeverOverwrittenWithoutForce() throws Exception {
        ServerSnapshot first = FleetServers.snapshot(FleetServers.healthy("EX01"), AT);
        Path file = first.writeInto(share, false);
        ServerSnapshot second =
                FleetServers.snapshot(FleetServers.healthy("EX01").clientOff(), AT);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> second.writeInto(share, false))
                .isInstanceOf(io.tlsdoctor.core.text.UserFacingException.class)
                .satisfies(e -> assertThat(((io.tlsdoctor.core.text.UserFacingException) e).messageKey())
                        .isEqualTo("fleet.collect.exists"));
        assertThat(ServerSnapshot.read(file)).isEqualTo(first);
        second.writeInto(share, true);
        assertThat(ServerSnapshot.read(file)).isEqualTo(second);
        try (var files = Files.list(share)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no temporary file left")
                    .containsExactly(file.getFileName().toString());
        }
    }
}
