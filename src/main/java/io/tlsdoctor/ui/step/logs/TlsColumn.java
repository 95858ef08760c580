package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.core.logs.TlsProtocol;

/** The protocol columns of the remote table and the series of its chart, oldest first, then "no TLS". */
public enum TlsColumn {
    TLS1_0(TlsProtocol.TLS1_0),
    TLS1_1(TlsProtocol.TLS1_1),
    TLS1_2(TlsProtocol.TLS1_2),
    TLS1_3(TlsProtocol.TLS1_3),
    NONE(TlsProtocol.NONE);

    private final TlsProtocol protocol;

    TlsColumn(TlsProtocol protocol) {
        this.protocol = protocol;
    }

    TlsProtocol protocol() {
        return protocol;
    }

    /** The column's node id, stable for tests: {@code col-TLS1_2}. */
    public String id() {
        return "col-" + protocol;
    }

    /** Protocol names are the same in every language; only "no TLS" is translated. */
    public boolean translated() {
        return this == NONE;
    }
}
