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
        this.bundle = bundle(this.locale);
    }

    /**
     * The bundle of a supported language. The root bundle is English, so English asks for the root itself, which
     * keeps the JVM's default locale out of the lookup (a Swedish Windows asking for English must not get Swedish).
     * No ResourceBundle.Control for that: the packaged app runs as a named module, where getBundle refuses one.
     */
    public static ResourceBundle bundle(Locale supported) {
        Locale lookup = Languages.ENGLISH.getLanguage().equals(supported.getLanguage()) ? Locale.ROOT : supported;
        return ResourceBundle.getBundle(BUNDLE, lookup);
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
        MessageFormat format = new MessageFormat(pattern, locale);
        try {
            return format.format(args);
        } catch (IllegalArgumentException textDoesNotFit) {
            // statements carry counts as text; "{0,choice,1#once|1<{0} times}" needs them as numbers
            return format.format(numbersWherePossible(args));
        }
    }

    private static Object[] numbersWherePossible(Object[] args) {
        Object[] converted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            converted[i] = args[i] instanceof String text && text.matches("-?\\d{1,18}") ? Long.valueOf(text) : args[i];
        }
        return converted;
    }
}
