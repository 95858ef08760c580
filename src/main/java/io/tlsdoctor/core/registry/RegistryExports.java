package io.tlsdoctor.core.registry;

import java.util.List;

/**
 * The {@code reg export} commands that collect everything the check reads, for a server where TLS Doctor cannot
 * run. Each exports a key that exists on every Exchange server (a parent where the interesting key is often
 * absent), because {@code reg export} fails on a missing key and an export tells us a value is absent only if its
 * key or a parent was exported.
 */
public final class RegistryExports {

    /** One export: the key as {@code reg.exe} spells it and the file to write. */
    public record Export(String key, String file) {
        public String command() {
            return "reg export \"" + key + "\" " + file + " /y";
        }
    }

    private static final List<Export> EXPORTS = List.of(
            new Export("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL", "schannel.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "dotnet.reg"),
            new Export("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework", "dotnet-wow.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "internet-settings.reg"),
            new Export("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "internet-settings-wow.reg"),
            new Export("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL", "ciphers.reg"),
            new Export("HKLM\\SOFTWARE\\Policies\\Microsoft", "policies.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "os.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer", "exchange.reg"),
            new Export("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager", "session-manager.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate", "windows-update.reg"));

    private RegistryExports() {
    }

    public static List<Export> all() {
        return EXPORTS;
    }

    /** The matching {@code tlsdoctor registry --reg-file ...} line. */
    public static String checkCommand() {
        StringBuilder command = new StringBuilder("tlsdoctor registry");
        for (Export export : EXPORTS) {
            command.append(" --reg-file ").append(export.file());
        }
        return command.toString();
    }
}
