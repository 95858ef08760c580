package io.tlsdoctor.core.registry;

import java.util.List;

/**
 * The {@code reg export} commands that collect everything the check reads, for a server where TLS Doctor cannot
 * run. Each exports a key that exists on every Exchange server (a parent where the interesting key is often
 * absent), because {@code reg export} fails on a missing key and an export tells us a value is absent only if its
 * key or a parent was exported.
 */
public final class RegistryExports {

    /**
     * One export: the key as {@code reg.exe} spells it and the file to write. {@code /reg:64}: a 32-bit prompt
     * (SysWOW64's cmd, a 32-bit management agent) would otherwise export the WOW view of SOFTWARE without a word.
     */
    public record Export(String key, String file) {
        public String command() {
            return "reg export \"" + key + "\" " + file + " /y /reg:64";
        }

        /**
         * The key in the full form .reg files and {@link RegistryPaths} use (HKEY_LOCAL_MACHINE\...). Only
         * RegistryExportsTest calls it: it proves every key the live read looks at lies under one of these exports.
         */
        public String fullKey() {
            return key.startsWith("HKLM\\") ? RegistryPaths.HKLM + key.substring(4) : key;
        }
    }

    private static final List<Export> EXPORTS = List.of(
            new Export("HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL", "schannel.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\.NETFramework", "dotnet.reg"),
            new Export("HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework", "dotnet-wow.reg"),
            new Export(
                    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Internet Settings", "internet-settings.reg"),
            new Export(
                    "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\Windows\\CurrentVersion\\Internet Settings",
                    "internet-settings-wow.reg"),
            new Export(
                    "HKLM\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL", "ciphers.reg"),
            new Export("HKLM\\SOFTWARE\\Policies\\Microsoft", "policies.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion", "os.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\ExchangeServer", "exchange.reg"),
            new Export("HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager", "session-manager.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate", "windows-update.reg"),
            // the parent, Component Based Servicing, holds every package and runs to tens of megabytes: the key
            // itself, absent (and so "not found") unless a restart is pending
            new Export(
                    "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending",
                    "cbs-reboot-pending.reg"),
            new Export("HKLM\\SOFTWARE\\Microsoft\\Updates", "updates.reg"));

    private RegistryExports() {}

    /** Whether {@code fileName} is one of the files these commands write (a key "not found" writes none). */
    public static boolean isExportFile(String fileName) {
        return EXPORTS.stream().anyMatch(export -> export.file().equalsIgnoreCase(fileName));
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
