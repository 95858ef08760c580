package io.tlsdoctor.core.probe;

/** One finished step: its status, how long it took and what happened, in words. */
public record StepResult(StepName name, StepStatus status, long millis, Detail detail) {

    public static StepResult skipped(StepName name, Detail why) {
        return new StepResult(name, StepStatus.SKIPPED, 0, why);
    }
}
