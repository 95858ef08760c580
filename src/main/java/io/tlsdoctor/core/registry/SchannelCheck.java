package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.List;

/** The SChannel protocols: TLS 1.2 on both sides, the sides agreeing, what HealthChecker will show, old protocols, TLS 1.3. */
final class SchannelCheck extends AreaCheck {

    SchannelCheck(RegistryEvaluation evaluation) {
        super(evaluation);
    }

    @Override
    void run() {
        ProtocolResult tls12 = protocols.get(Protocol.TLS_1_2.ordinal());
        tls12Finding(tls12.client(), RegistryReport.TLS12_CLIENT);
        tls12Finding(tls12.server(), RegistryReport.TLS12_SERVER);
        mismatch();
        healthCheckerLabels();
        legacy();
        tls13(protocols.get(Protocol.TLS_1_3.ordinal()));
    }

    private static final List<Protocol> TLS =
            List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2, Protocol.TLS_1_3);
    private static final List<Protocol> LEGACY =
            List.of(Protocol.SSL_2_0, Protocol.SSL_3_0, Protocol.TLS_1_0, Protocol.TLS_1_1);

    private void tls12Finding(SideResult side, String id) {
        List<Evidence> evidence = List.of(
                new Evidence(side.path(), "Enabled", side.enabled()),
                new Evidence(side.path(), "DisabledByDefault", side.disabledByDefault()));
        Object[] args = {shown(side.enabled()), shown(side.disabledByDefault()), side.path(), osName()};
        if (!side.covered()) {
            add(id, "notExported", FindingStatus.INFO, evidence, false, args);
            return;
        }
        switch (side.state()) {
            case ENABLED ->
                add(
                        id,
                        side.fromOsDefaults() ? "enabledDefault" : "enabled",
                        FindingStatus.PASS,
                        evidence,
                        false,
                        args);
            case DISABLED -> add(id, "disabled", FindingStatus.FAIL, evidence, false, args);
            case DISABLED_BY_DEFAULT -> add(id, "disabledByDefault", FindingStatus.FAIL, evidence, false, args);
            default -> add(id, "unknownOs", FindingStatus.INFO, evidence, true, args);
        }
    }

    private void mismatch() {
        List<LocalizedText> differing = new ArrayList<>();
        List<LocalizedText> unknown = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        boolean dependsOnOs = false;
        for (Protocol protocol : TLS) {
            ProtocolResult result = protocols.get(protocol.ordinal());
            SchannelState client = result.client().state();
            SchannelState server = result.server().state();
            if (client == SchannelState.UNKNOWN || server == SchannelState.UNKNOWN) {
                unknown.add(FindingTexts.literal(protocol.keyName()));
                dependsOnOs |= result.client().dependsOnOs() || result.server().dependsOnOs();
            } else if (client != server) {
                differing.add(FindingTexts.format(
                        texts.word("protocolSides"),
                        protocol.keyName(),
                        texts.word("state." + client),
                        texts.word("state." + server)));
                evidence.addAll(sideEvidence(result));
            }
        }
        if (!differing.isEmpty()) {
            add("tls.mismatch", "found", FindingStatus.WARN, evidence, false, FindingTexts.join(differing, "; "));
        } else if (!unknown.isEmpty()) {
            add("tls.mismatch", "unknown", FindingStatus.INFO, evidence, dependsOnOs, FindingTexts.join(unknown, ", "));
        } else {
            add("tls.mismatch", "none", FindingStatus.PASS, evidence, false);
        }
    }

    /** Every red and yellow line of HealthChecker's TLS section, not only its version labels. */
    private void healthCheckerLabels() {
        String id = "healthchecker.labels";
        List<Evidence> evidence = new ArrayList<>();
        for (Protocol protocol : TLS) {
            ProtocolResult result = protocols.get(protocol.ordinal());
            if (result.label() != null
                    && result.label() != HealthCheckerLabel.ENABLED
                    && result.label() != HealthCheckerLabel.DISABLED) {
                evidence.addAll(sideEvidence(result));
            }
        }
        HealthCheckerForecast forecast = HealthCheckerForecast.of(snapshot, protocols, os, exchange);
        LocalizedText red = FindingTexts.literal(String.join("; ", forecast.red()));
        LocalizedText yellow = FindingTexts.literal(String.join("; ", forecast.yellow()));
        if (!forecast.labelled()) {
            add(id, "notExported", FindingStatus.INFO, evidence, false);
        } else if (forecast.tls13Row() == HealthCheckerForecast.Tls13Row.DEPENDS) {
            add(id, "dependsOnBuild", FindingStatus.WARN, evidence, !os.known(), red);
        } else if (!forecast.red().isEmpty()) {
            add(id, "red", FindingStatus.WARN, evidence, false, red);
        } else if (!forecast.yellow().isEmpty()) {
            add(id, "yellow", FindingStatus.INFO, evidence, false, yellow);
        } else {
            add(id, "clean", FindingStatus.PASS, evidence, false);
        }
    }

    private void legacy() {
        List<LocalizedText> on = new ArrayList<>();
        List<LocalizedText> unknown = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        boolean dependsOnOs = false;
        for (Protocol protocol : LEGACY) {
            ProtocolResult result = protocols.get(protocol.ordinal());
            List<LocalizedText> roles = new ArrayList<>();
            for (Role role : Role.values()) {
                SideResult side = result.side(role);
                if (side.state() == SchannelState.ENABLED) {
                    roles.add(texts.word("role." + role));
                    evidence.add(new Evidence(side.path(), "Enabled", side.enabled()));
                    evidence.add(new Evidence(side.path(), "DisabledByDefault", side.disabledByDefault()));
                } else if (side.state() == SchannelState.UNKNOWN) {
                    unknown.add(FindingTexts.literal(protocol.keyName() + " " + role.keyName()));
                    dependsOnOs |= side.dependsOnOs();
                }
            }
            if (!roles.isEmpty()) {
                on.add(FindingTexts.format(
                        FindingTexts.literal("{0} ({1})"), protocol.keyName(), FindingTexts.join(roles, ", ")));
            }
        }
        if (!on.isEmpty()) {
            add("legacy.protocols", "on", FindingStatus.WARN, evidence, false, FindingTexts.join(on, "; "));
        } else if (!unknown.isEmpty()) {
            add(
                    "legacy.protocols",
                    "unknown",
                    FindingStatus.INFO,
                    evidence,
                    dependsOnOs,
                    FindingTexts.join(unknown, ", "));
        } else {
            add("legacy.protocols", "off", FindingStatus.PASS, evidence, false);
        }
    }

    private void tls13(ProtocolResult result) {
        String id = "tls13";
        List<Evidence> evidence = sideEvidence(result);
        SideResult client = result.client();
        SideResult server = result.server();
        if (!client.covered() || !server.covered()) {
            add(id, "notExported", FindingStatus.INFO, evidence, false);
            return;
        }
        boolean unsupported =
                client.state() == SchannelState.NOT_SUPPORTED && server.state() == SchannelState.NOT_SUPPORTED;
        if (unsupported) {
            boolean configuredOn = Boolean.TRUE.equals(SchannelRules.windowsBoolean(client.enabled()))
                    || Boolean.TRUE.equals(SchannelRules.windowsBoolean(server.enabled()));
            if (configuredOn) {
                add(id, "unsupportedOs", FindingStatus.WARN, evidence, false, osName());
            } else {
                add(id, "off", FindingStatus.PASS, evidence, false);
            }
            return;
        }
        if (client.state() == SchannelState.UNKNOWN || server.state() == SchannelState.UNKNOWN) {
            add(id, "unknownOs", FindingStatus.INFO, evidence, client.dependsOnOs() || server.dependsOnOs());
            return;
        }
        boolean on = client.state() == SchannelState.ENABLED || server.state() == SchannelState.ENABLED;
        if (!on) {
            add(id, "off", FindingStatus.PASS, evidence, false);
            return;
        }
        if (exchange == null) {
            add(id, "exchangeUnknown", FindingStatus.INFO, evidence, false, osName());
            return;
        }
        ExchangeFacts.Product product = ExchangeFacts.get().product(exchange.major(), exchange.minor());
        boolean exchangeSupports = product != null
                && product.tls13MinimumBuild() != null
                && exchange.build() >= product.tls13MinimumBuild()
                && ExchangeFacts.get().tls13Windows().contains(os.version());
        if (exchangeSupports) {
            add(id, "supported", FindingStatus.PASS, evidence, false, exchange.display(), osName());
        } else {
            add(id, "unsupportedExchange", FindingStatus.WARN, evidence, false, exchange.display(), osName());
        }
    }
}
