//! Events on the map: markers coloured by category and shaped by status, routes that grow
//! from origin to destination over the event's span, translucent areas, uncertainty circles
//! sized by place precision; a click on a marker selects its event (by id).

use bevy::camera::visibility::RenderLayers;
use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineStyle};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;

use super::mesh;
use crate::app::camera::map::MapCamera;
use crate::app::camera::pointer::map_click;
use crate::app::state::lesson::not_presenting;
use crate::app::state::requests::SelectEvent;
use crate::app::state::screen::UiLayout;
use crate::app::state::screen::{MAP_LAYER, OVERLAY_LAYER, OnMap, Projector, window_size};
use crate::app::state::story::{Clock, EventFilters, Selection, Story};
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::tool_idle;
use crate::app::theme;
use crate::core::events::{Event, Status};
use crate::core::markers::{disc, marker, partial};
use crate::core::model::Shape;
use crate::core::projection::{Lcc, MapKind, Projection as MapProjection};
use crate::core::scene::SceneEvent;
use crate::core::tessellate::{densify, triangulate};
use crate::core::timeline::progress;
use crate::core::view::km_per_px;

/// Marker radius on screen (pixels).
pub const MARKER_PX: f32 = 7.0;
/// How close (pixels) a click or the pointer must be to a marker to reach it.
pub const PICK_PX: f32 = 12.0;
/// Draw order of event layers above the map.
const Z_AREA: f32 = 20.0;
const Z_MARKER: f32 = 60.0;

/// Solid lines (confirmed routes).
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct EventSolid;

/// Dashed lines (reported or claimed routes, uncertainty circles).
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct EventDashed;

/// The marker of one of an event's points.
#[derive(Component, Debug, Clone)]
pub struct EventMarker {
    /// The event's id.
    pub id: String,
    /// Longitude, latitude.
    pub lonlat: [f64; 2],
}

/// The translucent fill of an event's area (the event's id).
#[derive(Component, Debug, Clone)]
pub struct EventArea(pub String);

/// Materials whose alpha follows an event's opacity: (material, base alpha).
#[derive(Component, Debug, Clone)]
struct Fades(Vec<(Handle<ColorMaterial>, f32)>);

/// The events as the scene description lists them, refreshed every frame, in the story's
/// order.
#[derive(Resource, Debug, Clone, Default)]
pub struct SceneEvents {
    /// One entry per event, in the order of [`Story::events`].
    pub events: Vec<EventOnScreen>,
    /// The story generation they were computed for.
    pub generation: u64,
}

/// How one event shows this frame (light: rebuilt every frame; texts are added only when a
/// scene description is written, by [`SceneEvents::describe`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventOnScreen {
    /// Shown at this date (and in the frame, when it has a place).
    pub visible: bool,
    /// 0 hidden … 1 fully shown.
    pub opacity: f32,
    /// Pixel of its marker or route tip, when it is in the frame (on the globe: on the
    /// visible side).
    pub anchor: Option<[f64; 2]>,
}

impl SceneEvents {
    /// The events as the scene description lists them. On the globe (`globe_only_visible`),
    /// only events on the visible side, and events without a place, are listed.
    pub fn describe(&self, story: &Story, globe_only_visible: bool) -> Vec<SceneEvent> {
        if self.generation != story.generation() {
            // Not yet computed for the events now in the story.
            return Vec::new();
        }
        self.events
            .iter()
            .zip(story.events())
            .filter(|(s, e)| !globe_only_visible || s.anchor.is_some() || e.shapes.is_empty())
            .map(|(s, e)| SceneEvent {
                id: e.id.clone(),
                title: e.title.clone(),
                date: e.span.describe(),
                status: e.status.code().into(),
                category: e.category.clone(),
                shape: shape_name(e).into(),
                visible: s.visible,
                opacity: s.opacity,
                anchor: s.anchor,
            })
            .collect()
    }
}

/// What an event is drawn as: a route, a route no source gives (an arrow between two
/// places), an area, a point, or nothing (no place).
pub fn shape_name(e: &Event) -> &'static str {
    if e.is_route() && e.route_not_reported.is_some() {
        "route not reported"
    } else if e.is_route() {
        "route"
    } else if e.shapes.iter().any(|s| matches!(s, Shape::Polygon(_))) {
        "area"
    } else if e.shapes.is_empty() {
        "none"
    } else {
        "point"
    }
}

/// The story generation the marker entities were built for.
#[derive(Resource, Default)]
struct Built(u64);

/// Entities drawn for events (markers and areas).
type EventEntities = Or<(With<EventMarker>, With<EventArea>)>;

/// Adds event markers, routes, areas and picking.
pub(super) fn plugin(app: &mut App) {
    // Drawn by the 2D camera on the flat map only (the globe draws its own arcs).
    let line = |width: f32, style: GizmoLineStyle| GizmoConfig {
        line: GizmoLineConfig {
            width,
            style,
            ..default()
        },
        render_layers: RenderLayers::layer(MAP_LAYER),
        ..default()
    };
    app.insert_gizmo_config(EventSolid, line(3.0, GizmoLineStyle::Solid))
        .insert_gizmo_config(
            EventDashed,
            line(
                2.5,
                GizmoLineStyle::Dashed {
                    gap_scale: 2.0,
                    line_scale: 3.0,
                },
            ),
        )
        .init_resource::<Built>()
        .init_resource::<SceneEvents>()
        .add_systems(
            Update,
            (
                pick.run_if(not_presenting)
                    .run_if(tool_idle)
                    .in_set(AppSystems::Input),
                (rebuild, update_markers, draw_lines)
                    .chain()
                    .in_set(AppSystems::Layers),
            ),
        );
}

/// (Re)builds marker and area entities when the story changes (tessellated here, once).
fn rebuild(
    mut commands: Commands,
    mut built: ResMut<Built>,
    story: Res<Story>,
    old: Query<Entity, EventEntities>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if built.0 == story.generation() {
        return;
    }
    built.0 = story.generation();
    for e in &old {
        commands.entity(e).despawn();
    }
    let proj = Lcc::atlas();
    let halo = meshes.add(mesh::flat(&disc()));
    let shapes: Vec<Handle<Mesh>> = Status::ALL
        .iter()
        .map(|s| meshes.add(mesh::flat(&marker(*s))))
        .collect();
    for (i, e) in story.events().iter().enumerate() {
        let color = theme::category(&e.category);
        for s in &e.shapes {
            match s {
                Shape::Point(p) => {
                    let plane = proj.project(*p);
                    let halo_mat = materials.add(ColorMaterial::from_color(theme::MARKER_HALO));
                    let mark_mat = materials.add(ColorMaterial::from_color(color));
                    let status = Status::ALL.iter().position(|x| *x == e.status).unwrap_or(0);
                    commands
                        .spawn((
                            Name::new(format!("event {}", e.id)),
                            EventMarker {
                                id: e.id.clone(),
                                lonlat: *p,
                            },
                            RenderLayers::layer(OVERLAY_LAYER),
                            Fades(vec![
                                (halo_mat.clone(), theme::MARKER_HALO.alpha()),
                                (mark_mat.clone(), 1.0),
                            ]),
                            // Later events on top.
                            Transform::from_xyz(
                                plane[0] as f32,
                                plane[1] as f32,
                                Z_MARKER + i as f32 * 0.01,
                            ),
                            Visibility::Hidden,
                        ))
                        .with_children(|c| {
                            c.spawn((
                                RenderLayers::layer(OVERLAY_LAYER),
                                Mesh2d(halo.clone()),
                                MeshMaterial2d(halo_mat),
                                Transform::from_scale(Vec3::splat(1.3)),
                            ));
                            c.spawn((
                                RenderLayers::layer(OVERLAY_LAYER),
                                Mesh2d(shapes[status].clone()),
                                MeshMaterial2d(mark_mat),
                                Transform::from_xyz(0.0, 0.0, 0.001),
                            ));
                        });
                }
                Shape::Polygon(rings) => {
                    // One mesh for each flat map, shown with its map.
                    for kind in MapKind::ALL {
                        let fill = materials.add(ColorMaterial::from_color(
                            color.with_alpha(theme::AREA_ALPHA),
                        ));
                        let tris = triangulate(rings, &kind.projection());
                        commands.spawn((
                            Name::new(format!("event area {}", e.id)),
                            EventArea(e.id.clone()),
                            OnMap(kind),
                            Fades(vec![(fill.clone(), theme::AREA_ALPHA)]),
                            Mesh2d(meshes.add(mesh::flat(&tris))),
                            MeshMaterial2d(fill),
                            Transform::from_xyz(0.0, 0.0, Z_AREA),
                            Visibility::Hidden,
                        ));
                    }
                }
                Shape::Line(_) => {}
            }
        }
    }
}

/// Shows an event's entity at opacity `o` (hidden at 0), fading its materials.
fn show(vis: &mut Mut<Visibility>, o: f32, fades: &Fades, materials: &mut Assets<ColorMaterial>) {
    vis.set_if_neq(if o > 0.0 {
        Visibility::Inherited
    } else {
        Visibility::Hidden
    });
    if o <= 0.0 {
        return;
    }
    for (h, base) in &fades.0 {
        let want = base * o;
        if let Some(m) = materials.get(h)
            && (m.color.alpha() - want).abs() > 0.02
            && let Some(mut m) = materials.get_mut(h)
        {
            m.color.set_alpha(want);
        }
    }
}

/// The opacity of the event with this id now (0 when it is not in the story).
fn opacity_of(id: &str, story: &Story, clock: &Clock, filters: &EventFilters) -> f32 {
    story.get(id).map_or(0.0, |e| filters.opacity(e, clock))
}

#[allow(clippy::too_many_arguments)]
fn update_markers(
    cam: Res<MapCamera>,
    projector: Res<Projector>,
    clock: Res<Clock>,
    filters: Res<EventFilters>,
    story: Res<Story>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut scene: ResMut<SceneEvents>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut markers: Query<(&EventMarker, &Fades, &mut Transform, &mut Visibility), Without<EventArea>>,
    mut areas: Query<(&EventArea, &OnMap, &Fades, &mut Visibility), Without<EventMarker>>,
) {
    let s = km_per_px(cam.current.zoom) as f32 * MARKER_PX;
    let size = window_size(&window);
    for (m, fades, mut t, mut vis) in &mut markers {
        let px = projector.pixel(m.lonlat, size);
        let o = if px.is_some() {
            opacity_of(&m.id, &story, &clock, &filters)
        } else {
            0.0
        };
        if let Some(px) = px {
            let w = cam.current.from_pixel(px, size);
            t.translation.x = w[0] as f32;
            t.translation.y = w[1] as f32;
        }
        t.scale = Vec3::splat(s);
        show(&mut vis, o, fades, &mut materials);
    }
    for (a, on, fades, mut vis) in &mut areas {
        let o = if projector.is_globe() || on.0 != cam.kind {
            0.0
        } else {
            opacity_of(&a.0, &story, &clock, &filters)
        };
        show(&mut vis, o, fades, &mut materials);
    }
    // The scene description's view of the events, in the story's order.
    scene.generation = story.generation();
    scene.events = story
        .events()
        .iter()
        .map(|e| {
            let o = filters.opacity(e, &clock);
            let anchor = e.anchor().and_then(|ll| projector.pixel(ll, size));
            let on_screen =
                anchor.is_some_and(|[x, y]| x >= 0.0 && y >= 0.0 && x < size[0] && y < size[1]);
            EventOnScreen {
                visible: o > 0.0 && (on_screen || e.shapes.is_empty()),
                opacity: o,
                anchor: anchor.filter(|_| on_screen),
            }
        })
        .collect();
}

/// Routes (growing, with an arrowhead), uncertainty circles and the selection ring.
fn draw_lines(
    cam: Res<MapCamera>,
    clock: Res<Clock>,
    filters: Res<EventFilters>,
    story: Res<Story>,
    selection: Res<Selection>,
    mut solid: Gizmos<EventSolid>,
    mut dashed: Gizmos<EventDashed>,
) {
    let proj = cam.proj();
    let kpp = km_per_px(cam.current.zoom) as f32;
    let plane = |p: &[f64; 2]| {
        let [x, y] = proj.project(*p);
        Vec2::new(x as f32, y as f32)
    };
    for e in story.events() {
        let o = filters.opacity(e, &clock);
        if o <= 0.0 {
            continue;
        }
        let color = theme::category(&e.category).with_alpha(o);
        for s in &e.shapes {
            match s {
                Shape::Line(line) if e.route_not_reported.is_some() => {
                    // No source gives the route: a straight dotted arrow between the two
                    // places on the map's plane (not a great circle, not a path), whole from
                    // the start; a label at its middle says "route not reported".
                    let (Some(a), Some(b)) = (line.first(), line.last()) else {
                        continue;
                    };
                    let (a, b) = (plane(a), plane(b));
                    let dir = (b - a).normalize_or_zero();
                    let dot = 5.0 * kpp;
                    let n = ((b - a).length() / (2.0 * dot)).floor() as usize;
                    for i in 0..n {
                        let p = a + dir * (2.0 * dot * i as f32);
                        solid.line_2d(p, p + dir * dot, color);
                    }
                    let side = Vec2::new(-dir.y, dir.x);
                    let len = 12.0 * kpp;
                    solid.linestrip_2d(
                        [
                            b - dir * len + side * len * 0.5,
                            b,
                            b - dir * len - side * len * 0.5,
                        ],
                        color,
                    );
                }
                Shape::Line(line) => {
                    let pts: Vec<[f32; 2]> = densify(line, 0.5)
                        .iter()
                        .map(|p| plane(p).to_array())
                        .collect();
                    let grown: Vec<Vec2> = partial(&pts, progress(&e.span, clock.date))
                        .into_iter()
                        .map(Vec2::from_array)
                        .collect();
                    if grown.len() < 2 {
                        continue;
                    }
                    if e.status == Status::Confirmed {
                        solid.linestrip_2d(grown.iter().copied(), color);
                    } else {
                        dashed.linestrip_2d(grown.iter().copied(), color);
                    }
                    // Arrowhead at the tip, pointing along the route.
                    let (tip, prev) = (grown[grown.len() - 1], grown[grown.len() - 2]);
                    let dir = (tip - prev).normalize_or_zero();
                    let side = Vec2::new(-dir.y, dir.x);
                    let len = 12.0 * kpp;
                    let a = tip - dir * len + side * len * 0.5;
                    let b = tip - dir * len - side * len * 0.5;
                    solid.linestrip_2d([a, tip, b], color);
                }
                Shape::Point(p) => {
                    let r = e.place_precision.map_or(0.0, |pp| pp.radius_km() as f32);
                    if r / kpp > MARKER_PX * 1.6 {
                        dashed
                            .circle_2d(plane(p), r, color.with_alpha(0.6 * o))
                            .resolution(64);
                    }
                }
                Shape::Polygon(rings) => {
                    if let Some(ring) = rings.first() {
                        solid.linestrip_2d(densify(ring, 0.5).iter().map(plane), color);
                    }
                }
            }
        }
        if selection.is(e) {
            for s in &e.shapes {
                if let Shape::Point(p) = s {
                    solid
                        .circle_2d(plane(p), (MARKER_PX + 6.0) * kpp, theme::SELECTION_RING)
                        .resolution(48);
                }
            }
        }
    }
}

/// The id of the shown event marker nearest the pointer (within [`PICK_PX`]), if any.
pub fn marker_under(
    cursor: Vec2,
    projector: &Projector,
    size: [f64; 2],
    markers: &Query<(&EventMarker, &Visibility)>,
) -> Option<String> {
    markers
        .iter()
        .filter(|(_, v)| **v != Visibility::Hidden)
        .filter_map(|(m, _)| {
            let [x, y] = projector.pixel(m.lonlat, size)?;
            Some((m, Vec2::new(x as f32, y as f32).distance(cursor)))
        })
        .filter(|(_, d)| *d <= PICK_PX)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(m, _)| m.id.clone())
}

/// A click on a marker selects its event (the map stays: the marker is already on screen).
#[allow(clippy::too_many_arguments)]
fn pick(
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    layout: Res<UiLayout>,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    markers: Query<(&EventMarker, &Visibility)>,
    mut select: MessageWriter<SelectEvent>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    if let Some(cursor) = map_click(&buttons, &window, egui.as_deref(), &layout, &mut pressed_at)
        && let Some(id) = marker_under(cursor, &projector, window_size(&window), &markers)
    {
        select.write(SelectEvent {
            id: Some(id),
            fly: false,
        });
    }
}
