package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.fix.ApplyResult;
import io.tlsdoctor.core.registry.Tls12;

/**
 * The fix applied to a copy of the server's {@code reg export}, never to the server: it shows what the plan would
 * write, but the server's settings, its restart and the diagnosis stay as they were. Kept apart from the changes
 * ({@link CaseFile#changes()}) so that no rule and no summary can mistake it for one.
 *
 * @param result   what the rehearsal (or the undo on the copy) did, value by value; {@code store} is the copy
 * @param verified TLS 1.2 per side as the rehearsed copy reads when checked again (with the server's other exports),
 *                 or null before that check
 */
public record Rehearsal(ApplyResult result, Tls12 verified) {

    public Rehearsal {
        if (result == null) {
            throw new IllegalArgumentException("a rehearsal has a result");
        }
    }

    /** The copy it was made on. */
    public String copy() {
        return result.store();
    }

    public Rehearsal verifiedAs(Tls12 tls12) {
        return new Rehearsal(result, tls12);
    }
}
