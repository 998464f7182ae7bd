//! The 2D map camera: drag to pan, wheel and +/− to zoom about the cursor, arrows, Home.
//! Motion is eased towards a target view so it is smooth; the map cannot be lost off-screen.

use bevy::input::mouse::{AccumulatedMouseMotion, AccumulatedMouseScroll, MouseScrollUnit};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

use super::{AppSystems, Settings};
use crate::core::projection::{Lcc, Projection as MapProjection};
use crate::core::tessellate::densify;
use crate::core::view::{MAP_BBOX, MAX_ZOOM, MIN_ZOOM, MapView, km_per_px};

/// The map's 2D camera (labels, markers, panels; the flat map in map mode).
#[derive(Component, Debug, Clone, Copy)]
pub struct MapCam;

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
}

impl MapCamera {
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

/// Where a left click on the map ended, on the frame it ends: pressed and released within 4
/// pixels (a drag that moved the map is not a click), with the pointer neither over an egui
/// panel nor held by one. `pressed_at` is the caller's `Local` memory of the press.
pub fn map_click(
    buttons: &ButtonInput<MouseButton>,
    window: &Window,
    egui: Option<&EguiWantsInput>,
    pressed_at: &mut Option<Vec2>,
) -> Option<Vec2> {
    if egui.is_some_and(|e| e.wants_pointer_input() || e.is_pointer_over_area()) {
        return None;
    }
    let cursor = window.cursor_position()?;
    if buttons.just_pressed(MouseButton::Left) {
        *pressed_at = Some(cursor);
    }
    (buttons.just_released(MouseButton::Left)
        && pressed_at.take().is_some_and(|p| p.distance(cursor) < 4.0))
    .then_some(cursor)
}

/// The plane extent of the bundled map.
pub fn map_bounds(proj: &impl MapProjection) -> [f64; 4] {
    let [w, s, e, n] = MAP_BBOX;
    let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for p in densify(&[[w, s], [e, s], [e, n], [w, n], [w, s]], 1.0) {
        let [x, y] = proj.project(p);
        b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
    }
    b
}

/// Adds the camera, its input and its easing.
pub fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_camera).add_systems(
        Update,
        (
            keyboard_and_mouse.in_set(AppSystems::Input),
            ease.in_set(AppSystems::Camera),
        ),
    );
}

fn window_size(window: &Window) -> [f64; 2] {
    [window.width() as f64, window.height() as f64]
}

fn spawn_camera(mut commands: Commands, settings: Res<Settings>) {
    let proj = Lcc::atlas();
    let size = [settings.size[0] as f64, settings.size[1] as f64];
    let view = settings
        .view
        .resolve_in(size, settings.startup_insets(), &proj);
    // Until the UI has measured its panels, assume their planned sizes.
    commands.insert_resource(super::MapInsets(settings.startup_insets()));
    commands.insert_resource(MapCamera {
        current: view,
        target: view,
        bounds: map_bounds(&proj),
        instant: settings.screenshot.is_some(),
    });
    commands.insert_resource(super::Projector::Map(view));
    commands.spawn((
        Camera2d,
        MapCam,
        // The egui panels are drawn by this camera.
        bevy_egui::PrimaryEguiContext,
        // Drawn after the globe's 3D camera; sees the map and the overlays (labels, markers).
        Camera {
            order: 1,
            ..default()
        },
        bevy::camera::visibility::RenderLayers::from_layers(&[
            super::MAP_LAYER,
            super::OVERLAY_LAYER,
        ]),
        Transform::from_xyz(view.center[0] as f32, view.center[1] as f32, 100.0),
    ));
}

#[allow(clippy::too_many_arguments)]
fn keyboard_and_mouse(
    mut cam: ResMut<MapCamera>,
    keys: Res<ButtonInput<KeyCode>>,
    buttons: Res<ButtonInput<MouseButton>>,
    motion: Res<AccumulatedMouseMotion>,
    scroll: Res<AccumulatedMouseScroll>,
    egui: Option<Res<EguiWantsInput>>,
    window: Single<&Window, With<PrimaryWindow>>,
    settings: Res<Settings>,
    (insets, mode): (Res<super::MapInsets>, Option<Res<State<super::ViewMode>>>),
    time: Res<Time>,
) {
    let size = window_size(&window);
    let cursor = window.cursor_position().map(|c| [c.x as f64, c.y as f64]);
    let egui_pointer = egui
        .as_ref()
        .is_some_and(|e| e.wants_pointer_input() || e.is_pointer_over_area());
    let egui_keys = egui.as_ref().is_some_and(|e| e.wants_keyboard_input());
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
    if egui_keys {
        return;
    }
    let centre = [size[0] / 2.0, size[1] / 2.0];
    let at = if egui_pointer {
        centre
    } else {
        cursor.unwrap_or(centre)
    };
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
    if keys.just_pressed(KeyCode::Home) {
        let on_globe = mode.is_some_and(|m| *m.get() == super::ViewMode::Globe);
        cam.target = if on_globe && !settings.view_given {
            // The globe's start view: Korea and Kursk together.
            super::globe::map_for(&crate::core::globe::GlobeView::story(), size, insets.0)
        } else {
            settings.view.resolve_in(size, insets.0, &Lcc::atlas())
        };
    }
}

/// Eases the drawn view towards the target and applies it to the camera.
pub fn ease(
    mut cam: ResMut<MapCamera>,
    mut projector: ResMut<super::Projector>,
    mode: Option<Res<State<super::ViewMode>>>,
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
    if mode.is_none_or(|m| *m.get() == super::ViewMode::Map) {
        *projector = super::Projector::Map(*c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_about_keeps_the_point_under_the_cursor() {
        let proj = Lcc::atlas();
        let size = [1000.0, 800.0];
        let v = MapView {
            center: proj.project([127.0, 38.0]),
            zoom: 5.0,
        };
        let mut cam = MapCamera {
            current: v,
            target: v,
            bounds: map_bounds(&proj),
            instant: true,
        };
        let px = [800.0, 200.0];
        let before = cam.target.from_pixel(px, size);
        cam.zoom_about(1.0, px, size);
        let after = cam.target.from_pixel(px, size);
        assert!((before[0] - after[0]).abs() < 1e-6 && (before[1] - after[1]).abs() < 1e-6);
        assert_eq!(cam.target.zoom, 6.0);
    }

    #[test]
    fn panning_cannot_lose_the_map() {
        let proj = Lcc::atlas();
        let v = MapView {
            center: proj.project([127.0, 38.0]),
            zoom: 5.0,
        };
        let mut cam = MapCamera {
            current: v,
            target: v,
            bounds: map_bounds(&proj),
            instant: true,
        };
        cam.pan_pixels(-1e7, 1e7);
        let [x0, y0, x1, y1] = cam.bounds;
        assert!(cam.target.center[0] >= x0 && cam.target.center[0] <= x1);
        assert!(cam.target.center[1] >= y0 && cam.target.center[1] <= y1);
    }
}
