package io.tlsdoctor.core.connectors;

import java.util.List;
import java.util.Locale;

/**
 * One certificate in a server's store as Get-ExchangeCertificate reports it. Null fields were not in the output
 * (a default table view, an Export-Clixml that kept only the raw certificate), and are judged as unknown.
 *
 * @param server    the server whose store holds it (from Identity {@code SERVER\THUMBPRINT}), null when not said
 * @param domains   CertificateDomains: the subject's CN and the SAN DNS names
 * @param services  the services it is enabled for (IIS, SMTP, ...), null when not said
 * @param notAfter  when it expires, as read from the output (dates in a locale's format may be ambiguous)
 * @param rootCaType ThirdParty, Enterprise, Registry, GroupPolicy, None, Unknown
 */
public record ExchangeCertificate(
        String source,
        String server,
        String thumbprint,
        DistinguishedName subject,
        DistinguishedName issuer,
        List<String> domains,
        PsDate notAfter,
        List<String> services,
        String status,
        Boolean selfSigned,
        Boolean hasPrivateKey,
        String rootCaType) {

    public ExchangeCertificate {
        domains = domains == null ? List.of() : List.copyOf(domains);
        services = services == null ? null : List.copyOf(services);
    }

    public boolean enabledFor(String service) {
        return services != null && services.stream().anyMatch(s -> s.equalsIgnoreCase(service));
    }

    /** Every name the certificate answers to: CertificateDomains and the subject's CN. */
    public List<String> names() {
        List<String> names = new java.util.ArrayList<>(domains);
        String cn = subject.commonName();
        if (cn != null && names.stream().noneMatch(cn::equalsIgnoreCase)) {
            names.add(cn);
        }
        return names;
    }

    /** A short name for evidence: the subject's CN and the thumbprint's start. */
    public String label() {
        String cn = subject.commonName();
        String thumb = thumbprint == null
                ? "?"
                : thumbprint.substring(0, Math.min(8, thumbprint.length())).toUpperCase(Locale.ROOT);
        return (cn == null ? subject.text() : cn) + " (" + thumb + "…)";
    }
}
