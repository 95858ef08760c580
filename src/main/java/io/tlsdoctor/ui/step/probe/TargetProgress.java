package io.tlsdoctor.ui.step.probe;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.probe.StepResult;
import io.tlsdoctor.core.probe.TargetReport;
import io.tlsdoctor.core.probe.TlsVersion;
import io.tlsdoctor.core.probe.VersionResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What is known so far about one target while its probe runs: the steps and matrix cells as they finish, then the
 * full report. Kept as data (not text) so its card can be re-translated when the language changes. FX thread only.
 */
final class TargetProgress {

    private final ProbeTarget target;
    private final Direction direction;
    private final List<StepResult> steps = new ArrayList<>();
    private final Map<TlsVersion, VersionResult> versions = new EnumMap<>(TlsVersion.class);
    private TargetReport report;
    private ProbeFinding schannel;

    TargetProgress(ProbeTarget target, Direction direction) {
        this.target = target;
        this.direction = direction;
    }

    public ProbeTarget target() {
        return target;
    }

    public Direction direction() {
        return direction;
    }

    public List<StepResult> steps() {
        return report != null ? report.steps() : List.copyOf(steps);
    }

    public VersionResult version(TlsVersion version) {
        return report != null ? report.protocol(version) : versions.get(version);
    }

    /** The finished report, or null while the probe of this target still runs. */
    public TargetReport report() {
        return report;
    }

    /** The same handshake through Windows SChannel (what Exchange negotiates), or null when it was not run. */
    public ProbeFinding schannel() {
        return schannel;
    }

    void schannelFinished(ProbeFinding finding) {
        schannel = finding;
    }

    void stepFinished(StepResult step) {
        steps.add(step);
    }

    void versionFinished(VersionResult result) {
        versions.put(result.version(), result);
    }

    void finished(TargetReport finished) {
        report = finished;
    }
}
