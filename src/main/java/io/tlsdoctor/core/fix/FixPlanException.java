package io.tlsdoctor.core.fix;

import java.util.List;

/** A plan or backup file that TLS Doctor refuses, with the reason as a message key. Nothing is written. */
public final class FixPlanException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public FixPlanException(String messageKey, Object... args) {
        super(messageKey + " " + List.of(args));
        this.messageKey = messageKey;
        this.args = List.of(args);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.toArray();
    }
}
