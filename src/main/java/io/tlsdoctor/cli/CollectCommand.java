package io.tlsdoctor.cli;

import io.tlsdoctor.core.fleet.HandshakeRecord;
import io.tlsdoctor.core.fleet.LogDigest;
import io.tlsdoctor.core.fleet.ServerSnapshot;
import io.tlsdoctor.core.logs.LogAnalysis;
import io.tlsdoctor.core.logs.LogAnalyzer;
import io.tlsdoctor.core.logs.LogInputs;
import io.tlsdoctor.core.logs.LogProgress;
import io.tlsdoctor.core.probe.ProbeTarget;
import io.tlsdoctor.core.registry.RegistryReadException;
import io.tlsdoctor.core.registry.RegistrySnapshot;
import io.tlsdoctor.core.registry.RegistrySource;
import io.tlsdoctor.core.text.Messages;
import io.tlsdoctor.core.text.UserFacingException;
import io.tlsdoctor.core.text.Version;
import io.tlsdoctor.platform.ThisComputer;
import io.tlsdoctor.platform.registry.PlatformRegistrySources;
import io.tlsdoctor.platform.registry.RegFileParseException;
import io.tlsdoctor.platform.schannel.SchannelProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tlsdoctor collect}: reads this server (registry, OS and Exchange build, pending restart; the SChannel
 * handshakes and the protocol logs when asked) and saves it as one snapshot file named after the server and the time,
 * for {@code compare} to judge beside the other servers'. Collects only: nothing is judged here.
 */
@Command(name = "collect", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true)
public final class CollectCommand implements java.util.concurrent.Callable<Integer> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);

    private final CliContext context;

    @Option(names = "--out-dir", paramLabel = "FOLDER", descriptionKey = "cli.collect.option.outDir")
    Path outDir = Path.of(".");

    @Option(names = "--server", paramLabel = "NAME", descriptionKey = "cli.collect.option.server")
    String server;

    @Option(names = "--reg-file", paramLabel = "FILE", descriptionKey = "cli.collect.option.regFile")
    List<Path> regFiles = new ArrayList<>();

    @Option(names = "--handshake", paramLabel = "HOST[:PORT]", descriptionKey = "cli.collect.option.handshake")
    List<String> handshakes = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", descriptionKey = "cli.collect.option.timeout")
    String timeout;

    @Option(names = "--logs", paramLabel = "PATH", descriptionKey = "cli.collect.option.logs")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--force", descriptionKey = "cli.collect.option.force")
    boolean force;

    public CollectCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Messages m = context.messages();
        String name = server != null
                ? server.trim()
                : ThisComputer.provenance(io.tlsdoctor.core.diagnosis.CheckMode.LIVE)
                        .computerName();
        if (name.isEmpty() || name.length() > 255 || name.chars().anyMatch(Character::isISOControl)) {
            throw new UsageException(m.get("cli.collect.error.server", Shown.field(name)));
        }
        Duration perHandshake = ProbeArguments.seconds(timeout, DEFAULT_TIMEOUT, m);
        List<ProbeTarget> targets = handshakes.stream()
                .map(h -> ProbeArguments.target(h, ProbeArguments.SMTP_PORT, m))
                .toList();
        LogInputs.Collected logInputs = null;
        if (!logs.isEmpty()) {
            logInputs = LogInputs.collect(logs);
            if (!logInputs.missing().isEmpty()) {
                throw new UsageException(m.get(
                        "cli.logs.error.missing",
                        logInputs.missing().stream().map(Shown::field).collect(Collectors.joining("', '"))));
            }
        }
        // 1. the registry: refused before anything slower runs
        RegistrySnapshot registry = readRegistry(m);
        // 2. the handshakes from here, through this machine's SChannel
        List<HandshakeRecord> records = new ArrayList<>();
        SchannelProbe schannel = targets.isEmpty() ? null : SchannelProbe.forThisMachine();
        for (ProbeTarget target : targets) {
            context.out().println(m.get("cli.collect.handshaking", Shown.field(target.display())));
            records.add(HandshakeRecord.of(
                    target.display(), Instant.now(), schannel.handshake(target.host(), target.port(), perHandshake)));
        }
        // 3. the logs, summed up
        LogDigest digest = null;
        if (logInputs != null) {
            LogAnalysis analysis = new LogAnalyzer(LogsHeadStart.classifier())
                    .analyze(logInputs, LogAnalyzer.Options.defaults(), new LogProgress());
            digest = LogDigest.of(analysis);
        }
        ServerSnapshot snapshot = new ServerSnapshot(
                ServerSnapshot.SCHEMA, name, Instant.now(), Version.current(), registry, records, digest);
        Path written;
        try {
            written = snapshot.writeInto(outDir, force);
        } catch (UserFacingException e) {
            throw new UsageException(m.get(e.messageKey(), Shown.args(e.args())));
        }
        context.out().println(m.get("cli.collect.written", Shown.field(name), Shown.field(written.toString())));
        for (HandshakeRecord record : records) {
            context.out()
                    .println("  " + Shown.field(record.target()) + ": "
                            + m.get(record.messageKey(), record.args().toArray()));
        }
        if (digest != null) {
            context.out()
                    .println(m.get("cli.collect.logs", digest.files(), digest.sessions(), digest.tlsFailureRows()));
        }
        context.out().println(m.get("cli.collect.next"));
        return ExitCodes.OK;
    }

    private RegistrySnapshot readRegistry(Messages m) {
        RegistrySource source = new PlatformRegistrySources()
                .choose(regFiles)
                .orElseThrow(() -> new UsageException(m.get("cli.collect.error.noRegistry")
                        + System.lineSeparator()
                        + RegistryCommand.howToExport(m)));
        try {
            return source.collect();
        } catch (RegFileParseException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        } catch (RegistryReadException e) {
            throw new UsageException(m.get(e.messageKey(), e.args()));
        }
    }
}
