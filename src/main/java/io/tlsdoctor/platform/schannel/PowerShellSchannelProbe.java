package io.tlsdoctor.platform.schannel;

import io.tlsdoctor.core.probe.Detail;
import io.tlsdoctor.core.probe.ProbeFinding;
import io.tlsdoctor.core.probe.Severity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the SMTP STARTTLS handshake in Windows PowerShell with .NET's {@code SslStream}, whose TLS is SChannel with
 * the OS defaults ({@code SslProtocols.None}): the protocol it agrees on is the one Exchange would. Host and port
 * travel in environment variables, never in the script text, so nothing the user typed is ever executed.
 */
final class PowerShellSchannelProbe implements SchannelProbe {

    static final String SCRIPT = String.join("\n",
            "$ErrorActionPreference = 'Stop'",
            "try {",
            "  $h = $env:TLSDOCTOR_HOST; $p = [int]$env:TLSDOCTOR_PORT; $t = [int]$env:TLSDOCTOR_TIMEOUT_MS",
            "  $c = New-Object Net.Sockets.TcpClient",
            "  $ar = $c.BeginConnect($h, $p, $null, $null)",
            "  if (-not $ar.AsyncWaitHandle.WaitOne($t)) { throw 'connect timed out' }",
            "  $c.EndConnect($ar); $c.ReceiveTimeout = $t; $c.SendTimeout = $t",
            "  $s = $c.GetStream()",
            "  function Read-Reply { $lines = @(); do { $l = ''; while ($true) { $b = $s.ReadByte(); if ($b -lt 0) { throw 'the server closed the connection' }; if ($b -eq 10) { break }; if ($b -ne 13) { $l += [char]$b } }; $lines += $l } while ($l.Length -ge 4 -and $l[3] -eq '-'); return ,$lines }",
            "  function Send-Line($x) { $bytes = [Text.Encoding]::ASCII.GetBytes($x + \"`r`n\"); $s.Write($bytes, 0, $bytes.Length) }",
            "  $null = Read-Reply",
            "  Send-Line 'EHLO tlsdoctor.invalid'; $null = Read-Reply",
            "  Send-Line 'STARTTLS'; $r = Read-Reply",
            "  if (-not $r[-1].StartsWith('220')) { throw ('STARTTLS refused: ' + $r[-1]) }",
            "  $ssl = New-Object Net.Security.SslStream($s, $false, ([Net.Security.RemoteCertificateValidationCallback]{ $true }))",
            "  $ssl.ReadTimeout = $t; $ssl.WriteTimeout = $t",
            "  try { $ssl.AuthenticateAsClient($h, $null, [Security.Authentication.SslProtocols]::None, $false) }",
            "  catch [ArgumentException] { $ssl.AuthenticateAsClient($h) }",
            "  'RESULT=OK'",
            "  'PROTOCOL=' + $ssl.SslProtocol",
            "  'CIPHER=' + $ssl.CipherAlgorithm + ' ' + $ssl.CipherStrength",
            "  $q = [Text.Encoding]::ASCII.GetBytes(\"QUIT`r`n\"); $ssl.Write($q, 0, $q.Length); $ssl.Flush(); $c.Close()",
            "} catch {",
            "  'RESULT=FAIL'",
            "  'ERROR=' + ($_.Exception.GetBaseException().Message -replace \"[`r`n]+\", ' ')",
            "}");

    @Override
    public ProbeFinding handshake(String host, int port, Duration timeout) {
        ProcessBuilder builder = new ProcessBuilder("powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass",
                "-Command", "-");
        builder.environment().put("TLSDOCTOR_HOST", host);
        builder.environment().put("TLSDOCTOR_PORT", String.valueOf(port));
        builder.environment().put("TLSDOCTOR_TIMEOUT_MS", String.valueOf(timeout.toMillis()));
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().write(SCRIPT.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis() * 2 + 15_000, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return failed(host, port, "PowerShell did not finish in time");
            }
            return interpret(host, port, new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new ProbeFinding("schannelUnavailable", Severity.INFO,
                    new Detail("probe.finding.schannelNoPowerShell", List.of(String.valueOf(e.getMessage()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(host, port, "interrupted");
        }
    }

    /** Reads the script's KEY=value lines; TLS 1.0/1.1 from SChannel means this machine offers nothing newer. */
    static ProbeFinding interpret(String host, int port, String output) {
        Map<String, String> values = new HashMap<>();
        output.lines().forEach(line -> {
            int equals = line.indexOf('=');
            if (equals > 0) {
                values.putIfAbsent(line.substring(0, equals).trim(), line.substring(equals + 1).trim());
            }
        });
        if (!"OK".equals(values.get("RESULT"))) {
            return failed(host, port, values.getOrDefault("ERROR", output.strip()));
        }
        String protocol = values.getOrDefault("PROTOCOL", "?");
        String lower = protocol.toLowerCase(Locale.ROOT);
        boolean modern = lower.equals("tls12") || lower.equals("tls13");
        return new ProbeFinding(modern ? "schannelModern" : "schannelLegacy", modern ? Severity.OK : Severity.FAIL,
                new Detail(modern ? "probe.finding.schannelModern" : "probe.finding.schannelLegacy",
                        List.of(host + ":" + port, protocol, values.getOrDefault("CIPHER", "?"))));
    }

    private static ProbeFinding failed(String host, int port, String error) {
        return new ProbeFinding("schannelFailed", Severity.FAIL,
                new Detail("probe.finding.schannelFailed", List.of(host + ":" + port, error)));
    }
}
