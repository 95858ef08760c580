package io.tlsdoctor.core.connectors;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/** Saved cmdlet output TLS Doctor cannot read; the message names the file, the problem and the way out. */
public final class ConnectorInputException extends UserFacingException {
    private static final long serialVersionUID = 1L;

    public ConnectorInputException(String messageKey, Object... args) {
        super(messageKey, List.of(args), null);
    }

    public ConnectorInputException(String messageKey, Throwable cause, Object... args) {
        super(messageKey, List.of(args), cause);
    }
}
