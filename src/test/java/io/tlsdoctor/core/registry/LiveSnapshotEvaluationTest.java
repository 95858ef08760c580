package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What only a live read can tell: keys written after the last boot, and that absent really means absent. */
class LiveSnapshotEvaluationTest {

    private static final Instant BOOT = Instant.parse("2026-11-20T06:00:00Z");
    private static final String TLS12_CLIENT = RegistryPaths.protocol(Protocol.TLS_1_2, Role.CLIENT);

    private static RegistrySnapshot live(Instant tls12Written) {
        List<String> covered = RegistryPaths.liveReads().stream()
                .map(RegistryPaths.LiveRead::path)
                .toList();
        return RegistrySnapshot.of(
                SnapshotOrigin.LIVE,
                List.of("EX01"),
                BOOT.plusSeconds(86_400),
                BOOT,
                covered,
                List.of(
                        new RegistryKey(
                                RegistryPaths.OS,
                                BOOT.minusSeconds(1000),
                                Map.of(
                                        "ProductName", RegistryValue.string("Windows Server 2019 Standard"),
                                        "CurrentBuild", RegistryValue.string("17763"))),
                        new RegistryKey(RegistryPaths.SCHANNEL, BOOT.minusSeconds(1000), Map.of()),
                        new RegistryKey(
                                TLS12_CLIENT,
                                tls12Written,
                                Map.of(
                                        "Enabled",
                                        RegistryValue.dword(1),
                                        "DisabledByDefault",
                                        RegistryValue.dword(0)))));
    }

    @Test
    void tlsKeysWrittenAfterTheLastBootMeanTheServerStillRunsTheOldSettings() {
        RegistryReport report = new RegistryEvaluator().evaluate(live(BOOT.plusSeconds(3600)));

        Finding changed = report.finding("restart.tlsChanged").orElseThrow();
        assertThat(changed.status()).isEqualTo(FindingStatus.WARN);
        assertThat(changed.detail().in(java.util.Locale.ENGLISH)).contains(TLS12_CLIENT);
    }

    @Test
    void tlsKeysWrittenBeforeTheLastBootAreInEffect() {
        RegistryReport report = new RegistryEvaluator().evaluate(live(BOOT.minusSeconds(60)));

        assertThat(report.finding("restart.tlsChanged").orElseThrow().status()).isEqualTo(FindingStatus.PASS);
    }

    @Test
    void liveAbsentKeysAreKnownToBeAbsentSoEveryCheckConcludes() {
        RegistryReport report = new RegistryEvaluator().evaluate(live(BOOT.minusSeconds(60)));

        assertThat(report.os().version()).isEqualTo(WindowsServer.WS2019);
        assertThat(report.finding("tls12.client").orElseThrow().variant()).isEqualTo("enabled");
        assertThat(report.finding("tls12.server").orElseThrow().variant()).isEqualTo("enabledDefault");
        assertThat(report.finding("dotnet.v4").orElseThrow().status()).isEqualTo(FindingStatus.WARN);
        assertThat(report.finding("exchange.build").orElseThrow().variant()).isEqualTo("notFound");
        assertThat(report.findings()).extracting(Finding::variant).doesNotContain("notExported");
    }

    @Test
    void liveSnapshotTimesSurviveSavingAndLoading() throws Exception {
        RegistrySnapshot snapshot = live(BOOT.plusSeconds(3600));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        snapshot.save(out);

        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"lastBoot\" : \"2026-11-20T06:00:00Z\"");
        assertThat(RegistrySnapshot.load(new java.io.ByteArrayInputStream(out.toByteArray())))
                .isEqualTo(snapshot);
    }
}
