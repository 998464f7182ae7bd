#!/usr/bin/python3
"""Opens Dateline's web page in headless Chromium (SwiftShader WebGL2) through the DevTools
protocol, waits for the first frame, and saves a screenshot and the page's console.

usage: web_check.py URL OUT.png [--size 1280x800] [--timeout 180]
"""
import base64, json, subprocess, sys, time, urllib.request, os, tempfile, struct, zlib
import websocket


def args():
    a = sys.argv[1:]
    url, out = a[0], a[1]
    size, timeout = "1280x800", 180.0
    if "--size" in a:
        size = a[a.index("--size") + 1]
    if "--timeout" in a:
        timeout = float(a[a.index("--timeout") + 1])
    w, h = (int(v) for v in size.split("x"))
    return url, out, w, h, timeout


def png_colours(data):
    """The number of distinct colours in a PNG (8-bit RGB/RGBA, no interlace), sampled."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n = struct.unpack(">I", data[pos:pos + 4])[0]
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = {2: 3, 6: 4}[ctype]
    raw = zlib.decompress(idat)
    stride = w * bpp + 1
    prev = bytearray(w * bpp)
    colours = set()
    for y in range(h):
        f = raw[y * stride]
        line = bytearray(raw[y * stride + 1:(y + 1) * stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        if y % 8 == 0:
            for x in range(0, w, 8):
                colours.add(bytes(line[x * bpp:x * bpp + 3]))
        prev = line
    return len(colours)


def main():
    url, out, w, h, timeout = args()
    profile = tempfile.mkdtemp(prefix="dateline-chromium-")
    port = 9300 + os.getpid() % 500
    chrome = subprocess.Popen([
        "chromium", "--headless=new", "--no-sandbox", "--use-angle=swiftshader",
        "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist", f"--remote-debugging-port={port}",
        f"--user-data-dir={profile}", f"--window-size={w},{h}", "about:blank",
    ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        ids = iter(range(1, 1 << 30))
        console = []

        def call(method, **params):
            i = next(ids)
            ws.send(json.dumps({"id": i, "method": method, "params": params}))
            while True:
                m = json.loads(ws.recv())
                if m.get("id") == i:
                    if "error" in m:
                        raise RuntimeError(f"{method}: {m['error']}")
                    return m.get("result", {})
                if m.get("method") == "Runtime.consoleAPICalled":
                    console.append(" ".join(str(a.get("value", a.get("description", ""))) for a in m["params"]["args"]))
                elif m.get("method") == "Runtime.exceptionThrown":
                    console.append("exception: " + json.dumps(m["params"]["exceptionDetails"])[:500])

        call("Runtime.enable")
        call("Page.enable")
        call("Emulation.setDeviceMetricsOverride", width=w, height=h, deviceScaleFactor=1, mobile=False)
        t0 = time.time()
        call("Page.navigate", url=url)
        shot, colours = None, 0
        while time.time() - t0 < timeout:
            time.sleep(1.0)
            shot = base64.b64decode(call("Page.captureScreenshot", format="png")["data"])
            colours = png_colours(shot)
            # The loading screen has a handful of colours; the map has hundreds.
            if colours > 150:
                break
        took = time.time() - t0
        with open(out, "wb") as f:
            f.write(shot)
        with open(out + ".console.txt", "w") as f:
            f.write("\n".join(console))
        print(f"web_check: {url}: {colours} colours after {took:.1f} s -> {out}")
        for line in console[-15:]:
            print("  console:", line[:300])
        sys.exit(0 if colours > 150 else 1)
    finally:
        chrome.kill()


if __name__ == "__main__":
    main()
