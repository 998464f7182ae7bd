#!/usr/bin/env bash
# Starts Dateline in Korean in a virtual X display with the accessibility bus on (as a desktop
# with a screen reader has it), then reads its tree through AT-SPI as Orca does
# (tools/screen_reader_tree.py) and checks it. Needs: xvfb, dbus, at-spi2-core,
# python3-pyatspi. Usage: tools/screen-reader-check.sh PATH/TO/dateline
set -euo pipefail
app="$(realpath "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
export DISPLAY=":$((90 + RANDOM % 100))"
Xvfb "$DISPLAY" -screen 0 1600x1000x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 2
APP="$app" HERE="$here" dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 2
  # What a screen reader sets when it starts: the toolkits then build their trees.
  for p in IsEnabled ScreenReaderEnabled; do
    dbus-send --session --print-reply=literal --dest=org.a11y.Bus /org/a11y/bus \
      org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:$p variant:boolean:true >/dev/null
  done
  LANG=ko_KR.UTF-8 "$APP" --ui-lang ko --lang ko --size 1600x1000 --event ryongsong-expansion \
    >/dev/null 2>&1 &
  pid=$!
  # The first frames take a while with software rendering; read once the tree is there.
  rc=1
  for _ in $(seq 1 12); do
    sleep 5
    if /usr/bin/python3 "$HERE/screen_reader_tree.py" > /tmp/dateline-screen-reader.txt 2>&1; then
      rc=0
      break
    fi
  done
  kill $pid 2>/dev/null || true
  cat /tmp/dateline-screen-reader.txt | grep -E "^(ok|MISSING)"
  exit $rc
'
