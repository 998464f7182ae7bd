#!/usr/bin/env bash
# Drawing benchmark: how much a large user layer costs to draw next to the bundled atlas.
#
# Renders the map headless (xvfb-run, Mesa's software Vulkan here; a real GPU where there is
# one), times FRAMES frames after the warm-up (`--bench-frames`), with and without the user's
# file, at the world, region and Korea views, and prints the mean frame time, what was drawn
# (triangles and line points, from the scene description) and the ratios. The aim (issue 12):
# the layer does not slow drawing down by more than what it adds to draw explains, and zoomed
# out it draws its coarse outlines (level of detail).
#
# Usage: tools/bench-draw.sh [FILE] [FRAMES]   (default: ../shared/bench/ne_10m_land.geojson, 30)
# Needs: xvfb-run and mesa-vulkan-drivers (see the README's first command).
set -euo pipefail
cd "$(dirname "$0")/.."
file="${1:-../shared/bench/ne_10m_land.geojson}"
frames="${2:-30}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dateline-target}"
cargo build --quiet --bin dateline
bin="$CARGO_TARGET_DIR/debug/dateline"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

run() { # name view [file] → prints the scene's drawing figures as one line
  local name="$1" view="$2"; shift 2
  xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" --screenshot "$tmp/$name.png" --size 1280x800 \
    --view "$view" --no-event-list --bench-frames "$frames" "$@" >/dev/null 2>&1
  python3 - "$tmp/$name.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))["drawing"]
print(d["frame_ms"], d["atlas_triangles"], d["atlas_line_points"], d["user_triangles"], d["user_line_points"])
PY
}

echo "file: $file; $frames frames per run; $(nproc) cores"
printf '%-8s %9s %9s %7s %12s %12s %12s %12s %8s %8s\n' view "atlas ms" "+file ms" "time×" \
  "atlas tris" "atlas pts" "file tris" "file pts" "draw×" "ok"
for view in world region korea; do
  read -r base at ap _ _ < <(run "$view-atlas" "$view")
  read -r with _ _ ut up < <(run "$view-file" "$view" "$file")
  python3 - "$view" "$base" "$with" "$at" "$ap" "$ut" "$up" <<'PY'
import sys
view, base, with_, at, ap, ut, up = sys.argv[1], *map(float, sys.argv[2:])
t = with_ / base
# What the file adds to draw, relative to the atlas: triangles and line points together.
d = (at + ap + ut + up) / (at + ap)
print(f"{view:<8} {base:9.1f} {with_:9.1f} {t:7.2f} {int(at):12d} {int(ap):12d} {int(ut):12d} {int(up):12d} {d:8.2f} {'ok' if t <= d else 'SLOWER'}")
PY
done
