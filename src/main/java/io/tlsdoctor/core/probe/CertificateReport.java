package io.tlsdoctor.core.probe;

import java.util.List;

/**
 * The server certificate as Exchange Online would judge it: the chain, whether it chains to a trusted root (and why
 * not), whether it names the host we connected to, and whether it is within its validity period.
 */
public record CertificateReport(
        List<CertificateInfo> chain,
        boolean trusted,
        String trustProblem,
        boolean nameMatches,
        boolean expired,
        boolean notYetValid,
        boolean sha1Signed) {

    public CertificateReport {
        chain = List.copyOf(chain);
    }

    public CertificateInfo leaf() {
        return chain.isEmpty() ? null : chain.get(0);
    }
}
