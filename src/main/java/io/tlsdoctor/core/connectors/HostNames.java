package io.tlsdoctor.core.connectors;

import java.util.List;
import java.util.Locale;

/** Name comparisons as TLS and Exchange make them: host names without case, wildcards one label deep, servers by short name. */
final class HostNames {

    private HostNames() {}

    /**
     * Whether a certificate with these names satisfies a peer that expects {@code expected}. Exchange Online's
     * TlsSenderCertificateName and TlsDomain may themselves be {@code *.contoso.com}: any name in that domain will do.
     */
    static boolean accepts(List<String> certificateNames, String expected) {
        String want = normal(expected);
        for (String name : certificateNames) {
            String have = normal(name);
            if (have.equals(want)) {
                return true;
            }
            if (have.startsWith("*.") && oneLabelUnder(want, have.substring(2))) {
                return true;
            }
            if (want.startsWith("*.") && (have.endsWith(want.substring(1)) || have.equals(want.substring(2)))) {
                return true;
            }
        }
        return false;
    }

    private static boolean oneLabelUnder(String host, String domain) {
        return host.endsWith("." + domain) && host.indexOf('.') == host.length() - domain.length() - 1;
    }

    /** EX01, ex01.contoso.com and EX01.CONTOSO.COM are one server. */
    static boolean sameServer(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        return shortName(a).equals(shortName(b));
    }

    static String shortName(String server) {
        String s = normal(server);
        int dot = s.indexOf('.');
        return dot < 0 ? s : s.substring(0, dot);
    }

    private static String normal(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }
}
