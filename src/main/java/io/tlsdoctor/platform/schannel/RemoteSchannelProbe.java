package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;
import io.tlsdoctor.platform.windows.ChildProcess;
import io.tlsdoctor.platform.windows.CodePages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The same handshake script as {@link PowerShellSchannelProbe}, run on another server through PowerShell remoting
 * ({@code Invoke-Command -ComputerName}, WinRM, which Exchange needs anyway) with the user's own sign-in, so the
 * handshake is that server's SChannel and nothing is installed there. The script travels as Base64 in an environment
 * variable of the local PowerShell, host and port as arguments: nothing the user typed becomes script text.
 */
final class RemoteSchannelProbe implements SchannelProbe {

    /** The script's own output goes to [Console]::Out, which a remote session does not send back: the pipeline does. */
    private static final String CONSOLE_ANSWER =
            "function Write-Answer([string]$Line) { [Console]::Out.WriteLine($Line) }";

    private static final String PIPELINE_ANSWER = "function Write-Answer([string]$Line) { $Line }";

    static final String REMOTE_SCRIPT = remoteScript(PowerShellSchannelProbe.SCRIPT);

    /** Runs here, in Windows PowerShell: hands the script to the server and prints what comes back, line by line. */
    static final String WRAPPER = String.join(
            "\n",
            "$ErrorActionPreference = 'Stop'",
            "$ProgressPreference = 'SilentlyContinue'",
            "try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }",
            "$text = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($env:TLSDOCTOR_REMOTE_SCRIPT))",
            "$block = [scriptblock]::Create($text)",
            "try {",
            "  Invoke-Command -ComputerName $env:TLSDOCTOR_SERVER -ScriptBlock $block"
                    + " -ArgumentList $env:TLSDOCTOR_HOST, $env:TLSDOCTOR_PORT, $env:TLSDOCTOR_TIMEOUT_MS"
                    + " | ForEach-Object { [Console]::Out.WriteLine([string]$_) }",
            "} catch {",
            "  [Console]::Out.WriteLine('REMOTE=' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($_.Exception.Message)))",
            "}");

    private static final Duration REMOTING = Duration.ofSeconds(30);

    private final String server;

    RemoteSchannelProbe(String server) {
        this.server = server;
    }

    static String remoteScript(String script) {
        if (!script.contains(CONSOLE_ANSWER)) {
            throw new IllegalStateException("handshake.ps1 no longer defines Write-Answer as expected");
        }
        return "param($h, $p, $t)\n$env:TLSDOCTOR_HOST = $h; $env:TLSDOCTOR_PORT = $p; $env:TLSDOCTOR_TIMEOUT_MS = $t\n"
                + script.replace(CONSOLE_ANSWER, PIPELINE_ANSWER);
    }

    @Override
    public ProbeFinding handshake(String host, int port, Duration timeout) {
        Path powershell = PowerShellSchannelProbe.powerShellExe();
        if (!Files.isRegularFile(powershell)) {
            return unavailable(
                    "probe.finding.schannelNoPowerShell", PowerShellSchannelProbe.notStarted(powershell, null));
        }
        ProcessBuilder builder = new ProcessBuilder(PowerShellSchannelProbe.command(powershell, WRAPPER));
        builder.environment().put("TLSDOCTOR_SERVER", server);
        builder.environment().put("TLSDOCTOR_HOST", host);
        builder.environment().put("TLSDOCTOR_PORT", String.valueOf(port));
        builder.environment().put("TLSDOCTOR_TIMEOUT_MS", String.valueOf(timeout.toMillis()));
        builder.environment()
                .put(
                        "TLSDOCTOR_REMOTE_SCRIPT",
                        Base64.getEncoder().encodeToString(REMOTE_SCRIPT.getBytes(StandardCharsets.UTF_8)));
        Duration deadline =
                timeout.multipliedBy(2L * (1 + SchannelAnswer.FORCED.size())).plus(REMOTING);
        try {
            ChildProcess.Finished finished =
                    ChildProcess.run(builder, deadline, StandardCharsets.UTF_8, CodePages.oem());
            if (finished.timedOut()) {
                return unavailable("probe.finding.schannelTimedOut", String.valueOf(deadline.toSeconds()));
            }
            return interpret(server, host, port, finished.stdout(), finished.exitCode(), finished.stderr());
        } catch (IOException e) {
            return unavailable("probe.finding.schannelNoPowerShell", PowerShellSchannelProbe.notStarted(powershell, e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("probe.finding.schannelTimedOut", String.valueOf(deadline.toSeconds()));
        }
    }

    /** A remoting failure (WinRM off, access denied) is said as such; anything else is the handshake's own answer. */
    static ProbeFinding interpret(String server, String host, int port, String output, int exitCode, String errors) {
        SchannelAnswer answer = SchannelAnswer.parse(output);
        String remote = answer.values().get("REMOTE");
        if (remote != null) {
            String reason;
            try {
                reason = new String(Base64.getDecoder().decode(remote), StandardCharsets.UTF_8).strip();
            } catch (IllegalArgumentException e) {
                reason = remote;
            }
            return unavailable("probe.finding.schannelRemoteFailed", server, reason);
        }
        return PowerShellSchannelProbe.interpret(host, port, output, exitCode, errors);
    }

    private static ProbeFinding unavailable(String key, String... args) {
        return new ProbeFinding("schannelUnavailable", Severity.INFO, new Detail(key, List.of(args)));
    }
}
