package io.tlsdoctor.core.evidence;

import io.tlsdoctor.core.domain.Direction;

/**
 * Who wrote the report and who refused: the generating (reporting) server of an NDR or DSN, and the remote host
 * named in its diagnostic section. Together they say which hop failed, which the error text alone cannot: the same
 * {@code 421 4.4.2 ... SocketError} means "your server could not reach Exchange Online" when your server wrote it,
 * and "Exchange Online could not reach Gmail" when Exchange Online did.
 *
 * @param generatingServer the host that generated the report, or null when the evidence does not name one
 * @param generatedBy      whose that host is
 * @param remoteHost       the host (or, failing that, the recipient's domain) that refused, or null
 * @param remote           whose that is
 */
public record MailRoute(String generatingServer, Party generatedBy, String remoteHost, Party remote) {

    /** Whose server a host is, as far as the evidence tells. */
    public enum Party {
        EXCHANGE_ONLINE,
        /** The organisation the report was sent to (the sender's): its own, usually on-premises, servers. */
        YOUR_ORGANISATION,
        /** Another organisation or a public mail provider. */
        THIRD_PARTY,
        UNKNOWN
    }

    public static final MailRoute NONE = new MailRoute(null, Party.UNKNOWN, null, Party.UNKNOWN);

    public boolean known() {
        return generatingServer != null || remoteHost != null;
    }

    /** Exchange Online wrote the report about mail it could not hand to another organisation's server. */
    public boolean notYourServer() {
        return generatedBy == Party.EXCHANGE_ONLINE && remote == Party.THIRD_PARTY;
    }

    /**
     * The direction of a line of the report, corrected by who wrote it: a report Exchange Online generated is about
     * a hop that starts in Exchange Online, whatever the same words mean in an on-premises NDR.
     */
    Direction directionOf(Direction seen) {
        if (generatedBy != Party.EXCHANGE_ONLINE || seen == Direction.CLIENT_SUBMISSION) {
            return seen;
        }
        if (remote == Party.THIRD_PARTY) {
            return Direction.EXO_TO_EXTERNAL;
        }
        return seen == Direction.ONPREM_TO_EXO || seen == Direction.UNKNOWN ? Direction.EXO_TO_ONPREM : seen;
    }

    /** Less sure when Exchange Online wrote it and the evidence does not say whose server refused. */
    double confidenceOf(double ruleConfidence, Direction seen) {
        if (generatedBy == Party.EXCHANGE_ONLINE && remote == Party.UNKNOWN && seen != directionOf(seen)) {
            return Math.min(ruleConfidence, 0.6);
        }
        return ruleConfidence;
    }
}
