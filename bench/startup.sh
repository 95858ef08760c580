#!/usr/bin/env bash
# Start-up benchmark (not a test): time from launch to the first shown window of the packaged TLS Doctor, beside a
# bare JavaFX window (one label) started from the same jlink'd runtime, alternating, on one Xvfb display.
# Prints every run, the medians, the ratio (target: TLS Doctor <= 1.3 x bare), the sizes and the load average.
# A third window, the bare controls of the first step (a text area to paste into, a button, a scroll pane), shows
# how much of the difference any window that takes pasted text pays before its own content.
# Usage: bench/startup.sh [RUNS]   (default 7; builds the app-image first when target/installer has none)
# Needs Xvfb and xdotool (Debian: xvfb, xdotool); installs them when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
app="target/installer/dist/TLS Doctor"
runtime=target/installer/runtime

missing=()
command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ -x "$app/bin/TLS Doctor" ] || installer/build.sh

work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
cleanup() { kill "$xvfb" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export DISPLAY=$display
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

javac_bin=$(dirname "$(readlink -f "$(command -v javac)")")
"$javac_bin/javac" -d "$work/bare" -cp "target/installer/fx/*" --release 17 bench/BareWindow.java

# time_to_window TITLE COMMAND...: "WALL CPU" in milliseconds from launch until a visible window with exactly that
# title exists; CPU is the process's user+system time then (less skewed by other people's load than wall time).
time_to_window() {
  local title=$1; shift
  local start end pid stat
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "^$title\$" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "bench: $title exited before showing a window" >&2; exit 1; fi
    sleep 0.01
  done
  end=$(date +%s%N)
  read -r -a stat < "/proc/$pid/stat"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$(((end - start) / 1000000)) $(((stat[13] + stat[14]) * 1000 / $(getconf CLK_TCK)))"
}
# The bare window gets the same JVM options as the wizard's launcher, so only what the app does differs.
mapfile -t jvm_options < <(sed -n 's/^java-options=//p' "$app/lib/app/TLS Doctor.cfg")
run_app() { time_to_window "TLS Doctor" "$app/bin/TLS Doctor"; }
run_bare() { time_to_window "Bare JavaFX" "$runtime/bin/java" "${jvm_options[@]}" -cp "$work/bare" BareWindow; }
run_controls() { time_to_window "Bare JavaFX controls" "$runtime/bin/java" "${jvm_options[@]}" -cp "$work/bare" BareWindow controls; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run_app >/dev/null # warm the file cache for both, not counted
run_bare >/dev/null
run_controls >/dev/null
app_wall=() app_cpu=() bare_wall=() bare_cpu=() controls_wall=() controls_cpu=()
for i in $(seq "$runs"); do
  read -r wall cpu < <(run_app); app_wall+=("$wall"); app_cpu+=("$cpu")
  read -r wall cpu < <(run_bare); bare_wall+=("$wall"); bare_cpu+=("$cpu")
  read -r wall cpu < <(run_controls); controls_wall+=("$wall"); controls_cpu+=("$cpu")
  echo "run $i: TLS Doctor ${app_wall[-1]} ms (CPU ${app_cpu[-1]} ms), bare JavaFX ${bare_wall[-1]} ms (CPU ${bare_cpu[-1]} ms)," \
    "bare controls ${controls_wall[-1]} ms (CPU ${controls_cpu[-1]} ms)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
aw=$(median "${app_wall[@]}") bw=$(median "${bare_wall[@]}") ac=$(median "${app_cpu[@]}") bc=$(median "${bare_cpu[@]}")
cw=$(median "${controls_wall[@]}") cc=$(median "${controls_cpu[@]}")
echo "median of $runs runs, time to first window: TLS Doctor $aw ms, bare JavaFX $bw ms, ratio $(ratio "$aw" "$bw") (target <= 1.30)"
echo "median of $runs runs, CPU until then:       TLS Doctor $ac ms, bare JavaFX $bc ms, ratio $(ratio "$ac" "$bc")"
echo "bare controls of the first step:           $cw ms ($(ratio "$cw" "$bw") x bare), CPU $cc ms ($(ratio "$cc" "$bc") x bare)"
echo "load average (1/5/15 min): before $load_before, after $load_after; $(nproc) cores"
echo "sizes: runtime $(du -sh "$runtime" | cut -f1) (CDS archive $(du -h "$runtime/lib/server/classes.jsa" | cut -f1))," \
  "app-image $(du -sh "$app" | cut -f1)"
for package in target/installer/dist/*.deb target/installer/dist/*.msi; do
  if [ -e "$package" ]; then echo "       $(basename "$package") $(du -h "$package" | cut -f1)"; fi
done
echo "JVM options of both: ${jvm_options[*]}; $(java -version 2>&1 | head -1); $(uname -sr)"
