package io.tlsdoctor.core.evidence;

/** How a detection relates to the TLS 1.0/1.1 disablement problem TLS Doctor exists for. */
public enum Category {
    /** One of the four documented symptoms. */
    SEED_SYMPTOM,
    /** Same root cause (no TLS 1.2), another form or direction. */
    TLS_FAMILY,
    /** Looks similar, but another cause; the user is sent the right way. */
    OTHER_CAUSE
}
