#!/usr/bin/python3
"""Reads Dateline's accessibility tree as a screen reader does (AT-SPI, through pyatspi,
the library Orca uses) and checks it, in Korean: the top bar's buttons, the timeline as a
slider named with its date, the event list's rows named with date and how sure, the event
card's window with its close button, all in Hangul, with no English words of egui's left.

Run by tools/screen-reader-check.sh (which starts the accessibility bus and the app).
Prints the tree; exits 1 with what is missing.
"""
import re
import sys

import pyatspi


def walk(node, depth, out):
    try:
        role, name = node.getRoleName(), node.name or ""
    except Exception:  # a node gone while reading
        return
    out.append((depth, role, name))
    for i in range(node.childCount):
        try:
            walk(node.getChildAtIndex(i), depth + 1, out)
        except Exception:
            pass


def main():
    desktop = pyatspi.Registry.getDesktop(0)
    apps = [desktop.getChildAtIndex(i) for i in range(desktop.childCount)]
    apps = [a for a in apps if a is not None and a.name == "dateline"]
    if not apps:
        print("no application named dateline on the accessibility bus")
        return 1
    nodes = []
    walk(apps[0], 0, nodes)
    for depth, role, name in nodes:
        print(f"{'  ' * depth}{role}: {name}")
    hangul = re.compile("[\uac00-\ud7a3]")
    failures = []

    def want(what, ok):
        print(("ok: " if ok else "MISSING: ") + what)
        if not ok:
            failures.append(what)

    names = {(role, name) for _, role, name in nodes}
    want("the top bar's view buttons (한반도, 주변 지역, 세계)",
         all(("push button", n) in names for n in ["한반도", "주변 지역", "세계"]))
    want("play (▶ 재생)", any(r == "push button" and "재생" in n for r, n in names))
    sliders = [n for r, n in names if r == "slider"]
    want("the timeline, a slider named with its date (타임라인, …년 …월 …일)",
         any(re.match(r"타임라인, \d{4}년 \d{1,2}월 \d{1,2}일", n) for n in sliders))
    rows = [n for r, n in names if r == "toggle button" and re.search(r"\d{4}년", n)
            and re.search(r"(확인됨|보도됨|한쪽 주장|엇갈림|부인됨)$", n)]
    want(f"at least 10 event rows named with date and how sure (found {len(rows)})", len(rows) >= 10)
    frames = [(i, n) for i, (_, r, n) in enumerate(nodes) if r == "frame" and n]
    card = [i for i, n in frames if n == "사건"]
    want("the event card's window (사건)", bool(card))
    if card:
        i = card[0]
        depth = nodes[i][0]
        inside = []
        for d, r, n in nodes[i + 1:]:
            if d <= depth:
                break
            inside.append((r, n))
        want("its close button named in Korean (창 닫기)", ("push button", "창 닫기") in inside)
    named = sum(1 for _, _, n in nodes if hangul.search(n))
    want(f"at least 60 parts named in Hangul (found {named})", named >= 60)
    english = [n for _, _, n in nodes if n in ("Close window", "Play", "Timeline", "Events")]
    want(f"no English interface words ({english})", not english)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
