# The SMTP STARTTLS handshake through SChannel, run by PowerShellSchannelProbe in Windows PowerShell 5.1, whose
# .NET Framework SslStream is SChannel. Host, port and timeout come in environment variables, never in this text.
# Output: KEY=value lines in ASCII; free text (error messages, in the language of Windows) is Base64 of its UTF-8,
# so no code page can garble it. DONE=1 last, so a cut-off answer is told from a complete one.
if ($ExecutionContext.SessionState.LanguageMode -ne 'FullLanguage') {
    # AppLocker or WDAC: Constrained Language Mode refuses the .NET classes below; say so instead of failing.
    'LANGUAGE=' + $ExecutionContext.SessionState.LanguageMode
    'DONE=1'
    exit 0
}
try { [Console]::OutputEncoding = [Text.Encoding]::UTF8 } catch { }
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue' # a progress record would reach stderr as CLIXML

# [Console]::Out and not the pipeline: PowerShell's formatting may wrap long lines at the console width.
function Write-Answer([string]$Line) { [Console]::Out.WriteLine($Line) }
function ConvertTo-Base64([string]$Text) { [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($Text)) }

$hostName = $env:TLSDOCTOR_HOST.Trim('[', ']')
$port = [int]$env:TLSDOCTOR_PORT
$timeout = [int]$env:TLSDOCTOR_TIMEOUT_MS
Write-Answer 'LANGUAGE=FullLanguage'

function Read-Reply($Stream) {
    $lines = @()
    do {
        $line = ''
        while ($true) {
            $b = $Stream.ReadByte()
            if ($b -lt 0) { throw 'the server closed the connection' }
            if ($b -eq 10) { break }
            if ($b -ne 13) { $line += [char]$b }
        }
        $lines += $line
    } while ($line.Length -ge 4 -and $line[3] -eq '-')
    return ,$lines
}

function Send-Line($Stream, [string]$Text) {
    $bytes = [Text.Encoding]::ASCII.GetBytes($Text + "`r`n")
    $Stream.Write($bytes, 0, $bytes.Length)
}

# Every address of the host in turn, IPv6 too: TcpClient's default constructor is IPv4-only on .NET Framework.
function Connect-Smtp {
    $failure = $null
    foreach ($address in [Net.Dns]::GetHostAddresses($hostName)) {
        $client = New-Object Net.Sockets.TcpClient($address.AddressFamily)
        try {
            $pending = $client.BeginConnect($address, $port, $null, $null)
            if (-not $pending.AsyncWaitHandle.WaitOne($timeout)) { throw "connecting to $address timed out" }
            $client.EndConnect($pending)
            return $client
        } catch {
            $failure = $_
            $client.Close()
        }
    }
    if ($failure) { throw $failure }
    throw "no address for $hostName"
}

# One handshake on a new connection. $Protocols: $null lets SChannel choose from its own defaults (what Exchange
# gets), a number forces one version (SslProtocols: Tls12 = 3072, Tls13 = 12288) and so tests that SChannel allows it.
function Test-Handshake([string]$Label, $Protocols) {
    $stage = 'connect'
    $client = $null
    try {
        $client = Connect-Smtp
        $client.ReceiveTimeout = $timeout
        $client.SendTimeout = $timeout
        $stream = $client.GetStream()
        $stage = 'starttls'
        $null = Read-Reply $stream
        Send-Line $stream 'EHLO tlsdoctor.invalid'
        $null = Read-Reply $stream
        Send-Line $stream 'STARTTLS'
        $reply = Read-Reply $stream
        if (-not $reply[-1].StartsWith('220')) { throw ('STARTTLS refused: ' + $reply[-1]) }
        $stage = 'tls'
        $ssl = New-Object Net.Security.SslStream($stream, $false, ([Net.Security.RemoteCertificateValidationCallback] { $true }))
        $ssl.ReadTimeout = $timeout
        $ssl.WriteTimeout = $timeout
        if ($null -eq $Protocols) {
            # SslProtocols.None (0) is "the system default" from .NET 4.7 on; older ones refuse it.
            try { $ssl.AuthenticateAsClient($hostName, $null, [Enum]::ToObject([Security.Authentication.SslProtocols], 0), $false) }
            catch [ArgumentException] { $ssl.AuthenticateAsClient($hostName) }
            catch [NotSupportedException] { $ssl.AuthenticateAsClient($hostName) }
        } else {
            # ToObject and not a cast: a .NET that has no name for 12288 still passes it on to SChannel.
            $ssl.AuthenticateAsClient($hostName, $null, [Enum]::ToObject([Security.Authentication.SslProtocols], $Protocols), $false)
        }
        Write-Answer "$Label.RESULT=OK"
        Write-Answer ("$Label.PROTOCOL=" + $ssl.SslProtocol)
        Write-Answer ("$Label.CIPHER=" + $ssl.CipherAlgorithm + ' ' + $ssl.CipherStrength)
        try {
            $quit = [Text.Encoding]::ASCII.GetBytes("QUIT`r`n")
            $ssl.Write($quit, 0, $quit.Length)
            $ssl.Flush()
        } catch { }
    } catch {
        Write-Answer "$Label.RESULT=FAIL"
        Write-Answer "$Label.STAGE=$stage"
        $message = $_.Exception.GetBaseException().Message
        Write-Answer ("$Label.ERROR=" + (ConvertTo-Base64 $message))
    } finally {
        if ($client) { $client.Close() }
    }
}

Test-Handshake 'DEFAULT' $null
Test-Handshake 'TLS12' 3072
Test-Handshake 'TLS13' 12288
Write-Answer 'DONE=1'
