package io.tlsdoctor.platform.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes .reg files the way {@code reg export} does: UTF-16LE with a BOM, CRLF, a blank line before each key. */
final class RegExport {

    static final String HKLM = "HKEY_LOCAL_MACHINE";
    static final String SCHANNEL = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    static final String PROTOCOLS = SCHANNEL + "\\Protocols";
    static final String OS = HKLM + "\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";

    private final StringBuilder text = new StringBuilder(RegFileParser.HEADER_V5 + "\r\n");

    static RegExport create() {
        return new RegExport();
    }

    /** The SCHANNEL export with no protocol keys at all, as on a server nobody has touched. */
    static RegExport untouchedSchannel() {
        return create().key(SCHANNEL)
                .dword("EventLogging", 1)
                .key(SCHANNEL + "\\Ciphers")
                .key(SCHANNEL + "\\CipherSuites")
                .key(SCHANNEL + "\\Hashes")
                .key(SCHANNEL + "\\KeyExchangeAlgorithms")
                .key(PROTOCOLS);
    }

    RegExport key(String path) {
        text.append("\r\n[").append(path).append("]\r\n");
        return this;
    }

    RegExport deleteKey(String path) {
        text.append("\r\n[-").append(path).append("]\r\n");
        return this;
    }

    RegExport dword(String name, long value) {
        return line("\"" + name + "\"=dword:" + String.format(Locale.ROOT, "%08x", value));
    }

    RegExport string(String name, String value) {
        return line("\"" + name + "\"=\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
    }

    RegExport line(String line) {
        text.append(line).append("\r\n");
        return this;
    }

    /** One protocol side; a {@code null} value is left out, as when it was never set. */
    RegExport protocol(String protocol, String side, Long enabled, Long disabledByDefault) {
        key(PROTOCOLS + "\\" + protocol);
        key(PROTOCOLS + "\\" + protocol + "\\" + side);
        if (disabledByDefault != null) {
            dword("DisabledByDefault", disabledByDefault);
        }
        if (enabled != null) {
            dword("Enabled", enabled);
        }
        return this;
    }

    RegExport both(String protocol, Long enabled, Long disabledByDefault) {
        return protocol(protocol, "Client", enabled, disabledByDefault)
                .protocol(protocol, "Server", enabled, disabledByDefault);
    }

    /** The OS key as reg export writes it (abridged: the values the check reads and a few neighbours). */
    RegExport os(String productName, String build, long ubr) {
        return key(OS).string("SystemRoot", "C:\\Windows")
                .string("BuildBranch", "rs5_release")
                .string("CurrentBuild", build)
                .string("CurrentBuildNumber", build)
                .string("InstallationType", "Server")
                .string("ProductName", productName)
                .dword("UBR", ubr);
    }

    String text() {
        return text.toString();
    }

    Path writeUtf16(Path dir, String name) {
        return write(dir, name, "\uFEFF" + text, StandardCharsets.UTF_16LE);
    }

    static Path write(Path dir, String name, String content, Charset charset) {
        try {
            return Files.write(dir.resolve(name), content.getBytes(charset));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
