package io.tlsdoctor.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.text.EventLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The wizard's log names each step the user reaches, the first one too (toolkit-free). */
class WizardLogTest {

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @AfterEach
    void detach() {
        EventLog.root().removeHandler(handler);
    }

    @Test
    void theFirstStepAndEveryStepReachedAreLogged() {
        EventLog.root().addHandler(handler);
        EventLog.root().setLevel(Level.INFO);
        WizardViewModel wizard = new WizardViewModel(
                List.of(step("step.symptom.title"), step("step.meaning.title")), new DiagnosisSession());

        wizard.next();

        assertThat(logged).containsSubsequence("step 1 of 2: step.symptom.title", "step 2 of 2: step.meaning.title");
    }

    private static StepModel step(String title) {
        ObservableBooleanValue yes = new SimpleBooleanProperty(true);
        ObservableBooleanValue no = new SimpleBooleanProperty(false);
        return new StepModel() {
            @Override
            public String titleKey() {
                return title;
            }

            @Override
            public ObservableBooleanValue canAdvanceProperty() {
                return yes;
            }

            @Override
            public ObservableBooleanValue busyProperty() {
                return no;
            }
        };
    }
}
