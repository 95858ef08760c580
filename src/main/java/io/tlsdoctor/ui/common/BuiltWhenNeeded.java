package io.tlsdoctor.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Builds a part of a view the first time it is needed rather than with the view: a control that most starts never
 * show (a progress indicator, a Stop button, a bar for an offer) still gets styled and skinned before the window
 * shows when it merely hides, which the first window pays for in start-up time.
 */
public final class BuiltWhenNeeded {

    private BuiltWhenNeeded() {}

    /** Runs {@code build} once: now if {@code needed} is true, else the first time it turns true. */
    public static void onFirst(ObservableBooleanValue needed, Runnable build) {
        if (needed.get()) {
            build.run();
            return;
        }
        needed.addListener(new ChangeListener<>() {
            @Override
            public void changed(
                    javafx.beans.value.ObservableValue<? extends Boolean> observable, Boolean was, Boolean now) {
                if (now) {
                    observable.removeListener(this);
                    build.run();
                }
            }
        });
    }
}
