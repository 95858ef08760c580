package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * Recognises the TLS 1.0/1.1-disablement symptoms and their lookalikes in whatever text a user has.
 *
 * <p>Each logical line is matched against the catalog's rules in order; where two matches overlap, the earlier rule
 * wins (so {@code 450 4.4.317 ... [Message=451 4.4.0 TLS negotiation failed with error SocketError]} is an Exchange
 * Online trace, not a send-log line). A match may also span the break to the next line, which catches text wrapped
 * by a mail client or console. Matches are grouped by code and direction.
 */
public final class EvidenceRecognizer {

    /** How far around a line break a wrapped match may reach; every pattern is bounded well below this. */
    private static final int WRAP_WINDOW = 400;

    private static final int EXCERPT_CONTEXT = 120;
    private static final int MAX_EXCERPT = 400;

    private final SymptomCatalog catalog;
    private final RouteReader routes;

    public EvidenceRecognizer(SymptomCatalog catalog) {
        this.catalog = catalog;
        this.routes = new RouteReader(catalog.routeHints());
    }

    public SymptomCatalog catalog() {
        return catalog;
    }

    public Recognition recognize(EvidenceText given) {
        // an .eml NDR, saved or pasted as source; an NDR's HTML body pasted as source (OWA, a ticket system)
        EvidenceText evidence = HtmlText.decodeIfHtml(MimeMessageText.decodeIfEmail(given));
        List<LogicalLine> lines = TextNormalizer.normalize(evidence.text());
        LineContext[] contexts = ContextResolver.resolve(lines, catalog.contextMarkers());
        MailRoute route = routes.read(lines);
        Map<GroupKey, Group> groups = new LinkedHashMap<>();
        // per line, the spans already claimed (start → end, never overlapping): a sorted map keeps the overlap test
        // logarithmic, so one long line with a match every few characters stays linear
        List<java.util.NavigableMap<Integer, Integer>> claims = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            claims.add(new java.util.TreeMap<>());
        }
        String nextLower = lines.isEmpty() ? "" : lower(lines.get(0).text());
        for (int i = 0; i < lines.size(); i++) {
            LogicalLine line = lines.get(i);
            String lower = nextLower;
            LogicalLine next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            nextLower = next == null ? "" : lower(next.text());
            List<Candidate> candidates = new ArrayList<>();
            collectSingleLine(line, lower, candidates);
            if (next != null) {
                collectAcrossBreak(line, lower, next, nextLower, candidates);
            }
            candidates.sort(
                    Comparator.comparingInt((Candidate c) -> c.rule.order()).thenComparingInt(c -> c.start));
            for (Candidate candidate : candidates) {
                accept(candidate, i, lines, contexts[i], route, claims, groups);
            }
        }
        EhloListings.withoutStartTls(lines).ifPresent(listing -> {
            Group offered = groups.computeIfAbsent(
                    new GroupKey(SymptomCode.STARTTLS_NOT_OFFERED, Direction.EXO_TO_ONPREM), k -> new Group());
            // "STARTTLS is required" beside it is the sender meeting that server, not a client's settings
            Group client = groups.remove(new GroupKey(SymptomCode.CLIENT_CONFIGURATION, Direction.CLIENT_SUBMISSION));
            if (client != null) {
                offered.merge(client);
            }
            offered.add(
                    new Candidate(null, listing.text(), 0, listing.text().length(), -1),
                    listing.lines(),
                    EhloListings.CONFIDENCE);
        });
        List<Detection> detections = new ArrayList<>();
        for (Map.Entry<GroupKey, Group> entry : groups.entrySet()) {
            detections.add(entry.getValue().toDetection(entry.getKey(), catalog));
        }
        detections.sort(Comparator.comparing(Detection::category)
                .thenComparing(d -> d.lines().get(0)));
        return new Recognition(
                detections, TextNormalizer.splitLines(evidence.text()).size(), evidence, route);
    }

    private void collectSingleLine(LogicalLine line, String lower, List<Candidate> out) {
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            if (!lower.contains(rule.spec().requires())) {
                continue;
            }
            Matcher m = rule.pattern().matcher(line.text());
            while (m.find()) {
                if (m.end() > m.start()) {
                    out.add(new Candidate(rule, line.text(), m.start(), m.end(), -1));
                }
            }
        }
    }

    /**
     * Matches that begin on this line and end on the next: text wrapped by a mail client or a console. A mail client
     * breaks between words, so the lines are first joined with a space, which the excerpt then shows as the author
     * wrote it; only a rule that matches nothing so (a console or an encoder broke inside a word) is tried on the
     * lines joined without one. A quoted-printable soft break ({@code =} at the end) always joins without one.
     */
    private void collectAcrossBreak(
            LogicalLine line, String lower, LogicalLine next, String nextLower, List<Candidate> out) {
        String text = line.text().substring(0, joinedLength(line.text()));
        String separator = text.length() < line.text().length() ? "" : " ";
        int tailStart = Math.max(0, text.length() - WRAP_WINDOW);
        String nextText = next.text().stripLeading();
        String head = nextText.substring(0, Math.min(nextText.length(), WRAP_WINDOW));
        String tail = text.substring(tailStart);
        int boundary = tail.length();
        String spaced = null;
        String glued = null;
        String gluedLower = null;
        String spacedLower = null;
        for (SymptomCatalog.Rule rule : catalog.rules()) {
            String requires = rule.spec().requires();
            if (!lower.contains(requires.substring(0, Math.min(3, requires.length())))
                    && !nextLower.contains(requires.substring(Math.max(0, requires.length() - 3)))) {
                continue; // neither side has even a piece of the required word
            }
            if (glued == null) {
                glued = tail + head;
                gluedLower = lower(glued);
                spaced = tail + separator + head;
                spacedLower = lower(spaced);
            }
            if (!gluedLower.contains(requires) && !spacedLower.contains(requires)) {
                continue;
            }
            if (!addCrossing(rule, spaced, boundary, separator.length(), tailStart, out) && !separator.isEmpty()) {
                addCrossing(rule, glued, boundary, 0, tailStart, out);
            }
        }
    }

    /** Adds the matches of {@code rule} in {@code joined} that take text from both lines; whether there were any. */
    private static boolean addCrossing(
            SymptomCatalog.Rule rule, String joined, int boundary, int gap, int tailStart, List<Candidate> out) {
        boolean found = false;
        Matcher m = rule.pattern().matcher(joined);
        while (m.find()) {
            if (m.start() < boundary && m.end() > boundary + gap) {
                out.add(new Candidate(rule, joined, m.start(), m.end(), tailStart, gap));
                found = true;
            }
        }
        return found;
    }

    private void accept(
            Candidate c,
            int lineIndex,
            List<LogicalLine> lines,
            LineContext context,
            MailRoute route,
            List<java.util.NavigableMap<Integer, Integer>> claims,
            Map<GroupKey, Group> groups) {
        LogicalLine line = lines.get(lineIndex);
        int start = c.spanStartOnLine();
        int end = c.crossesBreak() ? line.text().length() : c.end;
        if (overlaps(claims.get(lineIndex), start, end)) {
            return;
        }
        int nextEnd = -1;
        if (c.crossesBreak()) {
            LogicalLine next = lines.get(lineIndex + 1);
            int leading = next.text().length() - next.text().stripLeading().length();
            nextEnd = leading + (c.end - (joinedLength(line.text()) - c.tailStart) - c.gap);
            if (overlaps(claims.get(lineIndex + 1), 0, nextEnd)) {
                return;
            }
        }
        Optional<SymptomCatalog.When> when = c.rule.when(context);
        if (when.isEmpty()) {
            return; // this rule does not apply where the line was seen
        }
        claims.get(lineIndex).put(start, end);
        List<Integer> physicalLines = new ArrayList<>(line.linesIn(start, end));
        if (nextEnd >= 0) {
            claims.get(lineIndex + 1).put(0, nextEnd);
            physicalLines.addAll(lines.get(lineIndex + 1).linesIn(0, nextEnd));
        }
        Direction seen = when.get().direction();
        // Who wrote a report decides which hop its words are about; a log or queue is always this server's own.
        boolean reportLine = context == LineContext.NDR || context == LineContext.UNKNOWN;
        Direction direction = reportLine ? route.directionOf(seen) : seen;
        double confidence = reportLine
                ? route.confidenceOf(when.get().confidence(), seen)
                : when.get().confidence();
        GroupKey key = new GroupKey(c.rule.spec().code(), direction);
        Group group = groups.computeIfAbsent(key, k -> new Group());
        group.add(c, physicalLines, confidence);
    }

    /** How much of a line takes part in a join: all but a quoted-printable soft break the decoder did not see. */
    private static int joinedLength(String text) {
        return text.endsWith("=") && !text.endsWith("==") ? text.length() - 1 : text.length();
    }

    /** The claimed spans do not overlap each other, so only the last one starting before {@code end} can overlap. */
    private static boolean overlaps(java.util.NavigableMap<Integer, Integer> spans, int start, int end) {
        Map.Entry<Integer, Integer> before = spans.lowerEntry(end);
        return before != null && start < before.getValue();
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /**
     * A match before overlap resolution; {@code tailStart} ≥ 0 when it was found across a line break, where
     * {@code gap} characters (a space, or none) stand for the break.
     */
    private record Candidate(SymptomCatalog.Rule rule, String text, int start, int end, int tailStart, int gap) {

        Candidate(SymptomCatalog.Rule rule, String text, int start, int end, int tailStart) {
            this(rule, text, start, end, tailStart, 0);
        }

        boolean crossesBreak() {
            return tailStart >= 0;
        }

        int spanStartOnLine() {
            return crossesBreak() ? tailStart + start : start;
        }
    }

    private record GroupKey(SymptomCode code, Direction direction) {}

    private static final class Group {
        private final TreeSet<Integer> lines = new TreeSet<>();
        private int occurrences;
        private double confidence;
        private String excerpt;
        private int matchStart;
        private int matchEnd;

        void add(Candidate c, List<Integer> physicalLines, double ruleConfidence) {
            occurrences++;
            confidence = Math.max(confidence, ruleConfidence);
            for (Integer line : physicalLines) {
                if (lines.size() < Detection.MAX_LINES) {
                    lines.add(line);
                }
            }
            if (excerpt == null) {
                int from = Math.max(0, c.start - EXCERPT_CONTEXT);
                int to = Math.min(c.text.length(), Math.max(c.end + EXCERPT_CONTEXT, from + MAX_EXCERPT));
                to = Math.min(to, Math.max(c.end, from + MAX_EXCERPT));
                String prefix = from > 0 ? "…" : "";
                String suffix = to < c.text.length() ? "…" : "";
                excerpt = prefix + c.text.substring(from, to).strip() + suffix;
                String raw = c.text.substring(from, to);
                int leading = raw.length() - raw.stripLeading().length();
                matchStart = prefix.length() + (c.start - from) - leading;
                matchEnd = matchStart + (c.end - c.start);
            }
        }

        void merge(Group other) {
            occurrences += other.occurrences;
            confidence = Math.max(confidence, other.confidence);
            for (Integer line : other.lines) {
                if (lines.size() < Detection.MAX_LINES) {
                    lines.add(line);
                }
            }
            if (excerpt == null) {
                excerpt = other.excerpt;
                matchStart = other.matchStart;
                matchEnd = other.matchEnd;
            }
        }

        Detection toDetection(GroupKey key, SymptomCatalog catalog) {
            SymptomCatalog.Symptom symptom = catalog.symptom(key.code());
            return new Detection(
                    key.code(),
                    symptom.category(),
                    key.direction(),
                    confidence,
                    List.copyOf(lines),
                    occurrences,
                    excerpt,
                    matchStart,
                    Math.min(matchEnd, excerpt.length()));
        }
    }
}
