package io.tlsdoctor.core.probe;

import java.util.List;

/** The result of one probe run: one report per target, in the order the targets were planned. */
public record ProbeReport(List<TargetReport> targets, boolean cancelled) {

    public ProbeReport {
        targets = List.copyOf(targets);
    }
}
