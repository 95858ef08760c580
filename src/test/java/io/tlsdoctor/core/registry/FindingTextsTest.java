package io.tlsdoctor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.LocalizedText;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FindingTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyTextInFindingsJsonHasEnglishAndSwedish() {
        Map<String, LocalizedText> texts = FindingTexts.get().allTexts();

        assertThat(texts).hasSizeGreaterThan(100);
        assertThat(texts.entrySet())
                .filteredOn(entry -> !entry.getValue().isCompleteFor(Languages.ALL))
                .extracting(Map.Entry::getKey)
                .as("texts missing a language")
                .isEmpty();
    }

    @Test
    void swedishUsesTheSamePlaceholdersAsEnglish() {
        Map<String, LocalizedText> texts = FindingTexts.get().allTexts();

        assertThat(texts.entrySet())
                .filteredOn(entry -> !placeholders(entry.getValue().in(Languages.ENGLISH))
                        .equals(placeholders(entry.getValue().in(Languages.SWEDISH))))
                .extracting(Map.Entry::getKey)
                .as("texts whose translations fill in different values")
                .isEmpty();
    }

    @Test
    void swedishIsATranslationNotACopy() {
        Map<String, LocalizedText> texts = FindingTexts.get().allTexts();

        // Small words may be proper names ("Windows Update"); sentences must differ.
        assertThat(texts.entrySet())
                .filteredOn(entry -> !entry.getKey().startsWith("words."))
                .filteredOn(entry -> entry.getValue()
                        .in(Languages.ENGLISH)
                        .equals(entry.getValue().in(Languages.SWEDISH)))
                .extracting(Map.Entry::getKey)
                .isEmpty();
    }

    @Test
    void localizedArgumentsAreFilledInPerLanguage() {
        LocalizedText text = FindingTexts.format(
                LocalizedText.of("TLS 1.2 is {0}", "TLS 1.2 är {0}"),
                FindingTexts.get().word("state.DISABLED"));

        assertThat(text.in(Languages.ENGLISH)).isEqualTo("TLS 1.2 is disabled");
        assertThat(text.in(Languages.SWEDISH)).isEqualTo("TLS 1.2 är inaktiverat");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
