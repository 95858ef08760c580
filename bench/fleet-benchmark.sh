#!/usr/bin/env bash
# Fleet comparison benchmark (issue 16). Not a test: run it by hand, on an otherwise quiet machine if you can.
#
#   bench/fleet-benchmark.sh
#
#   COUNTS="10 50 100 500"   share sizes for part 1
#   RUNS=3                   best of RUNS for each figure of part 1
#   LATENCY_MS=400 DEADLINES=2,5,10 CONCURRENCIES=4,8,16 LIVE_SERVERS=100   part 2
#   BENCH_DIR                where the shares go; default /tmp/tlsdoctor-fleet-bench
#
# 1. compare: N collect files (FleetShare: the real .reg reader, then ServerSnapshot.writeInto) compared by
#    'tlsdoctor compare --json DIR' in a fresh JVM with the packaged command line's options and -Xmx256m (JVM start
#    included): wall and CPU seconds (best of RUNS), peak RSS (GNU time) and the file sizes; then the same with
#    -Xmx32m, to show the heap a comparison needs stays small.
# 2. live: FleetCollection over the offline twin standing in for the network (FleetLiveBench): every server answers
#    after LATENCY_MS, every 10th is down (fails after 3 s), every 20th is stuck 60 s ignoring interruption; the total
#    wall time per deadline and concurrency, beside the lower bound the numbers predict (slot-seconds / concurrency).
# Prints the load average (1 min) with every figure.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNTS=${COUNTS:-10 50 100 500}
RUNS=${RUNS:-3}
LATENCY_MS=${LATENCY_MS:-400}
DEADLINES=${DEADLINES:-2,5,10}
CONCURRENCIES=${CONCURRENCIES:-4,8,16}
LIVE_SERVERS=${LIVE_SERVERS:-100}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/tlsdoctor-fleet-bench}
TIME=/usr/bin/time
[[ -x $TIME ]] || { echo "needs GNU time (Debian: apt-get install time)" >&2; exit 1; }

echo "== build (classes; the same code as target/tlsdoctor.jar)"
./mvnw -q -B -o test-compile 2>/dev/null || ./mvnw -q -B test-compile
mkdir -p "$BENCH_DIR"
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$BENCH_DIR/cp" >/dev/null
CP="target/classes:$(cat "$BENCH_DIR/cp")"
TEST_CP="target/test-classes:$CP"
read -r -a CLI_OPTIONS <<< "$(sed -n 's/^java-options=//p' installer/cli-launcher.properties | tr '\n' ' ')"
echo "   $(java -version 2>&1 | head -1); $(nproc) cores; $(uname -sr); JVM options ${CLI_OPTIONS[*]}"
load() { cut -d' ' -f1 /proc/loadavg; }

echo
echo "== 1. compare N snapshots"
echo "| servers | files MB | wall s (best of $RUNS) | CPU s | peak RSS MB | -Xmx32m | load |"
echo "|---|---|---|---|---|---|---|"
for n in $COUNTS; do
    share="$BENCH_DIR/share-$n"
    if [[ ! -d $share ]]; then
        java -cp "$TEST_CP" io.tlsdoctor.bench.FleetShare "$share" "$n"
    fi
    mb=$(du -sm "$share" | cut -f1)
    best_wall="" best_cpu="" peak=0 loads=""
    for ((i = 1; i <= RUNS; i++)); do
        loads="$loads $(load)"
        $TIME -f '%e %U %S %M' -o "$BENCH_DIR/time" java "${CLI_OPTIONS[@]}" -Xmx256m -cp "$CP" io.tlsdoctor.app.Main \
            compare --json "$share" > "$BENCH_DIR/out-$n.json"
        read -r wall user sys rss < "$BENCH_DIR/time"
        cpu=$(echo "$user + $sys" | bc)
        if [[ -z $best_wall ]] || (( $(echo "$wall < $best_wall" | bc) )); then best_wall=$wall; fi
        if [[ -z $best_cpu ]] || (( $(echo "$cpu < $best_cpu" | bc) )); then best_cpu=$cpu; fi
        (( rss > peak )) && peak=$rss
    done
    servers=$(grep -o '"servers" : [0-9]*' "$BENCH_DIR/out-$n.json" | grep -o '[0-9]*$' || true)
    small=$(java "${CLI_OPTIONS[@]}" -Xmx32m -cp "$CP" io.tlsdoctor.app.Main compare --json "$share" > /dev/null 2>&1 && echo ok || echo FAILED)
    echo "| $n ($servers rows) | $mb | $best_wall | $best_cpu | $((peak / 1024)) | $small | $loads |"
done

echo
echo "== 2. live, $LIVE_SERVERS servers through the offline twin (load $(load))"
live="$BENCH_DIR/live-$LIVE_SERVERS"
if [[ ! -d $live ]]; then
    java -cp "$TEST_CP" io.tlsdoctor.bench.FleetShare "$live" "$LIVE_SERVERS"
fi
java -cp "$TEST_CP" io.tlsdoctor.bench.FleetLiveBench "$live" "$LATENCY_MS" "$DEADLINES" "$CONCURRENCIES"
echo "   load at the end: $(load)"
