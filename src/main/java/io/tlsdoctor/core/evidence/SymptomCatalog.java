package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.json.JsonObject;
import io.tlsdoctor.core.text.LocalizedText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The diagnostic knowledge of the recogniser, loaded from {@code symptom-catalog.json}: for every code its texts in
 * English and Swedish, where a user sees it, what to check next; the context markers; and the ordered matching
 * rules. Kept as data so that a support engineer can add a wording without touching code.
 */
public final class SymptomCatalog {

    static final String RESOURCE = "/io/tlsdoctor/core/evidence/symptom-catalog.json";

    private final Map<SymptomCode, Symptom> symptoms;
    private final Map<String, LocalizedText> checks;
    private final ContextMarkers contextMarkers;
    private final List<Rule> rules;
    private final RouteReader.Hints route;
    private final Map<String, String> checkKinds;
    private final Map<Direction, List<String>> checksByDirection;
    private final Map<Direction, List<LocalizedText>> causesByDirection;

    private SymptomCatalog(Document document) {
        Map<SymptomCode, Symptom> byCode = new EnumMap<>(SymptomCode.class);
        for (Symptom symptom : document.symptoms()) {
            if (byCode.put(symptom.code(), symptom) != null) {
                throw new IllegalStateException("symptom catalog: " + symptom.code() + " is described twice");
            }
            for (String check : symptom.nextChecks()) {
                if (!document.checks().containsKey(check)) {
                    throw new IllegalStateException(
                            "symptom catalog: " + symptom.code() + " names unknown check " + check);
                }
            }
        }
        for (SymptomCode code : SymptomCode.values()) {
            if (!byCode.containsKey(code)) {
                throw new IllegalStateException("symptom catalog: no entry for " + code);
            }
        }
        this.symptoms = byCode;
        this.checks = Map.copyOf(document.checks());
        this.contextMarkers = document.contextMarkers();
        List<Rule> compiled = new ArrayList<>();
        for (RuleSpec spec : document.rules()) {
            compiled.add(Rule.compile(spec, compiled.size()));
        }
        this.rules = List.copyOf(compiled);
        this.route = document.route();
        if (!document.checkKinds().keySet().equals(document.checks().keySet())) {
            throw new IllegalStateException("symptom catalog: checkKinds must name exactly the checks");
        }
        this.checkKinds = Map.copyOf(document.checkKinds());
        this.checksByDirection = Map.copyOf(document.checksByDirection());
        this.causesByDirection = Map.copyOf(document.causesByDirection());
        checksByDirection.values().stream()
                .flatMap(List::stream)
                .filter(check -> !checks.containsKey(check))
                .findFirst()
                .ifPresent(check -> {
                    throw new IllegalStateException("symptom catalog: checksByDirection names unknown check " + check);
                });
    }

    /** The catalog that ships with TLS Doctor. */
    public static SymptomCatalog load() {
        try (InputStream in = SymptomCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("symptom catalog missing from the build: " + RESOURCE);
            }
            return new SymptomCatalog(Document.of(JsonObject.read(in, "symptom-catalog.json")));
        } catch (IOException e) {
            throw new UncheckedIOException("symptom catalog cannot be read: " + e.getMessage(), e);
        }
    }

    public Symptom symptom(SymptomCode code) {
        return symptoms.get(code);
    }

    /** The four seed symptoms in the order the wizard shows them as cards. */
    public List<Symptom> seedSymptoms() {
        return symptoms.values().stream()
                .filter(s -> s.category() == Category.SEED_SYMPTOM)
                .toList();
    }

    /** Every symptom, seeds and lookalikes (tests walk the whole catalogue with it; the wizard offers only the seeds as cards). */
    public List<Symptom> allSymptoms() {
        return List.copyOf(symptoms.values());
    }

    /** What a next check means, in the user's words. */
    public String checkText(String checkId, Locale locale) {
        LocalizedText text = checks.get(checkId);
        return text == null ? checkId : text.in(locale);
    }

    public Map<String, LocalizedText> checks() {
        return checks;
    }

    /** What to check next for a code seen in a direction: the direction's own list where it has one. */
    public List<String> nextChecks(SymptomCode code, Direction direction) {
        return checksByDirection.getOrDefault(direction, symptom(code).nextChecks());
    }

    /** The likely causes of a code seen in a direction: the direction's own list where it has one. */
    public List<LocalizedText> likelyCauses(SymptomCode code, Direction direction) {
        return causesByDirection.getOrDefault(direction, symptom(code).likelyCauses());
    }

    /** Which of TLS Doctor's checks carries out a catalogue check ("MANUAL": the user does it by hand). */
    public String checkKind(String checkId) {
        return checkKinds.get(checkId);
    }

    ContextMarkers contextMarkers() {
        return contextMarkers;
    }

    List<Rule> rules() {
        return rules;
    }

    RouteReader.Hints routeHints() {
        return route;
    }

    // == JSON shape ==
    // Read field by field with the streaming parser (JsonObject), not by Jackson's data binding: the catalogue is
    // loaded before the wizard's window shows, and binding these records reflectively cost 0.5 to 1 s of start-up.

    record Document(
            String about,
            List<Symptom> symptoms,
            Map<String, LocalizedText> checks,
            Map<Direction, List<String>> checksByDirection,
            Map<Direction, List<LocalizedText>> causesByDirection,
            Map<String, String> checkKinds,
            ContextMarkers contextMarkers,
            RouteReader.Hints route,
            List<RuleSpec> rules) {

        static Document of(JsonObject json) {
            json.allowOnly(
                    "about",
                    "symptoms",
                    "checks",
                    "checksByDirection",
                    "causesByDirection",
                    "checkKinds",
                    "contextMarkers",
                    "route",
                    "rules");
            Map<String, String> kinds =
                    new java.util.HashMap<>(json.object("checkKinds").map(JsonObject.Element::string));
            kinds.remove("about");
            return new Document(
                    json.optionalString("about"),
                    json.list("symptoms", element -> Symptom.of(element.object())),
                    json.object("checks").map(SymptomCatalog::localized),
                    byDirection(json.object("checksByDirection"), JsonObject::strings),
                    byDirection(
                            json.object("causesByDirection"), (o, field) -> o.list(field, SymptomCatalog::localized)),
                    kinds,
                    ContextMarkers.of(json.object("contextMarkers")),
                    route(json.object("route")),
                    json.list("rules", element -> RuleSpec.of(element.object())));
        }

        private static <T> Map<Direction, T> byDirection(
                JsonObject json, java.util.function.BiFunction<JsonObject, String, T> read) {
            List<String> known = new ArrayList<>(List.of("about"));
            for (Direction direction : Direction.values()) {
                known.add(direction.name());
            }
            json.allowOnly(known.toArray(String[]::new));
            Map<Direction, T> byDirection = new EnumMap<>(Direction.class);
            for (Direction direction : Direction.values()) {
                if (json.has(direction.name())) {
                    byDirection.put(direction, read.apply(json, direction.name()));
                }
            }
            return byDirection;
        }

        private static RouteReader.Hints route(JsonObject json) {
            json.allowOnly(
                    "about",
                    "generatorLabels",
                    "remoteLabels",
                    "recipientLabels",
                    "senderLabels",
                    "exchangeOnlineHosts",
                    "publicProviders");
            return new RouteReader.Hints(
                    json.strings("generatorLabels"),
                    json.strings("remoteLabels"),
                    json.strings("recipientLabels"),
                    json.strings("senderLabels"),
                    json.strings("exchangeOnlineHosts"),
                    json.strings("publicProviders"));
        }
    }

    private static LocalizedText localized(JsonObject.Element element) {
        return new LocalizedText(element.object().map(JsonObject.Element::string));
    }

    private static LocalizedText localized(JsonObject json, String field) {
        return new LocalizedText(json.object(field).map(JsonObject.Element::string));
    }

    /**
     * Everything the user is told about one code.
     *
     * @param exampleText the exact text a user would see (shown on the symptom cards), or null
     */
    public record Symptom(
            SymptomCode code,
            Category category,
            Direction direction,
            LocalizedText title,
            LocalizedText whereSeen,
            String exampleText,
            LocalizedText explanation,
            Map<Direction, LocalizedText> explanationByDirection,
            List<LocalizedText> likelyCauses,
            List<String> nextChecks) {
        public Symptom {
            explanationByDirection = explanationByDirection == null ? Map.of() : Map.copyOf(explanationByDirection);
            likelyCauses = likelyCauses == null ? List.of() : List.copyOf(likelyCauses);
            nextChecks = nextChecks == null ? List.of() : List.copyOf(nextChecks);
        }

        static Symptom of(JsonObject json) {
            json.allowOnly(
                    "code",
                    "category",
                    "direction",
                    "title",
                    "whereSeen",
                    "exampleText",
                    "explanation",
                    "explanationByDirection",
                    "likelyCauses",
                    "nextChecks");
            Map<Direction, LocalizedText> byDirection = json.has("explanationByDirection")
                    ? json.object("explanationByDirection").enumMap(Direction.class, SymptomCatalog::localized)
                    : Map.of();
            return new Symptom(
                    json.enumValue("code", SymptomCode.class),
                    json.enumValue("category", Category.class),
                    json.enumValue("direction", Direction.class),
                    localized(json, "title"),
                    localized(json, "whereSeen"),
                    json.optionalString("exampleText"),
                    localized(json, "explanation"),
                    byDirection,
                    json.list("likelyCauses", SymptomCatalog::localized),
                    json.strings("nextChecks"));
        }

        /** The explanation for the direction it was seen in (a receive log tells another story than a send log). */
        public String explanation(Direction seenDirection, Locale locale) {
            LocalizedText text = explanationByDirection.getOrDefault(seenDirection, explanation);
            return text.in(locale);
        }
    }

    /** Lower-case substrings that tell where a line was seen. */
    record ContextMarkers(List<String> ndr, List<String> queue, List<String> queueLine) {

        static ContextMarkers of(JsonObject json) {
            json.allowOnly("ndr", "queue", "queueLine");
            return new ContextMarkers(json.strings("ndr"), json.strings("queue"), json.strings("queueLine"));
        }
    }

    /**
     * One matching rule. In {@code pattern} a space matches any run of white space, none included, because consoles
     * wrap inside words and we join wrapped lines without a separator. {@code requires} is a lower-case word that
     * must occur for the pattern to be tried at all (cheap on 50 MB pastes).
     */
    record RuleSpec(
            String id, SymptomCode code, String pattern, String requires, List<When> when, List<String> examples) {

        static RuleSpec of(JsonObject json) {
            json.allowOnly("id", "code", "pattern", "requires", "when", "examples");
            return new RuleSpec(
                    json.string("id"),
                    json.enumValue("code", SymptomCode.class),
                    json.string("pattern"),
                    json.string("requires"),
                    json.list("when", element -> When.of(element.object())),
                    json.strings("examples"));
        }
    }

    /** In which context a rule applies, and with what direction and confidence. {@code "*"} is any context. */
    record When(String context, Direction direction, double confidence) {

        static When of(JsonObject json) {
            json.allowOnly("context", "direction", "confidence");
            return new When(
                    json.string("context"), json.enumValue("direction", Direction.class), json.number("confidence"));
        }

        boolean appliesTo(LineContext lineContext) {
            return switch (context) {
                case "*" -> true;
                case "PROTOCOL_LOG_ANY" -> lineContext.isProtocolLog();
                case "NOT_PROTOCOL_LOG" -> !lineContext.isProtocolLog();
                default -> context.equals(lineContext.name());
            };
        }
    }

    /** A rule ready to run; {@code order} decides which rule wins when two matches overlap. */
    record Rule(RuleSpec spec, Pattern pattern, int order) {

        static Rule compile(RuleSpec spec, int order) {
            if (spec.requires() == null
                    || spec.requires().isBlank()
                    || !spec.requires().equals(spec.requires().toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException(
                        "rule " + spec.id() + ": 'requires' must be a non-empty lower-case word");
            }
            for (When when : spec.when()) {
                if (!List.of("*", "PROTOCOL_LOG_ANY", "NOT_PROTOCOL_LOG").contains(when.context())) {
                    LineContext.valueOf(when.context()); // fails loudly on a typo
                }
            }
            try {
                return new Rule(spec, Pattern.compile(wrapTolerant(spec.pattern()), Pattern.CASE_INSENSITIVE), order);
            } catch (PatternSyntaxException e) {
                throw new IllegalStateException("rule " + spec.id() + ": bad pattern: " + e.getDescription(), e);
            }
        }

        Optional<When> when(LineContext context) {
            return spec.when().stream().filter(w -> w.appliesTo(context)).findFirst();
        }

        /** Spaces outside character classes become "any white space, possessively" so wraps never break a match. */
        static String wrapTolerant(String pattern) {
            StringBuilder out = new StringBuilder(pattern.length() + 16);
            boolean inClass = false;
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '\\' && i + 1 < pattern.length()) {
                    out.append(c).append(pattern.charAt(++i));
                    continue;
                }
                if (c == '[') {
                    inClass = true;
                } else if (c == ']') {
                    inClass = false;
                }
                if (c == ' ' && !inClass) {
                    out.append("\\s*+");
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
