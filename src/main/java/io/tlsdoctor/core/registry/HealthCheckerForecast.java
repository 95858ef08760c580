package io.tlsdoctor.core.registry;

import java.util.ArrayList;
import java.util.List;

/**
 * What Microsoft's HealthChecker will print in its TLS section for a snapshot, line by line, so an admin who runs it
 * after TLS Doctor is not surprised and Microsoft support's questions are answered in advance. HealthChecker's own
 * rules (see shared/reference/healthchecker-tls.md §2.4), including the quirks: the "TLS 1.3 is not disabled" line
 * ignores whether the build supports TLS 1.3, and a value left at its OS default is "NULL" and red.
 *
 * <p>The quoted lines are HealthChecker's own English wording: that is what the admin will see in its report.
 */
record HealthCheckerForecast(List<String> red, List<String> yellow, Tls13Row tls13Row, boolean labelled) {

    /** How HealthChecker colours the TLS 1.3 row when TLS 1.3 is enabled. */
    enum Tls13Row {
        /** TLS 1.3 is disabled (or absent, which HealthChecker reads as disabled): no red row. */
        NOT_RED,
        /** Enabled where Exchange does not support it: red. */
        RED,
        /** Enabled, and red or green depending on an Exchange build or Windows version the exports do not tell. */
        DEPENDS
    }

    private static final List<Protocol> LABELLED = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2);
    private static final List<WindowsServer> NO_TLS13_WINDOWS = List.of(
            WindowsServer.WS2008R2,
            WindowsServer.WS2012,
            WindowsServer.WS2012R2,
            WindowsServer.WS2016,
            WindowsServer.WS2019);

    static HealthCheckerForecast of(
            RegistrySnapshot snapshot, List<ProtocolResult> protocols, OsInfo os, ExchangeInfo exchange) {
        List<String> red = new ArrayList<>();
        List<String> yellow = new ArrayList<>();
        boolean labelled = false;
        boolean misconfigured = false;
        for (Protocol protocol : List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2, Protocol.TLS_1_3)) {
            HealthCheckerLabel label = protocols.get(protocol.ordinal()).label();
            if (label == null) {
                continue;
            }
            labelled = true;
            misconfigured |= label == HealthCheckerLabel.MISCONFIGURED;
            if (label == HealthCheckerLabel.MISCONFIGURED
                    || label == HealthCheckerLabel.HALF_DISABLED
                    || (protocol == Protocol.TLS_1_2 && label == HealthCheckerLabel.DISABLED)) {
                red.add(protocol.keyName() + ": " + label.text());
            } else if ((protocol == Protocol.TLS_1_0 || protocol == Protocol.TLS_1_1)
                    && label == HealthCheckerLabel.ENABLED) {
                yellow.add(protocol.keyName() + ": " + label.text());
            }
        }
        Tls13Row tls13Row = Tls13Row.NOT_RED;
        HealthCheckerLabel tls13 = protocols.get(Protocol.TLS_1_3.ordinal()).label();
        if (tls13 != null && tls13 != HealthCheckerLabel.DISABLED) {
            tls13Row = tls13Row(tls13, os, exchange);
            if (tls13Row == Tls13Row.RED) {
                red.add(Protocol.TLS_1_3.keyName() + ": " + tls13.text());
            }
            red.add(
                    "\"TLS 1.3 is not disabled and not supported currently on Exchange and is known to cause issues within the cluster.\"");
        }
        List<String> undefined = undefinedValues(snapshot);
        if (!undefined.isEmpty()) {
            red.add("\"Value should be defined in registry for consistent results.\" (" + String.join(", ", undefined)
                    + ")");
        }
        if (misconfigured) {
            red.add("\"Mismatch in TLS version for client and server.\"");
        }
        if (dotNetNotSetWithLegacyOff(snapshot, protocols)) {
            red.add("\"SystemDefaultTlsVersions or SchUseStrongCrypto is not set to the recommended value.\"");
        }
        boolean legacyOff = label(protocols, Protocol.TLS_1_0) == HealthCheckerLabel.DISABLED
                || label(protocols, Protocol.TLS_1_1) == HealthCheckerLabel.DISABLED;
        if (labelled && !legacyOff) {
            yellow.add("\"TLS hardening recommendations\"");
        }
        return new HealthCheckerForecast(List.copyOf(red), List.copyOf(yellow), tls13Row, labelled);
    }

    /**
     * HealthChecker's {@code $tls13Supported}: Windows Server 2022 or later (it counts an OS it cannot name as
     * supported, but on the server it always can) and Exchange 2019 CU15 or Exchange SE.
     */
    private static Tls13Row tls13Row(HealthCheckerLabel label, OsInfo os, ExchangeInfo exchange) {
        if (label != HealthCheckerLabel.ENABLED) {
            return Tls13Row.RED; // Misconfigured or Half Disabled are red whatever the build
        }
        if (os.known() && NO_TLS13_WINDOWS.contains(os.version())) {
            return Tls13Row.RED;
        }
        if (exchange == null) {
            return Tls13Row.DEPENDS;
        }
        ExchangeFacts.Product product = ExchangeFacts.get().product(exchange.major(), exchange.minor());
        boolean buildSupports = product != null
                && product.tls13MinimumBuild() != null
                && exchange.build() >= product.tls13MinimumBuild();
        if (!buildSupports) {
            return Tls13Row.RED;
        }
        return os.known() ? Tls13Row.NOT_RED : Tls13Row.DEPENDS;
    }

    /** HealthChecker names each missing value as "1.2 ClientDisabledByDefaultValue" or "v4.0.30319 WowSchUseStrongCryptoValue". */
    private static List<String> undefinedValues(RegistrySnapshot snapshot) {
        List<String> names = new ArrayList<>();
        for (Protocol protocol : LABELLED) {
            String version = protocol.keyName().substring("TLS ".length());
            for (Role role : List.of(Role.SERVER, Role.CLIENT)) {
                String path = RegistryPaths.protocol(protocol, role);
                if (!snapshot.covers(path)) {
                    continue;
                }
                String side = role == Role.SERVER ? "Server" : "Client";
                for (String value : List.of("Enabled", "DisabledByDefault")) {
                    if (snapshot.value(path, value) == null) {
                        names.add(version + " " + side + value + "Value");
                    }
                }
            }
        }
        for (RegistryView view : RegistryView.values()) {
            String path = RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, view);
            if (!snapshot.covers(path)) {
                continue;
            }
            String prefix = view == RegistryView.WOW6432NODE ? "Wow" : "";
            for (String value : List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto")) {
                if (snapshot.value(path, value) == null) {
                    names.add(RegistryPaths.DOTNET_V4 + " " + prefix + value + "Value");
                }
            }
        }
        return names;
    }

    /** Shown when TLS 1.0 or 1.1 is Disabled and any of the four v4 values is not exactly 1. */
    private static boolean dotNetNotSetWithLegacyOff(RegistrySnapshot snapshot, List<ProtocolResult> protocols) {
        boolean legacyOff = label(protocols, Protocol.TLS_1_0) == HealthCheckerLabel.DISABLED
                || label(protocols, Protocol.TLS_1_1) == HealthCheckerLabel.DISABLED;
        if (!legacyOff) {
            return false;
        }
        for (RegistryView view : RegistryView.values()) {
            String path = RegistryPaths.dotNet(RegistryPaths.DOTNET_V4, view);
            if (!snapshot.covers(path)) {
                return false; // not exported: the .NET finding already says so, and nothing can be foretold
            }
            for (String value : List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto")) {
                RegistryValue raw = snapshot.value(path, value);
                if (raw == null || !raw.isDword() || raw.number() != 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static HealthCheckerLabel label(List<ProtocolResult> protocols, Protocol protocol) {
        return protocols.get(protocol.ordinal()).label();
    }
}
