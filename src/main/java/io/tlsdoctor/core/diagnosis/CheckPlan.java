package io.tlsdoctor.core.diagnosis;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.core.evidence.SymptomCode;
import io.tlsdoctor.core.registry.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that matter for a symptom and a mail-flow direction, in the order the guided path runs them: the
 * wizard shows each announcement at the top of its step and skips the others, the command line runs exactly these.
 * Fix and restart are not checks: they follow from the conclusion ({@link Conclusion#registryFix()}).
 *
 * @param symptom   what the plan is for; null when nothing was picked or recognised (a general check-up)
 * @param direction the mail flow it concerns
 * @param checks    the checks to run, in order
 * @param skipped   the checks left out, each with the reason
 */
public record CheckPlan(
        SymptomCode symptom, Direction direction, List<PlannedCheck> checks, List<SkippedCheck> skipped) {

    public CheckPlan {
        checks = List.copyOf(checks);
        skipped = List.copyOf(skipped);
    }

    public Optional<PlannedCheck> check(CheckKind kind) {
        return checks.stream().filter(check -> check.kind() == kind).findFirst();
    }

    public boolean includes(CheckKind kind) {
        return check(kind).isPresent();
    }

    public boolean needs(CheckKind kind) {
        return check(kind)
                .map(check -> check.need() == PlannedCheck.Need.NEEDED)
                .orElse(false);
    }

    /** The SChannel sides this direction uses: sending needs the Client, receiving the Server, unknown both. */
    public static List<Role> sidesFor(Direction direction) {
        return switch (direction) {
            case ONPREM_TO_EXO -> List.of(Role.CLIENT);
            case EXO_TO_ONPREM -> List.of(Role.SERVER);
            case UNKNOWN -> List.of(Role.CLIENT, Role.SERVER);
            case CLIENT_SUBMISSION, EXO_TO_EXTERNAL -> List.of();
        };
    }

    /**
     * The plan for a symptom (picked or recognised; null for none) and the direction it concerns. The direction
     * decides which SChannel side, which handshake and which log folder; the symptom decides what is needed.
     */
    public static CheckPlan forSymptom(SymptomCode symptom, Direction direction) {
        Direction flow = direction == null ? Direction.UNKNOWN : direction;
        Builder plan = new Builder(symptom, flow);
        plan.symptom(symptom);
        if (flow == Direction.CLIENT_SUBMISSION) {
            // SMTP AUTH from a device: nothing on this server takes part.
            plan.skip(CheckKind.REGISTRY, "diagnosis.skip.clientSubmission.registry");
            plan.skip(CheckKind.PROBE_OUTBOUND, "diagnosis.skip.clientSubmission.probe");
            plan.skip(CheckKind.PROBE_INBOUND, "diagnosis.skip.clientSubmission.probe");
            plan.skip(CheckKind.LOGS, "diagnosis.skip.clientSubmission.logs");
            return plan.build();
        }
        if (flow == Direction.EXO_TO_EXTERNAL) {
            // Exchange Online could not reach another organisation: no server of the user's took part, so neither
            // its settings nor its handshakes nor its logs can say anything, and there is nothing here to fix.
            plan.skip(CheckKind.REGISTRY, "diagnosis.skip.notYourServer.registry");
            plan.skip(CheckKind.PROBE_OUTBOUND, "diagnosis.skip.notYourServer.probe");
            plan.skip(CheckKind.PROBE_INBOUND, "diagnosis.skip.notYourServer.probe");
            plan.skip(CheckKind.LOGS, "diagnosis.skip.notYourServer.logs");
            return plan.build();
        }
        Kind kind = Kind.of(symptom);
        Set<Extra> extras = Extra.of(symptom);
        boolean out = flow != Direction.EXO_TO_ONPREM;
        boolean in = flow != Direction.ONPREM_TO_EXO;
        // The registry: decisive for the TLS causes, a way to rule the version out for the lookalikes.
        plan.check(
                CheckKind.REGISTRY,
                kind == Kind.LOOKALIKE ? PlannedCheck.Need.OPTIONAL : PlannedCheck.Need.NEEDED,
                "diagnosis.plan.REGISTRY." + sideWord(flow));
        // The handshakes: the far side for sending, this server's receive connector for receiving.
        PlannedCheck.Need probeNeed = switch (kind) {
            case TLS, LOOKALIKE -> PlannedCheck.Need.NEEDED;
            case LEGACY, NONE -> PlannedCheck.Need.OPTIONAL;
        };
        if (out) {
            plan.check(
                    CheckKind.PROBE_OUTBOUND,
                    flow == Direction.UNKNOWN ? PlannedCheck.Need.OPTIONAL : probeNeed,
                    "diagnosis.plan.PROBE_OUTBOUND");
        } else {
            plan.skip(CheckKind.PROBE_OUTBOUND, "diagnosis.skip.inbound.probeOutbound");
        }
        if (in) {
            plan.check(
                    CheckKind.PROBE_INBOUND,
                    flow == Direction.UNKNOWN ? PlannedCheck.Need.OPTIONAL : probeNeed,
                    "diagnosis.plan.PROBE_INBOUND");
        } else if (extras.contains(Extra.INBOUND_HANDSHAKE_WHEN_SENDING)) {
            plan.check(CheckKind.PROBE_INBOUND, PlannedCheck.Need.OPTIONAL, "diagnosis.plan.PROBE_INBOUND");
        } else {
            plan.skip(CheckKind.PROBE_INBOUND, "diagnosis.skip.outbound.probeInbound");
        }
        // The logs: they count the failures and name the partners; needed where the symptom is about them.
        PlannedCheck.Need logNeed = kind == Kind.LEGACY || extras.contains(Extra.LOGS_NEEDED)
                ? PlannedCheck.Need.NEEDED
                : PlannedCheck.Need.OPTIONAL;
        String logWord = extras.contains(Extra.LOGS_OF_BOTH_SIDES) || out && in ? "both" : out ? "send" : "receive";
        plan.check(CheckKind.LOGS, logNeed, "diagnosis.plan.LOGS." + logWord);
        // Exchange's connectors and certificates: what settles a certificate, connector or STARTTLS symptom.
        if (extras.contains(Extra.CONNECTORS)) {
            plan.check(CheckKind.CONNECTORS, PlannedCheck.Need.NEEDED, "diagnosis.plan.CONNECTORS");
        }
        return plan.build();
    }

    private static String sideWord(Direction flow) {
        return switch (flow) {
            case ONPREM_TO_EXO -> "client";
            case EXO_TO_ONPREM -> "server";
            case UNKNOWN, CLIENT_SUBMISSION, EXO_TO_EXTERNAL -> "both";
        };
    }

    /** How a symptom bears on the plan. */
    private enum Kind {
        /** One of the TLS-version forms: registry and handshake decide. */
        TLS,
        /** Partners on TLS 1.0/1.1: the logs name them. */
        LEGACY,
        /** Something else: the handshake shows what, the registry rules the version out. */
        LOOKALIKE,
        /** Nothing picked or recognised: a check-up. */
        NONE;

        static Kind of(SymptomCode symptom) {
            if (symptom == null) {
                return NONE;
            }
            // No default: a new symptom code does not compile until someone decides what it means for the plan.
            return switch (symptom) {
                case NDR_421_SOCKET_ERROR,
                        QUEUE_421_SOCKET_ERROR,
                        PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                        PROTOCOL_LOG_451_STARTTLS_REQUIRED,
                        EXO_TO_ONPREM_TLS_FAILURE,
                        SMTP_AUTH_CLIENT_LEGACY_TLS,
                        REMOTE_SERVER_LEGACY_TLS -> TLS;
                case LEGACY_TLS_NEGOTIATED -> LEGACY;
                case CERTIFICATE,
                        NETWORK,
                        MIDDLEBOX_INSPECTION,
                        SOCKET_REASON_NOT_TLS,
                        AUTHENTICATION,
                        CONNECTOR_ATTRIBUTION,
                        CLIENT_CONFIGURATION,
                        SMTP_AUTH_BLOCKED,
                        STARTTLS_NOT_OFFERED -> LOOKALIKE;
            };
        }
    }

    /** What a symptom adds to the plan its kind and direction give. */
    private enum Extra {
        /** The inbound handshake even when sending: 451's refused retry may be seen from either side; a certificate
         *  error: it shows the certificate this server presents (the same one is bound for sending). */
        INBOUND_HANDSHAKE_WHEN_SENDING,
        /** The logs are needed: they count the 451 retries and show the socket errors that are not TLS. */
        LOGS_NEEDED,
        /** Both sides' logs whatever the direction (451: the refused retry may be logged on either). */
        LOGS_OF_BOTH_SIDES,
        /** Exchange's connectors and certificates: what settles a certificate, connector or STARTTLS symptom (the
         *  catalogue's "check next" says the same; CatalogCheckKindsTest keeps the two in step). */
        CONNECTORS;

        static Set<Extra> of(SymptomCode symptom) {
            if (symptom == null) {
                return EnumSet.noneOf(Extra.class);
            }
            // No default: a new symptom code does not compile until someone decides what it adds to the plan.
            return switch (symptom) {
                case PROTOCOL_LOG_451_STARTTLS_REQUIRED ->
                    EnumSet.of(INBOUND_HANDSHAKE_WHEN_SENDING, LOGS_NEEDED, LOGS_OF_BOTH_SIDES);
                case CERTIFICATE -> EnumSet.of(INBOUND_HANDSHAKE_WHEN_SENDING, CONNECTORS);
                case CONNECTOR_ATTRIBUTION, STARTTLS_NOT_OFFERED -> EnumSet.of(CONNECTORS);
                case SOCKET_REASON_NOT_TLS -> EnumSet.of(LOGS_NEEDED);
                case NDR_421_SOCKET_ERROR,
                        QUEUE_421_SOCKET_ERROR,
                        PROTOCOL_LOG_TLS_NEGOTIATION_FAILED,
                        EXO_TO_ONPREM_TLS_FAILURE,
                        SMTP_AUTH_CLIENT_LEGACY_TLS,
                        REMOTE_SERVER_LEGACY_TLS,
                        LEGACY_TLS_NEGOTIATED,
                        NETWORK,
                        MIDDLEBOX_INSPECTION,
                        AUTHENTICATION,
                        CLIENT_CONFIGURATION,
                        SMTP_AUTH_BLOCKED -> EnumSet.noneOf(Extra.class);
            };
        }
    }

    private static final class Builder {
        private final SymptomCode symptom;
        private final Direction direction;
        private final List<PlannedCheck> checks = new ArrayList<>();
        private final List<SkippedCheck> skipped = new ArrayList<>();

        Builder(SymptomCode symptom, Direction direction) {
            this.symptom = symptom;
            this.direction = direction;
        }

        void symptom(SymptomCode code) {
            checks.add(new PlannedCheck(
                    CheckKind.SYMPTOM,
                    PlannedCheck.Need.OPTIONAL,
                    Statement.of(code == null ? "diagnosis.plan.SYMPTOM.none" : "diagnosis.plan.SYMPTOM")));
        }

        void check(CheckKind kind, PlannedCheck.Need need, String key) {
            checks.add(new PlannedCheck(kind, need, Statement.of(key)));
        }

        void skip(CheckKind kind, String key) {
            skipped.add(new SkippedCheck(kind, Statement.of(key)));
        }

        CheckPlan build() {
            return new CheckPlan(symptom, direction, checks, skipped);
        }
    }
}
