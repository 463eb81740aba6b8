#!/usr/bin/env bash
# Records packaging/startup.classlist: the classes the desktop loads up to its sign-in screen, which
# startup-archive.sh turns into a class-data-sharing archive at `mvn package`. Run it again (it needs
# xvfb-run) when start-up code changes a lot; StartupClassListTest fails when most listed app classes are gone.
set -eu
cd "$(dirname "$0")/.."
[ -s target/beatwise.jar ] || mvn -B -q -DskipTests package
home=$(mktemp -d) log=$(mktemp)
list="$PWD/packaging/startup.classlist"
xvfb-run -a bash -c '
  java -XX:DumpLoadedClassList="$1" -XX:+UseSerialGC -Xms32m -Xmx1g -jar target/beatwise.jar --home "$2" >"$3" 2>&1 & pid=$!
  for _ in $(seq 1 300); do grep -q "sign-in screen shown" "$3" && break; sleep 0.2; done
  sleep 1; kill -TERM "$pid"; wait "$pid"' _ "$list" "$home" "$log" || true
grep -q "sign-in screen shown" "$log" || { echo "the app did not reach its sign-in screen:" >&2; cat "$log" >&2; exit 1; }
rm -rf "$home" "$log"
echo "recorded $(grep -vc '^#' "$list") classes in $list"
