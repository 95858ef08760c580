package io.tlsdoctor.platform.fleet;

import io.tlsdoctor.core.evidence.ProtocolLogLineClassifier;
import io.tlsdoctor.core.fleet.CollectFailure;
import io.tlsdoctor.core.fleet.HandshakeRecord;
import io.tlsdoctor.core.fleet.LogDigest;
import io.tlsdoctor.core.fleet.ServerCollector;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.registry.RegistryPaths;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistryValue;
import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.platform.registry.WindowsRegistrySource;
import io.tlsdoctor.platform.schannel.SchannelProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a server from the helpdesk desktop with Windows' own machinery and the user's own sign-in, nothing stored:
 * its registry through the Remote Registry service (as HealthChecker does), the SChannel handshake on it through
 * PowerShell remoting (the same script as on this computer), and optionally its protocol logs of the last day through
 * the admin share ({@code \\SERVER\C$\...}). Windows only; elsewhere {@link OfflineServerCollector} stands in.
 */
public final class WindowsServerCollector implements ServerCollector {

    private static final List<String> LOG_FOLDERS =
            List.of("TransportRoles\\Logs\\FrontEnd\\ProtocolLog", "TransportRoles\\Logs\\Hub\\ProtocolLog");

    private final List<ProbeTarget> handshakes;
    private final Duration handshakeTimeout;
    private final Supplier<ProtocolLogLineClassifier> logClassifier;

    /**
     * @param handshakes    where each server makes its SChannel handshake (the tenant's MX host); empty: none
     * @param logClassifier the protocol-log reader's classifier, or null to leave the logs alone
     */
    public WindowsServerCollector(
            List<ProbeTarget> handshakes,
            Duration handshakeTimeout,
            Supplier<ProtocolLogLineClassifier> logClassifier) {
        this.handshakes = List.copyOf(handshakes);
        this.handshakeTimeout = handshakeTimeout;
        this.logClassifier = logClassifier;
    }

    public static boolean isAvailable() {
        return WindowsRegistrySource.isAvailable();
    }

    @Override
    public ServerSnapshot collect(String server, Duration deadline) throws CollectFailure, InterruptedException {
        RegistrySnapshot registry;
        try (WindowsRegistrySource.RemoteRead remote = WindowsRegistrySource.remote(server)) {
            registry = remote.collect();
        } catch (RegistryReadException e) {
            CollectFailure.Kind kind =
                    e.messageKey().endsWith(".denied") ? CollectFailure.Kind.DENIED : CollectFailure.Kind.UNREACHABLE;
            throw new CollectFailure(kind, e.messageKey(), List.of(e.args()), e);
        }
        List<HandshakeRecord> records = new ArrayList<>();
        SchannelProbe probe = SchannelProbe.onServer(server);
        for (ProbeTarget target : handshakes) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            records.add(HandshakeRecord.of(
                    target.display(), Instant.now(), probe.handshake(target.host(), target.port(), handshakeTimeout)));
        }
        LogDigest logs = logClassifier == null ? null : logs(server, registry);
        return new ServerSnapshot(
                ServerSnapshot.SCHEMA, server, Instant.now(), Version.current(), registry, records, logs);
    }

    /** The last day of its protocol logs through the admin share, where Exchange is installed; null when not reachable. */
    private LogDigest logs(String server, RegistrySnapshot registry) {
        RegistryValue install = registry.value(RegistryPaths.EXCHANGE_SETUP, "MsiInstallPath");
        if (install == null
                || install.text() == null
                || install.text().length() < 3
                || install.text().charAt(1) != ':') {
            return null;
        }
        String share = "\\\\" + server + "\\" + install.text().charAt(0) + "$"
                + install.text().substring(2);
        List<Path> folders = new ArrayList<>();
        for (String folder : LOG_FOLDERS) {
            Path path = Path.of(share, folder);
            if (Files.isDirectory(path)) {
                folders.add(path);
            }
        }
        if (folders.isEmpty()) {
            return null;
        }
        LogInputs.Collected inputs = LogInputs.collect(folders);
        return LogDigest.of(new LogAnalyzer(logClassifier.get())
                .analyze(
                        inputs,
                        new LogAnalyzer.Options(Instant.now().minus(Duration.ofDays(1)), 0),
                        new LogProgress()));
    }
}
