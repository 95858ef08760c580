package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.Advapi32;
import com.sun.jna.platform.win32.Advapi32Util;
import com.sun.jna.platform.win32.Kernel32Util;
import com.sun.jna.platform.win32.W32Errors;
import com.sun.jna.platform.win32.WinError;
import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import com.sun.jna.ptr.IntByReference;
import io.tlsdoctor.core.fix.RegistryLocation;
import io.tlsdoctor.core.fix.RegistryStore;
import io.tlsdoctor.core.fix.RegistryStoreException;
import io.tlsdoctor.core.fix.StoreChange;
import io.tlsdoctor.core.fix.StoreLock;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.IoProblem;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live store: this computer's registry through JNA, one value per call, in the view the path names (both views
 * of a SOFTWARE key are written as two separate values). Keys are created as needed. Writing HKLM needs an elevated
 * process; an access-denied error says so.
 */
public final class WindowsRegistryStore implements RegistryStore {

    @Override
    public Optional<RegistryValue> read(RegistryLocation location) throws RegistryStoreException {
        WindowsKeyPath path = WindowsKeyPath.of(location.keyPath());
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(path.root(), path.subKey(), 0, WinNT.KEY_READ | path.view(), handle);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return Optional.empty();
        }
        check(rc, location);
        try {
            IntByReference type = new IntByReference();
            IntByReference size = new IntByReference();
            rc = Advapi32.INSTANCE.RegQueryValueEx(handle.getValue(), location.name(), 0, type, (byte[]) null, size);
            if (rc == WinError.ERROR_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            check(rc, location);
            byte[] data = new byte[Math.max(size.getValue(), 1)];
            rc = Advapi32.INSTANCE.RegQueryValueEx(handle.getValue(), location.name(), 0, type, data, size);
            check(rc, location);
            byte[] exact = java.util.Arrays.copyOf(data, size.getValue());
            return Optional.of(WindowsRegistrySource.convert(type.getValue(), exact));
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    @Override
    public void write(RegistryLocation location, RegistryValue value) throws RegistryStoreException {
        WindowsKeyPath path = WindowsKeyPath.of(location.keyPath());
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        IntByReference disposition = new IntByReference();
        int rc = Advapi32.INSTANCE.RegCreateKeyEx(
                path.root(),
                path.subKey(),
                0,
                null,
                WinNT.REG_OPTION_NON_VOLATILE,
                WinNT.KEY_READ | WinNT.KEY_WRITE | path.view(),
                null,
                handle,
                disposition);
        check(rc, location);
        try {
            byte[] data = bytes(value);
            rc = Advapi32.INSTANCE.RegSetValueEx(
                    handle.getValue(), location.name(), 0, value.type().code(), data, data.length);
            check(rc, location);
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    @Override
    public void delete(RegistryLocation location) throws RegistryStoreException {
        WindowsKeyPath path = WindowsKeyPath.of(location.keyPath());
        WinReg.HKEYByReference handle = new WinReg.HKEYByReference();
        int rc = Advapi32.INSTANCE.RegOpenKeyEx(
                path.root(), path.subKey(), 0, WinNT.KEY_SET_VALUE | path.view(), handle);
        if (rc == WinError.ERROR_FILE_NOT_FOUND) {
            return;
        }
        check(rc, location);
        try {
            rc = Advapi32.INSTANCE.RegDeleteValue(handle.getValue(), location.name());
            if (rc != WinError.ERROR_FILE_NOT_FOUND) {
                check(rc, location);
            }
        } finally {
            Advapi32.INSTANCE.RegCloseKey(handle.getValue());
        }
    }

    /**
     * Walks each root's subtree in its registry view (a {@code Wow6432Node} root in the 32-bit one), key by key; any
     * key that cannot be read stops the export, and with it the change, rather than leave a backup with a hole.
     */
    @Override
    public Map<String, Map<String, RegistryValue>> exportKeys(List<String> roots) throws RegistryStoreException {
        Map<String, Map<String, RegistryValue>> exported = new LinkedHashMap<>();
        RegistryHive hive = new JnaRegistryHive();
        for (String root : roots) {
            WindowsKeyPath path = WindowsKeyPath.of(root);
            String rootName = root.substring(0, root.indexOf('\\')).toUpperCase(Locale.ROOT);
            String below = root.substring(root.indexOf('\\') + 1);
            walk(
                    hive,
                    rootName,
                    path.subKey(),
                    path.view() == WinNT.KEY_WOW64_32KEY,
                    rootName + "\\" + below,
                    exported);
        }
        return exported;
    }

    /** Package-private so that a refused key can be tested off Windows with a hive of the test's own. */
    static void walk(
            RegistryHive hive,
            String root,
            String subKey,
            boolean wow32,
            String shown,
            Map<String, Map<String, RegistryValue>> exported)
            throws RegistryStoreException {
        Optional<RegistryHive.Content> content;
        try {
            content = hive.read(root, subKey, wow32);
        } catch (RegistryHive.Unreadable e) {
            // Windows' own reason is in the server's language and for the log; the user reads what to do
            IoProblem.Kind kind = e.denied() ? IoProblem.Kind.ACCESS_DENIED : IoProblem.Kind.OTHER;
            throw new RegistryStoreException("fix.fullBackup.unreadable", List.of(shown, shown, kind.code()), e);
        }
        if (content.isEmpty()) {
            return;
        }
        exported.put(shown, content.get().values());
        for (String child : content.get().children()) {
            walk(hive, root, subKey + "\\" + child, wow32, shown + "\\" + child, exported);
        }
    }

    @Override
    public String describe() {
        return System.getenv().getOrDefault("COMPUTERNAME", "this computer");
    }

    /** This installation of Windows: its name and the MachineGuid setup gave it (a renamed clone keeps neither). */
    @Override
    public String identity() {
        String guid;
        try {
            guid = Advapi32Util.registryGetStringValue(
                    WinReg.HKEY_LOCAL_MACHINE,
                    "SOFTWARE\\Microsoft\\Cryptography",
                    "MachineGuid",
                    WinNT.KEY_WOW64_64KEY);
        } catch (RuntimeException e) {
            guid = "?";
        }
        return "registry:" + describe() + ":" + guid;
    }

    @Override
    public StoreLock lock() throws RegistryStoreException {
        return LiveRegistryLock.acquire(describe());
    }

    /** One kernel transaction for the whole change where Windows offers it; else value by value under the journal. */
    @Override
    public StoreChange begin() {
        return TransactedRegistryChange.begin().orElseGet(() -> StoreChange.direct(this));
    }

    private static void check(int rc, RegistryLocation location) throws RegistryStoreException {
        if (rc == WinError.ERROR_ACCESS_DENIED) {
            throw new RegistryStoreException("fix.store.accessDenied", List.of(location.toString()), null);
        }
        if (rc != W32Errors.ERROR_SUCCESS) {
            throw new RegistryStoreException(
                    "fix.store.liveFailed",
                    List.of(location.toString(), Kernel32Util.formatMessageFromLastErrorCode(rc)),
                    null);
        }
    }

    /** The data as Windows stores it for the value's type. */
    static byte[] bytes(RegistryValue value) {
        switch (value.type()) {
            case REG_DWORD:
                return ByteBuffer.allocate(4)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putInt((int) (long) value.number())
                        .array();
            case REG_QWORD:
                return ByteBuffer.allocate(8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .putLong(value.number())
                        .array();
            case REG_SZ:
            case REG_EXPAND_SZ:
                return (value.text() + "\0").getBytes(StandardCharsets.UTF_16LE);
            case REG_MULTI_SZ:
                StringBuilder joined = new StringBuilder();
                value.texts().forEach(t -> joined.append(t).append('\0'));
                return joined.append('\0').toString().getBytes(StandardCharsets.UTF_16LE);
            default:
                return value.hex() == null ? new byte[0] : HexFormat.of().parseHex(value.hex());
        }
    }
}
