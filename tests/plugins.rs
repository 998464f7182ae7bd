//! Plugin tests: the app's layers in a bare `App` with `MinimalPlugins`, driven by
//! `app.update()`. No window or GPU: the window is a plain entity and assets are in-memory
//! collections; egui's pass is not run (its panels are exercised by the captures in CI).

use std::sync::Arc;

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use dateline::app;
use dateline::app::camera::map::{MapCam, MapCamera};
use dateline::app::files::inspect::Inspected;
use dateline::app::files::store::OpenFiles;
use dateline::app::render::atlas::{DashTag, LineLayerTag};
use dateline::app::render::labels::Highlight;
use dateline::app::render::markers::{EventMarker, SceneEvents};
use dateline::app::render::user_layers::{LayerEntities, Lod};
use dateline::app::state::layers::LayerToggles;
use dateline::app::state::prefs::UiPrefs;
use dateline::app::state::requests::{Announcement, FileRequest, GoHome, OpenFile, SelectEvent};
use dateline::app::state::screen::{MapInsets, OnMap, Projector, ViewMode};
use dateline::app::state::settings::{AtlasData, Settings};
use dateline::app::state::story::{Clock, EventFilters, Selection, Story};
use dateline::app::ui::files::FileWindows;
use dateline::core::atlas::{Atlas, LineKind};
use dateline::core::events;
use dateline::core::i18n::UiLang;
use dateline::core::labels::MapStyle;
use dateline::core::model::Lang;
use dateline::core::projection::{Lcc, MapKind, Projection};
use dateline::core::timeline::{FuzzyDate, iso};
use dateline::core::userfile::Content;
use dateline::core::view::ViewSpec;

fn settings(view: &str) -> Settings {
    Settings::new(ViewSpec::parse(view).unwrap())
}

/// A bare app with the state and camera layers: input resources, states and a primary
/// window entity.
fn base_app(view: &str) -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .add_plugins(bevy::state::app::StatesPlugin)
        .insert_resource(settings(view))
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .init_resource::<AccumulatedMouseMotion>()
        .init_resource::<AccumulatedMouseScroll>()
        .add_plugins((app::state::plugin, app::camera::plugin));
    app.world_mut().spawn((
        Window {
            resolution: bevy::window::WindowResolution::new(1280, 800),
            ..default()
        },
        PrimaryWindow,
    ));
    app
}

fn camera_app(view: &str) -> App {
    let mut app = base_app(view);
    app.update();
    app
}

/// Every layer but capture, with the bundled atlas and story, in-memory assets, and egui's
/// pass left out; `setup` changes the settings first.
fn full_app_with(view: &str, setup: impl FnOnce(&mut Settings)) -> App {
    let mut app = base_app(view);
    setup(&mut app.world_mut().resource_mut::<Settings>());
    let bundled = events::load_geojson(events::BUNDLED_NAME, events::BUNDLED);
    app.add_plugins(AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<ColorMaterial>()
        .init_asset::<StandardMaterial>()
        .init_asset::<GizmoAsset>()
        .init_asset::<Font>()
        .add_message::<bevy::window::FileDragAndDrop>()
        .insert_resource(AtlasData(Arc::new(Atlas::bundled().unwrap())))
        .insert_resource(Story::new(bundled.events))
        .add_plugins((
            app::theme::plugin,
            app::render::plugin,
            app::files::plugin,
            app::ui::plugin,
        ));
    app.update();
    app.update();
    app
}

fn full_app(view: &str) -> App {
    full_app_with(view, |_| {})
}

fn press(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release(key);
    keys.clear();
}

fn set_cursor(app: &mut App, x: f64, y: f64) {
    let mut q = app.world_mut().query::<&mut Window>();
    q.single_mut(app.world_mut())
        .unwrap()
        .set_cursor_position(Some(Vec2::new(x as f32, y as f32)));
}

/// A left click (press, then release) at a pixel.
fn click(app: &mut App, x: f64, y: f64) {
    set_cursor(app, x, y);
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.update();
    let mut b = app.world_mut().resource_mut::<ButtonInput<MouseButton>>();
    b.release(MouseButton::Left);
    app.update();
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .clear();
}

fn day(s: &str) -> f64 {
    FuzzyDate::parse(s).unwrap().first_day() as f64
}

fn visible(app: &App) -> Vec<String> {
    let story = app.world().resource::<Story>();
    app.world()
        .resource::<SceneEvents>()
        .describe(story, false)
        .into_iter()
        .filter(|e| e.visible)
        .map(|e| e.id)
        .collect()
}

fn wait_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.update();
    }
}

fn selected(app: &App) -> Option<String> {
    app.world().resource::<Selection>().event.clone()
}

/// A temporary folder for a test's files.
fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dateline-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn camera_starts_on_the_requested_view_and_follows_keys() {
    let mut app = camera_app("korea");
    let cam = *app.world().resource::<MapCamera>();
    let home = cam.target;
    // The camera entity sits over the view centre.
    let mut q = app.world_mut().query_filtered::<&Transform, With<MapCam>>();
    let t = q.single(app.world()).unwrap();
    assert!((t.translation.x as f64 - home.center[0]).abs() < 1.0);
    assert!((t.translation.y as f64 - home.center[1]).abs() < 1.0);

    press(&mut app, KeyCode::Equal);
    let zoomed = app.world().resource::<MapCamera>().target;
    assert!(
        zoomed.zoom > home.zoom,
        "+ zooms in: {zoomed:?} vs {home:?}"
    );

    press(&mut app, KeyCode::ArrowRight);
    let panned = app.world().resource::<MapCamera>().target;
    assert!(panned.center[0] > zoomed.center[0], "→ pans east");

    press(&mut app, KeyCode::Home);
    let back = app.world().resource::<MapCamera>().target;
    assert!((back.zoom - home.zoom).abs() < 1e-9 && back.center == home.center);
}

#[test]
fn camera_cannot_leave_the_map() {
    let mut app = camera_app("world");
    let cam = *app.world().resource::<MapCamera>();
    // A drag far enough that only the clamp keeps the centre on the map.
    let dx = 1.0e6_f32;
    let s = dateline::core::view::km_per_px(cam.target.zoom);
    assert!(cam.target.center[0] - dx as f64 * s < cam.bounds[0] - 1e3);
    set_cursor(&mut app, 640.0, 400.0);
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.world_mut()
        .resource_mut::<AccumulatedMouseMotion>()
        .delta = Vec2::new(dx, dx);
    app.update();
    let cam = *app.world().resource::<MapCamera>();
    // Dragging right and down moves the view west and north, to the edge and no further.
    assert_eq!(cam.target.center[0], cam.bounds[0]);
    assert_eq!(cam.target.center[1], cam.bounds[3]);
}

#[test]
fn map_spawns_every_country_once_and_hides_provinces_when_zoomed_out() {
    let mut app = full_app("world");
    let countries = app.world().resource::<AtlasData>().0.countries.len();
    // The atlas's meshes on a flat map, all and shown: one per country and one for the lakes
    // on each map, and the world map's frame (event areas are named "event area …").
    let meshes = |app: &mut App, kind: MapKind| -> (usize, usize) {
        let mut q = app
            .world_mut()
            .query_filtered::<(&Name, &OnMap, &Visibility), With<Mesh2d>>();
        let ours: Vec<bool> = q
            .iter(app.world())
            .filter(|(n, on, _)| !n.starts_with("event") && on.0 == kind)
            .map(|(_, _, v)| *v != Visibility::Hidden)
            .collect();
        (ours.len(), ours.iter().filter(|v| **v).count())
    };
    // The World view is on the world map: its meshes show, the conic's do not.
    assert_eq!(app.world().resource::<MapCamera>().kind, MapKind::World);
    assert_eq!(
        meshes(&mut app, MapKind::World),
        (countries + 2, countries + 2)
    );
    assert_eq!(meshes(&mut app, MapKind::Regional), (countries + 1, 0));

    let shown = |app: &mut App, kind: LineKind| {
        app.world_mut()
            .query_filtered::<&LineLayerTag, With<Gizmo>>()
            .iter(app.world())
            .any(|t| t.0 == kind)
    };
    assert!(shown(&mut app, LineKind::Coast));
    assert!(
        !shown(&mut app, LineKind::ProvinceOther),
        "world view hides provinces"
    );
    // The MDL is drawn with one set of dashes, the one cut for this scale, over its casing.
    let mdl_sets = |app: &mut App| {
        app.world_mut()
            .query_filtered::<(&LineLayerTag, Option<&DashTag>), With<Gizmo>>()
            .iter(app.world())
            .filter(|(t, _)| t.0 == LineKind::Mdl)
            .map(|(_, d)| d.is_some())
            .fold(
                (0, 0),
                |(d, c), dashed| {
                    if dashed { (d + 1, c) } else { (d, c + 1) }
                },
            )
    };
    assert_eq!(mdl_sets(&mut app), (1, 1));

    // Zoom in far enough and the other countries' provinces appear (no easing, as in capture).
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    for _ in 0..8 {
        press(&mut app, KeyCode::Equal);
    }
    app.update();
    assert!(app.world().resource::<MapCamera>().current.zoom >= 5.0);
    // Zoomed in, the map is the region's conic again.
    assert_eq!(app.world().resource::<MapCamera>().kind, MapKind::Regional);
    assert_eq!(
        meshes(&mut app, MapKind::Regional),
        (countries + 1, countries + 1)
    );
    assert_eq!(meshes(&mut app, MapKind::World).1, 0);
    assert!(shown(&mut app, LineKind::ProvinceOther));
    assert_eq!(mdl_sets(&mut app), (1, 1));

    // Turning a layer off in the toggles hides it.
    app.world_mut()
        .resource_mut::<LayerToggles>()
        .lines
        .insert(LineKind::River, false);
    app.update();
    assert!(!shown(&mut app, LineKind::River));
}

#[test]
fn timeline_defaults_to_the_newest_event_and_steps_between_events() {
    let mut app = full_app("region");
    let t = app.world().resource::<Clock>().clone();
    assert_eq!(iso(t.day()), "2024-12-04", "the newest event's date");
    assert_eq!(visible(&app).len(), 14, "{:?}", visible(&app));

    press(&mut app, KeyCode::Comma);
    assert_eq!(iso(app.world().resource::<Clock>().day()), "2024-11-11");
    press(&mut app, KeyCode::Comma);
    assert_eq!(iso(app.world().resource::<Clock>().day()), "2024-11-01");
    press(&mut app, KeyCode::Period);
    assert_eq!(iso(app.world().resource::<Clock>().day()), "2024-11-11");
    // Month-precision events of November show from the 1st; the 4 December one not yet.
    let v = visible(&app);
    assert!(v.contains(&"kursk-nk-troops".to_string()));
    assert!(!v.contains(&"treaty-in-force".to_string()));
}

/// Presses a key with modifiers held.
fn press_with(app: &mut App, held: &[KeyCode], key: KeyCode) {
    {
        let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
        for k in held {
            keys.press(*k);
        }
    }
    press(app, key);
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    for k in held {
        keys.release(*k);
    }
    keys.clear();
}

#[test]
fn the_keyboard_reaches_the_date_the_events_the_places_and_the_interface() {
    let mut app = full_app("korea");
    let date = |app: &App| iso(app.world().resource::<Clock>().day());
    let said = |app: &App| app.world().resource::<Announcement>().text.clone();
    assert_eq!(date(&app), "2024-12-04");
    // Frames without keys leave the settings untouched (they are written when changed).
    let ticks = app.world().resource_ref::<UiPrefs>().last_changed();
    app.update();
    app.update();
    assert_eq!(app.world().resource_ref::<UiPrefs>().last_changed(), ticks);
    // The date by day and by month, said aloud; the map does not pan with Ctrl held.
    let view = app.world().resource::<MapCamera>().target;
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::ArrowRight);
    assert_eq!(date(&app), "2024-12-04");
    assert_eq!(said(&app), "4 December 2024 (the end of the timeline)");
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::ArrowLeft);
    assert_eq!(date(&app), "2024-12-03");
    assert_eq!(said(&app), "3 December 2024");
    assert_eq!(
        app.world().resource::<MapCamera>().target.center,
        view.center
    );
    press(&mut app, KeyCode::PageUp);
    assert_eq!(date(&app), "2024-11-03");
    press(&mut app, KeyCode::PageDown);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(
        date(&app),
        "2024-12-04",
        "no further than the timeline's end"
    );
    // N: the events on the map one by one, each selected (its card reads it out); Shift+N
    // goes back.
    press(&mut app, KeyCode::KeyN);
    let first = selected(&app).expect("an event selected");
    press(&mut app, KeyCode::KeyN);
    let second = selected(&app).expect("another event");
    assert_ne!(first, second);
    press_with(&mut app, &[KeyCode::ShiftLeft], KeyCode::KeyN);
    assert_eq!(selected(&app), Some(first));
    // P: a place named on the map, ringed and said in the interface's language.
    press(&mut app, KeyCode::KeyP);
    let ringed = app
        .world()
        .resource::<Highlight>()
        .place
        .expect("a place ringed");
    let name = app.world().resource::<AtlasData>().0.places[ringed]
        .name
        .clone();
    assert!(said(&app).starts_with(&name), "{} for {name}", said(&app));
    app.world_mut().resource_mut::<UiPrefs>().lang = UiLang::Ko;
    press(&mut app, KeyCode::KeyP);
    assert!(said(&app).contains(':') && said(&app).chars().any(|c| ('가'..='힣').contains(&c)));
    // The interface: larger text, high contrast, the language.
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::Equal);
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::Equal);
    assert_eq!(app.world().resource::<UiPrefs>().scale, 1.2);
    let zoom = app.world().resource::<MapCamera>().target.zoom;
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::Minus);
    assert_eq!(app.world().resource::<UiPrefs>().scale, 1.1);
    assert_eq!(
        app.world().resource::<MapCamera>().target.zoom,
        zoom,
        "Ctrl − is not the map's"
    );
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::Digit0);
    assert_eq!(app.world().resource::<UiPrefs>().scale, 1.0);
    press_with(
        &mut app,
        &[KeyCode::ControlLeft, KeyCode::ShiftLeft],
        KeyCode::KeyH,
    );
    assert!(app.world().resource::<UiPrefs>().high_contrast);
    press_with(&mut app, &[KeyCode::ControlLeft], KeyCode::KeyL);
    assert_eq!(app.world().resource::<UiPrefs>().lang, UiLang::En);
}

fn shown_markers(app: &mut App) -> usize {
    app.world_mut()
        .query::<(&EventMarker, &Visibility)>()
        .iter(app.world())
        .filter(|(_, v)| **v != Visibility::Hidden)
        .count()
}

#[test]
fn markers_follow_the_date_and_the_filters() {
    let mut app = full_app_with("region", |s| s.date = Some(day("2023-07-01") as i64));
    assert!(visible(&app).is_empty(), "{:?}", visible(&app));
    assert_eq!(shown_markers(&mut app), 0);

    app.world_mut().resource_mut::<Clock>().date = day("2024-11-26");
    app.update();
    let v = visible(&app);
    for id in ["kursk-nk-troops", "ryongsong-expansion", "treaty-signed"] {
        assert!(v.contains(&id.to_string()), "{id} not in {v:?}");
    }
    let all = shown_markers(&mut app);
    assert!(all >= 8, "{all} markers shown");

    // Hiding a status hides its markers and drops its events from the scene.
    app.world_mut()
        .resource_mut::<EventFilters>()
        .hidden_statuses
        .insert(dateline::core::events::Status::Claimed);
    app.update();
    assert!(!visible(&app).contains(&"kursk-nk-troops".to_string()));
    assert!(shown_markers(&mut app) < all);
}

#[test]
fn playing_moves_the_date_forward_and_selecting_flies_the_map() {
    let mut app = full_app_with("korea", |s| s.date = Some(day("2024-06-01") as i64));
    app.world_mut().resource_mut::<Clock>().playing = true;
    let before = app.world().resource::<Clock>().date;
    std::thread::sleep(std::time::Duration::from_millis(20));
    app.update();
    let after = app.world().resource::<Clock>().date;
    assert!(after > before, "{before} -> {after}");

    // Select the Kursk event: the clock and the camera move to it.
    app.world_mut().resource_mut::<Clock>().playing = false;
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.world_mut().write_message(SelectEvent {
        id: Some("kursk-nk-troops".into()),
        fly: true,
    });
    app.update();
    app.update();
    assert_eq!(selected(&app).as_deref(), Some("kursk-nk-troops"));
    let cam = *app.world().resource::<MapCamera>();
    let [x, y] = cam
        .current
        .to_pixel(Lcc::atlas().project([36.18, 51.73]), [1280.0, 800.0]);
    assert!(
        (0.0..1280.0).contains(&x) && (0.0..800.0).contains(&y),
        "Kursk at {x},{y}"
    );
    assert!(app.world().resource::<Clock>().date >= day("2024-11-01"));
}

#[test]
fn labels_are_placed_without_overlap_and_follow_the_language() {
    let mut app = full_app("korea");
    let texts = |app: &App| -> Vec<(String, [f64; 4])> {
        app.world()
            .resource::<dateline::app::render::labels::LabelsOnScreen>()
            .0
            .iter()
            .map(|l| (l.label.text.clone(), l.label.rect))
            .collect()
    };
    let en = texts(&app);
    assert!(en.len() > 20, "{} labels", en.len());
    for want in ["Seoul", "Pyongyang", "Hamhung"] {
        assert!(en.iter().any(|(t, _)| t == want), "{want} missing");
    }
    for (i, (a, ra)) in en.iter().enumerate() {
        for (b, rb) in &en[i + 1..] {
            let overlap = ra[0] < rb[2] && rb[0] < ra[2] && ra[1] < rb[3] && rb[1] < ra[3];
            assert!(!overlap, "{a} overlaps {b}");
        }
    }
    // One text entity per placed label, shown.
    let shown = app
        .world_mut()
        .query::<(&dateline::app::render::labels::MapLabel, &Visibility)>()
        .iter(app.world())
        .filter(|(_, v)| **v != Visibility::Hidden)
        .count();
    assert_eq!(shown, en.len());
    // The room of the story's countries' names (kept clear by the "route not reported"
    // marks): one box for each of them on screen (the two Koreas, China, Japan, Russia),
    // each about its name's size, on screen.
    let room = app
        .world()
        .resource::<dateline::app::render::labels::StoryNameRoom>()
        .0
        .clone();
    assert!(room.len() >= 5, "{room:?}");
    for r in &room {
        let (w, h) = (r[2] - r[0], r[3] - r[1]);
        assert!(w > 20.0 && h > 8.0 && w < 400.0 && h < 120.0, "{r:?}");
        assert!(
            r[2] > 0.0 && r[0] < 1280.0 && r[3] > 0.0 && r[1] < 800.0,
            "{r:?}"
        );
    }

    app.world_mut().resource_mut::<LayerToggles>().lang = Lang::Ko;
    app.update();
    let ko = texts(&app);
    assert!(ko.iter().any(|(t, _)| t == "서울"), "{ko:?}");
    assert!(!ko.iter().any(|(t, _)| t == "Seoul"));
}

#[test]
fn opened_files_load_in_the_background_and_reload_keeping_the_last_good_version() {
    let dir = temp_dir("reload");
    let layer = dir.join("lesson.geojson");
    let csv = dir.join("week.csv");
    let point = |lon: f64| {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","properties":{{"name":"p"}},"geometry":{{"type":"Point","coordinates":[{lon},38]}}}}]}}"#
        )
    };
    std::fs::write(&layer, point(127.0)).unwrap();
    std::fs::write(
        &csv,
        "start,title,status,source_publisher,source_date\n2024-11-20,Class event,reported,Example,2024-11-20\n",
    )
    .unwrap();

    let mut app = full_app_with("korea", |s| s.files = vec![layer.clone(), csv.clone()]);
    wait_until(&mut app, "the first load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    {
        let files = app.world().resource::<OpenFiles>();
        assert_eq!(files.files.len(), 2);
        assert!(matches!(&files.files[0].good, Some(Content::Layer(l)) if l.features.len() == 1));
        assert!(matches!(&files.files[1].good, Some(Content::Events(e)) if e.len() == 1));
    }
    // The CSV's event joins the bundled story on the timeline.
    assert_eq!(app.world().resource::<Story>().events().len(), 15);

    // A broken save: the last good version stays, the problem is listed.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&layer, r#"{"type":"FeatureCollection","features":[{"#).unwrap();
    wait_until(&mut app, "the broken save to be noticed", |a| {
        let f = &a.world().resource::<OpenFiles>().files[0];
        f.loading.is_none() && !f.problems.is_empty()
    });
    {
        let f = &app.world().resource::<OpenFiles>().files[0];
        assert!(f.stale);
        assert!(matches!(&f.good, Some(Content::Layer(l)) if l.features.len() == 1));
        assert!(
            f.problems[0].to_string().contains("lesson.geojson:1:"),
            "{}",
            f.problems[0]
        );
        assert!(app.world().resource::<FileWindows>().problems);
    }
    // The fix: picked up on the next save.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    std::fs::write(&layer, point(128.5)).unwrap();
    wait_until(&mut app, "the fixed save", |a| {
        let f = &a.world().resource::<OpenFiles>().files[0];
        f.loading.is_none() && f.problems.is_empty()
    });
    let f = &app.world().resource::<OpenFiles>().files[0];
    assert!(!f.stale);
    let want = dateline::core::projection::Lcc::atlas().project([128.5, 38.0]);
    match &f.good {
        Some(Content::Layer(l)) => {
            let got = l.points[l.features[0].points.start];
            let close = |a: f32, b: f64| (a as f64 - b).abs() < 1e-2;
            assert!(close(got[0], want[0]) && close(got[1], want[1]), "{got:?}");
        }
        _ => panic!("the fixed file should be a layer"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn g_switches_to_the_globe_keeping_the_centre_and_back() {
    use dateline::app::camera::globe::GlobeCamera;
    let mut app = full_app("korea");
    let size = [1280.0, 800.0];
    let insets = app.world().resource::<MapInsets>().0;
    let map = app.world().resource::<MapCamera>().current;
    let proj = Lcc::atlas();
    let centre = proj.unproject(map.from_pixel(insets.middle(size), size));
    assert!(matches!(
        app.world().resource::<Projector>(),
        Projector::Map(..)
    ));

    app.world_mut().resource_mut::<MapCamera>().instant = true;
    press(&mut app, KeyCode::KeyG);
    app.update();
    app.update();
    assert_eq!(
        *app.world().resource::<State<ViewMode>>().get(),
        ViewMode::Globe
    );
    let g = app.world().resource::<GlobeCamera>().current;
    // The place at the middle of the map is at the middle of the globe.
    assert!(
        (g.center[0] - centre[0]).abs() < 0.05 && (g.center[1] - centre[1]).abs() < 0.05,
        "{g:?} vs {centre:?}"
    );
    match app.world().resource::<Projector>() {
        Projector::Globe(pg, vp) => {
            let px = pg.to_pixel(centre, [vp[2], vp[3]]).unwrap();
            assert!((px[0] - vp[2] / 2.0).abs() < 1.0 && (px[1] - vp[3] / 2.0).abs() < 1.0);
            // The far side is culled.
            assert!(
                pg.to_pixel([centre[0] - 180.0, -centre[1]], [vp[2], vp[3]])
                    .is_none()
            );
        }
        other => panic!("{other:?}"),
    }
    // It pulled back to show the curve, within the globe's range.
    assert!(g.distance > 1.25 && g.distance <= 5.0);

    press(&mut app, KeyCode::KeyG);
    app.update();
    app.update();
    assert_eq!(
        *app.world().resource::<State<ViewMode>>().get(),
        ViewMode::Map
    );
    let back = app.world().resource::<MapCamera>().current;
    let back_centre = proj.unproject(back.from_pixel(insets.middle(size), size));
    assert!((back_centre[0] - centre[0]).abs() < 0.1 && (back_centre[1] - centre[1]).abs() < 0.1);
    assert!(matches!(
        app.world().resource::<Projector>(),
        Projector::Map(..)
    ));
}

#[test]
fn clicking_a_feature_of_a_user_layer_shows_its_properties() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/example-layer.geojson");
    let mut app = full_app_with("korea", |s| s.files = vec![fixture]);
    wait_until(&mut app, "the layer to load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    let view = app.world().resource::<MapCamera>().current;
    let [x, y] = view.to_pixel(Lcc::atlas().project([126.8, 37.9]), [1280.0, 800.0]);
    // Far from every feature: nothing.
    click(&mut app, 20.0, 780.0);
    assert_eq!(app.world().resource::<Inspected>().0, None);
    // On "Example point A".
    click(&mut app, x, y);
    let name = |app: &App| {
        let files = app.world().resource::<OpenFiles>();
        let (_, feature) = app.world().resource::<Inspected>().get(files)?;
        feature.properties.get("name")?.as_str().map(String::from)
    };
    assert_eq!(name(&app).as_deref(), Some("Example point A"));
    // Closing the file closes the properties: the feature is gone.
    let id = app.world().resource::<OpenFiles>().files[0].id;
    app.world_mut().write_message(FileRequest::Remove(id));
    app.update();
    assert_eq!(name(&app), None);
}

#[test]
fn a_dropped_file_is_opened() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example-events.csv");
    let mut app = full_app("korea");
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<PrimaryWindow>>()
        .single(app.world())
        .unwrap();
    app.world_mut()
        .write_message(bevy::window::FileDragAndDrop::DroppedFile {
            window,
            path_buf: fixture,
        });
    app.update();
    wait_until(&mut app, "the dropped file", |a| {
        let f = a.world().resource::<OpenFiles>();
        !f.files.is_empty() && !f.busy()
    });
    app.update();
    let files = app.world().resource::<OpenFiles>();
    assert_eq!(files.files[0].name, "example-events.csv");
    // One good event joins the timeline; the bad row is listed with its row and column.
    assert_eq!(app.world().resource::<Story>().events().len(), 15);
    assert!(
        files.files[0]
            .problems
            .iter()
            .any(|p| p.to_string().contains("row 3, column \"start\""))
    );
    let windows = app.world().resource::<FileWindows>();
    assert!(windows.problems && windows.files);
}

#[test]
fn on_the_globe_drag_rotates_and_the_wheel_zooms() {
    use dateline::app::camera::globe::GlobeCamera;
    let mut app = full_app_with("korea", |s| s.globe = true);
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.update();
    app.update();
    let before = app.world().resource::<GlobeCamera>().current;
    set_cursor(&mut app, 400.0, 300.0);
    // Drag to the right: the globe turns with the pointer, so the centre moves west.
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .press(MouseButton::Left);
    app.world_mut()
        .resource_mut::<AccumulatedMouseMotion>()
        .delta = Vec2::new(120.0, 0.0);
    app.update();
    app.world_mut()
        .resource_mut::<AccumulatedMouseMotion>()
        .delta = Vec2::ZERO;
    app.world_mut()
        .resource_mut::<ButtonInput<MouseButton>>()
        .release(MouseButton::Left);
    app.update();
    let dragged = app.world().resource::<GlobeCamera>().current;
    assert!(
        dragged.center[0] < before.center[0] - 1.0,
        "{before:?} -> {dragged:?}"
    );
    // The wheel zooms in: the camera comes closer.
    app.world_mut()
        .resource_mut::<AccumulatedMouseScroll>()
        .delta = Vec2::new(0.0, 3.0);
    app.update();
    app.world_mut()
        .resource_mut::<AccumulatedMouseScroll>()
        .delta = Vec2::ZERO;
    app.update();
    let zoomed = app.world().resource::<GlobeCamera>().current;
    assert!(
        zoomed.distance < dragged.distance,
        "{dragged:?} -> {zoomed:?}"
    );
    // Home goes back to the start view.
    press(&mut app, KeyCode::Home);
    app.update();
    let home = app.world().resource::<GlobeCamera>().current;
    assert!(
        (home.distance - before.distance).abs() < 0.2,
        "{before:?} vs {home:?}"
    );
}

/// An events file with one event at a lon/lat, of this title.
fn events_csv(path: &std::path::Path, title: &str, lon: f64, lat: f64) {
    std::fs::write(
        path,
        format!(
            "start,title,lon,lat,status,source_publisher,source_date\n2024-03-10,{title},{lon},{lat},reported,Example,2024-03-11\n"
        ),
    )
    .unwrap();
}

#[test]
fn the_open_card_stays_on_its_event_when_files_load_reload_or_close() {
    let dir = temp_dir("card");
    let csv = dir.join("early.csv");
    // An event before all bundled ones: opening it re-sorts the whole list.
    std::fs::write(
        &csv,
        "start,title,status,source_publisher,source_date\n2020-01-05,An early event,reported,Example,2020-01-06\n",
    )
    .unwrap();
    let mut app = full_app("korea");
    app.world_mut().write_message(SelectEvent {
        id: Some("ryongsong-expansion".into()),
        fly: false,
    });
    app.update();
    let card = |app: &App| {
        let story = app.world().resource::<Story>();
        let sel = app.world().resource::<Selection>();
        sel.get(story).map(|e| (e.id.clone(), e.title.clone()))
    };
    let before = card(&app).expect("the card is open");
    assert_eq!(before.0, "ryongsong-expansion");
    let pos = |app: &App| {
        app.world()
            .resource::<Story>()
            .events()
            .iter()
            .position(|e| e.id == "ryongsong-expansion")
    };
    let pos_before = pos(&app);

    app.world_mut().write_message(OpenFile(csv.clone()));
    app.update();
    wait_until(&mut app, "the events file", |a| {
        a.world().resource::<Story>().events().len() == 15
    });
    assert_ne!(pos(&app), pos_before, "the list was re-sorted");
    assert_eq!(card(&app), Some(before.clone()), "after opening a file");

    let id = app.world().resource::<OpenFiles>().files[0].id;
    app.world_mut().write_message(FileRequest::Reload(id));
    app.update();
    wait_until(&mut app, "the reload", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    app.update();
    assert_eq!(card(&app), Some(before.clone()), "after a reload");

    app.world_mut().write_message(FileRequest::Remove(id));
    app.update();
    assert_eq!(app.world().resource::<Story>().events().len(), 14);
    assert_eq!(card(&app), Some(before), "after closing the file");

    // The card of an event of a closed file closes with it.
    app.world_mut().write_message(OpenFile(csv));
    app.update();
    wait_until(&mut app, "the file again", |a| {
        a.world().resource::<Story>().events().len() == 15
    });
    let early = app.world().resource::<Story>().events()[0].id.clone();
    app.world_mut().write_message(SelectEvent {
        id: Some(early),
        fly: false,
    });
    app.update();
    let id = app.world().resource::<OpenFiles>().files[0].id;
    app.world_mut().write_message(FileRequest::Remove(id));
    app.update();
    app.update();
    assert_eq!(selected(&app), None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_marker_click_after_a_reload_opens_the_right_event() {
    let dir = temp_dir("marker");
    let csv = dir.join("class.csv");
    // In the Yellow Sea, away from every bundled marker.
    let at = [124.2, 36.4];
    events_csv(&csv, "First version", at[0], at[1]);
    let mut app = full_app_with("korea", |s| {
        s.files = vec![csv.clone()];
        s.date = Some(day("2024-12-01") as i64);
    });
    wait_until(&mut app, "the events file", |a| {
        a.world().resource::<Story>().events().len() == 15
    });
    // A new version with another title and an earlier bundled-like date order change.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    events_csv(&csv, "Second version", at[0], at[1]);
    wait_until(&mut app, "the reload", |a| {
        a.world()
            .resource::<Story>()
            .events()
            .iter()
            .any(|e| e.title == "Second version")
    });
    app.update();
    app.update();
    let view = app.world().resource::<MapCamera>().current;
    let [x, y] = view.to_pixel(Lcc::atlas().project(at), [1280.0, 800.0]);
    click(&mut app, x, y);
    app.update();
    let story = app.world().resource::<Story>();
    let e = app
        .world()
        .resource::<Selection>()
        .get(story)
        .expect("the click selected an event");
    assert_eq!(e.title, "Second version");
    assert_eq!(e.file, "class.csv");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn home_key_and_home_button_agree_on_the_globe() {
    // Without --view, the globe's start view (Korea and Kursk together) is Home.
    let mut app = full_app_with("korea", |s| {
        s.globe = true;
        s.view_given = false;
    });
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.update();
    let start = app.world().resource::<MapCamera>().target;
    let away = |app: &mut App| {
        app.world_mut()
            .resource_mut::<MapCamera>()
            .pan_pixels(300.0, 200.0);
        app.update();
        assert_ne!(
            app.world().resource::<MapCamera>().target.center,
            start.center
        );
    };
    away(&mut app);
    press(&mut app, KeyCode::Home);
    let by_key = app.world().resource::<MapCamera>().target;
    away(&mut app);
    // What the top bar's Home button sends.
    app.world_mut().write_message(GoHome);
    app.update();
    let by_button = app.world().resource::<MapCamera>().target;
    assert_eq!(by_key.center, by_button.center);
    assert_eq!(by_key.zoom, by_button.zoom);
    // And it is the globe's start view, not the map's Korea view.
    assert!((by_key.center[0] - start.center[0]).abs() < 1e-6);
    assert!((by_key.zoom - start.zoom).abs() < 1e-6);
    let korea = ViewSpec::Korea.resolve_in(
        [1280.0, 800.0],
        app.world().resource::<MapInsets>().0,
        &Lcc::atlas(),
    );
    assert!((by_key.zoom - korea.zoom).abs() > 0.1);
}

#[test]
fn the_globe_scene_lists_only_events_on_the_visible_side() {
    let mut app = full_app_with("korea", |s| s.globe = true);
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.update();
    app.update();
    let listed = |app: &App, globe: bool| -> Vec<String> {
        let story = app.world().resource::<Story>();
        app.world()
            .resource::<SceneEvents>()
            .describe(story, globe)
            .into_iter()
            .map(|e| e.id)
            .collect()
    };
    assert!(listed(&app, true).contains(&"ryongsong-expansion".to_string()));
    // Turn the globe to Central America: Korea, Russia and Ukraine are on the far side.
    app.world_mut()
        .write_message(app::state::requests::ShowView(
            ViewSpec::parse("-100,10,3").unwrap(),
        ));
    for _ in 0..3 {
        app.update();
    }
    assert!(app.world().resource::<Projector>().is_globe());
    let all = listed(&app, false);
    let front = listed(&app, true);
    assert_eq!(all.len(), 14);
    assert!(
        !front.contains(&"ryongsong-expansion".to_string()),
        "{front:?}"
    );
    // Only events without a place remain.
    let story = app.world().resource::<Story>();
    for id in &front {
        assert!(story.get(id).unwrap().shapes.is_empty(), "{id} is placed");
    }
    assert!(front.len() < all.len());
}

#[test]
fn reload_during_a_load_cancels_the_first_load() {
    let dir = temp_dir("cancel");
    let big = dir.join("big.geojson");
    // A file that takes a while to load: many small polygons.
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    for i in 0..60_000 {
        let (x, y) = (
            100.0 + (i % 300) as f64 * 0.1,
            30.0 + (i / 300) as f64 * 0.1,
        );
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(
            r#"{{"type":"Feature","properties":{{"n":{i}}},"geometry":{{"type":"Polygon","coordinates":[[[{x},{y}],[{},{y}],[{},{}],[{x},{y}]]]}}}}"#,
            x + 0.05,
            x + 0.05,
            y + 0.05
        ));
    }
    text.push_str("]}");
    std::fs::write(&big, text).unwrap();
    let mut app = full_app("korea");
    app.world_mut().write_message(OpenFile(big.clone()));
    app.update();
    let first = {
        let files = app.world().resource::<OpenFiles>();
        files.files[0].loading.as_ref().unwrap().progress.clone()
    };
    let id = app.world().resource::<OpenFiles>().files[0].id;
    app.world_mut().write_message(FileRequest::Reload(id));
    app.update();
    assert!(first.cancelled(), "the first load was not told to stop");
    let second = {
        let files = app.world().resource::<OpenFiles>();
        files.files[0].loading.as_ref().unwrap().progress.clone()
    };
    assert!(!Arc::ptr_eq(&first, &second) && !second.cancelled());
    wait_until(&mut app, "the second load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    let files = app.world().resource::<OpenFiles>();
    assert_eq!(files.files.len(), 1);
    assert!(matches!(&files.files[0].good, Some(Content::Layer(l)) if l.features.len() == 60_000));
    // Closing a file during a load cancels it too.
    app.world_mut().write_message(FileRequest::Reload(id));
    app.update();
    let third = app.world().resource::<OpenFiles>().files[0]
        .loading
        .as_ref()
        .unwrap()
        .progress
        .clone();
    app.world_mut().write_message(FileRequest::Remove(id));
    app.update();
    assert!(third.cancelled());
    assert!(app.world().resource::<OpenFiles>().files.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_earthquake_feed_plays_on_the_timeline_and_only_shown_quakes_are_clicked() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/usgs-earthquakes-week.geojson");
    let mut app = full_app_with("140.87,36.75,7", |s| s.files = vec![fixture]);
    wait_until(&mut app, "the quakes to load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    let (first, last) = (day("2018-02-05") as i64, day("2018-02-07") as i64);
    {
        let files = app.world().resource::<OpenFiles>();
        let f = &files.files[0];
        let Some(Content::Layer(l)) = &f.good else {
            panic!("not a layer: {:?}", f.problems)
        };
        assert_eq!(
            l.time.as_ref().map(|t| (t.first, t.last)),
            Some((first, last))
        );
        // Sized by magnitude from the start.
        assert_eq!(f.size_by.as_deref(), Some("mag"));
    }
    // The timeline reaches the quakes' days and, opened far from them, narrows to them.
    let (a, _) = app.world().resource::<Story>().range();
    assert_eq!(a, first);
    let clock = app.world().resource::<Clock>();
    assert_eq!(clock.focus, Some((first, last)));
    assert_eq!(clock.date, last as f64);
    // A quake of 6 February is found by a click on the 6th, not on the 5th.
    let (lon, lat) = (140.8677, 36.7501); // us1000chrs, 2018-02-06 13:57 UTC, M4.2
    let view = app.world().resource::<MapCamera>().current;
    let [x, y] = view.to_pixel(Lcc::atlas().project([lon, lat]), [1280.0, 800.0]);
    app.world_mut().resource_mut::<Clock>().date = day("2018-02-05");
    click(&mut app, x, y);
    let key = |app: &App| {
        let files = app.world().resource::<OpenFiles>();
        let (_, feature) = app.world().resource::<Inspected>().get(files)?;
        Some(feature.key.clone())
    };
    assert_eq!(key(&app), None);
    app.world_mut().resource_mut::<Clock>().date = day("2018-02-06");
    click(&mut app, x, y);
    assert_eq!(key(&app).as_deref(), Some("id us1000chrs"));
    // "Whole story" gives the timeline back; Play then runs to the story's end.
    app.world_mut().resource_mut::<Clock>().set_focus(None);
    let clock = app.world().resource::<Clock>();
    assert_eq!(clock.span(app.world().resource::<Story>()).0, first);
    assert!(clock.span(app.world().resource::<Story>()).1 > day("2024-01-01") as i64);
}

#[test]
fn frames_keep_coming_while_a_large_file_loads() {
    // About 40 MB of polygons (a ring of 400 points each), written like a real export;
    // DATELINE_LARGE_FEATURES=11500 makes it about 100 MB (run by hand: slower).
    let n: usize = std::env::var("DATELINE_LARGE_FEATURES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4000);
    let dir = temp_dir("large");
    let path = dir.join("large.geojson");
    let mut s = String::from("{\"type\":\"FeatureCollection\",\"features\":[\n");
    for i in 0..n {
        let (cx, cy) = (100.0 + (i % 80) as f64 * 0.5, 30.0 + (i / 80) as f64 * 0.4);
        let ring: Vec<String> = (0..=400)
            .map(|k| {
                let a = (k % 400) as f64 / 400.0 * std::f64::consts::TAU;
                format!("[{:.6},{:.6}]", cx + 0.2 * a.cos(), cy + 0.15 * a.sin())
            })
            .collect();
        if i > 0 {
            s.push_str(",\n");
        }
        s.push_str(&format!(
            "{{\"type\":\"Feature\",\"properties\":{{\"n\":{i}}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[{}]]}}}}",
            ring.join(",")
        ));
    }
    s.push_str("\n]}\n");
    std::fs::write(&path, &s).unwrap();
    let mut app = full_app_with("region", |s| s.files = vec![path.clone()]);
    let start = std::time::Instant::now();
    let (mut frames, mut longest) = (0, std::time::Duration::ZERO);
    while app.world().resource::<OpenFiles>().busy() {
        assert!(start.elapsed().as_secs() < 120, "the load did not finish");
        let t = std::time::Instant::now();
        app.update();
        longest = longest.max(t.elapsed());
        frames += 1;
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let took = start.elapsed();
    let files = app.world().resource::<OpenFiles>();
    assert_eq!(
        files.files[0].good.as_ref().map(|c| match c {
            Content::Layer(l) => l.features.len(),
            Content::Events(e) => e.len(),
        }),
        Some(n)
    );
    // The load ran beside the frames: many frames while it lasted, none held up by it (a
    // load on the frame would make one frame as long as the whole load). On two cores the
    // loader's threads may keep a frame waiting for a third of the load (676 ms of 2.15 s
    // seen once in CI), so a frame may take up to half of it, not all.
    eprintln!(
        "{} MB loaded in {took:?}: {frames} frames, the longest {longest:?}",
        s.len() >> 20
    );
    assert!(frames >= 10, "{frames} frames in {took:?}");
    assert!(
        longest * 2 < took,
        "a frame took {longest:?} of a {took:?} load"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_user_layer_draws_one_set_of_outlines_for_the_map_shown_and_none_when_hidden() {
    // Natural Earth's land (TopoJSON): polygons with outlines at three levels of detail.
    let land = std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/land-110m.json"
    ));
    let mut app = full_app_with("world", |s| s.files = vec![land]);
    wait_until(&mut app, "the land to load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    app.update();
    app.update();
    // Retained gizmos ignore `Visibility`: an outline set is drawn while it has a `Gizmo`.
    let drawn = |app: &mut App| -> Vec<String> {
        let mut q = app.world_mut().query_filtered::<&Name, With<Gizmo>>();
        q.iter(app.world())
            .map(|n| n.to_string())
            .filter(|n| n.starts_with("layer lines"))
            .collect()
    };
    let lods = |app: &App| -> Vec<Lod> {
        let drawn = &app.world().resource::<LayerEntities>().0;
        drawn
            .values()
            .flat_map(|(_, d)| d.iter())
            .filter(|d| d.gizmo.is_some() && d.shown && d.lod != Lod::All)
            .map(|d| d.lod)
            .collect()
    };
    // On the world map: the world map's outlines only.
    assert_eq!(app.world().resource::<MapCamera>().kind, MapKind::World);
    assert_eq!(drawn(&mut app).len(), 1);
    assert_eq!(lods(&app), vec![Lod::World]);
    // Zoomed in on the conic: its fine outlines only.
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    for _ in 0..10 {
        press(&mut app, KeyCode::Equal);
    }
    app.update();
    assert_eq!(app.world().resource::<MapCamera>().kind, MapKind::Regional);
    assert_eq!(lods(&app), vec![Lod::Fine]);
    assert_eq!(drawn(&mut app).len(), 1);
    // The file hidden: no outlines at all.
    app.world_mut().resource_mut::<OpenFiles>().files[0].visible = false;
    app.update();
    app.update();
    assert!(drawn(&mut app).is_empty(), "{:?}", drawn(&mut app));
    assert!(lods(&app).is_empty());
}

#[test]
fn a_lesson_file_steps_the_view_and_the_date_and_presenting_takes_the_keys() {
    use dateline::app::state::lesson::{LessonRequest, LessonSource, LessonState};
    use dateline::app::state::story::Clock;
    let dir = temp_dir("lesson");
    let path = dir.join("class.dateline-lesson.json");
    let write = |text: &str| std::fs::write(&path, text).unwrap();
    write(
        r#"{"dateline_lesson": 1, "title": {"en": "Class", "ko": "수업"}, "steps": [
        {"id": "treaty", "title": "The treaty", "narration": "**Signed** in Pyongyang.",
         "view": {"named": "korea"}, "date": "2024-06-19",
         "events": ["treaty-signed"], "places": ["kp-pyongyang"]},
        {"id": "kursk", "title": "Kursk", "view": {"center": [36.18, 51.73], "zoom": 6},
         "date": "2024-08", "places": ["ru-kursk", "nowhere"], "files": ["../outside.geojson"]}
    ]}"#,
    );
    let lesson_path = path.clone();
    let mut app = full_app_with("region", |s| {
        s.lesson = Some(LessonSource::File(lesson_path));
        s.lesson_step = Some("treaty".into());
    });
    let day = |s: &str| {
        dateline::core::timeline::FuzzyDate::parse(s)
            .unwrap()
            .last_day() as f64
    };
    wait_until(
        &mut app,
        "the lesson to open and its first step to show",
        |a| a.world().resource::<Clock>().date == day("2024-06-19"),
    );
    {
        let state = app.world().resource::<LessonState>();
        assert_eq!(state.current().unwrap().id, "treaty");
        // Step 2's unknown place and its file outside the lesson's folder, as warnings.
        let problems: Vec<String> = state.problems.iter().map(ToString::to_string).collect();
        assert_eq!(problems.len(), 2, "{problems:#?}");
        let has = |a: &str, b: &str| problems.iter().any(|p| p.contains(a) && p.contains(b));
        assert!(has("steps[1].places[1]", "\"nowhere\""), "{problems:#?}");
        assert!(
            has("steps[1].files[0]", "leaves the lesson's folder"),
            "{problems:#?}"
        );
    }
    // The Korea view: the middle of the part of the window panels leave free is over the
    // peninsula.
    let centre = |a: &App| {
        let cam = a.world().resource::<MapCamera>();
        let size = [1280.0, 800.0];
        let mid = a.world().resource::<MapInsets>().0.middle(size);
        cam.proj().unproject(cam.target.from_pixel(mid, size))
    };
    let c = centre(&app);
    assert!(
        (124.0..131.0).contains(&c[0]) && (33.0..43.0).contains(&c[1]),
        "{c:?}"
    );

    // Presenting: the keys a clicker sends step through; the map's own keys stand aside.
    app.world_mut().write_message(LessonRequest::Present(true));
    app.update();
    assert!(app.world().resource::<LessonState>().presenting);
    // Presenting switches the map to the projector style: larger names and its colours.
    app.update();
    assert_eq!(
        app.world().resource::<LayerToggles>().style,
        MapStyle::Projector
    );
    assert_eq!(
        app.world().resource::<ClearColor>().0,
        dateline::app::theme::PROJECTOR.sea
    );
    press(&mut app, KeyCode::PageDown);
    wait_until(&mut app, "step 2's date", |a| {
        a.world().resource::<Clock>().date == day("2024-08")
    });
    assert_eq!(app.world().resource::<LessonState>().step, 1);
    let c = centre(&app);
    assert!(
        (c[0] - 36.18).abs() < 0.5 && (c[1] - 51.73).abs() < 0.5,
        "{c:?}"
    );
    // Arrow keys move between steps, not the map; E does not open the event list.
    let target = app.world().resource::<MapCamera>().target;
    press(&mut app, KeyCode::ArrowLeft);
    app.update();
    assert_eq!(app.world().resource::<LessonState>().step, 0);
    assert_ne!(
        app.world().resource::<MapCamera>().target,
        target,
        "back to the Korea view"
    );
    press(&mut app, KeyCode::KeyB);
    assert!(app.world().resource::<LessonState>().blank);
    press(&mut app, KeyCode::KeyB);
    assert!(!app.world().resource::<LessonState>().blank);
    press(&mut app, KeyCode::Escape);
    assert!(!app.world().resource::<LessonState>().presenting);
    app.update();
    assert_eq!(
        app.world().resource::<LayerToggles>().style,
        MapStyle::Atlas
    );
    assert_eq!(
        app.world().resource::<ClearColor>().0,
        dateline::app::theme::SEA
    );

    // A broken save: the last good lesson stays, with the problem at its line and column.
    write("{\"dateline_lesson\": 1, \"steps\": [");
    app.world_mut()
        .write_message(LessonRequest::Open(LessonSource::File(path.clone())));
    wait_until(&mut app, "the broken lesson to be read", |a| {
        let s = a.world().resource::<LessonState>();
        !s.loading()
            && s.problems
                .iter()
                .any(|p| p.severity == dateline::core::problem::Severity::Error)
    });
    let state = app.world().resource::<LessonState>();
    assert_eq!(state.lesson.as_ref().unwrap().steps.len(), 2);
    assert!(
        state.problems[0].to_string().contains(":1:"),
        "{}",
        state.problems[0]
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_measure_tool_takes_clicks_and_measures_along_great_circles() {
    use dateline::app::state::tools::{Tool, Tools};
    let mut app = full_app("korea");
    press(&mut app, KeyCode::KeyM);
    assert_eq!(app.world().resource::<Tools>().active, Some(Tool::Measure));
    // The first click on Pyongyang's event marker, the second on the map: two places, and
    // the length between them along a great circle; the marker's card does not open.
    let size = [1280.0, 800.0];
    let projector = *app.world().resource::<Projector>();
    let [x, y] = projector.pixel([125.7543, 39.0339], size).unwrap();
    click(&mut app, x, y);
    click(&mut app, 600.0, 400.0);
    let (a, b) = (
        projector.lonlat_at([x, y], size).unwrap(),
        projector.lonlat_at([600.0, 400.0], size).unwrap(),
    );
    assert!(
        (a[0] - 125.7543).abs() < 0.01 && (a[1] - 39.0339).abs() < 0.01,
        "{a:?}"
    );
    let tools = app.world().resource::<Tools>();
    assert_eq!(tools.points.len(), 2);
    let want = dateline::core::globe::distance_km(a, b);
    assert!(
        (tools.length_km() - want).abs() < 1.0,
        "{} vs {want}",
        tools.length_km()
    );
    assert!(want > 50.0, "{want}");
    assert_eq!(
        selected(&app),
        None,
        "a click while measuring is the tool's"
    );
    press(&mut app, KeyCode::Delete);
    assert_eq!(app.world().resource::<Tools>().points.len(), 1);
    press(&mut app, KeyCode::Escape);
    assert!(app.world().resource::<Tools>().active.is_none());
    // With the tool off, the same click opens the marker's card again.
    click(&mut app, x, y);
    app.update();
    assert!(selected(&app).is_some());
}

#[test]
fn a_lesson_built_from_the_screen_undoes_redoes_and_saves() {
    use dateline::app::state::lesson::{LessonRequest, LessonState};
    use dateline::app::state::story::{Clock, Selection};
    use dateline::app::state::tools::Tools;
    use dateline::app::ui::lesson_editor::OnScreen;
    let dir = temp_dir("authoring");
    let mut app = full_app("korea");
    app.world_mut().write_message(LessonRequest::New);
    app.update();
    assert!(app.world().resource::<LessonState>().editing);
    // What is on screen: the Korea view, 2024-06-19, the treaty selected, a measured line.
    app.world_mut().resource_mut::<Clock>().date = day("2024-06-19");
    app.world_mut().resource_mut::<Selection>().event = Some("treaty-signed".into());
    app.world_mut().resource_mut::<Tools>().points = vec![[125.75, 39.03], [127.54, 39.92]];
    // An arrow and a note drawn with the tools, rivers turned off.
    {
        use dateline::app::state::tools::Tool;
        let mut t = app.world_mut().resource_mut::<Tools>();
        t.toggle(Tool::Arrow);
        t.text = "by rail".into();
        t.click([129.7, 42.3]);
        t.click([131.9, 43.1]);
        t.toggle(Tool::Note);
        t.text = "Tumen bridge".into();
        t.click([130.6, 42.4]);
        t.active = None;
    }
    app.world_mut()
        .resource_mut::<LayerToggles>()
        .lines
        .insert(LineKind::River, false);
    app.update();
    let add = |app: &mut App, title: &str| {
        let w = app.world();
        let screen = OnScreen {
            cam: w.resource::<MapCamera>(),
            insets: w.resource::<MapInsets>(),
            size: [1280.0, 800.0],
            globe: false,
            clock: w.resource::<Clock>(),
            selection: w.resource::<Selection>(),
            tools: w.resource::<Tools>(),
            toggles: w.resource::<LayerToggles>(),
            atlas: &w.resource::<AtlasData>().0,
            story: w.resource::<Story>(),
            lang: UiLang::En,
        };
        let state = w.resource::<LessonState>();
        let mut l = (**state.lesson.as_ref().unwrap()).clone();
        let i = l.insert_step(state.step, screen.step("step", title));
        app.world_mut()
            .write_message(LessonRequest::Edit(Box::new(l), i));
        app.update();
    };
    add(&mut app, "Pyongyang");
    add(&mut app, "Again");
    let steps = |app: &App| {
        app.world()
            .resource::<LessonState>()
            .lesson
            .as_ref()
            .map_or(0, |l| l.steps.len())
    };
    assert_eq!(steps(&app), 2);
    {
        let l = app
            .world()
            .resource::<LessonState>()
            .lesson
            .clone()
            .unwrap();
        let s = &l.steps[0];
        assert_eq!(s.events, ["treaty-signed"]);
        assert_eq!(s.date.unwrap().first_day() as f64, day("2024-06-19"));
        use dateline::core::lesson::Annotation;
        let kinds: Vec<&str> = s
            .annotations
            .iter()
            .map(|a| match a {
                Annotation::Measure { .. } => "measure",
                Annotation::Arrow { label: Some(l), .. } if l.en.as_deref() == Some("by rail") => {
                    "arrow"
                }
                Annotation::Note { text, .. } if text.en.as_deref() == Some("Tumen bridge") => {
                    "note"
                }
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["measure", "arrow", "note"]);
        assert_eq!(s.layers.rivers, Some(false));
        assert_eq!(s.layers.graticule, Some(true));
        let Some(ViewSpec::At { center, .. }) = s.view.as_ref().map(|v| v.spec.clone()) else {
            panic!("no view")
        };
        assert!((124.0..131.0).contains(&center[0]) && (33.0..43.5).contains(&center[1]));
        assert_eq!(l.steps[1].id, "step-2");
    }
    // Undo, redo.
    app.world_mut().write_message(LessonRequest::Undo);
    app.update();
    assert_eq!(steps(&app), 1);
    app.world_mut().write_message(LessonRequest::Redo);
    app.update();
    assert_eq!(steps(&app), 2);
    // Going to the first step puts its layers back: rivers off again after turning them on.
    app.world_mut()
        .resource_mut::<LayerToggles>()
        .lines
        .insert(LineKind::River, true);
    app.world_mut().write_message(LessonRequest::GoTo(0));
    app.update();
    app.update();
    assert!(!app.world().resource::<LayerToggles>().lines[&LineKind::River]);
    // Save as: written off the frame, then read back as the same lesson.
    let path = dir.join("mine.dateline-lesson.json");
    app.world_mut()
        .write_message(LessonRequest::Save(Some(path.clone())));
    wait_until(&mut app, "the save", |a| {
        !a.world().resource::<LessonState>().dirty
    });
    assert_eq!(
        app.world().resource::<LessonState>().path.as_ref(),
        Some(&path)
    );
    let back = dateline::core::lesson::parse("mine", &std::fs::read(&path).unwrap());
    assert!(back.problems.is_empty(), "{:#?}", back.problems);
    assert_eq!(
        back.lesson.unwrap(),
        **app
            .world()
            .resource::<LessonState>()
            .lesson
            .as_ref()
            .unwrap()
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_event_made_in_the_app_is_saved_to_its_file_and_joins_the_timeline() {
    use dateline::app::state::requests::SaveEvents;
    use dateline::app::ui::event_editor::{Draft, SourceDraft};
    use dateline::core::events::{Status, to_geojson};
    let dir = temp_dir("own-events");
    let path = dir.join("mine.geojson");
    let mut app = full_app("korea");
    // A bad date: the same plain-language problem a file would get; nothing is saved.
    let mut d = Draft {
        title: "Class visit to the DMZ museum".into(),
        start: "2024-13".into(),
        status: Status::Confirmed,
        at: Some([126.7, 37.9]),
        sources: vec![SourceDraft {
            publisher: "Our class".into(),
            date: "2024-11".into(),
            ..Default::default()
        }],
        ..Draft::default()
    };
    let err = d.event("mine.geojson", UiLang::En).unwrap_err();
    assert!(err[0].contains("month 13"), "{err:?}");
    d.start = "2024-11".into();
    let e = d.event("mine.geojson", UiLang::En).unwrap();
    assert_eq!(e.span.start.describe(), "November 2024");
    app.world_mut().write_message(SaveEvents {
        path: path.clone(),
        text: to_geojson(&[e]),
        new_file: true,
    });
    wait_until(&mut app, "the new event on the timeline", |a| {
        a.world().resource::<Story>().events().iter().any(|x| {
            x.title == "Class visit to the DMZ museum" && x.sources[0].publisher == "Our class"
        })
    });
    // A second new file of the same name is refused: the existing one is not overwritten.
    app.world_mut().write_message(SaveEvents {
        path: path.clone(),
        text: "{}".into(),
        new_file: true,
    });
    wait_until(&mut app, "the refusal", |a| {
        a.world()
            .resource::<dateline::app::files::save_events::EventWrites>()
            .last
            .as_ref()
            .is_some_and(|r| r.is_err())
    });
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("DMZ museum")
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_event_in_a_csv_file_is_edited_and_saved_back_as_csv() {
    use dateline::app::ui::event_editor::{Draft, save_request};
    let dir = temp_dir("csv-events");
    let path = dir.join("class.csv");
    std::fs::write(
        &path,
        "start,title,lon,lat,category,status,source_publisher,source_date\n\
         2024-10,Plant seen from space,127.58,39.97,weapons-production,reported,The Independent,2024-11\n\
         2024-11-04,Museum visit,126.7,37.9,other,confirmed,Our class,2024-11-04\n",
    )
    .unwrap();
    let mut app = full_app("korea");
    app.world_mut().write_message(OpenFile(path.clone()));
    app.update();
    let has = |a: &App, title: &str| {
        a.world()
            .resource::<Story>()
            .events()
            .iter()
            .any(|e| e.title == title)
    };
    wait_until(&mut app, "the CSV's events", |a| has(a, "Museum visit"));
    let e = app
        .world()
        .resource::<Story>()
        .events()
        .iter()
        .find(|e| e.title == "Museum visit")
        .unwrap()
        .clone();
    // Edited as the card's Edit does: its id in the file is the one the reader made.
    let mut d = Draft::of(&e, "class.csv#row3");
    d.title = "Museum visit, with the DMZ".into();
    d.title_ko = "박물관 견학".into();
    let req = save_request(&d, &path, app.world().resource::<OpenFiles>(), UiLang::En).unwrap();
    assert!(!req.new_file, "the open file is written over");
    assert!(req.text.starts_with("id,start,end,title"), "{}", req.text);
    app.world_mut().write_message(req);
    wait_until(&mut app, "the edited event", |a| {
        has(a, "Museum visit, with the DMZ") && !has(a, "Museum visit")
    });
    let written = std::fs::read_to_string(&path).unwrap();
    assert!(
        written.contains("\"Museum visit, with the DMZ\",박물관 견학"),
        "{written}"
    );
    assert!(
        written.contains("Plant seen from space"),
        "the other row stays"
    );
    assert_eq!(app.world().resource::<Story>().events().len(), 16);
    // An event CSV cannot hold (two sources) is refused with what to do; the file is kept.
    let mut two = d.clone();
    two.sources.push(two.sources[0].clone());
    let err =
        save_request(&two, &path, app.world().resource::<OpenFiles>(), UiLang::En).unwrap_err();
    assert!(
        err[0].contains("several sources") && err[0].contains("GeoJSON"),
        "{err:?}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lesson_saved_by_another_program_is_read_again_and_edits_are_never_replaced() {
    use dateline::app::state::lesson::{LessonRequest, LessonSource, LessonState};
    use dateline::core::lesson::BUNDLED;
    let dir = temp_dir("lesson-reload");
    let path = dir.join("class.dateline-lesson.json");
    let original = String::from_utf8(BUNDLED.to_vec()).unwrap();
    std::fs::write(&path, &original).unwrap();
    let mut app = full_app("korea");
    app.world_mut()
        .write_message(LessonRequest::Open(LessonSource::File(path.clone())));
    app.update();
    let title = |a: &App, i: usize| {
        a.world()
            .resource::<LessonState>()
            .lesson
            .as_ref()
            .and_then(|l| {
                l.steps
                    .get(i)
                    .map(|s| s.title.en.clone().unwrap_or_default())
            })
    };
    wait_until(&mut app, "the lesson", |a| title(a, 2).is_some());
    // An opened lesson's file is where Save writes.
    assert_eq!(
        app.world().resource::<LessonState>().path.as_ref(),
        Some(&path)
    );
    app.world_mut().write_message(LessonRequest::GoTo(2));
    app.update();
    let old = title(&app, 2).unwrap();
    // Another program saves a new title for the third step: read again, same step shown.
    std::fs::write(&path, original.replacen(&old, "A treaty, retitled", 1)).unwrap();
    wait_until(&mut app, "the new version", |a| {
        title(a, 2).as_deref() == Some("A treaty, retitled")
    });
    assert_eq!(app.world().resource::<LessonState>().step, 2);
    // A broken save: the last good version stays, with the problem.
    std::fs::write(&path, "{\"dateline_lesson\": 1, \"steps\": [").unwrap();
    wait_until(&mut app, "the problem", |a| {
        !a.world().resource::<LessonState>().problems.is_empty()
    });
    assert_eq!(title(&app, 2).as_deref(), Some("A treaty, retitled"));
    // Edits in the app not yet saved are never replaced by a change on disk.
    let mut l = (**app
        .world()
        .resource::<LessonState>()
        .lesson
        .as_ref()
        .unwrap())
    .clone();
    l.steps[2].title.en = Some("My own edit".into());
    app.world_mut()
        .write_message(LessonRequest::Edit(Box::new(l), 2));
    app.update();
    std::fs::write(&path, &original).unwrap();
    wait_until(&mut app, "the warning", |a| {
        a.world()
            .resource::<LessonState>()
            .problems
            .iter()
            .any(|p| p.message.contains("changed by another program"))
    });
    assert_eq!(title(&app, 2).as_deref(), Some("My own edit"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_globes_mdl_shows_one_set_of_dashes_cut_for_the_scale() {
    use dateline::app::render::atlas::dash_period_for;
    use dateline::app::render::globe::GlobeDash;
    let mut app = full_app_with("korea", |s| s.globe = true);
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.update();
    app.update();
    // The sets shown, and the one the scale at the view's centre calls for.
    let shown = |app: &mut App| -> (Vec<f32>, f32) {
        let sets: Vec<f32> = app
            .world_mut()
            .query_filtered::<&GlobeDash, With<Gizmo>>()
            .iter(app.world())
            .map(|d| d.0)
            .collect();
        let want = match *app.world().resource::<Projector>() {
            Projector::Globe(g, vp) => dash_period_for(g.km_per_px(vp[3])),
            Projector::Map(..) => panic!("not on the globe"),
        };
        (sets, want)
    };
    let (close, want_close) = shown(&mut app);
    assert_eq!(close, [want_close], "the Korea view on the globe");
    // Pulled back, the dashes are cut longer (about 14 px on screen still).
    for _ in 0..6 {
        press(&mut app, KeyCode::Minus);
    }
    app.update();
    let (far, want_far) = shown(&mut app);
    assert_eq!(far, [want_far], "pulled back");
    assert!(want_far > want_close, "{want_close} km, then {want_far} km");
}

#[test]
fn the_flat_map_is_drawn_under_the_names_by_its_own_camera() {
    use bevy::camera::visibility::RenderLayers;
    use dateline::app::camera::map::MapBaseCam;
    use dateline::app::render::labels::MapLabel;
    use dateline::app::state::screen::{MAP_LAYER, OVERLAY_LAYER};
    let mut app = full_app("korea");
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    let cams = |app: &mut App| {
        let mut q = app.world_mut().query::<(
            &Camera,
            &RenderLayers,
            &bevy::camera::Projection,
            Has<MapCam>,
            Has<MapBaseCam>,
        )>();
        let mut top = None;
        let mut base = None;
        for (c, l, p, is_top, is_base) in q.iter(app.world()) {
            let scale = match p {
                bevy::camera::Projection::Orthographic(o) => o.scale,
                _ => f32::NAN,
            };
            let v = (c.order, l.clone(), scale, c.viewport.clone(), c.clear_color);
            if is_top {
                top = Some(v);
            } else if is_base {
                base = Some(v);
            }
        }
        (top.unwrap(), base.unwrap())
    };
    let (top, base) = cams(&mut app);
    // The map's fills and lines (gizmos, drawn after all of a camera's meshes and text) on a
    // camera drawn first; the names, dots and markers on the one drawn over it.
    assert!(base.0 < top.0, "map camera {} vs labels' {}", base.0, top.0);
    assert_eq!(base.1, RenderLayers::layer(MAP_LAYER));
    assert_eq!(top.1, RenderLayers::layer(OVERLAY_LAYER));
    assert!(matches!(top.4, ClearColorConfig::None));
    assert!(matches!(base.4, ClearColorConfig::Default));
    assert!(base.3.is_none());
    // Names are on the overlay; the lines on the map's layer (no layer: layer 0).
    let mut names = app
        .world_mut()
        .query_filtered::<Option<&RenderLayers>, With<MapLabel>>();
    let layers: Vec<_> = names.iter(app.world()).collect();
    assert!(!layers.is_empty());
    assert!(
        layers
            .iter()
            .all(|l| l.is_some_and(|l| *l == RenderLayers::layer(OVERLAY_LAYER)))
    );
    let mut lines = app
        .world_mut()
        .query_filtered::<Option<&RenderLayers>, With<LineLayerTag>>();
    assert!(
        lines
            .iter(app.world())
            .all(|l| l.is_none_or(|l| *l == RenderLayers::layer(MAP_LAYER)))
    );
    // Zooming, both cameras take the same scale.
    press(&mut app, KeyCode::Equal);
    app.update();
    let (top2, base2) = cams(&mut app);
    assert!(top2.2 < top.2, "zoomed in: {} vs {}", top2.2, top.2);
    assert_eq!(base2.2, top2.2);
    // On the globe the map's camera draws one pixel and clears nothing; back, all of it.
    press(&mut app, KeyCode::KeyG);
    app.update();
    app.update();
    let (_, base3) = cams(&mut app);
    assert!(matches!(base3.4, ClearColorConfig::None));
    assert_eq!(
        base3.3.map(|v| v.physical_size),
        Some(UVec2::ONE),
        "on the globe"
    );
    press(&mut app, KeyCode::KeyG);
    app.update();
    app.update();
    let (_, base4) = cams(&mut app);
    assert!(matches!(base4.4, ClearColorConfig::Default));
    assert!(base4.3.is_none());
}

#[test]
fn water_names_are_slanted_once_however_often_they_move() {
    use bevy::transform::TransformPlugin;
    use dateline::app::render::labels::{SLANT, Slanted, slant, slant_matrix};
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, TransformPlugin))
        .add_systems(
            PostUpdate,
            slant.after(bevy::transform::TransformSystems::Propagate),
        );
    let name = app
        .world_mut()
        .spawn((
            Slanted,
            Transform::from_xyz(100.0, 50.0, 0.0).with_scale(Vec3::splat(2.0)),
        ))
        .with_children(|c| {
            c.spawn(Transform::from_xyz(1.8, 0.0, -0.01));
        })
        .id();
    let child = app.world().entity(name).get::<Children>().unwrap()[0];
    let shear_of = |app: &App, e: Entity| {
        let m = app
            .world()
            .entity(e)
            .get::<GlobalTransform>()
            .unwrap()
            .affine();
        // x grows with y by SLANT (in the name's own units, scaled with it).
        m.matrix3.y_axis.x / m.matrix3.y_axis.y
    };
    for frame in 0..4 {
        app.update();
        for e in [name, child] {
            let k = shear_of(&app, e);
            assert!((k - SLANT).abs() < 1e-5, "frame {frame}: {k}");
        }
        // The child (the halo, a stroke) keeps its place beside the slanted name.
        let g = *app.world().entity(name).get::<GlobalTransform>().unwrap();
        let want = GlobalTransform::from(g.affine()).transform_point(Vec3::new(1.8, 0.0, -0.01));
        let got = app
            .world()
            .entity(child)
            .get::<GlobalTransform>()
            .unwrap()
            .translation();
        assert!(
            (got - want).length() < 1e-4,
            "frame {frame}: {got} vs {want}"
        );
    }
    // Moved (as labels are on every pan): slanted once again, not twice.
    app.world_mut()
        .entity_mut(name)
        .get_mut::<Transform>()
        .unwrap()
        .translation
        .x = 300.0;
    for _ in 0..3 {
        app.update();
        for e in [name, child] {
            assert!((shear_of(&app, e) - SLANT).abs() < 1e-5);
        }
    }
    let g = app
        .world()
        .entity(name)
        .get::<GlobalTransform>()
        .unwrap()
        .affine();
    let want = Transform::from_xyz(300.0, 50.0, 0.0)
        .with_scale(Vec3::splat(2.0))
        .compute_affine()
        * slant_matrix();
    assert!(g.abs_diff_eq(want, 1e-4), "{g:?}");
}

#[test]
fn a_file_given_as_bytes_opens_and_a_new_version_replaces_it_keeping_the_last_good() {
    // What the web page's file input and drops send: a name and the bytes, no path.
    let zip = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/shp-korea-5179.zip"),
    )
    .unwrap();
    let mut app = full_app("korea");
    let give = |app: &mut App, bytes: Vec<u8>| {
        app.world_mut()
            .write_message(dateline::app::state::requests::OpenBytes {
                name: "shp-korea-5179.zip".into(),
                bytes: std::sync::Arc::new(bytes),
            });
        app.update();
        wait_until(app, "the given file", |a| {
            let f = a.world().resource::<OpenFiles>();
            !f.files.is_empty() && !f.busy()
        });
    };
    give(&mut app, zip.clone());
    let features = {
        let files = app.world().resource::<OpenFiles>();
        assert_eq!(files.files.len(), 1);
        let f = &files.files[0];
        assert_eq!(f.name, "shp-korea-5179.zip");
        match &f.good {
            Some(Content::Layer(l)) => l.features.len(),
            _ => panic!("the shapefile did not load: {:?}", f.problems),
        }
    };
    assert!(features > 0);
    // The same name again, broken (cut short): still one file, its last good version kept,
    // the problem listed.
    give(&mut app, zip[..zip.len() / 2].to_vec());
    let files = app.world().resource::<OpenFiles>();
    assert_eq!(files.files.len(), 1);
    let f = &files.files[0];
    assert!(f.stale && !f.problems.is_empty(), "{:?}", f.problems);
    assert!(matches!(&f.good, Some(Content::Layer(l)) if l.features.len() == features));
}

#[test]
fn the_current_link_follows_the_view_date_and_languages_and_reads_back() {
    use dateline::app::ui::link::CurrentLink;
    use dateline::core::link;
    let mut app = full_app_with("region", |s| {
        s.date = Some(dateline::core::timeline::day_number(2024, 8, 15));
        s.lang = Lang::Ko;
    });
    for _ in 0..3 {
        app.update();
    }
    let text = app.world().resource::<CurrentLink>().0.clone();
    let (state, problems) = link::read(&text);
    assert!(problems.is_empty(), "{text}: {problems:?}");
    assert_eq!(state.mode, Some(link::Mode::Map), "{text}");
    assert_eq!(state.lang, Some(Lang::Ko), "{text}");
    assert_eq!(
        state.date.map(dateline::core::timeline::iso).as_deref(),
        Some("2024-08-15"),
        "{text}"
    );
    // The region's centre, as the camera shows it.
    match state.view {
        Some(dateline::core::view::ViewSpec::At { center, .. }) => {
            assert!((60.0..140.0).contains(&center[0]), "{text}")
        }
        other => panic!("{text}: {other:?}"),
    }
    // Applied to fresh settings, the link starts the same view, date and names.
    let mut s =
        dateline::app::state::settings::Settings::new(dateline::core::view::ViewSpec::Korea);
    s.apply_link(&state);
    assert_eq!(s.lang, Lang::Ko);
    assert_eq!(s.date, state.date);
    assert!(!s.globe);
}
