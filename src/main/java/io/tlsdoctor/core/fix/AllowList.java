package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.registry.Protocol;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.registry.RegistryView;
import io.tlsdoctor.core.registry.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only values a plan may touch, and the data each may take: the SCHANNEL protocol switches, the .NET strong
 * crypto values (both views, v2 and v4) and WinHTTP's DefaultSecureProtocols. Anything else in a plan file is
 * refused before a single value is read.
 */
public final class AllowList {

    private static final Set<String> SCHANNEL_NAMES = Set.of("enabled", "disabledbydefault");
    private static final Set<String> DOTNET_NAMES = Set.of("systemdefaulttlsversions", "schusestrongcrypto");
    /** SSL 2.0/3.0, TLS 1.0/1.1/1.2/1.3 bits of DefaultSecureProtocols. */
    private static final long WINHTTP_BITS = 0x8L | 0x20L | 0x80L | 0x200L | 0x800L | 0x2000L;

    private static final Map<String, Kind> KEYS = new LinkedHashMap<>();

    private enum Kind {
        SCHANNEL,
        DOTNET,
        WINHTTP
    }

    static {
        for (Protocol protocol : Protocol.values()) {
            for (Role role : Role.values()) {
                KEYS.put(lower(RegistryPaths.protocol(protocol, role)), Kind.SCHANNEL);
            }
        }
        for (RegistryView view : RegistryView.values()) {
            KEYS.put(lower(RegistryPaths.dotNet(RegistryPaths.DOTNET_V2, view)), Kind.DOTNET);
            KEYS.put(lower(RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, view)), Kind.DOTNET);
            KEYS.put(lower(RegistryPaths.winHttp(view)), Kind.WINHTTP);
        }
    }

    private AllowList() {}

    /** Every key a plan may name, as .reg files spell them. */
    public static List<String> keys() {
        return List.copyOf(KEYS.keySet());
    }

    /** The place alone: a backup may restore whatever type the admin had there, but only at these places. */
    public static void checkLocation(RegistryLocation location) throws FixPlanException {
        kindOf(location);
    }

    private static Kind kindOf(RegistryLocation location) throws FixPlanException {
        Kind kind = KEYS.get(lower(location.keyPath()));
        String name = lower(location.name());
        boolean nameAllowed = kind != null
                && switch (kind) {
                    case SCHANNEL -> SCHANNEL_NAMES.contains(name);
                    case DOTNET -> DOTNET_NAMES.contains(name);
                    case WINHTTP -> name.equals("defaultsecureprotocols");
                };
        if (!nameAllowed) {
            throw new FixPlanException("fix.error.notAllowed", location.toString());
        }
        return kind;
    }

    public static void check(RegistryLocation location, RegistryValue target) throws FixPlanException {
        Kind kind = kindOf(location);
        if (!target.isDword()) {
            throw new FixPlanException("fix.error.notDword", location.toString(), target.display());
        }
        long value = target.number();
        boolean valueAllowed =
                kind == Kind.WINHTTP ? value != 0 && (value & ~WINHTTP_BITS) == 0 : value == 0 || value == 1;
        if (kind == Kind.SCHANNEL && lower(location.keyPath()).contains("\\tls 1.2\\")) {
            // TLS 1.2 is what mail to Exchange Online needs: no plan file may switch it off.
            valueAllowed = lower(location.name()).equals("enabled") ? value == 1 : value == 0;
        }
        if (!valueAllowed) {
            throw new FixPlanException("fix.error.badValue", location.toString(), target.display());
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
