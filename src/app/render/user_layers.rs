//! The user's layers on the map and the globe: fills, lines and points in the file's colour,
//! built when a version of the file loads (geometry prepared off the frame by the core),
//! shown or hidden with the file, removed with it. A timed layer's features (earthquakes,
//! storm tracks) are drawn each frame as they are at the timeline's date, sized and shaded by
//! the number the user picked.

use bevy::platform::time::Instant;
use std::collections::HashMap;
use std::ops::Range;

use bevy::camera::visibility::RenderLayers;
use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineJoint};
use bevy::prelude::*;

use super::mesh;
use crate::app::camera::map::MapCamera;
use crate::app::files::store::OpenFiles;
use crate::app::state::screen::ViewMode;
use crate::app::state::screen::{GLOBE_LAYER, MAP_LAYER};
use crate::app::state::story::Clock;
use crate::app::state::story::FileId;
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::projection::MapKind;
use crate::core::tessellate::sub_mesh;
use crate::core::userfile::{Content, Layer, LayerFeature, draws_coarse};
use crate::core::view::km_per_px;

/// The most points drawn per layer (a dot each, in screen pixels).
pub const MAX_POINTS_DRAWN: usize = 20_000;
/// Line width of user layers (pixels), a little thicker than borders.
pub const LINE_PX: f32 = 2.0;

/// Lines for user layers' points on the flat map.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct UserLines;

/// Timed layers' points and lines on the globe, drawn each frame.
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct UserGlobe;

/// The entities drawing each file (each with the group it draws, if any, and its level of
/// detail), and the version of the file they show.
#[derive(Resource, Debug, Default)]
pub struct LayerEntities(pub HashMap<FileId, (u64, Vec<Drawn>)>);

/// One entity drawing part of a file.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// The entity.
    pub entity: Entity,
    /// The group of the file it draws (`None`: the whole file).
    pub group: Option<String>,
    /// The zoom it is drawn at.
    pub lod: Lod,
    /// For lines: the retained gizmo it draws. Retained gizmos ignore `Visibility`, so the
    /// entity is hidden by removing its `Gizmo` and shown by inserting this again.
    pub gizmo: Option<Gizmo>,
    /// Whether its `Gizmo` is inserted now.
    pub shown: bool,
}

impl Drawn {
    fn new(entity: Entity, group: &Option<String>, lod: Lod, gizmo: Option<Gizmo>) -> Drawn {
        Drawn {
            entity,
            group: group.clone(),
            lod,
            shown: gizmo.is_some(),
            gizmo,
        }
    }
}

/// Which map and zoom an entity of a layer is drawn at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lod {
    /// Always (the globe's entities, on the globe's render layer).
    All,
    /// On the region's conic, at every zoom (fills).
    Regional,
    /// On the conic zoomed in (a pixel narrower than [`crate::core::userfile::COARSE_KM`]).
    Fine,
    /// On the conic zoomed out: the simplified outlines.
    Coarse,
    /// On the world map.
    World,
}

impl Lod {
    /// Whether it shows on the flat map of `kind` with outlines `coarse` or not.
    pub fn shows(self, kind: MapKind, coarse: bool) -> bool {
        match self {
            Lod::All => true,
            Lod::Regional => kind == MapKind::Regional,
            Lod::Fine => kind == MapKind::Regional && !coarse,
            Lod::Coarse => kind == MapKind::Regional && coarse,
            Lod::World => kind == MapKind::World,
        }
    }
}

/// Asset collections for a user layer on the globe (absent in tests without 3D assets).
#[derive(bevy::ecs::system::SystemParam)]
pub struct GlobeAssets<'w> {
    materials: Option<ResMut<'w, Assets<StandardMaterial>>>,
}

/// Adds the drawing of user layers.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LayerEntities>()
        .insert_gizmo_config(
            UserLines,
            GizmoConfig {
                line: GizmoLineConfig {
                    width: LINE_PX,
                    joints: GizmoLineJoint::Round(2),
                    ..default()
                },
                render_layers: RenderLayers::layer(MAP_LAYER),
                ..default()
            },
        )
        .insert_gizmo_config(
            UserGlobe,
            GizmoConfig {
                line: GizmoLineConfig {
                    width: LINE_PX,
                    joints: GizmoLineJoint::Round(2),
                    ..default()
                },
                render_layers: RenderLayers::layer(GLOBE_LAYER),
                ..default()
            },
        )
        .add_systems(
            Update,
            (draw_layers, draw_points, draw_timed_on_globe)
                .chain()
                .in_set(AppSystems::Layers),
        );
}

/// The parts of a layer drawn as separate entities: each group (by name), or the whole
/// layer as one part without a name.
fn parts(layer: &Layer) -> Vec<(Option<String>, Range<usize>)> {
    if layer.groups.is_empty() {
        vec![(None, 0..layer.features.len())]
    } else {
        layer
            .groups
            .iter()
            .map(|(n, r)| (Some(n.clone()), r.clone()))
            .collect()
    }
}

/// The range of a per-feature range field over features `r` (contiguous, in order).
fn span_of(
    layer: &Layer,
    r: &Range<usize>,
    field: impl Fn(&LayerFeature) -> Range<usize>,
) -> Range<usize> {
    match (
        layer.features.get(r.start),
        r.end.checked_sub(1).and_then(|e| layer.features.get(e)),
    ) {
        (Some(a), Some(b)) if r.start < r.end => field(a).start..field(b).end,
        _ => 0..0,
    }
}

/// A feature's outline and line indices into [`Layer::lines`].
fn feature_lines(f: &LayerFeature) -> impl Iterator<Item = usize> + '_ {
    f.lines
        .clone()
        .chain(f.polygons.iter().flat_map(|r| r.clone()))
}

/// (Re)builds the entities of files whose content changed (one set per group of a file with
/// groups), removes those of closed files, and shows or hides each file's and group's.
#[allow(clippy::too_many_arguments)]
fn draw_layers(
    mut commands: Commands,
    files: Res<OpenFiles>,
    mut drawn: ResMut<LayerEntities>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut gizmo_assets: ResMut<Assets<GizmoAsset>>,
    mut globe_assets: GlobeAssets,
    mut vis: Query<&mut Visibility>,
    cam: Res<MapCamera>,
) {
    let coarse = draws_coarse(km_per_px(cam.current.zoom));
    drawn.0.retain(|id, (_, entities)| {
        let open = files.get(*id).is_some();
        if !open {
            for d in entities.drain(..) {
                commands.entity(d.entity).despawn();
            }
        }
        open
    });
    for (i, f) in files.files.iter().enumerate() {
        let entry = drawn.0.entry(f.id).or_insert((0, Vec::new()));
        if entry.0 != f.version {
            let started = Instant::now();
            entry.0 = f.version;
            for d in entry.1.drain(..) {
                commands.entity(d.entity).despawn();
            }
            // A timed layer's features come and go with the date: drawn each frame.
            if let Some(Content::Layer(layer)) = &f.good
                && layer.time.is_none()
            {
                let colour = theme::layer(f.colour);
                let z = 30.0 + i as f32 * 0.5;
                for (group, r) in parts(layer) {
                    let mut spawned = Vec::new();
                    // On the globe: the same part on the sphere, just above the land.
                    spawned.extend(globe_entities(
                        &mut commands,
                        layer,
                        &r,
                        colour,
                        (&mut meshes, &mut gizmo_assets, &mut globe_assets),
                    ));
                    entry.1.extend(
                        spawned
                            .into_iter()
                            .map(|(entity, gizmo)| Drawn::new(entity, &group, Lod::All, gizmo)),
                    );
                    // Fills on each flat map.
                    for (fill, lod) in [
                        (
                            layer.fill.part(span_of(layer, &r, |f| f.fill.clone())),
                            Lod::Regional,
                        ),
                        (
                            layer
                                .world
                                .fill
                                .part(span_of(layer, &r, |f| f.world_fill.clone())),
                            Lod::World,
                        ),
                    ] {
                        if fill.indices.is_empty() {
                            continue;
                        }
                        let e = commands
                            .spawn((
                                Name::new(format!("layer {}", f.name)),
                                Mesh2d(meshes.add(mesh::flat(&fill))),
                                MeshMaterial2d(materials.add(ColorMaterial::from_color(
                                    colour.with_alpha(theme::LAYER_FILL_ALPHA),
                                ))),
                                Transform::from_xyz(0.0, 0.0, z),
                            ))
                            .id();
                        entry.1.push(Drawn::new(e, &group, lod, None));
                    }
                    // Outlines three times: as they are and simplified for zoomed-out views
                    // on the conic, and on the world map.
                    for (lines, lod) in [
                        (&layer.lines, Lod::Fine),
                        (&layer.lines_coarse, Lod::Coarse),
                        (&layer.world.lines, Lod::World),
                    ] {
                        let mut g = GizmoAsset::new();
                        let mut any = false;
                        for feature in &layer.features[r.clone()] {
                            let ids: Vec<usize> = if lod == Lod::World {
                                feature.world_lines.clone().collect()
                            } else {
                                feature_lines(feature).collect()
                            };
                            for l in ids {
                                any = true;
                                g.linestrip_2d(
                                    lines[l].iter().map(|p| Vec2::new(p[0], p[1])),
                                    colour,
                                );
                            }
                        }
                        if any {
                            let gizmo = Gizmo {
                                handle: gizmo_assets.add(g),
                                line_config: GizmoLineConfig {
                                    width: LINE_PX,
                                    joints: GizmoLineJoint::Round(2),
                                    ..default()
                                },
                                ..default()
                            };
                            let e = commands
                                .spawn((
                                    Name::new(format!("layer lines {}", f.name)),
                                    gizmo.clone(),
                                    Transform::from_xyz(0.0, 0.0, z + 0.1),
                                ))
                                .id();
                            entry.1.push(Drawn::new(e, &group, lod, Some(gizmo)));
                        }
                    }
                }
            }
            info!(
                "{}: drawing built in {:.2} s",
                f.name,
                started.elapsed().as_secs_f64()
            );
        }
        for d in &mut entry.1 {
            let shown = f.visible
                && d.group
                    .as_ref()
                    .is_none_or(|g| !f.hidden_groups.contains(g))
                && d.lod.shows(cam.kind, coarse);
            if let Ok(mut v) = vis.get_mut(d.entity) {
                v.set_if_neq(if shown {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                });
            }
            if let Some(gizmo) = &d.gizmo
                && shown != d.shown
            {
                d.shown = shown;
                if shown {
                    commands.entity(d.entity).insert(gizmo.clone());
                } else {
                    commands.entity(d.entity).remove::<Gizmo>();
                }
            }
        }
    }
}

/// Spawns a part of a layer (features `r`) on the globe: its fill, lines and points on the
/// render layer of the 3D camera; the geometry was prepared with the rest of the file, off
/// the frame.
fn globe_entities(
    commands: &mut Commands,
    layer: &Layer,
    r: &Range<usize>,
    colour: Color,
    (meshes, gizmos, assets): (&mut Assets<Mesh>, &mut Assets<GizmoAsset>, &mut GlobeAssets),
) -> Vec<(Entity, Option<Gizmo>)> {
    let Some(materials) = assets.materials.as_mut() else {
        return Vec::new();
    };
    let g3 = &layer.globe;
    let rl = RenderLayers::layer(GLOBE_LAYER);
    let mut out = Vec::new();
    let (positions, indices) = sub_mesh(
        &g3.fill_positions,
        &g3.fill_indices[span_of(layer, r, |f| f.globe_fill.clone())],
    );
    if !indices.is_empty() {
        out.push((
            commands
                .spawn((
                    Mesh3d(meshes.add(mesh::sphere(positions, indices))),
                    MeshMaterial3d(materials.add(mesh::globe_material(
                        colour.with_alpha(theme::LAYER_FILL_ALPHA),
                    ))),
                    rl.clone(),
                ))
                .id(),
            None,
        ));
    }
    let mut g = GizmoAsset::new();
    for l in &g3.lines[span_of(layer, r, |f| f.globe_lines.clone())] {
        g.linestrip(l.iter().map(|p| Vec3::from_array(*p)), colour);
    }
    let points = &g3.points[span_of(layer, r, |f| f.globe_points.clone())];
    for p in points.iter().take(MAX_POINTS_DRAWN) {
        let c = Vec3::from_array(*p);
        // A small cross at each point (screen-sized dots are drawn on the flat map).
        let (e, n) = (
            c.cross(Vec3::Y).normalize_or_zero() * 0.003,
            Vec3::Y * 0.003,
        );
        g.line(c - e, c + e, colour);
        g.line(c - n, c + n, colour);
    }
    let gizmo = Gizmo {
        handle: gizmos.add(g),
        line_config: GizmoLineConfig {
            width: LINE_PX,
            ..default()
        },
        ..default()
    };
    out.push((commands.spawn((gizmo.clone(), rl)).id(), Some(gizmo)));
    out
}

/// How feature `j` of a layer is drawn now (`None`: not at all, its group hidden or its
/// dates away): its opacity at the clock's date (1 for untimed layers and undated features),
/// and its size and shade from the number it is sized by.
fn look(
    f: &crate::app::files::store::UserFile,
    l: &Layer,
    j: usize,
    clock: Option<&Clock>,
) -> Option<(f32, Color, f32)> {
    let feature = &l.features[j];
    let o = clock.map_or(1.0, |c| feature.opacity(c.date, c.window()));
    if o <= 0.0 || !f.shows_feature(l, j) {
        return None;
    }
    let unit = f.size_by.as_ref().and_then(|k| {
        let n = l.numeric.iter().find(|n| &n.name == k)?;
        Some(n.unit(feature.number(k)?))
    });
    let (colour, px) = match unit {
        Some(u) => (theme::layer_shade(f.colour, u), 2.5 + 10.0 * u.sqrt()),
        None => (theme::layer(f.colour), 4.0),
    };
    Some((o, colour.with_alpha(o), px))
}

/// Points of visible layers as screen-sized dots, sized by the chosen number; a timed
/// layer's points and lines as they are at the clock's date.
fn draw_points(
    files: Res<OpenFiles>,
    cam: Res<MapCamera>,
    clock: Option<Res<Clock>>,
    mut gizmos: Gizmos<UserLines>,
) {
    let kpp = km_per_px(cam.current.zoom) as f32;
    let world = cam.kind == MapKind::World;
    for f in files.files.iter().filter(|f| f.visible) {
        let Some(Content::Layer(l)) = &f.good else {
            continue;
        };
        // The points and lines of the flat map shown, and a feature's share of them.
        let (points, lines) = if world {
            (&l.world.points, &l.world.lines)
        } else {
            (&l.points, &l.lines)
        };
        if l.time.is_none() && f.size_by.is_none() && l.groups.is_empty() {
            let c = theme::layer(f.colour);
            for p in points.iter().take(MAX_POINTS_DRAWN) {
                gizmos
                    .circle_2d(Vec2::new(p[0], p[1]), 4.0 * kpp, c)
                    .resolution(12);
            }
            continue;
        }
        let mut drawn = 0;
        for (j, feature) in l.features.iter().enumerate() {
            if drawn >= MAX_POINTS_DRAWN {
                break;
            }
            let Some((_, c, px)) = look(f, l, j, clock.as_deref()) else {
                continue;
            };
            let own = if world {
                feature.world_points.clone()
            } else {
                feature.points.clone()
            };
            for p in &points[own] {
                gizmos
                    .circle_2d(Vec2::new(p[0], p[1]), px * kpp, c)
                    .resolution(16);
                drawn += 1;
            }
            if l.time.is_some() {
                let ids: Vec<usize> = if world {
                    feature.world_lines.clone().collect()
                } else {
                    feature_lines(feature).collect()
                };
                for i in ids {
                    gizmos.linestrip_2d(lines[i].iter().map(|p| Vec2::new(p[0], p[1])), c);
                }
            }
        }
    }
}

/// A timed layer's features on the globe as they are at the clock's date: a ring on the
/// surface at each point, and its lines.
fn draw_timed_on_globe(
    files: Res<OpenFiles>,
    mode: Res<State<ViewMode>>,
    clock: Option<Res<Clock>>,
    mut gizmos: Gizmos<UserGlobe>,
) {
    if *mode.get() != ViewMode::Globe {
        return;
    }
    for f in files.files.iter().filter(|f| f.visible) {
        let Some(Content::Layer(l)) = &f.good else {
            continue;
        };
        if l.time.is_none() {
            continue;
        }
        let mut drawn = 0;
        for (j, feature) in l.features.iter().enumerate() {
            if drawn >= MAX_POINTS_DRAWN {
                break;
            }
            let Some((_, c, px)) = look(f, l, j, clock.as_deref()) else {
                continue;
            };
            for p in &l.globe.points[feature.globe_points.clone()] {
                let n = Vec3::from_array(*p).normalize_or_zero();
                let at = Isometry3d::new(n * 1.002, Quat::from_rotation_arc(Vec3::Z, n));
                gizmos.circle(at, 0.0012 * px, c).resolution(16);
                drawn += 1;
            }
            for i in feature.globe_lines.clone() {
                gizmos.linestrip(l.globe.lines[i].iter().map(|p| Vec3::from_array(*p)), c);
            }
        }
    }
}
