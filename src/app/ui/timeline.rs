//! The timeline: the date being shown, playback (jumping over quiet stretches), stepping from
//! event to event, and the bottom panel with its date axis, event ticks and controls.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::event_list::EventListState;
use super::ui::show_panel;
use super::{AppSystems, Settings, TIMELINE_H, UiLayout};
use crate::core::events::{CATEGORIES, Event, Status, category_index};
use crate::core::timeline::{
    self, SPEEDS, Window, civil, day_number, long_date, month_year, next_start, prev_start,
};

/// All events on the timeline (bundled and opened), with what playback needs.
#[derive(Resource, Debug, Clone, Default)]
pub struct EventsData {
    /// The events, sorted by start.
    pub events: Vec<Event>,
    /// Each event's first day, in the same order.
    pub starts: Vec<i64>,
    /// Bumped whenever the events change, so views rebuild.
    pub generation: u64,
}

impl EventsData {
    /// Sorts and indexes a list of events.
    pub fn new(mut events: Vec<Event>) -> EventsData {
        events.sort_by_key(|e| (e.span.first_day(), e.span.last_day()));
        let starts = events.iter().map(|e| e.span.first_day()).collect();
        EventsData {
            events,
            starts,
            generation: 1,
        }
    }

    /// The first and last day the events cover (a year around today's story if none).
    pub fn range(&self) -> (i64, i64) {
        let first = self.events.iter().map(|e| e.span.first_day()).min();
        let last = self.events.iter().map(|e| e.span.last_day()).max();
        match (first, last) {
            (Some(a), Some(b)) => (a, b),
            _ => (day_number(2024, 1, 1), day_number(2024, 12, 31)),
        }
    }

    /// The newest event's start: the default date, so the whole story shows.
    pub fn newest_start(&self) -> i64 {
        self.starts.iter().copied().max().unwrap_or(self.range().1)
    }
}

/// The timeline's state.
#[derive(Resource, Debug, Clone)]
pub struct Timeline {
    /// The date shown, as a day number (fractions while playing).
    pub date: f64,
    /// Playing or paused.
    pub playing: bool,
    /// Index into [`SPEEDS`].
    pub speed: usize,
    /// Recent-window mode instead of cumulative.
    pub recent: bool,
    /// Length of the recent window in days.
    pub recent_days: f64,
}

impl Timeline {
    /// Which events show at the date.
    pub fn window(&self) -> Window {
        if self.recent {
            Window::Recent {
                days: self.recent_days,
            }
        } else {
            Window::Cumulative
        }
    }

    /// The date as a whole day.
    pub fn day(&self) -> i64 {
        self.date.floor() as i64
    }
}

/// Which event is selected, and whether the map should fly to it.
#[derive(Resource, Debug, Clone, Default)]
pub struct Selection {
    /// The selected event's index in [`EventsData::events`].
    pub event: Option<usize>,
    /// Set when a new selection should move the map (handled by the events plugin).
    pub fly: bool,
}

impl Selection {
    /// Selects an event, moving the timeline to it when it has not begun yet.
    pub fn select(&mut self, index: usize, events: &EventsData, timeline: &mut Timeline) {
        self.event = Some(index);
        self.fly = true;
        if let Some(e) = events.events.get(index)
            && timeline.date < e.span.first_day() as f64
        {
            timeline.date = e.span.last_day() as f64;
        }
    }
}

/// Adds the timeline resources, playback, keys and the bottom panel.
pub fn plugin(app: &mut App) {
    app.add_systems(PreStartup, init_timeline)
        .add_systems(
            Update,
            (
                keys.in_set(AppSystems::Input),
                play.in_set(AppSystems::Camera),
            ),
        )
        .add_systems(EguiPrimaryContextPass, panel.in_set(AppSystems::UiBottom));
}

fn init_timeline(mut commands: Commands, settings: Res<Settings>, events: Res<EventsData>) {
    let date = settings.date.unwrap_or_else(|| events.newest_start()) as f64;
    let mut timeline = Timeline {
        date,
        playing: false,
        speed: 2,
        recent: settings.recent_days.is_some(),
        recent_days: settings.recent_days.unwrap_or(90.0),
    };
    let mut selection = Selection::default();
    if let Some(id) = &settings.event {
        match events.events.iter().position(|e| &e.id == id) {
            Some(i) => selection.select(i, &events, &mut timeline),
            None => warn!("--event {id}: no event has this id"),
        }
    }
    commands.insert_resource(timeline);
    commands.insert_resource(selection);
}

/// Steps to the previous (`-1`) or next (`+1`) event start.
pub fn step(timeline: &mut Timeline, events: &EventsData, dir: i32) {
    let to = if dir < 0 {
        prev_start(&events.starts, timeline.date)
    } else {
        next_start(&events.starts, timeline.date)
    };
    if let Some(d) = to {
        timeline.date = d as f64;
        timeline.playing = false;
    }
}

/// Starts playback (from the beginning when at the end) or pauses it.
pub fn toggle_play(timeline: &mut Timeline, events: &EventsData) {
    let (first, last) = events.range();
    if !timeline.playing && timeline.date >= last as f64 {
        timeline.date = (first - 1) as f64;
    }
    timeline.playing = !timeline.playing;
}

fn keys(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Option<Res<EguiWantsInput>>,
    mut timeline: ResMut<Timeline>,
    events: Res<EventsData>,
) {
    if egui.is_some_and(|e| e.wants_keyboard_input()) {
        return;
    }
    if keys.just_pressed(KeyCode::Space) {
        toggle_play(&mut timeline, &events);
    }
    if keys.any_just_pressed([KeyCode::Period, KeyCode::BracketRight]) {
        step(&mut timeline, &events, 1);
    }
    if keys.any_just_pressed([KeyCode::Comma, KeyCode::BracketLeft]) {
        step(&mut timeline, &events, -1);
    }
}

fn play(time: Res<Time>, mut timeline: ResMut<Timeline>, events: Res<EventsData>) {
    if !timeline.playing {
        return;
    }
    let (_, last) = events.range();
    let (date, done) = timeline::advance(
        timeline.date,
        time.delta_secs_f64(),
        SPEEDS[timeline.speed].0,
        &events.starts,
        (last + 1) as f64,
    );
    timeline.date = date;
    if done {
        timeline.playing = false;
    }
}

/// The colour of an event's category.
pub fn category_color(code: &str) -> egui::Color32 {
    let [r, g, b] = CATEGORIES[category_index(code)].2;
    egui::Color32::from_rgb(r, g, b)
}

/// Paints a status icon like the map's markers: solid (confirmed), hollow (reported),
/// dashed (claimed), half-filled (disputed), struck (denied).
pub fn paint_status(
    painter: &egui::Painter,
    c: egui::Pos2,
    r: f32,
    status: Status,
    color: egui::Color32,
) {
    let ring = egui::Stroke::new(r * 0.42, color);
    let rr = r * 0.79;
    painter.circle_filled(c, r * 1.25, egui::Color32::from_white_alpha(230));
    match status {
        Status::Confirmed => {
            painter.circle_filled(c, r, color);
        }
        Status::Reported => {
            painter.circle_stroke(c, rr, ring);
        }
        Status::Claimed => {
            for k in 0..8 {
                let a0 = k as f32 * std::f32::consts::TAU / 8.0;
                let pts: Vec<egui::Pos2> = (0..=4)
                    .map(|j| {
                        let a = a0 + j as f32 * std::f32::consts::TAU / 64.0;
                        c + egui::vec2(a.cos(), a.sin()) * rr
                    })
                    .collect();
                painter.add(egui::Shape::line(pts, ring));
            }
        }
        Status::Disputed => {
            painter.circle_stroke(c, rr, ring);
            let pts: Vec<egui::Pos2> = (0..=16)
                .map(|j| {
                    let a = std::f32::consts::FRAC_PI_2 + j as f32 * std::f32::consts::PI / 16.0;
                    c + egui::vec2(a.cos(), -a.sin()) * r * 0.6
                })
                .collect();
            painter.add(egui::Shape::convex_polygon(pts, color, egui::Stroke::NONE));
        }
        Status::Denied => {
            painter.circle_stroke(c, rr, ring);
            let d = egui::vec2(1.0, -1.0).normalized() * r * 1.3;
            painter.line_segment([c - d, c + d], egui::Stroke::new(r * 0.3, color));
        }
    }
}

/// A status icon as a widget (for lists, cards, filters and the legend).
pub fn status_icon(ui: &mut egui::Ui, status: Status, color: egui::Color32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
    paint_status(ui.painter(), rect.center(), 6.0, status, color);
    resp
}

fn panel(
    mut contexts: EguiContexts,
    mut layout: ResMut<UiLayout>,
    mut timeline: ResMut<Timeline>,
    mut selection: ResMut<Selection>,
    list: Res<EventListState>,
    events: Res<EventsData>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let panel = egui::Panel::bottom("timeline").exact_size(TIMELINE_H);
    show_panel(&ctx, &mut layout, panel, |ui| {
        ui.add_space(4.0);
        controls(ui, &mut timeline, &events);
        ui.add_space(2.0);
        axis(ui, &mut timeline, &mut selection, &list, &events);
    });
    Ok(())
}

fn controls(ui: &mut egui::Ui, timeline: &mut Timeline, events: &EventsData) {
    ui.horizontal(|ui| {
        if ui
            .button("⏮")
            .on_hover_text("Previous event ( , or [ )")
            .clicked()
        {
            step(timeline, events, -1);
        }
        let play = if timeline.playing {
            "⏸ Pause"
        } else {
            "▶ Play"
        };
        if ui
            .button(play)
            .on_hover_text("Play or pause (Space)")
            .clicked()
        {
            toggle_play(timeline, events);
        }
        if ui
            .button("⏭")
            .on_hover_text("Next event ( . or ] )")
            .clicked()
        {
            step(timeline, events, 1);
        }
        ui.separator();
        ui.label(
            egui::RichText::new(long_date(timeline.day()))
                .strong()
                .size(16.0),
        );
        ui.separator();
        ui.label("Speed:");
        egui::ComboBox::from_id_salt("speed")
            .selected_text(SPEEDS[timeline.speed].1)
            .width(96.0)
            .show_ui(ui, |ui| {
                for (i, (_, name)) in SPEEDS.iter().enumerate() {
                    ui.selectable_value(&mut timeline.speed, i, *name);
                }
            })
            .response
            .on_hover_text("Playback speed; quiet stretches are skipped");
        ui.separator();
        ui.label("Show:");
        ui.selectable_value(&mut timeline.recent, false, "everything so far")
            .on_hover_text("Cumulative: every event up to the date");
        ui.selectable_value(&mut timeline.recent, true, "recent")
            .on_hover_text("Only the last days; older events fade out");
        if timeline.recent {
            ui.add(
                egui::DragValue::new(&mut timeline.recent_days)
                    .range(7.0..=730.0)
                    .speed(1.0)
                    .suffix(" days"),
            );
        }
        ui.separator();
        let w = timeline.window();
        let shown = events
            .events
            .iter()
            .filter(|e| timeline::opacity(&e.span, timeline.date, w) > 0.0)
            .count();
        ui.label(format!("{shown} of {} events shown", events.events.len()));
    });
}

/// Lane of a category on the axis (one lane per category, in [`CATEGORIES`] order).
fn lane(e: &Event) -> usize {
    category_index(&e.category)
}

fn axis(
    ui: &mut egui::Ui,
    timeline: &mut Timeline,
    selection: &mut Selection,
    list: &EventListState,
    events: &EventsData,
) {
    let (first, last) = events.range();
    // A month of air either side.
    let (a, b) = ((first - 31) as f64, (last + 31) as f64);
    let width = ui.available_width();
    let height = ui.available_height().max(60.0);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::click_and_drag());
    let painter = ui.painter_at(rect);
    let left = rect.left() + 8.0;
    let right = rect.right() - 8.0;
    let x_of = |d: f64| left + ((d - a) / (b - a)) as f32 * (right - left);
    let d_of = |x: f32| a + ((x - left) / (right - left)) as f64 * (b - a);
    let visuals = ui.visuals().clone();
    painter.rect_filled(rect, 4.0, visuals.extreme_bg_color);

    // Month and year ticks with labels where there is room.
    let axis_y = rect.bottom() - 18.0;
    let text_color = visuals.text_color();
    let faint = visuals.weak_text_color();
    painter.line_segment(
        [egui::pos2(left, axis_y), egui::pos2(right, axis_y)],
        egui::Stroke::new(1.0, faint),
    );
    let (y0, m0, _) = civil(a as i64);
    let px_per_month = (right - left) / ((b - a) / 30.44) as f32;
    let (mut y, mut m) = (y0, m0);
    loop {
        let d = day_number(y, m, 1) as f64;
        if d > b {
            break;
        }
        if d >= a {
            let x = x_of(d);
            let year_tick = m == 1;
            painter.line_segment(
                [
                    egui::pos2(x, axis_y - if year_tick { 8.0 } else { 4.0 }),
                    egui::pos2(x, axis_y + if year_tick { 6.0 } else { 3.0 }),
                ],
                egui::Stroke::new(if year_tick { 1.5 } else { 1.0 }, faint),
            );
            if year_tick {
                painter.text(
                    egui::pos2(x + 3.0, axis_y + 2.0),
                    egui::Align2::LEFT_TOP,
                    y.to_string(),
                    egui::FontId::proportional(12.0),
                    text_color,
                );
            } else if px_per_month > 34.0 || (px_per_month > 18.0 && m % 3 == 1) {
                painter.text(
                    egui::pos2(x + 2.0, axis_y + 3.0),
                    egui::Align2::LEFT_TOP,
                    &month_year(d as i64)[..3],
                    egui::FontId::proportional(10.0),
                    faint,
                );
            }
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }

    // The recent window, shaded.
    if timeline.recent {
        let x0 = x_of((timeline.date - timeline.recent_days).max(a));
        let x1 = x_of(timeline.date);
        painter.rect_filled(
            egui::Rect::from_min_max(egui::pos2(x0, rect.top() + 2.0), egui::pos2(x1, axis_y)),
            0.0,
            egui::Color32::from_rgba_unmultiplied(120, 160, 220, 40),
        );
    }

    // One lane per category; month-precision events are bands across their month.
    let lanes = CATEGORIES.len() as f32;
    let lane_h = ((axis_y - rect.top() - 6.0) / lanes).clamp(4.0, 9.0);
    let mut hovered: Option<usize> = None;
    let pointer = response.hover_pos();
    for (i, e) in events.events.iter().enumerate() {
        if !list.passes(e) {
            continue;
        }
        let y = rect.top() + 4.0 + lane(e) as f32 * lane_h;
        let x0 = x_of(e.span.first_day() as f64);
        let x1 = x_of((e.span.last_day() + 1) as f64);
        let color = category_color(&e.category);
        let shown = timeline::opacity(&e.span, timeline.date, timeline.window()) > 0.0;
        let alpha = if shown { 255 } else { 110 };
        let c = egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha);
        let mark = if x1 - x0 >= 4.0 && e.span.is_uncertain() {
            let r = egui::Rect::from_min_max(egui::pos2(x0, y), egui::pos2(x1, y + lane_h - 1.0));
            painter.rect_filled(
                r,
                1.0,
                egui::Color32::from_rgba_unmultiplied(color.r(), color.g(), color.b(), alpha / 3),
            );
            painter.rect_stroke(r, 1.0, egui::Stroke::new(1.0, c), egui::StrokeKind::Inside);
            r
        } else {
            let r = egui::Rect::from_min_max(
                egui::pos2(x0 - 1.5, y - 1.0),
                egui::pos2(x0.max(x1 - 1.0) + 1.5, y + lane_h),
            );
            painter.rect_filled(r, 1.0, c);
            r
        };
        if selection.event == Some(i) {
            painter.rect_stroke(
                mark.expand(2.0),
                2.0,
                egui::Stroke::new(2.0, text_color),
                egui::StrokeKind::Outside,
            );
        }
        if pointer.is_some_and(|p| mark.expand2(egui::vec2(3.0, 1.0)).contains(p)) {
            hovered = Some(i);
        }
    }

    // The cursor at the date.
    let cx = x_of(timeline.date);
    painter.line_segment(
        [egui::pos2(cx, rect.top()), egui::pos2(cx, axis_y + 4.0)],
        egui::Stroke::new(2.0, egui::Color32::from_rgb(200, 40, 40)),
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            egui::pos2(cx - 5.0, rect.top()),
            egui::pos2(cx + 5.0, rect.top()),
            egui::pos2(cx, rect.top() + 6.0),
        ],
        egui::Color32::from_rgb(200, 40, 40),
        egui::Stroke::NONE,
    ));

    if let Some(i) = hovered {
        let e = &events.events[i];
        let text = format!("{}\n{} · {}", e.title, e.span.describe(), e.status.code());
        if response.clicked() {
            selection.select(i, events, timeline);
        }
        response.on_hover_text_at_pointer(text);
    } else {
        if let Some(p) = response.interact_pointer_pos()
            && (response.clicked() || response.dragged())
        {
            timeline.date = d_of(p.x).clamp(a, b).floor();
            timeline.playing = false;
        }
        response.on_hover_text_at_pointer("Click or drag to choose the date");
    }
}
