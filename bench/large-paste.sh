#!/usr/bin/env bash
# A large paste into the real wizard (issue 19 item 6). Not a test: run it by hand.
#
#   bench/large-paste.sh [MB]      (default 20)
#
# 1. builds target/classes and the runtime class path,
# 2. runs bench/LargePasteBench.java on an Xvfb display with the wizard launcher's JVM options (installer/build.sh):
#    the real window, the paste through the clipboard into the paste box as a user does; prints how long the paste
#    held the UI thread, the UI thread's longest stall until the whole paste was recognised, the time until
#    "Recognised:", the box's size, Stop's response time on a second paste, peak heap and peak RSS,
# 3. runs the same text through `tlsdoctor classify` (the packaged command line's options) for comparison: wall time
#    and peak RSS from /usr/bin/time.
# Needs Xvfb (xvfb-run). Prints the load average before and after, since figures on a shared machine depend on it.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-20}
work=${BENCH_DIR:-${TMPDIR:-/tmp}/tlsdoctor-large-paste}
rm -rf "$work" && mkdir -p "$work"

echo "== build"
./mvnw -q -B -o -DskipTests package 2>/dev/null || ./mvnw -q -B -DskipTests package
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$work/cp" >/dev/null
cp="target/classes:$(cat "$work/cp")"
javac -d "$work/bench" -cp "$cp" --release 17 bench/LargePasteBench.java
# the wizard launcher's options, as installer/build.sh hands them to jpackage
read -r -a wizard_options <<< "$(sed -n 's/^wizard_jvm=(\(.*\))$/\1/p' installer/build.sh | sed 's/--java-options //g')"
read -r -a cli_options <<< "$(sed -n 's/^java-options=//p' installer/cli-launcher.properties | tr '\n' ' ')"
echo "   wizard: java ${wizard_options[*]}   command line: java ${cli_options[*]}"
echo "   load before: $(cut -d' ' -f1-3 /proc/loadavg)   $(date -u +%H:%M) UTC"

echo "== the wizard, ${mb} MB pasted"
xvfb-run -a -s "-screen 0 1280x1024x24" java "${wizard_options[@]}" -Dprism.order=sw -cp "$work/bench:$cp" LargePasteBench "$mb"

echo "== the command line, the same text"
python3 - "$work/paste.txt" "$mb" <<'PY'
import sys
path, mb = sys.argv[1], int(sys.argv[2])
session = [
    "2026-11-27T08:00:00.100Z,Outbound to Office 365,08DE2C1A00000000,0,,104.47.22.138:25,+,,attempting to connect\r\n",
    "2026-11-27T08:00:00.300Z,Outbound to Office 365,08DE2C1A00000000,1,10.0.0.5:12345,104.47.22.138:25,<,220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready,\r\n",
    "2026-11-27T08:00:00.400Z,Outbound to Office 365,08DE2C1A00000000,2,10.0.0.5:12345,104.47.22.138:25,>,EHLO ex01.contoso.com,\r\n",
    "2026-11-27T08:00:00.500Z,Outbound to Office 365,08DE2C1A00000000,3,10.0.0.5:12345,104.47.22.138:25,<,250-STARTTLS,\r\n",
]
out, n, i = [], 0, 0
while n < mb * 1024 * 1024:
    out.append(session[i % 4]); n += len(session[i % 4]); i += 1
out.append("Remote Server returned '421 4.4.2 Connection dropped due to SocketError'\r\n")
open(path, "w", newline="").write("".join(out))
PY
/usr/bin/time -f "classify: %e s wall, %M KB peak RSS, exit %x" java "${cli_options[@]}" -jar target/tlsdoctor.jar classify "$work/paste.txt" \
  | grep -E "^(TLS Doctor|Recognised|[0-9]+ lines)|421" | head -3 || true
echo "   load after: $(cut -d' ' -f1-3 /proc/loadavg)   $(date -u +%H:%M) UTC"
