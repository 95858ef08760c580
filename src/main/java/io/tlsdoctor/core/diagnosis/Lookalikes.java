package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.evidence.SymptomCode;

import java.util.List;

/** Which cause a lookalike symptom, handshake outcome or log failure stands for, and the first thing to do about it. */
final class Lookalikes {

    private Lookalikes() {
    }

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
            case CLIENT_CONFIGURATION, SMTP_AUTH_CLIENT_LEGACY_TLS -> Cause.CLIENT_SUBMISSION;
            default -> null;
        };
    }

    static Cause causeOf(ProbeFacts.Outcome outcome) {
        return switch (outcome) {
            case NETWORK -> Cause.NETWORK;
            case MIDDLEBOX -> Cause.MIDDLEBOX_INSPECTION;
            case NO_STARTTLS -> Cause.STARTTLS_NOT_OFFERED;
            case CERTIFICATE -> Cause.CERTIFICATE;
            default -> null;
        };
    }

    /** The protocol-log failure reasons that stand for a lookalike cause. */
    static List<SymptomCode> logCodes(Cause cause) {
        return switch (cause) {
            case CERTIFICATE -> List.of(SymptomCode.CERTIFICATE);
            case NETWORK -> List.of(SymptomCode.NETWORK, SymptomCode.SOCKET_REASON_NOT_TLS);
            case MIDDLEBOX_INSPECTION -> List.of(SymptomCode.MIDDLEBOX_INSPECTION);
            case STARTTLS_NOT_OFFERED -> List.of(SymptomCode.STARTTLS_NOT_OFFERED);
            case AUTHENTICATION -> List.of(SymptomCode.AUTHENTICATION);
            case CONNECTOR -> List.of(SymptomCode.CONNECTOR_ATTRIBUTION);
            default -> List.of();
        };
    }

    static Statement nextStep(Cause cause) {
        return cause == null ? null : Statement.of("diagnosis.next." + cause);
    }
}
