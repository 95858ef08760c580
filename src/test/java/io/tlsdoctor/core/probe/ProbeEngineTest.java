package io.tlsdoctor.core.probe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tlsdoctor.core.domain.Direction;
import io.tlsdoctor.testpeers.FakeSmtpPeer;
import io.tlsdoctor.testpeers.LegacyPeerProcess;
import io.tlsdoctor.testpeers.TestCertificates;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The probe against loopback SMTP peers that each behave like one real-world server or middlebox. */
class ProbeEngineTest {

    private static final ProbeOptions OUTBOUND = ProbeOptions.defaults(Direction.ONPREM_TO_EXO);

    @AfterEach
    void noProbeThreadIsLeftBehind() throws InterruptedException {
        assertThat(ProbeEngine.awaitQuiet(3000))
                .as("probe threads still running after the run")
                .isTrue();
    }

    private static TargetReport probe(int port, ProbeOptions options) throws InterruptedException {
        return probe(new ProbeEngine(), port, options);
    }

    private static TargetReport probe(ProbeEngine engine, int port, ProbeOptions options) throws InterruptedException {
        ProbeReport report = engine.run(
                ProbeRequest.hosts(List.of(ProbeTarget.direct("127.0.0.1", port))), options, ProbeListener.NONE);
        assertThat(report.targets()).hasSize(1);
        return report.targets().get(0);
    }

    private static List<String> findingIds(TargetReport report) {
        return report.findings().stream().map(ProbeFinding::id).toList();
    }

    private static Map<TlsVersion, VersionOutcome> matrix(TargetReport report) {
        return Map.of(
                TlsVersion.TLS_1_0,
                report.protocol(TlsVersion.TLS_1_0).outcome(),
                TlsVersion.TLS_1_1,
                report.protocol(TlsVersion.TLS_1_1).outcome(),
                TlsVersion.TLS_1_2,
                report.protocol(TlsVersion.TLS_1_2).outcome(),
                TlsVersion.TLS_1_3,
                report.protocol(TlsVersion.TLS_1_3).outcome());
    }

    @Test
    void tls12OnlyServerIsAcceptedOn12AndRefusedOnEverythingElse() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1.2").start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.steps()).extracting(StepResult::status).containsOnly(StepStatus.OK, StepStatus.SKIPPED);
            assertThat(report.step(StepName.DNS).status()).isEqualTo(StepStatus.SKIPPED); // an address needs no lookup
            assertThat(report.negotiated().protocol()).isEqualTo("TLSv1.2");
            assertThat(matrix(report))
                    .isEqualTo(Map.of(
                            TlsVersion.TLS_1_0,
                            VersionOutcome.REFUSED,
                            TlsVersion.TLS_1_1,
                            VersionOutcome.REFUSED,
                            TlsVersion.TLS_1_2,
                            VersionOutcome.ACCEPTED,
                            TlsVersion.TLS_1_3,
                            VersionOutcome.REFUSED));
            assertThat(report.protocol(TlsVersion.TLS_1_2).cipher()).startsWith("TLS_");
            assertThat(report.protocol(TlsVersion.TLS_1_3).detail().key()).isEqualTo("probe.detail.alert");
            assertThat(findingIds(report)).contains("outboundPathFine");
            assertThat(report.transcript()).contains("C: STARTTLS", "S: 220 2.0.0 Ready to start TLS");
            // what a sending server would do up to TLS, and nothing that could send mail
            assertThat(peer.commands())
                    .allMatch(command ->
                            command.startsWith("EHLO ") || command.equals("STARTTLS") || command.equals("QUIT"));
            assertThat(peer.commands())
                    .noneMatch(command ->
                            command.startsWith("MAIL") || command.startsWith("DATA") || command.startsWith("RCPT"));
        }
    }

    @Test
    void tls13OnlyServerIsAcceptedOnlyOn13() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().protocols("TLSv1.3").start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.negotiated().protocol()).isEqualTo("TLSv1.3");
            assertThat(report.protocol(TlsVersion.TLS_1_3).outcome()).isEqualTo(VersionOutcome.ACCEPTED);
            assertThat(report.protocol(TlsVersion.TLS_1_2).outcome()).isEqualTo(VersionOutcome.REFUSED);
            // a TLS 1.2 sender (Exchange on Windows Server 2019 and older) cannot use TLS with it: not "fine"
            assertThat(findingIds(report))
                    .contains("only13")
                    .doesNotContain("outboundPathFine", "outboundModern", "noVersionAccepted");
        }
    }

    @Test
    void legacyOnlyPeerInAChildJvmIsAcceptedOnTls10Only() throws Exception {
        try (LegacyPeerProcess peer = new LegacyPeerProcess()) {
            TargetReport outbound = probe(peer.port(), OUTBOUND);
            assertThat(matrix(outbound))
                    .isEqualTo(Map.of(
                            TlsVersion.TLS_1_0,
                            VersionOutcome.ACCEPTED,
                            TlsVersion.TLS_1_1,
                            VersionOutcome.REFUSED,
                            TlsVersion.TLS_1_2,
                            VersionOutcome.REFUSED,
                            TlsVersion.TLS_1_3,
                            VersionOutcome.REFUSED));
            assertThat(outbound.step(StepName.HANDSHAKE).status()).isEqualTo(StepStatus.FAILED);
            assertThat(findingIds(outbound)).contains("outboundLegacyOnly");
            TargetReport inbound = probe(peer.port(), ProbeOptions.defaults(Direction.EXO_TO_ONPREM));
            assertThat(findingIds(inbound)).contains("inboundLegacyOnly");
            assertThat(inbound.findings())
                    .filteredOn(f -> f.id().equals("inboundLegacyOnly"))
                    .first()
                    .satisfies(f -> assertThat(f.text().args()).contains("TLS 1.0"));
        }
    }

    @Test
    void ourOwnStackRefusingTls10IsAnErrorNeverTheServerRefusing() throws Exception {
        // This JVM keeps Java's default and will not offer TLS 1.0: the server is never asked, so it is not "refused".
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            VersionResult result = VersionProbe.run(
                    TlsVersion.TLS_1_0,
                    InetAddress.getLoopbackAddress(),
                    peer.port(),
                    "127.0.0.1",
                    Duration.ofSeconds(5),
                    Deadline.after(Duration.ofSeconds(10)),
                    new Guard(java.util.concurrent.Executors.newSingleThreadScheduledExecutor()));
            assertThat(result.outcome()).isEqualTo(VersionOutcome.ERROR);
            assertThat(result.detail().key()).isEqualTo("probe.detail.localProtocol");
        }
    }

    @Test
    void withoutTheChildJvmLegacyVersionsAreNotTestedRatherThanRefused() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            ProbeOptions withoutChildJvm = new ProbeOptions(
                    OUTBOUND.direction(),
                    OUTBOUND.connectTimeout(),
                    OUTBOUND.targetTimeout(),
                    OUTBOUND.dnsServer(),
                    false);
            TargetReport report = probe(peer.port(), withoutChildJvm);
            assertThat(report.protocol(TlsVersion.TLS_1_0).outcome()).isEqualTo(VersionOutcome.NOT_TESTED);
            assertThat(findingIds(report))
                    .contains("outboundModern", "legacyUntested")
                    .doesNotContain("outboundPathFine");
        }
    }

    @Test
    void noStartTlsIsAFindingAndTheMatrixIsNotTested() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().noStartTls().start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.starttlsAdvertised()).isFalse();
            assertThat(report.step(StepName.STARTTLS).status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(report.step(StepName.QUIT).status()).isEqualTo(StepStatus.OK);
            assertThat(report.protocols().values())
                    .extracting(VersionResult::outcome)
                    .containsOnly(VersionOutcome.NOT_TESTED);
            assertThat(findingIds(report)).containsExactly("noStarttlsOutbound");
            TargetReport inbound = probe(peer.port(), ProbeOptions.defaults(Direction.EXO_TO_ONPREM));
            assertThat(findingIds(inbound)).containsExactly("noStarttlsInbound");
        }
    }

    @Test
    void maskedBannerWithoutStartTlsPointsAtFirewallInspection() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder()
                .noStartTls()
                .banner("220 ******************************0*0*0*******2******0***00")
                .start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.bannerMasked()).isTrue();
            assertThat(report.step(StepName.BANNER).detail().key()).isEqualTo("probe.detail.banner.masked");
            assertThat(findingIds(report)).containsExactly("maskedNoStarttls");
        }
    }

    @Test
    void multiLineBannerIsReadWhole() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder()
                .banner("220-fake.example ESMTP", "220-no UCE", "220 welcome")
                .start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.banner().lines()).containsExactly("fake.example ESMTP", "no UCE", "welcome");
            assertThat(report.bannerMasked()).isFalse();
            assertThat(report.step(StepName.HANDSHAKE).status()).isEqualTo(StepStatus.OK);
        }
    }

    @Test
    void starttls454MeansNoUsableCertificate() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder()
                .starttlsReply("454 4.7.0 TLS not available due to local problem")
                .start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.step(StepName.STARTTLS).status()).isEqualTo(StepStatus.FAILED);
            assertThat(report.starttlsReply().code()).isEqualTo(454);
            assertThat(findingIds(report)).containsExactly("starttlsTemporary");
            assertThat(report.protocols().values())
                    .extracting(VersionResult::outcome)
                    .containsOnly(VersionOutcome.NOT_TESTED);
        }
    }

    @Test
    void resetDuringTheHandshakeIsARefusalSeenOnTheWire() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder()
                .mode(FakeSmtpPeer.Mode.RESET_IN_HANDSHAKE)
                .start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.step(StepName.HANDSHAKE).status()).isEqualTo(StepStatus.FAILED);
            assertThat(report.step(StepName.HANDSHAKE).detail().key())
                    .isIn("probe.detail.reset", "probe.detail.closed");
            assertThat(report.protocol(TlsVersion.TLS_1_2).outcome()).isEqualTo(VersionOutcome.REFUSED);
            assertThat(report.protocol(TlsVersion.TLS_1_0).outcome()).isEqualTo(VersionOutcome.REFUSED);
            assertThat(findingIds(report)).contains("noVersionAccepted");
        }
    }

    @Test
    void resetAtAcceptLeavesEveryVersionNotTestedBecauseTlsNeverStarted() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.RESET_AT_ACCEPT).start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            // the reset reaches either the connect (banner then skipped) or the banner read, as the kernel delivers it
            assertThat(report.step(StepName.BANNER).status()).isIn(StepStatus.FAILED, StepStatus.SKIPPED);
            for (TlsVersion version : TlsVersion.values()) {
                VersionResult result = report.protocol(version);
                assertThat(result.outcome())
                        .as(version + " was never offered, the peer reset before SMTP")
                        .isEqualTo(VersionOutcome.NOT_TESTED);
                assertThat(result.detail().key())
                        .as(version.toString())
                        .isIn(
                                "probe.detail.version.resetBeforeSmtp",
                                "probe.detail.version.closedBeforeSmtp",
                                "probe.detail.version.noConnection");
            }
            if (report.step(StepName.CONNECT).status() == StepStatus.OK) {
                // the connection stood, so the matrix ran and each of its own connections met the reset
                assertThat(report.protocols().values())
                        .extracting(r -> r.detail().key())
                        .contains("probe.detail.version.resetBeforeSmtp");
            } else {
                // under load the RST can land before the connect returns: then no version had a connection to try
                assertThat(report.step(StepName.CONNECT).detail().key()).isEqualTo("probe.detail.reset");
                assertThat(report.protocols().values())
                        .extracting(r -> r.detail().key())
                        .containsOnly("probe.detail.version.noConnection");
            }
            assertThat(findingIds(report)).doesNotContain("noVersionAccepted");
        }
    }

    @Test
    void tlsAlertIsReportedByName() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder()
                .mode(FakeSmtpPeer.Mode.ALERT_IN_HANDSHAKE)
                .start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.step(StepName.HANDSHAKE).detail())
                    .isEqualTo(Detail.of("probe.detail.alert", "handshake_failure"));
            assertThat(report.protocol(TlsVersion.TLS_1_3).outcome()).isEqualTo(VersionOutcome.REFUSED);
        }
    }

    @Test
    void silentPeerEndsAtTheDeadlineWithAClearFinding() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start()) {
            long start = System.nanoTime();
            TargetReport report =
                    probe(peer.port(), OUTBOUND.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(4500));
            assertThat(report.step(StepName.BANNER).detail().key()).isEqualTo("probe.detail.timeout");
            assertThat(findingIds(report)).containsExactly("silent");
        }
    }

    @Test
    void drippingPeerCannotStretchTheDeadline() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.DRIP).start()) {
            long start = System.nanoTime();
            TargetReport report =
                    probe(peer.port(), OUTBOUND.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5500));
            assertThat(report.step(StepName.BANNER).detail().key()).isEqualTo("probe.detail.slow");
            assertThat(findingIds(report)).containsExactly("stalled");
        }
    }

    @Test
    void tenMegabyteLineIsCutOffAfterTheLineLimit() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.HUGE_LINE).start()) {
            TargetReport report =
                    probe(peer.port(), OUTBOUND.withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)));
            assertThat(report.step(StepName.BANNER).detail())
                    .isEqualTo(Detail.of("probe.detail.lineTooLong", SmtpChannel.MAX_LINE));
            assertThat(findingIds(report)).containsExactly("notSmtp");
            assertThat(String.join("", report.transcript()).length()).isLessThan(10_000);
        }
    }

    @Test
    void garbageIsNotMistakenForSmtp() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.GARBAGE).start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.step(StepName.BANNER).detail().key()).isEqualTo("probe.detail.notSmtp");
            assertThat(findingIds(report)).containsExactly("notSmtp");
        }
    }

    @Test
    void closedPortIsANetworkProblemNotTls() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        TargetReport report = probe(port, OUTBOUND);
        assertThat(report.step(StepName.CONNECT).status()).isEqualTo(StepStatus.FAILED);
        assertThat(report.step(StepName.BANNER).status()).isEqualTo(StepStatus.SKIPPED);
        assertThat(findingIds(report)).containsExactly("portClosed");
        assertThat(report.protocols().values())
                .extracting(VersionResult::outcome)
                .containsOnly(VersionOutcome.NOT_TESTED);
    }

    @Test
    void selfSignedCertificateIsUntrustedButNamesTheHost() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            CertificateReport certificate = report.certificate();
            assertThat(certificate.trusted()).isFalse();
            assertThat(certificate.nameMatches()).isTrue();
            assertThat(certificate.leaf().subject()).isEqualTo("CN=localhost");
            assertThat(certificate.leaf().subjectAlternativeNames()).containsExactly("DNS:localhost", "IP:127.0.0.1");
            assertThat(certificate.leaf().issuer()).isEqualTo("CN=localhost");
            assertThat(certificate.leaf().signatureAlgorithm()).isEqualTo("SHA256withRSA");
            assertThat(findingIds(report))
                    .contains("certUntrusted")
                    .doesNotContain("certOk", "certExpired", "certName");
        }
    }

    @Test
    void trustedCertificateIsReportedAsFine() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().start()) {
            TargetReport report = probe(new ProbeEngine(TestCertificates.trusting("good")), peer.port(), OUTBOUND);
            assertThat(report.certificate().trusted()).isTrue();
            assertThat(findingIds(report)).contains("certOk").doesNotContain("certUntrusted");
        }
    }

    @Test
    void expiredCertificateIsAFailure() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().certificate("expired").start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.certificate().expired()).isTrue();
            assertThat(findingIds(report)).contains("certExpired");
        }
    }

    @Test
    void certificateForAnotherNameIsAMismatch() throws Exception {
        try (FakeSmtpPeer peer = FakeSmtpPeer.builder().certificate("wrongname").start()) {
            TargetReport report = probe(peer.port(), OUTBOUND);
            assertThat(report.certificate().nameMatches()).isFalse();
            assertThat(report.findings())
                    .filteredOn(f -> f.id().equals("certName"))
                    .singleElement()
                    .satisfies(f -> assertThat(f.text().args()).containsExactly("127.0.0.1", "DNS:mail.wrong.example"));
        }
    }

    @Test
    void targetsRunInParallelEachWithinItsOwnDeadline() throws Exception {
        try (FakeSmtpPeer silent1 =
                        FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start();
                FakeSmtpPeer silent2 =
                        FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start();
                FakeSmtpPeer good = FakeSmtpPeer.builder().start()) {
            long start = System.nanoTime();
            ProbeReport report = new ProbeEngine()
                    .run(
                            ProbeRequest.hosts(List.of(
                                    ProbeTarget.direct("127.0.0.1", silent1.port()),
                                    ProbeTarget.direct("127.0.0.1", silent2.port()),
                                    ProbeTarget.direct("127.0.0.1", good.port()))),
                            OUTBOUND.withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(3)),
                            ProbeListener.NONE);
            // sequentially the two silent peers alone would take 6 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5500));
            assertThat(report.targets())
                    .extracting(t -> t.target().port())
                    .containsExactly(silent1.port(), silent2.port(), good.port());
            assertThat(report.targets().get(2).step(StepName.HANDSHAKE).status())
                    .isEqualTo(StepStatus.OK);
        }
    }

    @Test
    void cancelEndsAProbeAtOnce() throws Exception {
        try (FakeSmtpPeer peer =
                FakeSmtpPeer.builder().mode(FakeSmtpPeer.Mode.SILENT).start()) {
            List<StepResult> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            ProbeRun run = new ProbeEngine()
                    .start(
                            ProbeRequest.hosts(List.of(ProbeTarget.direct("127.0.0.1", peer.port()))),
                            OUTBOUND,
                            new ProbeListener() {
                                @Override
                                public void stepFinished(ProbeTarget target, StepResult step) {
                                    seen.add(step);
                                }
                            });
            Thread.sleep(500);
            long start = System.nanoTime();
            run.cancel();
            ProbeReport report = run.await();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
            assertThat(report.cancelled()).isTrue();
            assertThat(report.targets().get(0).findings())
                    .extracting(ProbeFinding::id)
                    .containsExactly("cancelled");
            assertThat(seen).extracting(StepResult::name).contains(StepName.CONNECT, StepName.BANNER);
        }
    }
}
