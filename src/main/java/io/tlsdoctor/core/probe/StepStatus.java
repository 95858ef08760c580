package io.tlsdoctor.core.probe;

/** How a step ended: it worked, it failed (the detail says why), or it was not attempted because an earlier step failed. */
public enum StepStatus {
    OK,
    FAILED,
    SKIPPED
}
