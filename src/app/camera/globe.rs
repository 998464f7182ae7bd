//! The globe: the atlas on a 3D Earth (same colours and lines, meshes following the curve),
//! a perspective camera that follows the map camera's target so drag, wheel, keys, views,
//! search and event fly-to all work and fly along great circles, routes as lifted arcs, and
//! the switch between map and globe (G or the top bar) with an animated zoom that keeps the
//! place under the view centre.

use bevy::asset::RenderAssetUsages;
use bevy::camera::ClearColorConfig;
use bevy::camera::visibility::RenderLayers;
use bevy::core_pipeline::tonemapping::Tonemapping;
use bevy::gizmos::config::{
    GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineJoint, GizmoLineStyle,
};
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

use super::camera::MapCamera;
use super::event_list::EventListState;
use super::events::category_bevy;
use super::map::{LAND, SEA, line_style};
use super::timeline::{EventsData, Timeline};
use super::{
    AppSystems, AtlasData, GLOBE_LAYER, MAP_LAYER, OVERLAY_LAYER, Projector, Settings, ViewMode,
};
use crate::core::atlas::LineKind;
use crate::core::globe::{
    FOV, GlobeView, MAX_DISTANCE, MIN_DISTANCE, slerp, sphere_line, sphere_positions, subdivide,
    to_sphere,
};
use crate::core::model::Shape;
use crate::core::projection::{Lcc, Projection as MapProjection};
use crate::core::tessellate::MeshData;
use crate::core::timeline::{opacity, progress};
use crate::core::view::{MAX_ZOOM, MIN_ZOOM, km_per_px, zoom_for};

/// Longest triangle edge on the globe (km): nothing cuts through the sphere.
pub const MAX_EDGE_KM: f32 = 120.0;
/// Background behind the globe.
pub const SPACE: Color = Color::srgb(0.10, 0.12, 0.16);

/// The globe camera: drawn view and where it eases to.
#[derive(Resource, Debug, Clone, Copy)]
pub struct GlobeCamera {
    /// The view drawn this frame.
    pub current: GlobeView,
}

/// Ask to switch between map and globe (set by the G key and the top bar button).
#[derive(Resource, Debug, Default)]
pub struct ToggleGlobe(pub bool);

/// The 2D camera's view parts, its layer parts, and the filter selecting it.
type Cam2dView = (&'static mut Transform, &'static mut Projection);
type Cam2dLayers = (&'static mut Camera, &'static mut RenderLayers);
type Only2d = (With<super::camera::MapCam>, Without<GlobeCam>);

/// A zoom to apply once the map is back (about the middle of the uncovered part).
#[derive(Resource, Debug, Default)]
pub struct PendingZoom(pub f64);

/// The 3D camera.
#[derive(Component)]
pub struct GlobeCam;

/// Route arcs on the globe.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct GlobeArcs;

/// Adds the globe.
pub fn plugin(app: &mut App) {
    app.init_state::<ViewMode>()
        .init_resource::<ToggleGlobe>()
        .init_resource::<PendingZoom>()
        .insert_gizmo_config(
            GlobeArcs,
            GizmoConfig {
                line: GizmoLineConfig {
                    width: 3.0,
                    joints: GizmoLineJoint::Round(2),
                    ..default()
                },
                render_layers: RenderLayers::layer(GLOBE_LAYER),
                ..default()
            },
        )
        .add_systems(Startup, spawn_globe)
        .add_systems(PostStartup, start_mode)
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                (toggle, follow)
                    .chain()
                    .in_set(AppSystems::Camera)
                    .after(super::camera::ease),
                draw_arcs.in_set(AppSystems::Layers),
            ),
        )
        .add_systems(OnEnter(ViewMode::Globe), enter_globe)
        .add_systems(OnEnter(ViewMode::Map), enter_map);
}

fn mesh3d(positions: Vec<[f32; 3]>, indices: Vec<u32>) -> Mesh {
    let normals: Vec<[f32; 3]> = positions
        .iter()
        .map(|p| {
            let l = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt().max(1e-6);
            [p[0] / l, p[1] / l, p[2] / l]
        })
        .collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::RENDER_WORLD,
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_attribute(Mesh::ATTRIBUTE_NORMAL, normals)
    .with_inserted_indices(Indices::U32(indices))
}

fn flat_material(c: Color) -> StandardMaterial {
    StandardMaterial {
        base_color: c,
        unlit: true,
        cull_mode: None,
        ..default()
    }
}

/// Builds the globe's meshes and lines once, at start.
fn spawn_globe(
    mut commands: Commands,
    atlas: Res<AtlasData>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
    mut gizmos: ResMut<Assets<GizmoAsset>>,
) {
    let proj = Lcc::atlas();
    let layer = RenderLayers::layer(GLOBE_LAYER);
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
        layer.clone(),
        Transform::from_xyz(0.0, 0.0, 3.0).looking_at(Vec3::ZERO, Vec3::Y),
    ));
    // The sea: a sphere just under the land.
    commands.spawn((
        Name::new("globe sea"),
        Mesh3d(meshes.add(Sphere::new(0.997).mesh().uv(128, 64))),
        MeshMaterial3d(materials.add(flat_material(SEA))),
        layer.clone(),
    ));
    let land: Vec<Handle<StandardMaterial>> = LAND
        .iter()
        .map(|c| materials.add(flat_material(*c)))
        .collect();
    for c in &atlas.0.countries {
        let sub = subdivide(&c.mesh, MAX_EDGE_KM);
        commands.spawn((
            Name::new(format!("globe {}", c.name)),
            Mesh3d(meshes.add(mesh3d(sphere_positions(&sub, &proj, 1.0), sub.indices))),
            MeshMaterial3d(land[c.colour % LAND.len()].clone()),
            layer.clone(),
        ));
    }
    let lakes: MeshData = subdivide(&atlas.0.lakes, MAX_EDGE_KM);
    commands.spawn((
        Name::new("globe lakes"),
        Mesh3d(meshes.add(mesh3d(
            sphere_positions(&lakes, &proj, 1.0004),
            lakes.indices,
        ))),
        MeshMaterial3d(materials.add(flat_material(SEA))),
        layer.clone(),
    ));
    for l in &atlas.0.lines {
        let (color, width, dashed) = line_style(l.kind);
        // Other countries' provinces fainter: the globe shows them at every scale.
        let color = if l.kind == LineKind::ProvinceOther {
            color.with_alpha(0.35)
        } else {
            color
        };
        let mut g = GizmoAsset::new();
        for line in &l.lines {
            let ll: Vec<[f64; 2]> = line
                .iter()
                .map(|p| proj.unproject([p[0] as f64, p[1] as f64]))
                .collect();
            g.linestrip(
                sphere_line(&ll, 1.0015, 1.0)
                    .into_iter()
                    .map(|p| Vec3::new(p[0], p[1], p[2])),
                color,
            );
        }
        commands.spawn((
            Name::new(format!("globe {}", l.kind.name())),
            Gizmo {
                handle: gizmos.add(g),
                line_config: GizmoLineConfig {
                    width,
                    style: if dashed {
                        GizmoLineStyle::Dashed {
                            gap_scale: 2.0,
                            line_scale: 3.0,
                        }
                    } else {
                        GizmoLineStyle::Solid
                    },
                    ..default()
                },
                ..default()
            },
            layer.clone(),
        ));
    }
    // A graticule every 15°.
    let mut g = GizmoAsset::new();
    let grid = Color::srgba(0.55, 0.62, 0.70, 0.55);
    for i in 0..24 {
        let lon = -180.0 + i as f64 * 15.0;
        let line: Vec<[f64; 2]> = (0..=32).map(|k| [lon, -80.0 + k as f64 * 5.0]).collect();
        g.linestrip(
            sphere_line(&line, 1.001, 2.0)
                .into_iter()
                .map(|p| Vec3::new(p[0], p[1], p[2])),
            grid,
        );
    }
    for j in -5..=5 {
        let lat = j as f64 * 15.0;
        let ring: Vec<Vec3> = (0..=180)
            .map(|k| {
                let v = to_sphere([-180.0 + k as f64 * 2.0, lat]);
                Vec3::new(v[0] as f32, v[1] as f32, v[2] as f32) * 1.001
            })
            .collect();
        g.linestrip(ring, grid);
    }
    commands.spawn((
        Name::new("globe graticule"),
        Gizmo {
            handle: gizmos.add(g),
            line_config: GizmoLineConfig {
                width: 1.0,
                ..default()
            },
            ..default()
        },
        layer,
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
    // Starting on the globe, the flat map is not drawn until the first switch, so its
    // pipelines would compile only then (a few frames without lines). A one-pixel 2D camera
    // under the top bar keeps drawing the map layer so they are ready.
    commands.spawn((
        Name::new("map warm-up camera"),
        Camera2d,
        Camera {
            order: -1,
            viewport: Some(bevy::camera::Viewport {
                physical_position: UVec2::ZERO,
                physical_size: UVec2::ONE,
                ..default()
            }),
            ..default()
        },
        RenderLayers::layer(MAP_LAYER),
    ));
    let size = [settings.size[0] as f64, settings.size[1] as f64];
    let insets = settings.startup_insets();
    let start = if settings.view_given {
        globe_for(&cam.target, size, insets)
    } else {
        // The default globe view frames Korea and Kursk together.
        let g = GlobeView::story();
        let view = map_for(&g, size, insets);
        cam.target = view;
        cam.current = view;
        g
    };
    commands.insert_resource(GlobeCamera { current: start });
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Option<Res<EguiWantsInput>>,
    mut toggle: ResMut<ToggleGlobe>,
) {
    if egui.is_some_and(|e| e.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::KeyG) {
        toggle.0 = true;
    }
}

/// The globe view matching a map view: the place at the middle of the uncovered part of the
/// window stays there, at the same scale.
pub fn globe_for(
    view: &crate::core::view::MapView,
    size: [f64; 2],
    insets: crate::core::view::Insets,
) -> GlobeView {
    let inner = insets.inner(size);
    let middle = view.from_pixel(insets.middle(size), size);
    GlobeView {
        center: Lcc::atlas().unproject(middle),
        distance: GlobeView::distance_for(km_per_px(view.zoom), inner[1], FOV)
            .clamp(MIN_DISTANCE, MAX_DISTANCE),
        fov: FOV,
    }
}

/// The map view matching a globe view (the inverse of [`globe_for`]).
pub fn map_for(
    g: &GlobeView,
    size: [f64; 2],
    insets: crate::core::view::Insets,
) -> crate::core::view::MapView {
    let inner = insets.inner(size);
    insets.recentre(crate::core::view::MapView {
        center: Lcc::atlas().project(g.center),
        zoom: zoom_for(g.km_per_px(inner[1])),
    })
}

/// Map zoom levels the globe can show (its distance range).
fn zoom_range(height_px: f64) -> (f64, f64) {
    let z = |d: f64| {
        zoom_for(
            GlobeView {
                center: [0.0, 0.0],
                distance: d,
                fov: FOV,
            }
            .km_per_px(height_px),
        )
    };
    (z(MAX_DISTANCE).max(MIN_ZOOM), z(MIN_DISTANCE).min(MAX_ZOOM))
}

/// Switches mode on request, with an animated zoom that keeps the centre.
#[allow(clippy::too_many_arguments)]
fn toggle(
    mut request: ResMut<ToggleGlobe>,
    mode: Res<State<ViewMode>>,
    mut next: ResMut<NextState<ViewMode>>,
    mut cam: ResMut<MapCamera>,
    mut globe: Option<ResMut<GlobeCamera>>,
    window: Single<&Window, With<PrimaryWindow>>,
    insets: Res<super::MapInsets>,
    mut pending_zoom: ResMut<PendingZoom>,
    mut commands: Commands,
) {
    if !std::mem::take(&mut request.0) {
        return;
    }
    let size = [window.width() as f64, window.height() as f64];
    let h = insets.0.inner(size)[1];
    match mode.get() {
        ViewMode::Map => {
            // The globe starts exactly where the map is, then pulls back to show the curve.
            let start = globe_for(&cam.current, size, insets.0);
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
    insets: Res<super::MapInsets>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut camera: Single<(&mut Transform, &mut Camera), With<GlobeCam>>,
    mut cam2d: Single<Cam2dView, Only2d>,
    mut commands: Commands,
) {
    if *mode.get() != ViewMode::Globe {
        return;
    }
    // The globe is drawn in the part of the window that panels leave free.
    let size = [window.width() as f64, window.height() as f64];
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
    let target = globe_for(&cam.target, size, insets.0);
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
    cam.current = map_for(g, size, insets.0);
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

fn enter_globe(mut cam2: Single<Cam2dLayers, Only2d>) {
    let (ref mut c, ref mut layers) = *cam2;
    c.clear_color = ClearColorConfig::None;
    **layers = RenderLayers::layer(OVERLAY_LAYER);
}

fn enter_map(
    insets: Res<super::MapInsets>,
    mut pending: ResMut<PendingZoom>,
    mut cam3: Single<&mut Camera, With<GlobeCam>>,
    mut cam2: Single<Cam2dLayers, Only2d>,
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
    let (ref mut c, ref mut layers) = *cam2;
    c.clear_color = ClearColorConfig::Default;
    **layers = RenderLayers::from_layers(&[MAP_LAYER, OVERLAY_LAYER]);
    if let Some(g) = globe {
        let size = [window.width() as f64, window.height() as f64];
        cam.current = map_for(&g.current, size, insets.0);
        cam.target = cam.current;
        let dz = std::mem::take(&mut pending.0);
        cam.zoom_about(dz, insets.0.middle(size), size);
    }
}

/// Routes as great-circle arcs lifted above the surface, growing over their dates.
fn draw_arcs(
    mode: Res<State<ViewMode>>,
    events: Option<Res<EventsData>>,
    timeline: Option<Res<Timeline>>,
    list: Option<Res<EventListState>>,
    mut gizmos: Gizmos<GlobeArcs>,
) {
    let (Some(events), Some(timeline), Some(list)) = (events, timeline, list) else {
        return;
    };
    if *mode.get() != ViewMode::Globe {
        return;
    }
    for e in &events.events {
        if !list.passes(e) {
            continue;
        }
        let o = opacity(&e.span, timeline.date, timeline.window());
        if o <= 0.0 {
            continue;
        }
        let grow = progress(&e.span, timeline.date);
        let color = category_bevy(&e.category).with_alpha(o);
        for s in &e.shapes {
            let Shape::Line(line) = s else {
                continue;
            };
            // Points along the great circles, lifted by up to 4% of the radius mid-route.
            let mut pts: Vec<[f64; 2]> = Vec::new();
            for w in line.windows(2) {
                let n = (crate::core::globe::central_angle(w[0], w[1]).to_degrees() / 1.0)
                    .ceil()
                    .max(2.0) as usize;
                for i in 0..n {
                    pts.push(slerp(w[0], w[1], i as f64 / n as f64));
                }
            }
            if let Some(l) = line.last() {
                pts.push(*l);
            }
            let n = pts.len();
            let shown = ((n as f32 - 1.0) * grow).round() as usize + 1;
            let lifted: Vec<Vec3> = pts
                .iter()
                .enumerate()
                .take(shown.min(n))
                .map(|(i, p)| {
                    let t = i as f64 / (n - 1).max(1) as f64;
                    let r = 1.0 + 0.04 * (std::f64::consts::PI * t).sin() + 0.002;
                    let v = to_sphere(*p);
                    Vec3::new(v[0] as f32, v[1] as f32, v[2] as f32) * r as f32
                })
                .collect();
            if lifted.len() >= 2 {
                gizmos.linestrip(lifted, color);
            }
        }
    }
}
