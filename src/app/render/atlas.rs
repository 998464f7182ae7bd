//! The flat atlas: country fills, lakes, and crisp lines (coasts, borders, provinces, the MDL,
//! rivers, graticule) as retained gizmos of constant screen width. Built once at start-up.

use bevy::prelude::*;

use super::mesh;
use crate::app::camera::map::MapCamera;
use crate::app::state::layers::LayerToggles;
use crate::app::state::settings::AtlasData;
use crate::app::state::systems::AppSystems;
use crate::app::theme::{self, LAND, SEA};
use crate::core::atlas::LineKind;
use crate::core::graticule;
use crate::core::projection::{Lcc, Projection};
use crate::core::view::{CAMERA_BBOX, km_per_px};

/// A line layer's entity.
#[derive(Component, Debug, Clone, Copy)]
pub struct LineLayerTag(pub LineKind);

/// A graticule of one spacing (degrees).
#[derive(Component, Debug, Clone, Copy)]
pub struct GraticuleTag(pub f64);

/// The retained gizmo of a line layer. Retained gizmos ignore `Visibility`, so a layer is
/// shown by inserting a `Gizmo` built from this and hidden by removing it.
#[derive(Component, Debug, Clone)]
pub struct LineGizmo {
    /// The lines.
    pub handle: Handle<GizmoAsset>,
    /// Width and style.
    pub config: GizmoLineConfig,
    /// Whether the `Gizmo` is currently inserted.
    pub shown: bool,
}

impl LineGizmo {
    fn set(&mut self, commands: &mut Commands, entity: Entity, on: bool) {
        if on == self.shown {
            return;
        }
        self.shown = on;
        if on {
            commands.entity(entity).insert(Gizmo {
                handle: self.handle.clone(),
                line_config: self.config.clone(),
                ..default()
            });
        } else {
            commands.entity(entity).remove::<Gizmo>();
        }
    }
}

/// Spawns the map and keeps its layers right for the view.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, spawn_map)
        .add_systems(Update, layer_visibility.in_set(AppSystems::Layers));
}

fn gizmo_of(lines: &[Vec<[f32; 2]>], color: Color) -> GizmoAsset {
    let mut g = GizmoAsset::new();
    for l in lines {
        g.linestrip_2d(l.iter().map(|p| Vec2::new(p[0], p[1])), color);
    }
    g
}

fn spawn_map(
    mut commands: Commands,
    atlas: Res<AtlasData>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut gizmos: ResMut<Assets<GizmoAsset>>,
    mut fonts: ResMut<Assets<Font>>,
) {
    let atlas = &atlas.0;
    let land: Vec<Handle<ColorMaterial>> = LAND
        .iter()
        .map(|c| materials.add(ColorMaterial::from_color(*c)))
        .collect();
    for c in &atlas.countries {
        commands.spawn((
            Name::new(c.name.clone()),
            Mesh2d(meshes.add(mesh::flat(&c.mesh))),
            MeshMaterial2d(land[c.colour % LAND.len()].clone()),
            Transform::from_xyz(0.0, 0.0, 0.0),
        ));
    }
    commands.spawn((
        Name::new("lakes"),
        Mesh2d(meshes.add(mesh::flat(&atlas.lakes))),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(SEA))),
        Transform::from_xyz(0.0, 0.0, 1.0),
    ));

    let proj = Lcc::atlas();
    for step in graticule::STEPS {
        let lines: Vec<Vec<[f32; 2]>> = graticule::lines(step, CAMERA_BBOX)
            .iter()
            .map(|l| {
                l.iter()
                    .map(|p| {
                        let [x, y] = proj.project(*p);
                        [x as f32, y as f32]
                    })
                    .collect()
            })
            .collect();
        commands.spawn((
            Name::new(format!("graticule {step}°")),
            GraticuleTag(step),
            LineGizmo {
                handle: gizmos.add(gizmo_of(&lines, theme::GRATICULE)),
                config: GizmoLineConfig {
                    width: 0.8,
                    ..default()
                },
                shown: false,
            },
            Transform::from_xyz(0.0, 0.0, 2.0),
        ));
    }
    for layer in &atlas.lines {
        let theme::LineStyle {
            color,
            width,
            dashed,
        } = theme::line_style(layer.kind);
        let style = if dashed {
            GizmoLineStyle::Dashed {
                gap_scale: 2.5,
                line_scale: 4.0,
            }
        } else {
            GizmoLineStyle::Solid
        };
        commands.spawn((
            Name::new(layer.kind.name()),
            LineLayerTag(layer.kind),
            LineGizmo {
                handle: gizmos.add(gizmo_of(&layer.lines, color)),
                config: GizmoLineConfig {
                    width,
                    style,
                    joints: GizmoLineJoint::Round(2),
                    ..default()
                },
                shown: false,
            },
            Transform::from_xyz(0.0, 0.0, 3.0 + layer.kind as u8 as f32 * 0.1),
        ));
    }

    let font = fonts.add(Font::from_bytes(crate::core::atlas::bundled::FONT.to_vec()));
    commands.insert_resource(MapFont(font.clone()));
}

/// The bundled Hangul-capable font for map text.
#[derive(Resource, Debug, Clone)]
pub struct MapFont(pub Handle<Font>);

fn layer_visibility(
    mut commands: Commands,
    cam: Res<MapCamera>,
    toggles: Res<LayerToggles>,
    mut layers: Query<(
        Entity,
        &mut LineGizmo,
        Option<&LineLayerTag>,
        Option<&GraticuleTag>,
    )>,
) {
    let zoom = cam.current.zoom;
    let step = graticule::step_for(km_per_px(zoom), 90.0);
    for (entity, mut gizmo, line, grat) in &mut layers {
        let on = match (line, grat) {
            (Some(l), _) => toggles.line_visible(l.0, zoom),
            (None, Some(g)) => toggles.graticule && (g.0 - step).abs() < 1e-9,
            (None, None) => true,
        };
        gizmo.set(&mut commands, entity, on);
    }
}
