package io.tlsdoctor.core.connectors;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A connector's {@code TlsCertificateName}: {@code <I>issuer<S>subject}, how Exchange names the certificate a
 * connector presents (not by thumbprint, so a renewal from the same CA with the same subject needs no change; one
 * from a new intermediate CA does).
 */
public record CertificateName(String raw, DistinguishedName issuer, DistinguishedName subject) {

    private static final Pattern FORM = Pattern.compile("(?is)^\\s*<I>(.*)<S>(.*?)\\s*$");

    /** The name, or null when the value is blank or not in the {@code <I>…<S>…} form (then {@link #isWellFormed}). */
    public static CertificateName parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = FORM.matcher(value);
        if (!m.matches()) {
            return new CertificateName(value.strip(), null, null);
        }
        return new CertificateName(value.strip(), new DistinguishedName(m.group(1)), new DistinguishedName(m.group(2)));
    }

    public boolean isWellFormed() {
        return issuer != null && subject != null;
    }

    public boolean matches(ExchangeCertificate certificate) {
        return isWellFormed() && issuer.sameAs(certificate.issuer()) && subject.sameAs(certificate.subject());
    }

    /** The value a Set-*Connector -TlsCertificateName takes for this certificate. */
    public static String of(ExchangeCertificate certificate) {
        return "<I>" + certificate.issuer().text() + "<S>"
                + certificate.subject().text();
    }
}
