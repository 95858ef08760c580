package io.tlsdoctor.platform.windows;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;
import com.sun.jna.win32.StdCallLibrary;

/**
 * Windows' own message box, for an error before JavaFX is up: the wizard's launcher has no console, so without
 * it a failed start would vanish without a word.
 */
public final class NativeMessageBox {

    private static final int MB_OK = 0x0;
    private static final int MB_ICONERROR = 0x10;
    private static final int MB_SETFOREGROUND = 0x10000;

    /** MessageBoxW is not in JNA's User32 mapping. */
    private interface User32Box extends StdCallLibrary {
        int MessageBoxW(Pointer owner, WString text, WString caption, int type);
    }

    private NativeMessageBox() {}

    /** Shows {@code text} and waits for OK; false when there is no Windows desktop to show it on. */
    public static boolean showError(String caption, String text) {
        if (!Elevation.isWindows()) {
            return false;
        }
        try {
            return Native.load("user32", User32Box.class)
                            .MessageBoxW(
                                    null,
                                    new WString(text),
                                    new WString(caption),
                                    MB_OK | MB_ICONERROR | MB_SETFOREGROUND)
                    != 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }
}
