# TLS Doctor: reads Exchange's connectors and certificates through the Exchange Management Shell's remote PowerShell,
# with the user's own Kerberos credentials, and hands them back as JSON. Reads only: no Set-, New- or Enable- cmdlet.
# The server name comes in $env:TLSDOCTOR_EXCHANGE_SERVER, never in this text. Every answer line is ASCII (Base64),
# so the console's code page cannot garble a connector named in Swedish.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
function Say([string] $tag, [string] $text) {
    $tag + ':' + [Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($text))
}
'MODE:' + $ExecutionContext.SessionState.LanguageMode
$server = $env:TLSDOCTOR_EXCHANGE_SERVER
try {
    $session = New-PSSession -ConfigurationName Microsoft.Exchange -ConnectionUri ('http://' + $server + '/PowerShell/') -Authentication Kerberos
} catch {
    Say 'CONNECT' $_.Exception.Message
    exit 0
}
try {
    # The Exchange endpoint runs no script blocks (a restricted runspace): the cmdlets run there, the shaping here.
    Import-PSSession $session -DisableNameChecking -AllowClobber -CommandName Get-SendConnector, Get-ReceiveConnector,
        Get-ExchangeCertificate, Get-HybridConfiguration, Get-ExchangeServer | Out-Null
    function Texts($values) { ,@($values | Where-Object { $null -ne $_ } | ForEach-Object { "$_" }) }
    $all = New-Object System.Collections.ArrayList
    foreach ($c in @(Get-SendConnector)) {
        [void] $all.Add([pscustomobject] @{ Name = "$($c.Name)"; Enabled = $c.Enabled; AddressSpaces = (Texts $c.AddressSpaces);
            DNSRoutingEnabled = $c.DNSRoutingEnabled; SmartHosts = (Texts $c.SmartHosts); RequireTLS = $c.RequireTLS;
            TlsAuthLevel = "$($c.TlsAuthLevel)"; TlsDomain = "$($c.TlsDomain)"; TlsCertificateName = "$($c.TlsCertificateName)";
            CloudServicesMailEnabled = $c.CloudServicesMailEnabled; SourceTransportServers = (Texts $c.SourceTransportServers);
            Fqdn = "$($c.Fqdn)"; IgnoreSTARTTLS = $c.IgnoreSTARTTLS })
    }
    $servers = @(Get-ExchangeServer | Where-Object { "$($_.ServerRole)" -match 'Mailbox' } | ForEach-Object { "$($_.Name)" })
    foreach ($s in $servers) {
        foreach ($r in @(Get-ReceiveConnector -Server $s)) {
            [void] $all.Add([pscustomobject] @{ Identity = "$($r.Identity)"; Server = $s; Enabled = $r.Enabled;
                Bindings = (Texts $r.Bindings); RemoteIPRanges = (Texts $r.RemoteIPRanges); TransportRole = "$($r.TransportRole)";
                AuthMechanism = "$($r.AuthMechanism)"; TlsCertificateName = "$($r.TlsCertificateName)";
                TlsDomainCapabilities = (Texts $r.TlsDomainCapabilities); RequireTLS = $r.RequireTLS; Fqdn = "$($r.Fqdn)" })
        }
        foreach ($x in @(Get-ExchangeCertificate -Server $s)) {
            [void] $all.Add([pscustomobject] @{ Server = $s; Thumbprint = "$($x.Thumbprint)"; Subject = "$($x.Subject)";
                Issuer = "$($x.Issuer)"; CertificateDomains = (Texts $x.CertificateDomains);
                NotAfter = ([datetime] $x.NotAfter).ToUniversalTime().ToString('o'); Services = "$($x.Services)";
                Status = "$($x.Status)"; IsSelfSigned = $x.IsSelfSigned; HasPrivateKey = $x.HasPrivateKey; RootCAType = "$($x.RootCAType)" })
        }
    }
    $h = Get-HybridConfiguration
    if ($null -ne $h) {
        [void] $all.Add([pscustomobject] @{ TlsCertificateName = "$($h.TlsCertificateName)";
            SendingTransportServers = (Texts $h.SendingTransportServers); ReceivingTransportServers = (Texts $h.ReceivingTransportServers);
            EdgeTransportServers = (Texts $h.EdgeTransportServers); OnPremisesSmartHost = "$($h.OnPremisesSmartHost)"; Domains = (Texts $h.Domains) })
    }
    Say 'JSON' (ConvertTo-Json -InputObject @($all.ToArray()) -Depth 4 -Compress)
} catch {
    Say 'ERROR' $_.Exception.Message
} finally {
    Remove-PSSession $session
}
