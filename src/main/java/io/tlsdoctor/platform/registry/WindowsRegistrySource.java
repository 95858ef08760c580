package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.Kernel32;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live source: reads this Windows computer's registry through JNA, with the value types. SOFTWARE keys named
 * {@code SOFTWARE\Wow6432Node\...} are read through the 32-bit view ({@code KEY_WOW64_32KEY}) and everything else
 * through the 64-bit view, so a 32-bit JVM reads the same keys as a 64-bit one and the snapshot names them as
 * {@code reg export} would. Reading needs no elevation; a key Windows refuses is marked unreadable, not fatal.
 */
public final class WindowsRegistrySource implements RegistrySource {

    private static final String WOW = "SOFTWARE\\WOW6432NODE\\";
    private static final List<String> ROOTS =
            List.of("HKEY_LOCAL_MACHINE", "HKEY_CURRENT_USER", "HKEY_USERS", "HKEY_CLASSES_ROOT");
    private static final Map<String, String> SHORT_ROOTS = Map.of(
            "HKLM",
            "HKEY_LOCAL_MACHINE",
            "HKCU",
            "HKEY_CURRENT_USER",
            "HKU",
            "HKEY_USERS",
            "HKCR",
            "HKEY_CLASSES_ROOT");

    private final List<RegistryPaths.LiveRead> reads;
    private final RegistryHive hive;
    /** The computer read, as the snapshot names it; null for this one (COMPUTERNAME). */
    private final String remoteComputer;

    /** Reads what the registry check needs. */
    public WindowsRegistrySource() {
        this(RegistryPaths.liveReads());
    }

    /** Reads the given keys; tests use keys under HKEY_CURRENT_USER. */
    public WindowsRegistrySource(List<RegistryPaths.LiveRead> reads) {
        this(reads, null);
    }

    WindowsRegistrySource(List<RegistryPaths.LiveRead> reads, RegistryHive hive) {
        this(reads, hive, null);
    }

    private WindowsRegistrySource(List<RegistryPaths.LiveRead> reads, RegistryHive hive, String remoteComputer) {
        this.reads = List.copyOf(reads);
        this.hive = hive;
        this.remoteComputer = remoteComputer;
    }

    /**
     * Another computer's registry through the Remote Registry service (HealthChecker's way), with the user's own
     * sign-in: {@code RegConnectRegistry(\\server, HKLM)}. The connection is made here, so a server that is down,
     * whose Remote Registry service is stopped, or that denies this user fails at once with the reason; {@link #collect()}
     * then reads the same keys as on this computer.
     *
     * @throws RegistryReadException {@code registry.remote.denied} (error 5), {@code registry.remote.unreachable}
     *                               (anything else: 53 no network path, 1722 RPC server unavailable...)
     */
    public static RemoteRead remote(String server) throws RegistryReadException {
        if (!isAvailable()) {
            throw new RegistryReadException("registry.live.unavailable", List.of(), null);
        }
        com.sun.jna.platform.win32.WinReg.HKEYByReference machine =
                new com.sun.jna.platform.win32.WinReg.HKEYByReference();
        int rc = com.sun.jna.platform.win32.Advapi32.INSTANCE.RegConnectRegistry(
                "\\\\" + server, com.sun.jna.platform.win32.WinReg.HKEY_LOCAL_MACHINE, machine);
        if (rc != 0) {
            String reason = com.sun.jna.platform.win32.Kernel32Util.formatMessageFromLastErrorCode(rc)
                    .strip();
            throw new RegistryReadException(
                    rc == 5 ? "registry.remote.denied" : "registry.remote.unreachable",
                    List.of(server, reason + " (" + rc + ")"),
                    null);
        }
        return new RemoteRead(
                new WindowsRegistrySource(RegistryPaths.liveReads(), new JnaRegistryHive(machine.getValue()), server),
                machine.getValue());
    }

    /** A connected remote registry: read it, then close it. */
    public static final class RemoteRead implements RegistrySource, AutoCloseable {
        private final WindowsRegistrySource source;
        private final com.sun.jna.platform.win32.WinReg.HKEY machine;

        private RemoteRead(WindowsRegistrySource source, com.sun.jna.platform.win32.WinReg.HKEY machine) {
            this.source = source;
            this.machine = machine;
        }

        @Override
        public RegistrySnapshot collect() throws RegistryReadException {
            return source.collect();
        }

        @Override
        public void close() {
            com.sun.jna.platform.win32.Advapi32.INSTANCE.RegCloseKey(machine);
        }
    }

    /** Whether this JVM runs on Windows, the only place the live registry exists. */
    public static boolean isAvailable() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }

    @Override
    public RegistrySnapshot collect() throws RegistryReadException {
        if (hive == null && !isAvailable()) {
            throw new RegistryReadException("registry.live.unavailable", List.of(), null);
        }
        RegistryHive registry = hive != null ? hive : new JnaRegistryHive();
        List<RegistryKey> keys = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (RegistryPaths.LiveRead read : reads) {
            covered.add(read.path()); // live, an absent key really is absent (unless it was unreadable)
            readKey(registry, read.path(), read.subtree(), keys, unreadable);
        }
        Instant now = Instant.now();
        // another computer's boot time is not in its registry: unknown, rather than this computer's
        Instant lastBoot =
                hive != null || remoteComputer != null ? null : now.minusMillis(Kernel32.INSTANCE.GetTickCount64());
        String computer =
                remoteComputer != null ? remoteComputer : System.getenv().getOrDefault("COMPUTERNAME", "this computer");
        return RegistrySnapshot.of(SnapshotOrigin.LIVE, List.of(computer), now, lastBoot, covered, keys, unreadable);
    }

    /**
     * One key and, for a subtree, everything below it. A key Windows refuses (access denied: some admins lock
     * SCHANNEL subkeys) is noted as unreadable and the walk goes on, so one key does not cost the whole snapshot.
     */
    private static void readKey(
            RegistryHive registry, String path, boolean subtree, List<RegistryKey> out, List<String> unreadable) {
        int slash = path.indexOf('\\');
        String root = slash < 0 ? null : canonicalRoot(path.substring(0, slash));
        if (root == null) {
            throw new IllegalArgumentException("not a readable registry path: " + path);
        }
        String subKey = path.substring(slash + 1);
        boolean wow32 = false;
        if (subKey.toUpperCase(Locale.ROOT).startsWith(WOW)) {
            subKey = "SOFTWARE\\" + subKey.substring(WOW.length());
            wow32 = true;
        }
        Optional<RegistryHive.Content> content;
        try {
            content = registry.read(root, subKey, wow32);
        } catch (RegistryHive.Unreadable e) {
            unreadable.add(path);
            return;
        }
        if (content.isEmpty()) {
            return;
        }
        out.add(new RegistryKey(path, content.get().lastWritten(), content.get().values()));
        if (subtree) {
            for (String child : content.get().children()) {
                readKey(registry, path + "\\" + child, true, out, unreadable);
            }
        }
    }

    /** Roots as Windows treats them, whatever their case: hkey_local_machine and HKLM are HKEY_LOCAL_MACHINE. */
    static String canonicalRoot(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (ROOTS.contains(upper)) {
            return upper;
        }
        return SHORT_ROOTS.get(upper);
    }

    static RegistryValue convert(int typeCode, byte[] data) {
        RegistryValueType type = RegistryValueType.ofCode(typeCode);
        ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (type == null) {
            return RegistryValue.bytes(RegistryValueType.REG_NONE, data);
        }
        switch (type) {
            case REG_DWORD:
                return data.length == 4
                        ? RegistryValue.dword(Integer.toUnsignedLong(buffer.getInt()))
                        : RegistryValue.bytes(RegistryValueType.REG_BINARY, data);
            case REG_QWORD:
                return data.length == 8
                        ? RegistryValue.qword(buffer.getLong())
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
