package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OsInfoTest {

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(textBlock = """
            Windows Server 2008 R2 Enterprise, 7601,  2008R2
            Windows Server 2012 Standard,      9200,  2012
            Windows Server 2012 R2 Standard,   9600,  2012R2
            Windows Server 2016 Datacenter,    14393, 2016
            Windows Server 2019 Standard,      17763, 2019
            Windows Server 2022 Datacenter,    20348, 2022
            Windows Server 2025 Datacenter,    26100, 2025
            Windows Server 2016 Standard,      17763, 2019
            Windows Server 2012 R2 Standard,   ,      2012R2
            Windows 10 Pro,                    19045, ''
            """)
    void recognisesServerVersionsPreferringTheBuildNumber(String productName, String build, String expected) {
        Map<String, RegistryValue> values = new java.util.HashMap<>();
        values.put("ProductName", RegistryValue.string(productName));
        if (build != null) {
            values.put("CurrentBuild", RegistryValue.string(build));
        }
        RegistrySnapshot snapshot = RegistrySnapshot.of(
                SnapshotOrigin.REG_FILES,
                List.of("os.reg"),
                Instant.EPOCH,
                null,
                List.of(RegistryPaths.OS),
                List.of(new RegistryKey(RegistryPaths.OS, null, values)));

        OsInfo os = OsInfo.detect(snapshot, null);

        assertThat(os.version() == null ? "" : os.version().id()).isEqualTo(expected);
        assertThat(os.source()).isEqualTo(expected.isEmpty() ? OsSource.UNKNOWN : OsSource.REGISTRY);
    }
}
