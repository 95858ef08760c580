package io.tlsdoctor.platform.exchange;

import io.tlsdoctor.core.connectors.ConnectorInputException;
import io.tlsdoctor.core.connectors.ConnectorSnapshot;
import io.tlsdoctor.core.connectors.ConnectorSource;
import io.tlsdoctor.core.connectors.SavedConnectorOutput;
import io.tlsdoctor.core.text.IoProblem;
import io.tlsdoctor.platform.windows.ChildProcess;
import io.tlsdoctor.platform.windows.CodePages;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Reads the connectors and certificates live: Windows PowerShell opens the Exchange Management Shell's remote session
 * ({@code New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri http://SERVER/PowerShell/
 * -Authentication Kerberos}, the user's own credentials, the way admins reach Exchange from a desktop), runs the
 * Get- cmdlets and answers in ConvertTo-Json, which {@link SavedConnectorOutput} reads like a saved file. As the
 * SChannel probe does: the script goes in as -EncodedCommand, the server name in an environment variable, and when
 * it cannot run here (no PowerShell, Constrained Language Mode, no session) that is what the message says.
 */
final class ExchangeShellConnectorSource implements ConnectorSource {

    private static final java.util.logging.Logger LOG =
            io.tlsdoctor.core.text.EventLog.of(ExchangeShellConnectorSource.class);

    static final String SCRIPT = loadScript();

    /** A remote session to a busy server and a certificate listing per server take their time. */
    private static final Duration DEADLINE = Duration.ofMinutes(3);

    private final String server;

    ExchangeShellConnectorSource(String server) {
        this.server = server;
    }

    @Override
    public ConnectorSnapshot collect() throws ConnectorInputException {
        Path powershell = powerShellExe();
        if (!Files.isRegularFile(powershell)) {
            throw new ConnectorInputException(
                    "connectors.live.noPowerShell", powershell.toString(), IoProblem.Kind.NOT_FOUND.code());
        }
        ProcessBuilder builder = new ProcessBuilder(command(powershell, SCRIPT));
        builder.environment().put("TLSDOCTOR_EXCHANGE_SERVER", server);
        try {
            ChildProcess.Finished finished =
                    ChildProcess.run(builder, DEADLINE, StandardCharsets.UTF_8, CodePages.oem());
            if (finished.timedOut()) {
                throw new ConnectorInputException("connectors.live.timedOut", server, DEADLINE.toSeconds());
            }
            return interpret(server, finished.stdout(), finished.exitCode(), finished.stderr());
        } catch (IOException e) {
            LOG.log(java.util.logging.Level.WARNING, e, () -> "could not start " + powershell);
            throw new ConnectorInputException(
                    "connectors.live.noPowerShell",
                    e,
                    powershell.toString(),
                    IoProblem.of(e, powershell).kind().code());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorInputException("connectors.live.timedOut", e, server, DEADLINE.toSeconds());
        }
    }

    /** The script's answer: {@code MODE:}, then one of {@code CONNECT:}, {@code ERROR:} or {@code JSON:} (Base64). */
    static ConnectorSnapshot interpret(String server, String stdout, int exitCode, String stderr)
            throws ConnectorInputException {
        String mode = null;
        for (String line : stdout.lines().map(String::strip).toList()) {
            if (line.startsWith("MODE:")) {
                mode = line.substring(5);
                if (!mode.equals("FullLanguage")) {
                    throw new ConnectorInputException("connectors.live.constrained", mode);
                }
            } else if (line.startsWith("CONNECT:")) {
                throw new ConnectorInputException("connectors.live.connect", server, decode(line.substring(8)));
            } else if (line.startsWith("ERROR:")) {
                throw new ConnectorInputException("connectors.live.failed", server, decode(line.substring(6)));
            } else if (line.startsWith("JSON:")) {
                return SavedConnectorOutput.fromLive(decode(line.substring(5)), server);
            }
        }
        throw new ConnectorInputException("connectors.live.noOutput", server, exitCode, firstLine(stderr));
    }

    private static String decode(String base64) throws ConnectorInputException {
        try {
            return new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ConnectorInputException("connectors.live.noOutput", e, "-", -1, base64);
        }
    }

    private static String firstLine(String text) {
        return text.replace("#< CLIXML", "")
                .strip()
                .lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("-");
    }

    /** Windows PowerShell by full path: never a powershell.exe found first in the application folder. */
    static Path powerShellExe() {
        String root = System.getenv("SystemRoot");
        return Path.of(root != null ? root : "C:\\Windows", "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }

    static List<String> command(Path powershell, String script) {
        return List.of(
                powershell.toString(),
                "-NoLogo",
                "-NoProfile",
                "-NonInteractive",
                "-ExecutionPolicy",
                "Bypass",
                "-EncodedCommand",
                Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE)));
    }

    private static String loadScript() {
        try (InputStream in = ExchangeShellConnectorSource.class.getResourceAsStream("connectors.ps1")) {
            if (in == null) {
                throw new IllegalStateException("connectors.ps1 is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
