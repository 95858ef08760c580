package io.tlsdoctor.core.probe;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509TrustManager;

/**
 * Probes one target like a sending mail server would: DNS, connect, banner, EHLO, STARTTLS, handshake, QUIT (never
 * MAIL FROM or DATA). As soon as the connection stands, the protocol matrix starts in parallel on the same address.
 */
final class TargetProbe {

    private final ProbeTarget target;
    private final ProbeOptions options;
    private final Guard guard;
    private final ExecutorService pool;
    private final ProbeListener listener;
    private final X509TrustManager judge;

    private final List<StepResult> steps = new ArrayList<>();
    private final Transcript transcript = new Transcript();
    private final Map<TlsVersion, CompletableFuture<VersionResult>> matrix = new EnumMap<>(TlsVersion.class);
    private SmtpReply banner;
    private SmtpReply starttlsReply;
    private List<String> ehlo = List.of();
    private boolean starttlsAdvertised;
    private Negotiated negotiated;
    private CertificateReport certificate;
    private Failure failure;
    private StepName failedStep;

    TargetProbe(
            ProbeTarget target,
            ProbeOptions options,
            Guard guard,
            ExecutorService pool,
            ProbeListener listener,
            X509TrustManager judge) {
        this.target = target;
        this.options = options;
        this.guard = guard;
        this.pool = pool;
        this.listener = listener;
        this.judge = judge;
    }

    TargetReport run() {
        long started = System.nanoTime();
        Deadline deadline = Deadline.after(options.targetTimeout());
        List<InetAddress> addresses = dns();
        Socket socket = null;
        Closeable watch = null;
        String ip = null;
        try {
            if (addresses != null) {
                socket = connect(addresses, deadline);
            }
            if (socket != null) {
                ip = socket.getInetAddress().getHostAddress();
                watch = guard.watch(socket, deadline);
                startMatrix(socket.getInetAddress(), deadline);
                converse(socket, deadline);
            }
        } finally {
            if (watch != null) {
                Guard.closeQuietly(watch);
            }
            if (socket != null) {
                Guard.closeQuietly(socket);
            }
        }
        for (StepName name : StepName.values()) {
            if (steps.stream().noneMatch(step -> step.name() == name)) {
                record(StepResult.skipped(name, Detail.of("probe.detail.skipped")));
            }
        }
        steps.sort(java.util.Comparator.comparing(StepResult::name));
        Map<TlsVersion, VersionResult> protocols = collectMatrix(deadline);
        TargetReport partial = new TargetReport(
                target,
                ip,
                steps,
                banner,
                banner != null && StartTls.masked(banner),
                ehlo,
                starttlsAdvertised,
                starttlsReply,
                negotiated,
                certificate,
                protocols,
                List.of(),
                transcript.lines(),
                (System.nanoTime() - started) / 1_000_000);
        List<ProbeFinding> findings = Interpreter.interpret(partial, failedStep, failure, options.direction());
        return new TargetReport(
                target,
                ip,
                steps,
                banner,
                partial.bannerMasked(),
                ehlo,
                starttlsAdvertised,
                starttlsReply,
                negotiated,
                certificate,
                protocols,
                findings,
                transcript.lines(),
                partial.millis());
    }

    private List<InetAddress> dns() {
        long start = System.nanoTime();
        if (target.lookupProblem() != null) {
            fail(StepName.DNS, start, new Failure(Failure.Kind.OTHER, target.lookupProblem()));
            return null;
        }
        if (Targets.isAddressLiteral(target.host())) {
            try {
                List<InetAddress> literal = Targets.addresses(target.host(), null);
                record(StepResult.skipped(StepName.DNS, Detail.of("probe.detail.dns.literal", target.host())));
                return literal;
            } catch (Targets.DnsException e) {
                fail(StepName.DNS, start, new Failure(Failure.Kind.OTHER, e.detail()));
                return null;
            }
        }
        try {
            List<InetAddress> addresses = Targets.addresses(target.host(), options.dnsServer());
            String list = addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", "));
            Detail detail = target.mxDomain() == null
                    ? Detail.of("probe.detail.dns.resolved", target.host(), list)
                    : Detail.of("probe.detail.dns.mx", target.host(), list, target.mxDomain(), target.mxPreference());
            record(new StepResult(StepName.DNS, StepStatus.OK, millisSince(start), detail));
            return addresses;
        } catch (Targets.DnsException e) {
            fail(StepName.DNS, start, new Failure(Failure.Kind.OTHER, e.detail()));
            return null;
        }
    }

    /** Tries each address in turn, all within the one connect deadline. */
    private Socket connect(List<InetAddress> addresses, Deadline deadline) {
        long start = System.nanoTime();
        Deadline connectDeadline = deadline.within(options.connectTimeout());
        IOException last = null;
        for (InetAddress address : addresses) {
            if (connectDeadline.expired() || guard.cancelled()) {
                break;
            }
            try {
                Socket socket = StartTls.connect(address, target.port(), connectDeadline);
                transcript.note("connected to " + address.getHostAddress() + ":" + target.port());
                record(new StepResult(
                        StepName.CONNECT,
                        StepStatus.OK,
                        millisSince(start),
                        Detail.of("probe.detail.connect.ok", address.getHostAddress(), target.port())));
                return socket;
            } catch (IOException e) {
                last = e;
            }
        }
        fail(
                StepName.CONNECT,
                start,
                last == null
                        ? Failure.of(new java.net.SocketTimeoutException(), connectDeadline, guard.cancelled())
                        : Failure.of(last, connectDeadline, guard.cancelled()));
        return null;
    }

    private void converse(Socket socket, Deadline deadline) {
        SmtpChannel channel;
        try {
            channel = new SmtpChannel(socket, transcript);
        } catch (IOException e) {
            fail(StepName.BANNER, System.nanoTime(), Failure.of(e, deadline, guard.cancelled()));
            return;
        }
        StepName current = StepName.BANNER;
        long start = System.nanoTime();
        try {
            banner = channel.read(deadline);
            if (banner.code() != 220) {
                record(new StepResult(
                        StepName.BANNER,
                        StepStatus.FAILED,
                        millisSince(start),
                        Detail.of("probe.detail.banner.refused", SmtpChannel.printable(banner.raw(), 120))));
                failedStep = StepName.BANNER;
                quit(channel, deadline);
                return;
            }
            record(new StepResult(
                    StepName.BANNER,
                    StepStatus.OK,
                    millisSince(start),
                    StartTls.masked(banner)
                            ? Detail.of("probe.detail.banner.masked", SmtpChannel.printable(banner.firstLine(), 60))
                            : Detail.of("probe.detail.banner.ok", SmtpChannel.printable(banner.firstLine(), 100))));

            current = StepName.EHLO;
            start = System.nanoTime();
            channel.send("EHLO " + StartTls.ehloName(socket), deadline);
            SmtpReply ehloReply = channel.read(deadline);
            if (ehloReply.code() != 250) {
                record(new StepResult(
                        StepName.EHLO,
                        StepStatus.FAILED,
                        millisSince(start),
                        Detail.of("probe.detail.ehlo.refused", SmtpChannel.printable(ehloReply.raw(), 120))));
                failedStep = StepName.EHLO;
                quit(channel, deadline);
                return;
            }
            ehlo = ehloReply.lines().subList(1, ehloReply.lines().size());
            starttlsAdvertised = StartTls.advertisesStartTls(ehloReply);
            record(new StepResult(
                    StepName.EHLO,
                    StepStatus.OK,
                    millisSince(start),
                    starttlsAdvertised
                            ? Detail.of("probe.detail.ehlo.starttls", ehlo.size())
                            : Detail.of("probe.detail.ehlo.noStarttls", ehlo.size())));
            if (!starttlsAdvertised) {
                record(StepResult.skipped(StepName.STARTTLS, Detail.of("probe.detail.starttls.notAdvertised")));
                quit(channel, deadline);
                return;
            }

            current = StepName.STARTTLS;
            start = System.nanoTime();
            channel.send("STARTTLS", deadline);
            starttlsReply = channel.read(deadline);
            if (starttlsReply.code() != 220) {
                record(new StepResult(
                        StepName.STARTTLS,
                        StepStatus.FAILED,
                        millisSince(start),
                        Detail.of("probe.detail.starttls.refused", SmtpChannel.printable(starttlsReply.raw(), 120))));
                failedStep = StepName.STARTTLS;
                quit(channel, deadline);
                return;
            }
            record(new StepResult(
                    StepName.STARTTLS,
                    StepStatus.OK,
                    millisSince(start),
                    Detail.of("probe.detail.starttls.ok", SmtpChannel.printable(starttlsReply.firstLine(), 100))));

            current = StepName.HANDSHAKE;
            start = System.nanoTime();
            RecordingTrustManager trust = new RecordingTrustManager(judge);
            SSLSocket tls = StartTls.handshake(socket, target.host(), null, trust, deadline);
            SSLSession session = tls.getSession();
            negotiated = new Negotiated(session.getProtocol(), session.getCipherSuite());
            X509Certificate[] chain = trust.chain();
            if (chain != null && chain.length > 0) {
                certificate = Certificates.report(chain, target.host(), trust.trustProblem(), Instant.now());
            }
            transcript.note("TLS " + negotiated.protocol() + " " + negotiated.cipher());
            record(new StepResult(
                    StepName.HANDSHAKE,
                    StepStatus.OK,
                    millisSince(start),
                    Detail.of("probe.detail.handshake.ok", negotiated.protocol(), negotiated.cipher())));
            quit(new SmtpChannel(tls, transcript), deadline);
        } catch (IOException | RuntimeException e) {
            fail(current, start, Failure.of(e, deadline, guard.cancelled()));
        }
    }

    private void quit(SmtpChannel channel, Deadline deadline) {
        long start = System.nanoTime();
        Deadline shortly = deadline.within(Duration.ofSeconds(2));
        try {
            channel.send("QUIT", shortly);
            SmtpReply bye = channel.read(shortly);
            record(new StepResult(
                    StepName.QUIT, StepStatus.OK, millisSince(start), Detail.of("probe.detail.quit.ok", bye.code())));
        } catch (IOException e) {
            // a missing goodbye never changes the verdict, so it is reported but not a failure of the target
            record(new StepResult(
                    StepName.QUIT,
                    StepStatus.FAILED,
                    millisSince(start),
                    Failure.of(e, shortly, guard.cancelled()).detail()));
        }
    }

    private void startMatrix(InetAddress address, Deadline deadline) {
        for (TlsVersion version : List.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)) {
            matrix.put(
                    version,
                    CompletableFuture.supplyAsync(
                            () -> report(VersionProbe.run(
                                    version,
                                    address,
                                    target.port(),
                                    target.host(),
                                    options.connectTimeout(),
                                    deadline,
                                    guard)),
                            pool));
        }
        if (options.legacyVersions()) {
            CompletableFuture<Map<TlsVersion, VersionResult>> legacy = CompletableFuture.supplyAsync(
                    () -> {
                        Map<TlsVersion, VersionResult> results = LegacyProbeLauncher.run(
                                address, target.port(), target.host(), options.connectTimeout(), deadline, guard);
                        results.values().forEach(this::report);
                        return results;
                    },
                    pool);
            for (TlsVersion version : TlsVersion.legacyVersions()) {
                matrix.put(version, legacy.thenApply(results -> results.get(version)));
            }
        }
    }

    private VersionResult report(VersionResult result) {
        listener.versionFinished(target, result);
        return result;
    }

    private Map<TlsVersion, VersionResult> collectMatrix(Deadline deadline) {
        Map<TlsVersion, VersionResult> results = new EnumMap<>(TlsVersion.class);
        for (TlsVersion version : TlsVersion.values()) {
            CompletableFuture<VersionResult> future = matrix.get(version);
            VersionResult result;
            if (future == null) {
                Detail why = !options.legacyVersions()
                                && version.legacy()
                                && failedStep != StepName.DNS
                                && failedStep != StepName.CONNECT
                        ? Detail.of("probe.detail.legacy.off")
                        : Detail.of("probe.detail.version.noConnection");
                result = report(new VersionResult(version, VersionOutcome.NOT_TESTED, null, why));
            } else {
                try {
                    // the guard closes every socket at the deadline; the grace only covers the child JVM's exit
                    result = future.get(deadline.remainingMillis() + 1500, TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException e) {
                    future.cancel(true);
                    result = new VersionResult(version, VersionOutcome.ERROR, null, Detail.of("probe.detail.timeout"));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result =
                            new VersionResult(version, VersionOutcome.ERROR, null, Detail.of("probe.detail.cancelled"));
                }
            }
            results.put(version, result);
        }
        return results;
    }

    private void fail(StepName name, long start, Failure why) {
        failure = why;
        failedStep = name;
        record(new StepResult(name, StepStatus.FAILED, millisSince(start), why.detail()));
    }

    private void record(StepResult step) {
        steps.add(step);
        listener.stepFinished(target, step);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
