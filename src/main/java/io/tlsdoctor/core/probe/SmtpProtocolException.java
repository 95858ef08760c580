package io.tlsdoctor.core.probe;

import java.io.IOException;

/** The peer sent something that is not an SMTP reply (or too much of it); the detail says what, for the user. */
public final class SmtpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Detail detail;

    public SmtpProtocolException(Detail detail) {
        super(detail.key() + " " + detail.args());
        this.detail = detail;
    }

    public Detail detail() {
        return detail;
    }
}
