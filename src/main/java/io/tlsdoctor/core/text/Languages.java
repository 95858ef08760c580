package io.tlsdoctor.core.text;

import java.util.List;
import java.util.Locale;

/** The users' languages: English and Swedish. Anything else is shown in English. */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale SWEDISH = Locale.forLanguageTag("sv");
    public static final List<Locale> ALL = List.of(ENGLISH, SWEDISH);

    private Languages() {}

    /** The supported locale closest to {@code locale}; English when there is none. */
    public static Locale supported(Locale locale) {
        if (locale != null && SWEDISH.getLanguage().equals(locale.getLanguage())) {
            return SWEDISH;
        }
        return ENGLISH;
    }

    /** Parses a user's {@code --lang} value: {@code en}, {@code sv}, {@code sv-SE}, ... */
    public static Locale parse(String tag) {
        return supported(Locale.forLanguageTag(tag.replace('_', '-')));
    }
}
