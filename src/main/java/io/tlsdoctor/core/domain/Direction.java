package io.tlsdoctor.core.domain;

/**
 * Which way the failing mail flows. It decides which side of SChannel matters: on-premises to Exchange Online
 * needs this server's TLS 1.2 <em>Client</em>; Exchange Online to on-premises needs its TLS 1.2 <em>Server</em>.
 */
public enum Direction {
    /** This server sends to Exchange Online (Send connector; SChannel client side). */
    ONPREM_TO_EXO,
    /** Exchange Online delivers to this server (Receive connector; SChannel server side). */
    EXO_TO_ONPREM,
    /** A device or application submits mail to Exchange Online with SMTP AUTH; not connector mail flow. */
    CLIENT_SUBMISSION,
    /**
     * Exchange Online delivers to another organisation's server (Gmail, a partner) and that hop fails: no server of
     * the user's takes part, so nothing on it can be checked or fixed.
     */
    EXO_TO_EXTERNAL,
    /** The evidence does not say. */
    UNKNOWN
}
