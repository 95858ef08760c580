package io.tlsdoctor.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;

/** What the wizard needs to know of a step's ViewModel. */
public interface StepModel {

    /** Message key of the step's name in the step list. */
    String titleKey();

    /** Whether the user may go on to the next step. */
    ObservableBooleanValue canAdvanceProperty();

    /** Whether the step has work running; the wizard then locks navigation and asks before closing. */
    ObservableBooleanValue busyProperty();

    /** The checks this step runs (the guided path decides from them whether the step is needed); none by default. */
    default java.util.List<io.tlsdoctor.core.diagnosis.CheckKind> checks() {
        return java.util.List.of();
    }

    /** Called each time the step becomes the current one. */
    default void onEnter() {
    }
}
