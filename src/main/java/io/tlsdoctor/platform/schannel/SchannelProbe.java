package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;

import java.util.List;
import java.util.Locale;

/**
 * The STARTTLS handshake through Windows' own SChannel (PowerShell {@code SslStream}), which is what Exchange itself
 * negotiates. Not built yet: on every OS this says plainly that the step is not available and why, and nothing is
 * reported in its place.
 */
public interface SchannelProbe {

    /** Why the SChannel handshake is not available here, as a finding to show next to the Java results. */
    ProbeFinding unavailableFinding();

    static SchannelProbe forThisMachine() {
        String os = System.getProperty("os.name", "?");
        boolean windows = os.toLowerCase(Locale.ROOT).startsWith("windows");
        return () -> new ProbeFinding(windows ? "schannelNotBuilt" : "schannelUnavailable", Severity.INFO,
                new io.tlsdoctor.core.probe.Detail(windows ? "probe.finding.schannelNotBuilt" : "probe.finding.schannelUnavailable",
                        List.of(os)));
    }
}
