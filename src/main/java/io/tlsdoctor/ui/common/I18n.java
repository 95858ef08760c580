package io.tlsdoctor.ui.common;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The wizard's language, switchable while it runs. Views bind their texts through {@link #text}, so a switch
 * re-translates every visible string at once; ViewModels listen to {@link #messagesProperty()} for the texts they
 * build themselves.
 */
public final class I18n {

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
    private final ReadOnlyObjectWrapper<Messages> messages = new ReadOnlyObjectWrapper<>(this, "messages");

    public I18n(Locale initial) {
        messages.bind(Bindings.createObjectBinding(() -> Messages.forLocale(locale.get()), locale));
        locale.set(Languages.supported(initial));
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale locale() {
        return locale.get();
    }

    public void setLocale(Locale value) {
        locale.set(Languages.supported(value));
    }

    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public Messages messages() {
        return messages.get();
    }

    public String get(String key, Object... args) {
        return messages.get().get(key, args);
    }

    /** A moment as the user reads dates, in this computer's time zone. */
    public String dateTime(java.time.Instant instant) {
        return java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM)
                .withLocale(locale())
                .withZone(java.time.ZoneId.systemDefault())
                .format(instant);
    }

    /** A text with a moment in it that follows the language. */
    public StringBinding textWithTime(String key, java.time.Instant instant) {
        return Bindings.createStringBinding(() -> messages.get().get(key, dateTime(instant)), messages);
    }

    /** A text that follows the language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> messages.get().get(key, args), messages);
    }
}
