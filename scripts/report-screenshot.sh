#!/usr/bin/env bash
# Builds the HTML backtest report for the bundled MangaAssist config and 28-day synthetic trace,
# then screenshots it in headless Chromium: the whole trace, and the 24 hours around the 5x release
# (Monday 21 December 2026 00:00 JST, the trace's third Monday).
#
#   scripts/report-screenshot.sh [OUT_DIR]     (default docs/img; SKIP_BUILD=1 reuses the jar)
#
# Needs Java 17, Maven and Debian's chromium package (apt-get install -y chromium).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/docs/img}
jar=$root/controller/target/capacityctl.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v chromium >/dev/null || { echo "chromium not found: apt-get install -y chromium" >&2; exit 1; }
if [[ ${SKIP_BUILD:-0} != 1 || ! -f $jar ]]; then
  (cd "$root" && mvn -B -q -pl controller package -DskipTests)
fi
mkdir -p "$out"

report=$work/report.html
java -jar "$jar" simulate --report "$report"
echo "report size: $(wc -c <"$report") bytes"

# shot URL_FRAGMENT HEIGHT FILE: the page at 1400 px wide, HEIGHT px tall.
shot() {
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile-$3" --hide-scrollbars --window-size="1400,$2" \
    --screenshot="$out/$3" "file://$report$1" 2>/dev/null
  echo "$out/$3: $(wc -c <"$out/$3") bytes"
}
shot "" 1510 report-overview.png
shot "#from=2026-12-20T18:00&to=2026-12-21T18:00" 1510 report-release.png
