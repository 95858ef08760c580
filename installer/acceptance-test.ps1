# The installed TLS Doctor on Windows, run as an admin would, by the Windows CI job after a silent MSI install:
# a live registry read (JNA, with TEMP pointed at an empty folder it must leave empty), fix apply on an offline copy
# of a reg export, diagnose written in the three formats, and probe against a STARTTLS listener on loopback (the unit
# tests' FakeSmtpPeer, as Postfix is not there), whose SChannel handshake through PowerShell must agree on TLS 1.2.
# Needs: the MSI installed, the tests compiled (target\test-classes) and target\test-classpath.txt (mvnw
# dependency:build-classpath -Dmdep.includeScope=test). Exits non-zero on the first failure.
# Usage: pwsh -File installer\acceptance-test.ps1 [-InstallDir 'C:\Program Files\TLS Doctor']
param([string]$InstallDir = (Join-Path $env:ProgramFiles 'TLS Doctor'))
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)
$exe = Join-Path $InstallDir 'tlsdoctor.exe'
$work = Join-Path (Resolve-Path 'target').Path 'acceptance-windows'
Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force $work | Out-Null

# Runs tlsdoctor, returns its exit code and output lines; a stack trace in the output is a failure by itself.
function Invoke-Tlsdoctor([string[]]$Arguments) {
    $ErrorActionPreference = 'Continue'
    $output = @(& $exe @Arguments 2>&1 | ForEach-Object { "$_" })
    $code = $LASTEXITCODE
    if ($output -match '^\s+at [a-z]+\.|Exception in thread') { throw "tlsdoctor $Arguments printed a stack trace:`n$($output -join "`n")" }
    return [pscustomobject]@{ Code = $code; Output = $output; Text = ($output -join "`n") }
}

function Assert-Exit($Result, [int[]]$Expected, [string]$What) {
    if ($Expected -notcontains $Result.Code) { throw "$What exited with $($Result.Code), expected $($Expected -join ' or '):`n$($Result.Text)" }
    Write-Host "ok    $What (exit $($Result.Code))"
}

# 1. Live registry through JNA. jnidispatch.dll is in the runtime and the launcher forbids unpacking it, so TEMP
#    stays empty; text and JSON both.
if (-not (Test-Path (Join-Path $InstallDir 'runtime\bin\jnidispatch.dll'))) { throw 'jnidispatch.dll is not in the installed runtime' }
$temp = New-Item -ItemType Directory -Force (Join-Path $work 'temp')
$savedTemp = $env:TEMP, $env:TMP
$env:TEMP = $temp.FullName
$env:TMP = $temp.FullName
try {
    $registry = Invoke-Tlsdoctor @('registry', '--json')
} finally {
    $env:TEMP, $env:TMP = $savedTemp
}
Assert-Exit $registry @(0) 'registry --json (live)'
$report = $registry.Text | ConvertFrom-Json
if ($report.schema -ne 'tlsdoctor.registry/1' -or $report.source.origin -ne 'live') { throw "not a live registry report: $($registry.Text)" }
if (@($report.protocols | Where-Object { $_.protocol -eq 'TLS 1.2' }).Count -ne 1) { throw "no TLS 1.2 row: $($registry.Text)" }
$unpacked = @(Get-ChildItem -Recurse -Force $temp.FullName)
if ($unpacked.Count -ne 0) { throw "something was unpacked into TEMP: $($unpacked.FullName -join ', ')" }
$text = Invoke-Tlsdoctor @('registry', '--lang=sv')
Assert-Exit $text @(0) 'registry in Swedish (live, text)'
if ($text.Text -notmatch 'Slutsats') { throw "no Swedish bottom line: $($text.Text)" }

# 2. fix plan and fix apply on an offline copy of a reg export where TLS 1.2 is off; the copy then says it is on.
$store = Join-Path $work 'store.reg'
Copy-Item 'installer\samples\schannel-tls12-off.reg' $store
$plan = Join-Path $work 'plan.json'
Assert-Exit (Invoke-Tlsdoctor @('fix', 'plan', '--reg-file', $store, '--os', '2019', '--out', $plan)) @(0) 'fix plan (offline copy)'
$apply = Invoke-Tlsdoctor @('fix', 'apply', '--plan', $plan, '--store', $store, '--yes', '--backups', (Join-Path $work 'backups'),
    '--result', (Join-Path $work 'result.json'))
Assert-Exit $apply @(0) 'fix apply --store (offline copy)'
$after = (Invoke-Tlsdoctor @('registry', '--reg-file', $store, '--os', '2019', '--json')).Text | ConvertFrom-Json
$tls12 = $after.protocols | Where-Object { $_.protocol -eq 'TLS 1.2' }
if ($tls12.client.state -ne 'ENABLED' -or $tls12.server.state -ne 'ENABLED') { throw "TLS 1.2 not enabled in the copy: $($tls12 | ConvertTo-Json -Depth 5)" }
# The full backup beside the per-value one (regedit's format), named in the output with how to import it; the change
# recorded in the Application event log (a rehearsal on a copy: event 1101), text in the first insertion string.
$backupFolder = Get-ChildItem -Directory (Join-Path $work 'backups') | Select-Object -First 1
if (-not $backupFolder) { throw "fix apply left no backup folder in $work\backups" }
$full = Join-Path $backupFolder.FullName 'full-backup.reg'
$bom = [IO.File]::ReadAllBytes($full)[0..1]
if ($bom[0] -ne 0xFF -or $bom[1] -ne 0xFE) { throw "$full is not UTF-16LE with a BOM" }
if ($apply.Text -notlike "*$full*") { throw "fix apply does not name the full backup $full`n$($apply.Text)" }
if ($apply.Text -notmatch 'Recorded in the Windows Application event log') { throw "fix apply does not say it was recorded:`n$($apply.Text)" }
$event = Get-WinEvent -FilterHashtable @{ LogName = 'Application'; ProviderName = 'TLS Doctor'; Id = 1101 } -MaxEvents 50 |
    Where-Object { "$($_.Properties[0].Value)" -like "*$store*" } | Select-Object -First 1
if (-not $event) { throw "no Application log event 1101 from source TLS Doctor naming $store" }
if ("$($event.Properties[0].Value)" -notmatch 'Requested by .+ through the command line') { throw "the event does not say who asked: $($event.Properties[0].Value)" }
Write-Host "ok    audit: Application log event $($event.Id) at $($event.TimeCreated), full backup $full"

# 3 and 4. A STARTTLS listener on loopback, the project's own; probe it, and diagnose with it as the outbound host.
$classPath = 'target\test-classes;target\classes;' + (Get-Content -Raw 'target\test-classpath.txt').Trim()
$start = [Diagnostics.ProcessStartInfo]::new((Join-Path $env:JAVA_HOME 'bin\java.exe'))
$start.Arguments = "-cp `"$classPath`" io.tlsdoctor.testpeers.LoopbackStartTlsMain"
$start.UseShellExecute = $false
$start.RedirectStandardInput = $true
$start.RedirectStandardOutput = $true
$peer = [Diagnostics.Process]::Start($start)
try {
    $line = $peer.StandardOutput.ReadLine()
    if ($line -notmatch '^PEER port=(\d+)$') { throw "the loopback STARTTLS listener did not start: $line" }
    $port = $Matches[1]
    Write-Host "loopback STARTTLS listener on port $port"

    $probe = Invoke-Tlsdoctor @('probe', '--host', '127.0.0.1', '--port', $port, '--timeout', '30', '--json')
    Assert-Exit $probe @(0, 1) 'probe --json (loopback STARTTLS)'
    $target = ($probe.Text | ConvertFrom-Json).targets[0]
    $ids = @($target.findings | ForEach-Object { $_.id })
    if ($ids -notcontains 'outboundPathFine') { throw "Java's handshake did not get through: $($ids -join ', ')`n$($probe.Text)" }
    # The SChannel handshake through Windows PowerShell: what Exchange would negotiate with this machine's settings.
    if ($ids -notcontains 'schannelModern') { throw "SChannel did not agree on TLS 1.2 or later: $($ids -join ', ')`n$($probe.Text)" }

    $outs = 'diagnosis.html', 'diagnosis.md', 'diagnosis.json' | ForEach-Object { Join-Path $work $_ }
    $diagnose = Invoke-Tlsdoctor (@('diagnose', '--evidence', 'installer\samples\ndr-421-socketerror.txt', '--host', "127.0.0.1:$port",
        '--timeout', '30') + @($outs | ForEach-Object { '--out', $_ }))
    Assert-Exit $diagnose @(0, 1) 'diagnose to .html, .md and .json (live registry, loopback host)'
} finally {
    $peer.StandardInput.Close()
    if (-not $peer.WaitForExit(15000)) { $peer.Kill() }
}
foreach ($out in $outs) {
    if (-not (Test-Path $out) -or (Get-Item $out).Length -lt 1000) { throw "$out was not written" }
}
$summary = Get-Content -Raw -Encoding utf8 $outs[2] | ConvertFrom-Json
if ($summary.schema -ne 'tlsdoctor.summary/1') { throw "not a summary: $($summary.schema)" }
if ((Get-Content -Raw -Encoding utf8 $outs[0]) -notmatch '<html') { throw "$($outs[0]) is not a page" }
if ((Get-Content -Raw -Encoding utf8 $outs[1]) -notmatch '^# TLS Doctor') { throw "$($outs[1]) is not the Markdown summary" }
Write-Host 'acceptance: all passed'
