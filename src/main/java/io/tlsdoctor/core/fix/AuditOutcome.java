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

    /**
     * Why the trail at {@code where} refused: the file and what to do, never the exception's text. The one exception:
     * the Windows event log refuses with the system's own sentence ("The event log service is unavailable."), which is
     * all there is to act on, so that sentence is shown as the system said it.
     */
    public static AuditOutcome failed(String where, Throwable reason) {
        List<Object> args = IoProblem.argsFor(where, reason);
        if (args.get(2).equals(IoProblem.Kind.OTHER.code()) && systemSaid(reason)) {
            String said = reason.getMessage().strip();
            return new AuditOutcome(
                    false,
                    "fix.audit.failedSystemSaid",
                    List.of(where, said.endsWith(".") ? said.substring(0, said.length() - 1) : said));
        }
        return new AuditOutcome(false, "fix.audit.failed", args);
    }

    /** A plain IOException whose message is the system's sentence, not a path or a Java class name. */
    private static boolean systemSaid(Throwable reason) {
        String said = reason.getMessage();
        return reason.getClass() == java.io.IOException.class
                && said != null
                && !said.isBlank()
                && !said.contains("java.")
                && !said.contains("Exception");
    }
}
