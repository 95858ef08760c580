#!/usr/bin/env bash
# Fault injection for `tlsdoctor fix apply` on a rehearsal store (a reg export), issue 21 items 1 and 4.
#
#   bench/interrupted-applies.sh [N]      (default N=20)
#
# 1. N applies, each a real process sent SIGTERM or SIGKILL (chosen at random) at a random moment between its
#    start and its end. To let the signal land inside the apply and not only in JVM start-up, the apply runs through
#    the test-only entry point io.tlsdoctor.cli.InterruptibleMain in "slow:150" mode: it waits 150 ms at each of its
#    checkpoints (backup saved, before and after the store is replaced). The product has no such pause. The signal
#    goes during start-up or 0-199 ms after a checkpoint chosen at random.
# 2. N pairs of applies of the same plan started together on one store.
# After each run the store must be byte-identical to the export before, or to the export fully changed (the same
# plan applied once, undisturbed); anything else is "partial". A run that printed "Done: every value" or "Nothing to
# do: every value" while the store does not hold the whole change is a "false success report".
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
WORK=$(mktemp -d /tmp/interrupted-applies.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

./mvnw -q -B -o -DskipTests test-compile 2>/dev/null || ./mvnw -q -B -DskipTests test-compile
./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/cp" >/dev/null
CP="target/test-classes:target/classes:$(cat "$WORK/cp")"
JAVA=(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$CP")

# A server's export with TLS 1.2 Client off, as reg export writes it (UTF-16LE with BOM, CRLF).
PROTOCOLS='HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols'
{
  printf '\xff\xfe'
  printf 'Windows Registry Editor Version 5.00\r\n\r\n; exported on EX01\r\n\r\n[%s\\TLS 1.2\\Client]\r\n"DisabledByDefault"=dword:00000001\r\n"Enabled"=dword:00000000\r\n\r\n[HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion]\r\n"ProductName"="Windows Server 2019 Standard"\r\n"CurrentBuild"="17763"\r\n\r\n' "$PROTOCOLS" \
    | iconv -f UTF-8 -t UTF-16LE
} > "$WORK/original.reg"
"${JAVA[@]}" io.tlsdoctor.app.Main fix plan --reg-file "$WORK/original.reg" --out "$WORK/plan.json" --lang=en >/dev/null
cp "$WORK/original.reg" "$WORK/after.reg"
"${JAVA[@]}" io.tlsdoctor.app.Main fix apply --plan "$WORK/plan.json" --store "$WORK/after.reg" --yes \
  --backups "$WORK/ref-backups" --lang=en >/dev/null
rm -f "$WORK/after.reg.tlsdoctor-lock"

state() { # before | after | partial
  if cmp -s "$1" "$WORK/original.reg"; then echo before
  elif cmp -s "$1" "$WORK/after.reg"; then echo after
  else echo partial; fi
}
claims_success() { grep -qE 'Done: every value|Nothing to do: every value' "$1"; }

tried=0; partial=0; false_success=0; finished_first=0; reported_next=0; needed_report=0
declare -A outcomes=()
for i in $(seq 1 "$N"); do
  run="$WORK/run$i"; mkdir -p "$run"
  cp "$WORK/original.reg" "$run/export.reg"
  signal=$([ $((RANDOM % 2)) -eq 0 ] && echo TERM || echo KILL)
  delay_ms=$((RANDOM % 1000))
  "${JAVA[@]}" io.tlsdoctor.cli.InterruptibleMain slow:150 "$run/checkpoints" fix apply --plan "$WORK/plan.json" \
    --store "$run/export.reg" --yes --backups "$run/backups" --lang=en >"$run/out" 2>"$run/err" &
  pid=$!
  # where to strike: during start-up (k=0), or just after the k-th checkpoint (1 backup saved, 2 all staged,
  # 3 store replaced), plus 0-199 ms; under load the JVM's start-up alone can take seconds
  k=$((RANDOM % 4))
  if [ "$k" -eq 0 ]; then
    sleep "$(printf '0.%03d' $((delay_ms % 1000)))"
  else
    while kill -0 "$pid" 2>/dev/null && [ "$(wc -l < "$run/checkpoints" 2>/dev/null || echo 0)" -lt "$k" ]; do sleep 0.02; done
    sleep "$(printf '0.%03d' $((RANDOM % 200)))"
  fi
  if kill -"$signal" "$pid" 2>/dev/null; then
    tried=$((tried + 1))
    last=$(tail -n 1 "$run/checkpoints" 2>/dev/null || echo start-up)
  else
    finished_first=$((finished_first + 1)); last=finished
  fi
  wait "$pid" 2>/dev/null || true
  s=$(state "$run/export.reg")
  outcomes["$signal@$last→$s"]=$(( ${outcomes["$signal@$last→$s"]:-0} + 1 ))
  [ "$s" = partial ] && partial=$((partial + 1))
  if claims_success "$run/out" && [ "$s" != after ]; then false_success=$((false_success + 1)); fi
  # An interruption after the backup was saved must be told by the next run on that store.
  if [ "$last" != finished ] && [ -d "$run/backups" ] && ls "$run/backups" | grep -q -- '-apply$'; then
    needed_report=$((needed_report + 1))
    "${JAVA[@]}" io.tlsdoctor.app.Main fix apply --plan "$WORK/plan.json" --store "$run/export.reg" --yes \
      --backups "$run/backups" --lang=en >"$run/next" 2>&1 || true
    if grep -q 'An earlier change to' "$run/next" || grep -q 'Interrupted' "$run/err"; then reported_next=$((reported_next + 1)); fi
    [ "$(state "$run/export.reg")" = after ] || partial=$((partial + 1))
  fi
done

pairs_false=0; pairs_partial=0; pairs_both=0; pairs_one_refused=0
for i in $(seq 1 "$N"); do
  run="$WORK/pair$i"; mkdir -p "$run"
  cp "$WORK/original.reg" "$run/export.reg"
  for who in a b; do
    "${JAVA[@]}" io.tlsdoctor.app.Main fix apply --plan "$WORK/plan.json" --store "$run/export.reg" --yes \
      --backups "$run/backups-$who" --lang=en >"$run/$who.out" 2>&1 &
  done
  wait || true
  s=$(state "$run/export.reg")
  [ "$s" = partial ] && pairs_partial=$((pairs_partial + 1))
  claimed=0
  for who in a b; do
    if claims_success "$run/$who.out"; then
      claimed=$((claimed + 1))
      [ "$s" = after ] || pairs_false=$((pairs_false + 1))
    elif grep -q 'Another TLS Doctor change' "$run/$who.out"; then
      pairs_one_refused=$((pairs_one_refused + 1))
    fi
  done
  [ "$claimed" = 2 ] && pairs_both=$((pairs_both + 1))
done

echo "interrupted applies: $N runs ($(uptime | sed 's/.*load average: //') load), SIGTERM/SIGKILL during start-up or 0-199 ms after a random checkpoint"
echo "  interruptions tried (signal reached a live apply): $tried"
echo "  finished before the signal: $finished_first"
echo "  stores left partial (target 0): $partial"
echo "  false success reports (target 0): $false_success"
echo "  interruptions after the backup that the run or the next run reported: $reported_next of $needed_report"
echo "  where the signal landed -> store state:"
for k in "${!outcomes[@]}"; do echo "    $k: ${outcomes[$k]}"; done | sort
echo "concurrent pairs: $N pairs of the same apply started together"
echo "  stores left partial (target 0): $pairs_partial"
echo "  false success reports (target 0): $pairs_false"
echo "  pairs where both reported success (one after the other): $pairs_both; runs refused as busy: $pairs_one_refused"
