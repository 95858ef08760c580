#!/usr/bin/env bash
# Hostile inputs through the real command line (issue 21 items 5, 6, 7). Not a test: run it by hand.
#
#   bench/hostile-inputs.sh
#
# 1. builds target/tlsdoctor.jar and the test classes (the identifier-rich case lives in test scope),
# 2. makes each hostile input (endless streams, a line of 8 MB, a key 20,000 levels deep, too many keys or lines,
#    escape sequences in an NDR, a log and a zip entry name, an identifier-rich case),
# 3. runs each through `java OPTIONS -Xmx512m -jar target/tlsdoctor.jar ...` (OPTIONS: the packaged command line's,
#    from installer/cli-launcher.properties) and prints per input: wall time and peak RSS against its stated limit,
#    the exit code, whether a stack trace or raw control characters reached the terminal,
# 4. redacts the identifier-rich case to .md, .html and .json and counts the identifiers left (target 0).
# Exit status 1 when any input broke its limit, printed a stack trace or control characters, or leaked a name.
set -uo pipefail
cd "$(dirname "$0")/.."

WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/tlsdoctor-hostile-bench}
TIME_LIMIT=${TIME_LIMIT:-60}        # seconds per input, JVM start included, on a loaded 2-core machine
RSS_LIMIT_MB=${RSS_LIMIT_MB:-768}   # peak resident memory per input under -Xmx512m
rm -rf "$WORK" && mkdir -p "$WORK"

echo "== build"
./mvnw -q -B -o -DskipTests package 2>/dev/null || ./mvnw -q -B -DskipTests package
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
TEST_CP="target/test-classes:target/classes:$(cat "$WORK/cp")"
read -r -a CLI_OPTIONS <<< "$(sed -n 's/^java-options=//p' installer/cli-launcher.properties | tr '\n' ' ')"
TLSDOCTOR=(java "${CLI_OPTIONS[@]}" -Xmx512m -jar target/tlsdoctor.jar)
echo "   ${TLSDOCTOR[*]}"
echo "   load before: $(uptime | sed 's/.*load average: //')   $(date -u +%H:%M) UTC"

echo "== make the inputs in $WORK"
python3 - "$WORK" <<'PY'
import sys, os, zipfile
w = sys.argv[1]
esc = "\x1b]0;PWNED\x07\x1b[2J\u009b31m\u202eevil\u202c\u200bhidden"
phrase = "TLS negotiation failed with error SocketError "
open(f"{w}/line-8mb.txt", "w").write(phrase * (8 * 1024 * 1024 // len(phrase)))
open(f"{w}/lines-199999.txt", "w").write("421 4.4.2 Connection dropped due to SocketError\n" * 199_999)
open(f"{w}/lines-200001.txt", "w").write("y\n" * 200_001)
open(f"{w}/ndr-escapes.txt", "w").write("Delivery has failed to these recipients or groups:\n"
    "Remote Server returned '421 4.4.2 Connection dropped due to SocketError' " + esc + "\n")
def reg(name, body):
    open(f"{w}/{name}", "wb").write(("\ufeffWindows Registry Editor Version 5.00\r\n\r\n" + body + "\r\n").encode("utf-16-le"))
reg("deep-20000.reg", "[HKEY_LOCAL_MACHINE\\SOFTWARE\\" + "\\".join(f"k{i}" for i in range(20_000)) + "]\r\n\"x\"=dword:00000001")
reg("levels-600.reg", "[HKEY_LOCAL_MACHINE" + "\\k" * 600 + "]")
reg("keys-200001.reg", "".join(f"[HKEY_LOCAL_MACHINE\\SOFTWARE\\k{i}]\r\n" for i in range(200_001)))
rows = "\r\n".join(["#Software: Microsoft Exchange Server", "#Version: 15.02.1544.004", "#Log-type: SMTP Send Protocol Log",
    "#Date: 2026-11-27T08:00:00.000Z",
    "#Fields: date-time,connector-id,session-id,sequence-number,local-endpoint,remote-endpoint,event,data,context",
    "2026-11-27T08:00:00.100Z,Outbound,08DE2C1A00000000,0,,104.47.22.138:25,+,,attempting to connect",
    "2026-11-27T08:00:00.300Z,Outbound,08DE2C1A00000000,1,10.0.0.5:5000,104.47.22.138:25,>,EHLO ex01" + esc + ",",
    "2026-11-27T08:00:00.700Z,Outbound,08DE2C1A00000000,2,10.0.0.5:5000,104.47.22.138:25,*,,TLS negotiation failed with error SocketError",
    "2026-11-27T08:00:00.800Z,Outbound,08DE2C1A00000000,3,10.0.0.5:5000,104.47.22.138:25,-,,Remote(SocketError)", ""])
with zipfile.ZipFile(f"{w}/logs-escapes.zip", "w") as z:
    z.writestr("SmtpSend" + esc + "/SEND20261127-1.LOG", rows)
    z.writestr("RECV20261127-1.LOG\n  All logs clean: no TLS problems found\x1b[2J", b"\0\1\2\3\0\0\0\0")
PY
java -cp "$TEST_CP" io.tlsdoctor.core.report.IdentifierRichCase "$WORK/identifiers"

FAILED=0
WORST_TIME=0
WORST_RSS=0
printf '\n%-34s %9s %10s %5s %6s %8s  %s\n' "input" "wall s" "peak MB" "exit" "trace" "ctrl" "result"
# run NAME EXPECTED_EXIT ARGS...: times one run, checks the limits, what reached the terminal and the exit code
run() {
    local name=$1 expected=$2
    shift 2
    local out="$WORK/$name.out"
    /usr/bin/time -f '%e %M' -o "$WORK/$name.time" "${TLSDOCTOR[@]}" "$@" > "$out" 2>&1 < /dev/null
    local code=$?
    read -r wall rss_kb < <(tail -1 "$WORK/$name.time") # time writes "Command exited with…" first when it is not 0
    local rss_mb=$((rss_kb / 1024))
    local trace=no ctrl
    grep -qE '^\s+at [a-z]+\.|Exception in thread|OutOfMemoryError' "$out" && trace=yes
    ctrl=$(LC_ALL=C grep -c $'\x1b\|\x07\|\xc2\x9b\|\xe2\x80\xae\|\xe2\x80\x8b' "$out")
    local verdict=ok
    if awk "BEGIN {exit !($wall > $TIME_LIMIT)}" || ((rss_mb > RSS_LIMIT_MB)) || [[ $trace == yes ]] || ((ctrl > 0)) \
            || [[ $code != "$expected" ]]; then
        verdict="FAILED (expected exit $expected)"
        FAILED=1
    fi
    awk "BEGIN {exit !($wall > $WORST_TIME)}" && WORST_TIME=$wall
    ((rss_mb > WORST_RSS)) && WORST_RSS=$rss_mb
    printf '%-34s %5s/%-3s %5s/%-4s %5s %6s %8s  %s\n' "$name" "$wall" "$TIME_LIMIT" "$rss_mb" "$RSS_LIMIT_MB" "$code" \
        "$trace" "$ctrl" "$verdict: $(grep -v '^\s*$' "$out" | tail -1 | cut -c1-90)"
}

run classify-line-8mb          0 classify "$WORK/line-8mb.txt"
run classify-lines-199999      0 classify "$WORK/lines-199999.txt"
run classify-lines-200001      2 classify "$WORK/lines-200001.txt"
run classify-yes-endless       2 classify <(yes)
run classify-dev-zero          2 classify /dev/zero
run classify-ndr-escapes       0 classify "$WORK/ndr-escapes.txt"
run diagnose-evidence-dev-zero 2 diagnose --offline --evidence /dev/zero
run registry-dev-zero          2 registry --reg-file /dev/zero
run registry-key-20000-deep    2 registry --reg-file "$WORK/deep-20000.reg"
run registry-key-600-levels    2 registry --reg-file "$WORK/levels-600.reg"
run registry-200001-keys       2 registry --reg-file "$WORK/keys-200001.reg"
run logs-zip-escapes           0 logs "$WORK/logs-escapes.zip"

echo
echo "== identifiers leaked under redaction (the identifier-rich case through diagnose --offline)"
CASE="$WORK/identifiers"
run diagnose-identifiers-plain    1 diagnose --offline --evidence "$CASE/ndr.txt" --logs "$CASE/EXCH2016_logs" \
    --out "$CASE/plain.json"
run diagnose-identifiers-redacted 1 diagnose --offline --evidence "$CASE/ndr.txt" --logs "$CASE/EXCH2016_logs" \
    --redact --out "$CASE/redacted.md" --out "$CASE/redacted.html" --out "$CASE/redacted.json"
python3 - "$CASE" <<'PY' || FAILED=1
import sys, html, re
case = sys.argv[1]
names = [l for l in open(f"{case}/identifiers.txt", encoding="utf-8").read().splitlines() if l]
def readable(path):
    text = open(path, encoding="utf-8").read()
    text = html.unescape(text).replace('\\"', '"')
    return re.sub(r'\\([\\\W])', r'\1', text).lower()
try:
    plain = readable(f"{case}/plain.json")
except FileNotFoundError:
    print("   the plain summary was not written"); sys.exit(1)
present = [n for n in names if n.lower() in plain]
leaked = {}
for form in ("md", "html", "json"):
    text = readable(f"{case}/redacted.{form}")
    leaked[form] = [n for n in present if n.lower() in text]
print(f"   identifiers in the case: {len(names)}; in the plain summary: {len(present)}")
for form, names_left in leaked.items():
    print(f"   identifiers leaked under redaction, .{form}: {len(names_left)} {names_left if names_left else ''}")
sys.exit(1 if any(leaked.values()) else 0)
PY

echo
echo "worst wall time ${WORST_TIME} s (limit $TIME_LIMIT), worst peak RSS ${WORST_RSS} MB (limit $RSS_LIMIT_MB)"
echo "load after: $(uptime | sed 's/.*load average: //')   $(date -u +%H:%M) UTC"
exit $FAILED
