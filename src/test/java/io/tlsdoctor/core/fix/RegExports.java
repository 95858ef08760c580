package io.tlsdoctor.core.fix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Builds .reg export files the way reg export writes them (UTF-16LE with BOM, CRLF), for fix tests. */
final class RegExports {

    static final String HKLM = "HKEY_LOCAL_MACHINE";
    static final String SCHANNEL = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    static final String PROTOCOLS = SCHANNEL + "\\Protocols";
    static final String OS = HKLM + "\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    static final String DOTNET4 = HKLM + "\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319";
    static final String DOTNET4_WOW = HKLM + "\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319";

    private final StringBuilder text = new StringBuilder("Windows Registry Editor Version 5.00\r\n");

    static RegExports create() {
        return new RegExports().key(SCHANNEL).key(PROTOCOLS);
    }

    RegExports key(String path) {
        text.append("\r\n[").append(path).append("]\r\n");
        return this;
    }

    RegExports dword(String name, long value) {
        text.append('"')
                .append(name)
                .append("\"=dword:")
                .append(String.format(Locale.ROOT, "%08x", value))
                .append("\r\n");
        return this;
    }

    RegExports string(String name, String value) {
        text.append('"').append(name).append("\"=\"").append(value).append("\"\r\n");
        return this;
    }

    /** One SCHANNEL side; null leaves the value out. */
    RegExports side(String protocol, String role, Long enabled, Long disabledByDefault) {
        key(PROTOCOLS + "\\" + protocol).key(PROTOCOLS + "\\" + protocol + "\\" + role);
        if (enabled != null) {
            dword("Enabled", enabled);
        }
        if (disabledByDefault != null) {
            dword("DisabledByDefault", disabledByDefault);
        }
        return this;
    }

    RegExports os(String productName, String build) {
        return key(OS).string("ProductName", productName)
                .string("CurrentBuild", build)
                .string("InstallationType", "Server");
    }

    RegExports dotNet(long value) {
        return key(DOTNET4)
                .dword("SystemDefaultTlsVersions", value)
                .dword("SchUseStrongCrypto", value)
                .key(DOTNET4_WOW)
                .dword("SystemDefaultTlsVersions", value)
                .dword("SchUseStrongCrypto", value);
    }

    Path write(Path file) throws IOException {
        return Files.write(file, RegFileText.bytes(text.append("\r\n").toString()));
    }
}
