package io.tlsdoctor.core.fix;

import java.util.List;

/** A read or write the store could not do, worded for the user through a message key. */
public class RegistryStoreException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> args;

    public RegistryStoreException(String messageKey, List<Object> args, Throwable cause) {
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
