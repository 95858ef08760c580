package io.tlsdoctor.platform.registry;

import com.sun.jna.platform.win32.WinNT;
import com.sun.jna.platform.win32.WinReg;
import java.util.Locale;
import java.util.Map;

/**
 * A .reg-style key path resolved for the Win32 API: the root handle, the sub key, and the registry view. A path
 * spelt {@code SOFTWARE\Wow6432Node\...} is opened as {@code SOFTWARE\...} in the 32-bit view (Microsoft says never
 * to use Wow6432Node directly); everything else in the 64-bit view.
 */
record WindowsKeyPath(WinReg.HKEY root, String subKey, int view) {

    private static final String WOW = "SOFTWARE\\WOW6432NODE\\";
    private static final Map<String, WinReg.HKEY> ROOTS = Map.of(
            "HKEY_LOCAL_MACHINE", WinReg.HKEY_LOCAL_MACHINE,
            "HKEY_CURRENT_USER", WinReg.HKEY_CURRENT_USER,
            "HKEY_USERS", WinReg.HKEY_USERS,
            "HKEY_CLASSES_ROOT", WinReg.HKEY_CLASSES_ROOT);

    static WindowsKeyPath of(String path) {
        int slash = path.indexOf('\\');
        WinReg.HKEY root = slash < 0 ? null : ROOTS.get(path.substring(0, slash).toUpperCase(Locale.ROOT));
        if (root == null) {
            throw new IllegalArgumentException("not a registry path this tool writes: " + path);
        }
        String subKey = path.substring(slash + 1);
        if (subKey.toUpperCase(Locale.ROOT).startsWith(WOW)) {
            return new WindowsKeyPath(root, "SOFTWARE\\" + subKey.substring(WOW.length()), WinNT.KEY_WOW64_32KEY);
        }
        return new WindowsKeyPath(root, subKey, WinNT.KEY_WOW64_64KEY);
    }
}
