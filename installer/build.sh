#!/usr/bin/env bash
# Builds the packaged TLS Doctor on Linux (the Windows twin is build.ps1, which also makes the MSI):
#   target/installer/runtime        jlink'd Java runtime holding TLS Doctor as the module io.tlsdoctor with the
#                                   modules it requires (JavaFX, Jackson, picocli, JNA and the JDK's), the
#                                   charsets, EC crypto, DNS naming and en/sv/de/fr locale data; plus a
#                                   class-data-sharing archive trained on a real start (command line and wizard)
#   target/installer/dist/TLS Doctor/   jpackage app-image: bin/"TLS Doctor" (wizard), bin/tlsdoctor (command line)
#   target/installer/dist/*.deb     with --deb (needs fakeroot and dpkg-deb)
# Usage: installer/build.sh [--deb] [--skip-maven]
#   --skip-maven  reuse target/ from an earlier `./mvnw -Pinstaller -DskipTests package`
# The training run opens the wizard: without a DISPLAY it runs under xvfb-run (Debian: xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."

deb=false
maven=true
for arg in "$@"; do
  case "$arg" in
    --deb) deb=true ;;
    --skip-maven) maven=false ;;
    *) echo "usage: installer/build.sh [--deb] [--skip-maven]" >&2; exit 2 ;;
  esac
done

if [ -z "${JAVA_HOME:-}" ]; then
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
fi
jdk="$JAVA_HOME/bin"
for tool in jdeps jlink jpackage javac jar; do
  [ -x "$jdk/$tool" ] || { echo "installer/build.sh: $jdk/$tool is missing: JAVA_HOME must be a full JDK 17" >&2; exit 2; }
done

if $maven; then
  ./mvnw -B -q -DskipTests -Pinstaller package
fi

out=target/installer
version=$(sed -n 's/^version=//p' target/classes/io/tlsdoctor/version.properties)
# jpackage wants numbers only (MSI: major.minor.build): Maven derives them from the project version into
# version.properties (0.1.0-SNAPSHOT -> 0.1.0), where `tlsdoctor --version` reads them too.
app_version=$(sed -n 's/^packageVersion=//p' target/classes/io/tlsdoctor/version.properties)
[[ "$app_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "installer/build.sh: '$app_version' (from $version) is not major.minor.build" >&2; exit 2; }

# Everything goes into the jlink'd runtime as a module: JavaFX, the libraries (all of them modular jars) and TLS
# Doctor itself. Only classes in the runtime image can be in the runtime's own class-data-sharing archive, the one
# that survives installing into any folder (see below), so the app jar is turned into a module here; development
# and tests keep using it on the class path.
rm -rf "$out/fx" "$out/mods" "$out/app" "$out/module" "$out/runtime" "$out/dist" "$out/training"
mkdir -p "$out/fx" "$out/mods" "$out/app" "$out/module/classes" "$out/training"
cp "$out"/lib/javafx-*-linux.jar "$out/fx/"
find "$out/lib" -name '*.jar' ! -name 'javafx-*' -exec cp {} "$out/mods/" \;
cp "target/tls-doctor-$version.jar" "$out/app/tls-doctor.jar"

# The module descriptor: jdeps writes the requires from what the code uses (so a library joins the runtime once
# the code uses it); it is an open module because Jackson, picocli and JavaFX reach into our classes by
# reflection, and it exports the entry points (the launchers and the CDS training run call them).
"$jdk/jdeps" --multi-release 17 --module-path "$out/fx:$out/mods" --generate-open-module "$out/module/generated" \
  "$out/app/tls-doctor.jar" >/dev/null
sed -e 's/^open module [a-z.]* {/open module io.tlsdoctor {\n    exports io.tlsdoctor.app;\n    exports io.tlsdoctor.cli;/' \
  "$(find "$out/module/generated" -name module-info.java)" > "$out/module/module-info.java"
"$jdk/javac" --module-path "$out/fx:$out/mods" --patch-module io.tlsdoctor="$out/app/tls-doctor.jar" \
  -d "$out/module/classes" "$out/module/module-info.java"
cp "$out/app/tls-doctor.jar" "$out/mods/tls-doctor.jar"
"$jdk/jar" --update --file "$out/mods/tls-doctor.jar" --main-class io.tlsdoctor.app.Main -C "$out/module/classes" module-info.class

# jlink follows the requires; the modules loaded by name or by service are added by hand because no requires
# names them: Windows-1252 evidence files (jdk.charsets), ECDHE handshakes (jdk.crypto.ec), MX lookups
# (jdk.naming.dns), and Swedish/German/French text (jdk.localedata).
modules=io.tlsdoctor,jdk.charsets,jdk.crypto.ec,jdk.naming.dns,jdk.localedata
echo "runtime modules: $modules and what they require"
"$jdk/jlink" --module-path "$out/fx:$out/mods" --add-modules "$modules" --include-locales=en,sv,de,fr \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --exclude-resources='glob:/javafx.graphics/*.so' --output "$out/runtime"
# The JavaFX natives next to the JDK's own, where the runtime loads them from instead of unpacking them into the
# user's home on first start.
unzip -q -o -j "$out"/fx/javafx-graphics-*-linux.jar '*.so' -d "$out/runtime/lib"

# Class-data sharing: record the classes a real start loads, then dump them into the runtime's default archive
# (lib/server/classes.jsa), which every launch maps without any option. JDK 17 keeps an archived class only while
# its source is where it was at dump time; for the runtime image (lib/modules) that check ignores the folder, for
# class-path jars it does not (a -XX:SharedArchiveFile archive is dropped once an MSI installs into another folder:
# "Required classpath entry does not exist"). So TLS Doctor's own classes, Jackson's and JavaFX's are archived
# because they live in lib/modules.
"$jdk/javac" -d "$out/training" -cp "$out/mods/*:$out/fx/*" --release 17 \
  installer/training/io/tlsdoctor/installer/CdsTraining.java
train=("$out/runtime/bin/java" -XX:DumpLoadedClassList="$out/training/classes.lst"
  -cp "$out/training" io.tlsdoctor.installer.CdsTraining installer/samples/ndr-421-socketerror.txt)
if [ -n "${DISPLAY:-}" ]; then "${train[@]}"; else xvfb-run -a "${train[@]}"; fi
"$out/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$out/training/classes.lst" \
  > "$out/training/dump.log" 2>&1 || { cat "$out/training/dump.log" >&2; exit 1; }
echo "CDS archive: $(du -h "$out/runtime/lib/server/classes.jsa" | cut -f1), $(wc -l < "$out/training/classes.lst") classes listed"

common=(--name "TLS Doctor" --app-version "$app_version" --vendor "TLS Doctor"
  --description "Troubleshoots Exchange to Exchange Online mail flow broken by TLS 1.0/1.1 disablement"
  --copyright "Apache License 2.0" --dest "$out/dist")
# The wizard's JVM compiles with C1 only: on 2 busy cores C2 compiling in the background cost about a third of the
# CPU time before the window shows (3.2 s -> 1.9 s), and the wizard's own work is small. The serial collector was
# no faster (and G1 keeps the archived heap objects of the CDS archive). The command line is C1-only too (see
# installer/cli-launcher.properties).
# A young generation of at least 48 MB: G1 starts with about 18 MB here and collected once before the window showed
# (a 35-70 ms pause); the wizard allocates about 28 MB until then. CompileThresholdScaling=2 compiles only methods
# run twice as often: C1 spent about 0.5 s of CPU before the window, and the start took about 0.1 s less (two
# alternating pairs of bench/startup.sh 5 at load 2: 1701/1647 ms -> 1527/1548 ms).
wizard_jvm=(--java-options -XX:TieredStopAtLevel=1 --java-options -XX:NewSize=48m --java-options -XX:CompileThresholdScaling=2)
"$jdk/jpackage" --type app-image "${common[@]}" --icon icons/tlsdoctor-256.png \
  --module io.tlsdoctor/io.tlsdoctor.app.Main "${wizard_jvm[@]}" \
  --runtime-image "$out/runtime" --add-launcher tlsdoctor=installer/cli-launcher.properties
echo "app-image: $out/dist/TLS Doctor ($(du -sh "$out/dist/TLS Doctor" | cut -f1))"

if $deb; then
  # A menu entry for the wizard only. JDK 17's jpackage gives every launcher the app-image's .jpackage.xml names a
  # .desktop file: it does not read linux-shortcut=false from cli-launcher.properties (that came with JDK 18,
  # JDK-8269387), and an entry for the command line would start it without a terminal. So the .deb is made while
  # that file names the wizard alone (bin/tlsdoctor is installed all the same) and the file is put back after.
  state="$out/dist/TLS Doctor/lib/app/.jpackage.xml"
  cp "$state" "$out/jpackage-state.xml"
  sed -i 's|<add-launcher>[^<]*</add-launcher>||g' "$state"
  status=0
  "$jdk/jpackage" --type deb "${common[@]}" --app-image "$out/dist/TLS Doctor" \
    --linux-package-name tlsdoctor --linux-shortcut --linux-menu-group Network \
    --license-file LICENSE --icon icons/tlsdoctor-256.png || status=$?
  cp "$out/jpackage-state.xml" "$state"
  [ "$status" -eq 0 ] || exit "$status"
  echo "deb: $(ls "$out"/dist/*.deb)"
fi
