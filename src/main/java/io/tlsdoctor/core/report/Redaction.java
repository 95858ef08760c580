package io.tlsdoctor.core.report;

import java.util.List;

/**
 * The summary's redaction rules for texts that are not a summary: the log and the backups in a support bundle. With
 * the case's summary given, both share one set of placeholders, so a reader can follow {@code host-1} from the
 * summary into the log.
 */
public final class Redaction {

    private Redaction() {}

    /** The summary redacted (null when {@code summary} is) and each text, in order, with the same placeholders. */
    public record Result(DiagnosisSummary summary, List<String> texts) {}

    public static Result of(DiagnosisSummary summary, List<String> texts) {
        Redactor.Redacted redacted = Redactor.redact(summary, List.copyOf(texts));
        return new Result(redacted.summary(), redacted.texts());
    }
}
