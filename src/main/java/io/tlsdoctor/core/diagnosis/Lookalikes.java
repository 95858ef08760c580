package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCode;
import java.util.Arrays;
import java.util.List;

/** Which cause a lookalike symptom, handshake outcome or log failure stands for, and the first thing to do about it. */
final class Lookalikes {

    private Lookalikes() {}

    /**
     * The cause a symptom code stands for when it is not the TLS version itself (null for the TLS forms). No
     * {@code default}: a new code does not compile until its cause is decided here.
     */
    static Cause causeOf(SymptomCode code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case CERTIFICATE -> Cause.CERTIFICATE;
            case NETWORK, SOCKET_REASON_NOT_TLS -> Cause.NETWORK;
            case MIDDLEBOX_INSPECTION -> Cause.MIDDLEBOX_INSPECTION;
            case STARTTLS_NOT_OFFERED -> Cause.STARTTLS_NOT_OFFERED;
            case AUTHENTICATION -> Cause.AUTHENTICATION;
            case CONNECTOR_ATTRIBUTION -> Cause.CONNECTOR;
            case CLIENT_CONFIGURATION, SMTP_AUTH_CLIENT_LEGACY_TLS, SMTP_AUTH_BLOCKED -> Cause.CLIENT_SUBMISSION;
            case NDR_421_SOCKET_ERROR,
                    QUEUE_421_SOCKET_ERROR,
                    PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                    PROTOCOL_LOG_451_STARTTLS_REQUIRED,
                    EXO_TO_ONPREM_TLS_FAILURE,
                    LEGACY_TLS_NEGOTIATED,
                    REMOTE_SERVER_LEGACY_TLS -> null;
        };
    }

    static Cause causeOf(ProbeFacts.Outcome outcome) {
        return switch (outcome) {
            case NETWORK -> Cause.NETWORK;
            case MIDDLEBOX -> Cause.MIDDLEBOX_INSPECTION;
            case NO_STARTTLS -> Cause.STARTTLS_NOT_OFFERED;
            case CERTIFICATE -> Cause.CERTIFICATE;
            case TLS12, LEGACY_ONLY, HANDSHAKE_FAILED, OTHER -> null;
        };
    }

    /**
     * The protocol-log failure reasons that stand for a lookalike cause: the inverse of {@link #causeOf(SymptomCode)}
     * over the codes a log can show, derived from it rather than written twice (the two copies had to be kept in
     * step by hand). The client-side causes never appear in this server's logs.
     */
    static List<SymptomCode> logCodes(Cause cause) {
        return switch (cause) {
            case CERTIFICATE, NETWORK, MIDDLEBOX_INSPECTION, STARTTLS_NOT_OFFERED, AUTHENTICATION, CONNECTOR ->
                Arrays.stream(SymptomCode.values())
                        .filter(code -> causeOf(code) == cause)
                        .toList();
            case CLIENT_SUBMISSION,
                    TLS12_CLIENT_DISABLED,
                    TLS12_SERVER_DISABLED,
                    TLS12_BOTH_DISABLED,
                    RESTART_PENDING,
                    LEGACY_PARTNERS,
                    NOT_YOUR_SERVER,
                    NO_TLS_PROBLEM_FOUND,
                    UNDETERMINED -> List.of();
        };
    }

    static Statement nextStep(Cause cause) {
        return cause == null ? null : Statement.of("diagnosis.next." + cause);
    }
}
