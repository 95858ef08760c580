#!/usr/bin/env bash
# Protocol-log analysis benchmark (issue 5). Not a test: run it by hand, on an otherwise quiet machine if you can.
#
#   bench/logs-benchmark.sh [MEGABYTES]      (default 1100; needs about that much free disk under $BENCH_DIR)
#
# 1. builds target/tlsdoctor.jar and the test classes (the generator and the CSV reference live in test scope),
# 2. generates MEGABYTES of realistic SEND/RECV logs with ProtocolLogGenerator,
# 3. warms the page cache, then times, best of $RUNS, on the same files (wall clock and user+sys CPU seconds):
#      a. java OPTIONS -Xmx256m -jar target/tlsdoctor.jar logs DIR --json   (the full analysis, JVM start included;
#         OPTIONS are the packaged command line's, from installer/cli-launcher.properties)
#      b. grep -rc 'TLS negotiation failed' DIR                      (the byte-scan floor)
#      c. CsvLibraryParse: commons-csv, rows grouped by session       (what a script would do)
# 4. prints the ratios, the peak heap (from the GC log, under -Xmx256m) and the machine load before and after,
# 5. deletes the generated logs unless KEEP=1.
set -euo pipefail
cd "$(dirname "$0")/.."

MEGABYTES=${1:-1100}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tlsdoctor-logs-bench}
DATA="$BENCH_DIR/logs"
OUT="$BENCH_DIR/out"

echo "== build"
./mvnw -q -B -o -DskipTests package 2>/dev/null || ./mvnw -q -B -DskipTests package
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_DIR.cp" >/dev/null
TEST_CP="target/test-classes:target/classes:$(cat "$BENCH_DIR.cp")"

mkdir -p "$BENCH_DIR" "$OUT"
if [[ ! -f "$DATA/.complete-$MEGABYTES" ]]; then
    echo "== generate $MEGABYTES MB of protocol logs in $DATA"
    rm -rf "$DATA"
    java -cp "$TEST_CP" io.tlsdoctor.core.logs.ProtocolLogGenerator "$DATA" "$MEGABYTES"
    touch "$DATA/.complete-$MEGABYTES"
fi
BYTES=$(find "$DATA" -type f -name '*.LOG' -printf '%s\n' | awk '{s+=$1} END {print s}')
FILES=$(find "$DATA" -type f -name '*.LOG' | wc -l)
echo "   $FILES files, $((BYTES / 1048576)) MB"

echo "== warm the page cache"
find "$DATA" -type f -name '*.LOG' -exec cat {} + > /dev/null
find "$DATA" -type f -name '*.LOG' -exec cat {} + > /dev/null

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

# Runs "$@" $RUNS times; sets BEST_WALL (the best wall-clock seconds) and BEST_CPU (the least user+sys CPU seconds,
# which a busy machine disturbs less than wall time). Output of the last run kept in $OUT/$name.out.
best() {
    local name=$1; shift
    BEST_WALL=""
    BEST_CPU=""
    local TIMEFORMAT='%R %U %S'
    for ((i = 1; i <= RUNS; i++)); do
        local wall user sys cpu
        { time "$@" > "$OUT/$name.out" 2> "$OUT/$name.err" ; } 2> "$OUT/$name.time"
        read -r wall user sys < "$OUT/$name.time"
        cpu=$(echo "$user + $sys" | bc -l)
        echo "   $name run $i: $(printf '%.3f' "$wall") s wall, $(printf '%.3f' "$cpu") s CPU (user $user + sys $sys), load $(cut -d' ' -f1 /proc/loadavg)"
        if [[ -z "$BEST_WALL" ]] || (( $(echo "$wall < $BEST_WALL" | bc -l) )); then BEST_WALL=$wall; fi
        if [[ -z "$BEST_CPU" ]] || (( $(echo "$cpu < $BEST_CPU" | bc -l) )); then BEST_CPU=$cpu; fi
    done
}

echo "== time (best of $RUNS)"
# grep's output goes to a file: with stdout on /dev/null GNU grep stops at the first match.
best grep grep -rc 'TLS negotiation failed' "$DATA"
T_GREP=$BEST_WALL; C_GREP=$BEST_CPU
# With the JVM options of the packaged command line (installer/cli-launcher.properties), as users run it.
# one java-options line, split at spaces as jpackage does
read -ra CLI_OPTIONS <<< "$(sed -n 's/^java-options=//p' installer/cli-launcher.properties)"
echo "   TLS Doctor runs with the packaged command line's JVM options: ${CLI_OPTIONS[*]}"
best tlsdoctor java "${CLI_OPTIONS[@]}" -Xmx256m "-Xlog:gc:file=$OUT/gc.log" -jar target/tlsdoctor.jar logs "$DATA" --json
T_TLS=$BEST_WALL; C_TLS=$BEST_CPU
best csv java -cp "$TEST_CP" io.tlsdoctor.bench.CsvLibraryParse "$DATA"
T_CSV=$BEST_WALL; C_CSV=$BEST_CPU

LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
GREP_COUNT=$(awk -F: '{s+=$NF} END {print s}' "$OUT/grep.out")
TLS_COUNT=$(python3 -c "import json,sys; d=json.load(open('$OUT/tlsdoctor.out')); s=d['symptoms']; print(s['PROTOCOL_LOG_TLS_NEGOTIATION_FAILED']+s['CERTIFICATE'])")
SESSIONS=$(python3 -c "import json; print(json.load(open('$OUT/tlsdoctor.out'))['sessions'])")
# Peak heap in use: the largest "before" figure of any collection ("Pause Young ... 120M->20M(256M)").
PEAK_HEAP=$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$OUT/gc.log" | sed 's/M->.*//' | sort -n | tail -1)

echo
echo "== result ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER)"
printf '   data:       %d files, %.0f MB, %s sessions\n' "$FILES" "$(echo "$BYTES / 1048576" | bc -l)" "$SESSIONS"
printf '   grep -c:    %7.3f s wall %7.3f s CPU  (%.0f MB/s)  %s lines with TLS negotiation failed\n' "$T_GREP" "$C_GREP" "$(echo "$BYTES / 1048576 / $T_GREP" | bc -l)" "$GREP_COUNT"
printf '   tlsdoctor:  %7.3f s wall %7.3f s CPU  (%.0f MB/s)  %s such rows classified (SocketError + certificate lookalikes)\n' "$T_TLS" "$C_TLS" "$(echo "$BYTES / 1048576 / $T_TLS" | bc -l)" "$TLS_COUNT"
printf '   commons-csv:%7.3f s wall %7.3f s CPU  (%.0f MB/s)  %s\n' "$T_CSV" "$C_CSV" "$(echo "$BYTES / 1048576 / $T_CSV" | bc -l)" "$(cat "$OUT/csv.out")"
printf '   tlsdoctor / grep:        %.2fx wall, %.2fx CPU   (target <= 5x)\n' "$(echo "$T_TLS / $T_GREP" | bc -l)" "$(echo "$C_TLS / $C_GREP" | bc -l)"
printf '   commons-csv / tlsdoctor: %.2fx wall, %.2fx CPU   (target >= 20x)\n' "$(echo "$T_CSV / $T_TLS" | bc -l)" "$(echo "$C_CSV / $C_TLS" | bc -l)"
printf '   heap: -Xmx256m held; peak heap in use before a collection: %s MB\n' "${PEAK_HEAP:-?}"
if [[ "$GREP_COUNT" != "$TLS_COUNT" ]]; then
    echo "   WARNING: grep found $GREP_COUNT failure lines, TLS Doctor classified $TLS_COUNT" >&2
fi

if [[ "${KEEP:-0}" != "1" ]]; then
    rm -rf "$DATA"
    echo "   (generated logs deleted; KEEP=1 keeps them)"
fi
