#!/usr/bin/env bash
# Proves installer/sign.sh on Linux with real Windows files: JNA's jnidispatch.dll (a PE32+ DLL from the JNA jar the
# build already has) and, where wixl is installed (Debian/Ubuntu: wixl), a one-file MSI built from it. Each is signed
# with a throw-away certificate, checked with osslsigncode (Debian/Ubuntu: osslsigncode), and changed by one byte
# afterwards, which must make the check fail. Usage: installer/sign-selftest.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v osslsigncode > /dev/null || { echo "installer/sign-selftest.sh needs osslsigncode" >&2; exit 2; }
work=target/installer/sign-selftest
rm -rf "$work"
mkdir -p "$work"
jna=$(./mvnw -B -q help:evaluate -Dexpression=jna.version -DforceStdout)
jar="$HOME/.m2/repository/net/java/dev/jna/jna-jpms/$jna/jna-jpms-$jna.jar"
[ -f "$jar" ] || ./mvnw -B -q dependency:get "-Dartifact=net.java.dev.jna:jna-jpms:$jna"
unzip -q -o -j "$jar" 'com/sun/jna/win32-x86-64/jnidispatch.dll' -d "$work"
files=("$work/jnidispatch.dll")
if command -v wixl > /dev/null; then
  cp "$work/jnidispatch.dll" "$work/payload.dll"
  cat > "$work/selftest.wxs" <<'WXS'
<?xml version="1.0" encoding="utf-8"?>
<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">
  <Product Id="*" Name="TLS Doctor signing self-test" Language="1033" Version="0.1.0" Manufacturer="TLS Doctor"
           UpgradeCode="0c3d7f9e-2c4b-4d5e-9f00-5a1b2c3d4e5f">
    <Package InstallerVersion="200" Compressed="yes" InstallScope="perMachine"/>
    <Media Id="1" Cabinet="payload.cab" EmbedCab="yes"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="TLS Doctor signing self-test">
          <Component Id="Payload" Guid="*" Win64="yes"><File Id="payload" Source="payload.dll" KeyPath="yes"/></Component>
        </Directory>
      </Directory>
    </Directory>
    <Feature Id="Main" Level="1"><ComponentRef Id="Payload"/></Feature>
  </Product>
</Wix>
WXS
  (cd "$work" && wixl -a x64 -o selftest.msi selftest.wxs)
  files+=("$work/selftest.msi")
else
  echo "wixl not installed: the MSI is not tried here (the Windows job signs the real one)"
fi
for file in "${files[@]}"; do
  if osslsigncode verify -in "$file" > /dev/null 2>&1; then
    echo "installer/sign-selftest.sh: $file verifies before signing" >&2; exit 1
  fi
done
TLSDOCTOR_SIGN_PFX_BASE64='' installer/sign.sh "${files[@]}"
for file in "${files[@]}"; do
  size=$(stat -c %s "$file")
  printf 'X' | dd of="$file" bs=1 seek=$((size / 3)) conv=notrunc status=none
  if osslsigncode verify -CAfile target/installer/signing/signer.pem -in "$file" > /dev/null 2>&1; then
    echo "installer/sign-selftest.sh: $file still verifies after a byte was changed" >&2; exit 1
  fi
done
echo "sign-selftest: ${#files[@]} file(s) signed and verified; one changed byte breaks each signature"
