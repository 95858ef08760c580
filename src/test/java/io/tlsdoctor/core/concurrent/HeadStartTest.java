package io.tlsdoctor.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HeadStartTest {

    @Test
    void theWorkRunsOnItsOwnThreadOnceAndItsResultIsTakenLater() {
        List<String> threads = new CopyOnWriteArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        HeadStart<String> started = HeadStart.begin("head-start-test", () -> {
            threads.add(Thread.currentThread().getName());
            runs.incrementAndGet();
            return "catalogue";
        });

        assertThat(started.get()).isEqualTo("catalogue");
        assertThat(started.get()).isEqualTo("catalogue");
        assertThat(runs).hasValue(1);
        assertThat(threads).containsExactly("head-start-test");
    }

    @Test
    void workThatFailedAheadIsDoneAgainOnTheTakingThreadSoItsErrorSurfacesThere() {
        AtomicInteger runs = new AtomicInteger();
        HeadStart<String> started = HeadStart.begin("head-start-test", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("symptom-catalog.json: rules[3].code: no such symptom");
        });

        assertThatThrownBy(started::get)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rules[3].code");
        assertThat(runs).as("once ahead, once on the taking thread").hasValue(2);
    }

    @Test
    void theAfterwardsWorkRunsOnceTheResultIsReadyAndItsFailureLosesNothing() throws InterruptedException {
        CountDownLatch afterwardsDone = new CountDownLatch(1);
        boolean[] resultReadyFirst = new boolean[1];
        AtomicReference<HeadStart<String>> started = new AtomicReference<>();
        CountDownLatch begun = new CountDownLatch(1);
        started.set(HeadStart.begin("head-start-test", () -> "classifier", () -> {
            try {
                begun.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            resultReadyFirst[0] = "classifier".equals(started.get().get());
            afterwardsDone.countDown();
            throw new IllegalStateException("the JSON warm-up failed");
        }));
        begun.countDown();

        assertThat(afterwardsDone.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(resultReadyFirst[0]).isTrue();
        assertThat(started.get().get()).isEqualTo("classifier");
    }

    @Test
    void queuedWorkRunsInOrderOnOneThreadAndEachIsTakenAsSoonAsItIsReady() throws InterruptedException {
        List<String> order = new CopyOnWriteArrayList<>();
        CountDownLatch releaseLast = new CountDownLatch(1);
        HeadStart<String> settings = HeadStart.queued(() -> {
            order.add("settings on " + Thread.currentThread().getName());
            return "sv";
        });
        HeadStart<String> catalog = HeadStart.queued(() -> {
            try {
                releaseLast.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("catalogue on " + Thread.currentThread().getName());
            return "catalogue";
        });
        HeadStart.beginInOrder("preload-test", List.of(settings, catalog));

        assertThat(settings.get()).as("not held back by the work after it").isEqualTo("sv");
        releaseLast.countDown();
        assertThat(catalog.get()).isEqualTo("catalogue");
        assertThat(order).containsExactly("settings on preload-test", "catalogue on preload-test");
    }

    @Test
    void aQueuedFailureDoesNotStopTheNextAndSurfacesOnTheTakingThread() {
        AtomicInteger runs = new AtomicInteger();
        HeadStart<String> settings = HeadStart.queued(() -> {
            runs.incrementAndGet();
            throw new IllegalStateException("settings.json: not a tlsdoctor.settings/1 file");
        });
        HeadStart<String> catalog = HeadStart.queued(() -> "catalogue");
        HeadStart.beginInOrder("preload-test", List.of(settings, catalog));

        assertThat(catalog.get()).isEqualTo("catalogue");
        assertThatThrownBy(settings::get).hasMessageContaining("settings.json");
        assertThat(runs).as("once ahead, once on the taking thread").hasValue(2);
    }
}
