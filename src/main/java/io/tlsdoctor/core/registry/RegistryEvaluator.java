package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.LocalizedText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Judges a {@link RegistrySnapshot}: HealthChecker-compatible labels, the state SChannel really uses (OS defaults
 * for absent values), and findings, bottom line first. Pure: the same snapshot and OS give the same report.
 */
public final class RegistryEvaluator {

    private static final List<Protocol> TLS = List.of(Protocol.TLS_1_0, Protocol.TLS_1_1, Protocol.TLS_1_2, Protocol.TLS_1_3);
    private static final List<Protocol> LEGACY = List.of(Protocol.SSL_2_0, Protocol.SSL_3_0, Protocol.TLS_1_0, Protocol.TLS_1_1);
    private static final List<String> DOTNET_VALUES = List.of("SystemDefaultTlsVersions", "SchUseStrongCrypto");
    private static final String WINHTTP_VALUE = "DefaultSecureProtocols";
    private static final long WINHTTP_TLS12 = 0x800;

    private final FindingTexts texts = FindingTexts.get();

    /** Evaluates with the OS the snapshot names, or none. */
    public RegistryReport evaluate(RegistrySnapshot snapshot) {
        return evaluate(snapshot, null);
    }

    /** @param givenOs the OS the user named; it wins over the snapshot's, which is then only compared */
    public RegistryReport evaluate(RegistrySnapshot snapshot, WindowsServer givenOs) {
        return new Run(snapshot, OsInfo.detect(snapshot, givenOs)).report();
    }

    /** One evaluation's working state. */
    private final class Run {
        private final RegistrySnapshot snapshot;
        private final OsInfo os;
        private final List<WindowsServer> candidates;
        private final List<Finding> findings = new ArrayList<>();
        private ExchangeInfo exchange;

        Run(RegistrySnapshot snapshot, OsInfo os) {
            this.snapshot = snapshot;
            this.os = os;
            // Unknown OS: try every version and conclude only what they all agree on.
            this.candidates = os.known() ? List.of(os.version()) : List.of(WindowsServer.values());
        }

        RegistryReport report() {
            List<ProtocolResult> protocols = new ArrayList<>();
            for (Protocol protocol : Protocol.values()) {
                SideResult client = side(protocol, Role.CLIENT);
                SideResult server = side(protocol, Role.SERVER);
                HealthCheckerLabel label = protocol.readByHealthChecker() && client.covered() && server.covered()
                        ? SchannelRules.hcLabel(protocol, client, server) : null;
                protocols.add(new ProtocolResult(protocol, label, client, server));
            }
            ProtocolResult tls12 = protocols.get(Protocol.TLS_1_2.ordinal());
            exchange = readExchange();

            tls12Finding(tls12.client(), RegistryReport.TLS12_CLIENT);
            tls12Finding(tls12.server(), RegistryReport.TLS12_SERVER);
            mismatch(protocols);
            healthCheckerLabels(protocols);
            legacy(protocols);
            tls13(protocols.get(Protocol.TLS_1_3.ordinal()));
            registryTypes();
            nonStandardValues();
            dotNetV4(protocols);
            dotNetViews();
            dotNetV2();
            winHttp();
            cipherSuites();
            exchangeBuild();
            restartPending();
            tlsChangedSinceBoot();
            osSupport();
            placeOsFindingsBeforeExchange();
            return new RegistryReport(snapshot.origin(), os, exchange, protocols,
                    new Tls12(tls12.client().effective(), tls12.server().effective()), findings);
        }

        /** The OS findings are computed last (they list what depended on the OS) but read best before Exchange's. */
        private void placeOsFindingsBeforeExchange() {
            List<Finding> osFindings = findings.stream().filter(finding -> finding.id().startsWith("os.")).toList();
            findings.removeAll(osFindings);
            int exchangeAt = 0;
            while (exchangeAt < findings.size() && !findings.get(exchangeAt).id().equals("exchange.build")) {
                exchangeAt++;
            }
            findings.addAll(exchangeAt, osFindings);
        }

        // --- SChannel ------------------------------------------------------------------------------------------

        private SideResult side(Protocol protocol, Role role) {
            String path = RegistryPaths.protocol(protocol, role);
            RegistryValue enabled = snapshot.value(path, "Enabled");
            RegistryValue disabledByDefault = snapshot.value(path, "DisabledByDefault");
            if (!snapshot.covers(path)) {
                return new SideResult(role, path, enabled, disabledByDefault, SchannelState.UNKNOWN, false, false, false);
            }
            Boolean on = SchannelRules.windowsBoolean(enabled);
            Boolean off = SchannelRules.windowsBoolean(disabledByDefault);
            Set<SchannelState> states = SchannelRules.states(candidates, protocol, role, on, off);
            boolean agreed = states.size() == 1;
            return new SideResult(role, path, enabled, disabledByDefault,
                    agreed ? states.iterator().next() : SchannelState.UNKNOWN, true, on == null || off == null, !agreed);
        }

        private void tls12Finding(SideResult side, String id) {
            List<Evidence> evidence = List.of(new Evidence(side.path(), "Enabled", side.enabled()),
                    new Evidence(side.path(), "DisabledByDefault", side.disabledByDefault()));
            Object[] args = {shown(side.enabled()), shown(side.disabledByDefault()), side.path(), osName()};
            if (!side.covered()) {
                add(id, "notExported", FindingStatus.INFO, evidence, false, args);
                return;
            }
            switch (side.state()) {
                case ENABLED -> add(id, side.fromOsDefaults() ? "enabledDefault" : "enabled", FindingStatus.PASS, evidence, false, args);
                case DISABLED -> add(id, "disabled", FindingStatus.FAIL, evidence, false, args);
                case DISABLED_BY_DEFAULT -> add(id, "disabledByDefault", FindingStatus.FAIL, evidence, false, args);
                default -> add(id, "unknownOs", FindingStatus.INFO, evidence, true, args);
            }
        }

        private void mismatch(List<ProtocolResult> protocols) {
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
                    differing.add(FindingTexts.format(texts.word("protocolSides"), protocol.keyName(),
                            texts.word("state." + client), texts.word("state." + server)));
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
        private void healthCheckerLabels(List<ProtocolResult> protocols) {
            String id = "healthchecker.labels";
            List<Evidence> evidence = new ArrayList<>();
            for (Protocol protocol : TLS) {
                ProtocolResult result = protocols.get(protocol.ordinal());
                if (result.label() != null && result.label() != HealthCheckerLabel.ENABLED
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

        private void legacy(List<ProtocolResult> protocols) {
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
                    on.add(FindingTexts.format(FindingTexts.literal("{0} ({1})"), protocol.keyName(), FindingTexts.join(roles, ", ")));
                }
            }
            if (!on.isEmpty()) {
                add("legacy.protocols", "on", FindingStatus.WARN, evidence, false, FindingTexts.join(on, "; "));
            } else if (!unknown.isEmpty()) {
                add("legacy.protocols", "unknown", FindingStatus.INFO, evidence, dependsOnOs, FindingTexts.join(unknown, ", "));
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
            boolean unsupported = client.state() == SchannelState.NOT_SUPPORTED && server.state() == SchannelState.NOT_SUPPORTED;
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
            boolean exchangeSupports = product != null && product.tls13MinimumBuild() != null
                    && exchange.build() >= product.tls13MinimumBuild()
                    && ExchangeFacts.get().tls13Windows().contains(os.version());
            if (exchangeSupports) {
                add(id, "supported", FindingStatus.PASS, evidence, false, exchange.display(), osName());
            } else {
                add(id, "unsupportedExchange", FindingStatus.WARN, evidence, false, exchange.display(), osName());
            }
        }

        // --- value hygiene ---------------------------------------------------------------------------------------

        /** Every value the check reads as a DWORD, with where it lives. */
        private List<Evidence> dwordValues() {
            List<Evidence> values = new ArrayList<>();
            for (Protocol protocol : Protocol.values()) {
                for (Role role : Role.values()) {
                    String path = RegistryPaths.protocol(protocol, role);
                    values.add(new Evidence(path, "Enabled", snapshot.value(path, "Enabled")));
                    values.add(new Evidence(path, "DisabledByDefault", snapshot.value(path, "DisabledByDefault")));
                }
            }
            for (String version : List.of(RegistryPaths.DOTNET_V4, RegistryPaths.DOTNET_V2)) {
                for (RegistryView view : RegistryView.values()) {
                    String path = RegistryPaths.dotNet(version, view);
                    for (String name : DOTNET_VALUES) {
                        values.add(new Evidence(path, name, snapshot.value(path, name)));
                    }
                }
            }
            for (RegistryView view : RegistryView.values()) {
                values.add(new Evidence(RegistryPaths.winHttp(view), WINHTTP_VALUE,
                        snapshot.value(RegistryPaths.winHttp(view), WINHTTP_VALUE)));
            }
            return values;
        }

        private void registryTypes() {
            List<Evidence> wrong = new ArrayList<>();
            for (Evidence value : dwordValues()) {
                if (value.value() != null && !value.value().isDword()) {
                    wrong.add(value);
                }
            }
            if (wrong.isEmpty()) {
                add("registry.types", "ok", FindingStatus.PASS, wrong, false);
            } else {
                add("registry.types", "wrong", FindingStatus.WARN, wrong, false, listed(wrong));
            }
        }

        private void nonStandardValues() {
            List<Evidence> odd = new ArrayList<>();
            for (Evidence value : dwordValues()) {
                RegistryValue raw = value.value();
                boolean winHttp = value.name().equals(WINHTTP_VALUE); // a bit mask, any number is normal
                if (raw != null && raw.isDword() && !winHttp && raw.number() != 0 && raw.number() != 1) {
                    odd.add(value);
                }
            }
            if (odd.isEmpty()) {
                add("registry.nonstandard", "ok", FindingStatus.PASS, odd, false);
            } else {
                add("registry.nonstandard", "found", FindingStatus.INFO, odd, false, listed(odd));
            }
        }

        // --- .NET ------------------------------------------------------------------------------------------------

        private List<Evidence> dotNet(String version) {
            List<Evidence> values = new ArrayList<>();
            for (RegistryView view : RegistryView.values()) {
                String path = RegistryPaths.dotNet(version, view);
                for (String name : DOTNET_VALUES) {
                    values.add(new Evidence(path, name, snapshot.value(path, name)));
                }
            }
            return values;
        }

        private List<String> uncovered(List<Evidence> values) {
            Set<String> paths = new LinkedHashSet<>();
            for (Evidence value : values) {
                if (!snapshot.covers(value.path())) {
                    paths.add(value.path());
                }
            }
            return new ArrayList<>(paths);
        }

        private static boolean isOne(RegistryValue value) {
            return value != null && value.isDword() && value.number() == 1;
        }

        private void dotNetV4(List<ProtocolResult> protocols) {
            List<Evidence> values = dotNet(RegistryPaths.DOTNET_V4);
            List<String> missing = uncovered(values);
            if (!missing.isEmpty()) {
                add("dotnet.v4", "notExported", FindingStatus.INFO, values, false, String.join(", ", missing));
                return;
            }
            List<Evidence> notSet = values.stream().filter(value -> !isOne(value.value())).toList();
            if (notSet.isEmpty()) {
                add("dotnet.v4", "ok", FindingStatus.PASS, values, false);
                return;
            }
            // HealthChecker's rule: with TLS 1.0 or 1.1 switched off, .NET must be told to use the OS's TLS 1.2.
            boolean legacyOff = protocols.get(Protocol.TLS_1_0.ordinal()).label() == HealthCheckerLabel.DISABLED
                    || protocols.get(Protocol.TLS_1_1.ordinal()).label() == HealthCheckerLabel.DISABLED;
            add("dotnet.v4", legacyOff ? "notSetLegacyOff" : "notSet", legacyOff ? FindingStatus.FAIL : FindingStatus.WARN,
                    values, false, listed(notSet));
        }

        private void dotNetViews() {
            List<LocalizedText> differing = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            boolean allCovered = true;
            for (String version : List.of(RegistryPaths.DOTNET_V4, RegistryPaths.DOTNET_V2)) {
                String nativePath = RegistryPaths.dotNet(version, RegistryView.NATIVE);
                String wowPath = RegistryPaths.dotNet(version, RegistryView.WOW6432NODE);
                if (!snapshot.covers(nativePath) || !snapshot.covers(wowPath)) {
                    allCovered = false;
                    continue;
                }
                for (String name : DOTNET_VALUES) {
                    RegistryValue nativeValue = snapshot.value(nativePath, name);
                    RegistryValue wowValue = snapshot.value(wowPath, name);
                    if (!Objects.equals(nativeValue, wowValue)) {
                        differing.add(FindingTexts.format(texts.word("viewsDiffer"), version + " " + name,
                                shown(nativeValue), shown(wowValue)));
                        evidence.add(new Evidence(nativePath, name, nativeValue));
                        evidence.add(new Evidence(wowPath, name, wowValue));
                    }
                }
            }
            if (!differing.isEmpty()) {
                add("dotnet.views", "differ", FindingStatus.WARN, evidence, false, FindingTexts.join(differing, "; "));
            } else if (!allCovered) {
                add("dotnet.views", "notExported", FindingStatus.INFO, evidence, false);
            } else {
                add("dotnet.views", "same", FindingStatus.PASS, evidence, false);
            }
        }

        private void dotNetV2() {
            List<Evidence> values = dotNet(RegistryPaths.DOTNET_V2);
            List<String> missing = uncovered(values);
            if (!missing.isEmpty()) {
                add("dotnet.v2", "notExported", FindingStatus.INFO, values, false, String.join(", ", missing));
                return;
            }
            List<Evidence> notSet = values.stream().filter(value -> !isOne(value.value())).toList();
            if (notSet.isEmpty()) {
                add("dotnet.v2", "ok", FindingStatus.PASS, values, false);
            } else {
                add("dotnet.v2", "notSet", FindingStatus.INFO, values, false, listed(notSet));
            }
        }

        // --- WinHTTP ---------------------------------------------------------------------------------------------

        private enum WinHttpView { OK, NO, DEFAULT_OK, DEFAULT_NO, UNKNOWN, NOT_EXPORTED }

        private void winHttp() {
            List<Evidence> evidence = new ArrayList<>();
            List<Evidence> without = new ArrayList<>();
            Set<WinHttpView> views = new LinkedHashSet<>();
            for (RegistryView view : RegistryView.values()) {
                String path = RegistryPaths.winHttp(view);
                RegistryValue value = snapshot.value(path, WINHTTP_VALUE);
                Evidence item = new Evidence(path, WINHTTP_VALUE, value);
                evidence.add(item);
                if (!snapshot.covers(path)) {
                    views.add(WinHttpView.NOT_EXPORTED);
                } else if (value != null && value.isDword()) {
                    boolean tls12 = (value.number() & WINHTTP_TLS12) != 0;
                    views.add(tls12 ? WinHttpView.OK : WinHttpView.NO);
                    if (!tls12) {
                        without.add(item);
                    }
                } else {
                    Set<Boolean> defaults = new LinkedHashSet<>();
                    for (WindowsServer candidate : candidates) {
                        defaults.add(OsDefaults.get().of(candidate).winHttpTls12ByDefault());
                    }
                    views.add(defaults.size() > 1 ? WinHttpView.UNKNOWN
                            : defaults.contains(Boolean.TRUE) ? WinHttpView.DEFAULT_OK : WinHttpView.DEFAULT_NO);
                }
            }
            if (views.contains(WinHttpView.NO)) {
                add("winhttp", "noTls12", FindingStatus.WARN, evidence, false, listed(without));
            } else if (views.contains(WinHttpView.DEFAULT_NO)) {
                add("winhttp", "defaultOld", FindingStatus.WARN, evidence, false, osName());
            } else if (views.contains(WinHttpView.NOT_EXPORTED)) {
                add("winhttp", "notExported", FindingStatus.INFO, evidence, false);
            } else if (views.contains(WinHttpView.UNKNOWN)) {
                add("winhttp", "unknownOs", FindingStatus.INFO, evidence, true);
            } else if (views.contains(WinHttpView.DEFAULT_OK)) {
                add("winhttp", "default", FindingStatus.PASS, evidence, false, osName());
            } else {
                add("winhttp", "ok", FindingStatus.PASS, evidence, false);
            }
        }

        // --- cipher suites ---------------------------------------------------------------------------------------

        private void cipherSuites() {
            String id = "ciphers.exo";
            RegistryValue policy = snapshot.value(RegistryPaths.CIPHER_POLICY, "Functions");
            RegistryValue local = snapshot.value(RegistryPaths.CIPHER_LOCAL, "Functions");
            List<Evidence> evidence = List.of(new Evidence(RegistryPaths.CIPHER_POLICY, "Functions", policy),
                    new Evidence(RegistryPaths.CIPHER_LOCAL, "Functions", local));
            List<String> suites;
            LocalizedText source;
            if (policy != null) {
                // Group Policy writes one comma-separated REG_SZ and it takes precedence over the local list.
                if (policy.type() != RegistryValueType.REG_SZ) {
                    add(id, "wrongType", FindingStatus.WARN, evidence, false, RegistryPaths.CIPHER_POLICY + "\\Functions", policy.display(), "REG_SZ");
                    return;
                }
                suites = Arrays.asList(policy.text().split(","));
                source = texts.word("source.policy");
            } else if (!snapshot.covers(RegistryPaths.CIPHER_POLICY)) {
                add(id, "notExported", FindingStatus.INFO, evidence, false, RegistryPaths.CIPHER_POLICY);
                return;
            } else if (local != null) {
                if (local.type() != RegistryValueType.REG_MULTI_SZ) {
                    add(id, "wrongType", FindingStatus.WARN, evidence, false, RegistryPaths.CIPHER_LOCAL + "\\Functions", local.display(), "REG_MULTI_SZ");
                    return;
                }
                suites = local.texts();
                source = texts.word("source.local");
            } else if (!snapshot.covers(RegistryPaths.CIPHER_LOCAL)) {
                add(id, "notExported", FindingStatus.INFO, evidence, false, RegistryPaths.CIPHER_LOCAL);
                return;
            } else {
                Set<Boolean> defaults = new LinkedHashSet<>();
                for (WindowsServer candidate : candidates) {
                    defaults.add(OsDefaults.get().of(candidate).defaultSuitesIncludeExo());
                }
                if (defaults.size() == 1 && defaults.contains(Boolean.TRUE)) {
                    add(id, "default", FindingStatus.PASS, evidence, false, osName());
                } else {
                    add(id, "defaultUnknown", FindingStatus.INFO, evidence, defaults.size() > 1, osName());
                }
                return;
            }
            List<String> matching = new ArrayList<>();
            for (String suite : suites) {
                String name = suite.trim().toUpperCase(Locale.ROOT).replaceAll("_P(256|384|521)$", "");
                if (ExchangeFacts.get().exoCipherSuites().contains(name) && !matching.contains(name)) {
                    matching.add(name);
                }
            }
            if (matching.isEmpty()) {
                add(id, "none", FindingStatus.FAIL, evidence, false, source, String.join(", ", ExchangeFacts.get().exoCipherSuites().subList(0, 2)));
            } else {
                add(id, "ok", FindingStatus.PASS, evidence, false, source, String.join(", ", matching));
            }
        }

        // --- OS, Exchange, restart -------------------------------------------------------------------------------

        private ExchangeInfo readExchange() {
            String path = RegistryPaths.EXCHANGE_SETUP;
            Long major = number(snapshot.value(path, "MsiProductMajor"));
            Long minor = number(snapshot.value(path, "MsiProductMinor"));
            Long build = number(snapshot.value(path, "MsiBuildMajor"));
            Long revision = number(snapshot.value(path, "MsiBuildMinor"));
            if (major == null || minor == null || build == null) {
                return null;
            }
            int ma = major.intValue();
            int mi = minor.intValue();
            int bu = build.intValue();
            ExchangeFacts.Product product = ExchangeFacts.get().product(ma, mi);
            String name = ExchangeFacts.get().isSubscriptionEdition(ma, mi, bu) ? "Exchange Server SE"
                    : product != null ? product.name() : "Exchange " + ma + "." + mi;
            return new ExchangeInfo(ma, mi, bu, revision == null ? 0 : revision.intValue(), name);
        }

        private void exchangeBuild() {
            String id = "exchange.build";
            String path = RegistryPaths.EXCHANGE_SETUP;
            List<Evidence> evidence = new ArrayList<>();
            for (String name : List.of("MsiProductMajor", "MsiProductMinor", "MsiBuildMajor", "MsiBuildMinor")) {
                evidence.add(new Evidence(path, name, snapshot.value(path, name)));
            }
            if (exchange != null) {
                ExchangeFacts.Product product = ExchangeFacts.get().product(exchange.major(), exchange.minor());
                if (product == null) {
                    add(id, "unknownProduct", FindingStatus.INFO, evidence, false, exchange.display());
                } else if (exchange.build() < product.tls12MinimumBuild()) {
                    add(id, "tooOld", FindingStatus.FAIL, evidence, false, exchange.display(),
                            product.name() + " " + product.tls12MinimumName());
                } else {
                    add(id, "ok", FindingStatus.PASS, evidence, false, exchange.display());
                }
            } else if (snapshot.hasKey(RegistryPaths.EXCHANGE_2010_SETUP)) {
                add(id, "exchange2010", FindingStatus.WARN, List.of(), false);
            } else if (snapshot.covers(path)) {
                add(id, "notFound", FindingStatus.INFO, evidence, false);
            } else {
                add(id, "notExported", FindingStatus.INFO, evidence, false);
            }
        }

        private void restartPending() {
            List<LocalizedText> found = new ArrayList<>();
            List<LocalizedText> checked = new ArrayList<>();
            List<Evidence> evidence = new ArrayList<>();
            RegistryValue renames = snapshot.value(RegistryPaths.SESSION_MANAGER, "PendingFileRenameOperations");
            marker("marker.fileRename", RegistryPaths.SESSION_MANAGER, renames != null, found, checked);
            if (renames != null) {
                evidence.add(new Evidence(RegistryPaths.SESSION_MANAGER, "PendingFileRenameOperations", renames));
            }
            RegistryValue flags = snapshot.value(RegistryPaths.UPDATE_EXE_VOLATILE, "Flags");
            boolean updateExe = flags != null && (flags.number() == null || flags.number() != 0);
            marker("marker.updateExe", RegistryPaths.UPDATE_EXE_VOLATILE, updateExe, found, checked);
            if (updateExe) {
                evidence.add(new Evidence(RegistryPaths.UPDATE_EXE_VOLATILE, "Flags", flags));
            }
            marker("marker.cbs", RegistryPaths.CBS_REBOOT_PENDING, snapshot.hasKey(RegistryPaths.CBS_REBOOT_PENDING), found, checked);
            marker("marker.windowsUpdate", RegistryPaths.WU_REBOOT_REQUIRED, snapshot.hasKey(RegistryPaths.WU_REBOOT_REQUIRED), found, checked);
            if (!found.isEmpty()) {
                add("restart.pending", "pending", FindingStatus.WARN, evidence, false, FindingTexts.join(found, "; "));
            } else if (checked.isEmpty()) {
                add("restart.pending", "notExported", FindingStatus.INFO, evidence, false);
            } else {
                add("restart.pending", "none", FindingStatus.PASS, evidence, false, FindingTexts.join(checked, "; "));
            }
        }

        private void marker(String word, String path, boolean present, List<LocalizedText> found, List<LocalizedText> checked) {
            if (present) {
                found.add(texts.word(word));
            } else if (snapshot.covers(path)) {
                checked.add(texts.word(word));
            }
        }

        private void tlsChangedSinceBoot() {
            Instant boot = snapshot.lastBoot();
            if (!snapshot.isLive() || boot == null) {
                add("restart.tlsChanged", "offline", FindingStatus.INFO, List.of(), false);
                return;
            }
            List<String> changed = new ArrayList<>();
            for (RegistryKey key : snapshot.keys()) {
                if (key.lastWritten() != null && key.lastWritten().isAfter(boot) && isTlsKey(key.path())) {
                    changed.add(key.path());
                }
            }
            if (changed.isEmpty()) {
                add("restart.tlsChanged", "no", FindingStatus.PASS, List.of(), false, boot.toString());
            } else {
                add("restart.tlsChanged", "yes", FindingStatus.WARN, List.of(), false, String.join(", ", changed), boot.toString());
            }
        }

        private boolean isTlsKey(String path) {
            String lower = path.toLowerCase(Locale.ROOT);
            return lower.startsWith(RegistryPaths.SCHANNEL.toLowerCase(Locale.ROOT))
                    || lower.contains("\\.netframework\\")
                    || lower.endsWith("\\internet settings\\winhttp")
                    || lower.endsWith("\\ssl\\00010002");
        }

        private void osSupport() {
            String id = "os.support";
            List<Evidence> evidence = new ArrayList<>();
            for (String name : List.of("ProductName", "CurrentBuild", "UBR", "InstallationType")) {
                evidence.add(new Evidence(RegistryPaths.OS, name, snapshot.value(RegistryPaths.OS, name)));
            }
            if (os.source() == OsSource.GIVEN && os.fromRegistry() != null && os.fromRegistry() != os.version()) {
                add("os.given", "differs", FindingStatus.WARN, evidence, false,
                        os.version().displayName(), os.fromRegistry().displayName());
            }
            if (!os.known()) {
                List<String> depending = new ArrayList<>();
                for (Finding finding : findings) {
                    if (finding.dependsOnOs()) {
                        depending.add(finding.id());
                    }
                }
                Object list = depending.isEmpty() ? texts.word("noneDepend") : String.join(", ", depending);
                add(id, "unknown", FindingStatus.INFO, evidence, false, list);
                return;
            }
            switch (os.version()) {
                case WS2008R2 -> add(id, "old2008r2", FindingStatus.WARN, evidence, false, os.name());
                case WS2012, WS2012R2 -> add(id, "old2012", FindingStatus.WARN, evidence, false, os.name());
                default -> add(id, "ok", FindingStatus.PASS, evidence, false, os.name());
            }
        }

        // --- helpers ---------------------------------------------------------------------------------------------

        private Object osName() {
            return os.known() ? os.version().displayName() : texts.word("anyOs");
        }

        private Object shown(RegistryValue value) {
            return value == null ? texts.word("absent") : value.display();
        }

        private LocalizedText listed(List<Evidence> values) {
            List<LocalizedText> parts = new ArrayList<>();
            for (Evidence value : values) {
                parts.add(FindingTexts.format(FindingTexts.literal("{0} = {1}"), value.location(), shown(value.value())));
            }
            return FindingTexts.join(parts, "; ");
        }

        private List<Evidence> sideEvidence(ProtocolResult result) {
            List<Evidence> evidence = new ArrayList<>();
            for (Role role : Role.values()) {
                SideResult side = result.side(role);
                evidence.add(new Evidence(side.path(), "Enabled", side.enabled()));
                evidence.add(new Evidence(side.path(), "DisabledByDefault", side.disabledByDefault()));
            }
            return evidence;
        }

        private Long number(RegistryValue value) {
            return value != null && value.isDword() ? value.number() : null;
        }

        private void add(String id, String variant, FindingStatus status, List<Evidence> evidence, boolean dependsOnOs,
                         Object... args) {
            findings.add(new Finding(id, variant, status, texts.title(id), texts.detail(id, variant, args),
                    texts.remediation(id, variant, args), evidence, dependsOnOs));
        }
    }
}
