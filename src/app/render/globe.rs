//! The atlas on the 3D globe (same colours and lines, meshes following the curve, a
//! graticule), built once at start-up; and event routes as lifted great-circle arcs.

use bevy::camera::visibility::RenderLayers;
use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineJoint};
use bevy::prelude::*;

use super::atlas::{
    DASH_ON, DASH_PERIODS_KM, LineGizmo, dash_period_for, is_story_country, unbroken_line,
};
use super::mesh;
use crate::app::camera::globe::GlobeCam;
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::Projector;
use crate::app::state::screen::{GLOBE_LAYER, ViewMode};
use crate::app::state::settings::AtlasData;
use crate::app::state::story::{Clock, EventFilters, Story};
use crate::app::state::systems::AppSystems;
use crate::app::theme::{self, LAND, SEA};
use crate::core::atlas::LineKind;
use crate::core::globe::{central_angle, dashes_on_earth, slerp, sphere_line, to_sphere};
use crate::core::labels::MapStyle;
use crate::core::model::Shape;
use crate::core::timeline::progress;

/// Route arcs on the globe.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct GlobeArcs;

/// The atmosphere round the globe's disc.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct GlobeRim;

/// Circles of the atmosphere's rim, from the disc's edge outwards.
const RIM_STEPS: usize = 10;

/// Adds the globe's meshes and the route arcs.
pub(super) fn plugin(app: &mut App) {
    app.insert_gizmo_config(
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
    .insert_gizmo_config(
        GlobeRim,
        GizmoConfig {
            line: GizmoLineConfig {
                width: 3.0,
                ..default()
            },
            render_layers: RenderLayers::layer(GLOBE_LAYER),
            ..default()
        },
    )
    .add_systems(Startup, spawn_globe)
    .add_systems(
        Update,
        (draw_arcs, draw_rim, apply_globe_style, globe_dashes).in_set(AppSystems::Layers),
    );
}

/// The globe's fill materials, recoloured when the style changes.
#[derive(Resource, Debug, Clone)]
struct GlobeFills {
    land: Vec<Handle<StandardMaterial>>,
    land_other: Vec<Handle<StandardMaterial>>,
    sea: Handle<StandardMaterial>,
    style: MapStyle,
}

/// One scale of the globe's dashed line (the MDL): its dashes repeat every this many km.
#[derive(Component, Debug, Clone, Copy)]
pub struct GlobeDash(pub f32);

/// Shows the globe's dashes whose rhythm is about DASH_PX on screen at the view's centre.
fn globe_dashes(
    mut commands: Commands,
    projector: Option<Res<Projector>>,
    mut dashes: Query<(Entity, &GlobeDash, &mut LineGizmo)>,
) {
    let period = match projector.as_deref() {
        Some(Projector::Globe(g, vp)) => Some(dash_period_for(g.km_per_px(vp[3]))),
        _ => None,
    };
    for (entity, dash, mut gizmo) in &mut dashes {
        gizmo.set(&mut commands, entity, Some(dash.0) == period);
    }
}

/// Recolours the globe's fills when the map's style changes.
fn apply_globe_style(
    toggles: Res<LayerToggles>,
    fills: Option<ResMut<GlobeFills>>,
    mut materials: ResMut<Assets<StandardMaterial>>,
) {
    let Some(mut fills) = fills else {
        return;
    };
    if fills.style == toggles.style {
        return;
    }
    fills.style = toggles.style;
    let p = theme::palette(toggles.style);
    for (hs, colours) in [(&fills.land, p.land), (&fills.land_other, p.land_other)] {
        for (h, c) in hs.iter().zip(colours) {
            if let Some(mut m) = materials.get_mut(h) {
                m.base_color = c;
            }
        }
    }
    if let Some(mut m) = materials.get_mut(&fills.sea) {
        m.base_color = p.sea;
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
    let layer = RenderLayers::layer(GLOBE_LAYER);
    // The sea: a sphere just under the land.
    let sea = materials.add(mesh::globe_material(SEA));
    commands.spawn((
        Name::new("globe sea"),
        Mesh3d(meshes.add(Sphere::new(0.997).mesh().uv(128, 64))),
        MeshMaterial3d(sea.clone()),
        layer.clone(),
    ));
    let land: Vec<Handle<StandardMaterial>> = LAND
        .iter()
        .map(|c| materials.add(mesh::globe_material(*c)))
        .collect();
    let land_other: Vec<Handle<StandardMaterial>> = theme::ATLAS
        .land_other
        .iter()
        .map(|c| materials.add(mesh::globe_material(*c)))
        .collect();
    // The globe's triangles were built from longitude/latitude with the atlas (all of each
    // country, Antarctica and the Americas included, whatever the flat map's projection shows).
    for c in &atlas.0.countries {
        commands.spawn((
            Name::new(format!("globe {}", c.name)),
            Mesh3d(meshes.add(mesh::sphere(
                c.globe.positions.clone(),
                c.globe.indices.clone(),
            ))),
            MeshMaterial3d(if is_story_country(&c.iso3) {
                land[c.colour % LAND.len()].clone()
            } else {
                land_other[c.colour % LAND.len()].clone()
            }),
            layer.clone(),
        ));
    }
    commands.insert_resource(GlobeFills {
        land,
        land_other,
        sea: sea.clone(),
        style: MapStyle::Atlas,
    });
    let lakes = &atlas.0.lakes_globe;
    commands.spawn((
        Name::new("globe lakes"),
        Mesh3d(
            meshes.add(mesh::sphere(
                lakes
                    .positions
                    .iter()
                    .map(|p| p.map(|v| v * 1.0004))
                    .collect(),
                lakes.indices.clone(),
            )),
        ),
        MeshMaterial3d(sea.clone()),
        layer.clone(),
    ));
    for l in &atlas.0.lines {
        let theme::LineStyle {
            color,
            width,
            pattern,
            casing,
        } = theme::line_style(l.kind);
        // Other countries' provinces fainter: the globe shows them at every scale.
        let color = if l.kind == LineKind::ProvinceOther {
            color.with_alpha(theme::GLOBE_PROVINCE_ALPHA)
        } else {
            color
        };
        let strip = |g: &mut GizmoAsset, line: &[[f64; 2]], r: f64, c: Color| {
            g.linestrip(
                sphere_line(line, r, 1.0)
                    .into_iter()
                    .map(|p| Vec3::new(p[0], p[1], p[2])),
                c,
            );
        };
        if let Some((casing, casing_width)) = casing {
            // The light band under the line, a little lower.
            let mut g = GizmoAsset::new();
            for ll in &l.lonlat {
                strip(&mut g, ll, 1.0012, casing);
            }
            commands.spawn((
                Name::new(format!("globe {} (casing)", l.kind.name())),
                Gizmo {
                    handle: gizmos.add(g),
                    line_config: GizmoLineConfig {
                        width: casing_width,
                        joints: GizmoLineJoint::Round(4),
                        ..default()
                    },
                    ..default()
                },
                layer.clone(),
            ));
        }
        if pattern == theme::LinePattern::Dashed {
            // Dashes cut along the whole line on the Earth, one set per scale, the one about
            // DASH_PX on screen shown (`globe_dashes`): the same rhythm as on the flat map.
            for period in DASH_PERIODS_KM {
                let mut g = GizmoAsset::new();
                for ll in &l.lonlat {
                    for d in dashes_on_earth(ll, f64::from(period), f64::from(period * DASH_ON)) {
                        strip(&mut g, &d, 1.0015, color);
                    }
                }
                commands.spawn((
                    Name::new(format!(
                        "globe {} (dashes every {period} km)",
                        l.kind.name()
                    )),
                    GlobeDash(period),
                    LineGizmo {
                        handle: gizmos.add(g),
                        config: GizmoLineConfig {
                            width,
                            joints: GizmoLineJoint::Round(2),
                            ..default()
                        },
                        shown: false,
                    },
                    layer.clone(),
                ));
            }
            continue;
        }
        let mut g = GizmoAsset::new();
        for ll in &l.lonlat {
            strip(&mut g, ll, 1.0015, color);
        }
        commands.spawn((
            Name::new(format!("globe {}", l.kind.name())),
            Gizmo {
                handle: gizmos.add(g),
                line_config: unbroken_line(width, pattern),
                ..default()
            },
            layer.clone(),
        ));
    }
    // A graticule every 15°.
    let mut g = GizmoAsset::new();
    let grid = theme::GLOBE_GRATICULE;
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

/// Where the limb's shading starts, as a share of the disc's radius: inside it the colours
/// are exactly the flat map's.
pub const SHADE_FROM: f32 = 0.84;
/// Circles that build the shading's ramp.
const SHADE_STEPS: usize = 20;
/// The shading's opacity at the very edge.
const SHADE_EDGE_ALPHA: f32 = 0.5;

/// The globe's look as a ball, drawn round and over its silhouette as the camera sees it.
///
/// The atmosphere: circles just outside the silhouette, fading outwards. The silhouette of
/// the unit sphere seen from distance `d` is the circle of radius √(1 − 1/d²) centred 1/d
/// towards the camera; the rim's circles are wider, in the same plane, so they lie outside
/// the sphere and never over the land.
///
/// Soft shading towards the edge: dark circles, growing more opaque outwards, over the outer
/// part of the disc. They lie in a plane just in front of the sphere, facing the camera, each
/// sized so that it projects onto the wanted share of the silhouette (angle `f`·asin(1/d)
/// from the view axis).
fn draw_rim(
    mode: Res<State<ViewMode>>,
    camera: Query<&GlobalTransform, With<GlobeCam>>,
    mut gizmos: Gizmos<GlobeRim>,
) {
    if *mode.get() != ViewMode::Globe {
        return;
    }
    let Ok(t) = camera.single() else {
        return;
    };
    let c = t.translation();
    let d = c.length();
    if d <= 1.01 {
        return;
    }
    let dir = c / d;
    let facing = Quat::from_rotation_arc(Vec3::Z, dir);
    let silhouette = (1.0 - 1.0 / (d * d)).sqrt();
    let at = Isometry3d::new(dir / d, facing);
    for k in 0..RIM_STEPS {
        let f = k as f32 / RIM_STEPS as f32;
        gizmos
            .circle(
                at,
                silhouette * (1.0 + 0.004 + 0.02 * f),
                theme::ATMOSPHERE.with_alpha(0.55 * (1.0 - f) * (1.0 - f)),
            )
            .resolution(160);
    }
    let front = 1.002;
    let at = Isometry3d::new(dir * front, facing);
    let edge = (1.0 / d).asin();
    for k in 0..SHADE_STEPS {
        let u = (k as f32 + 0.5) / SHADE_STEPS as f32;
        let f = SHADE_FROM + (1.0 - SHADE_FROM) * u;
        gizmos
            .circle(
                at,
                (d - front) * (f * edge).tan(),
                theme::GLOBE_SHADE.with_alpha(SHADE_EDGE_ALPHA * u * u / 2.0),
            )
            .resolution(160);
    }
}

/// Routes as great-circle arcs lifted above the surface, growing over their dates.
fn draw_arcs(
    mode: Res<State<ViewMode>>,
    story: Option<Res<Story>>,
    clock: Option<Res<Clock>>,
    filters: Res<EventFilters>,
    mut gizmos: Gizmos<GlobeArcs>,
) {
    let (Some(story), Some(clock)) = (story, clock) else {
        return;
    };
    if *mode.get() != ViewMode::Globe {
        return;
    }
    for e in story.events() {
        let o = filters.opacity(e, &clock);
        if o <= 0.0 {
            continue;
        }
        // A route no source gives is whole from the start and dotted (not a path taken).
        let unreported = e.route_not_reported.is_some();
        let grow = if unreported {
            1.0
        } else {
            progress(&e.span, clock.date)
        };
        let color = theme::category(&e.category).with_alpha(o);
        for s in &e.shapes {
            let Shape::Line(line) = s else {
                continue;
            };
            // Points along the great circles, lifted by up to 4% of the radius mid-route.
            let mut pts: Vec<[f64; 2]> = Vec::new();
            for w in line.windows(2) {
                let n = (central_angle(w[0], w[1]).to_degrees() / 1.0)
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
            if unreported {
                for pair in lifted.chunks_exact(2) {
                    gizmos.line(pair[0], pair[1], color);
                }
            } else if lifted.len() >= 2 {
                gizmos.linestrip(lifted, color);
            }
        }
    }
}
