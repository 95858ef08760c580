package io.tlsdoctor.core.connectors;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Judges a {@link ConnectorSnapshot}: which connector carries mail to and from Exchange Online, the certificate each
 * presents and whether Exchange Online will accept it, and whether the two sides agree. Reads nothing itself; the
 * knowledge (hosts, capability, days, words, commands) is in {@code connector-rules.json}.
 */
public final class ConnectorEvaluator {

    private final ConnectorRules rules = ConnectorRules.get();

    public ConnectorReport evaluate(ConnectorSnapshot snapshot, Instant now) {
        FindingsBuilder out = new FindingsBuilder(rules);
        CertificateJudge certificates = new CertificateJudge(rules, snapshot.certificates(), now, out);
        List<ExchangeCertificate> sendCertificates = sendSide(snapshot, certificates, out);
        List<ExchangeCertificate> receiveCertificates = receiveSide(snapshot, certificates, out);
        exoInbound(snapshot, sendCertificates, out);
        exoOutbound(snapshot, receiveCertificates, out);
        hybridAgreement(snapshot, out);
        return new ConnectorReport(snapshot.live(), snapshot.sources(), out.findings(), snapshot.notes());
    }

    // --- on premises -> Exchange Online ---------------------------------------------------------------------------

    private List<ExchangeCertificate> sendSide(
            ConnectorSnapshot s, CertificateJudge certificates, FindingsBuilder out) {
        List<ExchangeCertificate> presented = new ArrayList<>();
        if (s.sendConnectors().isEmpty()) {
            if (!s.receiveConnectors().isEmpty() || !s.certificates().isEmpty() || s.hybrid() != null) {
                out.add("send.connector", "notGiven", "Get-SendConnector", List.of(), Map.of());
            }
            return presented;
        }
        List<SendConnector> toExo =
                s.sendConnectors().stream().filter(this::toExo).toList();
        if (toExo.isEmpty()) {
            List<FieldEvidence> evidence = new ArrayList<>();
            for (SendConnector c : s.sendConnectors()) {
                evidence.add(new FieldEvidence(
                        object(c), "AddressSpaces", "{" + String.join(", ", c.addressSpaces()) + "}"));
            }
            out.add(
                    "send.connector",
                    "none",
                    "Get-SendConnector",
                    evidence,
                    Map.of(),
                    s.sendConnectors().size());
            return presented;
        }
        for (SendConnector c : toExo) {
            String name = c.name();
            if (Boolean.FALSE.equals(c.enabled())) {
                out.add(
                        "send.connector",
                        "disabled",
                        name,
                        List.of(new FieldEvidence(object(c), "Enabled", "False")),
                        Map.of("connector", name),
                        name);
                continue;
            }
            out.add(
                    "send.connector",
                    "found",
                    name,
                    List.of(new FieldEvidence(
                            object(c), "AddressSpaces", "{" + String.join(", ", c.addressSpaces()) + "}")),
                    Map.of(),
                    name,
                    String.join(", ", c.addressSpaces()));
            sendTls(c, out);
            smartHost(c, out);
            presented.addAll(certificates.binding(
                    "send.certificate",
                    name,
                    object(c),
                    c.certificate(),
                    c.sourceServers(),
                    c.fqdn(),
                    Map.of("connector", name)));
        }
        return presented;
    }

    private boolean toExo(SendConnector c) {
        return c.smartHosts().stream().anyMatch(rules::isExoHost)
                || c.addressSpaces().stream()
                        .anyMatch(space -> rules.tenantRoutingSuffixes().stream()
                                .anyMatch(suffix -> addressOf(space).endsWith(suffix)))
                || rules.isExoHost(c.tlsDomain())
                || Boolean.TRUE.equals(c.cloudServicesMail());
    }

    /** {@code smtp:contoso.mail.onmicrosoft.com;1} -> {@code contoso.mail.onmicrosoft.com}. */
    private static String addressOf(String space) {
        String s = space.strip().toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        int semi = s.lastIndexOf(';');
        return s.substring(colon + 1, semi > colon ? semi : s.length());
    }

    private void sendTls(SendConnector c, FindingsBuilder out) {
        String name = c.name();
        Map<String, String> args = Map.of("connector", name);
        if (Boolean.TRUE.equals(c.ignoreStartTls())) {
            out.add(
                    "send.tls",
                    "ignoreStartTls",
                    name,
                    List.of(new FieldEvidence(object(c), "IgnoreSTARTTLS", "True")),
                    args,
                    name);
        } else if (Boolean.FALSE.equals(c.requireTls())) {
            out.add(
                    "send.tls",
                    "notRequired",
                    name,
                    List.of(new FieldEvidence(object(c), "RequireTLS", "False")),
                    args,
                    name);
        } else if (Boolean.TRUE.equals(c.requireTls())) {
            boolean domainValidation = "DomainValidation".equalsIgnoreCase(c.tlsAuthLevel());
            if (domainValidation && rules.isExoHost(c.tlsDomain())) {
                out.add(
                        "send.tls",
                        "ok",
                        name,
                        List.of(new FieldEvidence(object(c), "TlsDomain", c.tlsDomain())),
                        args,
                        name,
                        c.tlsDomain());
            } else {
                out.add(
                        "send.tls",
                        "weak",
                        name,
                        List.of(
                                new FieldEvidence(object(c), "TlsAuthLevel", c.tlsAuthLevel()),
                                new FieldEvidence(object(c), "TlsDomain", c.tlsDomain())),
                        args,
                        name,
                        dash(c.tlsAuthLevel()),
                        dash(c.tlsDomain()));
            }
        }
    }

    private void smartHost(SendConnector c, FindingsBuilder out) {
        if (Boolean.TRUE.equals(c.dnsRouting())
                || c.dnsRouting() == null && c.smartHosts().isEmpty()) {
            if (c.dnsRouting() != null) {
                out.add(
                        "send.smartHost",
                        "mx",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "DNSRoutingEnabled", "True")),
                        Map.of(),
                        c.name());
            }
            return;
        }
        String hosts = String.join(", ", c.smartHosts());
        List<FieldEvidence> evidence = List.of(new FieldEvidence(object(c), "SmartHosts", "{" + hosts + "}"));
        if (!c.smartHosts().isEmpty() && c.smartHosts().stream().allMatch(rules::isExoHost)) {
            out.add("send.smartHost", "exo", c.name(), evidence, Map.of(), c.name(), hosts);
        } else {
            out.add("send.smartHost", "other", c.name(), evidence, Map.of(), c.name(), hosts.isEmpty() ? "-" : hosts);
        }
    }

    // --- Exchange Online -> on premises ---------------------------------------------------------------------------

    private List<ExchangeCertificate> receiveSide(
            ConnectorSnapshot s, CertificateJudge certificates, FindingsBuilder out) {
        List<ExchangeCertificate> presented = new ArrayList<>();
        if (s.receiveConnectors().isEmpty()) {
            if (!s.sendConnectors().isEmpty() || s.hybrid() != null) {
                out.add("receive.cloud", "notGiven", "Get-ReceiveConnector", List.of(), Map.of());
            }
            return presented;
        }
        List<String> receiving = s.hybrid() == null ? List.of() : s.hybrid().receivingServers();
        List<ReceiveConnector> facing = s.receiveConnectors().stream()
                .filter(c -> c.frontend() && c.onPort25() && !Boolean.FALSE.equals(c.enabled()))
                .filter(c -> receiving.isEmpty()
                        || c.server() == null
                        || receiving.stream().anyMatch(r -> HostNames.sameServer(r, c.server())))
                .toList();
        if (facing.isEmpty()) {
            out.add(
                    "receive.cloud",
                    "none",
                    "Get-ReceiveConnector",
                    List.of(),
                    Map.of(),
                    s.receiveConnectors().size());
            return presented;
        }
        // Several front-end connectors on port 25 (Default Frontend plus one for a relay): Exchange Online meets the
        // one with the capability, so only when none has it is every one of them a finding.
        boolean anyCloud = facing.stream().anyMatch(c -> hasCapability(c, rules.cloudCapability()));
        for (ReceiveConnector c : facing) {
            boolean cloud = hasCapability(c, rules.cloudCapability());
            if (anyCloud && !cloud) {
                continue;
            }
            String name = c.identity();
            String shown = "{" + String.join(", ", c.tlsDomainCapabilities()) + "}";
            List<FieldEvidence> evidence = List.of(new FieldEvidence(object(c), "TlsDomainCapabilities", shown));
            List<String> wanted = new ArrayList<>(c.tlsDomainCapabilities().stream()
                    .filter(cap -> !cap.equalsIgnoreCase(rules.legacyCapability()))
                    .toList());
            wanted.add(rules.cloudCapability());
            Map<String, String> args = Map.of("connector", name, "capabilities", PowerShellText.list(wanted));
            if (cloud) {
                out.add("receive.cloud", "ok", name, evidence, args, name, shown);
            } else if (hasCapability(c, rules.legacyCapability())) {
                out.add("receive.cloud", "legacy", name, evidence, args, name, rules.legacyCapability());
            } else {
                out.add("receive.cloud", "missing", name, evidence, args, name, shown);
            }
            receiveTls(c, out);
            presented.addAll(certificates.binding(
                    "receive.certificate",
                    name,
                    object(c),
                    c.certificate(),
                    c.server() == null ? List.of() : List.of(c.server()),
                    c.fqdn(),
                    Map.of("connector", name)));
        }
        return presented;
    }

    private static boolean hasCapability(ReceiveConnector c, String capability) {
        return c.tlsDomainCapabilities().stream().anyMatch(cap -> cap.equalsIgnoreCase(capability));
    }

    private void receiveTls(ReceiveConnector c, FindingsBuilder out) {
        if (c.authMechanism().isEmpty()) {
            return;
        }
        String shown = String.join(", ", c.authMechanism());
        List<FieldEvidence> evidence = List.of(new FieldEvidence(object(c), "AuthMechanism", shown));
        if (c.authMechanism().stream().anyMatch(m -> m.equalsIgnoreCase("Tls"))) {
            out.add("receive.tls", "ok", c.identity(), evidence, Map.of(), c.identity(), shown);
        } else {
            List<String> wanted = new ArrayList<>(List.of("Tls"));
            c.authMechanism().stream().filter(m -> !m.equalsIgnoreCase("None")).forEach(wanted::add);
            out.add(
                    "receive.tls",
                    "missing",
                    c.identity(),
                    evidence,
                    Map.of("connector", c.identity(), "mechanisms", PowerShellText.quote(String.join(", ", wanted))),
                    c.identity(),
                    shown);
        }
    }

    // --- Exchange Online's side, and whether it agrees ------------------------------------------------------------

    private void exoInbound(ConnectorSnapshot s, List<ExchangeCertificate> sendCertificates, FindingsBuilder out) {
        List<InboundConnector> fromOnPremises = s.inboundConnectors().stream()
                .filter(InboundConnector::fromOnPremises)
                .toList();
        if (!s.inboundConnectors().isEmpty()) {
            if (fromOnPremises.stream().noneMatch(c -> !Boolean.FALSE.equals(c.enabled()))) {
                fromOnPremises.stream()
                        .filter(c -> Boolean.FALSE.equals(c.enabled()))
                        .forEach(c -> out.add(
                                "exo.inbound",
                                "disabled",
                                c.name(),
                                List.of(new FieldEvidence(object(c), "Enabled", "False")),
                                Map.of("inbound", c.name()),
                                c.name()));
                if (fromOnPremises.isEmpty()) {
                    out.add(
                            "exo.inbound",
                            "none",
                            "Get-InboundConnector",
                            List.of(new FieldEvidence(
                                    "Get-InboundConnector",
                                    "ConnectorType",
                                    String.join(
                                            ", ",
                                            s.inboundConnectors().stream()
                                                    .map(c -> dash(c.connectorType()))
                                                    .toList()))),
                            Map.of());
                }
            }
        }
        for (InboundConnector c : fromOnPremises) {
            if (Boolean.FALSE.equals(c.enabled())) {
                continue;
            }
            String expected = c.tlsSenderCertificateName();
            if (expected == null || expected.isBlank()) {
                out.add(
                        "exo.inbound",
                        "noName",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "TlsSenderCertificateName", "")),
                        Map.of(),
                        c.name());
            } else if (Boolean.FALSE.equals(c.requireTls())) {
                out.add(
                        "exo.inbound",
                        "notTls",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "RequireTls", "False")),
                        Map.of("inbound", c.name()),
                        c.name());
            } else {
                out.add(
                        "exo.inbound",
                        "ok",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "TlsSenderCertificateName", expected)),
                        Map.of(),
                        c.name(),
                        expected);
            }
        }
        for (ExchangeCertificate certificate : distinct(sendCertificates)) {
            InboundConnector inbound = fromOnPremises.stream()
                    .filter(c -> !Boolean.FALSE.equals(c.enabled())
                            && c.tlsSenderCertificateName() != null
                            && !c.tlsSenderCertificateName().isBlank())
                    .findFirst()
                    .orElse(null);
            if (s.inboundConnectors().isEmpty()) {
                out.add("names.toExo", "exoNotGiven", certificate.label(), List.of(), Map.of(), certificate.label());
            } else if (inbound != null) {
                String expected = inbound.tlsSenderCertificateName();
                List<FieldEvidence> evidence = List.of(
                        new FieldEvidence(object(inbound), "TlsSenderCertificateName", expected),
                        new FieldEvidence(
                                object(certificate),
                                "CertificateDomains",
                                "{" + String.join(", ", certificate.names()) + "}"));
                if (HostNames.accepts(certificate.names(), expected)) {
                    out.add(
                            "names.toExo",
                            "ok",
                            certificate.label(),
                            evidence,
                            Map.of(),
                            certificate.label(),
                            expected,
                            inbound.name());
                } else {
                    Map<String, String> args = new LinkedHashMap<>();
                    args.put("inbound", inbound.name());
                    String name = preferredName(certificate, s);
                    if (name != null) {
                        args.put("name", name);
                    }
                    out.add(
                            "names.toExo",
                            "mismatch",
                            certificate.label(),
                            evidence,
                            args,
                            certificate.label(),
                            expected,
                            inbound.name(),
                            String.join(", ", certificate.names()));
                }
            }
        }
    }

    private void exoOutbound(ConnectorSnapshot s, List<ExchangeCertificate> receiveCertificates, FindingsBuilder out) {
        List<OutboundConnector> toOnPremises = s.outboundConnectors().stream()
                .filter(OutboundConnector::toOnPremises)
                .toList();
        List<OutboundConnector> enabled = toOnPremises.stream()
                .filter(c -> !Boolean.FALSE.equals(c.enabled()))
                .toList();
        if (!s.outboundConnectors().isEmpty() && enabled.isEmpty()) {
            toOnPremises.forEach(c -> out.add(
                    "exo.outbound",
                    "disabled",
                    c.name(),
                    List.of(new FieldEvidence(object(c), "Enabled", "False")),
                    Map.of("outbound", c.name()),
                    c.name()));
            if (toOnPremises.isEmpty()) {
                out.add("exo.outbound", "none", "Get-OutboundConnector", List.of(), Map.of());
            }
        }
        for (OutboundConnector c : enabled) {
            String hosts = String.join(", ", c.smartHosts());
            String domain = c.tlsDomain();
            if (!"DomainValidation".equalsIgnoreCase(c.tlsSettings()) || domain == null || domain.isBlank()) {
                Map<String, String> args = new LinkedHashMap<>();
                args.put("outbound", c.name());
                String name = domain != null && !domain.isBlank()
                        ? domain
                        : c.smartHosts().isEmpty() ? null : c.smartHosts().get(0);
                if (name != null) {
                    args.put("name", name);
                }
                out.add(
                        "exo.outbound",
                        "weakTls",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "TlsSettings", c.tlsSettings())),
                        args,
                        c.name(),
                        dash(c.tlsSettings()));
            } else {
                out.add(
                        "exo.outbound",
                        "ok",
                        c.name(),
                        List.of(new FieldEvidence(object(c), "TlsDomain", domain)),
                        Map.of(),
                        c.name(),
                        hosts.isEmpty() ? "-" : hosts,
                        domain);
            }
            String smartHost = s.hybrid() == null ? null : s.hybrid().onPremisesSmartHost();
            if (smartHost != null
                    && !c.smartHosts().isEmpty()
                    && c.smartHosts().stream().noneMatch(smartHost::equalsIgnoreCase)) {
                out.add(
                        "exo.outbound",
                        "smartHostDiffers",
                        c.name(),
                        List.of(
                                new FieldEvidence(object(c), "SmartHosts", "{" + hosts + "}"),
                                new FieldEvidence("Get-HybridConfiguration", "OnPremisesSmartHost", smartHost)),
                        Map.of(),
                        c.name(),
                        hosts,
                        smartHost);
            }
        }
        for (ExchangeCertificate certificate : distinct(receiveCertificates)) {
            if (s.outboundConnectors().isEmpty()) {
                out.add("names.fromExo", "exoNotGiven", certificate.label(), List.of(), Map.of(), certificate.label());
                continue;
            }
            for (OutboundConnector c : enabled) {
                String expected = c.tlsDomain();
                if (!"DomainValidation".equalsIgnoreCase(c.tlsSettings()) || expected == null || expected.isBlank()) {
                    continue;
                }
                List<FieldEvidence> evidence = List.of(
                        new FieldEvidence(object(c), "TlsDomain", expected),
                        new FieldEvidence(
                                object(certificate),
                                "CertificateDomains",
                                "{" + String.join(", ", certificate.names()) + "}"));
                if (HostNames.accepts(certificate.names(), expected)) {
                    out.add(
                            "names.fromExo",
                            "ok",
                            certificate.label(),
                            evidence,
                            Map.of(),
                            certificate.label(),
                            expected,
                            c.name());
                } else {
                    Map<String, String> args = new LinkedHashMap<>();
                    args.put("outbound", c.name());
                    String name = preferredName(certificate, s);
                    if (name != null) {
                        args.put("name", name);
                    }
                    out.add(
                            "names.fromExo",
                            "mismatch",
                            certificate.label(),
                            evidence,
                            args,
                            certificate.label(),
                            expected,
                            c.name(),
                            String.join(", ", certificate.names()));
                }
            }
        }
    }

    /** Whether the connectors still name the certificate the Hybrid Configuration Wizard chose. */
    private void hybridAgreement(ConnectorSnapshot s, FindingsBuilder out) {
        HybridConfiguration hybrid = s.hybrid();
        if (hybrid == null
                || hybrid.certificate() == null
                || !hybrid.certificate().isWellFormed()) {
            return;
        }
        boolean differs = false;
        for (SendConnector c : s.sendConnectors().stream().filter(this::toExo).toList()) {
            if (c.certificate() != null && !sameName(c.certificate(), hybrid.certificate())) {
                differs = true;
                out.add(
                        "hybrid.certificate",
                        "differs",
                        c.name(),
                        List.of(
                                new FieldEvidence(
                                        object(c),
                                        "TlsCertificateName",
                                        c.certificate().raw()),
                                new FieldEvidence(
                                        "Get-HybridConfiguration",
                                        "TlsCertificateName",
                                        hybrid.certificate().raw())),
                        Map.of(),
                        c.name(),
                        c.certificate().raw(),
                        hybrid.certificate().raw());
            }
        }
        for (ReceiveConnector c : s.receiveConnectors()) {
            if (c.certificate() != null
                    && hasCapability(c, rules.cloudCapability())
                    && !sameName(c.certificate(), hybrid.certificate())) {
                differs = true;
                out.add(
                        "hybrid.certificate",
                        "differs",
                        c.identity(),
                        List.of(
                                new FieldEvidence(
                                        object(c),
                                        "TlsCertificateName",
                                        c.certificate().raw()),
                                new FieldEvidence(
                                        "Get-HybridConfiguration",
                                        "TlsCertificateName",
                                        hybrid.certificate().raw())),
                        Map.of(),
                        c.identity(),
                        c.certificate().raw(),
                        hybrid.certificate().raw());
            }
        }
        if (!differs) {
            out.add(
                    "hybrid.certificate",
                    "same",
                    "Get-HybridConfiguration",
                    List.of(new FieldEvidence(
                            "Get-HybridConfiguration",
                            "TlsCertificateName",
                            hybrid.certificate().raw())),
                    Map.of(),
                    hybrid.certificate().raw());
        }
    }

    private static boolean sameName(CertificateName a, CertificateName b) {
        return a.isWellFormed()
                && b.isWellFormed()
                && a.issuer().sameAs(b.issuer())
                && a.subject().sameAs(b.subject());
    }

    /** The name to propose to Exchange Online: the hybrid smart host when the certificate carries it, else its CN. */
    private static String preferredName(ExchangeCertificate certificate, ConnectorSnapshot s) {
        if (s.hybrid() != null
                && s.hybrid().onPremisesSmartHost() != null
                && HostNames.accepts(certificate.names(), s.hybrid().onPremisesSmartHost())) {
            return s.hybrid().onPremisesSmartHost();
        }
        String cn = certificate.subject().commonName();
        return cn != null
                ? cn
                : certificate.names().isEmpty() ? null : certificate.names().get(0);
    }

    private static List<ExchangeCertificate> distinct(List<ExchangeCertificate> certificates) {
        Map<String, ExchangeCertificate> byThumbprint = new LinkedHashMap<>();
        certificates.forEach(
                c -> byThumbprint.putIfAbsent(String.valueOf(c.thumbprint()).toUpperCase(Locale.ROOT), c));
        return List.copyOf(byThumbprint.values());
    }

    static String object(SendConnector c) {
        return "Get-SendConnector " + PowerShellText.quote(c.name());
    }

    static String object(ReceiveConnector c) {
        return "Get-ReceiveConnector " + PowerShellText.quote(String.valueOf(c.identity()));
    }

    static String object(InboundConnector c) {
        return "Get-InboundConnector " + PowerShellText.quote(String.valueOf(c.name()));
    }

    static String object(OutboundConnector c) {
        return "Get-OutboundConnector " + PowerShellText.quote(String.valueOf(c.name()));
    }

    static String object(ExchangeCertificate c) {
        return "Get-ExchangeCertificate "
                + (c.server() == null ? "" : "-Server " + PowerShellText.quote(c.server()) + " ")
                + (c.thumbprint() == null ? "" : c.thumbprint());
    }

    private static String dash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
