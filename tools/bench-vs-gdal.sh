#!/usr/bin/env bash
# Benchmark: the path a user's file takes, next to GDAL in the same run.
#
# For each file it times, as separate processes, median of N runs (wall time and peak memory
# from GNU time):
#   - `open_file` (crates/core/examples): userfile::open, as the app opens a file on its task
#     pool: read, validate, project, clip, tessellate, and build the globe geometry;
#   - `dateline check FILE`: the command-line check, the same work plus printing;
#   - GDAL's `ogr2ogr -f Memory`: read and validate into memory, nothing drawn.
# and prints the ratios (ours / GDAL). The aims (issue 12): on the bench file, wall time at
# most 0.5x GDAL's and peak memory at most GDAL's; for any file, peak memory at most 4x the
# file size plus 60 MB.
#
# Usage: tools/bench-vs-gdal.sh [RUNS] [FILES...]
#   default: 5 runs of ../shared/bench/ne_10m_land.geojson, then 1 run of every file of the
#   shared corpus (../shared/corpus/geojson) and of tests/fixtures.
# Needs: gdal-bin and time (apt-get install gdal-bin time).
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
shift || true
for tool in ogr2ogr /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install gdal-bin time"; exit 2; }
done
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/dateline-target}"
cargo build --quiet --release -p dateline-core --example open_file
cargo build --quiet --bin dateline
open_file="$CARGO_TARGET_DIR/release/examples/open_file"
dateline="$CARGO_TARGET_DIR/debug/dateline"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# measure NAME RUNS CMD... → prints "median_wall_s median_peak_kb"
measure() {
  local n="$1"; shift
  local walls=() peaks=()
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>&1 || true
    read -r w m < <(tail -n 1 "$tmp/t")
    walls+=("$w"); peaks+=("$m")
  done
  local mw mp
  mw=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mp=$(printf '%s\n' "${peaks[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$mw $mp"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "-" }'; }

bench_file() { # runs file → one table row; sets globals for the summary
  local n="$1" f="$2"
  local size_kb
  size_kb=$(( $(stat -c %s "$f") / 1024 ))
  read -r ow op < <(measure "$n" "$open_file" "$f")
  read -r cw cp < <(measure "$n" "$dateline" check "$f")
  read -r gw gp < <(measure "$n" ogr2ogr -f Memory "$tmp/mem" "$f")
  local limit_kb=$(( 4 * size_kb + 60 * 1024 ))
  local ok="ok"
  [ "$op" -le "$limit_kb" ] || ok="OVER"
  printf '%-44s %8d %7.2f %7d %7.2f %7d %7.2f %7d %6s %6s %6s %5s\n' \
    "$(basename "$f" | cut -c1-44)" "$size_kb" "$ow" $((op / 1024)) "$cw" $((cp / 1024)) \
    "$gw" $((gp / 1024)) "$(ratio "$ow" "$gw")" "$(ratio "$op" "$gp")" "$(ratio "$cw" "$gw")" "$ok"
  tot_ow=$(awk -v a="$tot_ow" -v b="$ow" 'BEGIN{print a+b}')
  tot_gw=$(awk -v a="$tot_gw" -v b="$gw" 'BEGIN{print a+b}')
  [ "$ok" = ok ] || over=$((over + 1))
  last_ow="$ow" last_op="$op" last_gw="$gw" last_gp="$gp"
}

header() {
  printf '%-44s %8s %7s %7s %7s %7s %7s %7s %6s %6s %6s %5s\n' file KB \
    "open s" "open MB" "check s" "chk MB" "gdal s" "gdal MB" "wall×" "mem×" "chk×" "4x+60"
}

echo "machine: $(nproc) cores; $(ogr2ogr --version | head -1)"
echo "times are medians of the runs given; × columns are ours / GDAL's (lower is better)"
echo
over=0 tot_ow=0 tot_gw=0
if [ $# -gt 0 ]; then
  header
  for f in "$@"; do bench_file "$runs" "$f"; done
  exit 0
fi

bench=../shared/bench/ne_10m_land.geojson
echo "== the bench file, $runs runs each =="
header
bench_file "$runs" "$bench"
wall=$(ratio "$last_ow" "$last_gw") mem=$(ratio "$last_op" "$last_gp")
echo "aim: wall ≤ 0.50x GDAL: $wall $(awk -v r="$wall" 'BEGIN{print (r <= 0.5) ? "(met)" : "(missed)"}');" \
  "peak memory ≤ 1.00x GDAL: $mem $(awk -v r="$mem" 'BEGIN{print (r <= 1.0) ? "(met)" : "(missed)"}')"
echo
echo "== the shared corpus and the test fixtures, 1 run each =="
over=0 tot_ow=0 tot_gw=0
header
count=0
for f in ../shared/corpus/geojson/*/*.json ../shared/corpus/geojson/*/*.geojson tests/fixtures/*.*; do
  [ -f "$f" ] || continue
  case "$f" in *.md) continue ;; esac
  bench_file 1 "$f"
  count=$((count + 1))
done
echo "$count files: open took $tot_ow s in all, GDAL $tot_gw s ($(ratio "$tot_ow" "$tot_gw")x);" \
  "$over file(s) over 4x their size + 60 MB"
