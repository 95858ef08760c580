package io.tlsdoctor.cli;

/**
 * A problem with what the user asked for or gave us, already worded for them (localised). Exits with
 * {@link ExitCodes#USAGE} and never shows a stack trace.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String userMessage) {
        super(userMessage);
    }
}
