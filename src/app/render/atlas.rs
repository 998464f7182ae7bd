//! The flat atlas: country fills, lakes, and crisp lines (coasts, borders, provinces, the MDL,
//! rivers, graticule) as retained gizmos of constant screen width. Built once at start-up.

use std::collections::HashMap;

use bevy::asset::RenderAssetUsages;
use bevy::mesh::{Indices, PrimitiveTopology};
use bevy::prelude::*;

use super::camera::MapCamera;
use super::{AppSystems, AtlasData, Settings};
use crate::core::atlas::LineKind;
use crate::core::graticule;
use crate::core::model::Lang;
use crate::core::projection::{Lcc, Projection};
use crate::core::tessellate::MeshData;
use crate::core::view::{MAP_BBOX, km_per_px};

/// Sea and lakes.
pub const SEA: Color = Color::srgb(0.745, 0.820, 0.867);
/// Muted land colours; neighbours never share one.
pub const LAND: [Color; 5] = [
    Color::srgb(0.925, 0.890, 0.800),
    Color::srgb(0.863, 0.898, 0.800),
    Color::srgb(0.922, 0.851, 0.820),
    Color::srgb(0.890, 0.851, 0.910),
    Color::srgb(0.945, 0.918, 0.741),
];

/// Zoom from which province borders of other countries are drawn.
pub const PROVINCE_ZOOM: f64 = 5.0;
/// Zoom from which the two Koreas' provinces show (below it, at whole-map scale, they would
/// fill the small peninsula with lines).
pub const KOREA_PROVINCE_ZOOM: f64 = 4.0;

/// Style of a line layer: colour, width in pixels, dashed or not.
pub fn line_style(kind: LineKind) -> (Color, f32, bool) {
    match kind {
        LineKind::River => (Color::srgb(0.478, 0.631, 0.761), 1.0, false),
        LineKind::ProvinceOther => (Color::srgba(0.45, 0.42, 0.45, 0.7), 0.8, false),
        LineKind::ProvinceKorea => (Color::srgba(0.42, 0.38, 0.42, 0.85), 1.0, false),
        LineKind::Coast => (Color::srgb(0.353, 0.475, 0.561), 1.2, false),
        LineKind::Border => (Color::srgb(0.33, 0.28, 0.33), 1.6, false),
        LineKind::Mdl => (Color::srgb(0.70, 0.16, 0.12), 2.2, true),
    }
}

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

/// Which layers the user has switched on.
#[derive(Resource, Debug, Clone)]
pub struct LayerToggles {
    /// Line layers by kind.
    pub lines: HashMap<LineKind, bool>,
    /// Graticule.
    pub graticule: bool,
    /// Current label language.
    pub lang: Lang,
}

impl LayerToggles {
    /// Whether a line kind is drawn at `zoom`.
    pub fn line_visible(&self, kind: LineKind, zoom: f64) -> bool {
        self.lines.get(&kind).copied().unwrap_or(true)
            && match kind {
                LineKind::ProvinceOther => zoom >= PROVINCE_ZOOM,
                LineKind::ProvinceKorea => zoom >= KOREA_PROVINCE_ZOOM,
                _ => true,
            }
    }
}

/// Spawns the map and keeps layers and labels right for the view.
pub fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(SEA))
        .add_systems(Startup, (init_toggles, spawn_map).chain())
        .add_systems(Update, layer_visibility.in_set(AppSystems::Layers));
}

fn init_toggles(mut commands: Commands, settings: Res<Settings>) {
    commands.insert_resource(LayerToggles {
        lines: LineKind::ALL.iter().map(|k| (*k, true)).collect(),
        graticule: true,
        lang: settings.lang,
    });
}

/// A flat 2D mesh (plane km, z = 0) from core triangles; shared by every 2D layer.
pub fn to_mesh(data: &MeshData) -> Mesh {
    let positions: Vec<[f32; 3]> = data.positions.iter().map(|p| [p[0], p[1], 0.0]).collect();
    Mesh::new(
        PrimitiveTopology::TriangleList,
        RenderAssetUsages::RENDER_WORLD,
    )
    .with_inserted_attribute(Mesh::ATTRIBUTE_POSITION, positions)
    .with_inserted_indices(Indices::U32(data.indices.clone()))
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
            Mesh2d(meshes.add(to_mesh(&c.mesh))),
            MeshMaterial2d(land[c.colour % LAND.len()].clone()),
            Transform::from_xyz(0.0, 0.0, 0.0),
        ));
    }
    commands.spawn((
        Name::new("lakes"),
        Mesh2d(meshes.add(to_mesh(&atlas.lakes))),
        MeshMaterial2d(materials.add(ColorMaterial::from_color(SEA))),
        Transform::from_xyz(0.0, 0.0, 1.0),
    ));

    let proj = Lcc::atlas();
    for step in graticule::STEPS {
        let lines: Vec<Vec<[f32; 2]>> = graticule::lines(step, MAP_BBOX)
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
                handle: gizmos.add(gizmo_of(&lines, Color::srgba(0.42, 0.55, 0.66, 0.45))),
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
        let (color, width, dashed) = line_style(layer.kind);
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
