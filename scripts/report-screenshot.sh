#!/usr/bin/env bash
# Builds the HTML backtest report for the bundled MangaAssist config and 28-day synthetic trace, with
# a five-budget frontier, then screenshots it in headless Chromium: the first screen (headline,
# frontier, tables), and the charts over the 24 hours around the 5x release (Monday 21 December
# 2026 00:00 JST, the trace's third Monday).
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
  (cd "$root" && mvn -B -q -pl controller -am package -DskipTests)
fi
mkdir -p "$out"

report=$work/report.html
java -XX:TieredStopAtLevel=1 -jar "$jar" simulate --frontier --report "$report"
echo "report size: $(wc -c <"$report") bytes"

flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars
  --force-device-scale-factor=1)
# shot URL_FRAGMENT HEIGHT FILE: the page at 1400 px wide, HEIGHT px tall.
shot() {
  timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-$3" --window-size="1400,$2" \
    --screenshot="$work/$3" "file://$report$1" 2>/dev/null
}
shot "" 1330 report-overview.png
mv "$work/report-overview.png" "$out/"
echo "$out/report-overview.png: $(wc -c <"$out/report-overview.png") bytes"

# The charts start below the tables: find the first plot in the rendered page, shoot the page down
# to the last one and keep the charts' section (Chromium shoots the window from the top).
release="#from=2026-12-20T18:00&to=2026-12-21T18:00"
box=$(timeout 120 chromium "${flags[@]}" --user-data-dir="$work/profile-dom" --window-size=1400,3200 \
  --dump-dom "file://$report$release" 2>/dev/null | grep -o 'class="plot" data-box="[0-9,]*"')
top=$(($(head -1 <<<"$box" | cut -d'"' -f4 | cut -d, -f2) - 175))
bottom=$(($(tail -1 <<<"$box" | cut -d'"' -f4 | cut -d, -f2) + 240))
shot "$release" "$bottom" release-full.png
cat >"$work/Crop.java" <<'JAVA'
import java.io.File;
import javax.imageio.ImageIO;

/** Crop IN OUT TOP: the image from row TOP down. */
class Crop {
  public static void main(String[] a) throws Exception {
    var img = ImageIO.read(new File(a[0]));
    int top = Integer.parseInt(a[2]);
    ImageIO.write(img.getSubimage(0, top, img.getWidth(), img.getHeight() - top), "png", new File(a[1]));
  }
}
JAVA
java "$work/Crop.java" "$work/release-full.png" "$out/report-release.png" "$top"
echo "$out/report-release.png: $(wc -c <"$out/report-release.png") bytes"
