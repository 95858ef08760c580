package io.tlsdoctor.core.fix;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.platform.registry.RegFileRegistryStore;
import io.tlsdoctor.platform.registry.RegFileSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each field configuration: plan the fix, import the plan's .reg file on top of the exports it was planned
 * from, and check again. TLS 1.2 must then be effective on the roles the plan was for, and planning again must find
 * nothing left to do.
 */
class FixScenariosTest {

    @TempDir
    Path dir;

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of(
                        "client side switched off",
                        RegExports.create()
                                .os("Windows Server 2019 Standard", "17763")
                                .side("TLS 1.2", "Client", 0L, 1L)
                                .side("TLS 1.2", "Server", 1L, 0L)
                                .dotNet(1),
                        Direction.ONPREM_TO_EXO,
                        2),
                Arguments.of(
                        "server side switched off",
                        RegExports.create()
                                .os("Windows Server 2016 Standard", "14393")
                                .side("TLS 1.2", "Client", 1L, 0L)
                                .side("TLS 1.2", "Server", 0L, 1L)
                                .dotNet(1),
                        Direction.EXO_TO_ONPREM,
                        2),
                Arguments.of(
                        "2008 R2 with nothing set",
                        RegExports.create().os("Windows Server 2008 R2 Standard", "7601"),
                        Direction.UNKNOWN,
                        4 + 8),
                Arguments.of(
                        "half disabled both sides",
                        RegExports.create()
                                .os("Windows Server 2012 R2 Standard", "9600")
                                .side("TLS 1.2", "Client", 1L, 1L)
                                .side("TLS 1.2", "Server", 1L, 1L)
                                .dotNet(0),
                        Direction.UNKNOWN,
                        2 + 8),
                Arguments.of(
                        "REG_SZ where a DWORD belongs",
                        RegExports.create()
                                .os("Windows Server 2019 Standard", "17763")
                                .key(RegExports.PROTOCOLS + "\\TLS 1.2")
                                .key(RegExports.PROTOCOLS + "\\TLS 1.2\\Client")
                                .string("Enabled", "1")
                                .dword("DisabledByDefault", 0)
                                .side("TLS 1.2", "Server", 1L, 0L)
                                .dotNet(1),
                        Direction.ONPREM_TO_EXO,
                        1),
                Arguments.of(
                        "IIS Crypto's 0xffffffff",
                        RegExports.create()
                                .os("Windows Server 2016 Standard", "14393")
                                .side("TLS 1.2", "Client", 0xffffffffL, 0L)
                                .side("TLS 1.2", "Server", 0xffffffffL, 0L)
                                .dotNet(1),
                        Direction.UNKNOWN,
                        4),
                Arguments.of(
                        "half disabled, everything zero",
                        RegExports.create()
                                .os("Windows Server 2019 Standard", "17763")
                                .side("TLS 1.2", "Client", 0L, 0L)
                                .side("TLS 1.2", "Server", 0L, 0L)
                                .dotNet(1),
                        Direction.UNKNOWN,
                        2),
                Arguments.of(
                        "misconfigured: client off, server on",
                        RegExports.create()
                                .os("Windows Server 2022 Standard", "20348")
                                .side("TLS 1.2", "Client", 0L, 0L)
                                .side("TLS 1.2", "Server", 1L, 0L)
                                .dotNet(1),
                        Direction.EXO_TO_ONPREM,
                        1),
                Arguments.of(
                        "everything absent on 2012",
                        RegExports.create().os("Windows Server 2012 Standard", "9200"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "everything absent on 2012 R2",
                        RegExports.create().os("Windows Server 2012 R2 Standard", "9600"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "everything absent on 2016",
                        RegExports.create().os("Windows Server 2016 Standard", "14393"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "everything absent on 2019",
                        RegExports.create().os("Windows Server 2019 Standard", "17763"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "everything absent on 2022",
                        RegExports.create().os("Windows Server 2022 Standard", "20348"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "everything absent on 2025",
                        RegExports.create().os("Windows Server 2025 Standard", "26100"),
                        Direction.UNKNOWN,
                        8),
                Arguments.of(
                        "TLS 1.3 on 2022 with TLS 1.2 off",
                        RegExports.create()
                                .os("Windows Server 2022 Standard", "20348")
                                .side("TLS 1.3", "Client", 1L, 0L)
                                .side("TLS 1.3", "Server", 1L, 0L)
                                .side("TLS 1.2", "Client", 0L, 1L)
                                .side("TLS 1.2", "Server", 0L, 1L)
                                .dotNet(1),
                        Direction.UNKNOWN,
                        4),
                Arguments.of(
                        ".NET native and Wow6432Node differ",
                        RegExports.create()
                                .os("Windows Server 2019 Standard", "17763")
                                .side("TLS 1.2", "Client", 1L, 0L)
                                .side("TLS 1.2", "Server", 1L, 0L)
                                .key(RegExports.DOTNET4)
                                .dword("SystemDefaultTlsVersions", 1)
                                .dword("SchUseStrongCrypto", 1)
                                .key(RegExports.DOTNET4_WOW)
                                .dword("SystemDefaultTlsVersions", 0)
                                .dword("SchUseStrongCrypto", 0),
                        Direction.ONPREM_TO_EXO,
                        2),
                Arguments.of(
                        "already correct",
                        RegExports.create()
                                .os("Windows Server 2019 Standard", "17763")
                                .side("TLS 1.2", "Client", 1L, 0L)
                                .side("TLS 1.2", "Server", 1L, 0L)
                                .dotNet(1)
                                .key(RegExports.HKLM + "\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727")
                                .dword("SystemDefaultTlsVersions", 1)
                                .dword("SchUseStrongCrypto", 1)
                                .key(RegExports.HKLM + "\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727")
                                .dword("SystemDefaultTlsVersions", 1)
                                .dword("SchUseStrongCrypto", 1),
                        Direction.ONPREM_TO_EXO,
                        0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void theFixRegMakesTls12EffectiveAndIsThenComplete(
            String name, RegExports exports, Direction direction, int minimumChanges) throws Exception {
        Path export = exports.write(dir.resolve("export.reg"));
        RegistrySnapshot before = new RegFileSource(List.of(export)).collect();
        RegistryReport report = new RegistryEvaluator().evaluate(before);
        FixPlan plan = new FixPlanner(Clock.systemUTC()).plan(before, report, direction, FixPlan.Kind.ENABLE_TLS12);
        assertThat(plan.isBlocked()).isFalse();
        assertThat(plan.changes().size()).isGreaterThanOrEqualTo(minimumChanges);
        if (minimumChanges == 0) {
            assertThat(plan.changes()).isEmpty();
        }
        for (PlannedChange change : plan.changes()) {
            AllowList.check(change.location(), change.target()); // every planned value passes the plan-file gate
        }

        Path fixReg = Files.write(dir.resolve("fix.reg"), RegFileText.bytes(RegFileText.forPlan(plan, "test")));
        RegistrySnapshot after = new RegFileSource(List.of(export, fixReg)).collect();
        RegistryReport judged = new RegistryEvaluator().evaluate(after);
        assertThat(judged.tls12().client()).as("client after %s", name).isTrue();
        assertThat(judged.tls12().server()).as("server after %s", name).isTrue();
        for (PlannedChange change : plan.changes()) {
            RegistryValue value =
                    after.value(change.location().keyPath(), change.location().name());
            assertThat(value).as("%s from the .reg", change.location()).isEqualTo(change.target());
        }
        FixPlan again = new FixPlanner(Clock.systemUTC()).plan(after, judged, direction, FixPlan.Kind.ENABLE_TLS12);
        assertThat(again.changes()).as("nothing left after %s", name).isEmpty();

        // The same plan through the engine on a copy of the export gives the same values.
        Path copy = Files.copy(export, dir.resolve("copy.reg"));
        ApplyResult result =
                new FixEngine(Clock.systemUTC()).apply(plan, RegFileRegistryStore.open(copy), dir.resolve("backups"));
        assertThat(result.outcome())
                .isEqualTo(plan.changes().isEmpty() ? ApplyResult.Outcome.NOTHING_TO_DO : ApplyResult.Outcome.APPLIED);
        RegistryReport rehearsed = new RegistryEvaluator().evaluate(new RegFileSource(List.of(copy)).collect());
        assertThat(rehearsed.tls12().client()).isTrue();
        assertThat(rehearsed.tls12().server()).isTrue();
    }
}
