#!/usr/bin/env bash
# Runs the packaged command line the way an admin would and fails when what they would see is wrong.
# Usage: installer/smoke-test.sh [LAUNCHER]   (default: the app-image installer/build.sh made)
set -euo pipefail
cd "$(dirname "$0")/.."
launcher=${1:-"target/installer/dist/TLS Doctor/bin/tlsdoctor"}
sample=installer/samples/ndr-421-socketerror.txt
version=$(sed -n 's/^version=//p' target/classes/io/tlsdoctor/version.properties)
package_version=$(sed -n 's/^packageVersion=//p' target/classes/io/tlsdoctor/version.properties)
failures=0

check() { # check NAME EXPECTED_EXIT PATTERN... -- COMMAND...
  local name=$1 expected=$2; shift 2
  local patterns=()
  while [ "$1" != "--" ]; do patterns+=("$1"); shift; done
  shift
  local output code=0
  output=$("$@" 2>&1) || code=$?
  local ok=true
  [ "$code" -eq "$expected" ] || ok=false
  for pattern in "${patterns[@]}"; do
    grep -qF -- "$pattern" <<<"$output" || ok=false
  done
  if grep -qE '^\s+at [a-z]+\.|Exception in thread' <<<"$output"; then ok=false; fi
  if $ok; then
    echo "smoke: ok    $name"
  else
    echo "smoke: FAIL  $name (exit $code, expected $expected; wanted: ${patterns[*]})"
    sed 's/^/    | /' <<<"$output"
    failures=$((failures + 1))
  fi
}

# the version Windows shows for the MSI is named too, unless it is the same
installer_line="Installer version $package_version"
[ "$version" != "$package_version" ] || installer_line="TLS Doctor $version"
check "--version" 0 "TLS Doctor $version" "$installer_line" -- "$launcher" --version --lang=en
check "classify (text)" 0 "(NDR_421_SOCKET_ERROR)" "On-premises → Exchange Online" -- "$launcher" classify "$sample"
check "classify --json" 0 '"schema" : "tlsdoctor.classify/1"' '"code" : "NDR_421_SOCKET_ERROR"' '"direction" : "ONPREM_TO_EXO"' \
  -- "$launcher" classify --json "$sample"
check "classify in Swedish" 0 "(NDR_421_SOCKET_ERROR)" "Riktning:" "Lokalt → Exchange Online" -- "$launcher" --lang sv classify "$sample"
check "classify on standard input" 0 "(NDR_421_SOCKET_ERROR)" -- sh -c '"$0" classify - < "$1"' "$launcher" "$sample"
check "classify a missing file" 2 "no-such-file.txt" -- "$launcher" classify no-such-file.txt

passed=$((6 - failures))
echo "smoke: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
