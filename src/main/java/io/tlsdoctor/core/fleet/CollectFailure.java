package io.tlsdoctor.core.fleet;

import io.tlsdoctor.core.text.UserFacingException;
import java.util.List;

/** A server that could not be read, and why, worded with the way out ({@code fleet.live.*} in the message bundles). */
public final class CollectFailure extends UserFacingException {
    private static final long serialVersionUID = 1L;

    /** What kind of failure, for the table: each has its own advice. */
    public enum Kind {
        UNREACHABLE,
        DENIED,
        TIMED_OUT,
        NOT_FOUND,
        FAILED,
        CANCELLED
    }

    private final Kind kind;

    public CollectFailure(Kind kind, String messageKey, List<Object> args, Throwable cause) {
        super(messageKey, args, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
