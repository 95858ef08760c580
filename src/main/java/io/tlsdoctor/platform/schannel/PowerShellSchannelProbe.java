package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.core.text.EventLog;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the SMTP STARTTLS handshake in Windows PowerShell 5.1 with .NET's {@code SslStream}, whose TLS is SChannel:
 * once with SChannel's own defaults (what Exchange gets), then forcing TLS 1.2 and TLS 1.3 one at a time. The script
 * (handshake.ps1) goes in as {@code -EncodedCommand}: fed on standard input, PowerShell would wait for an empty line
 * after its last block and run nothing. Host and port travel in environment variables, never in the script text, so
 * nothing the user typed is ever executed. When the handshake cannot be tried here (no PowerShell, Constrained
 * Language Mode, no answer) that is what the finding says, never a failure of SChannel.
 */
final class PowerShellSchannelProbe implements SchannelProbe {

    private static final Logger LOG = EventLog.of(PowerShellSchannelProbe.class);

    static final String SCRIPT = loadScript();

    /** How long PowerShell itself may take to start on a cold, busy server, on top of the handshakes. */
    private static final Duration STARTUP = Duration.ofSeconds(20);

    @Override
    public ProbeFinding handshake(String host, int port, Duration timeout) {
        Path powershell = powerShellExe();
        if (!Files.isRegularFile(powershell)) {
            return couldNotTest("probe.finding.schannelNoPowerShell", notStarted(powershell, null));
        }
        ProcessBuilder builder = new ProcessBuilder(command(powershell, SCRIPT));
        builder.environment().put("TLSDOCTOR_HOST", host);
        builder.environment().put("TLSDOCTOR_PORT", String.valueOf(port));
        builder.environment().put("TLSDOCTOR_TIMEOUT_MS", String.valueOf(timeout.toMillis()));
        Duration deadline =
                timeout.multipliedBy(2L * (1 + SchannelAnswer.FORCED.size())).plus(STARTUP);
        try {
            // stdout is ASCII by the script's own design; stderr is PowerShell's own, in the OEM code page
            ChildProcess.Finished finished =
                    ChildProcess.run(builder, deadline, StandardCharsets.UTF_8, CodePages.oem());
            if (finished.timedOut()) {
                return couldNotTest("probe.finding.schannelTimedOut", String.valueOf(deadline.toSeconds()));
            }
            return interpret(host, port, finished.stdout(), finished.exitCode(), finished.stderr());
        } catch (IOException e) {
            return couldNotTest("probe.finding.schannelNoPowerShell", notStarted(powershell, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return couldNotTest("probe.finding.schannelTimedOut", String.valueOf(deadline.toSeconds()));
        }
    }

    /**
     * The full path, never a bare {@code powershell.exe} (Windows would look in the application folder and the
     * current directory first), and the Windows PowerShell on .NET Framework, not pwsh on .NET, which is not SChannel
     * alone.
     */
    static Path powerShellExe() {
        String root = System.getenv("SystemRoot");
        return Path.of(root != null ? root : "C:\\Windows", "System32", "WindowsPowerShell", "v1.0", "powershell.exe");
    }

    /** -EncodedCommand also makes an execution policy set by Group Policy irrelevant: it governs script files. */
    static List<String> command(Path powershell, String script) {
        return List.of(
                powershell.toString(),
                "-NoLogo",
                "-NoProfile",
                "-NonInteractive",
                "-ExecutionPolicy",
                "Bypass",
                "-EncodedCommand",
                encode(script));
    }

    /** What -EncodedCommand expects: Base64 of the script in UTF-16LE. */
    static String encode(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    static ProbeFinding interpret(String host, int port, String output, int exitCode, String errors) {
        SchannelAnswer answer = SchannelAnswer.parse(output);
        String mode = answer.languageMode().orElse(null);
        if (mode != null && !mode.equals("FullLanguage")) {
            return couldNotTest("probe.finding.schannelConstrained", mode);
        }
        SchannelAnswer.Handshake system = answer.handshake("DEFAULT").orElse(null);
        if (system == null) {
            if (output.isBlank()) {
                return couldNotTest("probe.finding.schannelNoOutput", String.valueOf(exitCode), readableErrors(errors));
            }
            return couldNotTest("probe.finding.schannelUnreadable", firstLine(output));
        }
        String target = host + ":" + port;
        if (!system.reachedTls()) {
            return couldNotTest("probe.finding.schannelNotReached", target, system.error());
        }
        List<String> agreed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, String> forced : SchannelAnswer.FORCED) {
            answer.handshake(forced.getKey()).ifPresent(run -> {
                if (run.ok()) {
                    agreed.add(forced.getValue());
                } else {
                    refused.add(forced.getValue() + " (" + run.error() + ")");
                }
            });
        }
        String agreedText = agreed.isEmpty() ? "-" : String.join(", ", agreed);
        String refusedText = refused.isEmpty() ? "-" : String.join("; ", refused);
        if (!system.ok()) {
            return new ProbeFinding(
                    "schannelFailed",
                    Severity.FAIL,
                    new Detail(
                            "probe.finding.schannelFailedForced",
                            List.of(target, system.error(), agreedText, refusedText)));
        }
        boolean modern = system.modern();
        return new ProbeFinding(
                modern ? "schannelModern" : "schannelLegacy",
                modern ? Severity.OK : Severity.FAIL,
                new Detail(
                        modern ? "probe.finding.schannelModernForced" : "probe.finding.schannelLegacyForced",
                        List.of(target, system.protocol(), system.cipher(), agreedText, refusedText)));
    }

    /**
     * The arguments of {@code probe.finding.schannelNoPowerShell}: the program and why it did not start (absent, or
     * the kind of {@code failure}, whose own text only the log gets).
     */
    static String[] notStarted(Path powershell, IOException failure) {
        if (failure == null) {
            return new String[] {powershell.toString(), String.valueOf(IoProblem.Kind.NOT_FOUND.code())};
        }
        LOG.log(Level.WARNING, failure, () -> "could not start " + powershell);
        return new String[] {
            powershell.toString(),
            String.valueOf(IoProblem.of(failure, powershell).kind().code())
        };
    }

    /** Not a verdict on SChannel: the handshake could not be tried from here, and the finding says why. */
    private static ProbeFinding couldNotTest(String key, String... args) {
        return new ProbeFinding("schannelUnavailable", Severity.INFO, new Detail(key, List.of(args)));
    }

    /**
     * PowerShell started with -EncodedCommand writes its own errors to a redirected stderr as CLIXML
     * ({@code #< CLIXML} then {@code <S S="Error">...</S>}): the first error's text, else the first line.
     */
    static String readableErrors(String stderr) {
        java.util.regex.Matcher error =
                java.util.regex.Pattern.compile("<S S=\"Error\">(.*?)</S>").matcher(stderr);
        StringBuilder text = new StringBuilder();
        while (error.find() && text.length() < 300) {
            text.append(error.group(1)
                    .replace("_x000D_", "")
                    .replace("_x000A_", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"));
        }
        return text.length() > 0
                ? text.toString().strip().replaceAll("\\s+", " ")
                : firstLine(stderr.replace("#< CLIXML", ""));
    }

    private static String firstLine(String text) {
        return text.strip()
                .lines()
                .filter(line -> !line.isBlank())
                .findFirst()
                .map(String::strip)
                .orElse("-");
    }

    private static String loadScript() {
        try (InputStream in = PowerShellSchannelProbe.class.getResourceAsStream("handshake.ps1")) {
            if (in == null) {
                throw new IllegalStateException("handshake.ps1 is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
