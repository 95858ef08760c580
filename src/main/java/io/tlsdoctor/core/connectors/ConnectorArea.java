package io.tlsdoctor.core.connectors;

/** What a finding is about, which decides the cause a diagnosis draws from it. Names are a public contract (JSON). */
public enum ConnectorArea {
    /** The certificate a connector presents: bound, valid, trusted, named as the other side expects, usable for SMTP. */
    CERTIFICATE,
    /** The connectors' own settings on either side, and whether the two sides agree. */
    CONNECTOR
}
