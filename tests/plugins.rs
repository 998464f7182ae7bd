//! Plugin tests: each Bevy plugin in a bare `App` with `MinimalPlugins`, driven by `app.update()`.
//! No window or GPU: the window is a plain entity and assets are in-memory collections.

use std::sync::Arc;

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use dateline::app::camera::MapCamera;
use dateline::app::events::SceneEvents;
use dateline::app::map::{LayerToggles, LineLayerTag};
use dateline::app::timeline::{EventsData, Selection, Timeline};
use dateline::app::{self, AtlasData, Settings};
use dateline::core::atlas::{Atlas, LineKind};
use dateline::core::events;
use dateline::core::model::Lang;
use dateline::core::timeline::{FuzzyDate, iso};
use dateline::core::view::ViewSpec;

fn settings(view: &str) -> Settings {
    Settings::new(ViewSpec::parse(view).unwrap())
}

/// A bare app with what the camera reads: input resources and a primary window entity.
fn base_app(view: &str) -> App {
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .insert_resource(settings(view))
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>()
        .init_resource::<AccumulatedMouseMotion>()
        .init_resource::<AccumulatedMouseScroll>()
        .add_plugins((app::plugin, app::camera::plugin));
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

fn press(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release(key);
    keys.clear();
}

#[test]
fn camera_starts_on_the_requested_view_and_follows_keys() {
    let mut app = camera_app("korea");
    let cam = *app.world().resource::<MapCamera>();
    let home = cam.target;
    // The camera entity sits over the view centre.
    let mut q = app
        .world_mut()
        .query_filtered::<&Transform, With<dateline::app::camera::MapCam>>();
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
    for _ in 0..200 {
        press(&mut app, KeyCode::ArrowLeft);
    }
    let cam = *app.world().resource::<MapCamera>();
    assert!(cam.target.center[0] >= cam.bounds[0] - 1e-6);
    assert!(cam.target.center[0] <= cam.bounds[2] + 1e-6);
}

/// A bare app with the map plugin: in-memory asset collections, no renderer.
fn map_app(view: &str) -> App {
    let mut app = base_app(view);
    app.add_plugins(AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<ColorMaterial>()
        .init_asset::<GizmoAsset>()
        .init_asset::<Font>()
        .insert_resource(AtlasData(Arc::new(Atlas::bundled().unwrap())))
        .add_plugins(app::map::plugin);
    app.update();
    app.update();
    app
}

#[test]
fn map_spawns_every_country_once_and_hides_provinces_when_zoomed_out() {
    let mut app = map_app("world");
    let countries = app.world().resource::<AtlasData>().0.countries.len();
    let meshes = app.world_mut().query::<&Mesh2d>().iter(app.world()).count();
    // One mesh per country plus the lakes.
    assert_eq!(meshes, countries + 1);

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

    // Zoom in far enough and the other countries' provinces appear (no easing, as in capture).
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    for _ in 0..8 {
        press(&mut app, KeyCode::Equal);
    }
    app.update();
    assert!(app.world().resource::<MapCamera>().current.zoom >= 5.0);
    assert!(shown(&mut app, LineKind::ProvinceOther));

    // Turning a layer off in the toggles hides it.
    app.world_mut()
        .resource_mut::<LayerToggles>()
        .lines
        .insert(LineKind::River, false);
    app.update();
    assert!(!shown(&mut app, LineKind::River));
}

fn day(s: &str) -> f64 {
    FuzzyDate::parse(s).unwrap().first_day() as f64
}

/// The map app plus the timeline, the event list and the event markers, at a date.
fn events_app(view: &str, date: Option<&str>) -> App {
    let mut app = base_app(view);
    app.world_mut().resource_mut::<Settings>().date = date.map(|d| day(d) as i64);
    let bundled = events::load_geojson(events::BUNDLED_NAME, events::BUNDLED);
    app.add_plugins(AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<ColorMaterial>()
        .init_asset::<GizmoAsset>()
        .init_asset::<Font>()
        .insert_resource(AtlasData(Arc::new(Atlas::bundled().unwrap())))
        .insert_resource(EventsData::new(bundled.events))
        .add_plugins((
            app::map::plugin,
            app::timeline::plugin,
            app::event_list::plugin,
            app::events::plugin,
            app::labels::plugin,
        ));
    app.update();
    app.update();
    app
}

fn visible(app: &App) -> Vec<String> {
    let events = app.world().resource::<EventsData>();
    app.world()
        .resource::<SceneEvents>()
        .0
        .iter()
        .filter(|e| e.visible)
        .map(|e| events.events[e.index].id.clone())
        .collect()
}

#[test]
fn timeline_defaults_to_the_newest_event_and_steps_between_events() {
    let mut app = events_app("region", None);
    let t = app.world().resource::<Timeline>().clone();
    assert_eq!(iso(t.day()), "2024-12-04", "the newest event's date");
    assert_eq!(visible(&app).len(), 14, "{:?}", visible(&app));

    press(&mut app, KeyCode::Comma);
    assert_eq!(iso(app.world().resource::<Timeline>().day()), "2024-11-11");
    press(&mut app, KeyCode::Comma);
    assert_eq!(iso(app.world().resource::<Timeline>().day()), "2024-11-01");
    press(&mut app, KeyCode::Period);
    assert_eq!(iso(app.world().resource::<Timeline>().day()), "2024-11-11");
    // Month-precision events of November show from the 1st; the 4 December one not yet.
    let v = visible(&app);
    assert!(v.contains(&"kursk-nk-troops".to_string()));
    assert!(!v.contains(&"treaty-in-force".to_string()));
}

#[test]
fn markers_follow_the_date_and_the_filters() {
    let mut app = events_app("region", Some("2023-07-01"));
    assert!(visible(&app).is_empty(), "{:?}", visible(&app));
    let shown_markers = |app: &mut App| {
        app.world_mut()
            .query::<(&dateline::app::events::EventMarker, &Visibility)>()
            .iter(app.world())
            .filter(|(_, v)| **v != Visibility::Hidden)
            .count()
    };
    assert_eq!(shown_markers(&mut app), 0);

    app.world_mut().resource_mut::<Timeline>().date = day("2024-11-26");
    app.update();
    let v = visible(&app);
    for id in ["kursk-nk-troops", "ryongsong-expansion", "treaty-signed"] {
        assert!(v.contains(&id.to_string()), "{id} not in {v:?}");
    }
    let all = shown_markers(&mut app);
    assert!(all >= 8, "{all} markers shown");

    // Hiding a status hides its markers and drops its events from the scene.
    app.world_mut()
        .resource_mut::<dateline::app::event_list::EventListState>()
        .hidden_statuses
        .insert(dateline::core::events::Status::Claimed);
    app.update();
    assert!(!visible(&app).contains(&"kursk-nk-troops".to_string()));
    assert!(shown_markers(&mut app) < all);
}

#[test]
fn playing_moves_the_date_forward_and_selecting_flies_the_map() {
    let mut app = events_app("korea", Some("2024-06-01"));
    app.world_mut().resource_mut::<Timeline>().playing = true;
    let before = app.world().resource::<Timeline>().date;
    std::thread::sleep(std::time::Duration::from_millis(20));
    app.update();
    let after = app.world().resource::<Timeline>().date;
    assert!(after > before, "{before} -> {after}");

    // Select the Kursk event: the timeline and the camera move to it.
    let i = app
        .world()
        .resource::<EventsData>()
        .events
        .iter()
        .position(|e| e.id == "kursk-nk-troops")
        .unwrap();
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    {
        let world = app.world_mut();
        world.resource_scope(|world, mut sel: Mut<Selection>| {
            world.resource_scope(|world, mut t: Mut<Timeline>| {
                t.playing = false;
                sel.select(i, world.resource::<EventsData>(), &mut t);
            });
        });
    }
    app.update();
    app.update();
    let cam = *app.world().resource::<MapCamera>();
    let proj = dateline::core::projection::Lcc::atlas();
    use dateline::core::projection::Projection;
    let [x, y] = cam
        .current
        .to_pixel(proj.project([36.18, 51.73]), [1280.0, 800.0]);
    assert!(
        (0.0..1280.0).contains(&x) && (0.0..800.0).contains(&y),
        "Kursk at {x},{y}"
    );
    assert!(app.world().resource::<Timeline>().date >= day("2024-11-01"));
}

#[test]
fn labels_are_placed_without_overlap_and_follow_the_language() {
    let mut app = events_app("korea", None);
    let texts = |app: &App| -> Vec<(String, [f64; 4])> {
        app.world()
            .resource::<dateline::app::labels::LabelsOnScreen>()
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
        .query::<(&dateline::app::labels::MapLabel, &Visibility)>()
        .iter(app.world())
        .filter(|(_, v)| **v != Visibility::Hidden)
        .count();
    assert_eq!(shown, en.len());

    app.world_mut().resource_mut::<LayerToggles>().lang = Lang::Ko;
    app.update();
    let ko = texts(&app);
    assert!(ko.iter().any(|(t, _)| t == "서울"), "{ko:?}");
    assert!(!ko.iter().any(|(t, _)| t == "Seoul"));
}

/// The globe plugin with what it reads (states, 3D assets, the atlas).
fn add_globe_plugin(app: &mut App) {
    app.add_plugins(bevy::state::app::StatesPlugin)
        .add_plugins(AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<StandardMaterial>()
        .init_asset::<GizmoAsset>()
        .insert_resource(AtlasData(Arc::new(Atlas::bundled().unwrap())))
        .add_plugins(app::globe::plugin);
}

/// The files plugin with what it reads (assets, drag-and-drop messages, the bundled events).
fn add_files_plugin(app: &mut App) {
    let bundled = events::load_geojson(events::BUNDLED_NAME, events::BUNDLED);
    app.add_plugins(AssetPlugin::default())
        .init_asset::<Mesh>()
        .init_asset::<ColorMaterial>()
        .init_asset::<GizmoAsset>()
        .add_message::<bevy::window::FileDragAndDrop>()
        .insert_resource(EventsData::new(bundled.events))
        .add_plugins(app::files::plugin);
}

fn wait_until(app: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let start = std::time::Instant::now();
    while !done(app) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        app.update();
    }
}

#[test]
fn opened_files_load_in_the_background_and_reload_keeping_the_last_good_version() {
    use dateline::app::files::OpenFiles;
    use dateline::core::userfile::Content;
    let dir = std::env::temp_dir().join(format!("dateline-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
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

    let mut app = base_app("korea");
    app.world_mut().resource_mut::<Settings>().files = vec![layer.clone(), csv.clone()];
    add_files_plugin(&mut app);
    app.update();
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
    assert_eq!(app.world().resource::<EventsData>().events.len(), 15);

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
        assert!(app.world().resource::<OpenFiles>().show_problems);
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
    use dateline::core::projection::Projection;
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
    use dateline::app::globe::GlobeCamera;
    use dateline::app::{Projector, ViewMode};
    let mut app = base_app("korea");
    add_globe_plugin(&mut app);
    app.update();
    let size = [1280.0, 800.0];
    let insets = app.world().resource::<app::MapInsets>().0;
    let map = app.world().resource::<MapCamera>().current;
    let proj = dateline::core::projection::Lcc::atlas();
    use dateline::core::projection::Projection;
    let centre = proj.unproject(map.from_pixel(insets.middle(size), size));
    assert!(matches!(
        app.world().resource::<Projector>(),
        Projector::Map(_)
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
        Projector::Map(_)
    ));
}

#[test]
fn clicking_a_feature_of_a_user_layer_shows_its_properties() {
    use dateline::app::files::OpenFiles;
    use dateline::core::projection::{Lcc, Projection};
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/example-layer.geojson");
    let mut app = base_app("korea");
    app.world_mut().resource_mut::<Settings>().files = vec![fixture];
    add_files_plugin(&mut app);
    app.update();
    wait_until(&mut app, "the layer to load", |a| {
        !a.world().resource::<OpenFiles>().busy()
    });
    let view = app.world().resource::<MapCamera>().current;
    let [x, y] = view.to_pixel(Lcc::atlas().project([126.8, 37.9]), [1280.0, 800.0]);
    let click = |app: &mut App, x: f64, y: f64| {
        let mut q = app.world_mut().query::<&mut Window>();
        q.single_mut(app.world_mut())
            .unwrap()
            .set_cursor_position(Some(Vec2::new(x as f32, y as f32)));
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
    };
    // Far from every feature: nothing.
    click(&mut app, 20.0, 780.0);
    assert_eq!(app.world().resource::<OpenFiles>().inspect, None);
    // On "Example point A".
    click(&mut app, x, y);
    let files = app.world().resource::<OpenFiles>();
    let (fi, ji) = files.inspect.expect("a feature is selected");
    let Some(dateline::core::userfile::Content::Layer(l)) = &files.files[fi].good else {
        panic!("not a layer")
    };
    assert_eq!(
        l.features[ji]
            .properties
            .get("name")
            .and_then(|v| v.as_str()),
        Some("Example point A")
    );
}

#[test]
fn a_dropped_file_is_opened() {
    use dateline::app::files::OpenFiles;
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/example-events.csv");
    let mut app = base_app("korea");
    add_files_plugin(&mut app);
    app.update();
    let window = app
        .world_mut()
        .query_filtered::<Entity, With<bevy::window::PrimaryWindow>>()
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
    let files = app.world().resource::<OpenFiles>();
    assert_eq!(files.files[0].name, "example-events.csv");
    // One good event joins the timeline; the bad row is listed with its row and column.
    assert_eq!(app.world().resource::<EventsData>().events.len(), 15);
    assert!(
        files.files[0]
            .problems
            .iter()
            .any(|p| p.to_string().contains("row 3, column \"start\""))
    );
    assert!(files.show_problems);
}

#[test]
fn on_the_globe_drag_rotates_and_the_wheel_zooms() {
    use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll};
    use dateline::app::globe::GlobeCamera;
    let mut app = base_app("korea");
    app.world_mut().resource_mut::<Settings>().globe = true;
    add_globe_plugin(&mut app);
    app.update();
    app.world_mut().resource_mut::<MapCamera>().instant = true;
    app.update();
    app.update();
    let before = app.world().resource::<GlobeCamera>().current;
    {
        let mut q = app.world_mut().query::<&mut Window>();
        q.single_mut(app.world_mut())
            .unwrap()
            .set_cursor_position(Some(Vec2::new(400.0, 300.0)));
    }
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
