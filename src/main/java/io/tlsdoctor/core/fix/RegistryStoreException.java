package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/** A read or write the store could not do, worded for the user through a message key. */
public class RegistryStoreException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public RegistryStoreException(String messageKey, List<Object> args, Throwable cause) {
        super(messageKey, args, cause);
    }
}
