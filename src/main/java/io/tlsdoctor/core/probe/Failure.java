package io.tlsdoctor.core.probe;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Why a network step failed, sorted into what it means for the user. The important split: {@link Kind#ALERT},
 * {@link Kind#RESET} and {@link Kind#CLOSED} are the server's answer on the wire; {@link Kind#LOCAL_PROTOCOL} is our
 * own TLS stack refusing to offer a version and must never be reported as the server refusing it.
 */
public record Failure(Kind kind, Detail detail) {

    public enum Kind {
        TIMEOUT,
        CANCELLED,
        CONNECTION_REFUSED,
        UNREACHABLE,
        RESET,
        CLOSED,
        ALERT,
        LOCAL_PROTOCOL,
        NOT_SMTP,
        OTHER
    }

    /** Whether the server actively turned the handshake down (alert, reset, close), as opposed to an error. */
    public boolean serverRefused() {
        return kind == Kind.ALERT || kind == Kind.RESET || kind == Kind.CLOSED;
    }

    static Failure of(Throwable error, Deadline deadline, boolean cancelled) {
        if (cancelled) {
            return new Failure(Kind.CANCELLED, Detail.of("probe.detail.cancelled"));
        }
        if (error instanceof SmtpProtocolException smtp) {
            return new Failure(Kind.NOT_SMTP, smtp.detail());
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String message = cause.getMessage() == null ? "" : cause.getMessage();
            String lower = message.toLowerCase(Locale.ROOT);
            if (cause instanceof SSLException && lower.startsWith("received fatal alert: ")) {
                return new Failure(
                        Kind.ALERT,
                        Detail.of("probe.detail.alert", message.substring("received fatal alert: ".length())));
            }
            if (lower.contains("no appropriate protocol") || lower.contains("protocol is disabled")) {
                return new Failure(Kind.LOCAL_PROTOCOL, Detail.of("probe.detail.localProtocol"));
            }
        }
        if (hasCause(error, SmtpChannel.SlowPeerException.class)) {
            return new Failure(Kind.TIMEOUT, Detail.of("probe.detail.slow"));
        }
        if (deadline.expired() || hasCause(error, SocketTimeoutException.class)) {
            return new Failure(Kind.TIMEOUT, Detail.of("probe.detail.timeout"));
        }
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String lower = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
            if (cause instanceof ConnectException) {
                return new Failure(Kind.CONNECTION_REFUSED, Detail.of("probe.detail.connectionRefused"));
            }
            if (cause instanceof NoRouteToHostException || lower.contains("network is unreachable")) {
                return new Failure(Kind.UNREACHABLE, Detail.of("probe.detail.unreachable"));
            }
            if (lower.contains("connection reset") || lower.contains("broken pipe")) {
                return new Failure(Kind.RESET, Detail.of("probe.detail.reset"));
            }
            if (cause instanceof EOFException || lower.contains("remote host terminated")) {
                return new Failure(Kind.CLOSED, Detail.of("probe.detail.closed"));
            }
            if (cause instanceof SocketException && lower.contains("socket closed")) {
                return new Failure(Kind.TIMEOUT, Detail.of("probe.detail.timeout"));
            }
        }
        String text = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
        return new Failure(Kind.OTHER, Detail.of("probe.detail.other", SmtpChannel.printable(text, 160)));
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
