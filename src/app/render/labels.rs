//! Map labels: places chosen and placed by the core without overlap, drawn as screen-sized
//! text with a light halo; city dots (capitals distinct); a highlight ring for a place found
//! with the search box.

use std::collections::HashMap;
use std::time::Duration;

use bevy::camera::visibility::RenderLayers;
use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig};
use bevy::prelude::*;
use bevy::text::LetterSpacing;
use bevy::window::PrimaryWindow;

use super::atlas::MapFont;
use super::markers::SceneEvents;
use super::mesh;
use crate::app::camera::map::MapCamera;
use crate::app::state::layers::LayerToggles;
use crate::app::state::screen::{OVERLAY_LAYER, Projector, UiLayout, window_size};
use crate::app::state::settings::AtlasData;
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::atlas::LineKind;
use crate::core::ground::Ground;
use crate::core::labels::{
    self, DOT_PX, Form, LabelKind, LabelSource, MapStyle, Placed, Pos, SIDE_STEP_PX, Side,
    TextMeasure, add_always_named, candidates_by, flat_map_sides, nearest_point, place,
    sampled_sides,
};
use crate::core::line_label::{MDL_MIN_ZOOMS, mdl_names, place_first_along};
use crate::core::markers::disc;
use crate::core::model::Lang;
use crate::core::projection::{Lcc, MapKind, Projection as MapProjection};
use crate::core::scene::SceneLabel;
use crate::core::view::km_per_px;

/// Labels on screen this frame, for the scene description.
#[derive(Resource, Debug, Clone, Default)]
pub struct LabelsOnScreen(pub Vec<OnScreen>);

/// Where the story's countries' names want to go in this view (centred on the point inside
/// what shows): the "route not reported" marks keep out of it, so that a mark never takes
/// the room of MONGOLIA or UKRAINE. (Computed before placement, from the view alone: the
/// marks and the names never chase each other.)
#[derive(Resource, Debug, Clone, Default)]
pub struct StoryNameRoom(pub Vec<[f32; 4]>);

/// One placed label and the entity that draws it.
#[derive(Debug, Clone)]
pub struct OnScreen {
    /// What it names: the place's index in the bundled atlas (or the MDL's label, after them).
    pub source: usize,
    /// The label as the scene lists it.
    pub label: SceneLabel,
    /// The text entity.
    pub entity: Option<Entity>,
    /// The text's scale relative to its font size (below 1 where it had to shrink).
    pub scale: f64,
}

/// A place to highlight for a while (found with the search box).
#[derive(Resource, Debug, Clone, Default)]
pub struct Highlight {
    /// Index into the atlas's places.
    pub place: Option<usize>,
    /// Time left.
    pub left: Duration,
}

/// Index of the MDL's label among the label sources (after the atlas's places): its full
/// name; its narrower and short forms follow (see [`mdl_names`]).
fn mdl_id(atlas: &AtlasData) -> usize {
    atlas.0.places.len()
}

#[derive(Resource)]
struct LabelState {
    measure: TextMeasure,
    lang: Option<(Lang, MapStyle)>,
    sources: Vec<LabelSource>,
    prev: HashMap<usize, Pos>,
    key: Option<(i64, i64, i64, u64, [u32; 2])>,
    /// The text entities by label id and form (short or not, see `Placed::short`).
    texts: HashMap<(usize, Form), Entity>,
    dots: HashMap<usize, Entity>,
    dot_mesh: Option<Handle<Mesh>>,
    dot_materials: Option<[Handle<ColorMaterial>; 3]>,
    /// Leader lines (dot, label) in pixels, for labels placed away from their dot.
    leaders: Vec<([f64; 2], [f64; 2])>,
}

/// The text entity of a label (children are its halo).
#[derive(Component, Debug, Clone, Copy)]
pub struct MapLabel(pub usize);

#[derive(Component)]
struct Halo;

/// A label set slanted, like italic type (water names: seas, bays, straits, rivers). The
/// bundled font has no italic face and Bevy draws no synthetic oblique, so the text is
/// sheared where it is drawn: its global transform, and its children's (the strokes and the
/// halo), get [`SLANT`] after transform propagation.
#[derive(Component, Debug, Clone, Copy)]
pub struct Slanted;

/// The slant of water names: x moves by this much of y (about 11°, as italic type).
pub const SLANT: f32 = 0.2;

type DotParts = (&'static mut Transform, &'static mut Visibility);
type DotFilter = (With<CityDot>, Without<MapLabel>);

/// A city dot.
#[derive(Component, Debug, Clone, Copy)]
pub struct CityDot(pub usize);

/// Adds labels, dots and the search highlight.
pub(super) fn plugin(app: &mut App) {
    app.insert_resource(LabelState {
        measure: TextMeasure::bundled(),
        lang: None,
        sources: Vec::new(),
        prev: HashMap::new(),
        key: None,
        texts: HashMap::new(),
        dots: HashMap::new(),
        dot_mesh: None,
        dot_materials: None,
        leaders: Vec::new(),
    })
    .init_resource::<LabelsOnScreen>()
    .init_resource::<StoryNameRoom>()
    .init_resource::<Highlight>()
    // The highlight ring uses the default gizmo group (registered here too, for plugin tests).
    .init_gizmo_group::<DefaultGizmoConfigGroup>()
    // Leader lines are drawn with the labels, over the map and the globe alike.
    .insert_gizmo_config(
        Leaders,
        GizmoConfig {
            line: GizmoLineConfig {
                width: 1.2,
                ..default()
            },
            render_layers: RenderLayers::layer(OVERLAY_LAYER),
            ..default()
        },
    )
    .add_systems(
        Update,
        (layout_labels, draw_leaders, draw_highlight)
            .chain()
            .in_set(AppSystems::Layers),
    )
    .add_systems(
        PostUpdate,
        slant
            .after(bevy::transform::TransformSystems::Propagate)
            .before(bevy::camera::visibility::VisibilitySystems::CheckVisibility),
    );
}

/// A slanted name's transform and its parts.
type SlantedName = (&'static mut GlobalTransform, &'static Children);

/// The shear of [`SLANT`]: x grows with y.
pub fn slant_matrix() -> bevy::math::Affine3A {
    bevy::math::Affine3A::from_mat3(bevy::math::Mat3::from_cols(
        Vec3::X,
        Vec3::new(SLANT, 1.0, 0.0),
        Vec3::Z,
    ))
}

/// Slants the water names whose transform propagation has just set again (it does so only
/// when they moved): the name and, from it, its strokes and halo. Propagation later finds
/// the children already at the slanted parent's place and leaves them.
pub fn slant(
    mut names: Query<SlantedName, (With<Slanted>, Changed<GlobalTransform>)>,
    mut parts: Query<(&Transform, &mut GlobalTransform), Without<Slanted>>,
) {
    let shear = slant_matrix();
    for (mut g, children) in &mut names {
        let slanted = GlobalTransform::from(g.affine() * shear);
        *g = slanted;
        for child in children {
            if let Ok((t, mut cg)) = parts.get_mut(*child) {
                *cg = slanted.mul_transform(*t);
            }
        }
    }
}

/// The label sources for a language: the atlas's places plus the MDL's label.
fn build_sources(
    atlas: &AtlasData,
    lang: Lang,
    style: MapStyle,
    measure: &TextMeasure,
) -> Vec<LabelSource> {
    let proj = Lcc::atlas();
    let mut s = labels::sources(&atlas.0, lang, style, measure, &proj);
    for (k, (text, min_zoom)) in mdl_names(lang).into_iter().zip(MDL_MIN_ZOOMS).enumerate() {
        let Some(p) = atlas.0.mdl_label else {
            break;
        };
        s.push(LabelSource {
            place: mdl_id(atlas) + k,
            kind: LabelKind::Line,
            font_px: style.sizes().line,
            width_em: measure.lines_em(&text),
            tracking_em: 0.0,
            bold: false,
            min_px: 0.0,
            short: None,
            shortest: None,
            text,
            plane: proj.project(p),
            lonlat: p,
            // Placed before the other names, along the line (see `layout_labels`): the
            // first form the line is long enough to carry on screen.
            rank: 0.0,
            min_zoom,
            extent_km: None,
            // Along the line, never across it: on South Korea's side or over the sea.
            side: atlas
                .0
                .country_index("KOR")
                .map_or(Side::Any, |c| Side::HomeOrWater(c as u16)),
            leader: false,
            keep: false,
            always: false,
        });
    }
    s
}

#[allow(clippy::too_many_arguments)]
fn layout_labels(
    mut commands: Commands,
    mut state: ResMut<LabelState>,
    mut on_screen: ResMut<LabelsOnScreen>,
    mut room: ResMut<StoryNameRoom>,
    atlas: Res<AtlasData>,
    toggles: Res<LayerToggles>,
    cam: Res<MapCamera>,
    projector: Res<Projector>,
    layout: Res<UiLayout>,
    events: Option<Res<SceneEvents>>,
    font: Option<Res<MapFont>>,
    window: Single<&Window, With<PrimaryWindow>>,
    (mut meshes, mut materials): (ResMut<Assets<Mesh>>, ResMut<Assets<ColorMaterial>>),
    mut texts: Query<(&mut Text2d, &mut Transform, &mut Visibility), With<MapLabel>>,
    mut dots: Query<DotParts, DotFilter>,
) {
    let Some(font) = font else {
        return;
    };
    let state = &mut *state;
    let size = window_size(&window);
    let look = (toggles.lang, toggles.style);
    if state.lang != Some(look) {
        state.lang = Some(look);
        state.sources = build_sources(&atlas, look.0, look.1, &state.measure);
        state.key = None;
        // New texts and sizes: the labels are made again as they are placed.
        for (_, e) in state.texts.drain() {
            commands.entity(e).despawn();
        }
    }
    let view = cam.current;
    // Obstacles: panels and windows, and event markers.
    let mut obstacles: Vec<[f64; 4]> = layout
        .covered
        .iter()
        .chain(&layout.marks)
        .map(|r| [r[0] as f64, r[1] as f64, r[2] as f64, r[3] as f64])
        .collect();
    if let Some(ev) = &events {
        for e in ev.events.iter().filter(|e| e.visible) {
            if let Some([x, y]) = e.anchor {
                obstacles.push([x - 9.5, y - 9.5, x + 9.5, y + 9.5]);
            }
        }
    }
    let obstacle_hash = obstacles
        .iter()
        .flatten()
        .fold(0u64, |h, v| h.wrapping_mul(31).wrapping_add(v.to_bits()));
    let (k0, k1, k2) = match *projector {
        Projector::Map(v, kind) => (
            v.center[0] * 10.0 + if kind == MapKind::World { 1e12 } else { 0.0 },
            v.center[1] * 10.0,
            v.zoom * 1000.0,
        ),
        Projector::Globe(g, _) => (g.center[0] * 1e4 + 1e9, g.center[1] * 1e4, g.distance * 1e5),
    };
    let key = (
        k0 as i64,
        k1 as i64,
        k2 as i64,
        obstacle_hash ^ (view.zoom * 1000.0) as u64,
        [size[0] as u32, size[1] as u32],
    );
    if state.key == Some(key) {
        return;
    }
    state.key = Some(key);
    let free = layout
        .free
        .map(|r| {
            [
                r.left() as f64,
                r.top() as f64,
                r.right() as f64,
                r.bottom() as f64,
            ]
        })
        .unwrap_or([0.0, 0.0, size[0], size[1]]);
    let mdl = mdl_id(&atlas);
    let mdl_on = toggles.line_visible(crate::core::atlas::LineKind::Mdl, view.zoom);
    let zoom = projector.zoom();
    // The MDL's name is set along the line after the other names (below).
    let mut cands: Vec<_> = candidates_by(&state.sources, zoom, size, |s| {
        projector.pixel(s.lonlat, size)
    })
    .into_iter()
    .filter(|c| c.id < mdl)
    .collect();
    // What lies under a pixel: exact on the flat maps, through the world map on the globe.
    let world = &atlas.0.ground_world;
    let ground_px = |px: [f64; 2]| match *projector {
        Projector::Map(v, kind) => atlas.0.ground(kind).at_point(v.from_pixel(px, size)),
        Projector::Globe(..) => projector
            .lonlat_at(px, size)
            .map_or(Ground::Off, |ll| world.at(ll)),
    };
    // The story's countries are named whenever they show, from a point inside what shows.
    add_always_named(&mut cands, &state.sources, zoom, free, &ground_px);
    room.0 = cands
        .iter()
        .filter(|c| c.beside && c.anchor[0].is_finite())
        .map(|c| labels::rect_at(Pos::Center, c.anchor, c.size).map(|v| v as f32))
        .collect();
    // The MDL's name first, along the line on South Korea's side or over the sea where a
    // stretch of it is long and straight enough; the other names go round it.
    // Its forms that may show at this zoom, longest first.
    let mdl_forms: Vec<&LabelSource> = state
        .sources
        .iter()
        .filter(|s| s.place >= mdl && mdl_on && zoom >= s.min_zoom)
        .collect();
    let along = mdl_forms.first().and_then(|first| {
        let lines = line_pixels(&atlas, LineKind::Mdl, &projector, size);
        let sizes: Vec<[f64; 2]> = mdl_forms.iter().map(|s| s.size()).collect();
        place_first_along(&lines, &sizes, free, &obstacles, first.side, &ground_px)
            .map(|(i, b)| (mdl_forms[i].place, b))
    });
    obstacles.extend(along.iter().flat_map(|(_, b)| b.cover()));
    // Names stay on their own side of borders and coasts: exactly on the flat maps, at points
    // a few pixels apart on the globe.
    let mut placed = match *projector {
        Projector::Map(v, kind) => {
            let sides = flat_map_sides(atlas.0.ground(kind), &v, size);
            place(&cands, free, &obstacles, &state.prev, &sides)
        }
        Projector::Globe(..) => {
            let sides = sampled_sides(ground_px, SIDE_STEP_PX);
            place(&cands, free, &obstacles, &state.prev, &sides)
        }
    };
    state.prev = placed.iter().map(|p| (p.id, p.pos)).collect();
    if let Some((id, b)) = along {
        placed.push(Placed {
            id,
            pos: Pos::Center,
            rect: [
                b.centre[0] - b.size[0] / 2.0,
                b.centre[1] - b.size[1] / 2.0,
                b.centre[0] + b.size[0] / 2.0,
                b.centre[1] + b.size[1] / 2.0,
            ],
            scale: 1.0,
            anchor: b.centre,
            short: Form::Full,
        });
    }
    // Turned to lie along its line (the MDL's name), clockwise on screen.
    let angle_of = |id: usize| {
        along
            .filter(|(placed, _)| *placed == id)
            .map_or(0.0, |(_, b)| b.angle)
    };

    let kpp = km_per_px(view.zoom) as f32;
    let by_id: HashMap<usize, &LabelSource> = state.sources.iter().map(|s| (s.place, s)).collect();
    let dot_mesh = state
        .dot_mesh
        .get_or_insert_with(|| meshes.add(mesh::flat(&disc())))
        .clone();
    let [dark, white, red] = state
        .dot_materials
        .get_or_insert_with(|| {
            [
                materials.add(ColorMaterial::from_color(theme::DOT_DARK)),
                materials.add(ColorMaterial::from_color(theme::DOT_LIGHT)),
                materials.add(ColorMaterial::from_color(theme::DOT_CAPITAL)),
            ]
        })
        .clone();

    // Hide everything, then show what was placed.
    for (_, _, mut v) in &mut texts {
        v.set_if_neq(Visibility::Hidden);
    }
    for (_, mut v) in &mut dots {
        v.set_if_neq(Visibility::Hidden);
    }
    let mut listed = Vec::with_capacity(placed.len());
    state.leaders.clear();
    for p in &placed {
        let Some(src) = by_id.get(&p.id) else {
            continue;
        };
        let centre = [(p.rect[0] + p.rect[2]) / 2.0, (p.rect[1] + p.rect[3]) / 2.0];
        let world = view.from_pixel(centre, size);
        let translation = Vec3::new(world[0] as f32, world[1] as f32, 90.0);
        let text = src.text_of(p).to_string();
        let entity = *state.texts.entry((p.id, p.short)).or_insert_with(|| {
            let tf = TextFont::from(font.0.clone()).with_font_size(src.font_px as f32);
            let spacing = LetterSpacing::Px((src.tracking_em * src.font_px) as f32);
            let colour = theme::label(src.kind, look.1);
            // The text in a colour, at a place relative to the name.
            let part = |colour: Color, at: Transform| {
                (
                    RenderLayers::layer(OVERLAY_LAYER),
                    Text2d::new(text.clone()),
                    tf.clone(),
                    TextLayout::justify(Justify::Center),
                    spacing,
                    TextColor(colour),
                    at,
                )
            };
            let mut name = commands.spawn((
                MapLabel(p.id),
                part(
                    colour,
                    Transform::from_translation(translation)
                        .with_scale(Vec3::splat(kpp * p.scale as f32)),
                ),
            ));
            if src.kind == LabelKind::Sea {
                name.insert(Slanted);
            }
            name.with_children(|c| {
                // The text again, half a pixel to the right, so thin strokes reach their
                // full colour (anti-aliased single strokes stay grey); capitals once more,
                // heavier (the bundled font has one weight).
                let copies: &[f32] = if src.bold { &[0.45, 0.9] } else { &[0.45] };
                for dx in copies {
                    c.spawn(part(colour, Transform::from_xyz(*dx, 0.0, 0.005)));
                }
                // A halo: the text in white, 1.8 px around in twelve directions, behind
                // the text: wide enough to mask the coasts, borders and rivers under a name.
                for k in 0..12 {
                    let a = k as f32 * std::f32::consts::TAU / 12.0;
                    let (dx, dy) = (1.8 * a.cos(), 1.8 * a.sin());
                    c.spawn((
                        Halo,
                        part(theme::LABEL_HALO, Transform::from_xyz(dx, dy, -0.01)),
                    ));
                }
            })
            .id()
        });
        if let Ok((_, mut t, mut v)) = texts.get_mut(entity) {
            t.translation = translation;
            t.scale = Vec3::splat(kpp * p.scale as f32);
            // The world's y is up: a clockwise turn on screen is a negative one here.
            t.rotation = Quat::from_rotation_z(-angle_of(p.id) as f32);
            v.set_if_neq(Visibility::Inherited);
        }
        // A country's name set off beside it over the sea: a leader from the point it
        // names (cities' leaders are drawn with their dots below).
        if !src.kind.has_dot() && p.pos.has_leader() {
            state.leaders.push(p.leader());
        }
        if src.kind.has_dot() {
            let anchor_px = projector.pixel(src.lonlat, size).unwrap_or(centre);
            if p.pos.has_leader() {
                state
                    .leaders
                    .push((anchor_px, nearest_point(&p.rect, anchor_px)));
            }
            let w = view.from_pixel(anchor_px, size);
            let dot_at = Vec3::new(w[0] as f32, w[1] as f32, 85.0);
            let capital = src.kind == LabelKind::Capital;
            let dot = *state.dots.entry(p.id).or_insert_with(|| {
                // A dark dot with a white rim; capitals: a white dot in a dark ring with a red centre.
                let (outer, inner, r_in) = if capital {
                    (dark.clone(), white.clone(), 0.62)
                } else {
                    (white.clone(), dark.clone(), 0.72)
                };
                commands
                    .spawn((
                        CityDot(p.id),
                        RenderLayers::layer(OVERLAY_LAYER),
                        Mesh2d(dot_mesh.clone()),
                        MeshMaterial2d(outer),
                        Transform::from_translation(dot_at).with_scale(Vec3::splat(kpp)),
                    ))
                    .with_children(|c| {
                        c.spawn((
                            RenderLayers::layer(OVERLAY_LAYER),
                            Mesh2d(dot_mesh.clone()),
                            MeshMaterial2d(inner),
                            Transform::from_xyz(0.0, 0.0, 0.01).with_scale(Vec3::splat(r_in)),
                        ));
                        if capital {
                            c.spawn((
                                RenderLayers::layer(OVERLAY_LAYER),
                                Mesh2d(dot_mesh.clone()),
                                MeshMaterial2d(red.clone()),
                                Transform::from_xyz(0.0, 0.0, 0.02).with_scale(Vec3::splat(0.3)),
                            ));
                        }
                    })
                    .id()
            });
            let r = if capital { DOT_PX + 1.0 } else { DOT_PX } as f32;
            if let Ok((mut t, mut v)) = dots.get_mut(dot) {
                t.translation = dot_at;
                t.scale = Vec3::splat(kpp * r);
                v.set_if_neq(Visibility::Inherited);
            }
        }
        let lonlat = src.lonlat;
        listed.push(OnScreen {
            label: SceneLabel {
                text: text.replace('\n', " "),
                kind: src.kind.code().into(),
                lon: lonlat[0],
                lat: lonlat[1],
                anchor: projector.pixel(src.lonlat, size).unwrap_or(centre),
                rect: p.rect,
                angle: angle_of(p.id).to_degrees(),
                text_size: None,
                font_px: Some(src.font_px * p.scale),
                full: p.short.is_short().then(|| src.one_line()),
            },
            entity: Some(entity),
            source: p.id,
            scale: p.scale,
        });
    }
    // Newly spawned dots start at scale 1 until the next layout; set them now.
    for (id, &e) in &state.dots {
        if !placed.iter().any(|p| p.id == *id) {
            continue;
        }
        if dots.get(e).is_err() {
            commands.entity(e).insert(Visibility::Inherited);
        }
    }
    on_screen.0 = listed;
}

/// A line layer's polylines on screen (pixels), cut where they leave the globe's face.
fn line_pixels(
    atlas: &AtlasData,
    kind: LineKind,
    projector: &Projector,
    size: [f64; 2],
) -> Vec<Vec<[f64; 2]>> {
    let mut out = Vec::new();
    for layer in atlas.0.lines.iter().filter(|l| l.kind == kind) {
        for l in &layer.lonlat {
            let mut run = Vec::new();
            for p in l {
                match projector.pixel(*p, size) {
                    Some(px) => run.push(px),
                    None if run.len() > 1 => out.push(std::mem::take(&mut run)),
                    None => run.clear(),
                }
            }
            if run.len() > 1 {
                out.push(run);
            }
        }
    }
    out
}

/// Leader lines' gizmo group (on the labels' layer).
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct Leaders;

/// Thin lines from a dot to its label where the label had to sit away from it.
fn draw_leaders(
    state: Res<LabelState>,
    cam: Res<MapCamera>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut gizmos: Gizmos<Leaders>,
) {
    let size = window_size(&window);
    for (a, b) in &state.leaders {
        let [a, b] = [*a, *b].map(|p| {
            let w = cam.current.from_pixel(p, size);
            Vec2::new(w[0] as f32, w[1] as f32)
        });
        // From the dot's rim, not its centre.
        let dir = (b - a).normalize_or_zero();
        let kpp = km_per_px(cam.current.zoom) as f32;
        gizmos.line_2d(a + dir * (DOT_PX as f32 + 1.0) * kpp, b, theme::LEADER);
    }
}

fn draw_highlight(
    time: Res<Time>,
    mut hl: ResMut<Highlight>,
    atlas: Res<AtlasData>,
    cam: Res<MapCamera>,
    projector: Res<Projector>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut gizmos: Gizmos,
) {
    let Some(i) = hl.place else {
        return;
    };
    hl.left = hl.left.saturating_sub(time.delta());
    if hl.left.is_zero() {
        hl.place = None;
        return;
    }
    let Some(p) = atlas.0.places.get(i) else {
        return;
    };
    let size = window_size(&window);
    let Some(px) = projector.pixel(p.lonlat, size) else {
        return;
    };
    let [x, y] = cam.current.from_pixel(px, size);
    let kpp = km_per_px(cam.current.zoom) as f32;
    let pulse = (time.elapsed_secs() * 4.0).sin() * 3.0;
    gizmos
        .circle_2d(
            Vec2::new(x as f32, y as f32),
            (16.0 + pulse) * kpp,
            theme::SEARCH_HIGHLIGHT,
        )
        .resolution(48);
}
