package io.tlsdoctor.platform.windows;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The code pages Windows console programs write in. {@code shutdown.exe} and Windows PowerShell write to a pipe in
 * the OEM code page (850 on a Swedish or most western European Windows, 437 on a US one), not in UTF-8 and not in
 * the ANSI code page Java takes as its default.
 */
public final class CodePages {

    /** GetOEMCP is not in JNA's Kernel32 mapping. */
    private interface Kernel32CodePage extends Library {
        int GetOEMCP();
    }

    private CodePages() {
    }

    /** The OEM code page's charset on Windows; elsewhere the platform's own encoding, which is what programs write. */
    public static Charset oem() {
        if (Elevation.isWindows()) {
            try {
                int codePage = Native.load("kernel32", Kernel32CodePage.class).GetOEMCP();
                Optional<Charset> charset = forCodePage(codePage);
                if (charset.isPresent()) {
                    return charset.get();
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // no kernel32 mapping: fall through to what the JVM thinks the platform uses
            }
        }
        return nativeEncoding();
    }

    /** Java's charset for a Windows code page number, if this runtime has it (jdk.charsets has the OEM ones). */
    static Optional<Charset> forCodePage(int codePage) {
        if (codePage == 65001) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        for (String name : new String[] {"cp" + codePage, "x-IBM" + codePage, "IBM" + codePage, "windows-" + codePage}) {
            try {
                if (Charset.isSupported(name)) {
                    return Optional.of(Charset.forName(name));
                }
            } catch (IllegalArgumentException e) {
                // an illegal name for this runtime: try the next spelling
            }
        }
        return Optional.empty();
    }

    static Charset nativeEncoding() {
        String name = System.getProperty("native.encoding");
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : Charset.defaultCharset();
        } catch (IllegalArgumentException e) {
            return Charset.defaultCharset();
        }
    }
}
