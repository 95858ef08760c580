package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The reg export commands TLS Doctor suggests collect everything the live read looks at, from the 64-bit view. */
class RegistryExportsTest {

    private static boolean under(String path, String key) {
        String p = path.toLowerCase(Locale.ROOT);
        String k = key.toLowerCase(Locale.ROOT);
        return p.equals(k) || p.startsWith(k + "\\");
    }

    @Test
    void everyKeyTheLiveReadLooksAtLiesUnderSomeExport() {
        for (RegistryPaths.LiveRead read : RegistryPaths.liveReads()) {
            assertThat(RegistryExports.all())
                    .as(read.path())
                    .anySatisfy(export ->
                            assertThat(under(read.path(), export.fullKey())).isTrue());
        }
    }

    /** A 32-bit prompt would otherwise export the WOW view of SOFTWARE under the 64-bit key's name, without a word. */
    @Test
    void everyExportAsksForThe64BitViewAndOverwritesWithoutAsking() {
        for (RegistryExports.Export export : RegistryExports.all()) {
            assertThat(export.command()).startsWith("reg export \"HKLM\\").endsWith(" /y /reg:64");
        }
        assertThat(RegistryExports.checkCommand())
                .contains("--reg-file cbs-reboot-pending.reg", "--reg-file updates.reg");
    }

    @Test
    void everyExportCommandInTheFindingsTextsAsksForThe64BitViewToo() throws Exception {
        String findings = new String(
                RegistryExportsTest.class
                        .getResourceAsStream("/io/tlsdoctor/core/registry/findings.json")
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(findings).contains("reg export");
        assertThat(findings.split("\\.reg /y", -1).length - 1)
                .isEqualTo(findings.split("\\.reg /y /reg:64", -1).length - 1);
    }
}
