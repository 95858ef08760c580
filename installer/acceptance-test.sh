#!/usr/bin/env bash
# Acceptance suite of the packaged app: runs what installer/build.sh made (the app-image's own launchers, its jlink'd
# runtime) through every command a user has, against the real peers of the unit tests, and checks what a user would.
#   installer/acceptance-test.sh [APP-IMAGE]      (default: target/installer/dist/TLS Doctor)
# Prints one line per command with the figures it checked and its time, then "N passed, N failed"; exits 1 on any
# failure, 2 when it cannot run at all. KEEP=1 keeps its work folder (outputs, screenshots) and says where.
# Needs, as .ci/run installs them: root (a private Postfix on loopback ports), postfix, dnsmasq-base, openssl, jq,
# xvfb, xdotool, and the compiled test classes (target/test-classes: the peers and the protocol-log generator).
set -uo pipefail
cd "$(dirname "$0")/.."

app=${1:-"target/installer/dist/TLS Doctor"}
cli="$app/bin/tlsdoctor"
gui="$app/bin/TLS Doctor"
suite_start=$(date +%s%N)

cannot() { echo "acceptance: cannot run: $*" >&2; exit 2; }
[ -x "$cli" ] && [ -x "$gui" ] || cannot "no app-image at '$app' (run installer/build.sh first)"
[ "$(id -u)" -eq 0 ] || cannot "must run as root (the private Postfix instance), as .ci/run does"
for tool in /usr/sbin/postfix /usr/sbin/dnsmasq openssl jq Xvfb xdotool java; do
  command -v "$tool" >/dev/null 2>&1 || cannot "$tool is missing (.ci/run installs it)"
done
[ -f target/test-classes/io/tlsdoctor/testpeers/AcceptancePeersMain.class ] || ./mvnw -q -B test-compile \
  || cannot "the test classes (the peers) do not compile"
version=$(sed -n 's/^version=//p' target/classes/io/tlsdoctor/version.properties)
package_version=$(sed -n 's/^packageVersion=//p' target/classes/io/tlsdoctor/version.properties)

work=$(mktemp -d "${TMPDIR:-/tmp}/tlsdoctor-acceptance.XXXXXX")
mkdir -p "$work/out" "$work/data"
# What the app keeps (backups of the fix) and its log go to the work folder, not root's home; English unless a case
# says --lang.
export XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" LANG=C.UTF-8 LC_ALL=C.UTF-8
logs="$work/state/tlsdoctor/logs"
unset DISPLAY WAYLAND_DISPLAY
test_cp=target/test-classes:target/classes
pids=()
cleanup() {
  exec 3>&- 2>/dev/null # the peers stop when their standard input closes
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  wait 2>/dev/null
  if [ "${KEEP:-0}" = 1 ]; then echo "acceptance: outputs kept in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

passed=0
failed=0
secs() { awk -v ns="$(( $(date +%s%N) - $1 ))" 'BEGIN { printf "%.1f", ns / 1e9 }'; }

# run NAME EXPECTED-EXIT COMMAND...: runs one command; stdout in $OUT, stderr in $ERR; starts the case's problem list.
run() {
  local name=$1 expected=$2; shift 2
  OUT="$work/out/$name.out"; ERR="$work/out/$name.err"; NAME=$name
  local start; start=$(date +%s%N)
  "$@" >"$OUT" 2>"$ERR" </dev/null
  CODE=$?
  SECS=$(secs "$start")
  PROBLEMS=()
  [ "$CODE" -eq "$expected" ] || PROBLEMS+=("exit code $CODE, expected $expected")
  if grep -qE '^\s+at [A-Za-z0-9_$.]+\(|Exception in thread|^Caused by: ' "$OUT" "$ERR"; then PROBLEMS+=("a stack trace"); fi
}
# run_in NAME EXPECTED-EXIT INPUT-FILE COMMAND...: the same with standard input from a file
run_in() {
  local name=$1 expected=$2 input=$3; shift 3
  run "$name" "$expected" sh -c 'input=$1; shift; exec "$@" < "$input"' sh "$input" "$@"
}
problem() { PROBLEMS+=("$*"); }
# want JQ-FILTER EXPECTED [FILE]: the filter's value (jq -r) must be EXPECTED
want() {
  local got; got=$(jq -r "$1" "${3:-$OUT}" 2>/dev/null | tr '\n' ' ' | sed 's/ $//')
  [ "$got" == "$2" ] || problem "$1 is '$got', expected '$2'"
}
value() { jq -r "$1" "${2:-$OUT}" 2>/dev/null | tr '\n' ' ' | sed 's/ $//'; }
has() { grep -qF -- "$1" "${2:-$OUT}" || problem "'$1' missing from $(basename "${2:-$OUT}")"; }
lacks() { ! grep -qiF -- "$1" "${2:-$OUT}" || problem "'$1' found in $(basename "${2:-$OUT}")"; }
# report LABEL FIGURES: one line for the case
report() {
  if [ ${#PROBLEMS[@]} -eq 0 ]; then
    echo "ok    $1: $2 ($SECS s)"
    passed=$((passed + 1))
  else
    local IFS=';'
    echo "FAIL  $1: ${PROBLEMS[*]} ($SECS s)"
    for file in "$OUT" "$ERR"; do
      [ -s "$file" ] && tail -n 12 "$file" | sed "s|^|      $(basename "$file") |"
    done
    failed=$((failed + 1))
  fi
}

echo "acceptance: $app (TLS Doctor $version), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the launchers' JVM options: exactly those the README's table names ---------------------------------------------
readme_options() { sed -n "s/^| \`$1\` ([a-z ]*) | \`\\(.*\\)\` |\$/\\1/p" README.md; }
cfg_options() { sed -n 's/^java-options=//p' "$app/lib/app/$1.cfg" | grep -v '^-Djpackage.app-version=' | tr '\n' ' ' | sed 's/ $//'; }
for launcher in "TLS Doctor" tlsdoctor; do
  OUT="$app/lib/app/$launcher.cfg"; ERR=/dev/null; PROBLEMS=(); SECS=0.0
  expected=$(readme_options "$launcher")
  got=$(cfg_options "$launcher")
  [ -n "$expected" ] || problem "README.md has no row for \`$launcher\` in its table of JVM options"
  [ "$got" == "$expected" ] || problem "lib/app/$launcher.cfg holds '$got', the README says '$expected'"
  grep -qx "java-options=-Djpackage.app-version=$package_version" "$OUT" || problem "no -Djpackage.app-version=$package_version"
  report "lib/app/$launcher.cfg" "java-options $got (as README.md), -Djpackage.app-version=$package_version"
done

# --- the peers: the unit tests' Postfix (four listeners) and dnsmasq, started by their own Java code -----------------
mkfifo "$work/peers.in"
java -cp "$test_cp" io.tlsdoctor.testpeers.AcceptancePeersMain < "$work/peers.in" > "$work/peers.out" 2>&1 &
pids+=($!)
exec 3>"$work/peers.in"
for _ in $(seq 1 600); do grep -q '^PEERS ' "$work/peers.out" && break; sleep 0.1; done
peers=$(grep '^PEERS ' "$work/peers.out") || { cat "$work/peers.out" >&2; cannot "the peers did not start"; }
peer() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$peers"; }
modern=$(peer modern); legacy=$(peer legacy); plain=$(peer plain); tls12=$(peer tls12); dns=$(peer dns); domain=$(peer domain)
echo "peers: Postfix 127.0.0.1 ports $modern (TLS 1.2+), $tls12 (TLS 1.2 only), $legacy (TLS 1.0 only), $plain (no STARTTLS); dnsmasq $dns (MX of $domain)"

# --- version and classify (what the old smoke test checked, and the encodings users paste) ---------------------------
installer_line="Installer version $package_version"
[ "$version" != "$package_version" ] || installer_line="TLS Doctor $version"
run version 0 "$cli" --version --lang=en
has "TLS Doctor $version"; has "$installer_line"
report "tlsdoctor --version" "TLS Doctor $version, $installer_line"

run help 0 "$cli" --help --lang=en
for command in classify registry probe logs fix restart diagnose review collect compare connectors; do grep -qE "^ +$command( |$)" "$OUT" || problem "--help does not list $command"; done
report "tlsdoctor --help" "lists classify registry probe logs fix restart diagnose review collect compare connectors"

run no-display 2 "$cli"
[ -s "$ERR" ] || problem "nothing said"
report "tlsdoctor (no arguments, no display)" "exit 2: $(head -n 1 "$ERR" | cut -c1-90)"

sample=installer/samples/ndr-421-socketerror.txt
run classify 0 "$cli" classify "$sample"
has "(NDR_421_SOCKET_ERROR)"; has "On-premises → Exchange Online"
report "tlsdoctor classify FILE" "NDR_421_SOCKET_ERROR, On-premises → Exchange Online"

run classify-json 0 "$cli" classify --json "$sample"
want .schema tlsdoctor.classify/1; want '.detections[0].code' NDR_421_SOCKET_ERROR; want '.detections[0].direction' ONPREM_TO_EXO
report "tlsdoctor classify --json FILE" "schema tlsdoctor.classify/1, $(value '.detections[0].code') $(value '.detections[0].direction') confidence $(value '.detections[0].confidence')"

run_in classify-stdin 0 "$sample" "$cli" --lang sv classify -
has "(NDR_421_SOCKET_ERROR)"; has "Riktning:"; has "Lokalt → Exchange Online"
report "tlsdoctor --lang sv classify - (standard input)" "NDR_421_SOCKET_ERROR, Riktning: Lokalt → Exchange Online"

# a Swedish NDR saved by a Windows tool in Windows-1252, and by PowerShell's Out-File in UTF-16 with BOM
swedish=src/test/resources/io/tlsdoctor/core/evidence/corpus/003-ndr-sv-421-socketerror.txt
iconv -f UTF-8 -t WINDOWS-1252 "$swedish" > "$work/ndr-sv-1252.txt"
{ printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$swedish"; } > "$work/ndr-sv-utf16.txt"
for encoding in 1252 utf16; do
  run "classify-sv-$encoding" 0 "$cli" classify --json "$work/ndr-sv-$encoding.txt"
  want '.detections[0].code' NDR_421_SOCKET_ERROR
  run "classify-sv-$encoding-text" 0 "$cli" --lang sv classify "$work/ndr-sv-$encoding.txt"
  charset=windows-1252; [ $encoding = utf16 ] && charset=UTF-16
  has "(NDR_421_SOCKET_ERROR)"; has "Fjärrservern returnerade '550 4.4.7"; has "rader, $charset"
  report "tlsdoctor --lang sv classify FILE (Swedish NDR in $charset)" \
    "NDR_421_SOCKET_ERROR, read as $charset, excerpt 'Fjärrservern returnerade …' decoded"
done

run classify-missing 2 "$cli" classify "$work/no-such-file.txt"
has "no-such-file.txt" "$ERR"
report "tlsdoctor classify MISSING-FILE" "exit 2, names the file: $(head -n 1 "$ERR" | cut -c1-90)"

# --- probe: the per-version matrix of each real Postfix listener, inbound and outbound, and the MX lookup -------------
matrix() { value '[.targets[0].protocols | to_entries[] | "\(.key)=\(.value.result)"] | join(" ")'; }
probe_case() { # probe_case NAME PORT DIRECTION EXPECTED-MATRIX NEGOTIATED FINDING LABEL
  run "probe-$1" 0 "$cli" probe --host 127.0.0.1 --port "$2" --direction "$3" --json
  want .schema tlsdoctor.probe/1
  [ "$(matrix)" == "$4" ] || problem "matrix $(matrix), expected $4"
  want '.targets[0].negotiated.protocol // "none"' "$5"
  jq -e --arg id "$6" '[.targets[0].findings[].id] | index($id)' "$OUT" >/dev/null || problem "no finding $6: $(value '[.targets[0].findings[].id]|join(",")')"
  local extra=""
  case "$5" in TLSv1.2|TLSv1.3) extra=", TLS 1.2 cipher $(value '.targets[0].protocols["TLSv1.2"].cipher')"
    value '.targets[0].protocols["TLSv1.2"].cipher' | grep -q '^TLS_ECDHE_' || problem "TLS 1.2 without ECDHE (jdk.crypto.ec?): $(value '.targets[0].protocols["TLSv1.2"].cipher')";;
  esac
  [ "$1" != legacy-inbound ] || extra=", TLS 1.0 cipher $(value '.targets[0].protocols["TLSv1"].cipher') (child JVM)"
  report "tlsdoctor probe --host --port --direction $3 --json ($7)" "$(matrix), negotiated $5, finding $6$extra"
}
probe_case modern-outbound "$modern" outbound "TLSv1=REFUSED TLSv1.1=REFUSED TLSv1.2=ACCEPTED TLSv1.3=ACCEPTED" TLSv1.3 outboundPathFine "TLS 1.2+"
probe_case tls12-outbound "$tls12" outbound "TLSv1=REFUSED TLSv1.1=REFUSED TLSv1.2=ACCEPTED TLSv1.3=REFUSED" TLSv1.2 outboundPathFine "TLS 1.2 only"
probe_case tls12-inbound "$tls12" inbound "TLSv1=REFUSED TLSv1.1=REFUSED TLSv1.2=ACCEPTED TLSv1.3=REFUSED" TLSv1.2 inboundModern "TLS 1.2 only"
probe_case legacy-inbound "$legacy" inbound "TLSv1=ACCEPTED TLSv1.1=REFUSED TLSv1.2=REFUSED TLSv1.3=REFUSED" none inboundLegacyOnly "TLS 1.0 only"
probe_case legacy-outbound "$legacy" outbound "TLSv1=ACCEPTED TLSv1.1=REFUSED TLSv1.2=REFUSED TLSv1.3=REFUSED" none outboundLegacyOnly "TLS 1.0 only"
probe_case plain-inbound "$plain" inbound "TLSv1=NOT_TESTED TLSv1.1=NOT_TESTED TLSv1.2=NOT_TESTED TLSv1.3=NOT_TESTED" none noStarttlsInbound "no STARTTLS"

run probe-text-sv 0 "$cli" --lang sv probe --host 127.0.0.1 --port "$legacy"
has "TLS 1.0  accepteras"; has "TLS 1.2  nekas"
report "tlsdoctor --lang sv probe --host --port (text, TLS 1.0 only)" "TLS 1.0 accepteras, TLS 1.2 nekas"

run probe-mx 0 "$cli" probe --mx "$domain" --port "$modern" --dns-server "$dns" --json
want '[.targets[].host] | join(",")' "mx2.$domain,mx1.$domain"
want '[.targets[] | .steps[] | select(.name == "dns") | .status] | join(",")' "OK,OK"
want '[.targets[].negotiated.protocol] | join(",")' "TLSv1.3,TLSv1.3"
report "tlsdoctor probe --mx $domain --dns-server (dnsmasq)" "MX in preference order $(value '[.targets[].host]|join(", ")'), both $(value '.targets[0].ip'), TLSv1.3"

# --- registry: reg export files as Windows writes them ----------------------------------------------------------------
protocols='HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'
{ printf '\xff\xfe'; printf 'Windows Registry Editor Version 5.00\r\n\r\n[%s\\TLS 1.2\\Client]\r\n"Enabled"=dword:00000000\r\n"DisabledByDefault"=dword:00000001\r\n\r\n[%s\\TLS 1.2\\Server]\r\n"Enabled"=dword:00000001\r\n"DisabledByDefault"=dword:00000000\r\n\r\n' "$protocols" "$protocols" | iconv -f UTF-8 -t UTF-16LE; } > "$work/schannel.reg"
printf 'REGEDIT4\r\n\r\n[%s\\TLS 1.0\\Server]\r\n"Enabled"=dword:00000000\r\n"DisabledByDefault"=dword:00000001\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"ProductName"="Windows Server 2016 Datacenter (övningsmiljö)"\r\n"CurrentBuild"="14393"\r\n"InstallationType"="Server"\r\n\r\n' "$protocols" \
  | iconv -f UTF-8 -t WINDOWS-1252 > "$work/os-regedit4.reg"
run registry-json 0 "$cli" registry --reg-file "$work/schannel.reg" --reg-file "$work/os-regedit4.reg" --json
want .schema tlsdoctor.registry/1; want .tls12.client false; want .tls12.server true; want .os.id 2016
want .os.productName "Windows Server 2016 Datacenter (övningsmiljö)"
want '.protocols[] | select(.protocol == "TLS 1.0") | .server.state' DISABLED
report "tlsdoctor registry --reg-file (UTF-16) --reg-file (REGEDIT4, Windows-1252) --json" \
  "TLS 1.2 client $(value .tls12.client) server $(value .tls12.server), TLS 1.0 server DISABLED, os $(value .os.id) '$(value .os.productName)'"

run registry-text 0 "$cli" --lang sv registry --reg-file "$work/schannel.reg" --reg-file "$work/os-regedit4.reg"
has "/schannel.reg, "; has "/os-regedit4.reg"; has "(tls12.client)"; has "Läst från:"
report "tlsdoctor --lang sv registry --reg-file ... (text)" "$(grep -m1 'tls12.client' "$OUT" | sed 's/  */ /g' | cut -c1-80)"

run registry-none 2 "$cli" registry
has 'reg export "HKLM\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL"' "$ERR"; has "tlsdoctor registry --reg-file" "$ERR"
report "tlsdoctor registry (no files, not Windows)" "exit 2 with the $(grep -c 'reg export "' "$ERR") reg export commands to run on the server"

# --- fix: plan, export-reg, apply on a copy, undo ---------------------------------------------------------------------
cp "$work/schannel.reg" "$work/store.reg"
original=$(sha256sum < "$work/store.reg")
run fix-plan 0 "$cli" fix plan --reg-file "$work/store.reg" --reg-file "$work/os-regedit4.reg" --direction outbound --out "$work/plan.json"
want .schema tlsdoctor.fix-plan/1 "$work/plan.json"
want .kind ENABLE_TLS12 "$work/plan.json"; want .direction ONPREM_TO_EXO "$work/plan.json"
client='.changes[] | select(.location.keyPath | endswith("TLS 1.2\\Client")) | "\(.location.name)=\(.target.number)"'
want "[$client] | sort | join(\",\")" "DisabledByDefault=0,Enabled=1" "$work/plan.json"
report "tlsdoctor fix plan --reg-file --direction outbound --out plan.json" \
  "$(value .kind "$work/plan.json") $(value .direction "$work/plan.json"), $(value '.changes | length' "$work/plan.json") changes, TLS 1.2\\Client $(value "[$client] | sort | join(\",\")" "$work/plan.json")"

run fix-export 0 "$cli" fix export-reg --plan "$work/plan.json" --out "$work/fix.reg"
[ "$(head -c 2 "$work/fix.reg" | od -An -tx1 | tr -d ' ')" == fffe ] || problem "fix.reg does not start with the UTF-16LE BOM"
iconv -f UTF-16LE -t UTF-8 "$work/fix.reg" > "$work/fix.reg.txt" 2>/dev/null
has "Windows Registry Editor Version 5.00" "$work/fix.reg.txt"; has '"Enabled"=dword:00000001' "$work/fix.reg.txt"
report "tlsdoctor fix export-reg --plan --out fix.reg" "UTF-16LE with BOM, $(grep -c '=dword:' "$work/fix.reg.txt") dword values, CRLF $(grep -c $'\r$' "$work/fix.reg.txt") lines"

run fix-dry 0 "$cli" fix apply --plan "$work/plan.json" --store "$work/store.reg"
[ "$(sha256sum < "$work/store.reg")" == "$original" ] || problem "apply without --yes changed the store"
report "tlsdoctor fix apply --plan --store (no --yes)" "shows the values, store unchanged"

run fix-apply 0 "$cli" fix apply --plan "$work/plan.json" --store "$work/store.reg" --yes --backups "$work/backups"
backup=$(find "$work/backups" -mindepth 1 -maxdepth 1 -type d | head -n 1)
[ -n "$backup" ] && [ -f "$backup/backup.json" ] && [ -f "$backup/restore.reg" ] || problem "no backup folder with backup.json and restore.reg"
has "Full backup of the copy as it was before the change: $backup/full-backup.reg"
has "Recorded in the audit file $XDG_DATA_HOME/tlsdoctor/audit.jsonl."
[ "$(head -c 2 "$backup/full-backup.reg" 2>/dev/null | od -An -tx1 | tr -d ' ')" == fffe ] || problem "full-backup.reg is not UTF-16LE with BOM"
run fix-after 0 "$cli" registry --reg-file "$work/store.reg" --json
want .tls12.client true
report "tlsdoctor fix apply --plan --store --yes --backups" "TLS 1.2 client now $(value .tls12.client), backup $(basename "$backup") with $(ls "$backup" 2>/dev/null | tr '\n' ' ')"
audit="$XDG_DATA_HOME/tlsdoctor/audit.jsonl"
want .action APPLY <(tail -n 1 "$audit" 2>/dev/null)
want .fullBackup "$backup/full-backup.reg" <(tail -n 1 "$audit" 2>/dev/null)
want .via CLI <(tail -n 1 "$audit" 2>/dev/null)
report "audit trail and full backup of fix apply" "audit.jsonl has $(wc -l < "$audit" 2>/dev/null) line(s), the last one $(tail -n 1 "$audit" | jq -r '.values | length') values; full-backup.reg $(stat -c %s "$backup/full-backup.reg" 2>/dev/null) bytes"

run fix-undo 0 "$cli" fix undo --backup "$backup" --store "$work/store.reg" --yes --backups "$work/backups"
run fix-undone 0 "$cli" registry --reg-file "$work/store.reg" --json
want .tls12.client false; want .tls12.server true
report "tlsdoctor fix undo --backup --store --yes" "TLS 1.2 client back to $(value .tls12.client), server $(value .tls12.server)"

# --- the log and the support bundle -------------------------------------------------------------------------------------
PROBLEMS=(); SECS=0
log="$logs/cli.0.log"
if [ -f "$log" ]; then
  has "TLS Doctor $version started; Java" "$log"; has "command: tlsdoctor fix apply --plan" "$log"
  has "apply on " "$log"; has "backup $work/backups/" "$log"; has "command ended with exit code 0" "$log"
  lacks "Exception" "$log"
else
  problem "no log at $log"
fi
report "the command line's log" "$(wc -l < "$log" 2>/dev/null) lines in $log, the fix with its backup in it"

run bundle 0 "$cli" bundle --redact "$work/support.zip"
has "Saved the redacted support bundle"
entries=$(unzip -Z1 "$work/support.zip" 2>/dev/null | tr '\n' ' ')
case " $entries " in *" manifest.txt "*" logs/user/cli.0.log "*) ;; *) problem "entries are '$entries'" ;; esac
unzip -p "$work/support.zip" manifest.txt > "$work/out/manifest.txt" 2>/dev/null
has "redacted: yes" "$work/out/manifest.txt"
unzip -p "$work/support.zip" logs/user/cli.0.log > "$work/out/bundled-cli.log" 2>/dev/null
# probe --mx named the peers' mail domain: the plain log has it, the redacted one a placeholder
has "--mx $domain" "$log"; has "command: tlsdoctor" "$work/out/bundled-cli.log"; lacks "$domain" "$work/out/bundled-cli.log"
run bundle-again 2 "$cli" bundle "$work/support.zip"
has "--force" "$ERR"
report "tlsdoctor bundle --redact OUT.zip" "$(echo "$entries" | wc -w) entries, the log redacted; refused again without --force"

run restart 2 "$cli" restart --in 5
has "Windows" "$ERR"
report "tlsdoctor restart --in 5 (Linux)" "refused, exit 2: $(head -n 1 "$ERR" | cut -c1-80)"

# --- collect on each server into a share, compare on the helpdesk desktop -------------------------------------------
# fleet_reg NAME TLS12-CLIENT(1|0) FILE: one server's export as reg export writes it (UTF-16LE with BOM, CRLF), as the
# unit tests' FleetServers does: TLS 1.0/1.1 off, TLS 1.2 Server on, .NET set, Windows Server 2019, Exchange 2019 CU14
fleet_reg() {
  local schannel='HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL' protocol side on view net
  {
    printf 'Windows Registry Editor Version 5.00\r\n\r\n[%s]\r\n\r\n' "$schannel"
    for protocol in "TLS 1.0" "TLS 1.1" "TLS 1.2"; do
      for side in Client Server; do
        on=0; [ "$protocol" = "TLS 1.2" ] && on=1; [ "$protocol" = "TLS 1.2" ] && [ $side = Client ] && on=$2
        printf '[%s\\Protocols\\%s\\%s]\r\n"DisabledByDefault"=dword:0000000%d\r\n"Enabled"=dword:0000000%d\r\n\r\n' \
          "$schannel" "$protocol" "$side" $((1 - on)) "$on"
      done
    done
    for view in 'SOFTWARE\Microsoft' 'SOFTWARE\Wow6432Node\Microsoft'; do
      for net in v4.0.30319 v2.0.50727; do
        printf '[HKEY_LOCAL_MACHINE\\%s\\.NETFramework\\%s]\r\n"SystemDefaultTlsVersions"=dword:00000001\r\n"SchUseStrongCrypto"=dword:00000001\r\n\r\n' "$view" "$net"
      done
    done
    printf '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"ProductName"="Windows Server 2019 Standard"\r\n"CurrentBuild"="17763"\r\n"InstallationType"="Server"\r\n\r\n'
    printf '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\ExchangeServer\\v15\\Setup]\r\n"MsiProductMajor"=dword:0000000f\r\n"MsiProductMinor"=dword:00000002\r\n"MsiBuildMajor"=dword:00000608\r\n"MsiBuildMinor"=dword:00000004\r\n\r\n'
  } | { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE; } > "$3"
}
share="$work/share"
fleet=(EXCH-NORTH01:1 EXCH-NORTH02:1 EXCH-SOUTH03:0) # EXCH-SOUTH03: TLS 1.2 Client off, the one that sends the 421 NDRs
for server in "${fleet[@]}"; do
  name=${server%%:*}
  fleet_reg "$name" "${server#*:}" "$work/$name.reg"
  run "collect-$name" 0 "$cli" collect --server "$name" --reg-file "$work/$name.reg" --out-dir "$share"
  snapshot=$(find "$share" -maxdepth 1 -name "${name}_*" | head -n 1)
  [[ "$(basename "$snapshot")" =~ ^${name}_[0-9]{8}-[0-9]{6}Z\.tlsdoctor\.json$ ]] \
    || problem "snapshot file '$(basename "$snapshot")', expected ${name}_<yyyyMMdd-HHmmss>Z.tlsdoctor.json"
  has "Snapshot of $name written to $snapshot"; has "tlsdoctor compare FOLDER"
  want .schema tlsdoctor.server-snapshot/1 "$snapshot"; want .server "$name" "$snapshot"
  report "tlsdoctor collect --server $name --reg-file --out-dir" "$(basename "$snapshot"), schema $(value .schema "$snapshot")"
done

# never over a snapshot of the same name without --force: a file of that name waits for every second the run may take
again="$work/share-again"
mkdir -p "$again"
now=$(date -u +%s)
for second in $(seq 0 180); do echo keep > "$again/EXCH-NORTH01_$(date -u -d "@$((now + second))" +%Y%m%d-%H%M%S)Z.tlsdoctor.json"; done
run collect-exists 2 "$cli" collect --server EXCH-NORTH01 --reg-file "$work/EXCH-NORTH01.reg" --out-dir "$again"
has "exists already" "$ERR"; has "--force" "$ERR"
[ "$(grep -l -v '^keep$' "$again"/* | wc -l)" -eq 0 ] || problem "a file was overwritten without --force"
refusal=$(head -n 1 "$ERR" | cut -c1-100)
run collect-force 0 "$cli" collect --server EXCH-NORTH01 --reg-file "$work/EXCH-NORTH01.reg" --out-dir "$again" --force
replaced=$(grep -l '"tlsdoctor.server-snapshot/1"' "$again"/* | wc -l)
[ "$replaced" -eq 1 ] || problem "$replaced files replaced with --force, expected 1"
report "tlsdoctor collect (snapshot file exists) / --force" "exit 2 without --force, nothing written: $refusal; --force replaced $replaced file"

run compare 0 "$cli" compare "$share"
has "Servers: ${#fleet[@]}"
has "EXCH-SOUTH03 is the only server whose SChannel Client has TLS 1.2 off: it is the one that sends the 421 NDRs"
grep -qE '^ +EXCH-SOUTH03 +NO TLS 1\.2 ' "$OUT" || problem "the table has no row 'EXCH-SOUTH03  NO TLS 1.2'"
has "[CHANGE] EXCH-SOUTH03"; lacks "[CHANGE] EXCH-NORTH"
report "tlsdoctor compare FOLDER (3 snapshots, one with TLS 1.2 Client off)" \
  "$(grep -m1 'is the only server' "$OUT" | sed 's/^[^A-Za-z]*//' | cut -c1-100)"

run compare-json 0 "$cli" compare --json "$share"
jq -e . "$OUT" >/dev/null 2>&1 || problem "not valid JSON"
want .schema tlsdoctor.fleet-summary/1; want .servers "${#fleet[@]}"; want '[.fixes[].server] | join(",")' EXCH-SOUTH03
want .redacted false
report "tlsdoctor compare --json FOLDER" "schema $(value .schema), $(value .servers) servers, fix for $(value '[.fixes[].server] | join(",")')"

run compare-redacted 0 "$cli" compare --redact --json --out "$work/fleet-redacted.md" "$share"
for file in "$OUT" "$work/fleet-redacted.md"; do
  for name in EXCH-NORTH01 EXCH-NORTH02 EXCH-SOUTH03 north south; do lacks "$name" "$file"; done
done
want .redacted true
outlier=$(value '[.fixes[].server] | join(",")')
[[ "$outlier" =~ ^host-[0-9]+$ ]] || problem "the fix is for '$outlier', expected a placeholder host-N"
has "$outlier is the only server whose SChannel Client has TLS 1.2 off" "$work/fleet-redacted.md"
report "tlsdoctor compare --redact --json --out .md FOLDER" "no server name in the JSON or the Markdown; the outlier is $outlier in both"

# --- connectors: saved cmdlet output from an Exchange server, judged anywhere ---------------------------------------
corpus=src/test/resources/io/tlsdoctor/core/connectors
run connectors-certificate 0 "$cli" connectors "$corpus/fl-renewed-new-ca-console80.txt"
has "Bottom line: a certificate problem (1 finding to fix, no warnings)."
has "This is not the TLS 1.0/1.1 registry problem: changing SChannel will not fix it."
has "Set-SendConnector -Identity 'Outbound to Office 365 - 2b5c9f4e-7d21-4a4b-9c3e-5e8f1a2b3c4d' -TlsCertificateName"
lacks "(s)"
report "tlsdoctor connectors FILE (certificate renewed from a new CA)" \
  "$(grep -m1 -o 'a certificate problem ([^)]*)' "$OUT"); not the registry: $(grep -m1 -o 'changing SChannel will not fix it' "$OUT")"

run connectors-two-sides-sv 0 "$cli" --lang sv connectors "$corpus/fl-swedish-utf16.txt" "$corpus/exo-connectors-fl.txt"
has "Slutsats: ett certifikatproblem (4 fynd att åtgärda, 2 varningar)."
has "att ändra SChannel åtgärdar det inte"; has "Enable-ExchangeCertificate -Server 'EXSTHLM01.contoso.com'"
lacks "(ar)"
report "tlsdoctor --lang sv connectors FILE FILE (UTF-16 Format-List and Exchange Online's side)" \
  "$(grep -m1 'Slutsats' "$OUT" | cut -c1-80)"

run connectors-json 0 "$cli" connectors --json "$corpus/clixml-send-connectors-ps51.xml" "$corpus/json-ps51-certificates-ex02.json" \
  "$corpus/json-ps51-receive-ex02.json"
want .schema tlsdoctor.connectors/1; want .bottomLine.problem CERTIFICATE
jq -e '[.findings[] | select(.status == "FAIL")] | length > 0' "$OUT" >/dev/null || problem "no finding to fix"
report "tlsdoctor connectors --json (Export-Clixml and ConvertTo-Json of PowerShell 5.1)" \
  "schema $(value .schema), problem $(value .bottomLine.problem), $(value '.bottomLine.failures') to fix: $(value '[.findings[] | select(.status == "FAIL") | .id] | join(",")')"

echo keep > "$work/connectors.txt"
run connectors-out-exists 2 "$cli" connectors --out "$work/connectors.txt" "$corpus/fl-healthy-ex2019-ems120.txt"
has "--force" "$ERR"; [ "$(cat "$work/connectors.txt")" = keep ] || problem "connectors.txt was overwritten without --force"
run connectors-out 0 "$cli" connectors --out "$work/connectors.txt" --force "$corpus/fl-healthy-ex2019-ems120.txt"
has "Bottom line: the connectors and certificates given are fine for mail with Exchange Online." "$work/connectors.txt"
report "tlsdoctor connectors --out FILE (exists) / --force (healthy hybrid)" "refused without --force; $(grep -m1 'Bottom line' "$work/connectors.txt" | cut -c1-80)"

run connectors-none 2 "$cli" connectors
has "Get-SendConnector | Export-Clixml send-connectors.xml" "$ERR"; has "tlsdoctor connectors send-connectors.xml" "$ERR"
report "tlsdoctor connectors (no files, not Windows)" "exit 2 with the $(grep -c 'Export-Clixml' "$ERR") export commands to run"

run connectors-bad 2 "$cli" connectors "$corpus/bad/table-default-view.txt"
has "this is a table" "$ERR"; has "| Format-List" "$ERR"
report "tlsdoctor connectors TABLE-VIEW.txt" "exit 2: $(head -n 1 "$ERR" | cut -c1-100)"

# --- logs: a folder and the same as a .zip ----------------------------------------------------------------------------
java -cp "$test_cp" io.tlsdoctor.core.logs.ProtocolLogGenerator "$work/logs" 1 > /dev/null
(cd "$work/logs" && jar --create --no-manifest --file "$work/logs.zip" .)
grep_failures=$(grep -rc 'TLS negotiation failed' "$work/logs" | awk -F: '{ s += $NF } END { print s }')
session_ids=$(find "$work/logs" -name '*.LOG' -exec awk -F, '!/^#/ && NF > 3 { print FILENAME ~ /SEND/ ? "S" $3 : "R" $3 }' {} + | sort -u | wc -l)
log_figures() { value '"\(.files|length) files, \(.lines) lines, \(.sessions) sessions, \(.symptoms.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED) TLS negotiation failures, \(.legacyTlsPartners|length) TLS 1.0/1.1 partners"'; }
for form in folder zip; do
  target="$work/logs"; [ $form = zip ] && target="$work/logs.zip"
  run "logs-$form" 0 "$cli" logs "$target" --json
  want .schema tlsdoctor.logs/1
  want .sessions "$session_ids"
  want '.symptoms.PROTOCOL_LOG_TLS_NEGOTIATION_FAILED + .symptoms.CERTIFICATE' "$grep_failures"
  [ "$(value '.legacyTlsPartners | length')" -gt 0 ] 2>/dev/null || problem "no TLS 1.0/1.1 partners"
  if [ $form = zip ]; then
    same='{sessions, lines, symptoms, remotes: [.remotes[] | del(.first, .last)] | length, legacy: .legacyTlsPartners}'
    [ "$(jq -c "$same" "$OUT")" == "$(jq -c "$same" "$work/out/logs-folder.out")" ] || problem "the .zip and the folder differ"
  fi
  report "tlsdoctor logs $([ $form = zip ] && echo FILE.zip || echo FOLDER) --json" "$(log_figures) (grep: $grep_failures failure rows, awk: $session_ids sessions)"
done
run logs-text 0 "$cli" --lang sv logs "$work/logs.zip" --since 2026-11-01
# Swedish number formats (decimal comma, a space between thousands) come from the runtime's locale data
grep -qE 'läste 5 protokolloggar \([0-9]+,[0-9] MB, [0-9]{3}.[0-9]{3} rader' "$OUT" \
  || problem "no Swedish number formats: $(head -n 1 "$OUT" | cut -c1-80)"
report "tlsdoctor --lang sv logs FILE.zip --since (text)" "$(wc -l < "$OUT") lines, Swedish figures: $(head -n 1 "$OUT" | grep -oE '\([^)]*\)' | head -n 1)"


# --- diagnose to the three formats, with and without --redact, and the review of the JSON -----------------------------
for redact in no yes; do
  name=diagnose; flag=(); [ $redact = yes ] && { name=diagnose-redacted; flag=(--redact); }
  run "$name" 0 "$cli" diagnose --evidence "$sample" --reg-file "$work/schannel.reg" --reg-file "$work/os-regedit4.reg" \
    --host "127.0.0.1:$tls12" --logs "$work/logs.zip" --out "$work/$name.html" --out "$work/$name.md" --out "$work/$name.json" "${flag[@]}"
  has "This server cannot send with TLS 1.2"
  want .schema tlsdoctor.summary/1 "$work/$name.json"; want .conclusion.cause TLS12_CLIENT_DISABLED "$work/$name.json"
  want .redacted "$([ $redact = yes ] && echo true || echo false)" "$work/$name.json"
  head -c 100 "$work/$name.html" | grep -qi '<!DOCTYPE html' || problem "$name.html is not an HTML page"
  has "421 4.4.2" "$work/$name.md"
  for file in "$work/$name.html" "$work/$name.md" "$work/$name.json"; do
    # host names, domains and routable addresses go; loopback stays (it identifies nobody), as the README says
    if [ $redact = yes ]; then lacks contoso.com "$file"; lacks fabrikam.com "$file"; lacks "198.51.100." "$file"; else has "fabrikam.com" "$file"; fi
  done
  report "tlsdoctor diagnose ... --out .html --out .md --out .json${flag[*]:+ ${flag[*]}}" \
    "cause $(value .conclusion.cause "$work/$name.json"), confidence $(value .conclusion.confidence "$work/$name.json"), redacted $(value .redacted "$work/$name.json"), $(wc -c < "$work/$name.html") / $(wc -c < "$work/$name.md") / $(wc -c < "$work/$name.json") bytes"
  run "review-$redact" 0 "$cli" review "$work/$name.json"
  has "This server cannot send with TLS 1.2"; has "Made by "
  if [ $redact = yes ]; then has "Names and addresses were hidden"; lacks fabrikam; else has fabrikam.com; fi
  report "tlsdoctor review $name.json" "$(head -n 1 "$OUT" | cut -c1-100)"
done

run diagnose-sv 0 "$cli" --lang sv diagnose --evidence "$swedish" --reg-file "$work/schannel.reg" --offline --out "$work/sv.html"
has "Slutsats"; has 'lang="sv"' "$work/sv.html"
report "tlsdoctor --lang sv diagnose --offline --out .html" "Swedish text and page ($(grep -o 'lang="sv"' "$work/sv.html" | head -n 1))"

# --- the wizard: its window on a virtual display, and a second start while it is open ---------------------------------
Xvfb -displayfd 5 -screen 0 1280x900x24 -nolisten tcp 5>"$work/display" 2>"$work/xvfb.log" &
pids+=($!)
for _ in $(seq 1 100); do [ -s "$work/display" ] && break; sleep 0.1; done
export DISPLAY=":$(cat "$work/display")"
windows() { xdotool search --onlyvisible --name '^TLS Doctor$' 2>/dev/null | wc -l; }
await_windows() { # await_windows N SECONDS
  local end=$(( $(date +%s) + $2 ))
  while [ "$(windows)" -lt "$1" ] && [ "$(date +%s)" -lt "$end" ]; do sleep 0.2; done
  [ "$(windows)" -ge "$1" ]
}
screenshot() { command -v xwd >/dev/null && command -v pnmtopng >/dev/null && xwd -root -silent | xwdtopnm 2>/dev/null | pnmtopng > "$1" 2>/dev/null; }
OUT="$work/out/wizard-1.out"; ERR="$work/out/wizard-1.err"; PROBLEMS=()
start=$(date +%s%N)
"$gui" >"$OUT" 2>"$ERR" &
first=$!; pids+=($first)
await_windows 1 90 || problem "no window titled 'TLS Doctor' within 90 s"
SECS=$(secs "$start")
sleep 2
kill -0 "$first" 2>/dev/null || problem "the wizard exited"
size=$(xwininfo -id "$(xdotool search --onlyvisible --name '^TLS Doctor$' | head -n 1)" 2>/dev/null | awk '/Width:/ { w = $2 } /Height:/ { h = $2 } END { print w "x" h }')
screenshot "$work/wizard.png" && shot="screenshot $work/wizard.png" || shot="no screenshot tool"
[ -f "$logs/wizard.0.log" ] && has "TLS Doctor $version started" "$logs/wizard.0.log" && has "step 1 of " "$logs/wizard.0.log" \
  || problem "the wizard's log $logs/wizard.0.log is missing or has no start and first step"
report "bin/TLS Doctor (Xvfb)" "window 'TLS Doctor' $size shown after $SECS s, process up, log $logs/wizard.0.log; $shot"

OUT="$work/out/wizard-2.out"; ERR="$work/out/wizard-2.err"; PROBLEMS=()
start=$(date +%s%N)
"$gui" >"$OUT" 2>"$ERR" &
second=$!; pids+=($second)
await_windows 2 90 || problem "the second start showed no window of its own ($(windows) window(s))"
SECS=$(secs "$start")
sleep 2
kill -0 "$first" 2>/dev/null || problem "the first wizard exited when the second started"
kill -0 "$second" 2>/dev/null || problem "the second wizard exited"
kill "$second"; wait "$second" 2>/dev/null
sleep 1
kill -0 "$first" 2>/dev/null && [ "$(windows)" -eq 1 ] || problem "closing the second wizard took the first one's window"
for file in "$work/out/wizard-1.err" "$work/out/wizard-2.err" "$work/out/wizard-1.out" "$work/out/wizard-2.out"; do
  if grep -qE 'Exception|^\s+at |Error' "$file"; then problem "$(basename "$file"): $(grep -m1 -E 'Exception|Error' "$file")"; fi
done
report "bin/TLS Doctor again while one is open" "a second independent window after $SECS s, both up; closing it leaves the first"
kill "$first" 2>/dev/null

total=$(secs "$suite_start")
echo "acceptance: $total s in all, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
