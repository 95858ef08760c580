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

    /** GetOEMCP and GetConsoleOutputCP (Wincon's, here so one small mapping is loaded) for the code pages. */
    private interface Kernel32CodePage extends Library {
        int GetOEMCP();

        int GetConsoleOutputCP();
    }

    private CodePages() {}

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

    /**
     * What standard output should be written in. A console shows its output code page (which {@code chcp} may have
     * set to 65001); redirected output is read by whoever captures it, which on Windows is PowerShell 5.1 decoding
     * in that same console code page, or else the OEM one; elsewhere the platform's encoding.
     *
     * @param console the charset of {@code System.console()}, or null when output is redirected
     */
    public static Charset forStandardOutput(Charset console) {
        int consoleCodePage = 0;
        if (Elevation.isWindows()) {
            try {
                consoleCodePage =
                        Native.load("kernel32", Kernel32CodePage.class).GetConsoleOutputCP();
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                consoleCodePage = 0;
            }
        }
        Charset fallback = Elevation.isWindows() ? oem() : Charset.defaultCharset();
        return choose(
                System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding")),
                console,
                consoleCodePage,
                fallback);
    }

    /** The decision of {@link #forStandardOutput}: the JDK's own word, the console's, its code page, the fallback. */
    static Charset choose(String stdoutEncoding, Charset console, int consoleCodePage, Charset fallback) {
        if (stdoutEncoding != null) {
            try {
                if (Charset.isSupported(stdoutEncoding)) {
                    return Charset.forName(stdoutEncoding);
                }
            } catch (IllegalArgumentException e) {
                // fall through to the console
            }
        }
        if (console != null) {
            return console;
        }
        return consoleCodePage > 0 ? forCodePage(consoleCodePage).orElse(fallback) : fallback;
    }

    /** Java's charset for a Windows code page number, if this runtime has it (jdk.charsets has the OEM ones). */
    static Optional<Charset> forCodePage(int codePage) {
        if (codePage == 65001) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        for (String name :
                new String[] {"cp" + codePage, "x-IBM" + codePage, "IBM" + codePage, "windows-" + codePage}) {
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
