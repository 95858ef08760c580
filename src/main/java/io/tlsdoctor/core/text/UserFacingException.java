package io.tlsdoctor.core.text;

import java.util.List;

/**
 * A failure the user can act on, carried as a message key of the {@code messages} bundle and its arguments, so the
 * command line and the wizard word it in the user's language. {@link #getMessage()} is for logs only.
 */
public class UserFacingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public UserFacingException(String messageKey, List<Object> args, Throwable cause) {
        super(messageKey + " " + args, cause);
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
    }

    /** A key in the {@code messages} bundle, e.g. {@code evidence.error.binary}. */
    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
