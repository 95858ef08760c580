package io.tlsdoctor.ui.common;

import static io.tlsdoctor.ui.FxReads.onFx;
import static io.tlsdoctor.ui.FxReads.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The busy flag the wizard locks navigation on must fall whichever way the work ends. */
@ExtendWith(ApplicationExtension.class)
class FxTaskRunnerTest {

    @Start
    void start(Stage stage) {
        // the toolkit only: outcomes are handed back on the FX thread
    }

    @Test
    void busyWhileItRunsAndTheResultOnTheFxThread(FxRobot robot) throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        List<Object> seen = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch release = new CountDownLatch(1);
            robot.interact(() -> new FxTaskRunner(executor)
                    .run(
                            busy,
                            () -> {
                                release.await();
                                return "read";
                            },
                            result -> seen.add(
                                    result + (javafx.application.Platform.isFxApplicationThread() ? " on FX" : "")),
                            seen::add));
            assertThat(onFx(busy::get)).isTrue();
            release.countDown();
            waitUntil("the result handed back", () -> !seen.isEmpty());
            assertThat(onFx(() -> List.copyOf(seen))).containsExactly("read on FX");
            assertThat(onFx(busy::get)).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void cancelledWorkLeavesTheWizardNotBusy(FxRobot robot) throws Exception {
        SimpleBooleanProperty busy = new SimpleBooleanProperty();
        List<Object> seen = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicReference<TaskRunner.Running> task = new AtomicReference<>();
            robot.interact(() -> task.set(new FxTaskRunner(executor)
                    .run(
                            busy,
                            () -> {
                                started.countDown();
                                Thread.sleep(30_000);
                                return "never";
                            },
                            seen::add,
                            seen::add)));
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            robot.interact(() -> task.get().cancel());
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(onFx(busy::get))
                    .as("a cancelled task no longer holds the wizard busy")
                    .isFalse();
            assertThat(onFx(() -> List.copyOf(seen)))
                    .as("neither a result nor a failure")
                    .isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }
}
