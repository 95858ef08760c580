package io.tlsdoctor.core.report;

import io.tlsdoctor.core.report.DiagnosisSummary.CertificateEntry;
import io.tlsdoctor.core.report.DiagnosisSummary.Handshake;
import io.tlsdoctor.core.report.DiagnosisSummary.Remote;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces host names, domains, IP addresses, e-mail addresses and user names in a summary by consistent
 * placeholders, for sending it to a vendor or a forum.
 * <p>
 * Names are gathered from the fields that hold them (computer and user name, probe targets, certificate names, log
 * remotes and connectors, SMTP greetings) and by scanning every text for IPv4/IPv6 addresses, e-mail addresses and
 * domain names. Then every string is rewritten in one pass that tries the longest name first, ignoring case, so
 * {@code mail.contoso.com} becomes {@code host-1.domain-1} wherever {@code contoso.com} is {@code domain-1}, and a
 * placeholder is never itself rewritten. What a reader needs stays: TLS versions, build numbers (which look like
 * addresses but are not: {@code 15.2.1118.7}), SMTP codes, registry paths, and Microsoft's public service names, of
 * which only the tenant label is hidden ({@code contoso-com.mail.protection.outlook.com} →
 * {@code domain-1.mail.protection.outlook.com}).
 */
final class Redactor {

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String IPV4_TEXT = OCTET + "(?:\\." + OCTET + "){3}";

    static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9._%+-]{1,64})@((?:" + LABEL + "\\.)+[A-Za-z]{2,63})(?![A-Za-z0-9-])");
    static final Pattern NAME = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(?:" + LABEL + "\\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9](?![A-Za-z0-9_-])");
    static final Pattern IPV4 = Pattern.compile("(?<![0-9A-Za-z.])" + IPV4_TEXT + "(?![0-9A-Za-z]|\\.[0-9])");
    static final Pattern IPV6 = Pattern.compile(
            "(?<![0-9A-Za-z:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + IPV4_TEXT + "|[0-9A-Fa-f]{1,4})?(?![0-9A-Za-z:])");
    /**
     * In a transcript ({@code S:}/{@code C:} lines of a probe, {@code >}/{@code <} rows of a protocol log): the name a
     * server gives in its greeting or EHLO reply, and the name a client gives in EHLO/HELO. Only there: a sentence
     * that mentions EHLO must not make its next word a host.
     */
    private static final Pattern SMTP_NAME = Pattern.compile(
            "(?m)(?:^S: |,[<>],)(?:220[ -]([A-Za-z0-9][A-Za-z0-9.-]*)\\s|250[ -]([A-Za-z0-9][A-Za-z0-9.-]*) Hello\\b)"
                    + "|(?:^C: |,[<>],)(?:EHLO|HELO) ([A-Za-z0-9][A-Za-z0-9.-]*)", Pattern.CASE_INSENSITIVE);
    /** Words a greeting puts where a name could be, that are never one. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of(
            "microsoft", "esmtp", "smtp", "mail", "service", "ready", "hello", "server", "postfix", "exchange");
    private static final Pattern LEADING_SMTP_CODE = Pattern.compile("^[0-9]{3}[ -]");
    private static final Pattern BUILD_BEFORE = Pattern.compile("(?i)(?:build|version)\\s*$");

    /**
     * Top-level domains a scanned name must end in to count as one: real ones and the private ones Active Directory
     * domains use. Without this, file names (restore.reg, SEND20261120-1.LOG) and .NET names would be "domains".
     */
    private static final java.util.Set<String> TLDS = java.util.Set.of(
            "com", "net", "org", "info", "biz", "edu", "gov", "mil", "int", "name", "pro", "aero", "coop", "museum",
            "cloud", "online", "site", "tech", "app", "dev", "xyz", "top", "shop", "store", "email", "company",
            "services", "solutions", "systems", "group", "global", "network", "digital", "agency", "consulting",
            "microsoft", "local", "lan", "corp", "internal", "intra", "intranet", "home", "localdomain", "private",
            "test", "example", "invalid", "arpa", "ad");
    /** Two-letter endings that are file extensions far more often than country domains in what we show. */
    private static final java.util.Set<String> NOT_COUNTRIES = java.util.Set.of(
            "md", "sh", "js", "cs", "py", "rs", "ps", "gz", "xz", "db", "vb", "fs", "ts", "rb", "hs", "pm");
    /** Second-level labels under which the registrable domain has three labels: contoso.co.uk. */
    private static final java.util.Set<String> SECOND_LEVEL = java.util.Set.of(
            "co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "or", "ne", "go");
    /** Microsoft's public names: kept as they are, the reader needs to know the peer was Exchange Online. */
    private static final List<String> PUBLIC_SUFFIXES = List.of(
            "outlook.com", "office365.com", "office.com", "microsoft.com", "microsoftonline.com", "windows.net",
            "exchangelabs.com", "msft.net", "outlook.de", "outlook.cn", "office365.us", "office365.cn",
            "onmicrosoft.com", "mx.microsoft");
    /** Public names whose first label is the customer's tenant: that label is hidden, the rest kept. */
    private static final List<String> TENANT_SUFFIXES = List.of(
            "mail.protection.outlook.com", "mail.protection.outlook.de", "mail.protection.partner.outlook.cn",
            "mail.protection.office365.us", "mail.onmicrosoft.com", "onmicrosoft.com", "mx.microsoft");
    private static final java.util.Set<String> DOTNET_NAMES = java.util.Set.of("asp.net", "ado.net", "vb.net");
    /** Built-in account names: they identify nobody, and replacing "Administrator" everywhere would garble text. */
    private static final java.util.Set<String> GENERIC_USERS = java.util.Set.of(
            "administrator", "admin", "system", "guest", "user", "root", "local service", "network service");

    private Redactor() {
    }

    static DiagnosisSummary redact(DiagnosisSummary summary) {
        if (summary.redacted()) {
            return summary;
        }
        Placeholders names = new Placeholders();
        List<String> builds = new ArrayList<>();
        if (summary.context() != null) {
            addIfPresent(builds, summary.context().exchangeBuild());
            addIfPresent(builds, summary.context().osBuild());
            addIfPresent(builds, summary.context().toolVersion());
        }
        List<String> texts = new ArrayList<>();
        RecordStrings.forEach(body(summary), texts::add);
        // Twice: a tenant label (contoso-com) takes its domain's placeholder, so every domain must be known first.
        for (boolean tenants : new boolean[] {false, true}) {
            names.tenants = tenants;
            gatherStructured(summary, names);
            for (String text : texts) {
                scan(text, names, builds);
            }
        }
        UnaryOperator<String> rewrite = names.rewriter();
        return new DiagnosisSummary(summary.schema(), summary.language(), true,
                RecordStrings.map(summary.context(), rewrite), RecordStrings.map(summary.symptom(), rewrite),
                RecordStrings.map(summary.checks(), rewrite), RecordStrings.map(summary.registry(), rewrite),
                RecordStrings.map(summary.handshakes(), rewrite), RecordStrings.map(summary.logs(), rewrite),
                RecordStrings.map(summary.conclusion(), rewrite), RecordStrings.map(summary.changes(), rewrite),
                RecordStrings.map(summary.restart(), rewrite), RecordStrings.map(summary.nextSteps(), rewrite),
                RecordStrings.map(summary.rehearsals(), rewrite));
    }

    /** Every part that can hold text from outside; schema and language are ours. */
    private static List<Object> body(DiagnosisSummary s) {
        List<Object> parts = new ArrayList<>();
        parts.add(s.context());
        parts.add(s.symptom());
        parts.add(s.checks());
        parts.add(s.registry());
        parts.add(s.handshakes());
        parts.add(s.logs());
        parts.add(s.conclusion());
        parts.add(s.changes());
        parts.add(s.restart());
        parts.add(s.nextSteps());
        parts.add(s.rehearsals());
        parts.removeIf(java.util.Objects::isNull);
        return parts;
    }

    private static void addIfPresent(List<String> list, String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
    }

    // == Names from the fields that hold them ==

    private static void gatherStructured(DiagnosisSummary summary, Placeholders names) {
        if (summary.context() != null) {
            names.host(summary.context().computerName());
            if (names.tenants) {
                // CONTOSO\jdoe: the NetBIOS name takes contoso.com's placeholder, so domains come first
                names.account(summary.context().userName());
            } else {
                names.accountUser(summary.context().userName()); // whoever ran it is user-1
            }
        }
        for (Handshake handshake : summary.handshakes()) {
            names.host(hostOf(handshake.target()));
            names.host(handshake.ip());
            greeting(handshake.banner(), names);
            if (handshake.certificate() != null && !handshake.certificate().chain().isEmpty()) {
                CertificateEntry leaf = handshake.certificate().chain().get(0);
                String commonName = attribute(leaf.subject(), "CN");
                names.host(commonName);
                if (names.hides(commonName)) {
                    // the organisation of a customer's certificate names the customer; Microsoft's stays
                    names.organisation(attribute(leaf.subject(), "O"));
                }
                for (String alternative : leaf.alternativeNames()) {
                    String name = alternative.replaceFirst("(?i)^(DNS|IP Address|IP):", "").trim();
                    names.host(name.startsWith("*.") ? name.substring(2) : name);
                }
            }
        }
        if (summary.logs() != null) {
            List<Remote> remotes = new ArrayList<>(summary.logs().remotes());
            remotes.addAll(summary.logs().legacyPartners());
            for (Remote remote : remotes) {
                names.host(remote.remote());
                names.host(serverOfConnector(remote.connector()));
            }
            if (summary.logs().example() != null) {
                names.host(summary.logs().example().remote());
            }
        }
    }

    private static void greeting(List<String> lines, Placeholders names) {
        if (!lines.isEmpty()) {
            String first = LEADING_SMTP_CODE.matcher(lines.get(0).trim()).replaceFirst("");
            int space = first.indexOf(' ');
            names.greetingName(space < 0 ? first : first.substring(0, space));
        }
    }

    /** {@code mail.contoso.com:25} → {@code mail.contoso.com}; {@code [2001:db8::5]:25} → {@code 2001:db8::5}. */
    static String hostOf(String target) {
        if (target == null) {
            return null;
        }
        if (target.startsWith("[")) {
            int close = target.indexOf(']');
            return close > 0 ? target.substring(1, close) : target;
        }
        int colon = target.lastIndexOf(':');
        return colon > 0 && target.indexOf(':') == colon ? target.substring(0, colon) : target;
    }

    /** A receive connector's name starts with its server: {@code EX01\Default Frontend EX01}. */
    private static String serverOfConnector(String connector) {
        if (connector == null) {
            return null;
        }
        int slash = connector.indexOf('\\');
        return slash > 0 ? connector.substring(0, slash).trim() : null;
    }

    /** The value of {@code CN=} or {@code O=} in a distinguished name, or null. */
    static String attribute(String dn, String name) {
        if (dn == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)(?:^|[,;/]\\s*)" + name + "=(\"[^\"]*\"|[^,;/+]*)").matcher(dn);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).trim();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2 ? value.substring(1, value.length() - 1) : value;
    }

    // == Names found by scanning every text ==

    private static void scan(String text, Placeholders names, List<String> builds) {
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            names.email(email.group(1), email.group(2));
        }
        Matcher smtp = SMTP_NAME.matcher(text);
        while (smtp.find()) {
            for (int group = 1; group <= 3; group++) {
                if (smtp.group(group) != null) {
                    names.greetingName(smtp.group(group));
                }
            }
        }
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String found = LEADING_SMTP_CODE.matcher(name.group()).replaceFirst("");
            if (looksLikeDomainName(found)) {
                names.host(found);
            }
        }
        Matcher v6 = IPV6.matcher(text);
        while (v6.find()) {
            if (isIpv6(v6.group())) {
                names.ip(v6.group());
            }
        }
        Matcher v4 = IPV4.matcher(text);
        while (v4.find()) {
            String found = v4.group();
            boolean build = builds.stream().anyMatch(b -> b.contains(found))
                    || BUILD_BEFORE.matcher(text.substring(Math.max(0, v4.start() - 12), v4.start())).find();
            if (!build) {
                names.ip(found);
            }
        }
    }

    static boolean looksLikeDomainName(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String tld = name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!tld.chars().allMatch(Character::isLetter)) {
            return false;
        }
        return TLDS.contains(tld) || tld.length() == 2 && !NOT_COUNTRIES.contains(tld);
    }

    static boolean isIpv4(String text) {
        return text != null && text.matches(IPV4_TEXT);
    }

    static boolean isIpv6(String text) {
        if (text == null || text.indexOf(':') < 0) {
            return false;
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String body = text;
        int groups = 0;
        int lastColon = body.lastIndexOf(':');
        String tail = body.substring(lastColon + 1);
        if (tail.contains(".")) {
            if (!isIpv4(tail)) {
                return false;
            }
            groups += 2;
            body = body.substring(0, lastColon + 1) + "0"; // stand-in so the split below sees a group
            groups -= 1;
        }
        String[] parts = body.split(":", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.length() > 4 || !part.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return false;
            }
            groups++;
        }
        if (doubleColon >= 0) {
            return groups <= 7 && groups >= 1;
        }
        return groups == 8 && !text.startsWith(":") && !text.endsWith(":");
    }

    // == The placeholders ==

    /** Hands out placeholders in the order names are met, and rewrites text with them. */
    static final class Placeholders {

        private enum Boundary {
            /**
             * A single word: EX01, jdoe, CONTOSO. Never a label of a dotted name: a server called MAIL must not turn
             * mail.protection.outlook.com into host-1.protection.outlook.com (its own dotted names are entries of
             * their own, and longer, so they are replaced whole).
             */
            WORD("(?<![\\p{L}\\p{N}_.])", "(?![\\p{L}\\p{N}_]|\\.[\\p{L}\\p{N}])"),
            /** A dotted name: may follow a hyphen (250-mail.contoso.com) but not continue a longer name. */
            NAME("(?<![A-Za-z0-9_.])", "(?![A-Za-z0-9_-])"),
            ADDRESS("(?<![A-Za-z0-9._%+-])", "(?![A-Za-z0-9-])"),
            IPV4("(?<![0-9A-Za-z.])", "(?![0-9A-Za-z]|\\.[0-9])"),
            IPV6("(?<![0-9A-Za-z:.])", "(?![0-9A-Za-z:])");

            private final String before;
            private final String after;

            Boundary(String before, String after) {
                this.before = before;
                this.after = after;
            }
        }

        private record Entry(String original, String placeholder, Boundary boundary) {
        }

        private final java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> domains = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> ips = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> tenantLabels = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> organisations = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, Entry> entries = new java.util.LinkedHashMap<>();
        /** Whether tenant names are placed yet (second round), see {@link #tenant}. */
        boolean tenants;

        /**
         * A customer's name under a Microsoft suffix. For the MX host the tenant label is the domain with its dots
         * turned into hyphens ({@code contoso-com}); Exchange Online's own servers ({@code AM4PEPF00027A5F}) have none.
         */
        private static boolean isTenantName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            int firstDot = lower.indexOf('.');
            if (firstDot < 0) {
                return false;
            }
            String rest = lower.substring(firstDot + 1);
            String label = lower.substring(0, firstDot);
            for (String suffix : TENANT_SUFFIXES) {
                if (suffix.endsWith("onmicrosoft.com") ? rest.equals(suffix)
                        : (rest.equals(suffix) || suffix.equals("mx.microsoft") && rest.endsWith("." + suffix)) && label.indexOf('-') > 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this name is replaced (not a public Microsoft name, not loopback). */
        boolean hides(String name) {
            return name != null && entries.containsKey(name.trim().toLowerCase(Locale.ROOT));
        }

        /** A host name (single label or dotted), a domain name, or an IP address. */
        void host(String raw) {
            if (raw == null) {
                return;
            }
            String name = raw.trim();
            while (name.endsWith(".")) {
                name = name.substring(0, name.length() - 1);
            }
            if (name.isEmpty()) {
                return;
            }
            if (isIpv4(name) || isIpv6(name)) {
                ip(name);
                return;
            }
            if (!name.matches("(?:" + LABEL + "\\.)*" + LABEL)) {
                return; // not a DNS name: a display name, a sentence
            }
            String lastLabel = name.substring(name.lastIndexOf('.') + 1);
            if (lastLabel.chars().noneMatch(Character::isLetter)) {
                return; // a number (2.0.0 in "220 2.0.0 SMTP server ready"), not a name
            }
            if (!tenants && isTenantName(name)) {
                return; // on the second round, when every domain has its placeholder
            }
            if (name.indexOf('.') < 0) {
                if (!name.chars().allMatch(Character::isDigit) && !"localhost".equalsIgnoreCase(name)) {
                    add(name, label(name), Boundary.WORD);
                }
                return;
            }
            String replaced = dotted(name);
            if (replaced != null) {
                add(name, replaced, Boundary.NAME);
            }
        }

        /** The placeholder form of a dotted name, or null when it is a public Microsoft name to keep. */
        private String dotted(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (isTenantName(lower)) {
                int firstDot = lower.indexOf('.');
                return tenant(lower.substring(0, firstDot)) + name.substring(firstDot);
            }
            if (lower.startsWith("system.") || DOTNET_NAMES.contains(lower)) {
                return null; // System.Net, ASP.NET: .NET names in registry texts, not hosts
            }
            if ("localhost".equals(lower) || PUBLIC_SUFFIXES.stream().anyMatch(s -> lower.equals(s) || lower.endsWith("." + s))) {
                return null;
            }
            String[] parts = lower.split("\\.");
            int registrable = parts.length >= 3 && parts[parts.length - 1].length() == 2
                    && SECOND_LEVEL.contains(parts[parts.length - 2]) ? 3 : 2;
            if (parts.length <= registrable) {
                return domain(lower);
            }
            String domain = String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - registrable, parts.length));
            String domainPlaceholder = domain(domain);
            add(domain, domainPlaceholder, Boundary.NAME);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.length - registrable; i++) {
                out.append(label(parts[i])).append('.');
            }
            return out.append(domainPlaceholder).toString();
        }

        /** A name from an SMTP greeting or EHLO, where a masked banner puts a word instead. */
        void greetingName(String name) {
            if (name != null && !NOT_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                host(name);
            }
        }

        void ip(String address) {
            if (address == null) {
                return;
            }
            String lower = address.toLowerCase(Locale.ROOT);
            if (lower.startsWith("127.") || lower.equals("0.0.0.0") || lower.equals("::1") || lower.equals("::")
                    || lower.equals("255.255.255.255")) {
                return; // loopback and unspecified addresses identify nobody and tell the reader something
            }
            String placeholder = ips.computeIfAbsent(lower, k -> "ip-" + (ips.size() + 1));
            add(address, placeholder, lower.indexOf(':') >= 0 ? Boundary.IPV6 : Boundary.IPV4);
        }

        /** A Windows account: {@code jdoe}, {@code CONTOSO\jdoe} or {@code jdoe@contoso.com}. */
        void account(String raw) {
            if (raw == null || raw.isBlank()) {
                return;
            }
            String name = raw.trim();
            int at = name.indexOf('@');
            if (at > 0) {
                email(name.substring(0, at), name.substring(at + 1));
                user(name.substring(0, at));
                return;
            }
            int slash = name.indexOf('\\');
            if (slash > 0) {
                String netbios = name.substring(0, slash);
                if (!netbios.equals(".")) {
                    add(netbios, netbiosDomain(netbios), Boundary.WORD);
                }
                name = name.substring(slash + 1);
            }
            user(name);
        }

        /** Only the user part of an account, so that its placeholder comes first. */
        void accountUser(String raw) {
            if (raw == null || raw.isBlank()) {
                return;
            }
            String name = raw.trim();
            int at = name.indexOf('@');
            int slash = name.indexOf('\\');
            user(at > 0 ? name.substring(0, at) : slash > 0 ? name.substring(slash + 1) : name);
        }

        private void user(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.length() < 2 || GENERIC_USERS.contains(lower)) {
                return;
            }
            add(name, users.computeIfAbsent(lower, k -> "user-" + (users.size() + 1)), Boundary.WORD);
        }

        void email(String local, String domainName) {
            if (!tenants && isTenantName(domainName)) {
                return;
            }
            String lower = local.toLowerCase(Locale.ROOT);
            String user = users.computeIfAbsent(lower, k -> "user-" + (users.size() + 1));
            String domain = dotted(domainName);
            if (domain == null) {
                domain = domainName;
            } else {
                add(domainName, domain, Boundary.NAME);
            }
            add(local + "@" + domainName, user + "@" + domain, Boundary.ADDRESS);
        }

        void organisation(String name) {
            if (name == null || name.isBlank() || name.trim().length() < 3) {
                return;
            }
            String lower = name.trim().toLowerCase(Locale.ROOT);
            add(name.trim(), organisations.computeIfAbsent(lower, k -> "org-" + (organisations.size() + 1)), Boundary.WORD);
        }

        private String label(String label) {
            return labels.computeIfAbsent(label.toLowerCase(Locale.ROOT), k -> "host-" + (labels.size() + 1));
        }

        private String domain(String domain) {
            return domains.computeIfAbsent(domain.toLowerCase(Locale.ROOT), k -> "domain-" + (domains.size() + 1));
        }

        /** {@code contoso-com} is contoso.com's tenant: the same placeholder when that domain is known. */
        private String tenant(String label) {
            for (java.util.Map.Entry<String, String> domain : domains.entrySet()) {
                if (domain.getKey().replace('.', '-').equals(label)) {
                    return domain.getValue();
                }
            }
            return tenantLabels.computeIfAbsent(label, k -> "tenant-" + (tenantLabels.size() + 1));
        }

        /** {@code CONTOSO} is contoso.com's NetBIOS name when that domain is known. */
        private String netbiosDomain(String netbios) {
            String lower = netbios.toLowerCase(Locale.ROOT);
            for (java.util.Map.Entry<String, String> domain : domains.entrySet()) {
                if (domain.getKey().startsWith(lower + ".")) {
                    return domain.getValue();
                }
            }
            return domain(lower);
        }

        private void add(String original, String placeholder, Boundary boundary) {
            entries.putIfAbsent(original.toLowerCase(Locale.ROOT), new Entry(original, placeholder, boundary));
        }

        /** One pass over a text, longest name first, so a placeholder is never rewritten again. */
        UnaryOperator<String> rewriter() {
            if (entries.isEmpty()) {
                return text -> text;
            }
            List<Entry> ordered = new ArrayList<>(entries.values());
            ordered.sort(Comparator.comparingInt((Entry e) -> e.original().length()).reversed()
                    .thenComparing(Entry::original));
            StringBuilder regex = new StringBuilder();
            for (Entry entry : ordered) {
                if (!regex.isEmpty()) {
                    regex.append('|');
                }
                regex.append(entry.boundary().before).append(Pattern.quote(entry.original())).append(entry.boundary().after);
            }
            Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            java.util.Map<String, String> byName = new java.util.HashMap<>();
            for (Entry entry : ordered) {
                byName.put(entry.original().toLowerCase(Locale.ROOT), entry.placeholder());
            }
            return text -> text == null ? null : pattern.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(byName.getOrDefault(m.group().toLowerCase(Locale.ROOT), m.group())));
        }
    }
}
