package io.tlsdoctor.core.connectors;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * An Export-Clixml of Get-ExchangeCertificate keeps only the certificate's bytes ({@code RawData}), not Services or
 * Status: the names, dates and issuer are read from the bytes; what only Exchange knows stays unknown.
 */
final class RawCertificate {

    private RawCertificate() {}

    static ExchangeCertificate read(PsObject o) {
        String base64 = o.text("RawData");
        if (base64 == null) {
            return null;
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            X509Certificate x509 = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            String thumbprint = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(der))
                    .toUpperCase(Locale.ROOT);
            List<String> domains = new ArrayList<>();
            if (x509.getSubjectAlternativeNames() != null) {
                for (List<?> name : x509.getSubjectAlternativeNames()) {
                    if (Integer.valueOf(2).equals(name.get(0))) {
                        domains.add(String.valueOf(name.get(1)));
                    }
                }
            }
            DistinguishedName subject =
                    new DistinguishedName(x509.getSubjectX500Principal().getName("RFC1779"));
            DistinguishedName issuer =
                    new DistinguishedName(x509.getIssuerX500Principal().getName("RFC1779"));
            String identity = o.text("Identity");
            String server =
                    identity != null && identity.contains("\\") ? identity.substring(0, identity.indexOf('\\')) : null;
            String notAfter = x509.getNotAfter().toInstant().toString();
            return new ExchangeCertificate(
                    o.source(),
                    server,
                    thumbprint,
                    subject,
                    issuer,
                    domains,
                    PsDate.parse(notAfter),
                    null,
                    null,
                    subject.sameAs(issuer),
                    null,
                    null);
        } catch (IllegalArgumentException | CertificateException | NoSuchAlgorithmException e) {
            return null;
        }
    }
}
