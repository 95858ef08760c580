package io.tlsdoctor.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string exists in English and Swedish, and every key the code uses exists. */
class MessagesConsistencyTest {

    private static final Pattern KEY_LITERAL = Pattern.compile(
            "\"((?:cli|evidence|step|wizard|app|dialog|direction|category|language|registry|probe|logs|fix|summary|diagnosis|review|fleet)\\.[A-Za-z0-9.]*[A-Za-z0-9])\"");

    @Test
    void englishAndSwedishHaveTheSameKeys() throws IOException {
        Set<String> english = keys("messages.properties");
        Set<String> swedish = keys("messages_sv.properties");
        assertThat(difference(english, swedish))
                .as("keys missing in messages_sv.properties")
                .isEmpty();
        assertThat(difference(swedish, english))
                .as("keys missing in messages.properties")
                .isEmpty();
    }

    @Test
    void noTranslationIsLeftEmptyOrUntranslatedByAccident() throws IOException {
        Properties english = load("messages.properties");
        Properties swedish = load("messages_sv.properties");
        Set<String> sameOnPurpose = Set.of(
                "app.title",
                "usage.synopsisHeading",
                "step.symptom.title",
                "cli.registry.column.label",
                "cli.registry.exchange",
                "step.registry.evidence.value",
                "step.fix.result.line");
        for (String key : english.stringPropertyNames()) {
            assertThat(swedish.getProperty(key)).as(key).isNotBlank();
            if (!sameOnPurpose.contains(key) && english.getProperty(key).length() > 12) {
                assertThat(swedish.getProperty(key))
                        .as("%s is not translated", key)
                        .isNotEqualTo(english.getProperty(key));
            }
        }
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Set<String> known = keys("messages.properties");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        used.removeAll(registryFindingIds()); // finding ids share the "registry." prefix but are data, not message keys
        used.removeIf(literal -> literal.matches(".*\\.(reg|json|txt|log|csv|eml)")); // file names such as "fix.reg"
        for (Direction direction : Direction.values()) {
            used.add("direction." + direction);
            used.add("direction.detail." + direction);
        }
        for (Category category : Category.values()) {
            used.add("category." + category);
        }
        for (io.tlsdoctor.core.fix.ChangeResult.State state : io.tlsdoctor.core.fix.ChangeResult.State.values()) {
            used.add("cli.fix.state." + state);
        }
        for (io.tlsdoctor.core.fix.ApplyResult.Outcome outcome : io.tlsdoctor.core.fix.ApplyResult.Outcome.values()) {
            used.add("cli.fix.outcome." + outcome);
        }
        for (io.tlsdoctor.core.diagnosis.Cause cause : io.tlsdoctor.core.diagnosis.Cause.values()) {
            used.add("diagnosis.cause." + cause + ".title");
        }
        for (io.tlsdoctor.core.diagnosis.Confidence confidence : io.tlsdoctor.core.diagnosis.Confidence.values()) {
            used.add("step.diagnosis.confidence." + confidence);
        }
        for (io.tlsdoctor.core.diagnosis.EvidenceLink.Bearing bearing :
                io.tlsdoctor.core.diagnosis.EvidenceLink.Bearing.values()) {
            used.add("step.diagnosis.bearing." + bearing);
        }
        for (io.tlsdoctor.core.diagnosis.CheckKind kind : io.tlsdoctor.core.diagnosis.CheckKind.values()) {
            used.add("step.diagnosis.source." + kind);
        }
        for (io.tlsdoctor.core.diagnosis.CheckMode mode : io.tlsdoctor.core.diagnosis.CheckMode.values()) {
            used.add("step.diagnosis.mode." + mode);
        }
        assertThat(difference(used, known))
                .as("keys used in code but missing from messages.properties")
                .isEmpty();
    }

    @Test
    void apostrophesAreDoubledForMessageFormat() throws IOException {
        Properties english = load("messages.properties");
        Properties swedish = load("messages_sv.properties");
        Pattern single = Pattern.compile("(?<!')'(?!')");
        for (Properties bundle : new Properties[] {english, swedish}) {
            for (String key : bundle.stringPropertyNames()) {
                assertThat(single.matcher(bundle.getProperty(key)).find())
                        .as("%s has a single apostrophe", key)
                        .isFalse();
            }
        }
    }

    /**
     * "warning(s)", "varning(ar)", "källservern/-servrarna": a count is worded with a choice format
     * ({@code {0,choice,0#no warnings|1#1 warning|1<{0} warnings}}) or the sentence avoids the number, so what the
     * helpdesk pastes into a ticket reads as written by a person. The diagnostic knowledge in the JSON resources too.
     */
    @Test
    void noParenthesisedOrSlashedPlurals() throws IOException {
        Pattern plural = Pattern.compile("\\p{L}(\\((s|es|ar|er|or|r|n|en|na|a|e)\\)|/-\\p{L})");
        for (String file : new String[] {"messages.properties", "messages_sv.properties"}) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                assertThat(plural.matcher(bundle.getProperty(key)).find())
                        .as("%s in %s: %s", key, file, bundle.getProperty(key))
                        .isFalse();
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                Matcher m = plural.matcher(Files.readString(file));
                assertThat(m.find() ? m.group() : null)
                        .as("a parenthesised plural in %s", file)
                        .isNull();
            }
        }
    }

    private static Set<String> registryFindingIds() throws IOException {
        try (InputStream in =
                MessagesConsistencyTest.class.getResourceAsStream("/io/tlsdoctor/core/registry/findings.json")) {
            Set<String> ids = new TreeSet<>();
            io.tlsdoctor.core.json.Json.mapper()
                    .readTree(in)
                    .get("findings")
                    .fieldNames()
                    .forEachRemaining(ids::add);
            return ids;
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Set<String> keys(String file) throws IOException {
        return new TreeSet<>(load(file).stringPropertyNames());
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesConsistencyTest.class.getResourceAsStream("/io/tlsdoctor/i18n/" + file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
