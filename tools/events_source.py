"""Writes assets/events/nk-russia-2023-2024.geojson from the facts in issue 4 (hand-checked).

Every event carries the sources the facts name, with the precision they give. No event, date
or coordinate is added beyond those facts. Places: coordinates of cities are GeoNames' (as in
assets/map/places.geojson); region and country points are stand-ins, marked by
`place_precision` and explained in `place`. Run: python3 tools/events_source.py
"""
import json
import os

MAIN = {
    "publisher": "The Independent",
    "date": "2024-11-26",
    "title": "Satellite images show North Korea expanding key facility making missiles Russia uses in Ukraine",
    "author": "Alisha Rahaman Sarkar",
    "url": None,
}
DENY = ["Russia", "North Korea"]
PYONGYANG = [125.7543, 39.0339]
MOSCOW = [37.6178, 55.752]
HAMHUNG = [127.5364, 39.9183]
CHONGJIN = [129.7758, 41.7956]
VLADIVOSTOK = [131.8735, 43.1056]
RYONGSONG = [127.58, 39.97]
SUDZHA = [35.27, 51.20]
KURSK = [36.1846, 51.7269]
KHARKIV = [36.2548, 49.9818]
ZAPORIZHZHIA_REGION = [35.675, 47.282]


def point(p):
    return {"type": "Point", "coordinates": p}


def ev(id, geometry, **props):
    base = {
        "title": None, "summary": None, "start": None, "end": None, "category": None,
        "status": None, "claimed_by": [], "denied_by": [], "place": None,
        "place_precision": None, "sources": [],
    }
    base.update(props)
    return {"type": "Feature", "id": id, "geometry": geometry, "properties": base}


EVENTS = [
    ev("vostochny-summit", point([128.33, 51.88]),
       title="Kim Jong Un and Vladimir Putin meet at the Vostochny Cosmodrome",
       title_ko="김정은·푸틴, 보스토치니 우주기지에서 정상회담",
       summary="North Korea's leader Kim Jong Un and Russia's president Vladimir Putin hold a summit at the Vostochny Cosmodrome in Russia's Amur region.",
       start="2023-09-13", category="diplomacy", status="confirmed",
       place="Vostochny Cosmodrome, Amur region, Russia (51.88°N 128.33°E)", place_precision="site",
       sources=[{"publisher": "Reuters", "date": "2023-09-13", "title": None, "url": None}]),
    ev("containers-to-russia", {"type": "LineString", "coordinates": [PYONGYANG, MOSCOW]},
       title="More than 13,000 containers of arms sent from North Korea to Russia",
       title_ko="북한, 러시아에 컨테이너 1만3천여 개 분량 무기 제공 (국정원 주장)",
       summary="South Korea's National Intelligence Service (NIS) said in October 2024 that since August 2023 North Korea has sent more than 13,000 containers of artillery, missiles and other conventional arms to Russia. Moscow and Pyongyang deny that North Korea sends weapons or munitions to aid Russia's war.",
       start="2023-08", end="2024-10", category="arms-transfer", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       place="North Korea → Russia. Country-level only: the line joins the two capitals as stand-ins; the sources do not give the routes.",
       place_precision="country", sources=[MAIN]),
    ev("missiles-fired-at-ukraine", {"type": "MultiPoint", "coordinates": [ZAPORIZHZHIA_REGION, KHARKIV]},
       title="Russia fires North Korean ballistic missiles at Ukraine",
       title_ko="러시아, 북한제 탄도미사일로 우크라이나 공격",
       summary="On 30 December 2023 and 2 January 2024 Russia fired ballistic missiles supplied by North Korea at Ukraine; the 30 December missile landed in an open field in the Zaporizhzhia region (White House, John Kirby's briefing of 4 January 2024). On 9 January he added that more were fired on 6 January 2024, at least one hitting Kharkiv. Ukrainian officials say the missiles are Hwasong-11 (KN-23).",
       start="2023-12-30", end="2024-01-06", category="missile-use", status="reported",
       claimed_by=["The White House (John Kirby)", "Ukrainian officials"], denied_by=DENY,
       place="Zaporizhzhia region (marker at the region's centre; the field is not located) and Kharkiv",
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
       place="Pyongyang, North Korea", place_precision="city", sources=[MAIN]),
    ev("kursk-incursion", point(SUDZHA),
       title="Ukraine's incursion into Russia's Kursk region begins",
       title_ko="우크라이나군, 러시아 쿠르스크주 진입",
       summary="Ukrainian forces have held ground in Russia's Kursk region since August 2024.",
       start="2024-08", category="fighting", status="reported",
       place="Kursk region, Russia, around Sudzha (51.20°N 35.27°E); region-level",
       place_precision="region", sources=[MAIN]),
    ev("ryongsong-expansion", point(RYONGSONG),
       title="New missile assembly building at Hamhung's Ryongsong plant",
       title_ko="함흥 룡성기계연합기업소 미사일 조립동 신축",
       summary="Satellite images taken in October 2024 (Planet Labs) of the \"February 11\" plant of the Ryongsong Machine Complex in Hamhung show a new assembly building under construction, 60–70% the size of the old one, new housing likely for workers, improved entrances to underground facilities, and a disused bridge crane removed from a tunnel entrance. The James Martin Center for Nonproliferation Studies (researcher Sam Lair, via Reuters) says the plant is the only one known to make the Hwasong-11 solid-fuel ballistic missile, and that the work suggests a push to raise its throughput.",
       start="2024-10", category="weapons-production", status="reported",
       claimed_by=["James Martin Center for Nonproliferation Studies (CNS)"],
       place="Ryongsong district, Hamhung, North Korea (about 39.97°N 127.58°E)", place_precision="district",
       sources=[MAIN]),
    ev("special-forces-to-vladivostok",
       {"type": "MultiLineString", "coordinates": [[HAMHUNG, VLADIVOSTOK], [CHONGJIN, VLADIVOSTOK]]},
       title="Russian ships carry about 1,500 North Korean special forces to Vladivostok",
       title_ko="러시아 함정, 북한 특수부대 약 1,500명 블라디보스토크로 수송 (국정원 발표)",
       summary="South Korea's NIS said on 18 October 2024 that Russian Pacific Fleet ships carried about 1,500 North Korean special forces from areas near Chongjin, Hamhung and the Musudan coast to Vladivostok between 8 and 13 October, that they were then stationed at units in Vladivostok, Ussuriysk, Khabarovsk and Blagoveshchensk, and that more would follow.",
       start="2024-10-08", end="2024-10-13", category="troops", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       place="From areas near Hamhung and Chongjin (and the Musudan coast) to Vladivostok; straight lines, not the ships' tracks",
       place_precision="city",
       sources=[
           {"publisher": "KBS", "date": "2024-10-18", "title": None, "url": None},
           {"publisher": "AFP", "date": "2024-10-18", "title": None, "url": None},
       ]),
    ev("kursk-nk-troops", {"type": "LineString", "coordinates": [PYONGYANG, KURSK]},
       title="Some 11,000 North Korean soldiers said to be in the Kursk border region",
       title_ko="북한군 약 1만1천 명 쿠르스크 접경지역 배치 주장",
       summary="Some 11,000 North Korean soldiers are claimed to be in Russia's Kursk border region, some already engaging in combat. Moscow and Pyongyang deny that North Korea is aiding Russia's war.",
       start="2024-11", category="troops", status="claimed", denied_by=DENY,
       place="North Korea → the Kursk border region, Russia. The line joins Pyongyang (a stand-in for North Korea) to Kursk city (a stand-in for the region); the sources give neither the route nor a place within the region",
       place_precision="region", sources=[MAIN]),
    ev("treaty-ratified-pyongyang", point(PYONGYANG),
       title="Kim Jong Un signs the decree ratifying the treaty with Russia",
       title_ko="김정은, 북·러 조약 비준 정령 서명",
       summary="Kim Jong Un signs the decree ratifying the mutual defence treaty (KCNA, 12 November 2024). Russia's Duma approved it on 24 October and Vladimir Putin signed it on 9 November 2024.",
       start="2024-11-11", category="diplomacy", status="confirmed",
       place="Pyongyang, North Korea", place_precision="city",
       sources=[{"publisher": "KCNA", "date": "2024-11-12", "title": None, "url": None}]),
    ev("ryongsong-kcna-construction", point(RYONGSONG),
       title="State media: construction under way at the Ryongsong Machine Complex",
       title_ko="조선중앙통신: 룡성기계연합기업소 현대화 공사 진행",
       summary="KCNA reports construction under way at the Ryongsong Machine Complex \"for attaining the goal for modernisation planned for this year\": rebuilding production facilities, installing equipment in machine workshops and a steel casting workshop.",
       start="2024-11", category="weapons-production", status="claimed",
       claimed_by=["KCNA (North Korean state media)"],
       place="Ryongsong Machine Complex, Hamhung (about 39.97°N 127.58°E)", place_precision="district",
       sources=[MAIN]),
    ev("koksan-guns-by-rail", None,
       title="Photos said to show North Korean \"Koksan\" guns moved by rail in Russia",
       title_ko="북한 '곡산' 자주포 러시아 내 철도 수송 사진 (미확인)",
       summary="Russian Telegram channels post photos purportedly showing North Korean \"Koksan\" 170mm self-propelled guns moved by rail inside Russia. Unverified.",
       start="2024-11", category="arms-transfer", status="claimed",
       claimed_by=["Russian Telegram channels (unverified)"], denied_by=DENY,
       place="Russia (by rail; no location given)", place_precision="country", sources=[MAIN]),
    ev("ft-howitzers-and-rocket-launchers", None,
       title="FT: 50 howitzers and 20 rocket launchers sent by North Korea to Russia",
       title_ko="FT: 북한, 러시아에 자주포 50문·다연장로켓 20문 보내",
       summary="The Financial Times, citing Ukrainian intelligence, reports that North Korea has sent Russia 50 170mm self-propelled howitzers and 20 240mm multiple rocket launchers in recent weeks.",
       start="2024-11", category="arms-transfer", status="reported",
       claimed_by=["Ukrainian intelligence (cited by the Financial Times)"], denied_by=DENY,
       place="North Korea → Russia (no place given)", place_precision="country", sources=[MAIN]),
    ev("nis-additional-artillery", None,
       title="NIS: Pyongyang supplies additional artillery systems to Russia",
       title_ko="국정원: 북한, 러시아에 추가 포병 체계 공급",
       summary="Days before 26 November 2024, South Korea's NIS accuses Pyongyang of supplying additional artillery systems to Russia.",
       start="2024-11", category="arms-transfer", status="claimed",
       claimed_by=["South Korea's National Intelligence Service (NIS)"], denied_by=DENY,
       place="North Korea → Russia (no place given)", place_precision="country", sources=[MAIN]),
    ev("treaty-in-force", point(MOSCOW),
       title="The Russia–North Korea treaty enters into force",
       title_ko="북·러 조약 발효",
       summary="The treaty enters into force as the ratification instruments are exchanged in Moscow (KCNA, reported by Interfax).",
       start="2024-12-04", category="diplomacy", status="confirmed",
       place="Moscow, Russia", place_precision="city",
       sources=[{"publisher": "Interfax (reporting KCNA)", "date": "2024-12-05", "title": None, "url": None}]),
]

if __name__ == "__main__":
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "assets", "events", "nk-russia-2023-2024.geojson")
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
