package io.tlsdoctor.core.diagnosis;

import java.util.List;

/**
 * What the diagnosis concludes.
 *
 * @param cause         the root cause, or what else it is; {@link Cause#UNDETERMINED} when the checks could not reach one
 * @param confidence    how sure; never HIGH for UNDETERMINED
 * @param chain         the evidence, strongest first, contradictions included
 * @param nextSteps     what to do now, most important first
 * @param registryFix   the cause is this server's SChannel settings, so the wizard offers the way into "Fix"
 */
public record Conclusion(
        Cause cause, Confidence confidence, List<EvidenceLink> chain, List<Statement> nextSteps, boolean registryFix) {

    public Conclusion {
        chain = List.copyOf(chain);
        nextSteps = List.copyOf(nextSteps);
    }

    /** Whether the checks reached a diagnosis at all (the command line exits 1 when they did not). */
    public boolean reached() {
        return cause != Cause.UNDETERMINED;
    }
}
