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
}
