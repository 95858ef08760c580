package io.tlsdoctor.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

/** The latest request wins, whatever order the work ends in; busy falls however it ends. No toolkit. */
class LatestTaskTest {

    private final DirectTaskRunner runner = DirectTaskRunner.held();
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty();
    private final LatestTask lane = new LatestTask(runner, busy);
    private final List<String> shown = new ArrayList<>();

    @Test
    void anOlderResultThatArrivesLastIsDropped() {
        DirectTaskRunner runner = DirectTaskRunner.heldPastCancel();
        LatestTask lane = new LatestTask(runner, busy);
        int first = lane.run(() -> "old", shown::add, e -> shown.add("failed"));
        int second = lane.run(() -> "new", shown::add, e -> shown.add("failed"));
        assertThat(lane.isLatest(first)).isFalse();
        assertThat(lane.isLatest(second)).isTrue();
        assertThat(busy.get()).isTrue();

        runner.runLast();
        runner.runAll(); // the first ends last, its cancel too late to stop it: nothing of it is shown

        assertThat(shown).containsExactly("new");
        assertThat(busy.get()).isFalse();
        assertThat(lane.isRunning()).isFalse();
    }

    @Test
    void cancelledWorkReportsOnlyThatItWasCancelledAndIsNoLongerBusy() {
        lane.run(() -> "never", shown::add, e -> shown.add("failed"), () -> shown.add("cancelled"));
        lane.cancel();
        assertThat(runner.waiting()).isZero();
        assertThat(shown).containsExactly("cancelled");
        assertThat(busy.get()).isFalse();
    }

    @Test
    void aFailureIsHandedOnAndForgottenWorkSaysNothing() {
        lane.<String>run(
                () -> {
                    throw new IllegalStateException("broken export");
                },
                shown::add,
                e -> shown.add(e.getMessage()));
        runner.runAll();
        lane.run(() -> "late", shown::add, e -> shown.add("failed"), () -> shown.add("cancelled"));
        lane.forget();
        runner.runAll();
        assertThat(shown).containsExactly("broken export");
        assertThat(busy.get()).isFalse();
    }

    @Test
    void anImmediateRunnerFinishesBeforeRunReturns() {
        LatestTask direct = new LatestTask(DirectTaskRunner.immediate(), busy);
        direct.run(() -> "at once", shown::add, e -> shown.add("failed"));
        assertThat(shown).containsExactly("at once");
        assertThat(direct.isRunning()).isFalse();
        assertThat(busy.get()).isFalse();
    }
}
