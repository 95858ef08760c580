package io.tlsdoctor.core.fix;

/**
 * Named places in an apply where a test stops the process to interrupt it for real. Production code passes
 * {@link #NONE}; only code on the test class path constructs anything else (no property or variable turns it on).
 */
@FunctionalInterface
public interface FixCheckpoint {

    /** The backup and the journal are on disk; nothing is written yet. */
    String BEFORE_FIRST_WRITE = "before-first-write";
    /** At least one value is staged or written, and not all. */
    String BETWEEN_WRITES = "between-writes";
    /** Every value is staged; the store has not been replaced yet. */
    String BEFORE_COMMIT = "before-commit";
    /** Every value has landed; nothing is read back or reported yet. */
    String AFTER_COMMIT = "after-commit";

    FixCheckpoint NONE = where -> {};

    void reached(String where);
}
