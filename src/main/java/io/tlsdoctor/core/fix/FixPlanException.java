package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/** A plan or backup file that TLS Doctor refuses, with the reason as a message key. Nothing is written. */
public final class FixPlanException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public FixPlanException(String messageKey, Object... args) {
        super(messageKey, List.of(args), null);
    }
}
