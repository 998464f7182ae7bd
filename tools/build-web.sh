#!/usr/bin/env bash
# Builds the web page of Dateline into a folder (default: target/web): the app compiled
# for wasm32-unknown-unknown from the same source, bound to JavaScript by wasm-bindgen (the
# CLI version matching the wasm-bindgen crate in Cargo.lock), optimised for size by wasm-opt
# when it is installed (Debian's binaryen), and the page itself (web/index.html).
# Serve the folder with `dateline serve` or any static host.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-target/web}
target_dir=${CARGO_TARGET_DIR:-target}

rustup target add wasm32-unknown-unknown >/dev/null
version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
if ! command -v wasm-bindgen >/dev/null || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$version" ]; then
  echo "build-web: installing wasm-bindgen-cli $version (matches Cargo.lock)"
  # (Not --locked: the CLI's own lock file names a yanked webpki-roots.)
  cargo install wasm-bindgen-cli --version "$version"
fi

cargo build --profile web --target wasm32-unknown-unknown --bin dateline
mkdir -p "$out"
# Without the `target_features` section wasm-bindgen keeps JS objects in its own heap rather
# than an externref table: Debian's binaryen (108) cannot read the table.fill that needs.
wasm="$target_dir/wasm32-unknown-unknown/web/dateline.wasm"
python3 - "$wasm" "$out/dateline-plain.wasm" <<'PY'
import sys
b = open(sys.argv[1], "rb").read()
def leb(i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
out, i = bytearray(b[:8]), 8
while i < len(b):
    start = i; sid = b[i]; n, j = leb(i + 1); i = j + n
    if sid == 0:
        l, k = leb(j)
        if b[k:k + l] == b"target_features": continue
    out += b[start:i]
open(sys.argv[2], "wb").write(out)
PY
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name dateline "$out/dateline-plain.wasm"
rm "$out/dateline-plain.wasm"
if command -v wasm-opt >/dev/null; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    -o "$out/dateline_bg.wasm.opt" "$out/dateline_bg.wasm"
  mv "$out/dateline_bg.wasm.opt" "$out/dateline_bg.wasm"
  # Binaryen 108 (Debian's) exports table 0 as wasm-bindgen's `__wbindgen_externrefs` where
  # the input exported table 1, the externref table (the page then fails to start with
  # "WebAssembly.Table.set(): Argument 1 is invalid"): point the export back at the
  # module's externref table.
  python3 - "$out/dateline_bg.wasm" <<'PY'
import sys
path = sys.argv[1]
b = bytearray(open(path, "rb").read())
def leb(i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
tables, export_at, i = [], None, 8
while i < len(b):
    sid = b[i]; n, j = leb(i + 1)
    if sid == 4:
        count, k = leb(j)
        for _ in range(count):
            tables.append(b[k]); flags = b[k + 1]; _, k = leb(k + 2)
            if flags & 1: _, k = leb(k)
    if sid == 7:
        count, k = leb(j)
        for _ in range(count):
            l, k = leb(k); name = bytes(b[k:k + l]); k += l; kind = b[k]; k += 1
            if kind == 1 and name == b"__wbindgen_externrefs": export_at = k
            _, k = leb(k)
    i = j + n
if export_at is not None and 0x6f in tables and tables[b[export_at]] != 0x6f:
    b[export_at] = tables.index(0x6f)
    open(path, "wb").write(b)
    print("build-web: pointed __wbindgen_externrefs at the externref table")
PY
else
  echo "build-web: wasm-opt not found (apt install binaryen): the page is larger"
fi
cp web/index.html "$out/"
total=$(du -cb "$out"/* | tail -1 | cut -f1)
gz=$(for f in "$out"/*; do gzip -9c "$f" | wc -c; done | awk '{s+=$1} END {print s}')
echo "build-web: $out: $((total / 1000)) kB, $((gz / 1000)) kB gzip-compressed"
