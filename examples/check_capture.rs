//! Checks a headless capture for real content: land where land must be, sea where sea must be,
//! computed from the view recorded in the scene description (OUT.json) beside the PNG.
//!
//! Event markers are checked too: each visible event's anchor must show its category colour.
//!
//! Labels are checked too: no two label rectangles overlap, each laid-out text fits its
//! rectangle, and the names given with `--labels` are on screen.
//!
//! Usage: `cargo run --example check_capture -- out.png [--visible ID,ID…] [--none-visible ID,ID…]
//! [--labels NAME,NAME…]`
//! `--visible` lists events that must be shown; `--none-visible` events that must not be;
//! `--labels` names that must be labelled (a label containing the name counts);
//! `--layer FILE,…` user files that must be shown; `--problem TEXT,…` problems that must be
//! reported (e.g. `broken.geojson:4:3`); `--interface [--card]` checks the accessibility tree
//! of the panels in the interface's language (`check_interface`).

use std::process::ExitCode;

use dateline::app::theme::palette;
use dateline::core::atlas::Atlas;
use dateline::core::colour::contrast_ratio;
use dateline::core::events::{CATEGORIES, category_index};
use dateline::core::globe::GlobeView;
use dateline::core::labels::{MapStyle, Side, beside_of, keeps_side, side_of, text_box};
use dateline::core::line_label::{AlongLine, boxes_overlap, keeps_side_along, straight};
use dateline::core::projection::{MapKind, Projection};
use dateline::core::view::MapView;

/// Places that must be land and points that must be sea, whenever they are in the frame.
const LAND_AT: [(&str, [f64; 2], f64); 24] = [
    ("North Korea at 126.8°E 40.3°N", [126.8, 40.3], NARROW),
    ("South Korea at 128.3°E 36.4°N", [128.3, 36.4], NARROW),
    ("Manchuria at 125.0°E 43.0°N", [125.0, 43.0], 0.0),
    ("Pyongyang", [125.7625, 39.0392], NARROW),
    ("Seoul", [126.978, 37.5665], NARROW),
    // Either side of the MDL.
    ("Kaesong", [126.554, 37.971], 6.0),
    ("Chuncheon", [127.73, 37.88], 6.0),
    ("Moscow", [37.6173, 55.7558], 0.0),
    ("Beijing", [116.3975, 39.9087], 0.0),
    ("Ulaanbaatar", [106.9057, 47.9077], 0.0),
    ("Salekhard (Arctic Siberia)", [66.60, 66.53], 0.0),
    ("Verkhoyansk (Arctic Siberia)", [133.39, 67.55], 0.0),
    ("North Hamgyong at 129.5°E 42.2°N", [129.5, 42.2], NARROW),
    ("Jilin at 129.3°E 42.7°N", [129.3, 42.7], NARROW),
    // The whole Earth, not only the region (the map once ended at 20°E and 25°N).
    // About 5 px across on the globe at zoom 2.5, narrower than the 9×9 window: from 3.
    ("Kaliningrad oblast at 21.6°E 54.6°N", [21.6, 54.6], 3.0),
    ("Congo basin at 22°E 0°", [22.0, 0.0], 0.0),
    ("India at 78°E 22°N", [78.0, 22.0], 0.0),
    ("Australia at 134°E 25°S", [134.0, -25.0], 0.0),
    ("Brazil at 50°W 10°S", [-50.0, -10.0], 0.0),
    ("Antarctica at 0°E 80°S", [0.0, -80.0], 0.0),
    // West of the conic's seam (75°W): whole on the world map.
    ("Peru at 75.5°W 10°S", [-75.5, -10.0], 0.0),
    ("Alaska at 150°W 64°N", [-150.0, 64.0], 0.0),
    ("Greenland at 40°W 72°N", [-40.0, 72.0], 0.0),
    ("Antarctica at 100°W 80°S", [-100.0, -80.0], 0.0),
];
const SEA_AT: [(&str, [f64; 2], f64); 13] = [
    ("East Sea at 132.5°E 38.5°N", [132.5, 38.5], 0.0),
    ("Yellow Sea at 125.0°E 35.0°N", [125.0, 35.0], 0.0),
    ("Korea Strait at 130.3°E 35.3°N", [130.3, 35.3], NARROW),
    ("East Sea at 131°E 40°N", [131.0, 40.0], 0.0),
    (
        "East Sea off Gangneung at 129.3°E 37.9°N",
        [129.3, 37.9],
        6.0,
    ),
    ("East Sea off Sokcho at 128.9°E 38.3°N", [128.9, 38.3], 6.0),
    ("Yellow Sea at 124°E 36°N", [124.0, 36.0], 0.0),
    ("Black Sea at 34°E 43.2°N", [34.0, 43.2], NARROW),
    ("Sea of Okhotsk at 150°E 55°N", [150.0, 55.0], 0.0),
    (
        "East Sea off Rason at 130.9°E 42.0°N",
        [130.9, 42.0],
        NARROW,
    ),
    ("Indian Ocean at 80°E 10°S", [80.0, -10.0], 0.0),
    ("Pacific Ocean at 140°W 20°S", [-140.0, -20.0], 0.0),
    ("South Atlantic at 15°W 30°S", [-15.0, -30.0], 0.0),
];

/// The zoom from which reference points in narrow seas or on small land are checked (the
/// third field of the tables above; 0 for the others): in the world view (the world map,
/// about 37 km a pixel) the Black Sea, a strait, Kaliningrad or the Korean peninsula is a
/// few pixels wide and a 9×9 window there takes in their coasts.
const NARROW: f64 = 2.5;

fn rgb(c: bevy::prelude::Color) -> [f32; 3] {
    let s = c.to_srgba();
    [s.red * 255.0, s.green * 255.0, s.blue * 255.0]
}

fn near(p: &image::Rgb<u8>, c: [f32; 3]) -> bool {
    (0..3).all(|i| (p.0[i] as f32 - c[i]).abs() <= 6.0)
}

/// The accessibility tree's checks (see `--interface` in `main`).
fn check_interface(scene: &serde_json::Value, card: bool, failures: &mut Vec<String>) {
    use dateline::app::ui::words::status_word;
    use dateline::core::events::Status;
    use dateline::core::i18n::{UiLang, en_ftl};
    use dateline::core::timeline::{FuzzyDate, day_number};
    let lang = match scene["ui_lang"].as_str().map(UiLang::parse) {
        Some(Ok(l)) => l,
        _ => {
            failures.push("the scene description has no interface language".into());
            return;
        }
    };
    let nodes: Vec<(&str, &str, &str, bool)> = scene["interface"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| {
            (
                n["role"].as_str().unwrap_or(""),
                n["name"].as_str().unwrap_or(""),
                n["value"].as_str().unwrap_or(""),
                n["live"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    let has = |role: &str, name: &str| nodes.iter().any(|n| n.0 == role && n.1 == name);
    // The top bar and the timeline's buttons.
    // (Symbol buttons by the names given to them: ⏮ is "Previous event".)
    for key in [
        "top-home",
        "top-korea",
        "top-globe",
        "top-events",
        "top-zoom-in-name",
        "top-help-name",
        "timeline-prev-name",
        "timeline-cumulative",
    ] {
        let text = lang.t(key);
        if !has("Button", &text) {
            failures.push(format!("no button named \"{text}\" ({key})"));
        }
    }
    if !has("Button", &lang.t("timeline-play")) && !has("Button", &lang.t("timeline-pause")) {
        failures.push("no play or pause button named in the interface's language".into());
    }
    // The timeline: a slider named with the date shown.
    let day = scene["date"]
        .as_str()
        .and_then(|d| FuzzyDate::parse(d).ok())
        .map(|d| day_number(d.year, d.month, d.day));
    match day {
        Some(day) => {
            let mut args = dateline::core::i18n::FluentArgs::new();
            args.set("date", lang.long_date(day));
            let name = lang.f("timeline-axis-name", &args);
            if !has("Slider", &name) {
                failures.push(format!("the timeline is not named \"{name}\""));
            }
        }
        None => failures.push("the scene description has no date".into()),
    }
    // The event list: rows named with a date and how sure, in the interface's language.
    let statuses: Vec<String> = Status::ALL.iter().map(|s| status_word(lang, *s)).collect();
    let rows = nodes
        .iter()
        .filter(|n| n.0 == "Button" && statuses.iter().any(|s| n.1.contains(&format!(", {s}"))))
        .count();
    if rows < 3 {
        failures.push(format!("only {rows} event rows named with their status"));
    } else {
        println!("{rows} event rows named with their date and status");
    }
    // The card: its window, and a live region reading the event.
    if card {
        if !has("Window", &lang.t("card-title")) {
            failures.push(format!(
                "no event card window named \"{}\"",
                lang.t("card-title")
            ));
        }
        let live = nodes
            .iter()
            .find(|n| n.3 && statuses.iter().any(|s| n.2.contains(s.as_str())));
        match live {
            Some(n) => println!("the card announces \"{}\"", n.2),
            None => failures.push("the event card has no live region naming the event".into()),
        }
    }
    // In Korean: Hangul throughout, and none of the interface's English words.
    if lang == UiLang::Ko {
        let hangul = |t: &str| t.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let named = nodes.iter().filter(|n| hangul(n.1) || hangul(n.2)).count();
        if named < 20 {
            failures.push(format!("only {named} parts of the interface in Hangul"));
        } else {
            println!("{named} parts of the interface named in Hangul");
        }
        let english: Vec<String> = en_ftl()
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
            .filter(|k| !k.contains(' ') && !k.starts_with('#'))
            .map(|k| (UiLang::En.t(k), UiLang::Ko.t(k)))
            .filter(|(en, ko)| en != ko && en.chars().filter(char::is_ascii_alphabetic).count() > 3)
            .map(|(en, _)| en)
            .collect();
        for n in &nodes {
            // egui's own name for a window's close button counts too.
            if english.iter().any(|e| e == n.1 || e == n.2) || n.1 == "Close window" {
                failures.push(format!("English left in the Korean interface: {:?}", n.1));
            }
        }
    }
}

fn list_arg(args: &[String], flag: &str) -> Vec<String> {
    args.iter()
        .position(|a| a == flag)
        .and_then(|i| args.get(i + 1))
        .map(|v| v.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

/// `--handout DIR STEPS WxH`: an exported lesson: STEPS slides `step-NN.png` of that size,
/// and `handout.html` with a section and the image of each, and no script.
fn check_handout(dir: &str, steps: usize, size: &str) -> ExitCode {
    let dir = std::path::Path::new(dir);
    let mut failures = Vec::new();
    for i in 1..=steps {
        let p = dir.join(format!("step-{i:02}.png"));
        match image::open(&p) {
            Ok(img) if format!("{}x{}", img.width(), img.height()) == size => {}
            Ok(img) => failures.push(format!(
                "{} is {}x{}, expected {size}",
                p.display(),
                img.width(),
                img.height()
            )),
            Err(e) => failures.push(format!("{}: {e}", p.display())),
        }
    }
    match std::fs::read_to_string(dir.join("handout.html")) {
        Ok(html) => {
            if html.matches("<section>").count() != steps {
                failures.push(format!("handout.html has not {steps} sections"));
            }
            for i in 1..=steps {
                if !html.contains(&format!("<img src=\"step-{i:02}.png\"")) {
                    failures.push(format!("handout.html does not show step-{i:02}.png"));
                }
            }
            if html.to_lowercase().contains("<script") {
                failures.push("handout.html has a script".into());
            }
            if !html.contains("Content-Security-Policy") {
                failures.push("handout.html has no content security policy".into());
            }
            // The font it names lies beside it, with its licence.
            let font = html
                .split("src:url(\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .unwrap_or("");
            match std::fs::metadata(dir.join(font)) {
                Ok(m) if !font.is_empty() && m.len() > 100_000 => {}
                _ => failures.push(format!("the handout's font \"{font}\" is not beside it")),
            }
            let licences = std::fs::read_dir(dir)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.file_name().to_string_lossy().contains("OFL"))
                .count();
            if licences == 0 {
                failures.push("the font's licence is not beside the handout".into());
            }
        }
        Err(e) => failures.push(format!("handout.html: {e}")),
    }
    if failures.is_empty() {
        println!(
            "check_capture: handout in {} ok ({steps} slides)",
            dir.display()
        );
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            eprintln!("check_capture: {f}");
        }
        ExitCode::from(1)
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).is_some_and(|a| a == "--handout") {
        let (Some(dir), Some(n), Some(size)) = (args.get(2), args.get(3), args.get(4)) else {
            eprintln!("usage: check_capture --handout DIR STEPS WxH");
            return ExitCode::from(2);
        };
        return check_handout(dir, n.parse().unwrap_or(0), size);
    }
    let Some(png) = args.get(1).cloned() else {
        eprintln!(
            "usage: check_capture OUT.png [--visible ID,…] [--none-visible ID,…] [--map world|regional] …"
        );
        return ExitCode::from(2);
    };
    let img = match image::open(&png) {
        Ok(i) => i.to_rgb8(),
        Err(e) => {
            eprintln!("check_capture: cannot open {png}: {e}");
            return ExitCode::from(1);
        }
    };
    let json_path = std::path::Path::new(&png).with_extension("json");
    let scene: serde_json::Value = match std::fs::read_to_string(&json_path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(v) => v,
        Err(e) => {
            eprintln!("check_capture: cannot read {}: {e}", json_path.display());
            return ExitCode::from(1);
        }
    };
    let mut failures = Vec::new();
    let size = [img.width() as f64, img.height() as f64];
    if scene["size"] != serde_json::json!([img.width(), img.height()]) {
        failures.push(format!(
            "scene size {} differs from the PNG's {:?}",
            scene["size"], size
        ));
    }
    let countries = scene["layers"]
        .as_array()
        .and_then(|l| l.iter().find(|x| x["name"] == "countries"))
        .and_then(|x| x["features"].as_u64())
        .unwrap_or(0);
    if countries < 50 {
        failures.push(format!(
            "scene lists {countries} countries, expected the region's 60+"
        ));
    }
    // The flat map the scene was drawn on (the region's conic or the world map).
    // On the globe the flat map is not used (places land through the globe camera).
    let kind = match scene["view"]["projection"].as_str().map(MapKind::from_name) {
        Some(Some(k)) => k,
        _ if scene["mode"] == "globe" => MapKind::Regional,
        _ => {
            eprintln!(
                "check_capture: unknown projection {} in the scene",
                scene["view"]["projection"]
            );
            return ExitCode::from(1);
        }
    };
    let proj = kind.projection();
    let c = &scene["view"]["center"];
    let (Some(lon), Some(lat), Some(zoom)) =
        (c[0].as_f64(), c[1].as_f64(), scene["view"]["zoom"].as_f64())
    else {
        eprintln!("check_capture: the scene has no view centre/zoom");
        return ExitCode::from(1);
    };
    let view = MapView {
        center: proj.project([lon, lat]),
        zoom,
    };
    // On the globe, places land on screen through the globe camera, inside its viewport.
    let globe = (scene["mode"] == "globe").then(|| {
        let vp: Vec<f64> = scene["view"]["viewport"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_f64())
            .collect();
        let g = GlobeView {
            center: [lon, lat],
            distance: scene["view"]["distance"].as_f64().unwrap_or(3.0),
            fov: scene["view"]["fov_deg"]
                .as_f64()
                .unwrap_or(30.0)
                .to_radians(),
        };
        let vp = if vp.len() == 4 {
            [vp[0], vp[1], vp[2], vp[3]]
        } else {
            [0.0, 0.0, size[0], size[1]]
        };
        (g, vp)
    });
    let pixel_of = |ll: [f64; 2]| -> Option<[f64; 2]> {
        match &globe {
            Some((g, vp)) => g
                .to_pixel(ll, [vp[2], vp[3]])
                .map(|p| [p[0] + vp[0], p[1] + vp[1]]),
            None => Some(view.to_pixel(proj.project(ll), size)),
        }
    };
    // The colours of the style the scene was drawn in (the projector's while presenting).
    let style = scene["style"]
        .as_str()
        .and_then(|s| MapStyle::parse(s).ok())
        .unwrap_or_default();
    let p = palette(style);
    let land: Vec<[f32; 3]> = p
        .land
        .iter()
        .chain(&p.land_other)
        .map(|c| rgb(*c))
        .collect();
    let sea = rgb(p.sea);
    // Count matching pixels in a 9×9 window, so thin lines (graticule, borders) through the
    // point do not fool it: a point is land when many pixels are land and few are sea.
    // Panels and windows, as the scene lists them, with a margin.
    let ui: Vec<[f64; 4]> = scene["ui"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    let v: Vec<f64> = r.as_array()?.iter().filter_map(|x| x.as_f64()).collect();
                    (v.len() == 4).then(|| [v[0] - 8.0, v[1] - 8.0, v[2] + 8.0, v[3] + 8.0])
                })
                .collect()
        })
        .unwrap_or_default();
    let free = |x: f64, y: f64| {
        x >= 8.0
            && y >= 8.0
            && x <= size[0] - 8.0
            && y <= size[1] - 8.0
            && !ui
                .iter()
                .any(|r| x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3])
    };
    // Event markers cover the map around their anchors.
    let anchors: Vec<[f64; 2]> = scene["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["visible"] == true)
        .filter_map(|e| Some([e["anchor"][0].as_f64()?, e["anchor"][1].as_f64()?]))
        .collect();
    let count = |ll: [f64; 2], f: &dyn Fn(&image::Rgb<u8>) -> bool| -> Option<usize> {
        let [x, y] = pixel_of(ll)?;
        // Skip points under the UI, an event marker or a label, or outside the frame.
        // Labels are dark text on a white halo, neither land nor sea colour: they lower the
        // count but cannot turn land into sea, so points under labels are still checked.
        if !free(x, y) || anchors.iter().any(|a| (a[0] - x).hypot(a[1] - y) < 18.0) {
            return None;
        }
        let (x, y) = (x as i64, y as i64);
        Some(
            (-4..=4)
                .flat_map(|dy| (-4..=4).map(move |dx| (x + dx, y + dy)))
                .filter(|&(px, py)| f(img.get_pixel(px as u32, py as u32)))
                .count(),
        )
    };
    // In a 9×9 window, so thin lines (graticule, borders) and labels (dark text on a white
    // halo, neither colour) through a point do not fool it: a point is land when enough pixels
    // are land and sea pixels are rare next to them, and the reverse for sea.
    let is_land = |p: &image::Rgb<u8>| land.iter().any(|c| near(p, *c));
    let is_sea = |p: &image::Rgb<u8>| near(p, sea);
    let mut checked = 0;
    for (name, ll, from_zoom) in LAND_AT {
        if zoom < from_zoom {
            continue;
        }
        if let (Some(l), Some(s)) = (count(ll, &is_land), count(ll, &is_sea)) {
            if l + s < 20 {
                println!("{name}: covered by labels ({l} land, {s} sea pixels); not checked");
                continue;
            }
            checked += 1;
            println!("{name}: {l}/81 land pixels, {s}/81 sea pixels");
            if l < 12 || s * 4 > l {
                failures.push(format!(
                    "{name} should be land but has {l}/81 land and {s}/81 sea pixels"
                ));
            }
        }
    }
    for (name, ll, from_zoom) in SEA_AT {
        if zoom < from_zoom {
            continue;
        }
        if let (Some(l), Some(s)) = (count(ll, &is_land), count(ll, &is_sea)) {
            if l + s < 20 {
                println!("{name}: covered by labels ({l} land, {s} sea pixels); not checked");
                continue;
            }
            checked += 1;
            println!("{name}: {s}/81 sea pixels, {l}/81 land pixels");
            // The projector's white halos over its dark sea blend through light, land-like
            // colours at their edges: a few such pixels are allowed there.
            let stray = if style == MapStyle::Projector { 8 } else { 3 };
            if s < 12 || l > stray {
                failures.push(format!(
                    "{name} should be sea but has {s}/81 sea and {l}/81 land pixels"
                ));
            }
        }
    }
    if checked < 3 {
        failures.push(format!("only {checked} reference points were in the frame"));
    }
    // Events: the ones that must (not) show, and each visible marker's colour on screen.
    let events = scene["events"].as_array().cloned().unwrap_or_default();
    let find = |id: &str| events.iter().find(|e| e["id"] == id);
    for id in list_arg(&args, "--visible") {
        match find(&id) {
            Some(e) if e["visible"] == true => println!("event {id}: visible"),
            Some(_) => failures.push(format!("event {id} should be visible")),
            None => failures.push(format!("event {id} is not in the scene")),
        }
    }
    // Routes no source gives: drawn as an arrow between two places, not a path.
    for id in list_arg(&args, "--route-not-reported") {
        match find(&id) {
            Some(e) if e["shape"] == "route not reported" => {
                println!("event {id}: route not reported")
            }
            Some(e) => failures.push(format!("event {id} is drawn as {}", e["shape"])),
            None => failures.push(format!("event {id} is not in the scene")),
        }
    }
    for id in list_arg(&args, "--none-visible") {
        match find(&id) {
            Some(e) if e["visible"] == true => {
                failures.push(format!("event {id} should not be visible"))
            }
            Some(_) => println!("event {id}: hidden"),
            None => failures.push(format!("event {id} is not in the scene")),
        }
    }
    let mut markers = 0;
    for e in &events {
        let (Some(x), Some(y)) = (e["anchor"][0].as_f64(), e["anchor"][1].as_f64()) else {
            continue;
        };
        // Point markers only: a route's anchor is its tip, drawn as a line.
        if e["visible"] != true || !free(x, y) || e["shape"] != "point" {
            continue;
        }
        let cat = e["category"].as_str().unwrap_or("other");
        let [r, g, b] = CATEGORIES[category_index(cat)].2;
        let want = [r as f32, g as f32, b as f32];
        let near_cat = |p: &image::Rgb<u8>| (0..3).all(|i| (p.0[i] as f32 - want[i]).abs() <= 40.0);
        let (cx, cy) = (x as i64, y as i64);
        let n = (-7..=7)
            .flat_map(|dy| (-7..=7).map(move |dx| (cx + dx, cy + dy)))
            .filter(|&(px, py)| {
                px >= 0 && py >= 0 && (px as u32) < img.width() && (py as u32) < img.height()
            })
            .filter(|&(px, py)| near_cat(img.get_pixel(px as u32, py as u32)))
            .count();
        markers += 1;
        if n < 8 {
            failures.push(format!(
                "event {} at ({x:.0}, {y:.0}) should show its {cat} colour but has {n} such pixels",
                e["id"]
            ));
        }
    }
    println!("{markers} event markers checked on screen");
    // Labels: no overlap, text inside its rectangle, the wanted names present.
    let labels = scene["labels"].as_array().cloned().unwrap_or_default();
    let rect = |l: &serde_json::Value| -> Option<[f64; 4]> {
        let v: Vec<f64> = l["rect"]
            .as_array()?
            .iter()
            .filter_map(|x| x.as_f64())
            .collect();
        (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
    };
    let rects: Vec<(String, [f64; 4])> = labels
        .iter()
        .filter_map(|l| Some((l["text"].as_str()?.to_string(), rect(l)?)))
        .collect();
    // Each name's box as drawn: straight, or turned to lie along a line.
    let boxed = |l: &serde_json::Value| -> Option<AlongLine> {
        let r = rect(l)?;
        Some(AlongLine {
            angle: l["angle"].as_f64().unwrap_or(0.0).to_radians(),
            ..straight(&r)
        })
    };
    let boxes: Vec<(String, AlongLine)> = labels
        .iter()
        .filter_map(|l| Some((l["text"].as_str()?.to_string(), boxed(l)?)))
        .collect();
    for (i, (a, ba)) in boxes.iter().enumerate() {
        for (b, bb) in &boxes[i + 1..] {
            if boxes_overlap(ba, bb) {
                failures.push(format!("labels \"{a}\" and \"{b}\" overlap"));
            }
        }
    }
    let along: Vec<&serde_json::Value> = labels
        .iter()
        .filter(|l| l["angle"].as_f64().unwrap_or(0.0) != 0.0)
        .collect();
    if !along.is_empty() {
        println!("{} names set along lines", along.len());
    }
    for l in &labels {
        if let (Some(r), Some(w), Some(h)) = (
            rect(l),
            l["text_size"][0].as_f64(),
            l["text_size"][1].as_f64(),
        ) && (w > r[2] - r[0] + 1.0 || h > r[3] - r[1] + 1.0)
        {
            failures.push(format!(
                "label \"{}\" is laid out {w}x{h} px but was given {:.0}x{:.0}",
                l["text"],
                r[2] - r[0],
                r[3] - r[1]
            ));
        }
    }
    // Names on their own side: each city's letters off every country but its own, each
    // sea's off all land, each country's centred on it. Tested at points 1 px apart against
    // the atlas's country shapes, on the flat maps.
    if scene["mode"] != "globe" {
        match Atlas::bundled() {
            Ok(atlas) => {
                let ground = atlas.ground(kind);
                let g = |px: [f64; 2]| ground.at_point(view.from_pixel(px, size));
                let mut checked = 0;
                // The MDL's name: its letters on South Korea's side or over the sea.
                let kor = atlas.country_index("KOR").map(|c| c as u16);
                for l in labels.iter().filter(|l| l["kind"] == "line") {
                    let (Some(b), Some(kor)) = (boxed(l), kor) else {
                        continue;
                    };
                    checked += 1;
                    if !keeps_side_along(Side::HomeOrWater(kor), &b, &g) {
                        failures.push(format!(
                            "label {} runs onto North Korea or another country",
                            l["text"]
                        ));
                    }
                }
                for l in &labels {
                    let (Some(r), Some(lon), Some(lat)) =
                        (rect(l), l["lon"].as_f64(), l["lat"].as_f64())
                    else {
                        continue;
                    };
                    let Some(i) = atlas.places.iter().position(|p| p.lonlat == [lon, lat]) else {
                        continue;
                    };
                    let side = side_of(&atlas, i);
                    if side == Side::Any {
                        continue;
                    }
                    checked += 1;
                    // The story's countries may sit beside their land over the water.
                    let beside = beside_of(&atlas, i).is_some_and(|b| keeps_side(b, &r, &g, 1.0));
                    if !keeps_side(side, &r, &g, 1.0) && !beside {
                        failures.push(format!(
                            "label {} runs onto another country's land or off its side ({side:?})",
                            l["text"]
                        ));
                    }
                }
                println!("{checked} names checked on their own side of borders and coasts");
            }
            Err(e) => failures.push(format!("cannot build the atlas: {e}")),
        }
    }
    // Text against what is around it: the darkest pixel of each name's letters against the
    // lightest round them (the halo the letters sit in) must reach 4.5:1; against the median
    // of a ring just outside the halo (the map beyond) it is reported, the lowest named.
    let lum = |p: &image::Rgb<u8>| contrast_ratio(p.0, [0, 0, 0]) * 0.05 - 0.05;
    let mut worst: Option<(f64, String)> = None;
    let mut worst_map: Option<(f64, String)> = None;
    let mut sampled = 0;
    let contrast = !args.iter().any(|a| a == "--no-contrast");
    // (Names along lines are left out: their letters do not fill a straight box.)
    for l in labels
        .iter()
        .filter(|l| contrast && l["angle"].as_f64().unwrap_or(0.0) == 0.0)
    {
        let Some(r) = rect(l) else {
            continue;
        };
        let ring_out = [r[0] - 6.0, r[1] - 6.0, r[2] + 6.0, r[3] + 6.0];
        let near_marker = anchors.iter().any(|a| {
            a[0] > ring_out[0] - 12.0
                && a[0] < ring_out[2] + 12.0
                && a[1] > ring_out[1] - 12.0
                && a[1] < ring_out[3] + 12.0
        });
        if !free(ring_out[0], ring_out[1]) || !free(ring_out[2], ring_out[3]) || near_marker {
            continue;
        }
        let t = text_box(&r);
        let mut text = f64::MAX;
        let mut halo = f64::MIN;
        for y in t[1] as u32..t[3] as u32 {
            for x in t[0] as u32..t[2] as u32 {
                let v = lum(img.get_pixel(x, y));
                text = text.min(v);
                halo = halo.max(v);
            }
        }
        let mut ring: Vec<f64> = Vec::new();
        for y in ring_out[1] as u32..ring_out[3] as u32 {
            for x in ring_out[0] as u32..ring_out[2] as u32 {
                let (fx, fy) = (x as f64, y as f64);
                let inner =
                    fx >= r[0] - 3.0 && fx <= r[2] + 3.0 && fy >= r[1] - 3.0 && fy <= r[3] + 3.0;
                if !inner {
                    ring.push(lum(img.get_pixel(x, y)));
                }
            }
        }
        if ring.is_empty() || text == f64::MAX {
            continue;
        }
        ring.sort_by(f64::total_cmp);
        let bg = ring[ring.len() / 2];
        let on_map = (bg.max(text) + 0.05) / (bg.min(text) + 0.05);
        let ratio = (halo.max(text) + 0.05) / (halo.min(text) + 0.05);
        sampled += 1;
        if worst.as_ref().is_none_or(|w| ratio < w.0) {
            worst = Some((ratio, l["text"].to_string()));
        }
        if worst_map.as_ref().is_none_or(|w| on_map < w.0) {
            worst_map = Some((on_map, l["text"].to_string()));
        }
        if ratio < 4.5 {
            failures.push(format!(
                "label {} reads at {ratio:.1}:1 against its halo, want 4.5:1",
                l["text"]
            ));
        }
    }
    if let (Some((ratio, text)), Some((map, map_text))) = (worst, worst_map) {
        println!(
            "{sampled} names' contrast sampled: against their halo the lowest {ratio:.1}:1 ({text}); against the map beyond it {map:.1}:1 ({map_text})"
        );
    }
    // Sizes: --min-px KIND=PX,… (the projector style's rule of text height for the room).
    for rule in list_arg(&args, "--min-px") {
        let Some((k, px)) = rule.split_once('=') else {
            continue;
        };
        let px: f64 = px.parse().unwrap_or(0.0);
        let of_kind: Vec<&serde_json::Value> = labels.iter().filter(|l| l["kind"] == k).collect();
        if of_kind.is_empty() {
            failures.push(format!("no {k} names to check the size of"));
        }
        for l in of_kind {
            let f = l["font_px"].as_f64().unwrap_or(0.0);
            if f + 1e-6 < px {
                failures.push(format!("{k} name {} is {f:.1} px, want {px}", l["text"]));
            }
        }
        println!("{k} names at {px} px or more");
    }
    for name in list_arg(&args, "--labels") {
        // (A name shown in its short form counts, and says so.)
        let short = labels.iter().find_map(|l| {
            let full = l["full"].as_str()?;
            full.contains(&name)
                .then(|| l["text"].as_str().unwrap_or(""))
        });
        if rects.iter().any(|(t, _)| t.contains(&name)) {
            println!("label {name}: on screen");
        } else if let Some(text) = short {
            println!("label {name}: on screen as {text}");
        } else {
            failures.push(format!("no label for {name}"));
        }
    }
    if labels.len() < 10 {
        failures.push(format!("only {} labels on screen", labels.len()));
    }
    println!("{} labels, none overlapping", rects.len());
    // A lesson's step: the one asked for, with its narration, and every place it highlights
    // on screen, clear of the narration card and the panels.
    if let Some(want) = list_arg(&args, "--lesson-step").first() {
        let l = &scene["lesson"];
        if l["step_id"] != want.as_str() {
            failures.push(format!(
                "the lesson shows step {}, expected {want}",
                l["step_id"]
            ));
        }
        if l["narration"].as_str().is_none_or(|n| n.trim().is_empty()) {
            failures.push("the step's narration is empty".into());
        }
        if args.iter().any(|a| a == "--presenting") && l["presenting"] != true {
            failures.push("the lesson is not being presented".into());
        }
        if args.iter().any(|a| a == "--editing") && l["editing"] != true {
            failures.push("the lesson is not open in the editor".into());
        }
        if let Some(n) = list_arg(&args, "--drawings").first() {
            let want: u64 = n.parse().unwrap_or(u64::MAX);
            if l["drawings"].as_u64() != Some(want) {
                failures.push(format!(
                    "the step has {} drawing(s), expected {want}",
                    l["drawings"]
                ));
            }
        }
        let card: Vec<f64> = l["card"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_f64())
            .collect();
        let places = l["places"].as_array().cloned().unwrap_or_default();
        if places.is_empty() {
            failures.push("the step highlights no place".into());
        }
        for p in &places {
            let name = p["id"].as_str().unwrap_or("?");
            let Some([x, y]) = p["pixel"]
                .as_array()
                .and_then(|a| Some([a.first()?.as_f64()?, a.get(1)?.as_f64()?]))
            else {
                failures.push(format!("highlighted place {name} is not on screen"));
                continue;
            };
            let under_card =
                card.len() == 4 && x >= card[0] && x <= card[2] && y >= card[1] && y <= card[3];
            if !free(x, y) || under_card {
                failures.push(format!(
                    "highlighted place {name} at {x:.0},{y:.0} is off screen or under the card or a panel"
                ));
            } else {
                println!("highlighted place {name}: on screen at {x:.0},{y:.0}, clear of the card");
            }
        }
    }
    // The flat map it must be drawn on (`world` or `regional`).
    if let Some(want) = list_arg(&args, "--map").first() {
        let got = match kind {
            MapKind::World => "world",
            MapKind::Regional => "regional",
        };
        if scene["mode"] == "map" && got != want {
            failures.push(format!("drawn on the {got} map, expected the {want} map"));
        } else {
            println!("on the {got} map");
        }
    }
    // The user's files: layers that must be listed, and problems that must be reported.
    for name in list_arg(&args, "--layer") {
        let found = scene["layers"].as_array().into_iter().flatten().any(|l| {
            l["name"].as_str().is_some_and(|n| n.starts_with(&name)) && l["visible"] == true
        });
        if found {
            println!("layer {name}: shown");
        } else {
            failures.push(format!("layer {name} is not shown"));
        }
    }
    for place in list_arg(&args, "--problem") {
        let found = scene["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|p| p.as_str().is_some_and(|p| p.contains(&place)));
        if found {
            println!("problem at {place}: reported");
        } else {
            failures.push(format!("no problem reported at {place}"));
        }
    }
    // The panels as a screen reader is told them (`--interface`): named in the interface's
    // language, the timeline's controls, the event list's rows and (with `--card`) the event
    // card with its live region; in Korean, no English words of the interface left.
    if args.iter().any(|a| a == "--interface") {
        check_interface(&scene, args.iter().any(|a| a == "--card"), &mut failures);
    }
    let distinct: std::collections::HashSet<[u8; 3]> =
        img.pixels().step_by(7).map(|p| p.0).collect();
    if distinct.len() < 20 {
        failures.push(format!(
            "the image has only {} distinct colours: nothing was drawn",
            distinct.len()
        ));
    }
    if failures.is_empty() {
        println!(
            "check_capture: {png} ok ({checked} reference points, {} colours sampled)",
            distinct.len()
        );
        ExitCode::SUCCESS
    } else {
        for f in &failures {
            eprintln!("check_capture: {png}: {f}");
        }
        ExitCode::from(1)
    }
}
