package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.registry.Tls12;
import java.time.Instant;

/**
 * Whether the settings are in effect yet: SChannel reads them only at start-up.
 *
 * @param scheduledFor when a restart was scheduled with TLS Doctor, or null
 * @param before       TLS 1.2 per side as the fix found it, or null when no fix ran in this diagnosis
 * @param after        the same after the restart, or null when not checked again yet
 */
public record RestartState(Status status, Instant scheduledFor, Tls12 before, Tls12 after) {

    /** Where the restart stands. */
    public enum Status {
        /** Nothing was changed that needs one, and none is pending. */
        NOT_NEEDED,
        /** A change (or a pending update) waits for a restart. */
        NEEDED,
        /** A restart was scheduled. */
        SCHEDULED,
        /** The server restarted after the change and was checked again. */
        DONE,
        /** The fix was only rehearsed on a copy of the export: the server is unchanged, needs the fix, then a restart. */
        AFTER_SERVER_FIX
    }
}
