package io.tlsdoctor.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.junit.jupiter.api.Test;

/** The "check again after the restart" offer: taken only when the wizard can go to the restart step. */
class WizardViewModelResumeTest {

    private final SimpleBooleanProperty firstStepBusy = new SimpleBooleanProperty();
    private final WizardViewModel wizard = new WizardViewModel(
            List.of(
                    step("first", firstStepBusy),
                    step("second", new SimpleBooleanProperty()),
                    step("restart", new SimpleBooleanProperty())),
            new DiagnosisSession());
    private final AtomicInteger resumed = new AtomicInteger();

    @Test
    void anOfferTakenWhileAStepIsBusyStaysOnOfferAndResumesNothing() {
        wizard.offerResume(new SimpleStringProperty("Check again?"), this::resumeOnRestartStep, () -> {});
        firstStepBusy.set(true);

        wizard.acceptResume();

        assertThat(resumed)
                .as("the restart step did not open, so nothing was resumed")
                .hasValue(0);
        assertThat(wizard.currentIndexProperty().get()).isZero();
        assertThat(wizard.resumeOfferProperty().get()).as("still offered").isNotNull();

        firstStepBusy.set(false);
        wizard.acceptResume();

        assertThat(wizard.currentIndexProperty().get()).isEqualTo(2);
        assertThat(resumed).hasValue(1);
        assertThat(wizard.resumeOfferProperty().get()).isNull();
    }

    @Test
    void jumpToRefusesWhileBusyAndOutsideTheSteps() {
        assertThat(wizard.jumpTo(3)).isFalse();
        firstStepBusy.set(true);
        assertThat(wizard.jumpTo(1)).isFalse();
        firstStepBusy.set(false);
        assertThat(wizard.jumpTo(1)).isTrue();
        assertThat(wizard.furthestIndexProperty().get()).isEqualTo(1);
    }

    private boolean resumeOnRestartStep() {
        if (!wizard.jumpTo(2)) {
            return false;
        }
        resumed.incrementAndGet();
        return true;
    }

    private static StepModel step(String title, ObservableBooleanValue busy) {
        return new StepModel() {
            @Override
            public String titleKey() {
                return title;
            }

            @Override
            public ObservableBooleanValue canAdvanceProperty() {
                return new SimpleBooleanProperty(true);
            }

            @Override
            public ObservableBooleanValue busyProperty() {
                return busy;
            }
        };
    }
}
