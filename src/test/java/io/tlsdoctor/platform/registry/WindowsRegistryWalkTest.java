package io.tlsdoctor.platform.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.platform.win32.WinError;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The live read's walk over the keys, against a registry in memory: what happens when Windows refuses a key. */
class WindowsRegistryWalkTest {

    private static final String SCHANNEL = RegistryPaths.SCHANNEL;
    private static final String PROTOCOLS =
            "SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols";

    /** Keys by sub-key path (upper case); a null content means "access denied". */
    private static RegistryHive hive(Map<String, RegistryHive.Content> keys, List<String> asked) {
        return (root, subKey, wow32) -> {
            asked.add(root + "\\" + subKey);
            String wanted = subKey.toUpperCase(java.util.Locale.ROOT);
            if (!keys.containsKey(wanted)) {
                return Optional.empty();
            }
            RegistryHive.Content content = keys.get(wanted);
            if (content == null) {
                throw new RegistryHive.Unreadable("Access is denied.");
            }
            return Optional.of(content);
        };
    }

    private static RegistryHive.Content key(Map<String, RegistryValue> values, String... children) {
        return new RegistryHive.Content(Instant.parse("2026-11-30T10:00:00Z"), values, List.of(children));
    }

    @Test
    void oneRefusedKeyIsMarkedUnreadableAndTheRestOfTheSnapshotIsStillRead() throws Exception {
        Map<String, RegistryHive.Content> keys = new java.util.HashMap<>();
        keys.put(PROTOCOLS.replace("\\Protocols", "").toUpperCase(), key(Map.of(), "Protocols"));
        keys.put(PROTOCOLS.toUpperCase(), key(Map.of(), "TLS 1.0", "TLS 1.2"));
        keys.put((PROTOCOLS + "\\TLS 1.0").toUpperCase(), key(Map.of(), "Server"));
        keys.put((PROTOCOLS + "\\TLS 1.0\\Server").toUpperCase(), key(Map.of("Enabled", RegistryValue.dword(0))));
        keys.put((PROTOCOLS + "\\TLS 1.2").toUpperCase(), null); // an admin locked it
        keys.put(
                "SOFTWARE\\MICROSOFT\\WINDOWS NT\\CURRENTVERSION",
                key(Map.of("CurrentBuild", RegistryValue.string("17763"))));
        List<String> asked = new ArrayList<>();

        RegistrySnapshot snapshot = new WindowsRegistrySource(
                        List.of(
                                new RegistryPaths.LiveRead(SCHANNEL, true),
                                new RegistryPaths.LiveRead(RegistryPaths.OS, false)),
                        hive(keys, asked))
                .collect();

        assertThat(snapshot.value(SCHANNEL + "\\Protocols\\TLS 1.0\\Server", "Enabled"))
                .isEqualTo(RegistryValue.dword(0));
        assertThat(snapshot.value(RegistryPaths.OS, "CurrentBuild")).isEqualTo(RegistryValue.string("17763"));
        assertThat(snapshot.unreadableKeys()).containsExactly(SCHANNEL + "\\Protocols\\TLS 1.2");
        // what is under the refused key is not known, not "absent, so the default"
        assertThat(snapshot.covers(SCHANNEL + "\\Protocols\\TLS 1.2\\Client")).isFalse();
        assertThat(snapshot.covers(SCHANNEL + "\\Protocols\\TLS 1.1\\Client")).isTrue();
    }

    @Test
    void rootsAreFoundWhateverTheirCaseAsWindowsDoes() throws Exception {
        assertThat(WindowsRegistrySource.canonicalRoot("hkey_local_machine")).isEqualTo("HKEY_LOCAL_MACHINE");
        assertThat(WindowsRegistrySource.canonicalRoot("Hkey_Current_User")).isEqualTo("HKEY_CURRENT_USER");
        assertThat(WindowsRegistrySource.canonicalRoot("HKLM")).isEqualTo("HKEY_LOCAL_MACHINE");
        assertThat(WindowsRegistrySource.canonicalRoot("HKEY_NOWHERE")).isNull();

        List<String> asked = new ArrayList<>();
        new WindowsRegistrySource(
                        List.of(new RegistryPaths.LiveRead(
                                "hkey_local_machine\\Software\\Wow6432Node\\Microsoft\\.NETFramework", false)),
                        hive(Map.of(), asked))
                .collect();
        assertThat(asked).containsExactly("HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\.NETFramework");
    }

    /** A value that grew after RegQueryInfoKey sized the buffer: ERROR_MORE_DATA, retried, not dropped. */
    @Test
    void aValueLargerThanTheBufferIsReadAgainWithTheSizeWindowsAskedFor() {
        byte[] functions = "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\0TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\0\0"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        int[] calls = {0};
        JnaRegistryHive.ValueEnumeration enumeration = (index, name, nameLength, type, data, dataLength) -> {
            calls[0]++;
            if (data.length < functions.length) {
                dataLength.setValue(functions.length);
                return WinError.ERROR_MORE_DATA;
            }
            "Functions".getChars(0, 9, name, 0);
            nameLength.setValue(9);
            type.setValue(RegistryValueType.REG_MULTI_SZ.code());
            System.arraycopy(functions, 0, data, 0, functions.length);
            dataLength.setValue(functions.length);
            return WinError.ERROR_SUCCESS;
        };

        Optional<JnaRegistryHive.RawValue> value = JnaRegistryHive.read(enumeration, 0, 16, 16);

        assertThat(value).isPresent();
        assertThat(value.get().name()).isEqualTo("Functions");
        assertThat(WindowsRegistrySource.convert(value.get().type(), value.get().data()))
                .isEqualTo(RegistryValue.multiString(
                        List.of("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")));
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void aValueDeletedWhileReadingIsSimplyNotThere() {
        assertThat(JnaRegistryHive.read((i, n, nl, t, d, dl) -> WinError.ERROR_NO_MORE_ITEMS, 0, 16, 16))
                .isEmpty();
        byte[] one =
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(1).array();
        assertThat(WindowsRegistrySource.convert(RegistryValueType.REG_DWORD.code(), one))
                .isEqualTo(RegistryValue.dword(1));
    }
}
