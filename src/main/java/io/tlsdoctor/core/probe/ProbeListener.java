package io.tlsdoctor.core.probe;

/** Live progress, called from probe threads as each step or matrix cell finishes (the wizard shows it as it happens). */
public interface ProbeListener {

    ProbeListener NONE = new ProbeListener() {};

    default void targetsPlanned(java.util.List<ProbeTarget> targets) {}

    default void stepFinished(ProbeTarget target, StepResult step) {}

    default void versionFinished(ProbeTarget target, VersionResult result) {}

    default void targetFinished(TargetReport report) {}
}
