package io.tlsdoctor.core.probe;

import java.net.IDN;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Turns the chain a server sent into a {@link CertificateReport}. */
final class Certificates {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private Certificates() {}

    static CertificateReport report(X509Certificate[] chain, String host, String trustProblem, Instant now) {
        List<CertificateInfo> infos = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            infos.add(info(certificate));
        }
        X509Certificate leaf = chain[0];
        boolean expired = now.isAfter(leaf.getNotAfter().toInstant());
        boolean notYetValid = now.isBefore(leaf.getNotBefore().toInstant());
        boolean sha1 = leaf.getSigAlgName().toUpperCase(Locale.ROOT).startsWith("SHA1");
        return new CertificateReport(
                infos, trustProblem == null, trustProblem, nameMatches(leaf, host), expired, notYetValid, sha1);
    }

    static CertificateInfo info(X509Certificate certificate) {
        return new CertificateInfo(
                certificate.getSubjectX500Principal().getName(),
                alternativeNames(certificate),
                certificate.getIssuerX500Principal().getName(),
                certificate.getNotBefore().toInstant(),
                certificate.getNotAfter().toInstant(),
                certificate.getSigAlgName(),
                fingerprint(certificate));
    }

    static List<String> alternativeNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS) {
                        names.add("DNS:" + entry.get(1));
                    } else if (type == SAN_IP) {
                        names.add("IP:" + entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            names.add("?");
        }
        return names;
    }

    /** RFC 6125 matching: SANs when present (a wildcard covers one leftmost label), the subject CN only without SANs. */
    static boolean nameMatches(X509Certificate certificate, String host) {
        String wanted = normalise(host);
        List<String> sans = alternativeNames(certificate);
        boolean ip = Targets.isAddressLiteral(host);
        if (!sans.isEmpty()) {
            for (String san : sans) {
                if (ip && san.startsWith("IP:") && sameAddress(san.substring(3), host)) {
                    return true;
                }
                if (!ip && san.startsWith("DNS:") && dnsMatches(normalise(san.substring(4)), wanted)) {
                    return true;
                }
            }
            return false;
        }
        String cn = commonName(certificate.getSubjectX500Principal().getName());
        return cn != null && !ip && dnsMatches(normalise(cn), wanted);
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return java.net.InetAddress.getByName(a).equals(java.net.InetAddress.getByName(b));
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static String normalise(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".")) {
            lower = lower.substring(0, lower.length() - 1);
        }
        try {
            return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return lower;
        }
    }

    private static String commonName(String dn) {
        for (String part : dn.split(",")) {
            String trimmed = part.trim();
            if (trimmed.regionMatches(true, 0, "CN=", 0, 3)) {
                return trimmed.substring(3);
            }
        }
        return null;
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":")
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            return "?";
        }
    }
}
