package io.tlsdoctor.ui.step.symptom;

import io.tlsdoctor.core.evidence.SymptomCatalog;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.ui.common.I18n;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;

/**
 * One symptom card as the step shows it: its texts in the user's language, and whether it is the card picked or a
 * symptom recognised in the evidence. Picking goes through the step's ViewModel, which owns the choice.
 */
public final class SymptomCardViewModel {

    private final SymptomCode code;
    private final String exampleText;
    private final StringBinding title;
    private final StringBinding whereSeen;
    private final BooleanBinding picked;
    private final BooleanBinding recognised;
    private final SymptomStepViewModel step;

    SymptomCardViewModel(SymptomCatalog.Symptom symptom, I18n i18n, SymptomStepViewModel step) {
        this.code = symptom.code();
        this.exampleText = symptom.exampleText();
        this.step = step;
        title = Bindings.createStringBinding(() -> symptom.title().in(i18n.locale()), i18n.messagesProperty());
        whereSeen = Bindings.createStringBinding(() -> symptom.whereSeen().in(i18n.locale()), i18n.messagesProperty());
        picked = Bindings.createBooleanBinding(
                () -> step.pickedSymptomProperty().get() == code, step.pickedSymptomProperty());
        recognised = Bindings.createBooleanBinding(
                () -> step.recognisedCodesProperty().get().contains(code), step.recognisedCodesProperty());
    }

    /** The card's node id, stable for tests: {@code card-QUEUE_421_SOCKET_ERROR}. */
    public String id() {
        return "card-" + code.name();
    }

    public ObservableStringValue titleProperty() {
        return title;
    }

    public ObservableStringValue whereSeenProperty() {
        return whereSeen;
    }

    /** The text as it appears in the report or queue, never translated. */
    public String exampleText() {
        return exampleText;
    }

    public ObservableBooleanValue pickedProperty() {
        return picked;
    }

    public ObservableBooleanValue recognisedProperty() {
        return recognised;
    }

    /** Picks this card; picking the picked card again clears the choice. */
    public void pick() {
        step.pick(code);
    }
}
