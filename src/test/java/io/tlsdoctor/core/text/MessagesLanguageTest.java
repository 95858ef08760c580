package io.tlsdoctor.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The language the user chose wins over the language of the computer, both ways. */
class MessagesLanguageTest {

    private final Locale original = Locale.getDefault();

    @AfterEach
    void restoreDefault() {
        Locale.setDefault(original);
    }

    @Test
    void englishOnASwedishComputerIsEnglish() {
        Locale.setDefault(Locale.forLanguageTag("sv-SE"));
        assertThat(Messages.forLocale(Locale.ENGLISH).get("language.name")).isEqualTo("English");
        assertThat(Messages.bundle(Locale.ENGLISH).getString("language.name")).isEqualTo("English");
    }

    @Test
    void swedishOnAnEnglishComputerIsSwedish() {
        Locale.setDefault(Locale.US);
        assertThat(Messages.forLocale(Languages.SWEDISH).get("language.name")).isEqualTo("Svenska");
        assertThat(Messages.forLocale(Locale.GERMAN).get("language.name")).isEqualTo("English");
    }
}
