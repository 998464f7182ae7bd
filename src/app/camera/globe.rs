//! The globe's camera: a perspective camera that follows the map camera's target, so drag,
//! wheel, keys, views, search and event fly-to all work and fly along great circles; and the
//! switch between map and globe (G or the top bar) with an animated zoom that keeps the place
//! under the view centre.

use bevy::camera::ClearColorConfig;
use bevy::camera::visibility::RenderLayers;
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::map::{MapBaseCam, MapCam, MapCamera, ease};
use super::pointer::typing;
use crate::app::state::requests::ToggleGlobe;
use crate::app::state::screen::{
    GLOBE_LAYER, MapInsets, Projector, TextFocus, ViewMode, window_size,
};
use crate::app::state::settings::Settings;
use crate::app::state::systems::AppSystems;
use crate::app::theme::SPACE;
use crate::core::globe::{FOV, GlobeView, globe_for, map_for, slerp, zoom_range};
use crate::core::view::{MAX_ZOOM, km_per_px};

/// The globe camera: the view drawn this frame.
#[derive(Resource, Debug, Clone, Copy)]
pub struct GlobeCamera {
    /// The view drawn this frame.
    pub current: GlobeView,
}

/// The 2D camera's view parts, its layer parts, and the filter selecting it.
type Cam2dView = (&'static mut Transform, &'static mut Projection);
type Only2d = (With<MapCam>, Without<GlobeCam>);
type BaseOnly = (With<MapBaseCam>, Without<GlobeCam>);

/// A zoom to apply once the map is back (about the middle of the uncovered part).
#[derive(Resource, Debug, Default)]
pub struct PendingZoom(pub f64);

/// The 3D camera.
#[derive(Component)]
pub struct GlobeCam;

/// Adds the globe camera, the G key and the switch.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<PendingZoom>()
        .add_systems(Startup, spawn_camera)
        .add_systems(PostStartup, start_mode)
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                (toggle, follow)
                    .chain()
                    .in_set(AppSystems::Camera)
                    .after(ease),
            ),
        )
        .add_systems(OnEnter(ViewMode::Globe), enter_globe)
        .add_systems(OnEnter(ViewMode::Map), enter_map);
}

fn spawn_camera(mut commands: Commands) {
    commands.spawn((
        Name::new("globe camera"),
        GlobeCam,
        Camera3d::default(),
        Camera {
            order: 0,
            clear_color: ClearColorConfig::Custom(SPACE),
            // One pixel under the top bar until the globe is shown (see `enter_map`).
            viewport: Some(bevy::camera::Viewport {
                physical_position: UVec2::ZERO,
                physical_size: UVec2::ONE,
                ..default()
            }),
            ..default()
        },
        Tonemapping::None,
        Projection::from(PerspectiveProjection {
            fov: FOV as f32,
            near: 0.001,
            far: 50.0,
            ..default()
        }),
        RenderLayers::layer(GLOBE_LAYER),
        Transform::from_xyz(0.0, 0.0, 3.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
}

fn start_mode(
    settings: Res<Settings>,
    mut next: ResMut<NextState<ViewMode>>,
    mut cam: ResMut<MapCamera>,
    mut commands: Commands,
) {
    if !settings.globe {
        return;
    }
    next.set(ViewMode::Globe);
    let size = [settings.size[0] as f64, settings.size[1] as f64];
    let insets = settings.startup_insets();
    let start = if settings.view_given {
        globe_for(&cam.target, size, insets, &cam.proj())
    } else {
        // The default globe view frames Korea and Kursk together.
        let g = GlobeView::story();
        let view = map_for(&g, size, insets, &cam.proj());
        cam.target = view;
        cam.current = view;
        g
    };
    commands.insert_resource(GlobeCamera { current: start });
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    text: Option<Res<TextFocus>>,
    mut toggle: MessageWriter<ToggleGlobe>,
) {
    if !typing(text.as_deref()) && keys.just_pressed(KeyCode::KeyG) {
        toggle.write(ToggleGlobe);
    }
}

/// Switches mode on request, with an animated zoom that keeps the centre.
#[allow(clippy::too_many_arguments)]
fn toggle(
    mut requests: MessageReader<ToggleGlobe>,
    mode: Res<State<ViewMode>>,
    mut next: ResMut<NextState<ViewMode>>,
    mut cam: ResMut<MapCamera>,
    mut globe: Option<ResMut<GlobeCamera>>,
    window: Single<&Window, With<PrimaryWindow>>,
    insets: Res<MapInsets>,
    mut pending_zoom: ResMut<PendingZoom>,
    mut commands: Commands,
) {
    // Two requests in one frame cancel out.
    if requests.read().count().is_multiple_of(2) {
        return;
    }
    let size = window_size(&window);
    let h = insets.0.inner(size)[1];
    match mode.get() {
        ViewMode::Map => {
            // The globe starts exactly where the map is, then pulls back to show the curve.
            let start = globe_for(&cam.current, size, insets.0, &cam.proj());
            match globe.as_mut() {
                Some(g) => g.current = start,
                None => commands.insert_resource(GlobeCamera { current: start }),
            }
            let (lo, hi) = zoom_range(h);
            // Pull back about the middle of the uncovered part, so that place stays put.
            let dz = (cam.target.zoom - 0.8).clamp(lo, hi) - cam.target.zoom;
            cam.zoom_about(dz, insets.0.middle(size), size);
            next.set(ViewMode::Globe);
        }
        ViewMode::Globe => {
            // The map starts where the globe is, then zooms in a little.
            next.set(ViewMode::Map);
            let dz = (cam.target.zoom + 0.5).min(MAX_ZOOM) - cam.target.zoom;
            pending_zoom.0 = dz;
        }
    }
}

/// Moves the globe camera towards the map camera's target along the great circle, and
/// applies it to the 3D camera and the projector.
#[allow(clippy::too_many_arguments)]
fn follow(
    mode: Res<State<ViewMode>>,
    mut cam: ResMut<MapCamera>,
    globe: Option<ResMut<GlobeCamera>>,
    mut projector: ResMut<Projector>,
    time: Res<Time>,
    insets: Res<MapInsets>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<(&mut Transform, &mut Camera), With<GlobeCam>>,
    mut cam2d: Single<Cam2dView, Only2d>,
    mut commands: Commands,
) {
    if *mode.get() != ViewMode::Globe {
        return;
    }
    // The globe is drawn in the part of the window that panels leave free.
    let size = window_size(&window);
    let [t, r, b, l] = insets.0.0;
    let vp = [
        l,
        t,
        (size[0] - l - r).max(64.0),
        (size[1] - t - b).max(64.0),
    ];
    let h = vp[3];
    let (lo, hi) = zoom_range(h);
    cam.target.zoom = cam.target.zoom.clamp(lo, hi);
    let target = globe_for(&cam.target, size, insets.0, &cam.proj());
    let Some(mut globe) = globe else {
        commands.insert_resource(GlobeCamera { current: target });
        return;
    };
    let k = if cam.instant {
        1.0
    } else {
        1.0 - (-8.0 * time.delta_secs_f64()).exp()
    };
    let g = &mut globe.current;
    g.center = slerp(g.center, target.center, k);
    g.distance += (target.distance - g.distance) * k;
    // The 2D camera (labels, markers) stays in step with what the globe shows, this frame.
    cam.current = map_for(g, size, insets.0, &cam.proj());
    let (ref mut t2, ref mut p2) = *cam2d;
    t2.translation.x = cam.current.center[0] as f32;
    t2.translation.y = cam.current.center[1] as f32;
    if let Projection::Orthographic(o) = p2.as_mut() {
        o.scale = km_per_px(cam.current.zoom) as f32;
    }
    let eye = g.eye();
    let (_, _, up) = g.basis();
    let (ref mut transform, ref mut camera) = *camera;
    **transform = Transform::from_xyz(eye[0] as f32, eye[1] as f32, eye[2] as f32).looking_at(
        Vec3::ZERO,
        Vec3::new(up[0] as f32, up[1] as f32, up[2] as f32),
    );
    let k = window.scale_factor() as f64;
    camera.viewport = Some(bevy::camera::Viewport {
        physical_position: UVec2::new((vp[0] * k) as u32, (vp[1] * k) as u32),
        physical_size: UVec2::new((vp[2] * k) as u32, (vp[3] * k) as u32),
        ..default()
    });
    *projector = Projector::Globe(*g, vp);
}

/// The flat map's camera draws into one pixel under the top bar while the globe shows (its
/// pipelines stay compiled, so the switch back shows at once), over the globe, clearing
/// nothing.
fn enter_globe(mut base: Single<&mut Camera, BaseOnly>) {
    base.clear_color = ClearColorConfig::None;
    base.viewport = Some(bevy::camera::Viewport {
        physical_position: UVec2::ZERO,
        physical_size: UVec2::ONE,
        ..default()
    });
}

fn enter_map(
    insets: Res<MapInsets>,
    mut pending: ResMut<PendingZoom>,
    mut cam3: Single<&mut Camera, With<GlobeCam>>,
    mut base: Single<&mut Camera, BaseOnly>,
    mut cam: ResMut<MapCamera>,
    globe: Option<Res<GlobeCamera>>,
    window: Single<&Window, With<PrimaryWindow>>,
) {
    // Kept active in a one-pixel viewport under the top bar, so its pipelines stay compiled
    // and the switch back to the globe shows at once.
    cam3.viewport = Some(bevy::camera::Viewport {
        physical_position: UVec2::ZERO,
        physical_size: UVec2::ONE,
        ..default()
    });
    base.clear_color = ClearColorConfig::Default;
    base.viewport = None;
    if let Some(g) = globe {
        let size = window_size(&window);
        cam.current = map_for(&g.current, size, insets.0, &cam.proj());
        cam.target = cam.current;
        let dz = std::mem::take(&mut pending.0);
        cam.zoom_about(dz, insets.0.middle(size), size);
    }
}
