package io.tlsdoctor.core.diagnosis;

/**
 * What a diagnosis can conclude. Names are a public contract (command-line and summary JSON); the words for each
 * ({@code diagnosis.cause.<NAME>.*} in the message bundles) are the knowledge.
 */
public enum Cause {
    // The problem TLS Doctor exists for: this server's SChannel does not use TLS 1.2.
    /** Sending to Exchange Online fails: the SChannel Client side does not use TLS 1.2. */
    TLS12_CLIENT_DISABLED,
    /** Exchange Online cannot deliver: the SChannel Server side does not use TLS 1.2. */
    TLS12_SERVER_DISABLED,
    /** Neither side uses TLS 1.2. */
    TLS12_BOTH_DISABLED,
    /** The settings are right now, but SChannel has not read them yet: the server needs its restart. */
    RESTART_PENDING,
    /** The registry is right and the handshake works, yet some partners or devices still use TLS 1.0/1.1. */
    LEGACY_PARTNERS,
    // Lookalikes: something else is wrong, and where to look.
    CERTIFICATE,
    NETWORK,
    MIDDLEBOX_INSPECTION,
    STARTTLS_NOT_OFFERED,
    CONNECTOR,
    CLIENT_SUBMISSION,
    AUTHENTICATION,
    /**
     * The failing hop is Exchange Online handing mail to another organisation's server: none of the user's servers
     * took part, so nothing on them can be checked or fixed.
     */
    NOT_YOUR_SERVER,
    /** Every check that ran is healthy: TLS 1.2 works both ways from here; the problem is elsewhere or gone. */
    NO_TLS_PROBLEM_FOUND,
    /** The checks could not reach a diagnosis (missing or contradicting evidence); the next steps say what would. */
    UNDETERMINED
}
