package io.tlsdoctor.core.registry;

import java.util.List;

/**
 * Collecting a snapshot failed for a reason the user can act on. Carries a message key of the
 * {@code io/tlsdoctor/i18n/messages} bundle and its arguments, so the CLI and the wizard word it in the user's
 * language; {@link #getMessage()} is English-ish for logs only.
 */
public class RegistryReadException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public RegistryReadException(String messageKey, List<Object> args, Throwable cause) {
        super(messageKey + " " + args, cause);
        this.messageKey = messageKey;
        this.args = List.copyOf(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
