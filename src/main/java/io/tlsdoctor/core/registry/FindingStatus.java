package io.tlsdoctor.core.registry;

/** How a finding reads at a glance. */
public enum FindingStatus {
    /** Checked and fine. */
    PASS,
    /** Works, but not as Microsoft recommends, or will confuse HealthChecker. */
    WARN,
    /** Breaks, or will break, TLS 1.2 mail flow. */
    FAIL,
    /** Could not be decided from what was read; the detail says what is missing. */
    INFO
}
