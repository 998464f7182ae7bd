//! Events on the map: markers coloured by category and shaped by status, routes that grow
//! from origin to destination over the event's span, translucent areas, uncertainty circles
//! sized by place precision; clicking a marker selects it and the map flies to a selection.

use bevy::gizmos::config::{GizmoConfig, GizmoConfigGroup, GizmoLineConfig, GizmoLineStyle};
use bevy::prelude::*;
use bevy::window::PrimaryWindow;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::camera::MapCamera;
use super::event_list::{EventListState, title};
use super::map::LayerToggles;
use super::map::to_mesh;
use super::timeline::{EventsData, Selection, Timeline};
use super::{AppSystems, MapInsets, OVERLAY_LAYER, Projector};
use crate::core::events::{CATEGORIES, Event, Status, category_index};
use crate::core::markers::{disc, marker};
use crate::core::model::Shape;
use crate::core::projection::{Lcc, Projection as MapProjection};
use crate::core::scene::SceneEvent;
use crate::core::tessellate::{densify, triangulate};
use crate::core::timeline::{opacity, progress};
use crate::core::view::{fit_points, km_per_px};
use bevy::camera::visibility::RenderLayers;

/// Width of the event card (pixels), kept clear when flying to an event.
pub const CARD_W: f32 = 360.0;
/// Marker radius on screen (pixels).
pub const MARKER_PX: f32 = 7.0;
/// Draw order of event layers above the map.
const Z_AREA: f32 = 20.0;
const Z_MARKER: f32 = 60.0;

/// Solid lines (confirmed routes).
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct EventSolid;

/// Dashed lines (reported or claimed routes, uncertainty circles).
#[derive(Default, Reflect, GizmoConfigGroup)]
pub struct EventDashed;

/// A marker for part `part` of event `index` (a point), at `plane`.
#[derive(Component, Debug, Clone, Copy)]
pub struct EventMarker {
    /// Index into [`EventsData::events`].
    pub index: usize,
    /// Plane position (km).
    pub plane: [f64; 2],
    /// Longitude, latitude.
    pub lonlat: [f64; 2],
}

/// The translucent fill of an event's area.
#[derive(Component, Debug, Clone, Copy)]
pub struct EventArea(pub usize);

/// Materials whose alpha follows an event's opacity: (material, base alpha).
#[derive(Component, Debug, Clone)]
struct Fades(Vec<(Handle<ColorMaterial>, f32)>);

/// The events as the scene description lists them, refreshed every frame.
#[derive(Resource, Debug, Clone, Default)]
pub struct SceneEvents(pub Vec<EventOnScreen>);

/// How one event shows this frame (light: rebuilt every frame; texts are added only when a
/// scene description is written, by [`SceneEvents::describe`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventOnScreen {
    /// Index into [`EventsData::events`].
    pub index: usize,
    /// Shown at this date (and in the frame, when it has a place).
    pub visible: bool,
    /// 0 hidden … 1 fully shown.
    pub opacity: f32,
    /// Pixel of its marker or route tip, when it is in the frame.
    pub anchor: Option<[f64; 2]>,
}

impl SceneEvents {
    /// The events as the scene description lists them.
    pub fn describe(&self, events: &EventsData) -> Vec<SceneEvent> {
        self.0
            .iter()
            .filter_map(|s| {
                let e = events.events.get(s.index)?;
                Some(SceneEvent {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    date: e.span.describe(),
                    status: e.status.code().into(),
                    category: e.category.clone(),
                    shape: if e.is_route() {
                        "route"
                    } else if e.shapes.iter().any(|s| matches!(s, Shape::Polygon(_))) {
                        "area"
                    } else if e.shapes.is_empty() {
                        "none"
                    } else {
                        "point"
                    }
                    .into(),
                    visible: s.visible,
                    opacity: s.opacity,
                    anchor: s.anchor,
                })
            })
            .collect()
    }
}

#[derive(Resource, Default)]
struct Built(u64);

/// Entities drawn for events (markers and areas).
type EventEntities = Or<(With<EventMarker>, With<EventArea>)>;

/// Adds event markers, routes, areas, picking and fly-to.
pub fn plugin(app: &mut App) {
    // Drawn by the 2D camera on the flat map only (the globe draws its own arcs).
    let line = |width: f32, style: GizmoLineStyle| GizmoConfig {
        line: GizmoLineConfig {
            width,
            style,
            ..default()
        },
        render_layers: RenderLayers::layer(super::MAP_LAYER),
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
                pick.in_set(AppSystems::Input),
                fly_to_selection.in_set(AppSystems::Input).after(pick),
                (rebuild, update_markers, draw_lines)
                    .chain()
                    .in_set(AppSystems::Layers),
            ),
        )
        .add_systems(EguiPrimaryContextPass, hover.in_set(AppSystems::UiOverlays));
}

/// The colour of a category for Bevy.
pub fn category_bevy(code: &str) -> Color {
    let [r, g, b] = CATEGORIES[category_index(code)].2;
    Color::srgb_u8(r, g, b)
}

/// (Re)builds marker and area entities when the events change (tessellated here, once).
fn rebuild(
    mut commands: Commands,
    mut built: ResMut<Built>,
    events: Res<EventsData>,
    old: Query<Entity, EventEntities>,
    mut meshes: ResMut<Assets<Mesh>>,
    mut materials: ResMut<Assets<ColorMaterial>>,
) {
    if built.0 == events.generation {
        return;
    }
    built.0 = events.generation;
    for e in &old {
        commands.entity(e).despawn();
    }
    let proj = Lcc::atlas();
    let halo = meshes.add(to_mesh(&disc()));
    let shapes: Vec<Handle<Mesh>> = Status::ALL
        .iter()
        .map(|s| meshes.add(to_mesh(&marker(*s))))
        .collect();
    for (i, e) in events.events.iter().enumerate() {
        let color = category_bevy(&e.category);
        for s in &e.shapes {
            match s {
                Shape::Point(p) => {
                    let plane = proj.project(*p);
                    let halo_mat =
                        materials.add(ColorMaterial::from_color(Color::srgba(1.0, 1.0, 1.0, 0.9)));
                    let mark_mat = materials.add(ColorMaterial::from_color(color));
                    let status = Status::ALL.iter().position(|x| *x == e.status).unwrap_or(0);
                    commands
                        .spawn((
                            Name::new(format!("event {}", e.id)),
                            EventMarker {
                                index: i,
                                plane,
                                lonlat: *p,
                            },
                            RenderLayers::layer(OVERLAY_LAYER),
                            Fades(vec![(halo_mat.clone(), 0.9), (mark_mat.clone(), 1.0)]),
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
                    let fill = materials.add(ColorMaterial::from_color(color.with_alpha(0.25)));
                    commands.spawn((
                        Name::new(format!("event area {}", e.id)),
                        EventArea(i),
                        Fades(vec![(fill.clone(), 0.25)]),
                        Mesh2d(meshes.add(to_mesh(&triangulate(rings, &proj)))),
                        MeshMaterial2d(fill),
                        Transform::from_xyz(0.0, 0.0, Z_AREA),
                        Visibility::Hidden,
                    ));
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

/// How an event shows now: its opacity (0 = hidden), after the timeline and the filters.
fn shown(e: &Event, timeline: &Timeline, list: &EventListState) -> f32 {
    if list.passes(e) {
        opacity(&e.span, timeline.date, timeline.window())
    } else {
        0.0
    }
}

#[allow(clippy::too_many_arguments)]
fn update_markers(
    cam: Res<MapCamera>,
    projector: Res<Projector>,
    timeline: Res<Timeline>,
    list: Res<EventListState>,
    events: Res<EventsData>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut scene: ResMut<SceneEvents>,
    mut materials: ResMut<Assets<ColorMaterial>>,
    mut markers: Query<(&EventMarker, &Fades, &mut Transform, &mut Visibility), Without<EventArea>>,
    mut areas: Query<(&EventArea, &Fades, &mut Visibility), Without<EventMarker>>,
) {
    let s = km_per_px(cam.current.zoom) as f32 * MARKER_PX;
    let size = [window.width() as f64, window.height() as f64];
    for (m, fades, mut t, mut vis) in &mut markers {
        let px = projector.pixel(m.lonlat, size);
        let o = if px.is_some() {
            shown(&events.events[m.index], &timeline, &list)
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
    for (a, fades, mut vis) in &mut areas {
        let o = shown(&events.events[a.0], &timeline, &list);
        let o = if projector.is_globe() { 0.0 } else { o };
        show(&mut vis, o, fades, &mut materials);
    }
    // The scene description's view of the events.
    scene.0 = events
        .events
        .iter()
        .enumerate()
        .map(|(index, e)| {
            let o = shown(e, &timeline, &list);
            let anchor = e.anchor().and_then(|ll| projector.pixel(ll, size));
            let on_screen =
                anchor.is_some_and(|[x, y]| x >= 0.0 && y >= 0.0 && x < size[0] && y < size[1]);
            EventOnScreen {
                index,
                visible: o > 0.0 && (on_screen || e.shapes.is_empty()),
                opacity: o,
                anchor: anchor.filter(|_| on_screen),
            }
        })
        .collect();
}

/// Routes (growing, with an arrowhead), uncertainty circles and the selection ring.
#[allow(clippy::too_many_arguments)]
fn draw_lines(
    cam: Res<MapCamera>,
    timeline: Res<Timeline>,
    list: Res<EventListState>,
    events: Res<EventsData>,
    selection: Res<Selection>,
    mut solid: Gizmos<EventSolid>,
    mut dashed: Gizmos<EventDashed>,
) {
    let proj = Lcc::atlas();
    let kpp = km_per_px(cam.current.zoom) as f32;
    for (i, e) in events.events.iter().enumerate() {
        let o = shown(e, &timeline, &list);
        if o <= 0.0 {
            continue;
        }
        let color = category_bevy(&e.category).with_alpha(o);
        for s in &e.shapes {
            match s {
                Shape::Line(line) => {
                    let pts: Vec<Vec2> = densify(line, 0.5)
                        .iter()
                        .map(|p| {
                            let [x, y] = proj.project(*p);
                            Vec2::new(x as f32, y as f32)
                        })
                        .collect();
                    let grown = partial(&pts, progress(&e.span, timeline.date));
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
                        let [x, y] = proj.project(*p);
                        dashed
                            .circle_2d(Vec2::new(x as f32, y as f32), r, color.with_alpha(0.6 * o))
                            .resolution(64);
                    }
                }
                Shape::Polygon(rings) => {
                    if let Some(ring) = rings.first() {
                        solid.linestrip_2d(
                            densify(ring, 0.5).iter().map(|p| {
                                let [x, y] = proj.project(*p);
                                Vec2::new(x as f32, y as f32)
                            }),
                            color,
                        );
                    }
                }
            }
        }
        if selection.event == Some(i) {
            for s in &e.shapes {
                if let Shape::Point(p) = s {
                    let [x, y] = proj.project(*p);
                    solid
                        .circle_2d(
                            Vec2::new(x as f32, y as f32),
                            (MARKER_PX + 6.0) * kpp,
                            Color::srgb(0.1, 0.1, 0.1),
                        )
                        .resolution(48);
                }
            }
        }
    }
}

/// The first `t` (0–1) of a polyline by length.
fn partial(pts: &[Vec2], t: f32) -> Vec<Vec2> {
    let total: f32 = pts.windows(2).map(|w| w[0].distance(w[1])).sum();
    let mut left = total * t;
    let mut out = vec![pts[0]];
    for w in pts.windows(2) {
        let d = w[0].distance(w[1]);
        if left >= d {
            out.push(w[1]);
            left -= d;
        } else {
            if d > 0.0 && left > 0.0 {
                out.push(w[0].lerp(w[1], left / d));
            }
            break;
        }
    }
    out
}

/// The event marker nearest the cursor (within 12 px), if any.
fn marker_under(
    cursor: Vec2,
    projector: &Projector,
    size: [f64; 2],
    markers: &Query<(&EventMarker, &Visibility)>,
) -> Option<usize> {
    markers
        .iter()
        .filter(|(_, v)| **v != Visibility::Hidden)
        .filter_map(|(m, _)| {
            let [x, y] = projector.pixel(m.lonlat, size)?;
            Some((m.index, Vec2::new(x as f32, y as f32).distance(cursor)))
        })
        .filter(|(_, d)| *d <= 12.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[allow(clippy::too_many_arguments)]
fn pick(
    buttons: Res<ButtonInput<MouseButton>>,
    egui: Option<Res<EguiWantsInput>>,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    markers: Query<(&EventMarker, &Visibility)>,
    events: Res<EventsData>,
    mut timeline: ResMut<Timeline>,
    mut selection: ResMut<Selection>,
    mut pressed_at: Local<Option<Vec2>>,
) {
    if let Some(cursor) =
        super::camera::map_click(&buttons, &window, egui.as_deref(), &mut pressed_at)
    {
        let size = [window.width() as f64, window.height() as f64];
        if let Some(i) = marker_under(cursor, &projector, size, &markers) {
            selection.select(i, &events, &mut timeline);
            // Clicking a marker on screen does not move the map.
            selection.fly = false;
        }
    }
}

/// Moves the map to a newly selected event (all its places in view).
fn fly_to_selection(
    mut selection: ResMut<Selection>,
    mut cam: ResMut<MapCamera>,
    insets: Res<MapInsets>,
    events: Res<EventsData>,
    window: Single<&Window, With<PrimaryWindow>>,
) {
    if !selection.fly {
        return;
    }
    selection.fly = false;
    let Some(e) = selection.event.and_then(|i| events.events.get(i)) else {
        return;
    };
    let proj = Lcc::atlas();
    let pts: Vec<[f64; 2]> = e
        .shapes
        .iter()
        .flat_map(|s| match s {
            Shape::Point(p) => vec![*p],
            Shape::Line(l) => l.clone(),
            Shape::Polygon(r) => r.first().cloned().unwrap_or_default(),
        })
        .map(|p| proj.project(p))
        .collect();
    let size = [window.width() as f64, window.height() as f64];
    // Leave room for the card, which opens at the top right of the map.
    let mut room = insets.0;
    room.0[1] += CARD_W as f64 + 20.0;
    if let Some(view) = fit_points(&pts, size, room, 6.5) {
        cam.target = view;
    }
}

/// A tooltip with the event's title when the pointer is over a marker.
#[allow(clippy::too_many_arguments)]
fn hover(
    mut contexts: EguiContexts,
    window: Single<&Window, With<PrimaryWindow>>,
    projector: Res<Projector>,
    markers: Query<(&EventMarker, &Visibility)>,
    events: Res<EventsData>,
    toggles: Res<LayerToggles>,
    egui: Option<Res<EguiWantsInput>>,
) -> Result {
    if egui.is_some_and(|e| e.is_pointer_over_area()) {
        return Ok(());
    }
    let Some(cursor) = window.cursor_position() else {
        return Ok(());
    };
    let size = [window.width() as f64, window.height() as f64];
    let Some(i) = marker_under(cursor, &projector, size, &markers) else {
        return Ok(());
    };
    let e = &events.events[i];
    let ctx = contexts.ctx_mut()?;
    egui::Area::new("event-hover".into())
        .order(egui::Order::Tooltip)
        .fixed_pos(egui::pos2(cursor.x + 14.0, cursor.y + 10.0))
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.strong(title(e, toggles.lang));
                ui.label(format!(
                    "{} · {} · click for details",
                    e.span.describe(),
                    e.status.code()
                ));
            });
        });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_polyline_follows_length() {
        let pts = [Vec2::ZERO, Vec2::new(10.0, 0.0), Vec2::new(10.0, 10.0)];
        assert_eq!(partial(&pts, 0.0), vec![Vec2::ZERO]);
        assert_eq!(partial(&pts, 0.25), vec![Vec2::ZERO, Vec2::new(5.0, 0.0)]);
        assert_eq!(
            partial(&pts, 0.75),
            vec![Vec2::ZERO, Vec2::new(10.0, 0.0), Vec2::new(10.0, 5.0)]
        );
        assert_eq!(partial(&pts, 1.0).len(), 3);
    }
}
