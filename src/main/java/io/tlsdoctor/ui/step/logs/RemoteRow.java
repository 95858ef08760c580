package io.tlsdoctor.ui.step.logs;

import io.tlsdoctor.core.logs.RemoteSummary;

/** One remote as the table shows it: the view reads these, never the analysis's own types. */
public record RemoteRow(RemoteSummary summary) {

    public String remote() {
        return summary.remote();
    }

    /** The message key of the log it came from (send or receive). */
    public String kindKey() {
        return "logs.kind." + summary.kind();
    }

    public String connector() {
        return summary.connector();
    }

    public long sessions() {
        return summary.sessions();
    }

    /** Sessions that negotiated {@code column}'s protocol (or none). */
    public Long sessionsWith(TlsColumn column) {
        return summary.tls().get(column.protocol());
    }

    public long failed() {
        return summary.failed();
    }

    public String first() {
        return summary.first().toString();
    }

    public String last() {
        return summary.last().toString();
    }
}
