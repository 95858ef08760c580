package io.tlsdoctor.core.logs;

/**
 * A certificate a session logged. Older logs write one {@code *} row per property (context
 * {@code Certificate subject}, {@code Certificate thumbprint} …); newer receive logs write all of it in one row.
 * Values the log did not carry are null.
 */
public record Certificate(
        Role role,
        String subject,
        String issuer,
        String serialNumber,
        String thumbprint,
        String notBefore,
        String notAfter,
        String alternateNames) {

    /** Whether this server sent it (its own certificate) or received it from the peer. */
    public enum Role {
        SENT,
        RECEIVED
    }
}
