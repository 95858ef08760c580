package io.tlsdoctor.core.probe;

import java.time.Instant;
import java.util.List;

/** One certificate of the chain the server sent, in the terms an admin checks in the certificate dialog. */
public record CertificateInfo(
        String subject,
        List<String> subjectAlternativeNames,
        String issuer,
        Instant notBefore,
        Instant notAfter,
        String signatureAlgorithm,
        String sha256Fingerprint) {

    public CertificateInfo {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }
}
