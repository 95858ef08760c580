package io.tlsdoctor.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The live source against a real registry: values created under HKCU, read back with their types, then removed. */
@EnabledOnOs(OS.WINDOWS)
class WindowsRegistrySourceTest {

    private static final String SUB_KEY =
            "Software\\TlsDoctorTest-" + ProcessHandle.current().pid();
    private static final String CHILD = SUB_KEY + "\\TLS 1.2\\Client";
    private static final String PATH = "HKEY_CURRENT_USER\\" + SUB_KEY;

    @BeforeEach
    void createValues() {
        Advapi32Util.registryCreateKey(WinReg.HKEY_CURRENT_USER, CHILD, WinNT.KEY_WOW64_64KEY);
        Advapi32Util.registrySetIntValue(WinReg.HKEY_CURRENT_USER, CHILD, "Enabled", -1, WinNT.KEY_WOW64_64KEY);
        Advapi32Util.registrySetStringValue(
                WinReg.HKEY_CURRENT_USER, CHILD, "DisabledByDefault", "0", WinNT.KEY_WOW64_64KEY);
        Advapi32Util.registrySetExpandableStringValue(WinReg.HKEY_CURRENT_USER, SUB_KEY, "Expand", "%TEMP%");
        Advapi32Util.registrySetStringArray(WinReg.HKEY_CURRENT_USER, SUB_KEY, "Functions", new String[] {
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256"
        });
    }

    @AfterEach
    void removeValues() {
        for (String key : List.of(CHILD, SUB_KEY + "\\TLS 1.2", SUB_KEY)) {
            if (Advapi32Util.registryKeyExists(WinReg.HKEY_CURRENT_USER, key)) {
                Advapi32Util.registryDeleteKey(WinReg.HKEY_CURRENT_USER, key);
            }
        }
    }

    @Test
    void readsValuesWithTheirTypesAndWhenTheKeysWereWritten() throws Exception {
        RegistrySnapshot snapshot = new WindowsRegistrySource(List.of(
                        new RegistryPaths.LiveRead(PATH, true), new RegistryPaths.LiveRead(PATH + "\\Absent", false)))
                .collect();

        assertThat(snapshot.value(PATH + "\\TLS 1.2\\Client", "Enabled")).isEqualTo(RegistryValue.dword(0xFFFF_FFFFL));
        assertThat(snapshot.value(PATH + "\\TLS 1.2\\Client", "DisabledByDefault"))
                .isEqualTo(RegistryValue.string("0"));
        assertThat(snapshot.value(PATH, "Expand").type()).isEqualTo(RegistryValueType.REG_EXPAND_SZ);
        assertThat(snapshot.value(PATH, "Functions"))
                .isEqualTo(RegistryValue.multiString(
                        List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256")));
        assertThat(snapshot.key(PATH).orElseThrow().lastWritten()).isNotNull().isAfter(snapshot.lastBoot());
        assertThat(snapshot.hasKey(PATH + "\\Absent")).isFalse();
        assertThat(snapshot.covers(PATH + "\\Absent")).isTrue();
        assertThat(snapshot.isLive()).isTrue();
    }

    @Test
    void seesAValueRemovedAfterItWasCreated() throws Exception {
        Advapi32Util.registryDeleteValue(WinReg.HKEY_CURRENT_USER, CHILD, "Enabled");

        RegistrySnapshot snapshot =
                new WindowsRegistrySource(List.of(new RegistryPaths.LiveRead(PATH, true))).collect();

        assertThat(snapshot.value(PATH + "\\TLS 1.2\\Client", "Enabled")).isNull();
        assertThat(snapshot.value(PATH + "\\TLS 1.2\\Client", "DisabledByDefault"))
                .isNotNull();
    }
}
