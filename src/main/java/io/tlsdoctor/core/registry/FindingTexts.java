package io.tlsdoctor.core.registry;

import com.fasterxml.jackson.databind.JsonNode;
import io.tlsdoctor.core.json.Json;
import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the registry check, from {@code findings.json}: per finding id a title and, per variant, a detail and
 * a remediation; plus small words ({@code state.ENABLED}, ...) used inside them. Placeholders {@code {0}}... are
 * replaced literally (no MessageFormat, so apostrophes in the texts need no escaping). An argument that is itself a
 * {@link LocalizedText} is filled in per language.
 */
public final class FindingTexts {

    /** {@code headline}: shown instead of the finding's title for this outcome; null to show the title. */
    private record Variant(LocalizedText headline, LocalizedText detail, LocalizedText remediation) {}

    private record Entry(LocalizedText title, Map<String, Variant> variants, DocLink docs) {}

    private static final FindingTexts INSTANCE = load();

    private final Map<String, Entry> findings;
    private final Map<String, LocalizedText> words;

    private FindingTexts(Map<String, Entry> findings, Map<String, LocalizedText> words) {
        this.findings = findings;
        this.words = words;
    }

    public static FindingTexts get() {
        return INSTANCE;
    }

    public LocalizedText title(String id) {
        return entry(id).title();
    }

    /**
     * What a finding with this outcome is headed: the variant's own headline where it has one (an outcome that knows
     * nothing must not be headed by the finding's claim, which reads as a pass), else the finding's title.
     */
    public LocalizedText headline(String id, String variant) {
        LocalizedText headline = variant(id, variant).headline();
        return headline == null ? title(id) : headline;
    }

    /** The Microsoft page that documents finding {@code id}. */
    public DocLink docs(String id) {
        return entry(id).docs();
    }

    /** Every finding id the file knows, in its order. */
    public java.util.Set<String> ids() {
        return java.util.Collections.unmodifiableSet(findings.keySet());
    }

    public LocalizedText detail(String id, String variant, Object... args) {
        return format(variant(id, variant).detail(), args);
    }

    /** {@code null} when the variant needs no action. */
    public LocalizedText remediation(String id, String variant, Object... args) {
        LocalizedText remediation = variant(id, variant).remediation();
        return remediation == null ? null : format(remediation, args);
    }

    public LocalizedText word(String key) {
        LocalizedText word = words.get(key);
        if (word == null) {
            throw new IllegalStateException("findings.json has no word " + key);
        }
        return word;
    }

    /** Every text in the file, named by where it sits, for the completeness test. */
    public Map<String, LocalizedText> allTexts() {
        Map<String, LocalizedText> all = new LinkedHashMap<>();
        words.forEach((key, text) -> all.put("words." + key, text));
        findings.forEach((id, entry) -> {
            all.put(id + ".title", entry.title());
            all.put(id + ".docs.title", entry.docs().title());
            entry.variants().forEach((name, variant) -> {
                if (variant.headline() != null) {
                    all.put(id + "." + name + ".headline", variant.headline());
                }
                all.put(id + "." + name + ".detail", variant.detail());
                if (variant.remediation() != null) {
                    all.put(id + "." + name + ".remediation", variant.remediation());
                }
            });
        });
        return all;
    }

    /** A text that reads the same in every language: paths, values, product names. */
    public static LocalizedText literal(String text) {
        Map<String, String> map = new HashMap<>();
        for (Locale locale : Languages.ALL) {
            map.put(locale.getLanguage(), text);
        }
        return new LocalizedText(map);
    }

    /** Joins texts per language. */
    public static LocalizedText join(List<LocalizedText> parts, String separator) {
        Map<String, String> map = new HashMap<>();
        for (Locale locale : Languages.ALL) {
            List<String> texts = new ArrayList<>();
            for (LocalizedText part : parts) {
                texts.add(part.in(locale));
            }
            map.put(locale.getLanguage(), String.join(separator, texts));
        }
        return new LocalizedText(map);
    }

    public static LocalizedText format(LocalizedText pattern, Object... args) {
        Map<String, String> map = new HashMap<>();
        for (Locale locale : Languages.ALL) {
            String text = pattern.in(locale);
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                String value = arg instanceof LocalizedText localized ? localized.in(locale) : String.valueOf(arg);
                text = text.replace("{" + i + "}", value);
            }
            map.put(locale.getLanguage(), text);
        }
        return new LocalizedText(map);
    }

    private Entry entry(String id) {
        Entry entry = findings.get(id);
        if (entry == null) {
            throw new IllegalStateException("findings.json has no finding " + id);
        }
        return entry;
    }

    private Variant variant(String id, String variant) {
        Variant found = entry(id).variants().get(variant);
        if (found == null) {
            throw new IllegalStateException("findings.json has no variant " + id + "/" + variant);
        }
        return found;
    }

    private static FindingTexts load() {
        JsonNode root = Resources.read("findings.json");
        Map<String, LocalizedText> words = new LinkedHashMap<>();
        root.required("words").fields().forEachRemaining(entry -> words.put(entry.getKey(), text(entry.getValue())));
        Map<String, Entry> findings = new LinkedHashMap<>();
        root.required("findings").fields().forEachRemaining(entry -> {
            JsonNode node = entry.getValue();
            Map<String, Variant> variants = new LinkedHashMap<>();
            node.required("variants").fields().forEachRemaining(variant -> {
                JsonNode remediation = variant.getValue().get("remediation");
                JsonNode headline = variant.getValue().get("headline");
                variants.put(
                        variant.getKey(),
                        new Variant(
                                headline == null ? null : text(headline),
                                text(variant.getValue().required("detail")),
                                remediation == null || remediation.isNull() ? null : text(remediation)));
            });
            JsonNode docs = node.required("docs");
            findings.put(
                    entry.getKey(),
                    new Entry(
                            text(node.required("title")),
                            variants,
                            new DocLink(
                                    text(docs.required("title")),
                                    docs.required("url").asText())));
        });
        return new FindingTexts(findings, words);
    }

    private static LocalizedText text(JsonNode node) {
        try {
            return Json.mapper().treeToValue(node, LocalizedText.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("findings.json: not a text " + node, e);
        }
    }
}
