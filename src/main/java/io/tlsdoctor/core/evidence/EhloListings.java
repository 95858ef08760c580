package io.tlsdoctor.core.evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An EHLO answer copied from a telnet or tool transcript ({@code 250-mail.contoso.com Hello [..]}, {@code 250-SIZE},
 * ..., {@code 250 XRDST}) that lists no STARTTLS: the server does not offer TLS on that port. On port 25 of an
 * on-premises server that is what Exchange Online meets when it reports "STARTTLS is required to send mail", so the
 * same words beside such a listing are about the receive connector, not a client's settings. A listing spans
 * several lines, which the line-by-line rules cannot see.
 */
final class EhloListings {

    static final double CONFIDENCE = 0.7;
    private static final int MIN_LINES = 3;
    /** Signs that TLS was already started before a listing: a server lists no STARTTLS inside TLS. */
    private static final List<String> INSIDE_TLS = List.of(
            "ready to start tls",
            "smtp server ready",
            "-starttls",
            "ssl-session",
            "cipher is",
            "new, tlsv",
            "tls handshake",
            "starttls command works");

    private static final Set<String> CAPABILITIES = Set.of(
            "size",
            "pipelining",
            "8bitmime",
            "enhancedstatuscodes",
            "chunking",
            "dsn",
            "xrdst",
            "auth",
            "binarymime",
            "smtputf8",
            "x-anonymoustls",
            "xexch50",
            "x-expsgssapi");

    /** The listing's physical lines and its text. */
    record Listing(List<Integer> lines, String text) {}

    private EhloListings() {}

    /** The first EHLO listing without STARTTLS, unless it is Exchange Online's own. */
    static Optional<Listing> withoutStartTls(List<LogicalLine> lines) {
        int i = 0;
        boolean insideTls = false;
        while (i < lines.size()) {
            String lower = lines.get(i).text().toLowerCase(Locale.ROOT);
            insideTls |= INSIDE_TLS.stream().anyMatch(lower::contains);
            if (insideTls) {
                return Optional.empty(); // the listings after this are the ones inside TLS
            }
            int end = i;
            while (end < lines.size() && replyBody(lines.get(end).text()) != null) {
                end++;
            }
            if (end - i >= MIN_LINES) {
                Optional<Listing> listing = judge(lines.subList(i, end));
                if (listing.isPresent()) {
                    return listing;
                }
            }
            i = Math.max(end, i + 1);
        }
        return Optional.empty();
    }

    private static Optional<Listing> judge(List<LogicalLine> run) {
        boolean capability = false;
        StringBuilder text = new StringBuilder();
        List<Integer> physical = new ArrayList<>();
        for (LogicalLine line : run) {
            String body = replyBody(line.text());
            String lower = body.toLowerCase(Locale.ROOT);
            if (lower.contains("starttls") || lower.contains("outlook.com")) {
                return Optional.empty();
            }
            String word = lower.split("[ =]", 2)[0];
            capability |= CAPABILITIES.contains(word) || lower.contains(" hello ");
            if (text.length() < 400) {
                text.append(text.length() == 0 ? "" : " | ").append(body.strip());
            }
            physical.addAll(line.linesIn(0, line.text().length()));
        }
        return capability ? Optional.of(new Listing(physical, text.toString())) : Optional.empty();
    }

    /** The reply text after {@code 250-} or {@code 250 }, with transcript markers before it; null for other lines. */
    private static String replyBody(String line) {
        int i = 0;
        int n = Math.min(line.length(), 40);
        while (i < n
                && (Character.isWhitespace(line.charAt(i))
                        || "<>-:".indexOf(line.charAt(i)) >= 0
                        || ((line.charAt(i) == 'S' || line.charAt(i) == 's')
                                && i + 1 < n
                                && line.charAt(i + 1) == ':'))) {
            i++;
        }
        if (line.startsWith("250", i)
                && line.length() > i + 3
                && (line.charAt(i + 3) == '-' || line.charAt(i + 3) == ' ')) {
            return line.substring(i + 4);
        }
        return null;
    }
}
