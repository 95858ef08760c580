package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plans that are not simply "set TLS 1.2": updates first, and the optional hardening. */
class FixPlannerTest {

    @TempDir
    Path dir;

    @Test
    void anExchangeBuildTooOldForTls12GetsUpdatesInsteadOfValues() throws Exception {
        Path export = RegExports.create()
                .os("Windows Server 2016 Standard", "14393")
                .side("TLS 1.2", "Client", 0L, 1L)
                .key(RegExports.HKLM + "\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup")
                .dword("MsiProductMajor", 15)
                .dword("MsiProductMinor", 1)
                .dword("MsiBuildMajor", 1415)
                .dword("MsiBuildMinor", 3)
                .write(dir.resolve("export.reg"));
        FixPlan plan = plan(export, FixPlan.Kind.ENABLE_TLS12);
        assertThat(plan.isBlocked()).isTrue();
        assertThat(plan.changes()).isEmpty();
        assertThat(plan.blockers())
                .singleElement()
                .satisfies(b -> assertThat(b.in(Locale.ENGLISH)).contains("CU9"));
        byte[] before = Files.readAllBytes(export);
        ApplyResult result = new FixEngine(Clock.systemUTC())
                .apply(plan, io.tlsdoctor.platform.registry.RegFileRegistryStore.open(export), dir.resolve("backups"));
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.BLOCKED);
        assertThat(Files.readAllBytes(export)).isEqualTo(before);
        assertThat(dir.resolve("backups")).doesNotExist();
    }

    @Test
    void hardeningWaitsUntilTls12WorksBothWaysAndThenSwitchesOnlyTls10And11Off() throws Exception {
        Path broken = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 0L, 1L)
                .write(dir.resolve("broken.reg"));
        FixPlan refused = plan(broken, FixPlan.Kind.HARDEN);
        assertThat(refused.isBlocked()).isTrue();
        assertThat(refused.blockers().get(0).in(Locale.ENGLISH)).contains("apply the TLS 1.2 plan");

        Path ready = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Client", 1L, 0L)
                .side("TLS 1.2", "Server", 1L, 0L)
                .write(dir.resolve("ready.reg"));
        FixPlan harden = plan(ready, FixPlan.Kind.HARDEN);
        assertThat(harden.kind()).isEqualTo(FixPlan.Kind.HARDEN);
        assertThat(harden.changes())
                .hasSize(8)
                .allSatisfy(c -> assertThat(c.location().keyPath()).containsAnyOf("TLS 1.0", "TLS 1.1"));
        assertThat(harden.notes())
                .anySatisfy(n -> assertThat(n.in(Locale.ENGLISH)).contains("partners"));

        Path fixReg = Files.write(dir.resolve("harden.reg"), RegFileText.bytes(RegFileText.forPlan(harden, "test")));
        RegistryReport after = new RegistryEvaluator().evaluate(new RegFileSource(List.of(ready, fixReg)).collect());
        assertThat(after.protocol(Protocol.TLS_1_0).client().effective()).isFalse();
        assertThat(after.protocol(Protocol.TLS_1_1).server().effective()).isFalse();
        assertThat(after.tls12().client()).isTrue();
        assertThat(after.tls12().server()).isTrue();
    }

    @Test
    void thePlanFileRoundTripsAndExplainsItselfInBothLanguages() throws Exception {
        Path export = RegExports.create()
                .os("Windows Server 2019 Standard", "17763")
                .side("TLS 1.2", "Server", 0L, 1L)
                .write(dir.resolve("export.reg"));
        FixPlan plan = plan(export, FixPlan.Kind.ENABLE_TLS12);
        Path file = dir.resolve("plan.json");
        plan.save(file);
        FixPlan loaded = FixPlan.load(file);
        assertThat(loaded).isEqualTo(plan);
        assertThat(loaded.changes().get(0).location().keyPath()).endsWith("TLS 1.2\\Server");
        assertThat(loaded.changes()).allSatisfy(c -> {
            assertThat(c.why().in(Locale.ENGLISH)).isNotBlank();
            assertThat(c.why().in(Locale.forLanguageTag("sv")))
                    .isNotEqualTo(c.why().in(Locale.ENGLISH));
        });
    }

    private static FixPlan plan(Path export, FixPlan.Kind kind) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(List.of(export)).collect();
        RegistryReport report = new RegistryEvaluator().evaluate(snapshot);
        return new FixPlanner(Clock.systemUTC()).plan(snapshot, report, Direction.EXO_TO_ONPREM, kind);
    }
}
