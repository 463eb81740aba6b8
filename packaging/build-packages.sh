#!/usr/bin/env bash
# Builds the offline-station packages: a Linux app-image (always) and a .deb (unless --app-image-only),
# each carrying its own trimmed Java runtime. Run from anywhere; output goes to target/dist/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"

app_image_only=false
[ "${1:-}" = "--app-image-only" ] && app_image_only=true

# What jpackage needs on the build machine, installed here and never by hand.
need=()
command -v objcopy >/dev/null 2>&1 || need+=(binutils)
$app_image_only || command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "packaging: please install ${need[*]} (needs root)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

[ -f target/beatwise.jar ] || mvn -B -q -DskipTests package

version=$(unzip -p target/beatwise.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
input=target/package-input
runtime=target/package-runtime
dist=target/dist
rm -rf "$input" "$runtime" "$dist"
mkdir -p "$input/lib" "$dist"
cp target/beatwise.jar "$input/"
cp target/lib/*.jar "$input/lib/"

# The runtime holds the modules the app and its libraries use (jdeps), plus those found only by name
# at run time: windows-1252 for imports (jdk.charsets), the jar file system for migrations (jdk.zipfs),
# and locale data for dates.
modules=$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 \
          --class-path "$input/lib/*" "$input/beatwise.jar" "$input"/lib/*.jar 2>/dev/null | tail -1)
modules="$modules,jdk.charsets,jdk.zipfs,jdk.localedata"
echo "packaging: runtime modules $modules"
# --generate-cds-archive: the runtime's own class-data-sharing archive, which the app's archive below builds on
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
      --strip-native-debug-symbols objcopy=/usr/bin/objcopy --output "$runtime"

common=(--name Beatwise --app-version "${version%%-*}" --vendor "Beatwise" \
        --input "$input" --main-jar beatwise.jar --main-class org.beatwise.app.Main \
        --runtime-image "$runtime" --icon "$here/beatwise.png" \
        --description "Crime analysis workstation for offline stations" \
        --java-options "-Dcom.github.fommil.netlib.ARPACK=com.github.fommil.netlib.F2jARPACK" \
        --java-options "-Xss2m" \
        --java-options "-XX:+UseSerialGC" --java-options "-Xms32m" --java-options "-Xmx1g")
# Memory (issue #14): the serial collector grows the heap only as far as the live data needs, so training
# on Mattapan peaks at about 230 MB resident instead of 530 MB with G1's default sizing, while 1 GB leaves
# room for larger datasets. On two cores it also spent less CPU than G1 on the import.

jpackage --type app-image --dest "$dist" "${common[@]}"

# Class-data sharing for a faster start: one run of the app-image up to its sign-in screen (under Xvfb)
# records the classes it loaded into lib/app/beatwise.jsa, which the launcher then maps instead of
# loading and verifying them again. JDK 17 ties the archive to the folder it was made in: a copy of the
# image elsewhere (and the .deb, built from the plain input) starts without it, silently (-Xlog:cds=off).
app="$dist/Beatwise"
jsa="$(cd "$app/lib/app" && pwd)/beatwise.jsa"
if command -v xvfb-run >/dev/null 2>&1; then
  train_home=$(mktemp -d); train_log=$(mktemp)
  # shellcheck disable=SC2016
  JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$jsa" timeout 300 xvfb-run -a bash -c '
    "$1" --home "$2" >"$3" 2>&1 & pid=$!
    for _ in $(seq 1 600); do grep -q "sign-in screen shown" "$3" && break; sleep 0.2; done
    sleep 1; kill -TERM "$pid"; wait "$pid"' _ "$app/bin/Beatwise" "$train_home" "$train_log" || true
  grep -q "sign-in screen shown" "$train_log" || { echo "packaging: the training run did not reach the sign-in screen:" >&2; cat "$train_log" >&2; }
  rm -rf "$train_home" "$train_log"
  if [ -s "$jsa" ] && JAVA_TOOL_OPTIONS="-Xshare:on -XX:SharedArchiveFile=$jsa" "$app/bin/Beatwise" --version >/dev/null 2>&1; then
    sed -i '/^\[JavaOptions\]/a java-options=-XX:SharedArchiveFile=$APPDIR/beatwise.jsa\njava-options=-Xlog:cds=off\njava-options=-Xlog:cds+dynamic=off' \
        "$app/lib/app/Beatwise.cfg"
    echo "packaging: class-data-sharing archive $(du -h "$jsa" | cut -f1) in $jsa"
  else
    rm -f "$jsa"
    echo "packaging: no class-data-sharing archive (it could not be made or used); the app starts without it" >&2
  fi
else
  echo "packaging: no xvfb-run, so no class-data-sharing archive; the app starts without it (apt-get install xvfb xauth)" >&2
fi
echo "packaging: app-image $(du -sh "$dist/Beatwise" | cut -f1) in $dist/Beatwise"

if ! $app_image_only; then
  jpackage --type deb --dest "$dist" "${common[@]}" \
           --linux-package-name beatwise --linux-shortcut --linux-menu-group "Office" \
           --linux-app-category misc \
           --linux-package-deps "libgtk-3-0, libxtst6, libxxf86vm1, libgl1, xdg-utils"
  echo "packaging: $(ls "$dist"/*.deb)"
fi
