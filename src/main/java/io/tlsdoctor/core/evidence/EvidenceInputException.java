package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/**
 * Evidence that cannot be read as text. Carries a message key and its arguments (the user's language is applied by
 * whoever shows it), never a stack trace.
 */
public final class EvidenceInputException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public EvidenceInputException(String messageKey, Object... arguments) {
        super(messageKey, List.of(arguments), null);
    }
}
