package io.tlsdoctor.core.evidence;

/**
 * What a piece of evidence is. These names are a public contract (command-line JSON, saved summaries); the
 * knowledge behind each one (patterns, texts, next checks) lives in {@code symptom-catalog.json}.
 */
public enum SymptomCode {
    // The four forms in which the TLS 1.0/1.1 disablement shows itself.
    NDR_421_SOCKET_ERROR,
    QUEUE_421_SOCKET_ERROR,
    PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
    PROTOCOL_LOG_451_STARTTLS_REQUIRED,
    // Same root-cause family, other forms.
    EXO_TO_ONPREM_TLS_FAILURE,
    SMTP_AUTH_CLIENT_LEGACY_TLS,
    LEGACY_TLS_NEGOTIATED,
    /** Exchange Online gave up on a receiving server that offers only TLS 1.0/1.1 (SuspiciousRemoteServerError). */
    REMOTE_SERVER_LEGACY_TLS,
    // Lookalikes: something else is wrong.
    CERTIFICATE,
    NETWORK,
    MIDDLEBOX_INSPECTION,
    SOCKET_REASON_NOT_TLS,
    AUTHENTICATION,
    CONNECTOR_ATTRIBUTION,
    CLIENT_CONFIGURATION,
    /** SMTP AUTH refused for the account (535 5.7.139, 530 5.7.57): security defaults, MFA, SMTP AUTH off. */
    SMTP_AUTH_BLOCKED,
    STARTTLS_NOT_OFFERED
}
