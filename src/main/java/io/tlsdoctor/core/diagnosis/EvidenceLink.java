package io.tlsdoctor.core.diagnosis;

/**
 * One link in the chain of evidence behind a conclusion: which check said what, and whether it supports the
 * conclusion or speaks against it (a contradiction is shown, not dropped).
 */
public record EvidenceLink(CheckKind source, Bearing bearing, Statement text) {

    /** How a link bears on the conclusion. */
    public enum Bearing {
        SUPPORTS,
        CONTRADICTS,
        /** Context the reader needs (what was not checked, what the check could not decide). */
        CONTEXT
    }
}
