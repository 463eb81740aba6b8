#!/usr/bin/env bash
# Class-data sharing for `java -jar target/beatwise.jar` (issue #17, start-up): the classes the desktop loads
# up to its sign-in screen (packaging/startup.classlist) are parsed, verified and laid out once, at build
# time, into target/beatwise.jsa; the README's run command maps that file instead of doing the same work
# on every start. No display is needed here: the list was recorded once by record-startup-classes.sh.
#
# A missing or stale archive (another JDK, a rebuilt jar) is never an error: the JVM then starts without
# it, silently under -Xlog:cds=off. So this script only warns when it cannot make one.
set -u
jar="$1" list="$2" out="$3"
tmp="$out.tmp"
rm -f "$out" "$tmp"
if java -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$tmp" -Xlog:cds=off \
     -XX:+UseSerialGC -cp "$jar" >"$tmp.log" 2>&1 && [ -s "$tmp" ]; then
  mv "$tmp" "$out"
  rm -f "$tmp.log"
else
  echo "startup-archive: no class-data-sharing archive; the app starts without it (see $tmp.log)" >&2
  rm -f "$tmp"
fi
exit 0
