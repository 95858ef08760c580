package io.tlsdoctor.core.diagnosis;

/** How sure the conclusion is; the summary says it in words, never hides it. */
public enum Confidence {
    /** Independent checks agree (for example registry and handshake and logs). */
    HIGH,
    /** One check points there and nothing contradicts it. */
    MEDIUM,
    /** A suspicion: checks are missing or disagree; the next steps say what would settle it. */
    LOW
}
