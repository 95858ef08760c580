package io.tlsdoctor.core.fleet;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.registry.InstantJson;
import java.time.Instant;
import java.util.List;

/**
 * One SChannel handshake made from a server (towards Exchange Online or another target), as the snapshot keeps it:
 * the outcome for comparing, and the sentence (a message key and its arguments) for showing in any language.
 *
 * @param outcome MODERN (TLS 1.2 or later by default), LEGACY (an older version), FAILED (no handshake), or
 *                UNTESTED (it could not be tried there, and the sentence says why: never a verdict on SChannel)
 */
public record HandshakeRecord(
        String target,

        @JsonSerialize(using = InstantJson.Writer.class) @JsonDeserialize(using = InstantJson.Reader.class)
        Instant at,

        Outcome outcome,
        String messageKey,
        List<String> args) {

    /** What the handshake says about the server's SChannel Client. */
    public enum Outcome {
        MODERN,
        LEGACY,
        FAILED,
        UNTESTED
    }

    public HandshakeRecord {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The finding the SChannel probe gave, kept as data. */
    public static HandshakeRecord of(String target, Instant at, ProbeFinding finding) {
        Outcome outcome = switch (finding.id()) {
            case "schannelModern" -> Outcome.MODERN;
            case "schannelLegacy" -> Outcome.LEGACY;
            case "schannelFailed" -> Outcome.FAILED;
            default -> Outcome.UNTESTED;
        };
        Detail text = finding.text();
        return new HandshakeRecord(target, at, outcome, text.key(), text.args());
    }
}
