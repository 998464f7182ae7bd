#!/usr/bin/python3
"""Opens Dateline's web page in headless Chromium (SwiftShader WebGL2) through the DevTools
protocol, as a user would: the map on the bundled data, a file opened through the page's
file input, a file dropped on the page (Chromium's own drag and drop, through DevTools'
Input.dispatchDragEvent), a shared link (date, Korean), the globe from a link, the issue's
example link (Korean names, the bundled lesson's third step), a link with a bad value. Each
view is saved as OUTDIR/web-NAME.png with the scene description the page shows
(window.datelineScene, written every 5 frames) as web-NAME.json, for check_capture to check
like the native captures; the page's console goes to web-console.txt. Fails on a panic or an
exception.

usage: web_check.py BASE_URL OUTDIR [--fixture FILE] [--drop FILE] [--size 1280x800]
                    [--timeout 240]
"""
import base64, json, subprocess, sys, time, urllib.request, os, tempfile, struct, zlib
import websocket


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


class Page:
    """One headless Chromium page driven through the DevTools protocol."""

    def __init__(self, w, h):
        self.profile = tempfile.mkdtemp(prefix="dateline-chromium-")
        port = 9300 + os.getpid() % 500
        self.chrome = subprocess.Popen([
            "chromium", "--headless=new", "--no-sandbox", "--use-angle=swiftshader",
            "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist",
            f"--remote-debugging-port={port}", f"--user-data-dir={self.profile}",
            f"--window-size={w},{h}", "about:blank",
        ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        page = None
        for _ in range(300):
            try:
                targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.1)
        if page is None:
            raise RuntimeError("chromium did not start (apt install chromium)")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=120)
        self.ids = iter(range(1, 1 << 30))
        self.console = []
        self.call("Runtime.enable")
        self.call("Page.enable")
        self.call("DOM.enable")
        self.call("Emulation.setDeviceMetricsOverride", width=w, height=h,
                  deviceScaleFactor=1, mobile=False)

    def call(self, method, **params):
        i = next(self.ids)
        self.ws.send(json.dumps({"id": i, "method": method, "params": params}))
        while True:
            m = json.loads(self.ws.recv())
            if m.get("id") == i:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            if m.get("method") == "Runtime.consoleAPICalled":
                self.console.append(" ".join(str(a.get("value", a.get("description", "")))
                                             for a in m["params"]["args"]))
            elif m.get("method") == "Runtime.exceptionThrown":
                self.console.append("exception: " +
                                    json.dumps(m["params"]["exceptionDetails"])[:500])

    def eval(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True)
        return r.get("result", {}).get("value")

    def frames(self):
        return self.eval("window.datelineFrames || 0") or 0

    def scene(self):
        s = self.eval("window.datelineScene || ''")
        return json.loads(s) if s else None

    def open(self, url, timeout):
        """Loads a page afresh; the seconds until its first frame."""
        self.call("Page.navigate", url="about:blank")
        time.sleep(0.5)
        t0 = time.time()
        self.call("Page.navigate", url=url)
        while time.time() - t0 < timeout:
            if self.frames() > 0:
                return time.time() - t0
            time.sleep(0.25)
        raise RuntimeError(f"{url}: no frame within {timeout:.0f} s")

    def settle(self, until, timeout, what):
        """Waits until `until(scene)` holds, and 30 frames more (labels, meshes)."""
        t0 = time.time()
        while time.time() - t0 < timeout:
            s = self.scene()
            if s is not None and until(s):
                f = self.frames()
                while self.frames() < f + 10 and time.time() - t0 < timeout:
                    time.sleep(0.25)
                return
            time.sleep(0.5)
        raise RuntimeError(f"timed out waiting for {what}")

    def save(self, out):
        """A screenshot and the scene description as shown: OUT.png and OUT.json."""
        shot = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        with open(out + ".png", "wb") as f:
            f.write(shot)
        # The scene is published every 15 frames: take one written after the screenshot.
        f0, t0 = self.frames(), time.time()
        while self.frames() < f0 + 5 and time.time() - t0 < 120:
            time.sleep(0.1)
        with open(out + ".json", "w") as f:
            json.dump(self.scene(), f, indent=1, ensure_ascii=False)
        return png_colours(shot)

    def set_file(self, selector, path):
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        if not node:
            raise RuntimeError(f"the page has no {selector}")
        self.call("DOM.setFileInputFiles", files=[os.path.abspath(path)], nodeId=node)

    def drop(self, path, x, y):
        """Drags a file from outside the browser and drops it at (x, y), as a user does
        from the file manager: dragEnter, dragOver, drop, through Chromium's own drag and
        drop (the page's DOM listeners get real drag events with the file)."""
        data = {"items": [], "files": [os.path.abspath(path)], "dragOperationsMask": 1}
        for kind in ("dragEnter", "dragOver", "drop"):
            self.call("Input.dispatchDragEvent", type=kind, x=x, y=y, data=data)

    def close(self):
        self.chrome.kill()


def main():
    sys.stdout.reconfigure(line_buffering=True)
    a = sys.argv[1:]
    if len(a) < 2:
        sys.exit(__doc__)
    base, outdir = a[0].rstrip("/"), a[1]
    size = a[a.index("--size") + 1] if "--size" in a else "1280x800"
    timeout = float(a[a.index("--timeout") + 1]) if "--timeout" in a else 240.0
    fixture = a[a.index("--fixture") + 1] if "--fixture" in a else None
    dropped = a[a.index("--drop") + 1] if "--drop" in a else None
    w, h = (int(v) for v in size.split("x"))
    os.makedirs(outdir, exist_ok=True)
    failures = []
    page = Page(w, h)
    try:
        # 1. The page as a student opens it: the Korea view on the bundled data.
        first = page.open(f"{base}/index.html", timeout)
        page.settle(lambda s: len(s.get("labels", [])) > 20, timeout, "the map's labels")
        colours = page.save(f"{outdir}/web-map")
        print(f"web_check: first frame after {first:.1f} s; map: {colours} colours")
        # The address is kept current with what is shown.
        time.sleep(1.0)
        hash_now = page.eval("location.hash") or ""
        print(f"web_check: address now {hash_now}")
        if not (hash_now.startswith("#view=") and "&date=" in hash_now):
            failures.append(f"the address does not carry the state: {hash_now!r}")
        # 2. A file opened through the page's file input (the browser's picker).
        if fixture:
            name = os.path.basename(fixture)
            page.set_file("#dateline-file", fixture)
            page.settle(lambda s: any(l["name"].startswith(name) and l["features"] > 0
                                      for l in s.get("layers", [])),
                        timeout, f"{name} to load")
            page.save(f"{outdir}/web-file")
            print(f"web_check: {name} opened through the file input")
        # 2b. A file dragged from the file manager and dropped on the map.
        if dropped:
            name = os.path.basename(dropped)
            page.drop(dropped, w // 2, h // 2)
            page.settle(lambda s: any(l["name"].startswith(name) and l["features"] > 0
                                      for l in s.get("layers", [])),
                        timeout, f"{name} to load after the drop")
            page.save(f"{outdir}/web-drop")
            print(f"web_check: {name} opened by dropping it on the page")
        # 3. A shared link: the region, names and interface in Korean, a date.
        link = "#view=region&date=2024-08-15&lang=ko&ui=ko"
        page.open(f"{base}/index.html{link}", timeout)
        page.settle(lambda s: s.get("date") == "2024-08-15" and len(s.get("labels", [])) > 5,
                    timeout, "the linked view")
        page.save(f"{outdir}/web-link")
        s = json.load(open(f"{outdir}/web-link.json"))
        got = (s.get("mode"), s.get("date"), s.get("lang"), s.get("ui_lang"))
        print(f"web_check: link {link}: mode, date, names, interface = {got}")
        if got != ("map", "2024-08-15", "ko", "ko"):
            failures.append(f"the link {link} shows {got}")
        # 3b. The globe from a link. SwiftShader draws it at about a frame a second: the
        # waits below count frames, so this takes a minute or so.
        link = "#view=korea&mode=globe&date=2024-11-26"
        t0 = time.time()
        page.open(f"{base}/index.html{link}", timeout)
        page.settle(lambda s: s.get("mode") == "globe" and len(s.get("labels", [])) > 5,
                    timeout, "the globe")
        page.save(f"{outdir}/web-globe")
        s = json.load(open(f"{outdir}/web-globe.json"))
        got = (s.get("mode"), s.get("date"))
        print(f"web_check: link {link}: mode, date = {got} ({time.time() - t0:.0f} s)")
        if got != ("globe", "2024-11-26"):
            failures.append(f"the link {link} shows {got}")
        # 3c. The example of a shared link: the Korea view, a date, Korean names,
        # the bundled lesson at its third step.
        link = "#view=korea&date=2024-11-26&lang=ko&lesson=hamhung-kursk&step=3"
        page.open(f"{base}/index.html{link}", timeout)
        page.settle(lambda s: (s.get("lesson") or {}).get("step") == 3, timeout,
                    "the example link's lesson step")
        page.save(f"{outdir}/web-example")
        s = json.load(open(f"{outdir}/web-example.json"))
        got = ((s.get("lesson") or {}).get("step"), s.get("lang"))
        print(f"web_check: link {link}: lesson step, names = {got}")
        if got != (3, "ko"):
            failures.append(f"the link {link} shows {got}")
        # 4. A link with a bad value: said in the page, the rest applied, no crash.
        link = "#view=korea&date=2024-13-45"
        page.open(f"{base}/index.html{link}", timeout)
        page.settle(lambda s: len(s.get("labels", [])) > 20, timeout, "the map after a bad link")
        print("web_check: a bad link still opens the map")
    except Exception as e:
        failures.append(str(e))
    finally:
        with open(f"{outdir}/web-console.txt", "w") as f:
            f.write("\n".join(page.console))
        page.close()
    bad = [c for c in page.console if "panicked" in c or c.startswith("exception")]
    failures += [f"console: {c[:300]}" for c in bad]
    for f in failures:
        print("web_check: FAIL:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
