package io.tlsdoctor.core.text;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The user-visible strings of the command line and the wizard, from {@code io/tlsdoctor/i18n/messages*.properties}.
 * Core code hands out keys and arguments; whoever shows text to a person resolves them here.
 */
public final class Messages {

    public static final String BUNDLE = "io.tlsdoctor.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    private Messages(Locale locale) {
        this.locale = Languages.supported(locale);
        // The root bundle is English; an explicit control keeps the JVM's default locale out of the lookup.
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages forLocale(Locale locale) {
        return new Messages(locale);
    }

    public Locale locale() {
        return locale;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // A missing key is a bug caught by MessagesConsistencyTest; show the key rather than fail a diagnosis.
            return "!" + key + "!";
        }
        // Always formatted, so every text follows the same quoting rule: an apostrophe is written ''.
        return new MessageFormat(pattern, locale).format(args);
    }
}
