package io.tlsdoctor.core.logs;

/** The protocol a session negotiated, from SChannel's {@code SP_PROT_*} token; {@link #NONE} when it never did. */
public enum TlsProtocol {
    SSL3,
    TLS1_0,
    TLS1_1,
    TLS1_2,
    TLS1_3,
    NONE;

    /** Still a version Exchange Online refuses. */
    public boolean isLegacy() {
        return this == SSL3 || this == TLS1_0 || this == TLS1_1;
    }
}
