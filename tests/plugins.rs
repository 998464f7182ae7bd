//! Plugin tests: each Bevy plugin in a bare `App` with `MinimalPlugins`, driven by `app.update()`.
//! No window or GPU: the window is a plain entity and assets are in-memory collections.

use std::sync::Arc;

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use dateline::app::camera::MapCamera;
use dateline::app::map::{LayerToggles, LineLayerTag};
use dateline::app::{self, AtlasData, Settings};
use dateline::core::atlas::{Atlas, LineKind};
use dateline::core::model::Lang;
use dateline::core::view::ViewSpec;

fn settings(view: &str) -> Settings {
    Settings {
        view: ViewSpec::parse(view).unwrap(),
        lang: Lang::En,
        screenshot: None,
        size: [1280, 800],
    }
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
        .query_filtered::<&Transform, With<Camera2d>>();
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
