package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.Win32Exception;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import io.tlsdoctor.core.registry.RegistryValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The registry through JNA (Advapi32), one key at a time. */
final class JnaRegistryHive implements RegistryHive {

    private static final Map<String, WinReg.HKEY> ROOTS = Map.of(
            "HKEY_LOCAL_MACHINE", WinReg.HKEY_LOCAL_MACHINE,
            "HKEY_CURRENT_USER", WinReg.HKEY_CURRENT_USER,
            "HKEY_USERS", WinReg.HKEY_USERS,
            "HKEY_CLASSES_ROOT", WinReg.HKEY_CLASSES_ROOT);

    /** HKEY_LOCAL_MACHINE of another computer, from RegConnectRegistry; null for this computer's own roots. */
    private final WinReg.HKEY remoteMachine;

    JnaRegistryHive() {
        this(null);
    }

    JnaRegistryHive(WinReg.HKEY remoteMachine) {
        this.remoteMachine = remoteMachine;
    }

    @Override
    public Optional<Content> read(String root, String subKey, boolean wow32) throws Unreadable {
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int view = wow32 ? WinNT.KEY_WOW64_32KEY : WinNT.KEY_WOW64_64KEY;
        WinReg.HKEY base = remoteMachine != null && root.equals("HKEY_LOCAL_MACHINE") ? remoteMachine : ROOTS.get(root);
        if (remoteMachine != null && base != remoteMachine) {
            throw new Unreadable("only HKEY_LOCAL_MACHINE is read on another computer");
        }
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(base, subKey, 0, WinNT.KEY_READ | view, handle);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new Unreadable(Kernel32Util.formatMessageFromLastErrorCode(rc), rc == WinError.ERROR_ACCESS_DENIED);
        }
        WinReg.HKEY key = handle.getValue();
        try {
            Advapi32Util.InfoKey info = Advapi32Util.registryQueryInfoKey(key, 0);
            Instant lastWritten = info.lpftLastWriteTime.toDate().toInstant();
            return Optional.of(new Content(lastWritten, values(key, info), List.of(Advapi32Util.registryGetKeys(key))));
        } catch (Win32Exception e) {
            throw new Unreadable(e.getMessage(), e.getErrorCode() == WinError.ERROR_ACCESS_DENIED);
        } finally {
            Advapi32Util.registryCloseKey(key);
        }
    }

    /** Enumerates the values with their types; Advapi32Util's own helper drops the REG_SZ/REG_EXPAND_SZ distinction. */
    private static Map<String, RegistryValue> values(WinReg.HKEY key, Advapi32Util.InfoKey info) {
        Map<String, RegistryValue> values = new LinkedHashMap<>();
        int count = info.lpcValues.getValue();
        ValueEnumeration enumeration = (index, name, nameLength, type, data, dataLength) ->
                Advapi32.INSTANCE.RegEnumValue(key, index, name, nameLength, null, type, data, dataLength);
        for (int i = 0; i < count; i++) {
            read(enumeration, i, info.lpcMaxValueNameLen.getValue() + 1, info.lpcMaxValueLen.getValue() + 2)
                    .ifPresent(value ->
                            values.put(value.name(), WindowsRegistrySource.convert(value.type(), value.data())));
        }
        return values;
    }

    /** RegEnumValue's shape, so the buffer handling can be tested without a registry. */
    interface ValueEnumeration {
        int enumerate(
                int index,
                char[] name,
                IntByReference nameLength,
                IntByReference type,
                byte[] data,
                IntByReference dataLength);
    }

    record RawValue(String name, int type, byte[] data) {}

    /**
     * One value. ERROR_MORE_DATA (a value that grew after RegQueryInfoKey sized the buffers, or a name longer than
     * it said) is retried with the size Windows asked for, instead of dropping the value; a value deleted meanwhile
     * (ERROR_NO_MORE_ITEMS) is simply not there.
     */
    static Optional<RawValue> read(ValueEnumeration enumeration, int index, int nameSize, int dataSize) {
        for (int attempt = 0; attempt < 5; attempt++) {
            char[] name = new char[nameSize];
            IntByReference nameLength = new IntByReference(name.length);
            IntByReference type = new IntByReference();
            byte[] data = new byte[dataSize];
            IntByReference dataLength = new IntByReference(data.length);
            int rc = enumeration.enumerate(index, name, nameLength, type, data, dataLength);
            if (rc == W32Errors.ERROR_SUCCESS) {
                return Optional.of(new RawValue(
                        new String(name, 0, nameLength.getValue()),
                        type.getValue(),
                        Arrays.copyOf(data, dataLength.getValue())));
            }
            if (rc != WinError.ERROR_MORE_DATA) {
                return Optional.empty();
            }
            // dataLength holds the size needed; the name's is not reported, so its buffer doubles (names end at 16,383)
            dataSize = Math.max(dataSize * 2, dataLength.getValue() + 2);
            nameSize = Math.min(Math.max(nameSize * 2, 256), 16_384);
        }
        return Optional.empty();
    }
}
