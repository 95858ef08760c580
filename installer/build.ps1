# Builds the Windows installer of TLS Doctor: target\installer\dist\TLS Doctor-<version>.msi
# (the Linux twin is build.sh). Needs a full JDK 17 (JAVA_HOME or java on PATH) and WiX 3.14 (candle.exe and
# light.exe on PATH): JDK 17's jpackage drives WiX 3 only.
#   target\installer\runtime          jlink'd runtime: TLS Doctor as the module io.tlsdoctor with what it requires
#                                     (JavaFX, Jackson, picocli, JNA, the JDK's), charsets, EC crypto, DNS naming,
#                                     en/sv/de/fr locale data, and a class-data-sharing archive trained on a real
#                                     start (command line and wizard)
#   target\installer\dist\TLS Doctor  the app-image: "TLS Doctor.exe" (wizard), tlsdoctor.exe (console, command line)
#   target\installer\dist\*.msi       per-machine into Program Files, Start menu entry, optional desktop shortcut,
#                                     directory chooser, fixed upgrade code so a newer version upgrades in place
#   Add/Remove Programs shows the version, the publisher, and the links from version.properties (projectUrl: "About",
#                                     helpUrl: "Help"). Unattended install without the desktop shortcut: the MSI property
#                                     JP_INSTALL_DESKTOP_SHORTCUT="" (README, "Install").
# Usage: powershell -ExecutionPolicy Bypass -File installer\build.ps1 [-SkipMaven] [-VerboseJpackage] [-BuildNumber N] [-Sign]
#   -VerboseJpackage  jpackage --verbose (only then does it show the WiX commands and their output) and its working
#                     files kept in target\installer\jpackage-temp (the generated WiX sources), for when the MSI fails
#   -BuildNumber      for a -SNAPSHOT version, the MSI's third field (0.1.0-SNAPSHOT, build 57 -> 0.1.57), so each CI
#                     build upgrades the one installed before it; defaults to GITHUB_RUN_NUMBER when that is set
#   -Sign             Authenticode-signs "TLS Doctor.exe" and tlsdoctor.exe before they go into the MSI, then the MSI,
#                     through installer\sign.ps1 (jsign; the certificate from TLSDOCTOR_SIGN_PFX_BASE64 and
#                     TLSDOCTOR_SIGN_PASSWORD, else a throw-away one)
param([switch]$SkipMaven, [switch]$VerboseJpackage, [switch]$Sign, [int]$BuildNumber = $(if ($env:GITHUB_RUN_NUMBER) { [int]$env:GITHUB_RUN_NUMBER } else { -1 }))
$ErrorActionPreference = 'Stop'
Set-Location (Split-Path -Parent $PSScriptRoot)

# Never change: Windows Installer finds the installed TLS Doctor by this code when a newer MSI upgrades it.
$UpgradeUuid = 'caf66368-17fc-4be5-990b-9d0fcbfd3c87'

# Runs a program and stops the build when it exits non-zero, which PowerShell itself does not do for programs
# (Windows PowerShell 5.1, pwsh before 7.4), whatever $ErrorActionPreference says. Inside, 'Continue': once stderr is
# redirected, Windows PowerShell 5.1 turns each line a program writes there (a JVM warning too) into an error record,
# which 'Stop' would make fatal although the program succeeded; the exit code decides. With -Log the output goes to
# that file as plain text and is shown when the program fails.
function Invoke-Checked([string]$Exe, [string[]]$Arguments, [string]$Log) {
    $ErrorActionPreference = 'Continue'
    if ($Log) {
        & $Exe @Arguments 2>&1 | ForEach-Object { "$_" } | Set-Content -Encoding utf8 $Log
    } else {
        & $Exe @Arguments
    }
    if ($LASTEXITCODE -ne 0) {
        if ($Log) { Get-Content $Log | Write-Host }
        throw "$Exe exited with $LASTEXITCODE"
    }
}

if (-not $env:JAVA_HOME) {
    $env:JAVA_HOME = Split-Path -Parent (Split-Path -Parent (Get-Command javac).Source)
}
$jdk = Join-Path $env:JAVA_HOME 'bin'
foreach ($tool in 'jdeps', 'jlink', 'jpackage', 'javac', 'jar') {
    if (-not (Test-Path (Join-Path $jdk "$tool.exe"))) { throw "$jdk\$tool.exe is missing: JAVA_HOME must be a full JDK 17" }
}
if (-not (Get-Command candle.exe -ErrorAction SilentlyContinue) -or -not (Get-Command light.exe -ErrorAction SilentlyContinue)) {
    throw 'WiX 3 (candle.exe, light.exe) is not on PATH: install WiX Toolset 3.14 and add its bin folder to PATH'
}

if (-not $SkipMaven) {
    Invoke-Checked '.\mvnw.cmd' @('-B', '-q', '-DskipTests', '-Pinstaller', 'package')
}

$out = 'target\installer'
$properties = Get-Content 'target\classes\io\tlsdoctor\version.properties'
$version = ($properties -match '^version=' | Select-Object -First 1) -replace '^version=', ''
# MSI wants major.minor.build, numbers only (major and minor up to 255, build up to 65535): Maven derives it from
# the project version into version.properties (0.1.0-SNAPSHOT -> 0.1.0), where `tlsdoctor --version` reads it too.
$appVersion = ($properties -match '^packageVersion=' | Select-Object -First 1) -replace '^packageVersion=', ''
# Windows Installer compares major.minor.build only: every snapshot built as 0.1.0 would not upgrade the one before
# it, so a snapshot takes the build number as its third field (jpackage's MSI allows the later downgrade to 0.1.0).
if ($version -like '*-SNAPSHOT' -and $BuildNumber -ge 0 -and $appVersion -match '^(\d+)\.(\d+)\.\d+$') {
    $appVersion = "$($Matches[1]).$($Matches[2]).$BuildNumber"
}
if ($appVersion -notmatch '^(\d+)\.(\d+)\.(\d+)$' -or [int]$Matches[1] -gt 255 -or [int]$Matches[2] -gt 255 -or [int]$Matches[3] -gt 65535) {
    throw "'$appVersion' (from $version) is not a Windows Installer version major.minor.build"
}
Write-Host "MSI version $appVersion (from $version)"
$projectUrl = ($properties -match '^projectUrl=' | Select-Object -First 1) -replace '^projectUrl=', ''
$helpUrl = ($properties -match '^helpUrl=' | Select-Object -First 1) -replace '^helpUrl=', ''
# A build that was not told the project's address (a local one) installs no Add/Remove Programs links rather than a guess
$links = @()
if ($projectUrl -match '^https://') { $links += @('--about-url', $projectUrl) } elseif ($projectUrl) { throw "version.properties: projectUrl '$projectUrl' is not an https:// address" }
if ($helpUrl -match '^https://') { $links += @('--win-help-url', $helpUrl) } elseif ($helpUrl) { throw "version.properties: helpUrl '$helpUrl' is not an https:// address" }

# Everything goes into the jlink'd runtime as a module, TLS Doctor too, so that its classes can be in the runtime's
# own class-data-sharing archive, the one that survives the directory chooser (see build.sh for the reasons).
foreach ($dir in 'fx', 'fx-natives', 'mods', 'app', 'module', 'runtime', 'dist', 'training', 'jpackage-temp') {
    Remove-Item -Recurse -Force (Join-Path $out $dir) -ErrorAction SilentlyContinue
}
New-Item -ItemType Directory -Force "$out\fx", "$out\mods", "$out\app", "$out\module\classes", "$out\training" | Out-Null
# Maven picks JavaFX's jars for the system it runs on (pom.xml, profile windows): -win ones only when it ran on Windows.
# Without this check a missing jar shows up later as a jdeps module error or a null path.
if (-not (Test-Path "$out\lib\javafx-graphics-*-win.jar")) {
    throw "no JavaFX jars for Windows (javafx-*-win.jar) in $out\lib: run installer\build.ps1 on Windows without -SkipMaven"
}
Copy-Item "$out\lib\javafx-*-win.jar" "$out\fx"
Get-ChildItem "$out\lib\*.jar" | Where-Object { $_.Name -notlike 'javafx-*' } | Copy-Item -Destination "$out\mods"
Copy-Item "target\tls-doctor-$version.jar" "$out\app\tls-doctor.jar"

# The module descriptor: requires from jdeps, open for Jackson, picocli and JavaFX reflection, the entry points exported.
Invoke-Checked "$jdk\jdeps.exe" @('--multi-release', '17', '--module-path', "$out\fx;$out\mods",
    '--generate-open-module', "$out\module\generated", "$out\app\tls-doctor.jar")
$generated = (Get-ChildItem -Recurse "$out\module\generated" -Filter 'module-info.java' | Select-Object -First 1).FullName
$descriptor = (Get-Content -Raw $generated) -replace 'open module [a-z.]+ \{', "open module io.tlsdoctor {`n    exports io.tlsdoctor.app;`n    exports io.tlsdoctor.cli;"
Set-Content -Encoding ascii "$out\module\module-info.java" $descriptor
Invoke-Checked "$jdk\javac.exe" @('--module-path', "$out\fx;$out\mods", "--patch-module", "io.tlsdoctor=$out\app\tls-doctor.jar",
    '-d', "$out\module\classes", "$out\module\module-info.java")
Copy-Item "$out\app\tls-doctor.jar" "$out\mods\tls-doctor.jar"
Invoke-Checked "$jdk\jar.exe" @('--update', '--file', "$out\mods\tls-doctor.jar", '--main-class', 'io.tlsdoctor.app.Main',
    '-C', "$out\module\classes", 'module-info.class')

# jlink follows the requires; modules loaded by name or service are added by hand (see build.sh).
# jdk.crypto.mscapi: the Windows-ROOT key store, so the probe trusts what Windows trusts (a company CA).
$modules = 'io.tlsdoctor,jdk.charsets,jdk.crypto.ec,jdk.crypto.mscapi,jdk.naming.dns,jdk.localedata'
Write-Host "runtime modules: $modules and what they require"
Invoke-Checked "$jdk\jlink.exe" @('--module-path', "$out\fx;$out\mods", '--add-modules', $modules, '--include-locales=en,sv,de,fr',
    '--strip-debug', '--no-header-files', '--no-man-pages', '--compress=2',
    '--exclude-resources=glob:/javafx.graphics/*.dll', '--output', "$out\runtime")
# JavaFX DLLs next to the JDK's (runtime\bin), so the first start does not unpack them into the user profile.
# .NET methods get absolute paths: they resolve relative ones against the process's directory, which Set-Location
# above does not change (powershell -File installer\build.ps1 started from another folder would write there).
# The jar also carries the Visual C++ runtime (vcruntime140*, msvcp140*, ucrtbase, api-ms-win-*; 14.36 in JavaFX
# 21.0.11), which the JDK's bin has too. One process loads one copy, used by the JDK's DLLs and JavaFX's alike, and a
# DLL built with a newer Visual C++ than the runtime it gets can crash, so of two copies the newer file version stays
# instead of JavaFX's always replacing the JDK's.
Add-Type -AssemblyName System.IO.Compression.FileSystem
$graphics = (Get-ChildItem "$out\fx\javafx-graphics-*-win.jar").FullName
$bin = (Resolve-Path "$out\runtime\bin").Path
$natives = (New-Item -ItemType Directory -Force "$out\fx-natives").FullName
$zip = [System.IO.Compression.ZipFile]::OpenRead($graphics)
try {
    foreach ($entry in $zip.Entries | Where-Object { $_.FullName -like '*.dll' -and $_.FullName -notlike '*/*' }) {
        [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $natives $entry.Name), $true)
    }
} finally { $zip.Dispose() }
function Get-FileVersion([string]$Path) {
    $info = [System.Diagnostics.FileVersionInfo]::GetVersionInfo($Path)
    [version]::new($info.FileMajorPart, $info.FileMinorPart, $info.FileBuildPart, $info.FilePrivatePart)
}
foreach ($dll in Get-ChildItem $natives -Filter '*.dll') {
    $present = Join-Path $bin $dll.Name
    if ((Test-Path $present) -and (Get-FileVersion $present) -ge (Get-FileVersion $dll.FullName)) {
        Write-Host "kept the JDK's $($dll.Name) $(Get-FileVersion $present) (JavaFX brings $(Get-FileVersion $dll.FullName))"
        continue
    }
    Copy-Item -Force $dll.FullName $bin
}

# JNA's own DLL next to the JDK's as well: left to itself JNA unpacks jnidispatch.dll into %TEMP% at first use,
# which AppLocker DLL rules and ASR block on hardened servers. The launchers tell it where the DLL is and never to
# unpack (jna.boot.library.path, jna.nounpack below).
$jna = (Get-ChildItem "$out\mods\jna-jpms-*.jar" | Select-Object -First 1).FullName
if (-not $jna) { throw "no jna-jpms jar in $out\mods" }
$zip = [System.IO.Compression.ZipFile]::OpenRead($jna)
try {
    $entry = $zip.GetEntry('com/sun/jna/win32-x86-64/jnidispatch.dll')
    if (-not $entry) { throw "$jna has no com/sun/jna/win32-x86-64/jnidispatch.dll" }
    [System.IO.Compression.ZipFileExtensions]::ExtractToFile($entry, (Join-Path $bin 'jnidispatch.dll'), $true)
} finally { $zip.Dispose() }
# $APPDIR is the app-image's app folder; the runtime is its sibling. jna.nosys: never a jnidispatch.dll that another
# program put on PATH or in System32, which may be another JNA version.
$jnaOptions = @('-Djna.boot.library.path=$APPDIR\..\runtime\bin', '-Djna.nounpack=true', '-Djna.nosys=true')

# Class-data sharing: the classes a real start loads go into the runtime's default archive (bin\server\classes.jsa);
# TLS Doctor's own are among them because they live in the runtime image (lib\modules), wherever the MSI puts it.
Invoke-Checked "$jdk\javac.exe" @('-d', "$out\training", '-cp', "$out\mods\*;$out\fx\*", '--release', '17',
    'installer\training\io\tlsdoctor\installer\CdsTraining.java')
Invoke-Checked "$out\runtime\bin\java.exe" @("-XX:DumpLoadedClassList=$out\training\classes.lst",
    '-cp', "$out\training", 'io.tlsdoctor.installer.CdsTraining', 'installer\samples\ndr-421-socketerror.txt')
Invoke-Checked "$out\runtime\bin\java.exe" @('-Xshare:dump', "-XX:SharedClassListFile=$out\training\classes.lst") `
    -Log "$out\training\dump.log"
$archive = Get-Item "$out\runtime\bin\server\classes.jsa"
Write-Host "CDS archive: $([math]::Round($archive.Length / 1MB, 1)) MB, $((Get-Content "$out\training\classes.lst").Count) classes listed"

# The wizard's launcher compiles with C1 only, compiles fewer methods and starts with a young generation that needs
# no collection before the window shows (see build.sh).
$common = @('--name', 'TLS Doctor', '--app-version', $appVersion, '--vendor', 'TLS Doctor',
    '--description', 'Troubleshoots Exchange to Exchange Online mail flow broken by TLS 1.0/1.1 disablement',
    '--copyright', 'Apache License 2.0', '--icon', 'icons\tlsdoctor.ico', '--dest', "$out\dist")
function Get-Diagnostics([string]$Type) {
    if ($VerboseJpackage) { @('--verbose', '--temp', "$out\jpackage-temp\$Type") }
}
# An added launcher does not take the main launcher's --icon (jpackage gives it its own default icon), so tlsdoctor.exe
# gets the .ico through a Windows copy of its properties; not in the shared file, where build.sh would pass it too.
# java-options: the launcher reads the properties file as java.util.Properties, where a repeated key keeps only its
# last value, so every java-options line of the shared file and the JNA options become one line here.
$cliProperties = "$out\cli-launcher.properties"
$cliLines = Get-Content 'installer\cli-launcher.properties'
$cliJavaOptions = @($cliLines | Where-Object { $_ -match '^java-options=' } | ForEach-Object { $_ -replace '^java-options=', '' }) + $jnaOptions
$cliLines | Where-Object { $_ -notmatch '^java-options=' } | Set-Content -Encoding ascii $cliProperties
Add-Content -Encoding ascii $cliProperties ('java-options=' + ($cliJavaOptions -join ' '))
Add-Content -Encoding ascii $cliProperties 'icon=icons/tlsdoctor.ico'
$wizardOptions = @('-XX:TieredStopAtLevel=1', '-XX:NewSize=48m', '-XX:CompileThresholdScaling=2') + $jnaOptions
Invoke-Checked "$jdk\jpackage.exe" ($common + @(Get-Diagnostics 'app-image') + @('--type', 'app-image',
    '--module', 'io.tlsdoctor/io.tlsdoctor.app.Main') + @($wizardOptions | ForEach-Object { '--java-options', $_ }) +
    @('--runtime-image', "$out\runtime", '--add-launcher', "tlsdoctor=$cliProperties"))
# Both launchers must carry the JNA options (an added launcher with java-options of its own does not inherit the
# main launcher's), and the DLL must be where they point.
foreach ($cfg in 'TLS Doctor.cfg', 'tlsdoctor.cfg') {
    $text = Get-Content -Raw "$out\dist\TLS Doctor\app\$cfg"
    if ($text -notmatch 'jna\.nounpack=true' -or $text -notmatch 'jna\.boot\.library\.path=') {
        throw "$cfg lacks the JNA options:`n$text"
    }
}
if (-not (Test-Path "$out\dist\TLS Doctor\runtime\bin\jnidispatch.dll")) { throw 'jnidispatch.dll is not in the app-image runtime' }
# Signed before the MSI is made, so the MSI installs the signed launchers (it copies the app-image's files as they are).
if ($Sign) {
    & (Join-Path $PSScriptRoot 'sign.ps1') "$out\dist\TLS Doctor\TLS Doctor.exe" "$out\dist\TLS Doctor\tlsdoctor.exe"
}
# Shortcuts for the wizard only. JDK 17's jpackage gives every launcher named in the app-image's app\.jpackage.xml a
# Start menu entry and a desktop shortcut: it does not read win-shortcut/win-menu from cli-launcher.properties (they
# came with JDK 18, JDK-8269387), and a shortcut to tlsdoctor.exe would open the wizard behind a console window. So
# the MSI is made while that file names the wizard alone; tlsdoctor.exe is installed all the same, as one of the
# app-image's files. The file is put back afterwards from a copy kept outside the app-image (the MSI installs every
# file in it).
$state = (Resolve-Path "$out\dist\TLS Doctor\app\.jpackage.xml").Path
$stateCopy = Join-Path (Resolve-Path $out).Path 'jpackage-state.xml'
Copy-Item -Force $state $stateCopy
$xml = [xml](Get-Content -Raw $state)
foreach ($launcher in @($xml.SelectNodes('/jpackage-state/add-launcher'))) { [void]$launcher.ParentNode.RemoveChild($launcher) }
$xml.Save($state)
# Per-machine (the default: Program Files, elevates once at install), Start menu group, desktop shortcut offered
# in the installer's dialog (its box is the property JP_INSTALL_DESKTOP_SHORTCUT, ticked by default), directory
# chooser, Add/Remove Programs links (--about-url: ARPURLINFOABOUT, --win-help-url: ARPHELPLINK).
try {
    Invoke-Checked "$jdk\jpackage.exe" ($common + @(Get-Diagnostics 'msi') + @('--type', 'msi', '--app-image', "$out\dist\TLS Doctor",
        '--win-menu', '--win-menu-group', 'TLS Doctor', '--win-shortcut', '--win-shortcut-prompt', '--win-dir-chooser',
        '--win-upgrade-uuid', $UpgradeUuid, '--license-file', 'LICENSE') + $links)
} finally {
    Copy-Item -Force $stateCopy $state
}
if ($Sign) {
    & (Join-Path $PSScriptRoot 'sign.ps1') (Get-ChildItem "$out\dist\*.msi" | Select-Object -First 1).FullName
}
Get-ChildItem "$out\dist\*.msi" | ForEach-Object { Write-Host "msi: $($_.FullName) ($([math]::Round($_.Length / 1MB, 1)) MB)" }
