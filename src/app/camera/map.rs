//! The 2D map camera: drag to pan, wheel and +/− to zoom about the cursor, arrows, Home, named
//! views and fly-to requests. Motion is eased towards a target view so it is smooth; the map
//! cannot be lost off-screen.

use bevy::camera::visibility::RenderLayers;
use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

use super::pointer::{over_ui, typing};
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{FlyTo, GoHome, ShowView};
use crate::app::state::screen::{
    CARD_W, MAP_LAYER, MapInsets, OVERLAY_LAYER, Projector, TextFocus, UiLayout, ViewMode,
    window_size,
};
use crate::app::state::settings::Settings;
use crate::app::state::systems::AppSystems;
use crate::core::globe::{GlobeView, map_for};
use crate::core::projection::{MapKind, MapProjection, Projection as _};
use crate::core::view::{Insets, MAX_ZOOM, MIN_ZOOM, MapView, fit_points, km_per_px, map_bounds};

/// The map's 2D camera for what lies over the map: labels (with their halos), city dots,
/// event markers and the panels. Drawn after [`MapBaseCam`], so no line of the map crosses a
/// name.
#[derive(Component, Debug, Clone, Copy)]
pub struct MapCam;

/// The 2D camera that draws the flat map itself (fills, lines, the user's layers, routes),
/// under [`MapCam`]'s labels: a child of it, with its projection copied every time it
/// changes. On the globe it keeps drawing into one pixel under the top bar, so its pipelines
/// stay compiled for the switch back.
#[derive(Component, Debug, Clone, Copy)]
pub struct MapBaseCam;

/// Where the camera is and where it is going.
#[derive(Resource, Debug, Clone, Copy)]
pub struct MapCamera {
    /// The view drawn this frame.
    pub current: MapView,
    /// The view being eased towards.
    pub target: MapView,
    /// Plane extent of the data (x0, y0, x1, y1); the centre stays inside it.
    pub bounds: [f64; 4],
    /// Jump straight to the target (capture mode).
    pub instant: bool,
    /// Which flat map the views are on (their centres are in its plane): the region's conic,
    /// or the world map once the window spans most of the Earth.
    pub kind: MapKind,
}

impl MapCamera {
    /// A camera at `view` on the flat map of `kind`.
    pub fn new(view: MapView, kind: MapKind, instant: bool) -> MapCamera {
        MapCamera {
            current: view,
            target: view,
            bounds: map_bounds(&kind.projection()),
            instant,
            kind,
        }
    }

    /// The projection of the flat map shown.
    pub fn proj(&self) -> MapProjection {
        self.kind.projection()
    }

    /// Shows the flat map of `kind`: the centres of the views are carried over through
    /// longitude/latitude, so the same place stays in the middle.
    pub fn switch_to(&mut self, kind: MapKind) {
        if kind == self.kind {
            return;
        }
        let (from, to) = (self.kind.projection(), kind.projection());
        for v in [&mut self.current, &mut self.target] {
            v.center = to.project(from.unproject(v.center));
        }
        self.kind = kind;
        self.bounds = map_bounds(&to);
        self.clamp();
    }

    /// After the target's zoom changed: the flat map that suits how much of the Earth the
    /// window will span ([`MapKind::for_span`]).
    pub fn follow_span(&mut self, size: [f64; 2]) {
        let span = km_per_px(self.target.zoom) * size[0].max(size[1]);
        self.switch_to(MapKind::for_span(span, self.kind));
    }

    /// The point under a pixel of the drawn view on the region's conic, where user layers
    /// are hit-tested, and how many km there `px` pixels are (the two maps' scales differ).
    pub fn regional_point(&self, pixel: [f64; 2], size: [f64; 2], px: f64) -> ([f64; 2], f64) {
        let (here, regional) = (self.proj(), MapKind::Regional.projection());
        let to_regional = |p: [f64; 2]| {
            let plane = self.current.from_pixel(p, size);
            match self.kind {
                MapKind::Regional => plane,
                MapKind::World => regional.project(here.unproject(plane)),
            }
        };
        let a = to_regional(pixel);
        let b = to_regional([pixel[0] + px, pixel[1]]);
        (a, (b[0] - a[0]).hypot(b[1] - a[1]))
    }

    /// Goes to a view on the flat map of `kind` (eased, unless the camera is instant).
    pub fn go_to(&mut self, view: MapView, kind: MapKind) {
        self.switch_to(kind);
        self.target = view;
        self.clamp();
    }

    /// Zooms the target by `dz` levels keeping the plane point under `pixel` fixed.
    pub fn zoom_about(&mut self, dz: f64, pixel: [f64; 2], size: [f64; 2]) {
        let anchor = self.target.from_pixel(pixel, size);
        let zoom = (self.target.zoom + dz).clamp(MIN_ZOOM, MAX_ZOOM);
        let s = km_per_px(zoom);
        self.target.zoom = zoom;
        self.target.center = [
            anchor[0] - (pixel[0] - size[0] / 2.0) * s,
            anchor[1] + (pixel[1] - size[1] / 2.0) * s,
        ];
        self.clamp();
        self.follow_span(size);
    }

    /// Pans the target by a pixel delta (drag direction: content follows the pointer).
    pub fn pan_pixels(&mut self, dx: f64, dy: f64) {
        let s = km_per_px(self.target.zoom);
        self.target.center[0] -= dx * s;
        self.target.center[1] += dy * s;
        self.clamp();
    }

    fn clamp(&mut self) {
        let [x0, y0, x1, y1] = self.bounds;
        self.target.center[0] = self.target.center[0].clamp(x0, x1);
        self.target.center[1] = self.target.center[1].clamp(y0, y1);
    }
}

/// The start view, where Home goes: `--view`, or on the globe without `--view` the globe's
/// own start view (Korea and Kursk together). The Home key and the Home button both use it.
pub fn home_view(
    settings: &Settings,
    on_globe: bool,
    size: [f64; 2],
    insets: Insets,
) -> (MapView, MapKind) {
    if on_globe && !settings.view_given {
        let kind = MapKind::Regional;
        (
            map_for(&GlobeView::story(), size, insets, &kind.projection()),
            kind,
        )
    } else {
        settings.view.resolve_on_its_map(size, insets)
    }
}

/// Adds the camera, its input, the requests it answers and its easing.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera)
        .add_systems(
            Update,
            (
                keyboard_and_mouse
                    .run_if(not_presenting)
                    .in_set(AppSystems::Input),
                (go_home, show_view, fly_to, ease)
                    .chain()
                    .in_set(AppSystems::Camera),
            ),
        )
        .add_systems(
            PostUpdate,
            match_base.before(bevy::camera::CameraUpdateSystems),
        );
}

fn spawn_camera(mut commands: Commands, settings: Res<Settings>) {
    let (view, kind) = settings
        .view
        .resolve_on_its_map(settings.size_f64(), settings.startup_insets());
    // Until the UI has measured its panels, assume their planned sizes.
    commands.insert_resource(MapInsets(settings.startup_insets()));
    commands.insert_resource(MapCamera::new(view, kind, settings.screenshot.is_some()));
    commands.insert_resource(Projector::Map(view, kind));
    commands
        .spawn((
            Camera2d,
            MapCam,
            // The egui panels are drawn by this camera.
            bevy_egui::PrimaryEguiContext,
            // Drawn last, over the globe's 3D camera and the flat map's camera: the overlays
            // (labels, markers). Lines drawn by the map's camera are gizmos, which a 2D camera
            // draws after all its meshes and text; on their own camera they stay under names.
            Camera {
                order: 2,
                clear_color: ClearColorConfig::None,
                ..default()
            },
            RenderLayers::layer(OVERLAY_LAYER),
            Transform::from_xyz(view.center[0] as f32, view.center[1] as f32, 100.0),
        ))
        .with_children(|c| {
            c.spawn((
                Name::new("flat map camera"),
                Camera2d,
                MapBaseCam,
                Camera {
                    order: 1,
                    ..default()
                },
                RenderLayers::layer(MAP_LAYER),
            ));
        });
}

/// Gives the flat map's camera the labels' camera's projection (its position it takes as a
/// child).
fn match_base(
    top: Query<&Projection, (With<MapCam>, Changed<Projection>)>,
    mut base: Query<&mut Projection, (With<MapBaseCam>, Without<MapCam>)>,
) {
    let Ok(p) = top.single() else {
        return;
    };
    for mut b in &mut base {
        *b = p.clone();
    }
}

#[allow(clippy::too_many_arguments)]
fn keyboard_and_mouse(
    mut cam: ResMut<MapCamera>,
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    egui: Option<Res<EguiWantsInput>>,
    text: Option<Res<TextFocus>>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut home: MessageWriter<GoHome>,
    time: Res<Time>,
) {
    let size = window_size(&window);
    let cursor = window.cursor_position().map(|c| [c.x as f64, c.y as f64]);
    let egui_pointer = egui.as_ref().is_some_and(|e| e.wants_pointer_input())
        || over_ui(egui.as_deref(), &layout, &window);
    if !egui_pointer {
        if buttons.pressed(MouseButton::Left) && motion.delta != Vec2::ZERO {
            cam.pan_pixels(motion.delta.x as f64, motion.delta.y as f64);
        }
        if scroll.delta.y != 0.0 {
            let lines = match scroll.unit {
                MouseScrollUnit::Line => scroll.delta.y as f64,
                MouseScrollUnit::Pixel => scroll.delta.y as f64 / 60.0,
            };
            let at = cursor.unwrap_or([size[0] / 2.0, size[1] / 2.0]);
            cam.zoom_about(lines * 0.25, at, size);
        }
    }
    if typing(text.as_deref()) {
        return;
    }
    let centre = [size[0] / 2.0, size[1] / 2.0];
    let at = if egui_pointer {
        centre
    } else {
        cursor.unwrap_or(centre)
    };
    if keys.just_pressed(KeyCode::Home) {
        home.write(GoHome);
    }
    // With Ctrl, + − and the arrows belong to the interface (its size, the date by day).
    if keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]) {
        return;
    }
    if keys.just_pressed(KeyCode::Equal) || keys.just_pressed(KeyCode::NumpadAdd) {
        cam.zoom_about(0.5, at, size);
    }
    if keys.just_pressed(KeyCode::Minus) || keys.just_pressed(KeyCode::NumpadSubtract) {
        cam.zoom_about(-0.5, at, size);
    }
    let step = 600.0 * time.delta_secs_f64();
    let (mut dx, mut dy) = (0.0, 0.0);
    if keys.pressed(KeyCode::ArrowLeft) {
        dx += step;
    }
    if keys.pressed(KeyCode::ArrowRight) {
        dx -= step;
    }
    if keys.pressed(KeyCode::ArrowUp) {
        dy += step;
    }
    if keys.pressed(KeyCode::ArrowDown) {
        dy -= step;
    }
    if dx != 0.0 || dy != 0.0 {
        cam.pan_pixels(dx, dy);
    }
}

/// Home: back to the start view of the mode shown.
fn go_home(
    mut requests: MessageReader<GoHome>,
    mut cam: ResMut<MapCamera>,
    settings: Res<Settings>,
    insets: Res<MapInsets>,
    mode: Option<Res<State<ViewMode>>>,
    window: Single<&Window, With<PrimaryWindow>>,
) {
    if requests.read().count() == 0 {
        return;
    }
    let on_globe = mode.is_some_and(|m| *m.get() == ViewMode::Globe);
    let (view, kind) = home_view(&settings, on_globe, window_size(&window), insets.0);
    cam.go_to(view, kind);
}

/// A named view (Korea, Region, World) or a place and zoom.
fn show_view(
    mut requests: MessageReader<ShowView>,
    mut cam: ResMut<MapCamera>,
    insets: Res<MapInsets>,
    window: Single<&Window, With<PrimaryWindow>>,
) {
    for ShowView(spec) in requests.read() {
        let (view, kind) = spec.resolve_on_its_map(window_size(&window), insets.0);
        cam.go_to(view, kind);
    }
}

/// Moves the map so the requested places are in view (leaving room for the event card).
fn fly_to(
    mut requests: MessageReader<FlyTo>,
    mut cam: ResMut<MapCamera>,
    insets: Res<MapInsets>,
    window: Single<&Window, With<PrimaryWindow>>,
    prefs: Option<Res<UiPrefs>>,
) {
    let size = window_size(&window);
    // The card grows with the interface's text.
    let card = CARD_W * prefs.map_or(1.0, |p| p.scale);
    for r in requests.read() {
        let mut room = insets.0;
        if r.card_room {
            room.0[1] += card as f64 + 20.0;
        }
        // Fitted on the map shown; if that view spans enough of the Earth to belong on the
        // other map, fitted again there.
        let fit = |kind: MapKind| {
            let proj = kind.projection();
            let pts: Vec<[f64; 2]> = r.places.iter().map(|p| proj.project(*p)).collect();
            fit_points(&pts, size, room, r.max_zoom)
        };
        let Some(mut view) = fit(cam.kind) else {
            continue;
        };
        let span = km_per_px(view.zoom) * size[0].max(size[1]);
        let kind = MapKind::for_span(span, cam.kind);
        if kind != cam.kind {
            view = fit(kind).unwrap_or(view);
        }
        cam.go_to(view, kind);
        if r.instant {
            cam.current = cam.target;
        }
    }
}

/// Eases the drawn view towards the target and applies it to the camera.
pub fn ease(
    mut cam: ResMut<MapCamera>,
    mut projector: ResMut<Projector>,
    mode: Option<Res<State<ViewMode>>>,
    time: Res<Time>,
    mut camera: Single<(&mut Transform, &mut Projection), With<MapCam>>,
) {
    let t = if cam.instant {
        1.0
    } else {
        1.0 - (-12.0 * time.delta_secs_f64()).exp()
    };
    let target = cam.target;
    let c = &mut cam.current;
    c.center[0] += (target.center[0] - c.center[0]) * t;
    c.center[1] += (target.center[1] - c.center[1]) * t;
    c.zoom += (target.zoom - c.zoom) * t;
    let (ref mut transform, ref mut projection) = *camera;
    transform.translation.x = c.center[0] as f32;
    transform.translation.y = c.center[1] as f32;
    if let Projection::Orthographic(ortho) = projection.as_mut() {
        ortho.scale = km_per_px(c.zoom) as f32;
    }
    if mode.is_none_or(|m| *m.get() == ViewMode::Map) {
        *projector = Projector::Map(cam.current, cam.kind);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera_at(lonlat: [f64; 2], zoom: f64) -> MapCamera {
        let kind = MapKind::Regional;
        let v = MapView {
            center: kind.projection().project(lonlat),
            zoom,
        };
        MapCamera::new(v, kind, true)
    }

    #[test]
    fn zooming_out_to_the_whole_earth_changes_to_the_world_map_and_back() {
        let mut cam = camera_at([127.0, 38.0], 5.0);
        let size = [1280.0, 800.0];
        let mid = [640.0, 400.0];
        // Zoom 3.5 spans 17,700 km of a 1280-pixel window: still the region.
        cam.zoom_about(-1.5, mid, size);
        assert_eq!(cam.kind, MapKind::Regional);
        // Zoom 2.5 spans 35,000 km: the whole Earth, on the world map.
        cam.zoom_about(-1.0, mid, size);
        assert_eq!(cam.kind, MapKind::World);
        // The same place is in the middle, now on the world map.
        let ll = cam.proj().unproject(cam.target.center);
        assert!(
            (ll[0] - 127.0).abs() < 1e-6 && (ll[1] - 38.0).abs() < 1e-6,
            "{ll:?}"
        );
        assert_eq!(cam.bounds, map_bounds(&MapKind::World.projection()));
        // Zoom 3.4 (19,000 km) is inside the band where the map stays as it is.
        cam.zoom_about(0.9, mid, size);
        assert_eq!(cam.kind, MapKind::World);
        // Zoom 4 (12,500 km): the region's conic again.
        cam.zoom_about(0.6, mid, size);
        assert_eq!(cam.kind, MapKind::Regional);
        let ll = cam.proj().unproject(cam.target.center);
        assert!(
            (ll[0] - 127.0).abs() < 1e-6 && (ll[1] - 38.0).abs() < 1e-6,
            "{ll:?}"
        );
    }

    #[test]
    fn zoom_about_keeps_the_point_under_the_cursor() {
        let mut cam = camera_at([127.0, 38.0], 5.0);
        let size = [1000.0, 800.0];
        let px = [800.0, 200.0];
        let before = cam.target.from_pixel(px, size);
        cam.zoom_about(1.0, px, size);
        let after = cam.target.from_pixel(px, size);
        assert!((before[0] - after[0]).abs() < 1e-6 && (before[1] - after[1]).abs() < 1e-6);
        assert_eq!(cam.target.zoom, 6.0);
    }

    #[test]
    fn panning_cannot_lose_the_map() {
        let mut cam = camera_at([127.0, 38.0], 5.0);
        let [x0, y0, x1, y1] = cam.bounds;
        // Far enough that only the clamp keeps the centre on the map.
        let (dx, dy) = (-1e7, 1e7);
        let s = km_per_px(cam.target.zoom);
        let unclamped = [cam.target.center[0] - dx * s, cam.target.center[1] + dy * s];
        assert!(unclamped[0] > x1 && unclamped[1] > y1);
        cam.pan_pixels(dx, dy);
        assert!(cam.target.center[0] >= x0 && cam.target.center[0] <= x1);
        assert!(cam.target.center[1] >= y0 && cam.target.center[1] <= y1);
        assert_eq!(cam.target.center, [x1, y1]);
    }
}
