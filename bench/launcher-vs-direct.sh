#!/usr/bin/env bash
# Start-up of the same packaged wizard two ways, alternating (not a test): through jpackage's launcher
# (`bin/TLS Doctor`) and through the app-image's own runtime `java` with the launcher's cfg options and main module.
# Shows what the launcher itself costs before the JVM starts (on Linux it asks rpm and dpkg whether it was installed
# from a package; see README, Performance).
# Usage: bench/launcher-vs-direct.sh [RUNS]   (default 5; needs the app-image of installer/build.sh, Xvfb, xdotool)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
app="target/installer/dist/TLS Doctor"
cfg="$app/lib/app/TLS Doctor.cfg"
[ -x "$app/bin/TLS Doctor" ] || { echo "launcher-vs-direct: no app-image at '$app' (run installer/build.sh)" >&2; exit 2; }
for tool in Xvfb xdotool; do
  command -v "$tool" >/dev/null 2>&1 || { echo "launcher-vs-direct: $tool is missing (Debian: xvfb, xdotool)" >&2; exit 2; }
done

work=$(mktemp -d)
display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$work"' EXIT
export DISPLAY=$display XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg")
main=$(sed -n 's/^app.mainmodule=//p' "$cfg")

# milliseconds from launch until the wizard's window is visible
time_to_window() {
  local start end pid
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name '^TLS Doctor$' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "launcher-vs-direct: $1 exited before showing a window" >&2; exit 1; }
    sleep 0.01
  done
  end=$(date +%s%N)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo $(((end - start) / 1000000))
}

launcher=()
direct=()
for i in $(seq "$runs"); do
  l=$(time_to_window "$app/bin/TLS Doctor")
  d=$(time_to_window "$app/lib/runtime/bin/java" "${options[@]}" -m "$main")
  launcher+=("$l")
  direct+=("$d")
  echo "run $i: through the launcher $l ms, the runtime's java directly $d ms, load $(cut -d' ' -f1 /proc/loadavg)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "median of $runs runs: through the launcher $(median "${launcher[@]}") ms, directly $(median "${direct[@]}") ms"
