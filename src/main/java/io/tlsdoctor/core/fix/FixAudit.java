package io.tlsdoctor.core.fix;

/**
 * What the engine needs to record a change: the trail, who asked, and the account this process runs as.
 */
public record FixAudit(AuditTrail trail, FixRequester requester, String runAs) {

    /** Records nothing. */
    public static final FixAudit NONE = new FixAudit(AuditTrail.NONE, new FixRequester(null, null), "unknown");

    public FixAudit {
        trail = trail == null ? AuditTrail.NONE : trail;
        requester = requester == null ? new FixRequester(null, null) : requester;
        runAs = runAs == null || runAs.isBlank() ? "unknown" : runAs;
    }
}
