package io.tlsdoctor.core.probe;

import java.util.Locale;

/** The steps of one SMTP STARTTLS conversation, in the order they happen. */
public enum StepName {
    DNS,
    CONNECT,
    BANNER,
    EHLO,
    STARTTLS,
    HANDSHAKE,
    QUIT;

    /** The name used in JSON and message keys: {@code dns}, {@code connect}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
