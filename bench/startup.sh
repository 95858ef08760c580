#!/usr/bin/env bash
# Start-up benchmark (not a test): time from launch to the first shown window of the packaged TLS Doctor wizard,
# beside two baselines from the same jlink'd runtime with the same JVM options, alternating, on one Xvfb display:
#   - the bare controls of the wizard's first step (a label, a text area to paste into, a button, in a scroll pane;
#     nothing of TLS Doctor's): the issue's reference, target TLS Doctor <= 1.3 x this;
#   - a bare JavaFX window with one label: the least any JavaFX program shows.
# Every window is started two ways, so that a ratio never compares two different ways of starting:
#   - "launcher": through a jpackage launcher, as a user starts it (the wizard's bin/"TLS Doctor"; the baselines get
#     app-images of their own, made here by jpackage with the wizard's runtime and JVM options). On Linux every
#     jpackage launcher first asks rpm and dpkg whether a package installed it (see README, Performance), and that
#     cost is in all three;
#   - "direct": the runtime's own bin/java with the same options, no launcher at all.
# Prints every run, the medians, both ratios per way, the sizes and the load average.
# Usage: bench/startup.sh [RUNS]   (default 7; builds the app-image first when target/installer has none)
# Needs Xvfb and xdotool (Debian: xvfb, xdotool); installs them when missing (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
app="target/installer/dist/TLS Doctor"
runtime=target/installer/runtime
cfg="$app/lib/app/TLS Doctor.cfg"

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
# The wizard remembers its window and language; a scratch state folder keeps every run a first start.
export DISPLAY=$display XDG_STATE_HOME="$work/state" XDG_DATA_HOME="$work/data"
for _ in $(seq 50); do xdotool getmouselocation >/dev/null 2>&1 && break; sleep 0.1; done

jdk_bin=$(dirname "$(readlink -f "$(command -v javac)")")
"$jdk_bin/javac" -d "$work/bare" -cp "target/installer/fx/*" --release 17 bench/BareWindow.java
mkdir -p "$work/input"
"$jdk_bin/jar" --create --file "$work/input/bare.jar" -C "$work/bare" .

# The wizard's JVM options as its launcher passes them (less jpackage's own app-version property).
mapfile -t jvm_options < <(sed -n 's/^java-options=//p' "$cfg" | grep -v '^-Djpackage.app-version=')
main_module=$(sed -n 's/^app.mainmodule=//p' "$cfg")
jpackage_options=()
for option in "${jvm_options[@]}"; do jpackage_options+=(--java-options "$option"); done
# The baselines' app-images: the wizard's runtime and JVM options, a jpackage launcher of the same JDK.
bare_image() {
  local name=$1; shift
  "$jdk_bin/jpackage" --type app-image --name "$name" --dest "$work/apps" --input "$work/input" \
    --main-jar bare.jar --main-class BareWindow --runtime-image "$runtime" "${jpackage_options[@]}" "$@"
}
bare_image bare
bare_image controls --arguments controls

# time_to_window TITLE COMMAND...: "WALL CPU" in milliseconds from launch until a visible window with exactly that
# title exists. CPU is the process's user+system time then, with that of the child processes it has waited for
# (a launcher's package queries), and is less skewed by other people's load than wall time.
time_to_window() {
  local title=$1; shift
  local start end pid stat fields
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 &
  pid=$!
  until xdotool search --onlyvisible --name "^$title\$" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "bench: $title ($1) exited before showing a window" >&2; exit 1; fi
    sleep 0.01
  done
  end=$(date +%s%N)
  # After the command name, which is in parentheses and may hold spaces ("TLS Doctor"): field 3 onwards.
  stat=$(<"/proc/$pid/stat")
  read -r -a fields <<<"${stat##*) }"
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$(((end - start) / 1000000)) $(((fields[11] + fields[12] + fields[13] + fields[14]) * 1000 / $(getconf CLK_TCK)))"
}
run_app_launcher() { time_to_window "TLS Doctor" "$app/bin/TLS Doctor"; }
run_controls_launcher() { time_to_window "Bare JavaFX controls" "$work/apps/controls/bin/controls"; }
run_bare_launcher() { time_to_window "Bare JavaFX" "$work/apps/bare/bin/bare"; }
run_app_direct() { time_to_window "TLS Doctor" "$runtime/bin/java" "${jvm_options[@]}" -m "$main_module"; }
run_controls_direct() {
  time_to_window "Bare JavaFX controls" "$runtime/bin/java" "${jvm_options[@]}" -cp "$work/bare" BareWindow controls
}
run_bare_direct() { time_to_window "Bare JavaFX" "$runtime/bin/java" "${jvm_options[@]}" -cp "$work/bare" BareWindow; }

variants=(app_launcher controls_launcher bare_launcher app_direct controls_direct bare_direct)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for variant in "${variants[@]}"; do "run_$variant" >/dev/null; done # warm the file cache for all, not counted
declare -A wall cpu
for i in $(seq "$runs"); do
  line="run $i:"
  for variant in "${variants[@]}"; do
    read -r w c < <("run_$variant")
    wall[$variant]+="$w " cpu[$variant]+="$c "
    line+=" $variant $w ms (CPU $c ms),"
  done
  echo "${line%,}; load $(cut -d' ' -f1 /proc/loadavg)"
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
for way in launcher direct; do
  aw=$(median "${wall[app_$way]}") cw=$(median "${wall[controls_$way]}") bw=$(median "${wall[bare_$way]}")
  ac=$(median "${cpu[app_$way]}") cc=$(median "${cpu[controls_$way]}") bc=$(median "${cpu[bare_$way]}")
  echo "$way, median of $runs runs, time to first window: TLS Doctor $aw ms, bare controls $cw ms, bare window $bw ms;" \
    "TLS Doctor / bare controls $(ratio "$aw" "$cw") (target <= 1.30), / bare window $(ratio "$aw" "$bw")"
  echo "$way, median of $runs runs, CPU until then:       TLS Doctor $ac ms, bare controls $cc ms, bare window $bc ms;" \
    "TLS Doctor / bare controls $(ratio "$ac" "$cc"), / bare window $(ratio "$ac" "$bc")"
done
echo "load average (1/5/15 min): before $load_before, after $load_after; $(nproc) cores"
echo "sizes: runtime $(du -sh "$runtime" | cut -f1) (CDS archive $(du -h "$runtime/lib/server/classes.jsa" | cut -f1))," \
  "app-image $(du -sh "$app" | cut -f1)"
for package in target/installer/dist/*.deb target/installer/dist/*.msi; do
  if [ -e "$package" ]; then echo "       $(basename "$package") $(du -h "$package" | cut -f1)"; fi
done
echo "JVM options of all: ${jvm_options[*]}; $("$runtime/bin/java" -version 2>&1 | head -1); $(uname -sr)"
