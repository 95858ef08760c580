package io.tlsdoctor.core.connectors;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The certificate a connector presents: found by its {@code <I>issuer<S>subject} in Get-ExchangeCertificate's output
 * (on each server that sends or receives), then judged once per certificate: valid now and in 30 days, trusted,
 * private key, SMTP.
 */
final class CertificateJudge {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final ConnectorRules rules;
    private final List<ExchangeCertificate> certificates;
    private final Instant now;
    private final FindingsBuilder out;
    private final Set<String> judged = new HashSet<>();

    CertificateJudge(ConnectorRules rules, List<ExchangeCertificate> certificates, Instant now, FindingsBuilder out) {
        this.rules = rules;
        this.certificates = certificates;
        this.now = now;
        this.out = out;
    }

    /**
     * @param id      send.certificate or receive.certificate
     * @param servers the servers that must hold the certificate (SourceTransportServers, the receive connector's server)
     * @return the certificates the connector presents, for the name checks against Exchange Online
     */
    List<ExchangeCertificate> binding(
            String id,
            String connector,
            String object,
            CertificateName name,
            List<String> servers,
            String fqdn,
            Map<String, String> connectorArgs) {
        Map<String, String> args = new LinkedHashMap<>(connectorArgs);
        ExchangeCertificate candidate = candidate(fqdn);
        if (candidate != null) {
            args.put("certificateName", CertificateName.of(candidate));
        }
        if (name == null) {
            if (!certificates.isEmpty() || fqdn != null) {
                out.add(
                        id,
                        "notSet",
                        connector,
                        List.of(
                                new FieldEvidence(object, "TlsCertificateName", ""),
                                new FieldEvidence(object, "Fqdn", fqdn)),
                        args,
                        connector,
                        fqdn == null ? "-" : fqdn);
            }
            return List.of();
        }
        List<FieldEvidence> evidence = List.of(new FieldEvidence(object, "TlsCertificateName", name.raw()));
        if (!name.isWellFormed()) {
            out.add(id, "malformed", connector, evidence, args, connector, name.raw());
            return List.of();
        }
        if (certificates.isEmpty()) {
            out.add(id, "noCertificates", connector, evidence, args, connector, name.raw());
            return List.of();
        }
        List<ExchangeCertificate> matches =
                certificates.stream().filter(name::matches).toList();
        if (matches.isEmpty()) {
            out.add(id, "notFound", connector, evidence, args, connector, name.raw());
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        boolean serversKnown = certificates.stream().allMatch(c -> c.server() != null);
        if (serversKnown) {
            for (String server : servers) {
                if (matches.stream().noneMatch(c -> HostNames.sameServer(c.server(), server))) {
                    missing.add(server);
                }
            }
        }
        if (!missing.isEmpty()) {
            out.add(
                    id,
                    "missingOnServer",
                    connector,
                    evidence,
                    args,
                    connector,
                    name.raw(),
                    String.join(", ", missing));
        }
        List<ExchangeCertificate> presented = new ArrayList<>();
        for (ExchangeCertificate certificate : matches) {
            if (!serversKnown
                    || servers.isEmpty()
                    || servers.stream().anyMatch(s -> HostNames.sameServer(s, certificate.server()))) {
                presented.add(certificate);
            }
        }
        if (presented.isEmpty()) {
            return List.of();
        }
        out.add(
                id,
                "matched",
                connector,
                evidence,
                args,
                connector,
                presented.get(0).label(),
                presented.stream()
                        .map(c -> c.server() == null ? fileOf(c.source()) : c.server())
                        .distinct()
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("-"));
        presented.forEach(this::judge);
        return presented;
    }

    /** Where a certificate was read when the output does not name its server: the file's name. */
    private static String fileOf(String source) {
        String file = source.replaceFirst(":#?\\d+$", "");
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }

    /** A certificate that would do: SMTP or unknown, private key, public CA, not expired; the fqdn's, the latest. */
    private ExchangeCertificate candidate(String fqdn) {
        return certificates.stream()
                .filter(c -> c.services() == null || c.enabledFor("SMTP"))
                .filter(c -> !Boolean.FALSE.equals(c.hasPrivateKey()) && !Boolean.TRUE.equals(c.selfSigned()))
                .filter(c -> c.rootCaType() == null
                        || rules.publicRootCaTypes().stream().anyMatch(c.rootCaType()::equalsIgnoreCase))
                .filter(c -> c.notAfter() != null
                        && c.notAfter().known()
                        && c.notAfter().earliest().isAfter(now))
                .filter(c -> c.status() == null || c.status().equalsIgnoreCase("Valid"))
                .filter(c -> fqdn == null || HostNames.accepts(c.names(), fqdn))
                .max(Comparator.comparing(c -> c.notAfter().earliest()))
                .orElse(null);
    }

    private void judge(ExchangeCertificate c) {
        if (!judged.add(c.thumbprint() + "@" + c.server())) {
            return;
        }
        String label = c.label();
        String object = ConnectorEvaluator.object(c);
        validity(c, label, object);
        trust(c, label, object);
        if (Boolean.FALSE.equals(c.hasPrivateKey())) {
            out.add(
                    "certificate.key",
                    "missing",
                    label,
                    List.of(new FieldEvidence(object, "HasPrivateKey", "False")),
                    Map.of(),
                    label);
        } else if (Boolean.TRUE.equals(c.hasPrivateKey())) {
            out.add(
                    "certificate.key",
                    "ok",
                    label,
                    List.of(new FieldEvidence(object, "HasPrivateKey", "True")),
                    Map.of(),
                    label);
        }
        if (c.services() == null) {
            out.add("certificate.smtp", "unknown", label, List.of(), Map.of(), label);
        } else {
            String services = String.join(", ", c.services());
            List<FieldEvidence> evidence = List.of(new FieldEvidence(object, "Services", services));
            if (c.enabledFor("SMTP")) {
                out.add("certificate.smtp", "ok", label, evidence, Map.of(), label, services);
            } else {
                Map<String, String> args = new LinkedHashMap<>();
                if (c.server() != null) {
                    args.put("server", c.server());
                }
                if (c.thumbprint() != null) {
                    args.put("thumbprint", c.thumbprint());
                }
                out.add(
                        "certificate.smtp",
                        "missing",
                        label,
                        evidence,
                        args,
                        label,
                        services.isEmpty() ? "None" : services);
            }
        }
    }

    private void validity(ExchangeCertificate c, String label, String object) {
        PsDate notAfter = c.notAfter();
        List<FieldEvidence> evidence =
                List.of(new FieldEvidence(object, "NotAfter", notAfter == null ? null : notAfter.text()));
        if ("DateInvalid".equalsIgnoreCase(c.status()) && (notAfter == null || !notAfter.known())) {
            out.add(
                    "certificate.valid",
                    "expired",
                    label,
                    List.of(new FieldEvidence(object, "Status", c.status())),
                    Map.of(),
                    label,
                    notAfter == null ? "-" : notAfter.text());
            return;
        }
        if (notAfter != null && notAfter.known()) {
            Instant soon = now.plus(Duration.ofDays(rules.expiryWarningDays()));
            if (notAfter.latest().isBefore(now)) {
                out.add(
                        "certificate.valid",
                        "expired",
                        label,
                        evidence,
                        Map.of(),
                        label,
                        DAY.format(notAfter.latest()));
                return;
            }
            if (notAfter.earliest().isBefore(now)) {
                out.add("certificate.valid", "ambiguous", label, evidence, Map.of(), label, notAfter.text());
            } else if (notAfter.earliest().isBefore(soon)) {
                long days = Duration.between(now, notAfter.earliest()).toDays();
                out.add(
                        "certificate.valid",
                        "expiresSoon",
                        label,
                        evidence,
                        Map.of(),
                        label,
                        DAY.format(notAfter.earliest()),
                        days);
            } else {
                // a date that reads two ways, both far off: shown as written rather than as one of the two
                boolean twoWays = !DAY.format(notAfter.earliest()).equals(DAY.format(notAfter.latest()));
                out.add(
                        "certificate.valid",
                        "ok",
                        label,
                        evidence,
                        Map.of(),
                        label,
                        twoWays ? notAfter.text() : DAY.format(notAfter.earliest()));
            }
        }
        if (c.status() != null
                && !c.status().equalsIgnoreCase("Valid")
                && !c.status().equalsIgnoreCase("DateInvalid")) {
            out.add(
                    "certificate.valid",
                    "status",
                    label,
                    List.of(new FieldEvidence(object, "Status", c.status())),
                    Map.of(),
                    label,
                    c.status());
        }
    }

    private void trust(ExchangeCertificate c, String label, String object) {
        if (Boolean.TRUE.equals(c.selfSigned())) {
            out.add(
                    "certificate.trust",
                    "selfSigned",
                    label,
                    List.of(new FieldEvidence(object, "IsSelfSigned", "True")),
                    Map.of(),
                    label);
        } else if (c.rootCaType() != null
                && rules.privateRootCaTypes().stream().anyMatch(c.rootCaType()::equalsIgnoreCase)) {
            out.add(
                    "certificate.trust",
                    "privateCa",
                    label,
                    List.of(new FieldEvidence(object, "RootCAType", c.rootCaType())),
                    Map.of(),
                    label,
                    c.rootCaType());
        } else if (c.rootCaType() != null
                && rules.publicRootCaTypes().stream().anyMatch(c.rootCaType()::equalsIgnoreCase)) {
            out.add(
                    "certificate.trust",
                    "public",
                    label,
                    List.of(new FieldEvidence(object, "RootCAType", c.rootCaType())),
                    Map.of(),
                    label,
                    c.issuer().text());
        }
    }
}
