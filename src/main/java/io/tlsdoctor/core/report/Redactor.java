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
 * Names are gathered first from what the case knows: the fields that hold them (computer and user name, probe
 * targets, certificate names, log remotes and connectors, SMTP greetings), then by scanning every text of the whole
 * summary ({@link RecordStrings}, so a part added later is covered) for addresses, e-mail addresses (quoted and
 * non-ASCII local parts too) and their display names, the servers an NDR or a Received header names,
 * {@code DOMAIN\\user} accounts, user folders in paths, the organisation of a certificate whose name is hidden
 * (also hex-encoded DN values), and domain names: with a known top-level domain, or under a domain the case already
 * knows whatever its ending ({@code .lab}, {@code .internal}, {@code .md}). A known name is then replaced wherever it
 * appears, ignoring case, also glued to {@code _} or {@code -} as in folder names. Then every string is rewritten in one pass that tries the longest name first, ignoring case, so
 * {@code mail.contoso.com} becomes {@code host-1.domain-1} wherever {@code contoso.com} is {@code domain-1}, and a
 * placeholder is never itself rewritten. What a reader needs stays: TLS versions, build numbers (which look like
 * addresses but are not: {@code 15.2.1118.7}), SMTP codes, registry paths, and Microsoft's public service names, of
 * which only the tenant label is hidden ({@code contoso-com.mail.protection.outlook.com} →
 * {@code domain-1.mail.protection.outlook.com}).
 */
final class Redactor {

    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";
    private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final String IPV4_TEXT = OCTET + "(?:\\." + OCTET + "){3}";

    /** The part of an address before the @: a quoted string ({@code "john doe"}) or letters of any script. */
    private static final String LOCAL_PART =
            "\"[^\"\\r\\n]{1,64}\"|[\\p{L}\\p{N}_%+-](?:[\\p{L}\\p{N}._%+'-]{0,62}[\\p{L}\\p{N}_%+-])?";

    private static final String MAIL_DOMAIN = "(?:" + LABEL + "\\.)+\\p{L}[\\p{L}\\p{N}-]{0,62}";
    static final Pattern EMAIL =
            Pattern.compile("(?<![\\p{L}\\p{N}._%+-])(" + LOCAL_PART + ")@(" + MAIL_DOMAIN + ")(?![\\p{L}\\p{N}-])");
    /** A display name before an address in angle brackets: {@code "Bowen, Megan" <megan.bowen@contoso.com>}. */
    private static final Pattern DISPLAY_NAME = Pattern.compile(
            "(?:\"([^\"\\r\\n<>]{1,80})\"|(?<![\\p{L}\\p{N}])(\\p{L}[\\p{L}\\p{M}'’. -]{0,78}\\p{L}))\\s*<\\s*(?:mailto:)?("
                    + LOCAL_PART + ")@" + MAIL_DOMAIN + "\\s*>");

    static final Pattern NAME = Pattern.compile("(?<![\\p{L}\\p{N}.-])(?:" + LABEL
            + "\\.)+\\p{L}(?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?(?![\\p{L}\\p{N}])");
    static final Pattern IPV4 = Pattern.compile("(?<![0-9A-Za-z.])" + IPV4_TEXT + "(?![0-9A-Za-z]|\\.[0-9])");
    /** Not inside a longer run of groups, but may follow a word and a colon, as in a certificate's {@code IP:2001:db8::5}. */
    private static final String IPV6_BEFORE = "(?<![0-9A-Za-z.])(?:(?<![0-9A-Fa-f]:)|(?<=[Ii][Pp][Vv]6:))";

    static final Pattern IPV6 = Pattern.compile(
            IPV6_BEFORE + "(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + IPV4_TEXT + "|[0-9A-Fa-f]{1,4})?(?![0-9A-Za-z:])");
    /**
     * In a transcript ({@code S:}/{@code C:} lines of a probe, {@code >}/{@code <} rows of a protocol log): the name a
     * server gives in its greeting or EHLO reply, and the name a client gives in EHLO/HELO. Only there: a sentence
     * that mentions EHLO must not make its next word a host.
     */
    private static final Pattern SMTP_NAME = Pattern.compile(
            "(?m)(?:^S: |,[<>],)(?:220[ -]([A-Za-z0-9][A-Za-z0-9.-]*)\\s|250[ -]([A-Za-z0-9][A-Za-z0-9.-]*) Hello\\b)"
                    + "|(?:^C: |,[<>],)(?:EHLO|HELO) ([A-Za-z0-9][A-Za-z0-9.-]*)",
            Pattern.CASE_INSENSITIVE);
    /** Words a greeting puts where a name could be, that are never one. */
    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of(
            "microsoft", "esmtp", "smtp", "mail", "service", "ready", "hello", "server", "postfix", "exchange");

    private static final Pattern LEADING_SMTP_CODE = Pattern.compile("^[0-9]{3}[ -]");
    /**
     * The servers an NDR or a Received header names, single-label ones too: {@code Generating server: EXCH2016},
     * {@code Received: from EX02 (10.0.0.6) by EX01}. After "from" and "by" only a name that looks like a server
     * (with a digit or a dot, or in capitals) counts, so that prose is not read as names.
     */
    private static final Pattern SERVER_FIELD = Pattern.compile(
            "(?i)(?:Generating server|Receiving server|Reporting server|Reporting-MTA|Remote-MTA|Remote Server at"
                    + "|LastAttemptedServerName|Original-Recipient|Server name)\\s*[:=]?\\s*(?:dns;\\s*)?"
                    + "([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])"
                    + "|\\b(?:from|by)\\s+([A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9])(?=\\s*[(\\[]|\\s+with\\b)");
    /** {@code CONTOSO\\jdoe}: only the first part of a path can be an account, so not {@code HKLM\\SYSTEM}'s later ones. */
    private static final Pattern BACKSLASH_ACCOUNT = Pattern.compile(
            "(?<![\\p{L}\\p{N}\\\\_.$-])([A-Za-z0-9][A-Za-z0-9-]{0,14})\\\\([\\p{L}\\p{N}][\\p{L}\\p{N}._$-]{1,63})");
    /** A user's folder in a path: {@code C:\\Users\\k.lindqvist\\Desktop}, {@code /home/asmith/cases}. */
    private static final Pattern USER_FOLDER = Pattern.compile(
            "(?i)(?:^|[\\\\/])(?:Users|home|Documents and Settings)[\\\\/]([^\\\\/:*?\"<>|\\r\\n]{2,64})");
    /** A DN attribute written as hex DER, as Java writes an e-mail address in a subject: {@code 1.2.840.113549.1.9.1=#1615…}. */
    private static final Pattern HEX_VALUE = Pattern.compile("=(#[0-9A-Fa-f]{6,1024})(?![0-9A-Fa-f])");

    private static final Pattern DN_PART =
            Pattern.compile("(?i)(?<![A-Za-z0-9.])(CN|O|OU|DC)=(\"[^\"]*\"|[^,;+/\\r\\n]*)");
    /** Registry hives and Windows names before a backslash that are never a domain. */
    private static final java.util.Set<String> NOT_DOMAINS = java.util.Set.of(
            "hklm", "hkcu", "hku", "hkcr", "hkcc", "nt", "builtin", "schannel", "system", "software", "registry");
    /** Words that follow a server name and a backslash (a receive connector), or name a group, never a person. */
    private static final java.util.Set<String> NOT_USERS = java.util.Set.of(
            "default",
            "client",
            "frontend",
            "outbound",
            "inbound",
            "internal",
            "receive",
            "send",
            "hub",
            "exchange",
            "domain",
            "organization",
            "users",
            "servers",
            "public",
            "all",
            "everyone",
            "authenticated",
            "protocols");
    /** Display names that are a system, not a person. */
    private static final java.util.Set<String> NOT_PEOPLE = java.util.Set.of(
            "microsoft outlook",
            "microsoft exchange",
            "mail delivery system",
            "mail delivery subsystem",
            "mailer-daemon",
            "postmaster",
            "exchange online",
            "microsoft 365",
            "office 365",
            "system administrator",
            "administrator");
    /** First labels of a domain that are ordinary words: not hidden on their own, only as part of the domain. */
    private static final java.util.Set<String> COMMON_LABELS = java.util.Set.of(
            "mail",
            "smtp",
            "exchange",
            "microsoft",
            "outlook",
            "office",
            "server",
            "local",
            "test",
            "example",
            "home",
            "internal",
            "corp",
            "lan",
            "intranet",
            "company",
            "group",
            "online",
            "cloud",
            "email",
            "web",
            "www",
            "the",
            "tlsdoctor");

    /**
     * Top-level domains a scanned name must end in to count as one: real ones and the private ones Active Directory
     * domains use. Without this, file names (restore.reg, SEND20261120-1.LOG) and .NET names would be "domains".
     */
    private static final java.util.Set<String> TLDS = java.util.Set.of(
            "com",
            "net",
            "org",
            "info",
            "biz",
            "edu",
            "gov",
            "mil",
            "int",
            "name",
            "pro",
            "aero",
            "coop",
            "museum",
            "cloud",
            "online",
            "site",
            "tech",
            "app",
            "dev",
            "xyz",
            "top",
            "shop",
            "store",
            "email",
            "company",
            "services",
            "solutions",
            "systems",
            "group",
            "global",
            "network",
            "digital",
            "agency",
            "consulting",
            "microsoft",
            "local",
            "lan",
            "corp",
            "internal",
            "intra",
            "intranet",
            "home",
            "localdomain",
            "private",
            "test",
            "example",
            "invalid",
            "arpa",
            "ad");
    /** Two-letter endings that are file extensions far more often than country domains in what we show. */
    private static final java.util.Set<String> NOT_COUNTRIES = java.util.Set.of(
            "md", "sh", "js", "cs", "py", "rs", "ps", "gz", "xz", "db", "vb", "fs", "ts", "rb", "hs", "pm");
    /** Second-level labels under which the registrable domain has three labels: contoso.co.uk. */
    private static final java.util.Set<String> SECOND_LEVEL =
            java.util.Set.of("co", "com", "net", "org", "ac", "gov", "edu", "ltd", "plc", "or", "ne", "go");
    /** Microsoft's public names: kept as they are, the reader needs to know the peer was Exchange Online. */
    private static final List<String> PUBLIC_SUFFIXES = List.of(
            "outlook.com",
            "office365.com",
            "office.com",
            "microsoft.com",
            "microsoftonline.com",
            "windows.net",
            "exchangelabs.com",
            "msft.net",
            "outlook.de",
            "outlook.cn",
            "office365.us",
            "office365.cn",
            "onmicrosoft.com",
            "mx.microsoft");
    /** Public names whose first label is the customer's tenant: that label is hidden, the rest kept. */
    private static final List<String> TENANT_SUFFIXES = List.of(
            "mail.protection.outlook.com",
            "mail.protection.outlook.de",
            "mail.protection.partner.outlook.cn",
            "mail.protection.office365.us",
            "mail.onmicrosoft.com",
            "onmicrosoft.com",
            "mx.microsoft");

    private static final java.util.Set<String> DOTNET_NAMES = java.util.Set.of("asp.net", "ado.net", "vb.net");
    /** Built-in account names: they identify nobody, and replacing "Administrator" everywhere would garble text. */
    private static final java.util.Set<String> GENERIC_USERS = java.util.Set.of(
            "administrator", "admin", "system", "guest", "user", "root", "local service", "network service");

    private Redactor() {}

    static DiagnosisSummary redact(DiagnosisSummary summary) {
        if (summary.redacted()) {
            return summary;
        }
        return redact(summary, List.of()).summary();
    }

    /** A summary and other texts (a log, a backup) rewritten with one set of placeholders. */
    record Redacted(DiagnosisSummary summary, List<String> texts) {}

    /**
     * Redacts {@code summary} (null when there is none) and {@code others} together: names are gathered from all of
     * them first, so {@code mail.contoso.com} is {@code host-1} in the summary and in every log line alike.
     */
    static Redacted redact(DiagnosisSummary summary, List<String> others) {
        Placeholders names = new Placeholders();
        List<String> builds = new ArrayList<>();
        if (summary != null && summary.context() != null) {
            addIfPresent(builds, summary.context().exchangeBuild());
            addIfPresent(builds, summary.context().osBuild());
            addIfPresent(builds, summary.context().toolVersion());
        }
        List<String> texts = new ArrayList<>();
        if (summary != null) {
            RecordStrings.forEach(summary, texts::add); // the whole summary: a part added later is scanned too
        }
        texts.addAll(others);
        // Twice: a tenant label (contoso-com) takes its domain's placeholder, so every domain must be known first.
        for (boolean tenants : new boolean[] {false, true}) {
            names.tenants = tenants;
            if (summary != null) {
                gatherStructured(summary, names);
            }
            for (String text : texts) {
                scan(text, names, builds);
            }
        }
        UnaryOperator<String> rewrite = names.rewriter();
        DiagnosisSummary redacted = summary == null
                ? null
                : summary.redacted()
                        ? summary
                        : RecordStrings.map(summary, rewrite, Redactor::formatField)
                                .markedRedacted();
        return new Redacted(redacted, others.stream().map(rewrite).toList());
    }

    /**
     * A comparison of many servers: every server's name is a host to hide (single-label names too), and every text
     * is scanned as in a one-server summary, so a name in a file path, an outlier sentence or a fix plan gets the same
     * placeholder as in the table.
     */
    static FleetSummary redact(FleetSummary summary) {
        if (summary.redacted()) {
            return summary;
        }
        Placeholders names = new Placeholders();
        List<String> builds = new ArrayList<>();
        addIfPresent(builds, summary.toolVersion());
        List<String> texts = new ArrayList<>();
        RecordStrings.forEach(summary, texts::add);
        for (String text : texts) {
            Matcher build = BUILD.matcher(text);
            while (build.find()) {
                builds.add(build.group());
            }
        }
        for (boolean tenants : new boolean[] {false, true}) {
            names.tenants = tenants;
            for (FleetSummary.Row row : summary.rows()) {
                names.host(row.server());
            }
            for (FleetSummary.Fix fix : summary.fixes()) {
                names.host(fix.server());
            }
            for (String text : texts) {
                scan(text, names, builds);
            }
        }
        UnaryOperator<String> rewrite = names.rewriter();
        return RecordStrings.map(summary, rewrite, Redactor::fleetFormatField).markedRedacted();
    }

    /** An Exchange or Windows build in a cell, {@code 15.2.1544.4}: kept, though it can look like an address. */
    private static final Pattern BUILD =
            Pattern.compile("(?<![0-9.])1[45]\\.[0-9]\\.[0-9]{1,4}\\.[0-9]{1,4}(?![0-9.])");

    private static boolean fleetFormatField(java.lang.reflect.RecordComponent component) {
        return component.getDeclaringRecord() == FleetSummary.class
                && List.of("schema", "language", "createdAt", "toolVersion").contains(component.getName());
    }

    /** The summary's schema and language name the format, not the case: never rewritten. */
    private static boolean formatField(java.lang.reflect.RecordComponent component) {
        return component.getDeclaringRecord() == DiagnosisSummary.class
                && (component.getName().equals("schema") || component.getName().equals("language"));
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
            if (handshake.certificate() != null
                    && !handshake.certificate().chain().isEmpty()) {
                CertificateEntry leaf = handshake.certificate().chain().get(0);
                String commonName = attribute(leaf.subject(), "CN");
                names.host(commonName);
                if (names.hides(commonName)) {
                    // the organisation of a customer's certificate names the customer; Microsoft's stays
                    names.organisation(attribute(leaf.subject(), "O"));
                }
                for (String alternative : leaf.alternativeNames()) {
                    String name = alternative
                            .replaceFirst("(?i)^(DNS|IP Address|IP):", "")
                            .trim();
                    names.host(name.startsWith("*.") ? name.substring(2) : name);
                }
            }
        }
        if (summary.connectors() != null) {
            connectorNames(summary.connectors(), names);
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

    private static final Pattern SERVER_PARAMETER = Pattern.compile("-Server '([^']+)'");
    private static final Pattern SERVER_IDENTITY = Pattern.compile("(?:^|')([A-Za-z0-9][A-Za-z0-9-]{0,62})\\\\");
    private static final Pattern THUMBPRINT = Pattern.compile("(?<![0-9A-Fa-f])[0-9A-Fa-f]{40}(?![0-9A-Fa-f])");
    private static final Pattern FOUND_ON =
            Pattern.compile("(?:\\bon|\\bpå) ([A-Za-z0-9][A-Za-z0-9.-]*(?:, [A-Za-z0-9][A-Za-z0-9.-]*)*)\\.$");

    /**
     * The connectors check names servers ({@code -Server 'EX01'}, {@code EX01\\Default Frontend EX01}), certificate
     * names and thumbprints in its subjects, evidence and commands: each is a name to hide wherever it appears.
     */
    private static void connectorNames(DiagnosisSummary.ConnectorsCheck connectors, Placeholders names) {
        List<String> texts = new ArrayList<>(connectors.sources().stream()
                .filter(s -> !s.contains("/") && !s.contains("\\"))
                .toList());
        texts.forEach(names::host); // a live read names the server it read
        for (DiagnosisSummary.ConnectorItem item : connectors.findings()) {
            texts.clear();
            texts.add(item.subject());
            texts.add(item.detail());
            texts.addAll(item.evidence());
            texts.addAll(item.commands());
            for (String text : texts) {
                if (text == null) {
                    continue;
                }
                Matcher server = SERVER_PARAMETER.matcher(text);
                while (server.find()) {
                    names.host(server.group(1));
                }
                Matcher identity = SERVER_IDENTITY.matcher(text);
                while (identity.find()) {
                    names.host(identity.group(1));
                }
                Matcher thumbprint = THUMBPRINT.matcher(text);
                while (thumbprint.find()) {
                    names.thumbprint(thumbprint.group());
                }
                Matcher found = FOUND_ON.matcher(text);
                if (found.find()) {
                    for (String host : found.group(1).split(", ")) {
                        names.host(host);
                    }
                }
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
        Matcher m = Pattern.compile("(?i)(?:^|[,;/]\\s*)" + name + "=(\"[^\"]*\"|[^,;/+]*)")
                .matcher(dn);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1).trim();
        return value.startsWith("\"") && value.endsWith("\"") && value.length() >= 2
                ? value.substring(1, value.length() - 1)
                : value;
    }

    // == Names found by scanning every text ==

    private static void scan(String text, Placeholders names, List<String> builds) {
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            names.email(email.group(1), email.group(2));
        }
        Matcher display = DISPLAY_NAME.matcher(text);
        while (display.find()) {
            names.displayName(display.group(1) != null ? display.group(1) : display.group(2), display.group(3));
        }
        Matcher server = SERVER_FIELD.matcher(text);
        while (server.find()) {
            String found = server.group(1) != null ? server.group(1) : server.group(2);
            boolean serverLike = server.group(1) != null
                    || found.chars().anyMatch(c -> c == '.' || Character.isDigit(c))
                    || found.equals(found.toUpperCase(Locale.ROOT));
            if (serverLike) {
                names.greetingName(found);
            }
        }
        Matcher account = BACKSLASH_ACCOUNT.matcher(text);
        while (account.find()) {
            names.backslashAccount(account.group(1), account.group(2));
        }
        Matcher folder = USER_FOLDER.matcher(text);
        while (folder.find()) {
            names.user(folder.group(1).trim());
        }
        Matcher hex = HEX_VALUE.matcher(text);
        while (hex.find()) {
            String decoded = derText(hex.group(1).substring(1));
            if (decoded != null) {
                scan(decoded, names, builds);
                names.encoded(hex.group(1), decoded);
            }
        }
        distinguishedNames(text, names);
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
            if (looksLikeDomainName(found) || names.knowsPartOf(found)) {
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
            // a build number of this case's own software stays; any other address is one, even after "version"
            boolean build = builds.stream().anyMatch(b -> b.contains(found));
            if (!build) {
                names.ip(found);
            }
        }
    }

    /**
     * The certificate names in a text (a probe's subject, a log's certificate row): an organisation or unit is the
     * customer's when the common name of the same certificate is hidden, and DC= parts spell an AD domain.
     */
    private static void distinguishedNames(String text, Placeholders names) {
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.indexOf("CN=") < 0 && upper.indexOf("DC=") < 0) {
            return;
        }
        // one certificate's parts run until the next CN=; the parts before the first CN= belong to it
        List<List<String[]>> certificates = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        boolean sawName = false;
        Matcher part = DN_PART.matcher(text);
        while (part.find()) {
            String type = part.group(1).toUpperCase(Locale.ROOT);
            String value = part.group(2).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            if (type.equals("CN") && sawName) {
                certificates.add(current);
                current = new ArrayList<>();
            }
            sawName |= type.equals("CN");
            current.add(new String[] {type, value});
        }
        certificates.add(current);
        for (List<String[]> parts : certificates) {
            List<String> components = new ArrayList<>();
            String commonName = null;
            for (String[] p : parts) {
                if (p[0].equals("CN")) {
                    commonName = p[1];
                } else if (p[0].equals("DC")) {
                    components.add(p[1]);
                }
            }
            if (components.size() >= 2) {
                names.host(String.join(".", components));
            }
            if (commonName != null && commonName.indexOf('.') > 0 && commonName.indexOf(' ') < 0) {
                names.host(commonName.startsWith("*.") ? commonName.substring(2) : commonName);
            }
            if (commonName != null && names.hides(commonName.startsWith("*.") ? commonName.substring(2) : commonName)) {
                for (String[] p : parts) {
                    if (p[0].equals("O") || p[0].equals("OU")) {
                        names.organisation(p[1]);
                    }
                }
            }
        }
    }

    /** The text of a DER string (UTF8String, PrintableString, IA5String, T61String, BMPString), or null. */
    static String derText(String hex) {
        if (hex.length() % 2 != 0) {
            return null;
        }
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        int tag = bytes[0] & 0xFF;
        int length = bytes[1] & 0xFF;
        int offset = 2;
        if (length == 0x81 && bytes.length > 2) {
            length = bytes[2] & 0xFF;
            offset = 3;
        }
        if (offset + length != bytes.length) {
            return null;
        }
        java.nio.charset.Charset charset = switch (tag) {
            case 0x0C -> java.nio.charset.StandardCharsets.UTF_8;
            case 0x13, 0x16 -> java.nio.charset.StandardCharsets.US_ASCII;
            case 0x14 -> java.nio.charset.StandardCharsets.ISO_8859_1;
            case 0x1E -> java.nio.charset.StandardCharsets.UTF_16BE;
            default -> null;
        };
        return charset == null ? null : new String(bytes, offset, length, charset);
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
            WORD("(?<![\\p{L}\\p{N}.])", "(?![\\p{L}\\p{N}]|\\.[\\p{L}\\p{N}])"),
            /**
             * A dotted name: not in the middle of a longer word, but glued to anything else ({@code 250-mail.contoso.com},
             * {@code EX01_mail.contoso.com-old}); a longer dotted name that ends in it keeps its first labels.
             */
            NAME("(?<![\\p{L}\\p{N}])", "(?![\\p{L}\\p{N}])"),
            ADDRESS("(?<![\\p{L}\\p{N}._%+-])", "(?![\\p{L}\\p{N}-])"),
            IPV4("(?<![0-9A-Za-z.])", "(?![0-9A-Za-z]|\\.[0-9])"),
            IPV6(IPV6_BEFORE, "(?![0-9A-Za-z:])"),
            /** A hex-encoded DN value, {@code #1615…}. */
            HEX("", "(?![0-9A-Fa-f])");

            private final String before;
            private final String after;

            Boundary(String before, String after) {
                this.before = before;
                this.after = after;
            }
        }

        private record Entry(String original, String placeholder, Boundary boundary) {}

        private final java.util.Map<String, String> labels = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> domains = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> ips = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> users = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> tenantLabels = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> organisations = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, String> thumbprints = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, Entry> entries = new java.util.LinkedHashMap<>();
        /** Hex-encoded DN values and the text they hold: replaced by that text, redacted. */
        private final java.util.Map<String, String> encoded = new java.util.LinkedHashMap<>();
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
                if (suffix.endsWith("onmicrosoft.com")
                        ? rest.equals(suffix)
                        : (rest.equals(suffix) || suffix.equals("mx.microsoft") && rest.endsWith("." + suffix))
                                && label.indexOf('-') > 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether this name is replaced (not a public Microsoft name, not loopback). */
        boolean hides(String name) {
            if (name == null) {
                return false;
            }
            Entry entry = entries.get(name.trim().toLowerCase(Locale.ROOT));
            return entry != null && !entry.placeholder().equalsIgnoreCase(entry.original());
        }

        /**
         * Whether a dotted name is the case's own whatever its ending: under a domain it already knows
         * ({@code dc01.contoso.lab}) or starting with a server it knows ({@code EXCH2016.corp.example}).
         */
        boolean knowsPartOf(String dotted) {
            String lower = dotted.toLowerCase(Locale.ROOT);
            for (String domain : domains.keySet()) {
                if (lower.equals(domain) || lower.endsWith("." + domain)) {
                    return true;
                }
            }
            int dot = lower.indexOf('.');
            return dot > 0 && hides(lower.substring(0, dot)) && labels.containsKey(lower.substring(0, dot));
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
            // a public name is kept as itself, and as a whole, so that no hidden word inside it is replaced
            add(name, replaced != null ? replaced : name, Boundary.NAME);
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
            if (lower.endsWith(".invalid")) {
                return null; // never a real name (RFC 2606): what a tool says instead of one
            }
            if ("localhost".equals(lower)
                    || PUBLIC_SUFFIXES.stream().anyMatch(s -> lower.equals(s) || lower.endsWith("." + s))) {
                return null;
            }
            String[] parts = lower.split("\\.");
            int registrable = parts.length >= 3
                            && parts[parts.length - 1].length() == 2
                            && SECOND_LEVEL.contains(parts[parts.length - 2])
                    ? 3
                    : 2;
            if (parts.length <= registrable) {
                return domain(lower);
            }
            String domain =
                    String.join(".", java.util.Arrays.copyOfRange(parts, parts.length - registrable, parts.length));
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
            if (lower.startsWith("127.")
                    || lower.equals("0.0.0.0")
                    || lower.equals("::1")
                    || lower.equals("::")
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

        void user(String name) {
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
            String user = personOf(local);
            String domain = dotted(domainName);
            if (domain == null) {
                domain = domainName;
            } else {
                add(domainName, domain, Boundary.NAME);
            }
            add(local + "@" + domainName, user + "@" + domain, Boundary.ADDRESS);
        }

        /**
         * The user placeholder of an address's local part. A quoted ({@code "john doe"}) or person-like one
         * ({@code megan.bowen}, {@code åsa.öberg}) is hidden on its own too; a plain word ({@code info}) only in the
         * address, so that the word stays readable elsewhere.
         */
        private String personOf(String local) {
            String bare = local.length() >= 2 && local.startsWith("\"") && local.endsWith("\"")
                    ? local.substring(1, local.length() - 1)
                    : local;
            String lower = bare.toLowerCase(Locale.ROOT);
            String user = users.computeIfAbsent(lower, k -> "user-" + (users.size() + 1));
            boolean personLike =
                    bare != local || bare.chars().anyMatch(c -> c == '.' || c == '_' || c == '\'' || c > 0x7F);
            if (personLike
                    && bare.length() >= 3
                    && !lower.startsWith("microsoftexchange")
                    && !GENERIC_USERS.contains(lower)) {
                add(bare, user, Boundary.WORD);
            }
            return user;
        }

        /** A person's name before their address: hidden whole, and each part of a two- or three-part name. */
        void displayName(String display, String local) {
            if (display == null) {
                return;
            }
            String name = display.trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (name.length() < 3 || NOT_PEOPLE.contains(lower) || lower.startsWith("microsoft")) {
                return;
            }
            String user = personOf(local);
            add(name, user, Boundary.WORD);
            String[] parts = name.split("[\\s,]+");
            if (parts.length >= 2 && parts.length <= 3) {
                for (String part : parts) {
                    if (part.length() >= 3
                            && part.chars().allMatch(Character::isLetter)
                            && Character.isUpperCase(part.codePointAt(0))
                            && !NOT_PEOPLE.contains(part.toLowerCase(Locale.ROOT))) {
                        add(part, user, Boundary.WORD);
                    }
                }
            }
        }

        /**
         * {@code PREFIX\\name} in a text: an account when the prefix is a domain the case knows, or looks like a NetBIOS
         * domain (in capitals) and is not a registry hive or a server of the case (whose {@code EX01\\Default
         * Frontend EX01} is a connector).
         */
        void backslashAccount(String prefix, String name) {
            String lowerPrefix = prefix.toLowerCase(Locale.ROOT);
            String lowerName = name.toLowerCase(Locale.ROOT);
            if (NOT_DOMAINS.contains(lowerPrefix) || NOT_USERS.contains(lowerName) || prefix.equals(".")) {
                return;
            }
            boolean knownDomain =
                    domains.keySet().stream().anyMatch(d -> d.equals(lowerPrefix) || d.startsWith(lowerPrefix + "."));
            boolean server = labels.containsKey(lowerPrefix);
            boolean netbiosLike = prefix.equals(prefix.toUpperCase(Locale.ROOT))
                    && prefix.chars().anyMatch(Character::isLetter);
            if (knownDomain || !server && netbiosLike) {
                account(prefix + "\\" + name);
            }
        }

        /** A hex-encoded DN value whose text names someone: it is replaced by that text, redacted. */
        void encoded(String hex, String text) {
            encoded.putIfAbsent(hex.toLowerCase(Locale.ROOT), text);
        }

        /**
         * A certificate's thumbprint identifies the customer's certificate as surely as its name: it becomes
         * {@code thumbprint-N}, and so does the short form the connectors check shows ({@code 3764E7B5…}).
         */
        void thumbprint(String thumbprint) {
            String upper = thumbprint.toUpperCase(Locale.ROOT);
            String placeholder = thumbprints.computeIfAbsent(upper, k -> "thumbprint-" + (thumbprints.size() + 1));
            add(upper, placeholder, Boundary.WORD);
            add(upper.substring(0, 8) + "\u2026", placeholder + "\u2026", Boundary.WORD);
        }

        void organisation(String name) {
            if (name == null || name.isBlank() || name.trim().length() < 3) {
                return;
            }
            String lower = name.trim().toLowerCase(Locale.ROOT);
            add(
                    name.trim(),
                    organisations.computeIfAbsent(lower, k -> "org-" + (organisations.size() + 1)),
                    Boundary.WORD);
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
            domainWords();
            UnaryOperator<String> names = rewriterOf(entries);
            if (encoded.isEmpty()) {
                return names;
            }
            java.util.Map<String, Entry> all = new java.util.LinkedHashMap<>(entries);
            encoded.forEach((hex, text) -> {
                String hidden = names.apply(text);
                if (!hidden.equals(text)) {
                    all.putIfAbsent(hex, new Entry(hex, hidden, Boundary.HEX));
                }
            });
            return rewriterOf(all);
        }

        /**
         * The first label of each of the customer's domains on its own ({@code contoso} of contoso.lab, as in
         * {@code Contoso Lab Issuing CA} or {@code contoso_notes}) takes the domain's placeholder.
         */
        private void domainWords() {
            domains.forEach((domain, placeholder) -> {
                String first = domain.substring(0, Math.max(domain.indexOf('.'), 0));
                if (first.length() >= 4
                        && !COMMON_LABELS.contains(first)
                        && !NOT_NAMES.contains(first)
                        && first.chars().anyMatch(Character::isLetter)) {
                    add(first, placeholder, Boundary.WORD);
                }
            });
        }

        private static UnaryOperator<String> rewriterOf(java.util.Map<String, Entry> entries) {
            if (entries.isEmpty()) {
                return text -> text;
            }
            List<Entry> ordered = new ArrayList<>(entries.values());
            ordered.sort(Comparator.comparingInt((Entry e) -> e.original().length())
                    .reversed()
                    .thenComparing(Entry::original));
            StringBuilder regex = new StringBuilder();
            for (Entry entry : ordered) {
                if (!regex.isEmpty()) {
                    regex.append('|');
                }
                regex.append(entry.boundary().before)
                        .append(Pattern.quote(entry.original()))
                        .append(entry.boundary().after);
            }
            Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            java.util.Map<String, String> byName = new java.util.HashMap<>();
            for (Entry entry : ordered) {
                byName.put(entry.original().toLowerCase(Locale.ROOT), entry.placeholder());
            }
            return text -> text == null
                    ? null
                    : pattern.matcher(text)
                            .replaceAll(m -> Matcher.quoteReplacement(
                                    byName.getOrDefault(m.group().toLowerCase(Locale.ROOT), m.group())));
        }
    }
}
