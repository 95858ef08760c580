# Authenticode-signs Windows files (the launchers, the MSI) with jsign, the Java signing tool that also runs on Linux
# (the Linux twin is sign.sh, same settings; build.ps1 -Sign calls this one), then checks each with
# Get-AuthenticodeSignature: the signature is there and made by this certificate (its thumbprint).
# Usage: powershell -ExecutionPolicy Bypass -File installer\sign.ps1 FILE...
# The certificate, from the environment (CI secrets):
#   TLSDOCTOR_SIGN_PFX_BASE64  a PKCS#12 (.pfx/.p12) with the code-signing key and its chain, Base64
#   TLSDOCTOR_SIGN_PASSWORD    its password
#   TLSDOCTOR_SIGN_ALIAS       the key's alias in it (default: the first private key)
#   TLSDOCTOR_SIGN_TSA         a timestamp server (RFC 3161), so signatures outlive the certificate (default: none)
# Without TLSDOCTOR_SIGN_PFX_BASE64 a throw-away self-signed code-signing certificate is made with keytool: Windows
# then reports a present signature that it does not trust (UnknownError or NotTrusted), which is accepted only then.
# Writes target\installer\signing\thumbprint.txt (the signer's SHA-1 thumbprint) and signer.pem (its certificate).
param([Parameter(Mandatory = $true, ValueFromRemainingArguments = $true)][string[]]$Files)
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

# 7.5 is on Maven Central without its parent POM (net.jsign:jsign-parent:7.5), so Maven cannot resolve it; 7.4 resolves.
$JsignVersion = '7.4'

# As in build.ps1: a program's exit code decides, not what it wrote to stderr (Windows PowerShell 5.1).
function Invoke-Checked([string]$Exe, [string[]]$Arguments) {
    $ErrorActionPreference = 'Continue'
    $output = & $Exe @Arguments 2>&1 | ForEach-Object { "$_" }
    if ($LASTEXITCODE -ne 0) {
        $output | Write-Host
        throw "$Exe exited with $LASTEXITCODE"
    }
    $output
}

$work = New-Item -ItemType Directory -Force 'target\installer\signing'
if (-not $env:JAVA_HOME) {
    $env:JAVA_HOME = Split-Path -Parent (Split-Path -Parent (Get-Command javac).Source)
}
$keytool = Join-Path $env:JAVA_HOME 'bin\keytool.exe'
$java = Join-Path $env:JAVA_HOME 'bin\java.exe'
$jsign = Join-Path $work.FullName "jsign-$JsignVersion.jar"
if (-not (Test-Path $jsign)) {
    Invoke-Checked '.\mvnw.cmd' @('-B', '-q', 'dependency:copy', "-Dartifact=net.jsign:jsign:$JsignVersion", "-DoutputDirectory=$($work.FullName)") | Out-Null
}

# A configured certificate is written out only for the signing and removed after it; the throw-away one is kept in
# target\ so that every file of one build (the launchers, later the MSI) carries the same signer.
$configured = [bool]$env:TLSDOCTOR_SIGN_PFX_BASE64
$keystore = Join-Path $work.FullName $(if ($configured) { 'configured.p12' } else { 'throwaway.p12' })
$passwordFile = Join-Path $work.FullName 'throwaway.password'
try {
    if ($configured) {
        if (-not $env:TLSDOCTOR_SIGN_PASSWORD) { throw 'TLSDOCTOR_SIGN_PASSWORD must be set with TLSDOCTOR_SIGN_PFX_BASE64' }
        [IO.File]::WriteAllBytes($keystore, [Convert]::FromBase64String($env:TLSDOCTOR_SIGN_PFX_BASE64))
        $alias = $env:TLSDOCTOR_SIGN_ALIAS
        Write-Host 'signing with the configured certificate'
    } else {
        if (-not (Test-Path $keystore) -or -not (Test-Path $passwordFile)) {
            Remove-Item -Force $keystore -ErrorAction SilentlyContinue
            $bytes = New-Object byte[] 24
            [Security.Cryptography.RandomNumberGenerator]::Create().GetBytes($bytes)
            Set-Content -Encoding ascii -NoNewline $passwordFile ([Convert]::ToBase64String($bytes) -replace '[/+=]', '')
            Invoke-Checked $keytool @('-genkeypair', '-alias', 'throwaway', '-keyalg', 'RSA', '-keysize', '3072', '-sigalg', 'SHA256withRSA',
                '-validity', '7', '-dname', 'CN=TLS Doctor throw-away test signing, O=TLS Doctor CI', '-ext', 'EKU=codeSigning',
                '-ext', 'KU=digitalSignature', '-storetype', 'PKCS12', '-keystore', $keystore,
                '-storepass', (Get-Content -Raw $passwordFile)) | Out-Null
        }
        $env:TLSDOCTOR_SIGN_PASSWORD = (Get-Content -Raw $passwordFile).Trim()
        $alias = 'throwaway'
        Write-Host 'no certificate configured (TLSDOCTOR_SIGN_PFX_BASE64): signing with a throw-away self-signed one'
    }
    $store = @('-storetype', 'PKCS12', '-keystore', $keystore, '-storepass', $env:TLSDOCTOR_SIGN_PASSWORD)
    if (-not $alias) {
        $alias = (Invoke-Checked $keytool (@('-list') + $store) | Where-Object { $_ -match 'PrivateKeyEntry' } |
            Select-Object -First 1) -replace ',.*$', ''
    }
    $thumbprint = ((Invoke-Checked $keytool (@('-list', '-v', '-alias', $alias) + $store) | Where-Object { $_ -match '^\s*SHA1:' } |
        Select-Object -First 1) -replace '^\s*SHA1:\s*', '' -replace ':', '').Trim()
    if (-not $thumbprint) { throw "no key '$alias' in the keystore" }
    Set-Content -Encoding ascii (Join-Path $work.FullName 'thumbprint.txt') $thumbprint
    Invoke-Checked $keytool (@('-exportcert', '-rfc', '-alias', $alias, '-file', (Join-Path $work.FullName 'signer.pem')) + $store) | Out-Null

    $timestamp = @()
    if ($env:TLSDOCTOR_SIGN_TSA) { $timestamp = @('--tsaurl', $env:TLSDOCTOR_SIGN_TSA, '--tsmode', 'RFC3161', '--tsretries', '3') }
    # The password reaches jsign through the environment (env:), never on a command line another process could read.
    Invoke-Checked $java (@('-jar', $jsign, '--keystore', $keystore, '--storetype', 'PKCS12', '--storepass', 'env:TLSDOCTOR_SIGN_PASSWORD',
        '--alias', $alias, '--alg', 'SHA-256', '--name', 'TLS Doctor', '--replace') + $timestamp + $Files) | Write-Host
} finally {
    if ($configured) { Remove-Item -Force $keystore -ErrorAction SilentlyContinue }
}

# Windows' own check. A throw-away certificate chains to no trusted root: the signature is there, its status says
# "not trusted"; a configured certificate must be trusted (Valid).
$accepted = if ($configured) { @('Valid') } else { @('Valid', 'UnknownError', 'NotTrusted') }
foreach ($file in $Files) {
    $signature = Get-AuthenticodeSignature -LiteralPath $file
    if (-not $signature.SignerCertificate) { throw "$file has no Authenticode signature ($($signature.Status): $($signature.StatusMessage))" }
    if ($signature.SignerCertificate.Thumbprint -ne $thumbprint) {
        throw "$file is signed by $($signature.SignerCertificate.Thumbprint), not by $thumbprint"
    }
    if ($accepted -notcontains "$($signature.Status)") { throw "$file signature status $($signature.Status): $($signature.StatusMessage)" }
    Write-Host "signed: $file ($($signature.Status), $($signature.SignerCertificate.Subject))"
}
