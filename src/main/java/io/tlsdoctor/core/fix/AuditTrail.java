package io.tlsdoctor.core.fix;

/**
 * Where a change to a store is recorded for the admins who audit the server (the Application event log on Windows,
 * a JSON-lines file elsewhere). The engine records every change once it is done and read back: a failed record never
 * undoes or hides a change, it is reported beside it.
 */
public interface AuditTrail {

    /** Keeps nothing (tests of the engine that are not about the audit trail). */
    AuditTrail NONE = new AuditTrail() {
        @Override
        public AuditOutcome record(AuditEntry entry) {
            return null;
        }

        @Override
        public String describe() {
            return "-";
        }
    };

    /** Writes the entry; what to tell the user about where it went, or an exception when it could not be written. */
    AuditOutcome record(AuditEntry entry) throws Exception;

    /** Where entries go, for the message when one could not be written. */
    String describe();
}
