package io.tlsdoctor.core.evidence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a report's route ({@link MailRoute}) from its diagnostic section: the generating or reporting server, the
 * remote or receiving server, the recipients and the sender. The labels, in every language Exchange writes them,
 * and the host names that tell Exchange Online and public providers apart are data in the catalogue.
 *
 * <p>Every pattern here is a literal label followed by bounded, disjoint character runs, so it runs in linear time
 * on hostile input.
 */
final class RouteReader {

    private static final String HOST = "([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\\.[A-Za-z0-9][A-Za-z0-9-]{0,62}){1,12})";
    private static final String ADDRESS = "[A-Za-z0-9._%+'-]{1,64}@" + HOST;
    /** A line that is an address and nothing else (an NDR lists each recipient so), maybe after a display name. */
    private static final Pattern LONE_ADDRESS =
            Pattern.compile("^[ \\t]{0,8}(?:[^@<>():\\r\\n]{0,80}[(<])?" + ADDRESS + "[)>]?[ \\t.]{0,4}$");

    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "org", "net", "ac", "gov", "or", "ne", "edu");
    private static final int MAX_LINE = 2000;

    private final Hints hints;
    private final Pattern generator;
    private final Pattern remote;
    private final Pattern recipient;
    private final Pattern sender;

    RouteReader(Hints hints) {
        this.hints = hints;
        String hostAfter = "[ \\t]{0,3}(?:dns[ \\t]{0,2};[ \\t]{0,2})?";
        this.generator = labelled(hints.generatorLabels(), hostAfter + HOST);
        this.remote = labelled(hints.remoteLabels(), hostAfter + HOST);
        this.recipient = labelled(hints.recipientLabels(), "[ \\t]{0,3}(?:rfc822[ \\t]{0,2};[ \\t]{0,2})?<?" + ADDRESS);
        this.sender = Pattern.compile(
                "^[ \\t>]{0,8}" + alternation(hints.senderLabels()) + "[^@\\r\\n]{0,120}?" + ADDRESS,
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Lower-case labels and host suffixes, from the catalogue. */
    record Hints(
            List<String> generatorLabels,
            List<String> remoteLabels,
            List<String> recipientLabels,
            List<String> senderLabels,
            List<String> exchangeOnlineHosts,
            List<String> publicProviders) {
        Hints {
            generatorLabels = List.copyOf(generatorLabels);
            remoteLabels = List.copyOf(remoteLabels);
            recipientLabels = List.copyOf(recipientLabels);
            senderLabels = List.copyOf(senderLabels);
            exchangeOnlineHosts = List.copyOf(exchangeOnlineHosts);
            publicProviders = List.copyOf(publicProviders);
        }
    }

    MailRoute read(List<LogicalLine> lines) {
        String generating = null;
        String remoteHost = null;
        Set<String> recipients = new LinkedHashSet<>();
        Set<String> senders = new LinkedHashSet<>();
        for (LogicalLine line : lines) {
            String text = line.text().length() > MAX_LINE ? line.text().substring(0, MAX_LINE) : line.text();
            if (text.indexOf('.') < 0) {
                continue; // no host name, no address
            }
            if (generating == null) {
                generating = first(generator, text, 1);
            }
            if (remoteHost == null) {
                remoteHost = first(remote, text, 1);
            }
            if (text.indexOf('@') >= 0) {
                String to = first(recipient, text, 1);
                if (to == null) {
                    to = first(LONE_ADDRESS, text, 1);
                }
                if (to != null) {
                    recipients.add(lower(to));
                }
                String from = first(sender, text, 1);
                if (from != null) {
                    senders.add(lower(from));
                }
            }
        }
        if (generating == null && remoteHost == null) {
            return MailRoute.NONE; // not a report: nothing to say about hops
        }
        Set<String> yours = new LinkedHashSet<>();
        senders.forEach(domain -> yours.add(organisation(domain)));
        recipients.removeAll(senders); // a report quoting the sender's own address is not a recipient
        return new MailRoute(
                generating,
                generatorParty(generating),
                remoteShown(remoteHost, recipients, yours),
                remoteParty(remoteHost, recipients, yours));
    }

    private MailRoute.Party generatorParty(String host) {
        if (host == null) {
            return MailRoute.Party.UNKNOWN;
        }
        if (isExchangeOnline(host)) {
            return MailRoute.Party.EXCHANGE_ONLINE;
        }
        return isPublicProvider(host) ? MailRoute.Party.THIRD_PARTY : MailRoute.Party.YOUR_ORGANISATION;
    }

    private MailRoute.Party remoteParty(String host, Set<String> recipients, Set<String> yours) {
        boolean recipientPublic = recipients.stream().anyMatch(this::isPublicProvider);
        boolean recipientYours = recipients.stream().anyMatch(domain -> yours.contains(organisation(domain)));
        if (host != null && isExchangeOnline(host)) {
            return recipientPublic ? MailRoute.Party.THIRD_PARTY : MailRoute.Party.EXCHANGE_ONLINE;
        }
        if ((host != null && isPublicProvider(host)) || (recipientPublic && !recipientYours)) {
            return MailRoute.Party.THIRD_PARTY;
        }
        if (yours.isEmpty()) {
            return MailRoute.Party.UNKNOWN; // no sender: whose the recipient is cannot be told
        }
        if ((host != null && yours.contains(organisation(host))) || recipientYours) {
            return MailRoute.Party.YOUR_ORGANISATION;
        }
        return host != null || !recipients.isEmpty() ? MailRoute.Party.THIRD_PARTY : MailRoute.Party.UNKNOWN;
    }

    /** The host that refused, or the recipient's domain when the report names no host. */
    private static String remoteShown(String host, Set<String> recipients, Set<String> yours) {
        if (host != null) {
            return host;
        }
        return recipients.stream()
                .filter(domain -> !yours.contains(organisation(domain)))
                .findFirst()
                .orElse(recipients.stream().findFirst().orElse(null));
    }

    boolean isExchangeOnline(String host) {
        return endsWithAny(lower(host), hints.exchangeOnlineHosts());
    }

    boolean isPublicProvider(String host) {
        return endsWithAny(lower(host), hints.publicProviders());
    }

    private static boolean endsWithAny(String host, List<String> suffixes) {
        for (String suffix : suffixes) {
            if (host.equals(suffix) || host.endsWith("." + suffix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The organisation a domain belongs to, as one word: {@code contoso} for contoso.com, contoso.co.uk,
     * mail.contoso.se and contoso.onmicrosoft.com alike, because one company's tenant, mail host and addresses differ
     * in everything but that.
     */
    static String organisation(String domain) {
        String[] labels = lower(domain).split("\\.");
        for (int i = 1; i < labels.length; i++) {
            if (labels[i].equals("onmicrosoft")) {
                // tenant.onmicrosoft.com, and the hybrid routing domain tenant.mail.onmicrosoft.com
                return labels[i - 1].equals("mail") && i >= 2 ? labels[i - 2] : labels[i - 1];
            }
        }
        int n = labels.length;
        if (n < 2) {
            return labels[0];
        }
        int suffix = n >= 3 && labels[n - 1].length() == 2 && SECOND_LEVEL.contains(labels[n - 2]) ? 2 : 1;
        return labels[n - 1 - suffix];
    }

    private static String first(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(group) : null;
    }

    /** Any of the labels (spaces match a short run of blanks, a colon may follow a space, as in French). */
    private static Pattern labelled(List<String> labels, String after) {
        return Pattern.compile(alternation(labels) + after, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String alternation(List<String> labels) {
        StringBuilder out = new StringBuilder("(?:");
        for (int i = 0; i < labels.size(); i++) {
            if (i > 0) {
                out.append('|');
            }
            for (char c : labels.get(i).toCharArray()) {
                if (c == ' ') {
                    out.append("[ \\t]{1,3}");
                } else if (c == ':') {
                    out.append("[ \\t\\u00a0]{0,2}:");
                } else {
                    out.append(Pattern.quote(String.valueOf(c)));
                }
            }
        }
        return out.append(')').toString();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
