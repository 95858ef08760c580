package io.tlsdoctor.core.diagnosis;

/**
 * One check of the guided path, with the sentence said before it runs.
 *
 * @param announcement "We now check whether this server can send with TLS 1.2", for the top of the wizard step and
 *                     the command line's log
 */
public record PlannedCheck(CheckKind kind, Need need, Statement announcement) {

    /** Whether a diagnosis for this symptom depends on the check. */
    public enum Need {
        /** Without it the diagnosis stays open (the conclusion says it is missing). */
        NEEDED,
        /** It can confirm or contradict, but the diagnosis does not wait for it. */
        OPTIONAL
    }
}
