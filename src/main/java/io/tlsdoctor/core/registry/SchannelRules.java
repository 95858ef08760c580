package io.tlsdoctor.core.registry;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** How SChannel and HealthChecker read the {@code Enabled}/{@code DisabledByDefault} pair. */
final class SchannelRules {

    private SchannelRules() {}

    /**
     * Windows semantics for a value SChannel reads: any non-zero DWORD is true. Other types are treated as if
     * absent, because SChannel reads DWORDs; the evaluation flags them separately.
     */
    static Boolean windowsBoolean(RegistryValue value) {
        if (value == null || !value.isDword()) {
            return null;
        }
        return value.number() != 0;
    }

    /** What SChannel does given the OS default and the values that are present ({@code null} = absent). */
    static SchannelState state(SchannelState osDefault, Boolean enabled, Boolean disabledByDefault) {
        if (osDefault == SchannelState.NOT_SUPPORTED) {
            return SchannelState.NOT_SUPPORTED;
        }
        boolean on = enabled != null ? enabled : osDefault != SchannelState.DISABLED;
        boolean byDefaultOff = disabledByDefault != null ? disabledByDefault : osDefault != SchannelState.ENABLED;
        if (!on) {
            return SchannelState.DISABLED;
        }
        return byDefaultOff ? SchannelState.DISABLED_BY_DEFAULT : SchannelState.ENABLED;
    }

    /** The states the OS candidates would give; one element when they agree. */
    static Set<SchannelState> states(
            List<WindowsServer> candidates, Protocol protocol, Role role, Boolean enabled, Boolean disabledByDefault) {
        Set<SchannelState> states = EnumSet.noneOf(SchannelState.class);
        for (WindowsServer os : candidates) {
            states.add(state(OsDefaults.get().of(os).state(protocol, role), enabled, disabledByDefault));
        }
        return states;
    }

    /**
     * HealthChecker's "is non-zero" on a raw value. It does no type check and compares with PowerShell's
     * {@code -ne 0}, which for a string compares with "0".
     */
    private static boolean hcNonZero(RegistryValue value) {
        if (value.number() != null) {
            return value.number() != 0;
        }
        if (value.text() != null) {
            return !value.text().equals("0");
        }
        return true;
    }

    private static boolean hcIsZero(RegistryValue value) {
        return !hcNonZero(value);
    }

    /** HealthChecker's Enabled boolean: absent is true for TLS 1.0 to 1.2 and false for TLS 1.3, on every OS. */
    static boolean hcEnabled(Protocol protocol, RegistryValue enabled) {
        if (enabled == null) {
            return protocol != Protocol.TLS_1_3;
        }
        return hcNonZero(enabled);
    }

    /** HealthChecker's DisabledByDefault boolean: true only when present and non-zero. */
    static boolean hcDisabledByDefault(RegistryValue disabledByDefault) {
        return disabledByDefault != null && hcNonZero(disabledByDefault);
    }

    /**
     * HealthChecker's label, reproduced rule by rule (later rules win) so the wizard and Microsoft support agree,
     * including its quirks: Half Disabled looks at the Server side only.
     */
    static HealthCheckerLabel hcLabel(Protocol protocol, SideResult client, SideResult server) {
        boolean serverEnabled = hcEnabled(protocol, server.enabled());
        boolean clientEnabled = hcEnabled(protocol, client.enabled());
        boolean serverDbd = hcDisabledByDefault(server.disabledByDefault());
        boolean clientDbd = hcDisabledByDefault(client.disabledByDefault());
        HealthCheckerLabel label = HealthCheckerLabel.ENABLED;
        if (!serverEnabled
                && (serverDbd || server.disabledByDefault() == null)
                && !clientEnabled
                && (clientDbd || client.disabledByDefault() == null)) {
            label = HealthCheckerLabel.DISABLED;
        }
        if ((!serverEnabled && server.disabledByDefault() != null && hcIsZero(server.disabledByDefault()))
                || (serverEnabled && serverDbd)) {
            label = HealthCheckerLabel.HALF_DISABLED;
        }
        if (serverEnabled != clientEnabled || serverDbd != clientDbd) {
            label = HealthCheckerLabel.MISCONFIGURED;
        }
        return label;
    }
}
