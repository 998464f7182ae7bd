//! The flat atlas: country fills, lakes, and crisp lines (coasts, borders, provinces, the MDL,
//! rivers, graticule) as retained gizmos of constant screen width. Built once at start-up.

use bevy::prelude::*;

use super::mesh;
use crate::app::camera::map::MapCamera;
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::OnMap;
use crate::app::state::settings::AtlasData;
use crate::app::state::systems::AppSystems;
use crate::app::theme::{self, LAND, SEA};
use crate::core::atlas::LineKind;
use crate::core::graticule;
use crate::core::labels::{MapStyle, STORY_COUNTRIES};
use crate::core::projection::{MapKind, Projection};
use crate::core::tessellate::dashes;
use crate::core::view::{CAMERA_BBOX, WORLD_BBOX, km_per_px};

/// A line layer's entity.
#[derive(Component, Debug, Clone, Copy)]
pub struct LineLayerTag(pub LineKind);

/// One scale of a dashed line layer: its dashes repeat every this many km.
#[derive(Component, Debug, Clone, Copy)]
pub struct DashTag(pub f32);

/// The rhythms a dashed line is cut at (km), one set each; the one nearest [`DASH_PX`] on
/// screen is shown.
pub const DASH_PERIODS_KM: [f32; 13] = [
    0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0,
];
/// A dash and its gap, in pixels, on screen.
pub const DASH_PX: f64 = 14.0;
/// The part of [`DASH_PX`] that is drawn (the rest is the gap).
pub const DASH_ON: f32 = 0.6;

/// The dash rhythm shown at a scale: the one nearest [`DASH_PX`] pixels, by ratio.
pub fn dash_period_for(km_per_px: f64) -> f32 {
    let want = DASH_PX * km_per_px;
    DASH_PERIODS_KM
        .into_iter()
        .min_by(|a, b| {
            let da = (f64::from(*a) / want).ln().abs();
            let db = (f64::from(*b) / want).ln().abs();
            da.total_cmp(&db)
        })
        .unwrap_or(1.0)
}

/// The outline of the Earth on the world map.
#[derive(Component, Debug, Clone, Copy)]
pub struct EarthOutline;

/// Height of the world map's frame: over the map's fills, lines and user layers, under the
/// labels and markers.
pub const Z_OFF_EARTH: f32 = 8.0;

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
    /// Shows (inserts the `Gizmo`) or hides the lines.
    pub fn set(&mut self, commands: &mut Commands, entity: Entity, on: bool) {
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
    app.add_systems(Startup, spawn_map).add_systems(
        Update,
        (layer_visibility, apply_style).in_set(AppSystems::Layers),
    );
}

/// The map's fill materials, recoloured when the style changes.
#[derive(Resource, Debug, Clone)]
pub struct MapFills {
    /// The story's countries, by colour index.
    pub land: Vec<Handle<ColorMaterial>>,
    /// Other countries, by colour index.
    pub land_other: Vec<Handle<ColorMaterial>>,
    /// Sea (lakes; the window is cleared to it).
    pub sea: Handle<ColorMaterial>,
    /// The style the colours are in.
    pub style: MapStyle,
}

/// Whether a country is one of the story's (tinted in the projector style).
pub fn is_story_country(iso3: &str) -> bool {
    STORY_COUNTRIES.contains(&iso3)
}

/// Recolours the fills and the clear colour when the map's style changes.
fn apply_style(
    toggles: Res<LayerToggles>,
    fills: Option<ResMut<MapFills>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut clear: ResMut<ClearColor>,
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
                m.color = c;
            }
        }
    }
    if let Some(mut m) = materials.get_mut(&fills.sea) {
        m.color = p.sea;
    }
    clear.0 = p.sea;
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
    let land_other: Vec<Handle<ColorMaterial>> = theme::ATLAS
        .land_other
        .iter()
        .map(|c| materials.add(ColorMaterial::from_color(*c)))
        .collect();
    let sea = materials.add(ColorMaterial::from_color(SEA));
    commands.insert_resource(MapFills {
        land: land.clone(),
        land_other: land_other.clone(),
        sea: sea.clone(),
        style: MapStyle::Atlas,
    });
    // Each flat map (the region's conic, the world map) has its own entities, in its own
    // plane, shown while it is the map on screen (`layer_visibility`).
    for kind in MapKind::ALL {
        let hidden = if kind == MapKind::Regional {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        for c in &atlas.countries {
            commands.spawn((
                Name::new(c.name.clone()),
                OnMap(kind),
                Mesh2d(meshes.add(mesh::flat(c.mesh_of(kind)))),
                MeshMaterial2d(if is_story_country(&c.iso3) {
                    land[c.colour % LAND.len()].clone()
                } else {
                    land_other[c.colour % LAND.len()].clone()
                }),
                Transform::from_xyz(0.0, 0.0, 0.0),
                hidden,
            ));
        }
        commands.spawn((
            Name::new("lakes"),
            OnMap(kind),
            Mesh2d(meshes.add(mesh::flat(atlas.lakes_of(kind)))),
            MeshMaterial2d(sea.clone()),
            Transform::from_xyz(0.0, 0.0, 1.0),
            hidden,
        ));
        spawn_lines(&mut commands, atlas, kind, &mut gizmos);
    }
    // The world map's frame: paper outside the Earth's outline (over everything drawn on
    // the map, so nothing shows past the edge), and the outline.
    let world = MapKind::World.projection();
    if let Some(outline) = graticule::world_outline(&world) {
        commands.spawn((
            Name::new("outside the Earth"),
            OnMap(MapKind::World),
            Mesh2d(meshes.add(mesh::flat(&graticule::outside(&outline, 60_000.0)))),
            MeshMaterial2d(materials.add(ColorMaterial::from_color(theme::OFF_EARTH))),
            Transform::from_xyz(0.0, 0.0, Z_OFF_EARTH),
            Visibility::Hidden,
        ));
        let ring: Vec<[f32; 2]> = outline.iter().map(|p| [p[0] as f32, p[1] as f32]).collect();
        commands.spawn((
            Name::new("outline of the Earth"),
            OnMap(MapKind::World),
            EarthOutline,
            LineGizmo {
                handle: gizmos.add(gizmo_of(&[ring], theme::EARTH_OUTLINE)),
                config: GizmoLineConfig {
                    width: 1.2,
                    ..default()
                },
                shown: false,
            },
            Transform::from_xyz(0.0, 0.0, Z_OFF_EARTH + 0.1),
        ));
    }

    let font = fonts.add(Font::from_bytes(
        crate::core::atlas::bundled::font().to_vec(),
    ));
    commands.insert_resource(MapFont(font.clone()));
}

/// The graticules and line layers of one flat map.
fn spawn_lines(
    commands: &mut Commands,
    atlas: &crate::core::atlas::Atlas,
    kind: MapKind,
    gizmos: &mut Assets<GizmoAsset>,
) {
    let proj = kind.projection();
    let bbox = match kind {
        MapKind::Regional => CAMERA_BBOX,
        MapKind::World => WORLD_BBOX,
    };
    for step in graticule::STEPS {
        let lines: Vec<Vec<[f32; 2]>> = graticule::lines(step, bbox)
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
            OnMap(kind),
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
            pattern,
            casing,
        } = theme::line_style(layer.kind);
        let z = 3.0 + layer.kind as u8 as f32 * 0.1;
        if let Some((casing, casing_width)) = casing {
            // A light band under the line, the whole way, shown with it.
            commands.spawn((
                Name::new(format!("{} (casing)", layer.kind.name())),
                LineLayerTag(layer.kind),
                OnMap(kind),
                LineGizmo {
                    handle: gizmos.add(gizmo_of(layer.lines_of(kind), casing)),
                    config: GizmoLineConfig {
                        width: casing_width,
                        joints: GizmoLineJoint::Round(4),
                        ..default()
                    },
                    shown: false,
                },
                Transform::from_xyz(0.0, 0.0, z - 0.05),
            ));
        }
        if pattern == theme::LinePattern::Dashed {
            // Dashes cut along the whole line, one set per scale, the one whose rhythm is
            // about DASH_PX on screen shown (see `layer_visibility`): the same dashes at every
            // zoom, however short the data's segments.
            for period in DASH_PERIODS_KM {
                let pieces: Vec<Vec<[f32; 2]>> = layer
                    .lines_of(kind)
                    .iter()
                    .flat_map(|l| dashes(l, period, period * DASH_ON))
                    .collect();
                commands.spawn((
                    Name::new(format!("{} (dashes every {period} km)", layer.kind.name())),
                    LineLayerTag(layer.kind),
                    DashTag(period),
                    OnMap(kind),
                    LineGizmo {
                        handle: gizmos.add(gizmo_of(&pieces, color)),
                        config: GizmoLineConfig {
                            width,
                            joints: GizmoLineJoint::Round(2),
                            ..default()
                        },
                        shown: false,
                    },
                    Transform::from_xyz(0.0, 0.0, z),
                ));
            }
            continue;
        }
        commands.spawn((
            Name::new(layer.kind.name()),
            LineLayerTag(layer.kind),
            OnMap(kind),
            LineGizmo {
                handle: gizmos.add(gizmo_of(layer.lines_of(kind), color)),
                config: unbroken_line(width, pattern),
                shown: false,
            },
            Transform::from_xyz(0.0, 0.0, z),
        ));
    }
}

/// How a solid or dotted line layer is drawn, on the flat map and the globe: dots a line's
/// width long and apart along each of the data's segments (the segments are many pixels long
/// where provinces show), solid lines with round joints. (Dashed ones are cut beforehand.)
pub fn unbroken_line(width: f32, pattern: theme::LinePattern) -> GizmoLineConfig {
    let dotted = pattern == theme::LinePattern::Dotted;
    GizmoLineConfig {
        width,
        style: if dotted {
            GizmoLineStyle::Dotted
        } else {
            GizmoLineStyle::Solid
        },
        joints: if dotted {
            GizmoLineJoint::None
        } else {
            GizmoLineJoint::Round(2)
        },
        ..default()
    }
}

/// The bundled Hangul-capable font for map text.
#[derive(Resource, Debug, Clone)]
pub struct MapFont(pub Handle<Font>);

/// A line layer's entity as `layer_visibility` sees it.
type LineEntity = (
    Entity,
    &'static mut LineGizmo,
    &'static OnMap,
    Option<&'static LineLayerTag>,
    Option<&'static GraticuleTag>,
    Option<&'static DashTag>,
);

/// A mesh of one flat map (fills, lakes, the frame), shown with its map.
type MapMesh<'a> = (&'a OnMap, &'a mut Visibility);

fn layer_visibility(
    mut commands: Commands,
    cam: Res<MapCamera>,
    toggles: Res<LayerToggles>,
    mut layers: Query<LineEntity>,
    mut fills: Query<MapMesh, (With<Mesh2d>, Without<LineGizmo>)>,
) {
    let zoom = cam.current.zoom;
    let step = graticule::step_for(km_per_px(zoom), 90.0);
    let period = dash_period_for(km_per_px(zoom));
    for (entity, mut gizmo, on_map, line, grat, dash) in &mut layers {
        let on = on_map.0 == cam.kind
            && match (line, grat) {
                (Some(l), _) => {
                    toggles.line_visible(l.0, zoom) && dash.is_none_or(|d| d.0 == period)
                }
                (None, Some(g)) => toggles.graticule && (g.0 - step).abs() < 1e-9,
                (None, None) => true,
            };
        gizmo.set(&mut commands, entity, on);
    }
    for (on_map, mut vis) in &mut fills {
        vis.set_if_neq(if on_map.0 == cam.kind {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dash_rhythm_stays_near_fourteen_pixels() {
        // 1 km a pixel: 14 km wanted, 16 km is nearest by ratio.
        assert_eq!(dash_period_for(1.0), 16.0);
        for zoom in [1.5, 4.0, 6.0, 9.0, 12.0] {
            let kpp = km_per_px(zoom);
            let px = f64::from(dash_period_for(kpp)) / kpp;
            assert!((7.0..=28.0).contains(&px), "zoom {zoom}: {px:.1} px");
        }
    }
}
