package io.tlsdoctor.core.probe;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

/**
 * DNS for the probe: MX records in preference order and A/AAAA addresses, through Java's built-in JNDI DNS client so
 * that {@code --dns-server} can point at any server without touching the machine's resolver.
 */
public final class Targets {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HOST_NAME =
            Pattern.compile("(?i)[a-z0-9_]([a-z0-9_-]{0,62})(\\.[a-z0-9_]([a-z0-9_-]{0,62}))*\\.?");

    private Targets() {}

    public static boolean isAddressLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** A host name or address literal we are willing to connect to (no spaces, URLs or ports glued on). */
    public static boolean isValidHost(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (host.contains(":")) {
            return host.matches("[0-9A-Fa-f:.]+");
        }
        return HOST_NAME.matcher(host).matches();
    }

    /** The domain's MX records, lowest preference first; throws when the lookup fails or finds none. */
    public static List<MxRecord> mx(String domain, DnsServer server) throws DnsException {
        List<MxRecord> records = new ArrayList<>();
        for (String value : query(domain, "MX", server)) {
            String[] parts = value.trim().split("\\s+");
            if (parts.length == 2 && parts[0].matches("\\d+")) {
                String host = parts[1].endsWith(".") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
                records.add(new MxRecord(Integer.parseInt(parts[0]), host.toLowerCase(Locale.ROOT)));
            }
        }
        if (records.isEmpty()) {
            throw new DnsException(Detail.of("probe.detail.noMx", domain));
        }
        records.sort(Comparator.comparingInt(MxRecord::preference).thenComparing(MxRecord::host));
        return records;
    }

    /** A and AAAA addresses of {@code host} (IPv4 first, as most mail servers are reached), or the literal itself. */
    public static List<InetAddress> addresses(String host, DnsServer server) throws DnsException {
        try {
            if (isAddressLiteral(host)) {
                return List.of(InetAddress.getByName(host));
            }
            if (server == null) {
                return List.of(InetAddress.getAllByName(host));
            }
            List<InetAddress> result = new ArrayList<>();
            DnsException firstProblem = null;
            for (String type : List.of("A", "AAAA")) {
                try {
                    for (String value : query(host, type, server)) {
                        result.add(InetAddress.getByAddress(
                                host, InetAddress.getByName(value.trim()).getAddress()));
                    }
                } catch (DnsException e) {
                    firstProblem = firstProblem == null ? e : firstProblem;
                }
            }
            if (result.isEmpty()) {
                throw firstProblem != null ? firstProblem : new DnsException(Detail.of("probe.detail.noAddress", host));
            }
            return result;
        } catch (UnknownHostException e) {
            throw new DnsException(Detail.of("probe.detail.noAddress", host));
        }
    }

    private static List<String> query(String name, String type, DnsServer server) throws DnsException {
        Hashtable<String, String> environment = new Hashtable<>();
        environment.put("java.naming.factory.initial", "com.sun.jndi.dns.DnsContextFactory");
        environment.put("java.naming.provider.url", server == null ? "dns:" : server.jndiUrl());
        // Bounded: 1 s, then 2 s, then give up; the JNDI default can wait much longer on a dead server.
        environment.put("com.sun.jndi.dns.timeout.initial", "1000");
        environment.put("com.sun.jndi.dns.timeout.retries", "2");
        DirContext context = null;
        try {
            context = new InitialDirContext(environment);
            Attributes attributes = context.getAttributes(name, new String[] {type});
            Attribute attribute = attributes.get(type);
            List<String> values = new ArrayList<>();
            if (attribute != null) {
                NamingEnumeration<?> all = attribute.getAll();
                while (all.hasMore()) {
                    values.add(String.valueOf(all.next()));
                }
            }
            if (values.isEmpty()) {
                throw new DnsException(
                        Detail.of(type.equals("MX") ? "probe.detail.noMx" : "probe.detail.noAddress", name));
            }
            return values;
        } catch (NameNotFoundException e) {
            throw new DnsException(Detail.of("probe.detail.nxdomain", name));
        } catch (NamingException e) {
            String where = server == null ? "system" : server.host() + ":" + server.port();
            throw new DnsException(Detail.of(
                    "probe.detail.dnsError",
                    name,
                    where,
                    SmtpChannel.printable(String.valueOf(e.getExplanation()), 120)));
        } finally {
            if (context != null) {
                try {
                    context.close();
                } catch (NamingException e) {
                    // nothing held open worth reporting
                }
            }
        }
    }

    /** A DNS lookup that found nothing usable; the detail says what, for the user. */
    public static final class DnsException extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Detail detail;

        DnsException(Detail detail) {
            super(detail.key());
            this.detail = detail;
        }

        public Detail detail() {
            return detail;
        }
    }
}
