package io.tlsdoctor.core.fix;

/**
 * Who asked for a change, for the audit trail: the user as the asking process knew them (the elevated helper is told
 * by the unelevated process that started it, so an over-the-shoulder elevation still names the helpdesk user), and
 * whether they used the wizard or the command line. The account the change actually ran as is recorded beside it.
 */
public record FixRequester(String user, Via via) {

    /** Which of TLS Doctor's faces the request came through. */
    public enum Via {
        WIZARD,
        CLI
    }

    public FixRequester {
        user = user == null || user.isBlank() ? "unknown" : user;
        via = via == null ? Via.CLI : via;
    }
}
