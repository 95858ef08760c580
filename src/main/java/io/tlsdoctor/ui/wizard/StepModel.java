package io.tlsdoctor.ui.wizard;

import javafx.beans.value.ObservableBooleanValue;

/** What the wizard needs to know of a step's ViewModel. */
public interface StepModel {

    /** Message key of the step's name in the step list. */
    String titleKey();

    /**
     * The step's name in ids, "registry" for the registry step: its row in the step list is {@code #step-registry},
     * so a test or a later change finds it by what it is, not by where it stands today. Taken from the title key
     * ({@code step.registry.title}) unless a step says otherwise.
     */
    default String stepName() {
        String key = titleKey();
        if (key.startsWith("step.") && key.endsWith(".title")) {
            return key.substring("step.".length(), key.length() - ".title".length());
        }
        return key.replaceAll("[^A-Za-z0-9-]", "-");
    }

    /** Whether the user may go on to the next step. */
    ObservableBooleanValue canAdvanceProperty();

    /** Whether the step has work running; the wizard then locks navigation and asks before closing. */
    ObservableBooleanValue busyProperty();

    /** The checks this step runs (the guided path decides from them whether the step is needed); none by default. */
    default java.util.List<io.tlsdoctor.core.diagnosis.CheckKind> checks() {
        return java.util.List.of();
    }

    /** Called each time the step becomes the current one. */
    default void onEnter() {}
}
