package io.tlsdoctor.core.registry;

import java.util.List;

/** The registry locations the check reads, in the full form .reg files use. */
public final class RegistryPaths {

    public static final String HKLM = "HKEY_LOCAL_MACHINE";
    public static final String SCHANNEL = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL";
    public static final String PROTOCOLS = SCHANNEL + "\\Protocols";
    public static final String DOTNET_V2 = "v2.0.50727";
    public static final String DOTNET_V4 = "v4.0.30319";
    public static final String CIPHER_POLICY =
            HKLM + "\\SOFTWARE\\Policies\\Microsoft\\Cryptography\\Configuration\\SSL\\00010002";
    public static final String CIPHER_LOCAL =
            HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\Cryptography\\Configuration\\Local\\SSL\\00010002";
    public static final String OS = HKLM + "\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion";
    public static final String EXCHANGE_SETUP = HKLM + "\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup";
    public static final String EXCHANGE_2010_SETUP = HKLM + "\\SOFTWARE\\Microsoft\\ExchangeServer\\v14\\Setup";
    public static final String SESSION_MANAGER = HKLM + "\\SYSTEM\\CurrentControlSet\\Control\\Session Manager";
    public static final String UPDATE_EXE_VOLATILE = HKLM + "\\SOFTWARE\\Microsoft\\Updates\\UpdateExeVolatile";
    public static final String CBS_REBOOT_PENDING =
            HKLM + "\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Component Based Servicing\\RebootPending";
    public static final String WU_REBOOT_REQUIRED =
            HKLM + "\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\WindowsUpdate\\Auto Update\\RebootRequired";

    private RegistryPaths() {}

    public static String protocol(Protocol protocol, Role role) {
        return PROTOCOLS + "\\" + protocol.keyName() + "\\" + role.keyName();
    }

    public static String dotNet(String version, RegistryView view) {
        return HKLM + "\\SOFTWARE\\" + view.infix() + "Microsoft\\.NETFramework\\" + version;
    }

    public static String winHttp(RegistryView view) {
        return HKLM + "\\SOFTWARE\\" + view.infix() + "Microsoft\\Windows\\CurrentVersion\\Internet Settings\\WinHttp";
    }

    /** One key the live source reads; {@code subtree} also reads every key below it. */
    public record LiveRead(String path, boolean subtree) {}

    /** What the live source reads: everything the evaluation looks at, and nothing else. */
    public static List<LiveRead> liveReads() {
        List<LiveRead> reads = new java.util.ArrayList<>();
        reads.add(new LiveRead(SCHANNEL, true));
        for (RegistryView view : RegistryView.values()) {
            reads.add(new LiveRead(dotNet(DOTNET_V2, view), false));
            reads.add(new LiveRead(dotNet(DOTNET_V4, view), false));
            reads.add(new LiveRead(winHttp(view), false));
        }
        reads.add(new LiveRead(CIPHER_POLICY, false));
        reads.add(new LiveRead(CIPHER_LOCAL, false));
        reads.add(new LiveRead(OS, false));
        reads.add(new LiveRead(EXCHANGE_SETUP, false));
        reads.add(new LiveRead(EXCHANGE_2010_SETUP, false));
        reads.add(new LiveRead(SESSION_MANAGER, false));
        reads.add(new LiveRead(UPDATE_EXE_VOLATILE, false));
        reads.add(new LiveRead(CBS_REBOOT_PENDING, false));
        reads.add(new LiveRead(WU_REBOOT_REQUIRED, false));
        return List.copyOf(reads);
    }
}
