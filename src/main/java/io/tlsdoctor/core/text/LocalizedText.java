package io.tlsdoctor.core.text;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A piece of diagnostic knowledge in every language TLS Doctor speaks, as it is stored in the JSON resources:
 * {@code {"en": "...", "sv": "..."}}. English is the fallback, so a missing translation is visible in tests
 * ({@link #isCompleteFor}) rather than as a blank in the UI.
 */
public record LocalizedText(Map<String, String> byLanguage) {

    @JsonCreator
    public LocalizedText {
        byLanguage = Map.copyOf(Objects.requireNonNull(byLanguage, "byLanguage"));
    }

    public static LocalizedText of(String english, String swedish) {
        return new LocalizedText(Map.of("en", english, "sv", swedish));
    }

    /** The text in the language of {@code locale}, falling back to English. */
    public String in(Locale locale) {
        String text = byLanguage.get(Languages.supported(locale).getLanguage());
        return text != null ? text : byLanguage.getOrDefault("en", "");
    }

    public boolean isCompleteFor(Iterable<Locale> locales) {
        for (Locale locale : locales) {
            String text = byLanguage.get(locale.getLanguage());
            if (text == null || text.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @JsonValue
    Map<String, String> json() {
        return new TreeMap<>(byLanguage);
    }
}
