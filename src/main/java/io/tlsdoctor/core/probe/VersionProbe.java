package io.tlsdoctor.core.probe;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLSocket;

/**
 * One cell of the protocol matrix: a fresh connection that offers exactly one TLS version after STARTTLS. Runs in
 * this JVM for TLS 1.2/1.3 and inside {@link LegacyProbeMain}'s child JVM for TLS 1.0/1.1.
 */
final class VersionProbe {

    private VersionProbe() {}

    static VersionResult run(
            TlsVersion version,
            InetAddress address,
            int port,
            String host,
            Duration connectTimeout,
            Deadline deadline,
            Guard guard) {
        Socket socket = null;
        Closeable watch = null;
        Stage stage = Stage.CONNECTING;
        try {
            socket = StartTls.connect(address, port, deadline.within(connectTimeout));
            watch = guard.watch(socket, deadline);
            SmtpChannel channel = new SmtpChannel(socket, new Transcript());
            SmtpReply banner = channel.read(deadline);
            stage = Stage.SMTP;
            if (banner.code() != 220) {
                return notTested(version, Detail.of("probe.detail.version.noBanner", banner.code()));
            }
            channel.send("EHLO " + StartTls.ehloName(socket), deadline);
            channel.read(deadline);
            channel.send("STARTTLS", deadline);
            SmtpReply starttls = channel.read(deadline);
            if (starttls.code() != 220) {
                return notTested(version, Detail.of("probe.detail.version.noStarttls", starttls.code()));
            }
            stage = Stage.TLS;
            SSLSocket tls = StartTls.handshake(
                    socket, host, List.of(version.jsseName()), new RecordingTrustManager(null), deadline);
            String cipher = tls.getSession().getCipherSuite();
            String negotiated = tls.getSession().getProtocol();
            quitQuietly(tls, deadline);
            if (!negotiated.equals(version.jsseName())) {
                return new VersionResult(
                        version, VersionOutcome.ERROR, null, Detail.of("probe.detail.version.other", negotiated));
            }
            return new VersionResult(
                    version, VersionOutcome.ACCEPTED, cipher, Detail.of("probe.detail.version.accepted", cipher));
        } catch (IOException | RuntimeException e) {
            Failure failure = Failure.of(e, deadline, guard.cancelled());
            if (stage != Stage.TLS && failure.serverRefused()) {
                // the peer hung up before any ClientHello: it refused the connection or SMTP, not this TLS version
                return notTested(
                        version,
                        Detail.of("probe.detail.version."
                                + (failure.kind() == Failure.Kind.RESET ? "reset" : "closed")
                                + (stage == Stage.SMTP ? "BeforeStarttls" : "BeforeSmtp")));
            }
            VersionOutcome outcome = failure.serverRefused() ? VersionOutcome.REFUSED : VersionOutcome.ERROR;
            return new VersionResult(version, outcome, null, failure.detail());
        } finally {
            if (watch != null) {
                Guard.closeQuietly(watch);
            }
            if (socket != null) {
                Guard.closeQuietly(socket);
            }
        }
    }

    /** How far the conversation got: only a failure in {@link #TLS} can be the server refusing a version. */
    private enum Stage {
        CONNECTING,
        SMTP,
        TLS
    }

    private static VersionResult notTested(TlsVersion version, Detail why) {
        return new VersionResult(version, VersionOutcome.NOT_TESTED, null, why);
    }

    /** A polite goodbye, but never worth waiting for: at most half a second. */
    private static void quitQuietly(SSLSocket tls, Deadline deadline) {
        try {
            SmtpChannel channel = new SmtpChannel(tls, new Transcript());
            Deadline shortly = deadline.within(Duration.ofMillis(500));
            channel.send("QUIT", shortly);
            channel.read(shortly);
        } catch (IOException e) {
            // the answer to QUIT does not change the result
        }
    }
}
