package io.tlsdoctor.core.registry;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/**
 * Collecting a snapshot failed for a reason the user can act on. Carries a message key of the
 * {@code io/tlsdoctor/i18n/messages} bundle and its arguments, so the CLI and the wizard word it in the user's
 * language; {@link #getMessage()} is English-ish for logs only.
 */
public class RegistryReadException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public RegistryReadException(String messageKey, List<Object> args, Throwable cause) {
        super(messageKey, args, cause);
    }
}
