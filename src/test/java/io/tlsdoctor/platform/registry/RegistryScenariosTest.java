package io.tlsdoctor.platform.registry;

import static io.tlsdoctor.core.registry.SchannelState.DISABLED;
import static io.tlsdoctor.core.registry.SchannelState.DISABLED_BY_DEFAULT;
import static io.tlsdoctor.core.registry.SchannelState.ENABLED;
import static io.tlsdoctor.core.registry.SchannelState.NOT_SUPPORTED;
import static io.tlsdoctor.core.registry.SchannelState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.registry.Finding;
import io.tlsdoctor.core.registry.FindingStatus;
import io.tlsdoctor.core.registry.HealthCheckerLabel;
import io.tlsdoctor.core.registry.OsSource;
import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryEvaluator;
import io.tlsdoctor.core.registry.RegistryReport;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.SchannelState;
import io.tlsdoctor.core.registry.WindowsServer;
import io.tlsdoctor.core.text.Languages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Server configurations met in the field, written as {@code reg export} files and run through the real parser and
 * evaluator. Each asserts what an admin would see: HealthChecker's label, the state SChannel uses, and findings.
 */
class RegistryScenariosTest {

    private static final String HKLM = RegExport.HKLM;
    private static final String DOTNET = HKLM + "\\SOFTWARE\\Microsoft\\.NETFramework";
    private static final String DOTNET_WOW = HKLM + "\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework";
    private static final String EXCHANGE = HKLM + "\\SOFTWARE\\Microsoft\\ExchangeServer";

    @TempDir
    Path dir;

    private final List<Path> files = new ArrayList<>();

    // --- building the exports ----------------------------------------------------------------------------------

    private RegistryScenariosTest file(RegExport export) {
        files.add(export.writeUtf16(dir, "export" + files.size() + ".reg"));
        return this;
    }

    private RegistryScenariosTest os(WindowsServer os) {
        String product = os.displayName() + " Datacenter";
        return file(RegExport.create().os(product, String.valueOf(os.build()), 1234));
    }

    private RegistryScenariosTest exchange(int minor, int build) {
        return file(RegExport.create()
                .key(EXCHANGE)
                .key(EXCHANGE + "\\v15")
                .key(EXCHANGE + "\\v15\\Setup")
                .dword("MsiBuildMajor", build)
                .dword("MsiBuildMinor", 3)
                .dword("MsiProductMajor", 15)
                .dword("MsiProductMinor", minor));
    }

    private static RegExport dotNet(long native4, long wow4) {
        RegExport export = RegExport.create();
        for (String root : List.of(DOTNET, DOTNET_WOW)) {
            long value = root.equals(DOTNET) ? native4 : wow4;
            export.key(root)
                    .key(root + "\\v2.0.50727")
                    .dword("SchUseStrongCrypto", 1)
                    .dword("SystemDefaultTlsVersions", 1)
                    .key(root + "\\v4.0.30319")
                    .dword("SchUseStrongCrypto", value)
                    .dword("SystemDefaultTlsVersions", value);
        }
        return export;
    }

    /** Microsoft's recommended configuration for Exchange: TLS 1.2 only, .NET told to follow the OS. */
    private static RegExport officialSchannel() {
        return RegExport.untouchedSchannel()
                .both("TLS 1.0", 0L, 1L)
                .both("TLS 1.1", 0L, 1L)
                .both("TLS 1.2", 1L, 0L);
    }

    private RegistryReport evaluate() throws Exception {
        return evaluate(null);
    }

    private RegistryReport evaluate(WindowsServer givenOs) throws Exception {
        RegistrySnapshot snapshot = new RegFileSource(files).collect();
        return new RegistryEvaluator().evaluate(snapshot, givenOs);
    }

    // --- assertions --------------------------------------------------------------------------------------------

    private static void states(
            RegistryReport report,
            Protocol protocol,
            HealthCheckerLabel label,
            SchannelState client,
            SchannelState server) {
        assertThat(report.protocol(protocol).label()).as(protocol + " label").isEqualTo(label);
        assertThat(report.protocol(protocol).client().state())
                .as(protocol + " Client")
                .isEqualTo(client);
        assertThat(report.protocol(protocol).server().state())
                .as(protocol + " Server")
                .isEqualTo(server);
    }

    private static void finding(RegistryReport report, String id, FindingStatus status, String variant) {
        Finding finding = report.finding(id).orElseThrow(() -> new AssertionError("no finding " + id));
        assertThat(finding.status()).as(id + " status").isEqualTo(status);
        assertThat(finding.variant()).as(id + " variant").isEqualTo(variant);
    }

    private static String detail(RegistryReport report, String id) {
        return report.finding(id)
                .orElseThrow(() -> new AssertionError("no finding " + id))
                .detail()
                .in(Languages.ENGLISH);
    }

    // --- scenarios ---------------------------------------------------------------------------------------------

    @Test
    void officialConfigurationPassesEverythingHealthCheckerChecks() throws Exception {
        os(WindowsServer.WS2019).file(officialSchannel()).file(dotNet(1, 1)).exchange(2, 1544);

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_0, HealthCheckerLabel.DISABLED, DISABLED, DISABLED);
        states(report, Protocol.TLS_1_1, HealthCheckerLabel.DISABLED, DISABLED, DISABLED);
        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, ENABLED, ENABLED);
        states(report, Protocol.TLS_1_3, HealthCheckerLabel.DISABLED, NOT_SUPPORTED, NOT_SUPPORTED);
        states(report, Protocol.SSL_3_0, null, DISABLED, DISABLED);
        assertThat(report.findings().subList(0, 2))
                .extracting(Finding::id)
                .containsExactly("tls12.client", "tls12.server");
        finding(report, "tls12.client", FindingStatus.PASS, "enabled");
        finding(report, "tls12.server", FindingStatus.PASS, "enabled");
        finding(report, "tls.mismatch", FindingStatus.PASS, "none");
        finding(report, "healthchecker.labels", FindingStatus.PASS, "clean");
        finding(report, "legacy.protocols", FindingStatus.PASS, "off");
        finding(report, "tls13", FindingStatus.PASS, "off");
        finding(report, "dotnet.v4", FindingStatus.PASS, "ok");
        finding(report, "dotnet.views", FindingStatus.PASS, "same");
        finding(report, "dotnet.v2", FindingStatus.PASS, "ok");
        finding(report, "registry.types", FindingStatus.PASS, "ok");
        finding(report, "os.support", FindingStatus.PASS, "ok");
        finding(report, "exchange.build", FindingStatus.PASS, "ok");
        assertThat(report.verdictFor(Direction.ONPREM_TO_EXO).tls12Ready()).isTrue();
        assertThat(report.verdictFor(Direction.EXO_TO_ONPREM).tls12Ready()).isTrue();
    }

    @Test
    void iisCryptosAllBitsValueCountsAsEnabledButIsPointedOut() throws Exception {
        os(WindowsServer.WS2016).file(RegExport.untouchedSchannel().both("TLS 1.2", 0xFFFF_FFFFL, 0L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, ENABLED, ENABLED);
        finding(report, "tls12.client", FindingStatus.PASS, "enabled");
        finding(report, "registry.nonstandard", FindingStatus.INFO, "found");
        assertThat(report.finding("registry.nonstandard").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("TLS 1.2\\Client\\Enabled = REG_DWORD 0xffffffff");
    }

    @Test
    void halfDisabledWithEverythingOneIsEnabledButDisabledByDefault() throws Exception {
        os(WindowsServer.WS2019).file(RegExport.untouchedSchannel().both("TLS 1.2", 1L, 1L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.HALF_DISABLED, DISABLED_BY_DEFAULT, DISABLED_BY_DEFAULT);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabledByDefault");
        finding(report, "tls12.server", FindingStatus.FAIL, "disabledByDefault");
        finding(report, "healthchecker.labels", FindingStatus.WARN, "red");
        assertThat(report.tls12().client()).isFalse();
    }

    @Test
    void halfDisabledWithEverythingZeroIsOff() throws Exception {
        os(WindowsServer.WS2019).file(RegExport.untouchedSchannel().both("TLS 1.2", 0L, 0L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.HALF_DISABLED, DISABLED, DISABLED);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabled");
        finding(report, "tls12.server", FindingStatus.FAIL, "disabled");
    }

    @Test
    void tls12SwitchedOffOnTheClientSideOnlyBreaksSendingButNotReceiving() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel()
                        .protocol("TLS 1.2", "Client", 0L, 1L)
                        .protocol("TLS 1.2", "Server", 1L, 0L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.MISCONFIGURED, DISABLED, ENABLED);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabled");
        finding(report, "tls12.server", FindingStatus.PASS, "enabled");
        finding(report, "tls.mismatch", FindingStatus.WARN, "found");
        assertThat(report.verdictFor(Direction.ONPREM_TO_EXO).tls12Ready()).isFalse();
        assertThat(report.verdictFor(Direction.EXO_TO_ONPREM).tls12Ready()).isTrue();
        assertThat(report.verdictFor(Direction.ONPREM_TO_EXO)
                        .bottomLine()
                        .get(0)
                        .id())
                .isEqualTo("tls12.client");
        assertThat(report.verdictFor(Direction.EXO_TO_ONPREM)
                        .bottomLine()
                        .get(0)
                        .id())
                .isEqualTo("tls12.server");
    }

    @Test
    void tls12SwitchedOffOnTheServerSideOnlyBreaksReceiving() throws Exception {
        os(WindowsServer.WS2016).file(RegExport.untouchedSchannel().protocol("TLS 1.2", "Server", 0L, null));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.MISCONFIGURED, ENABLED, DISABLED);
        finding(report, "tls12.client", FindingStatus.PASS, "enabledDefault");
        finding(report, "tls12.server", FindingStatus.FAIL, "disabled");
        assertThat(report.verdictFor(Direction.EXO_TO_ONPREM).tls12Ready()).isFalse();
        assertThat(report.verdictFor(Direction.UNKNOWN).tls12Ready()).isFalse();
    }

    @Test
    void clientSideHalfDisabledIsCaughtThoughHealthCheckerOnlyLooksAtTheServerSide() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel()
                        .protocol("TLS 1.2", "Client", 1L, 1L)
                        .protocol("TLS 1.2", "Server", 1L, 0L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.MISCONFIGURED, DISABLED_BY_DEFAULT, ENABLED);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabledByDefault");
    }

    @Test
    void healthCheckersEdgeCaseLabelsEnabledWhatIsReallyOff() throws Exception {
        // Both Enabled=0, Server without DisabledByDefault, Client DisabledByDefault=0: HealthChecker says "Enabled".
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel()
                        .protocol("TLS 1.2", "Client", 0L, 0L)
                        .protocol("TLS 1.2", "Server", 0L, null));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, DISABLED, DISABLED);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabled");
        finding(report, "tls12.server", FindingStatus.FAIL, "disabled");
    }

    @ParameterizedTest(name = "everything absent on {0}")
    @CsvSource(textBlock = """
            WS2008R2, DISABLED_BY_DEFAULT, FAIL, disabledByDefault, ENABLED,  NOT_SUPPORTED, WARN, WARN
            WS2012,   ENABLED,             PASS, enabledDefault,    ENABLED,  NOT_SUPPORTED, WARN, WARN
            WS2012R2, ENABLED,             PASS, enabledDefault,    ENABLED,  NOT_SUPPORTED, WARN, PASS
            WS2016,   ENABLED,             PASS, enabledDefault,    DISABLED, NOT_SUPPORTED, PASS, PASS
            WS2019,   ENABLED,             PASS, enabledDefault,    DISABLED, NOT_SUPPORTED, PASS, PASS
            WS2022,   ENABLED,             PASS, enabledDefault,    DISABLED, ENABLED,       PASS, PASS
            WS2025,   ENABLED,             PASS, enabledDefault,    DISABLED, ENABLED,       PASS, PASS
            """)
    void everythingAbsentFollowsTheOsDefaults(
            WindowsServer os,
            SchannelState tls12,
            FindingStatus tls12Status,
            String tls12Variant,
            SchannelState ssl3,
            SchannelState tls13,
            FindingStatus osStatus,
            FindingStatus winHttpStatus)
            throws Exception {
        os(os).file(RegExport.untouchedSchannel())
                .file(RegExport.create()
                        .key(HKLM + "\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"))
                .file(RegExport.create()
                        .key(HKLM + "\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings"));

        RegistryReport report = evaluate();

        assertThat(report.os().version()).isEqualTo(os);
        assertThat(report.os().source()).isEqualTo(OsSource.REGISTRY);
        // HealthChecker ignores the OS: absent reads as Enabled for 1.0-1.2 and Disabled for 1.3, everywhere.
        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, tls12, tls12);
        states(report, Protocol.TLS_1_3, HealthCheckerLabel.DISABLED, tls13, tls13);
        states(report, Protocol.SSL_3_0, null, ssl3, ssl3);
        finding(report, "tls12.client", tls12Status, tls12Variant);
        finding(report, "tls12.server", tls12Status, tls12Variant);
        finding(report, "legacy.protocols", FindingStatus.WARN, "on"); // TLS 1.0 and 1.1 are on by default everywhere
        assertThat(report.finding("os.support").orElseThrow().status()).isEqualTo(osStatus);
        assertThat(report.finding("winhttp").orElseThrow().status()).isEqualTo(winHttpStatus);
        assertThat(report.finding("tls12.client").orElseThrow().dependsOnOs()).isFalse();
    }

    @Test
    void tls13SetToEnabledOnServer2019IsNotSupportedAndFlagged() throws Exception {
        os(WindowsServer.WS2019)
                .file(officialSchannel().both("TLS 1.3", 1L, 0L))
                .exchange(2, 1544);

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_3, HealthCheckerLabel.ENABLED, NOT_SUPPORTED, NOT_SUPPORTED);
        finding(report, "tls13", FindingStatus.WARN, "unsupportedOs");
        finding(report, "tls12.client", FindingStatus.PASS, "enabled");
    }

    @Test
    void tls13OnServer2022WithExchange2019Cu15IsSupportedUnlikeHealthCheckerSays() throws Exception {
        os(WindowsServer.WS2022).file(officialSchannel()).file(dotNet(1, 1)).exchange(2, 1748);

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_3, HealthCheckerLabel.DISABLED, ENABLED, ENABLED);
        finding(report, "tls13", FindingStatus.PASS, "supported");
    }

    @Test
    void tls13OnServer2022WithExchange2019Cu14ShouldBeSwitchedOff() throws Exception {
        os(WindowsServer.WS2022).file(officialSchannel()).exchange(2, 1544);

        RegistryReport report = evaluate();

        finding(report, "tls13", FindingStatus.WARN, "unsupportedExchange");
        assertThat(report.finding("tls13").orElseThrow().remediation().in(Languages.ENGLISH))
                .contains("TLS 1.3");
    }

    @Test
    void healthCheckerForecastOnServer2022WithTls13OnAndExchange2019Cu14ShowsTheRowAndTheLineInRed() throws Exception {
        os(WindowsServer.WS2022)
                .file(officialSchannel().both("TLS 1.3", 1L, 0L))
                .file(dotNet(1, 1))
                .exchange(2, 1544);

        RegistryReport report = evaluate();

        finding(report, "healthchecker.labels", FindingStatus.WARN, "red");
        assertThat(detail(report, "healthchecker.labels"))
                .contains("TLS 1.3: Enabled")
                .contains("TLS 1.3 is not disabled")
                .doesNotContain("should be defined");
    }

    @Test
    void healthCheckerForecastWithExchange2019Cu15StillShowsItsUnconditionalTls13Line() throws Exception {
        os(WindowsServer.WS2022)
                .file(officialSchannel().both("TLS 1.3", 1L, 0L))
                .file(dotNet(1, 1))
                .exchange(2, 1748);

        RegistryReport report = evaluate();

        finding(report, "healthchecker.labels", FindingStatus.WARN, "red");
        assertThat(detail(report, "healthchecker.labels"))
                .as("the row is green with CU15, but HealthChecker prints the 'not disabled' error whatever the build")
                .contains("TLS 1.3 is not disabled")
                .doesNotContain("TLS 1.3: Enabled");
    }

    @Test
    void healthCheckerForecastWithTls13OnAndNoExchangeBuildSaysItDependsOnTheBuild() throws Exception {
        os(WindowsServer.WS2022)
                .file(officialSchannel().both("TLS 1.3", 1L, 0L))
                .file(dotNet(1, 1));

        RegistryReport report = evaluate();

        finding(report, "healthchecker.labels", FindingStatus.WARN, "dependsOnBuild");
        assertThat(detail(report, "healthchecker.labels")).contains("2019 CU15").contains("TLS 1.3 is not disabled");
        assertThat(report.finding("healthchecker.labels").orElseThrow().detail().in(Languages.SWEDISH))
                .contains("2019 CU15")
                .contains("rött");
    }

    @Test
    void healthCheckerForecastNamesEveryValueLeftAtItsOsDefault() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel().both("TLS 1.2", 1L, 0L))
                .file(dotNet(1, 1))
                .exchange(2, 1544);

        RegistryReport report = evaluate();

        finding(report, "healthchecker.labels", FindingStatus.WARN, "red");
        assertThat(detail(report, "healthchecker.labels"))
                .contains("Value should be defined in registry")
                .contains(
                        "1.0 ServerEnabledValue",
                        "1.0 ClientDisabledByDefaultValue",
                        "1.1 ServerDisabledByDefaultValue")
                .doesNotContain("1.2 ServerEnabledValue");
    }

    @Test
    void healthCheckerForecastWithOnlyTls10LeftOnIsYellowNotRed() throws Exception {
        os(WindowsServer.WS2019)
                .file(officialSchannel().both("TLS 1.0", 1L, 0L))
                .file(dotNet(1, 1))
                .exchange(2, 1544);

        RegistryReport report = evaluate();

        finding(report, "healthchecker.labels", FindingStatus.INFO, "yellow");
        assertThat(detail(report, "healthchecker.labels"))
                .contains("TLS 1.0: Enabled")
                .doesNotContain("TLS 1.1");
    }

    @Test
    void tls13ExplicitlyDisabledOn2022IsFine() throws Exception {
        os(WindowsServer.WS2022)
                .file(officialSchannel().both("TLS 1.3", 0L, 1L))
                .exchange(2, 1544);

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_3, HealthCheckerLabel.DISABLED, DISABLED, DISABLED);
        finding(report, "tls13", FindingStatus.PASS, "off");
    }

    @Test
    void dotNetNativeAndWow6432NodeDisagree() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel().both("TLS 1.2", 1L, 0L))
                .file(dotNet(1, 0));

        RegistryReport report = evaluate();

        finding(report, "dotnet.views", FindingStatus.WARN, "differ");
        finding(report, "dotnet.v4", FindingStatus.WARN, "notSet");
        assertThat(report.finding("dotnet.views").orElseThrow().evidence())
                .extracting(evidence -> evidence.path())
                .contains(DOTNET_WOW + "\\v4.0.30319");
    }

    @Test
    void dotNetNotSetWhileTls10And11AreOffIsAnError() throws Exception {
        os(WindowsServer.WS2019).file(officialSchannel()).file(dotNet(0, 0));

        RegistryReport report = evaluate();

        finding(report, "dotnet.v4", FindingStatus.FAIL, "notSetLegacyOff");
        finding(report, "dotnet.views", FindingStatus.PASS, "same");
    }

    @Test
    void regSzWhereADwordBelongsIsIgnoredLikeWindowsDoesAndReported() throws Exception {
        // On 2008 R2 TLS 1.2 needs DisabledByDefault=0; written as text, SChannel never sees it.
        os(WindowsServer.WS2008R2)
                .file(RegExport.untouchedSchannel()
                        .key(RegExport.PROTOCOLS + "\\TLS 1.2")
                        .key(RegExport.PROTOCOLS + "\\TLS 1.2\\Client")
                        .string("DisabledByDefault", "0")
                        .string("Enabled", "1")
                        .key(RegExport.PROTOCOLS + "\\TLS 1.2\\Server")
                        .dword("DisabledByDefault", 0)
                        .dword("Enabled", 1));

        RegistryReport report = evaluate();

        // HealthChecker compares text with 0 and sees it as set: it shows Enabled.
        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, DISABLED_BY_DEFAULT, ENABLED);
        finding(report, "tls12.client", FindingStatus.FAIL, "disabledByDefault");
        finding(report, "registry.types", FindingStatus.WARN, "wrong");
        assertThat(report.finding("registry.types").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("TLS 1.2\\Client\\DisabledByDefault = REG_SZ \"0\"");
    }

    @Test
    void regSzInTheDotNetKeyIsNotCountedAsSet() throws Exception {
        RegExport export = dotNet(1, 1).key(DOTNET + "\\v4.0.30319").string("SchUseStrongCrypto", "1");
        os(WindowsServer.WS2019).file(RegExport.untouchedSchannel()).file(export);

        RegistryReport report = evaluate();

        finding(report, "registry.types", FindingStatus.WARN, "wrong");
        finding(report, "dotnet.v4", FindingStatus.WARN, "notSet");
        finding(report, "dotnet.views", FindingStatus.WARN, "differ");
    }

    @Test
    void unknownOsAssumesNothingAndSaysWhatDependsOnIt() throws Exception {
        file(RegExport.untouchedSchannel());

        RegistryReport report = evaluate();

        assertThat(report.os().known()).isFalse();
        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, UNKNOWN, UNKNOWN);
        assertThat(report.tls12().client()).isNull();
        finding(report, "tls12.client", FindingStatus.INFO, "unknownOs");
        finding(report, "tls13", FindingStatus.INFO, "unknownOs");
        finding(report, "os.support", FindingStatus.INFO, "unknown");
        assertThat(report.finding("os.support").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("tls12.client", "tls12.server", "tls13");
        assertThat(report.verdictFor(Direction.ONPREM_TO_EXO).tls12Ready()).isNull();
    }

    @Test
    void unknownOsStillDecidesWhatTheValuesSettle() throws Exception {
        file(officialSchannel());

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, ENABLED, ENABLED);
        states(report, Protocol.TLS_1_0, HealthCheckerLabel.DISABLED, DISABLED, DISABLED);
        finding(report, "tls12.client", FindingStatus.PASS, "enabled");
        assertThat(report.finding("tls12.client").orElseThrow().dependsOnOs()).isFalse();
        assertThat(report.finding("os.support").orElseThrow().detail().in(Languages.ENGLISH))
                .doesNotContain("tls12.client");
    }

    @Test
    void theOsGivenByTheUserWinsAndADifferenceIsReported() throws Exception {
        os(WindowsServer.WS2008R2).file(RegExport.untouchedSchannel());

        RegistryReport report = evaluate(WindowsServer.WS2019);

        assertThat(report.os().version()).isEqualTo(WindowsServer.WS2019);
        assertThat(report.os().fromRegistry()).isEqualTo(WindowsServer.WS2008R2);
        finding(report, "os.given", FindingStatus.WARN, "differs");
        finding(report, "tls12.client", FindingStatus.PASS, "enabledDefault");
    }

    @Test
    void withoutTheSchannelExportNothingIsClaimedAboutTls() throws Exception {
        os(WindowsServer.WS2019).file(dotNet(1, 1));

        RegistryReport report = evaluate();

        assertThat(report.protocol(Protocol.TLS_1_2).label()).isNull();
        assertThat(report.tls12().server()).isNull();
        finding(report, "tls12.client", FindingStatus.INFO, "notExported");
        finding(report, "healthchecker.labels", FindingStatus.INFO, "notExported");
        assertThat(report.finding("tls12.client").orElseThrow().remediation().in(Languages.ENGLISH))
                .contains(
                        "reg export \"HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\" schannel.reg /y");
    }

    @Test
    void aFixFileLoadedAfterTheExportOverridesIt() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel().both("TLS 1.2", 0L, 1L))
                .file(RegExport.create().both("TLS 1.2", 1L, 0L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_2, HealthCheckerLabel.ENABLED, ENABLED, ENABLED);
    }

    @Test
    void winHttpWithoutTheTls12BitIsFlagged() throws Exception {
        String settings = "\\Microsoft\\Windows\\CurrentVersion\\Internet Settings";
        os(WindowsServer.WS2019)
                .file(officialSchannel())
                .file(RegExport.create()
                        .key(HKLM + "\\SOFTWARE" + settings)
                        .key(HKLM + "\\SOFTWARE" + settings + "\\WinHttp")
                        .dword("DefaultSecureProtocols", 0xA0)
                        .key(HKLM + "\\SOFTWARE\\Wow6432Node" + settings)
                        .key(HKLM + "\\SOFTWARE\\Wow6432Node" + settings + "\\WinHttp")
                        .dword("DefaultSecureProtocols", 0xA80));

        RegistryReport report = evaluate();

        finding(report, "winhttp", FindingStatus.WARN, "noTls12");
        assertThat(report.finding("winhttp").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("WinHttp\\DefaultSecureProtocols = REG_DWORD 0x000000a0")
                .doesNotContain("0x00000a80");
    }

    @Test
    void cipherPolicyWithoutAnExchangeOnlineSuiteFailsAndLocalListWithCurveSuffixesPasses() throws Exception {
        String policy = HKLM + "\\SOFTWARE\\Policies\\Microsoft";
        String local = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL";
        os(WindowsServer.WS2012R2)
                .file(officialSchannel())
                .file(RegExport.create()
                        .key(policy)
                        .key(policy + "\\Cryptography\\Configuration\\SSL\\00010002")
                        .string("Functions", "TLS_RSA_WITH_AES_256_CBC_SHA,TLS_RSA_WITH_3DES_EDE_CBC_SHA"));

        finding(evaluate(), "ciphers.exo", FindingStatus.FAIL, "none");

        files.clear();
        // TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384 as a REG_MULTI_SZ: hex(7) in UTF-16LE.
        StringBuilder hex = new StringBuilder();
        for (byte b : "TLS_RSA_WITH_AES_256_CBC_SHA\0TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384_P384\0\0"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE)) {
            hex.append(hex.length() == 0 ? "" : ",").append(String.format("%02x", b));
        }
        os(WindowsServer.WS2012R2)
                .file(officialSchannel())
                .file(RegExport.create().key(policy))
                .file(RegExport.create().key(local).key(local + "\\00010002").line("\"Functions\"=hex(7):" + hex));

        RegistryReport report = evaluate();
        finding(report, "ciphers.exo", FindingStatus.PASS, "ok");
        assertThat(report.finding("ciphers.exo").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
    }

    @Test
    void exchange2016BeforeCu9IsTooOldForTls12Only() throws Exception {
        os(WindowsServer.WS2016).file(officialSchannel()).exchange(1, 1415);

        RegistryReport report = evaluate();

        finding(report, "exchange.build", FindingStatus.FAIL, "tooOld");
        assertThat(report.exchange().name()).isEqualTo("Exchange Server 2016");
        assertThat(report.finding("exchange.build").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("CU9");
    }

    @Test
    void exchangeSubscriptionEditionIsRecognised() throws Exception {
        os(WindowsServer.WS2025).file(officialSchannel()).exchange(2, 2562);

        RegistryReport report = evaluate();

        assertThat(report.exchange().name()).isEqualTo("Exchange Server SE");
        finding(report, "tls13", FindingStatus.PASS, "supported");
    }

    @Test
    void pendingFileRenamesMeanARestartIsPending() throws Exception {
        String sessionManager = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
        String windowsUpdate = HKLM + "\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate";
        os(WindowsServer.WS2019)
                .file(officialSchannel())
                .file(RegExport.create()
                        .key(sessionManager)
                        .line("\"PendingFileRenameOperations\"=hex(7):5c,00,3f,00,00,00,00,00"))
                .file(RegExport.create().key(windowsUpdate).key(windowsUpdate + "\\Auto Update"));

        RegistryReport report = evaluate();

        finding(report, "restart.pending", FindingStatus.WARN, "pending");
        finding(report, "restart.tlsChanged", FindingStatus.INFO, "offline");
    }

    @Test
    void noRestartMarkersInTheExportedKeysMeansNoneIsPending() throws Exception {
        String sessionManager = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
        os(WindowsServer.WS2019)
                .file(officialSchannel())
                .file(RegExport.create().key(sessionManager).dword("ProtectionMode", 1));

        finding(evaluate(), "restart.pending", FindingStatus.PASS, "none");
    }

    @Test
    void legacyProtocolsExplicitlyOnAreReported() throws Exception {
        os(WindowsServer.WS2019)
                .file(RegExport.untouchedSchannel()
                        .both("TLS 1.0", 1L, 0L)
                        .both("TLS 1.1", 0L, 1L)
                        .both("TLS 1.2", 1L, 0L)
                        .both("SSL 3.0", 0L, 1L));

        RegistryReport report = evaluate();

        states(report, Protocol.TLS_1_0, HealthCheckerLabel.ENABLED, ENABLED, ENABLED);
        finding(report, "legacy.protocols", FindingStatus.WARN, "on");
        assertThat(report.finding("legacy.protocols").orElseThrow().detail().in(Languages.ENGLISH))
                .contains("TLS 1.0 (Client, Server)")
                .doesNotContain("TLS 1.1")
                .doesNotContain("SSL 3.0");
    }

    @Test
    void findingsReadInSwedishToo() throws Exception {
        os(WindowsServer.WS2019).file(RegExport.untouchedSchannel().both("TLS 1.2", 0L, 1L));

        Finding client = evaluate().finding("tls12.client").orElseThrow();

        assertThat(client.title().in(Languages.SWEDISH))
                .isEqualTo("TLS 1.2 för att skicka till Exchange Online (SChannel Client)");
        assertThat(client.detail().in(Languages.SWEDISH)).contains("avstängt på klientsidan", "REG_DWORD 0x00000000");
        assertThat(client.remediation().in(Languages.SWEDISH)).contains("Starta sedan om servern");
    }

    @Test
    void aSavedSnapshotEvaluatesTheSameAfterLoadingItBack() throws Exception {
        os(WindowsServer.WS2019)
                .file(officialSchannel().both("TLS 1.3", 1L, 0L))
                .file(dotNet(1, 0))
                .exchange(2, 1544);
        RegistrySnapshot snapshot = new RegFileSource(files).collect();

        java.io.ByteArrayOutputStream saved = new java.io.ByteArrayOutputStream();
        snapshot.save(saved);
        RegistrySnapshot loaded = RegistrySnapshot.load(new java.io.ByteArrayInputStream(saved.toByteArray()));

        assertThat(loaded).isEqualTo(snapshot);
        RegistryReport before = new RegistryEvaluator().evaluate(snapshot);
        RegistryReport after = new RegistryEvaluator().evaluate(loaded);
        assertThat(after).isEqualTo(before);
        assertThat(after.findings())
                .extracting(Finding::id, Finding::status)
                .isEqualTo(before.findings().stream()
                        .map(f -> org.assertj.core.groups.Tuple.tuple(f.id(), f.status()))
                        .toList());
    }

    @Test
    void clientSubmissionDoesNotDependOnThisServersSchannel() throws Exception {
        os(WindowsServer.WS2019).file(RegExport.untouchedSchannel().both("TLS 1.2", 0L, 1L));

        var verdict = evaluate().verdictFor(Direction.CLIENT_SUBMISSION);

        assertThat(verdict.rolesNeeded()).isEmpty();
        assertThat(verdict.tls12Ready()).isNull();
    }
}
