<#
.SYNOPSIS
    Runs 'tlsdoctor collect' on every Exchange server through PowerShell remoting and gathers the snapshot files in
    one folder (a share), for 'tlsdoctor compare' or the wizard's "Compare servers" view.

.DESCRIPTION
    Each server runs its own installed tlsdoctor.exe (nothing is copied to it) into a temporary folder of its own; the
    file comes back through the remoting session and is written here, so no second hop to a share is needed (no
    CredSSP). Servers are taken from -ComputerName, from -ServerList (one name per line, '#' starts a comment), or
    when neither is given from Get-TransportService (run this in the Exchange Management Shell), else
    Get-ExchangeServer. A server that is down, refuses WinRM, or where you lack rights is listed with the reason and
    does not hold up the others. Your own credentials are used (or -Credential); nothing is stored.

.EXAMPLE
    .\Collect-TlsDoctorFleet.ps1 -Share \\fileserver\tls$ -HandshakeHost contoso-com.mail.protection.outlook.com
    tlsdoctor compare \\fileserver\tls$

.EXAMPLE
    .\Collect-TlsDoctorFleet.ps1 -ServerList .\servers.txt -Share C:\cases\4711 -ThrottleLimit 4
#>
[CmdletBinding()]
param(
    [string[]] $ComputerName,
    [string] $ServerList,
    [Parameter(Mandatory = $true)]
    [string] $Share,
    # Where tlsdoctor.exe is on the servers (the MSI's default folder).
    [string] $TlsDoctorPath = 'C:\Program Files\TLS Doctor\tlsdoctor.exe',
    # Your tenant's MX host, to make the SChannel handshake from each server; none when not given.
    [string[]] $HandshakeHost = @(),
    # How many servers are collected at the same time.
    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 8,
    # How long one server may take to answer and to collect.
    [ValidateRange(10, 3600)]
    [int] $TimeoutSeconds = 180,
    [System.Management.Automation.PSCredential] $Credential
)

$ErrorActionPreference = 'Stop'

function Get-FleetServers {
    if ($ComputerName) { return $ComputerName }
    if ($ServerList) {
        if (-not (Test-Path -LiteralPath $ServerList -PathType Leaf)) {
            throw "The server list '$ServerList' does not exist. Give a text file with one server name per line."
        }
        return Get-Content -LiteralPath $ServerList | ForEach-Object { ($_ -replace '#.*$', '').Trim() } | Where-Object { $_ }
    }
    if (Get-Command Get-TransportService -ErrorAction SilentlyContinue) {
        return Get-TransportService | ForEach-Object { $_.Name }
    }
    if (Get-Command Get-ExchangeServer -ErrorAction SilentlyContinue) {
        return Get-ExchangeServer | Where-Object { $_.ServerRole -notmatch 'Edge' } | ForEach-Object { $_.Name }
    }
    throw 'No servers: give -ComputerName or -ServerList, or run this in the Exchange Management Shell so that Get-TransportService finds them.'
}

# What runs on each server: tlsdoctor collect into a folder of its own, then the file's name and text come back.
$collect = {
    param([string] $Exe, [string[]] $Hosts)
    if (-not (Test-Path -LiteralPath $Exe -PathType Leaf)) {
        return [pscustomobject]@{ Ok = $false; Message = "TLS Doctor is not installed at '$Exe' on this server. Install the MSI there, or give -TlsDoctorPath." }
    }
    $folder = Join-Path ([IO.Path]::GetTempPath()) ('tlsdoctor-collect-' + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $folder | Out-Null
    try {
        $arguments = @('collect', '--out-dir', $folder)
        foreach ($h in $Hosts) { $arguments += @('--handshake', $h) }
        $output = & $Exe @arguments 2>&1 | Out-String
        $code = $LASTEXITCODE
        $file = Get-ChildItem -LiteralPath $folder -Filter '*.tlsdoctor.json' | Select-Object -First 1
        if ($code -ne 0 -or -not $file) {
            return [pscustomobject]@{ Ok = $false; Message = "tlsdoctor collect exited with $code`: $($output.Trim())" }
        }
        return [pscustomobject]@{ Ok = $true; Name = $file.Name; Text = [IO.File]::ReadAllText($file.FullName, [Text.Encoding]::UTF8) }
    } finally {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

# What to do about a server that could not be reached, in the words an admin acts on. The error id (AccessDenied,
# NetworkPathNotFound, CannotConnect, ...) is the same in every Windows language; the message is the user's.
function Get-WayOut([System.Management.Automation.ErrorRecord] $err) {
    $text = $err.Exception.Message
    $id = [string] $err.FullyQualifiedErrorId
    if ($id -match 'AccessDenied' -or $text -match 'Access is denied') {
        return "access denied: your account needs to be an administrator on that server (or run with -Credential). $text"
    }
    if ($id -match 'NetworkPathNotFound|ComputerNotFound' -or $text -match 'cannot find the computer|could not be resolved') {
        return "name not found: check the server name and DNS. $text"
    }
    if ($id -match 'CannotConnect|Timeout|TimedOut' -or $text -match 'WinRM') {
        return "not reachable through WinRM: check that the server is up, that 'Enable-PSRemoting' was run there and that the firewall allows port 5985. $text"
    }
    return $text
}

$servers = @(Get-FleetServers | Sort-Object -Unique)
if ($servers.Count -eq 0) { throw 'The list of servers is empty.' }
New-Item -ItemType Directory -Path $Share -Force | Out-Null
# .NET resolves a relative path against the process's folder, not PowerShell's current location
$Share = (Resolve-Path -LiteralPath $Share).ProviderPath

$options = New-PSSessionOption -OpenTimeout ($TimeoutSeconds * 1000) -OperationTimeout ($TimeoutSeconds * 1000)
$invoke = @{
    ComputerName  = $servers
    ScriptBlock   = $collect
    ArgumentList  = @($TlsDoctorPath, $HandshakeHost)
    ThrottleLimit = $ThrottleLimit
    SessionOption = $options
    ErrorAction   = 'SilentlyContinue'
    ErrorVariable = 'remoteErrors'
}
if ($Credential) { $invoke.Credential = $Credential }

Write-Host "Collecting $($servers.Count) servers, $ThrottleLimit at a time, into $Share ..."
$results = @(Invoke-Command @invoke)

$report = @()
$answered = @{}
foreach ($result in $results) {
    $server = $result.PSComputerName
    $answered[$server] = $true
    # the name comes from the server: only a plain collect file name is written here
    $name = if ($result.Name) { [IO.Path]::GetFileName([string] $result.Name) } else { '' }
    if ($result.Ok -and $name -notlike '*.tlsdoctor.json') {
        $report += [pscustomobject]@{ Server = $server; Status = 'Failed'; Detail = "unexpected file name '$name' from the server" }
    } elseif ($result.Ok -and (Test-Path -LiteralPath (Join-Path $Share $name))) {
        $report += [pscustomobject]@{ Server = $server; Status = 'Failed'; Detail = "$(Join-Path $Share $name) exists already; remove it or collect into another folder" }
    } elseif ($result.Ok) {
        $target = Join-Path $Share $name
        # UTF-8 without a byte-order mark, as collect writes it
        [IO.File]::WriteAllText($target, $result.Text, (New-Object System.Text.UTF8Encoding($false)))
        $report += [pscustomobject]@{ Server = $server; Status = 'Collected'; Detail = $target }
    } else {
        $report += [pscustomobject]@{ Server = $server; Status = 'Failed'; Detail = $result.Message }
    }
}
foreach ($err in $remoteErrors) {
    $server = if ($err.OriginInfo -and $err.OriginInfo.PSComputerName) { $err.OriginInfo.PSComputerName } else { [string] $err.TargetObject }
    if (-not $server -or $answered.ContainsKey($server)) { continue }
    $answered[$server] = $true
    $report += [pscustomobject]@{ Server = $server; Status = 'Unreachable'; Detail = (Get-WayOut $err) }
}
foreach ($server in $servers) {
    if (-not $answered.ContainsKey($server)) {
        $report += [pscustomobject]@{ Server = $server; Status = 'No answer'; Detail = "no result within $TimeoutSeconds s; try it alone with -ComputerName $server" }
    }
}

$report | Sort-Object Server | Format-Table -AutoSize -Wrap
$collected = @($report | Where-Object Status -eq 'Collected').Count
Write-Host "$collected of $($servers.Count) servers collected. Next: tlsdoctor compare `"$Share`""
if ($collected -lt $servers.Count) { exit 1 }
