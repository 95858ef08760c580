package io.tlsdoctor.core.evidence;

import java.util.List;

/**
 * Evidence that cannot be read as text. Carries a message key and its arguments (the user's language is applied by
 * whoever shows it), never a stack trace.
 */
public final class EvidenceInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final List<Object> arguments;

    public EvidenceInputException(String messageKey, Object... arguments) {
        super(messageKey + " " + List.of(arguments));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** A key in the {@code messages} bundle, e.g. {@code evidence.error.binary}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }
}
