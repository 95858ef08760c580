#!/usr/bin/env bash
# Authenticode-signs Windows files (launchers .exe, .dll, the .msi) with jsign, a Java signing tool that runs on Linux
# and Windows alike (the Windows twin is sign.ps1, which build.ps1 -Sign calls; both take the same settings).
# Usage: installer/sign.sh FILE...
# The certificate, from the environment (CI secrets):
#   TLSDOCTOR_SIGN_PFX_BASE64  a PKCS#12 (.pfx/.p12) with the code-signing key and its chain, Base64
#   TLSDOCTOR_SIGN_PASSWORD    its password
#   TLSDOCTOR_SIGN_ALIAS       the key's alias in it (default: the first private key)
#   TLSDOCTOR_SIGN_TSA         a timestamp server (RFC 3161), so signatures outlive the certificate (default: none)
# Without TLSDOCTOR_SIGN_PFX_BASE64 a throw-away self-signed code-signing certificate is made with keytool, so the
# step is proven to work; Windows then reports the signature as present but not trusted (UnknownError/NotTrusted).
# Writes target/installer/signing/thumbprint.txt: the signer's SHA-1 thumbprint, as Get-AuthenticodeSignature shows it.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$#" -gt 0 ] || { echo "usage: installer/sign.sh FILE..." >&2; exit 2; }

# 7.5 is on Maven Central without its parent POM (net.jsign:jsign-parent:7.5), so Maven cannot resolve it; 7.4 resolves.
JSIGN_VERSION=7.4
work=target/installer/signing
mkdir -p "$work"
chmod 700 "$work"
if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
keytool="$JAVA_HOME/bin/keytool"
jsign="$work/jsign-$JSIGN_VERSION.jar"
if [ ! -f "$jsign" ]; then
  ./mvnw -B -q dependency:copy "-Dartifact=net.jsign:jsign:$JSIGN_VERSION" "-DoutputDirectory=$work"
fi

# A configured certificate is written out only for the signing and removed after it; the throw-away one is kept in
# target/ so that every file of one build (the launchers, later the MSI) carries the same signer.
if [ -n "${TLSDOCTOR_SIGN_PFX_BASE64:-}" ]; then
  keystore="$work/configured.p12"
  trap 'rm -f "$keystore"' EXIT
  printf '%s' "$TLSDOCTOR_SIGN_PFX_BASE64" | base64 -d > "$keystore"
  : "${TLSDOCTOR_SIGN_PASSWORD:?TLSDOCTOR_SIGN_PASSWORD must be set with TLSDOCTOR_SIGN_PFX_BASE64}"
  echo "signing with the configured certificate"
else
  keystore="$work/throwaway.p12"
  if [ ! -f "$keystore" ] || [ ! -f "$work/throwaway.password" ]; then
    rm -f "$keystore"
    (umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$work/throwaway.password")
    "$keytool" -genkeypair -alias throwaway -keyalg RSA -keysize 3072 -sigalg SHA256withRSA -validity 7 \
      -dname "CN=TLS Doctor throw-away test signing, O=TLS Doctor CI" -ext EKU=codeSigning -ext KU=digitalSignature \
      -storetype PKCS12 -keystore "$keystore" -storepass "$(cat "$work/throwaway.password")" 2> "$work/keytool.log"
  fi
  TLSDOCTOR_SIGN_PASSWORD=$(cat "$work/throwaway.password")
  TLSDOCTOR_SIGN_ALIAS=throwaway
  echo "no certificate configured (TLSDOCTOR_SIGN_PFX_BASE64): signing with a throw-away self-signed one"
fi
export TLSDOCTOR_SIGN_PASSWORD
if [ -z "${TLSDOCTOR_SIGN_ALIAS:-}" ]; then
  TLSDOCTOR_SIGN_ALIAS=$("$keytool" -list -storetype PKCS12 -keystore "$keystore" -storepass "$TLSDOCTOR_SIGN_PASSWORD" |
    sed -n 's/^\([^,]*\), .*PrivateKeyEntry.*$/\1/p' | head -n 1)
fi
thumbprint=$("$keytool" -list -v -alias "$TLSDOCTOR_SIGN_ALIAS" -storetype PKCS12 -keystore "$keystore" \
  -storepass "$TLSDOCTOR_SIGN_PASSWORD" | sed -n 's/^[[:space:]]*SHA1: //p' | head -n 1 | tr -d ':')
[ -n "$thumbprint" ] || { echo "installer/sign.sh: no key '$TLSDOCTOR_SIGN_ALIAS' in the keystore" >&2; exit 1; }
echo "$thumbprint" > "$work/thumbprint.txt"
# The signer's certificate (public): to check the signatures against it, here and by hand.
"$keytool" -exportcert -rfc -alias "$TLSDOCTOR_SIGN_ALIAS" -storetype PKCS12 -keystore "$keystore" \
  -storepass "$TLSDOCTOR_SIGN_PASSWORD" -file "$work/signer.pem" 2>> "$work/keytool.log"

timestamp=()
if [ -n "${TLSDOCTOR_SIGN_TSA:-}" ]; then
  timestamp=(--tsaurl "$TLSDOCTOR_SIGN_TSA" --tsmode RFC3161 --tsretries 3)
fi
# The password reaches jsign through the environment (env:), never on a command line another process could read.
java -jar "$jsign" --keystore "$keystore" --storetype PKCS12 --storepass env:TLSDOCTOR_SIGN_PASSWORD \
  --alias "$TLSDOCTOR_SIGN_ALIAS" --alg SHA-256 --name "TLS Doctor" --replace "${timestamp[@]}" "$@"
# Where osslsigncode is installed (Debian: osslsigncode), each signature is checked: its digest matches the file, and
# it was made by this signer (trusting the signer's own certificate, so a throw-away one verifies too).
if command -v osslsigncode > /dev/null; then
  for file in "$@"; do
    if ! osslsigncode verify -CAfile "$work/signer.pem" -in "$file" > "$work/verify.log" 2>&1; then
      cat "$work/verify.log" >&2
      echo "installer/sign.sh: the signature of $file does not verify" >&2
      exit 1
    fi
  done
  echo "osslsigncode verify: every signature matches its file and signer"
fi
echo "signed $# file(s), signer thumbprint $thumbprint"
