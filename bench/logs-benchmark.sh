#!/usr/bin/env bash
# Protocol-log analysis benchmark (issues 5 and 15). Not a test: run it by hand, on an otherwise quiet machine if you can.
#
#   bench/logs-benchmark.sh [MEGABYTES]      (default 1024 per shape)
#
#   SHAPES="classic busy servers zip"  the data shapes (ProtocolLogGenerator.Shape), each MEGABYTES big:
#        classic  the first benchmark's data: one server, one connector per direction, five partners, 8 sessions open
#        busy     an internet-facing server: 300 sessions open, quoted Russian/Swedish connector names, 66,000
#                 receive remotes, EHLO names, senders and certificates per partner; FrontEnd and Hub logs
#        servers  the same from two Mailbox servers and an Edge Transport server, in one folder
#        zip      servers in one .zip (grep's side: unzip -p ZIP | grep -c)
#   BIG_MEGABYTES=5120 BIG_SHAPE=busy  one more, larger case (BIG_MEGABYTES=0 leaves it out); BIG_RUNS=1
#   RUNS=3       best of RUNS for each figure
#   BENCH_DIR    where the data goes (needs about MEGABYTES x shapes + BIG_MEGABYTES free); default /tmp/...
#   KEEP=1       keeps the generated data (it is regenerated only when missing)
#   BASELINE_JAR another build's tlsdoctor.jar (the one before a change): its `logs --json` of every shape is compared
#                with this build's, keys sorted (jq -S), and the run ends non-zero when any differs. To make one:
#                git archive REV | tar -x -C DIR && (cd DIR && ./mvnw -q -o -DskipTests package); DIR/target/tlsdoctor.jar
#
# For each shape, after reading the files twice to warm the page cache, in the same run:
#   a. grep -rc 'TLS negotiation failed' DIR > file   (the byte-scan floor; with stdout on /dev/null GNU grep stops
#      at the first match)
#   b. java OPTIONS -Xmx256m -jar target/tlsdoctor.jar logs DIR --json > file   (OPTIONS: the packaged command line's,
#      from installer/cli-launcher.properties; JVM start included)
#   c. classic only: CsvLibraryParse, a commons-csv parse grouping rows by session (what a script would do)
# and prints wall and CPU (user+sys) seconds, best of RUNS, the ratio to grep, the peak heap in use (GC log) and
# peak RSS (/usr/bin/time), whether any run ran out of memory, the failure rows each counted, and the load average
# (1 min) at every run. Ends with one Markdown table row per shape for the README.
set -euo pipefail
cd "$(dirname "$0")/.."

MEGABYTES=${1:-1024}
SHAPES=${SHAPES:-classic busy servers zip}
BIG_MEGABYTES=${BIG_MEGABYTES:-5120}
BIG_SHAPE=${BIG_SHAPE:-busy}
BIG_RUNS=${BIG_RUNS:-1}
RUNS=${RUNS:-3}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tlsdoctor-logs-bench}
OUT="$BENCH_DIR/out"
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "needs GNU time (Debian: apt-get install time)" >&2; exit 1; }

echo "== build"
./mvnw -q -B -o -DskipTests package 2>/dev/null || ./mvnw -q -B -DskipTests package
mkdir -p "$BENCH_DIR" "$OUT"
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_DIR/cp" >/dev/null
TEST_CP="target/test-classes:target/classes:$(cat "$BENCH_DIR/cp")"
# The packaged command line's JVM options, however many per java-options line.
read -r -a CLI_OPTIONS <<< "$(sed -n 's/^java-options=//p' installer/cli-launcher.properties | tr '\n' ' ')"
echo "   TLS Doctor runs with the packaged command line's JVM options: ${CLI_OPTIONS[*]} -Xmx256m"
echo "   $(java -version 2>&1 | head -1); $(nproc) cores; $(uname -sr)"

load() { cut -d' ' -f1 /proc/loadavg; }

# measure NAME RUNS COMMAND...: runs COMMAND (a bash -c string) RUNS times under GNU time; sets BEST_WALL,
# BEST_CPU (least user+sys), PEAK_RSS (MB, largest), LOADS (1-min load at each run). Output of the last run in
# $OUT/NAME.out, its stderr in $OUT/NAME.err.
measure() {
    local name=$1 runs=$2 command=$3
    BEST_WALL="" BEST_CPU="" PEAK_RSS=0 LOADS=""
    for ((i = 1; i <= runs; i++)); do
        local before wall user sys rss cpu
        before=$(load)
        $TIME -f '%e %U %S %M' -o "$OUT/$name.time" bash -c "$command" > "$OUT/$name.out" 2> "$OUT/$name.err" || true
        read -r wall user sys rss < <(tail -1 "$OUT/$name.time")
        cpu=$(echo "$user + $sys" | bc -l)
        LOADS="$LOADS${LOADS:+/}$before"
        echo "   $name run $i: $(printf '%.3f' "$wall") s wall, $(printf '%.3f' "$cpu") s CPU, peak RSS $((rss / 1024)) MB, load $before"
        if [[ -z "$BEST_WALL" ]] || (( $(echo "$wall < $BEST_WALL" | bc -l) )); then BEST_WALL=$wall; fi
        if [[ -z "$BEST_CPU" ]] || (( $(echo "$cpu < $BEST_CPU" | bc -l) )); then BEST_CPU=$cpu; fi
        if (( rss / 1024 > PEAK_RSS )); then PEAK_RSS=$((rss / 1024)); fi
    done
}

ROWS=()
DIFFERENT_JSON=""
run_shape() {
    local shape=$1 megabytes=$2 runs=$3
    local data="$BENCH_DIR/$shape-$megabytes"
    echo
    echo "== $shape, $megabytes MB"
    if [[ ! -f "$data/.complete" ]]; then
        rm -rf "$data"
        echo "   generating in $data"
        java -cp "$TEST_CP" io.tlsdoctor.core.logs.ProtocolLogGenerator "$data" "$megabytes" "$shape"
        touch "$data/.complete"
    fi
    local bytes files zip=""
    bytes=$(find "$data" -type f \( -name '*.LOG' -o -name '*.zip' \) -printf '%s\n' | awk '{s+=$1} END {printf "%.0f\n", s}')
    files=$(find "$data" -type f -name '*.LOG' | wc -l)
    if [[ $shape == zip ]]; then
        zip="$data/logs.zip"
        files=$(unzip -Z1 "$zip" | grep -c '\.LOG$')
        bytes=$(unzip -Zt "$zip" | awk '{print $3}')
    fi
    echo "   $files files, $((bytes / 1048576)) MB of logs$([[ -n $zip ]] && echo ", $(( $(stat -c %s "$zip") / 1048576 )) MB zipped")"
    find "$data" -type f \( -name '*.LOG' -o -name '*.zip' \) -exec cat {} + > /dev/null
    find "$data" -type f \( -name '*.LOG' -o -name '*.zip' \) -exec cat {} + > /dev/null

    local grep_command="grep -rc 'TLS negotiation failed' '$data'"
    [[ -n $zip ]] && grep_command="unzip -p '$zip' | grep -c 'TLS negotiation failed'"
    measure "grep-$shape" "$runs" "$grep_command"
    local t_grep=$BEST_WALL c_grep=$BEST_CPU loads_grep=$LOADS
    local grep_count
    grep_count=$(awk -F: '{s+=$NF} END {print s}' "$OUT/grep-$shape.out")

    rm -f "$OUT"/gc-"$shape"-*.log
    measure "tlsdoctor-$shape" "$runs" "java ${CLI_OPTIONS[*]} -Xmx256m -Xlog:gc:file=$OUT/gc-$shape-\$\$.log -jar target/tlsdoctor.jar logs '$data' --json"
    local t_tls=$BEST_WALL c_tls=$BEST_CPU rss=$PEAK_RSS loads_tls=$LOADS
    local oom="no" tls_count sessions remotes peak_heap
    if grep -q OutOfMemoryError "$OUT/tlsdoctor-$shape.err"; then oom="YES"; fi
    tls_count=$(python3 -c "import json; d=json.load(open('$OUT/tlsdoctor-$shape.out')); s=d['symptoms']; print(s['PROTOCOL_LOG_TLS_NEGOTIATION_FAILED']+s['CERTIFICATE'])" 2>/dev/null || echo "?")
    sessions=$(python3 -c "import json; print(json.load(open('$OUT/tlsdoctor-$shape.out'))['sessions'])" 2>/dev/null || echo "?")
    remotes=$(python3 -c "import json; print(len(json.load(open('$OUT/tlsdoctor-$shape.out'))['remotes']))" 2>/dev/null || echo "?")
    # Peak heap in use: the largest "before" figure of any collection ("Pause Young ... 120M->20M(256M)").
    peak_heap=$(cat "$OUT"/gc-"$shape"-*.log | grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' | sed 's/M->.*//' | sort -n | tail -1 || true)

    local same="–"
    if [[ -n "${BASELINE_JAR:-}" ]]; then
        java "${CLI_OPTIONS[@]}" -Xmx256m -jar "$BASELINE_JAR" logs "$data" --json > "$OUT/baseline-$shape.json" 2> "$OUT/baseline-$shape.err" || true
        if cmp -s <(jq -S . "$OUT/baseline-$shape.json") <(jq -S . "$OUT/tlsdoctor-$shape.out"); then
            same="same"
        else
            same="DIFFERENT"
            DIFFERENT_JSON="$DIFFERENT_JSON $shape"
        fi
        echo "      JSON against $BASELINE_JAR: $same"
    fi

    local csv_figure="–"
    if [[ $shape == classic && "${CSV:-1}" == 1 ]]; then
        measure "csv-$shape" "$runs" "java -cp '$TEST_CP' io.tlsdoctor.bench.CsvLibraryParse '$data'"
        csv_figure="$(printf '%.2f s (%.2f CPU), %.2fx TLS Doctor' "$BEST_WALL" "$BEST_CPU" "$(echo "$BEST_WALL / $t_tls" | bc -l)")"
    fi
    local ratio cratio
    ratio=$(printf '%.2f' "$(echo "$t_tls / $t_grep" | bc -l)")
    cratio=$(printf '%.2f' "$(echo "$c_tls / $c_grep" | bc -l)")
    echo "   -> grep $(printf '%.3f' "$t_grep") s ($(printf '%.2f' "$c_grep") CPU), TLS Doctor $(printf '%.3f' "$t_tls") s ($(printf '%.2f' "$c_tls") CPU):" \
        "${ratio}x wall, ${cratio}x CPU (target <= 5x); peak heap ${peak_heap:-?} MB of 256, peak RSS $rss MB, OutOfMemoryError: $oom"
    echo "      $sessions sessions, $remotes remotes; failure rows: grep $grep_count, TLS Doctor $tls_count$([[ "$grep_count" != "$tls_count" ]] && echo '  <-- DIFFER')"
    if [[ $csv_figure != "–" ]]; then echo "      commons-csv: $csv_figure"; fi
    ROWS+=("| $shape | $((bytes / 1048576)) MB, $files files, $sessions sessions, $remotes remotes | $(date -u +%H:%M) | $loads_grep; $loads_tls | $(printf '%.3f' "$t_grep") s ($(printf '%.2f' "$c_grep")) | $(printf '%.3f' "$t_tls") s ($(printf '%.2f' "$c_tls")) | **${ratio}x** (${cratio}x CPU) | ${peak_heap:-?} MB | $rss MB | $oom | $same | $csv_figure |")
    if [[ "${KEEP:-0}" != "1" ]]; then
        rm -rf "$data"
    fi
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
for shape in $SHAPES; do
    run_shape "$shape" "$MEGABYTES" "$RUNS"
done
if (( BIG_MEGABYTES > 0 )); then
    run_shape "$BIG_SHAPE" "$BIG_MEGABYTES" "$BIG_RUNS"
fi
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "== result ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before $LOAD_BEFORE, after $LOAD_AFTER; best of $RUNS, BIG best of $BIG_RUNS)"
echo "| shape | data | at (UTC) | load (1 min) at each run: grep; TLS Doctor | grep -c, s (CPU) | TLS Doctor, s (CPU) | TLS Doctor / grep | peak heap | peak RSS | OutOfMemoryError | JSON as baseline | commons-csv |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${ROWS[@]}"
[[ "${KEEP:-0}" == "1" ]] || echo "(generated logs deleted; KEEP=1 keeps them)"
if [[ -n "$DIFFERENT_JSON" ]]; then
    echo "JSON differs from the baseline's on:$DIFFERENT_JSON (see $OUT/baseline-*.json)" >&2
    exit 1
fi
