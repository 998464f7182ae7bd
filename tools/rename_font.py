#!/usr/bin/env python3
"""Renames the subset of Noto Sans KR to "Dateline Sans KR" (SIL Open Font License 1.1, §3:
a modified version must not use the Reserved Font Name, here "Noto Sans"), and records the
modification in the font's own copyright and description.

Usage: rename_font.py IN.otf OUT.otf (run by tools/build-assets.sh with fonttools).
"""
import sys

from fontTools.ttLib import TTFont

FAMILY = "Dateline Sans KR"
POSTSCRIPT = "DatelineSansKR-Regular"
MODIFIED = ("Modified for Dateline: subset (Latin, Cyrillic, Hangul and a few symbols) and renamed "
            "from Noto Sans KR, as the SIL Open Font License 1.1 requires of a modified version.")


def main(src, dst):
    font = TTFont(src, recalcTimestamp=False)
    name = font["name"]
    copyright_ = name.getDebugName(0) or ""
    version = name.getDebugName(5) or "Version 1.000"
    for rec in list(name.names):
        # Drop every name record, then write the renamed set (Windows and Mac platforms).
        name.removeNames(nameID=rec.nameID)
    records = {
        0: f"{copyright_} {MODIFIED}",
        1: FAMILY,
        2: "Regular",
        3: f"{version};DATELINE;{POSTSCRIPT}",
        4: f"{FAMILY} Regular",
        5: version,
        6: POSTSCRIPT,
        10: MODIFIED,
        13: "This Font Software is licensed under the SIL Open Font License, Version 1.1.",
        14: "https://openfontlicense.org",
    }
    for nid, text in records.items():
        name.setName(text, nid, 3, 1, 0x409)
        name.setName(text, nid, 1, 0, 0)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [POSTSCRIPT]
        top = cff.topDictIndex[0]
        top.FullName = f"{FAMILY} Regular"
        top.FamilyName = FAMILY
        top.Notice = MODIFIED
    font.save(dst)
    print(f"rename_font: wrote {dst} as {FAMILY}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
