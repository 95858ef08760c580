package io.tlsdoctor.cli;

/** Exit codes shared by every subcommand; documented in the README. */
public final class ExitCodes {
    /** The command did its work, whatever it found. */
    public static final int OK = 0;
    /** The command ran but could not reach a result (for example a diagnosis without enough evidence). */
    public static final int INCONCLUSIVE = 1;
    /** The command line or its input was wrong; the message says what and how to fix it. */
    public static final int USAGE = 2;
    /** A defect in TLS Doctor itself; the message asks for a report. */
    public static final int INTERNAL = 3;

    private ExitCodes() {}
}
