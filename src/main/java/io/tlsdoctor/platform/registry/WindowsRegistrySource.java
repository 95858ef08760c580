package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import io.tlsdoctor.core.registry.RegistryKey;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryValueType;
import io.tlsdoctor.core.registry.SnapshotOrigin;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live source: reads this Windows computer's registry through JNA, with the value types. SOFTWARE keys named
 * {@code SOFTWARE\Wow6432Node\...} are read through the 32-bit view ({@code KEY_WOW64_32KEY}) and everything else
 * through the 64-bit view, so a 32-bit JVM reads the same keys as a 64-bit one and the snapshot names them as
 * {@code reg export} would. Reading needs no elevation.
 */
public final class WindowsRegistrySource implements RegistrySource {

    private static final String WOW = "SOFTWARE\\WOW6432NODE\\";
    private static final Map<String, WinReg.HKEY> ROOTS = Map.of(
            "HKEY_LOCAL_MACHINE", WinReg.HKEY_LOCAL_MACHINE,
            "HKEY_CURRENT_USER", WinReg.HKEY_CURRENT_USER,
            "HKEY_USERS", WinReg.HKEY_USERS,
            "HKEY_CLASSES_ROOT", WinReg.HKEY_CLASSES_ROOT);

    private final List<RegistryPaths.LiveRead> reads;

    /** Reads what the registry check needs. */
    public WindowsRegistrySource() {
        this(RegistryPaths.liveReads());
    }

    /** Reads the given keys; tests use keys under HKEY_CURRENT_USER. */
    public WindowsRegistrySource(List<RegistryPaths.LiveRead> reads) {
        this.reads = List.copyOf(reads);
    }

    /** Whether this JVM runs on Windows, the only place the live registry exists. */
    public static boolean isAvailable() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public RegistrySnapshot collect() throws RegistryReadException {
        if (!isAvailable()) {
            throw new RegistryReadException("registry.live.unavailable", List.of(), null);
        }
        List<RegistryKey> keys = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (RegistryPaths.LiveRead read : reads) {
            covered.add(read.path()); // live, an absent key really is absent
            readKey(read.path(), read.subtree(), keys);
        }
        Instant now = Instant.now();
        Instant lastBoot = now.minusMillis(Kernel32.INSTANCE.GetTickCount64());
        String computer = System.getenv().getOrDefault("COMPUTERNAME", "this computer");
        return RegistrySnapshot.of(SnapshotOrigin.LIVE, List.of(computer), now, lastBoot, covered, keys);
    }

    private void readKey(String path, boolean subtree, List<RegistryKey> out) throws RegistryReadException {
        int slash = path.indexOf('\\');
        WinReg.HKEY root = ROOTS.get(slash < 0 ? path : path.substring(0, slash));
        if (root == null || slash < 0) {
            throw new IllegalArgumentException("not a readable registry path: " + path);
        }
        String subKey = path.substring(slash + 1);
        int view = WinNT.KEY_WOW64_64KEY;
        if (subKey.toUpperCase(Locale.ROOT).startsWith(WOW)) {
            subKey = "SOFTWARE\\" + subKey.substring(WOW.length());
            view = WinNT.KEY_WOW64_32KEY;
        }
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(root, subKey, 0, WinNT.KEY_READ | view, handle);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return;
        }
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new RegistryReadException("registry.live.failed", List.of(path, Kernel32Util.formatMessageFromLastErrorCode(rc)), null);
        }
        WinReg.HKEY key = handle.getValue();
        String[] children;
        try {
            Advapi32Util.InfoKey info = Advapi32Util.registryQueryInfoKey(key, 0);
            Instant lastWritten = info.lpftLastWriteTime.toDate().toInstant();
            out.add(new RegistryKey(path, lastWritten, values(key, info)));
            children = subtree ? Advapi32Util.registryGetKeys(key) : new String[0];
        } finally {
            Advapi32Util.registryCloseKey(key);
        }
        for (String child : children) {
            readKey(path + "\\" + child, true, out);
        }
    }

    /** Enumerates the values with their types; Advapi32Util's own helper drops the REG_SZ/REG_EXPAND_SZ distinction. */
    private static Map<String, RegistryValue> values(WinReg.HKEY key, Advapi32Util.InfoKey info) {
        Map<String, RegistryValue> values = new LinkedHashMap<>();
        int count = info.lpcValues.getValue();
        for (int i = 0; i < count; i++) {
            char[] name = new char[info.lpcMaxValueNameLen.getValue() + 1];
            IntByReference nameLength = new IntByReference(name.length);
            IntByReference type = new IntByReference();
            byte[] data = new byte[info.lpcMaxValueLen.getValue() + 2];
            IntByReference dataLength = new IntByReference(data.length);
            int rc = Advapi32.INSTANCE.RegEnumValue(key, i, name, nameLength, null, type, data, dataLength);
            if (rc != W32Errors.ERROR_SUCCESS) {
                continue; // a value deleted while we read; the next read sees the settled state
            }
            String valueName = new String(name, 0, nameLength.getValue());
            values.put(valueName, convert(type.getValue(), Arrays.copyOf(data, dataLength.getValue())));
        }
        return values;
    }

    static RegistryValue convert(int typeCode, byte[] data) {
        RegistryValueType type = RegistryValueType.ofCode(typeCode);
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (type == null) {
            return RegistryValue.bytes(RegistryValueType.REG_NONE, data);
        }
        switch (type) {
            case REG_DWORD:
                return data.length == 4 ? RegistryValue.dword(Integer.toUnsignedLong(buffer.getInt()))
                        : RegistryValue.bytes(RegistryValueType.REG_BINARY, data);
            case REG_QWORD:
                return data.length == 8 ? RegistryValue.qword(buffer.getLong())
                        : RegistryValue.bytes(RegistryValueType.REG_BINARY, data);
            case REG_SZ:
                return RegistryValue.string(utf16(data));
            case REG_EXPAND_SZ:
                return RegistryValue.expandString(utf16(data));
            case REG_MULTI_SZ:
                String all = utf16(data);
                return RegistryValue.multiString(all.isEmpty() ? List.of() : List.of(all.split("\0", -1)));
            default:
                return RegistryValue.bytes(type, data);
        }
    }

    private static String utf16(byte[] data) {
        String text = new String(data, 0, data.length - data.length % 2, StandardCharsets.UTF_16LE);
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\0') {
            end--;
        }
        return text.substring(0, end);
    }
}
