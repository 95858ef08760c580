package io.tlsdoctor.core.fix;

import io.tlsdoctor.core.text.IoProblem;
import java.util.List;

/**
 * Whether a change was recorded in the audit trail, with the message (key and arguments) that says where, or why not.
 *
 * @param recorded false: the change is done all the same, and the user is warned that no record of it was kept
 */
public record AuditOutcome(boolean recorded, String messageKey, List<Object> messageArgs) {

    public AuditOutcome {
        messageArgs = messageArgs == null ? List.of() : List.copyOf(messageArgs);
    }

    public static AuditOutcome recorded(String messageKey, Object... args) {
        return new AuditOutcome(true, messageKey, List.of(args));
    }

    /** Why the trail at {@code where} refused: the file or key and what to do, never the exception's text. */
    public static AuditOutcome failed(String where, Throwable reason) {
        return new AuditOutcome(false, "fix.audit.failed", IoProblem.argsFor(where, reason));
    }
}
