package io.tlsdoctor.ui.wizard;

import io.tlsdoctor.core.text.Languages;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.ui.common.I18n;
import java.util.Locale;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;

/**
 * English | Svenska in the header, each language named in itself so a user who cannot read the current one still
 * finds theirs. Two toggles rather than a ComboBox: for two choices a drop-down only hides one, and a ComboBox (its
 * popup holds a ListView) alone in a window added about 0.13 s of CPU before the window showed.
 */
final class LanguageSwitch extends HBox {

    LanguageSwitch(I18n i18n) {
        setId("languageChoice");
        getStyleClass().add("language-switch");
        setMinWidth(USE_PREF_SIZE);
        for (Locale language : Languages.ALL) {
            ToggleButton choice = new ToggleButton(Messages.forLocale(language).get("language.name"));
            choice.setId("language-" + language.getLanguage());
            // Modena's segmented look: rounded only on the outer ends
            choice.getStyleClass().add(getChildren().isEmpty() ? "left-pill" : "right-pill");
            choice.setSelected(language.equals(i18n.locale()));
            choice.setMinWidth(USE_PREF_SIZE); // never "Engl…" on a narrow screen
            choice.setFocusTraversable(true);
            choice.setOnAction(e -> {
                i18n.setLocale(language);
                choice.setSelected(true); // a second click on the current language does not unselect it
            });
            i18n.localeProperty().addListener((obs, old, now) -> choice.setSelected(language.equals(now)));
            getChildren().add(choice);
        }
    }
}
