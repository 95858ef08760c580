package io.tlsdoctor.core.probe;

/**
 * What one version-only handshake showed. REFUSED is only ever the server's doing (an alert, a reset or a close seen on
 * the wire); a limit of our own stack or a broken conversation is ERROR; NOT_TESTED when STARTTLS was not available, so
 * no handshake could be attempted at all.
 */
public enum VersionOutcome {
    ACCEPTED,
    REFUSED,
    ERROR,
    NOT_TESTED
}
