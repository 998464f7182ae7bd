//! The story: every event on the timeline (the bundled story and each opened events file),
//! kept by id; the clock and playback; the selected event, by id; and the filters.

use std::collections::{HashMap, HashSet};

use bevy::prelude::*;

pub use super::ids::FileId;
use super::requests::{FlyTo, SelectEvent};
use super::settings::Settings;
use super::systems::AppSystems;
use crate::core::events::{CATEGORIES, Event, Status, category_index};
use crate::core::model::{LonLat, Shape};
use crate::core::timeline::{self, SPEEDS, Window, day_number, next_start, prev_start};

/// All events on the timeline, each under an id unique in the story.
///
/// Events are found by id, never by their position: the list is re-sorted whenever a file
/// is opened, reloaded or closed.
#[derive(Resource, Debug, Clone, Default)]
pub struct Story {
    bundled: Vec<Event>,
    /// Each file's events, and whether its ids carry its key (decided when it is opened).
    files: Vec<(FileId, Vec<Event>, bool)>,
    events: Vec<Event>,
    /// The days each timed layer covers (its features appear with the timeline).
    spans: Vec<(FileId, (i64, i64))>,
    starts: Vec<i64>,
    range: Option<(i64, i64)>,
    index: HashMap<String, usize>,
    generation: u64,
}

impl Story {
    /// The story with the bundled events only.
    pub fn new(bundled: Vec<Event>) -> Story {
        let mut s = Story {
            bundled,
            ..default()
        };
        s.rebuild();
        s
    }

    /// Puts a file's events on the timeline (replacing its earlier version), or takes them
    /// off with `None` (the file was closed or hidden).
    pub fn set_file(&mut self, file: FileId, events: Option<Vec<Event>>) {
        let had = self.files.iter().position(|(f, _, _)| *f == file);
        match (had, events) {
            (Some(i), Some(e)) => self.files[i].1 = e,
            (None, Some(e)) => {
                // Another open file of the same name has these ids: this file's ids carry its
                // key from now on, whatever happens to the other file.
                let keyed = e.iter().any(|e| self.index.contains_key(&namespaced(e)));
                self.files.push((file, e, keyed));
                self.files.sort_by_key(|(f, _, _)| *f);
            }
            (Some(i), None) => {
                self.files.remove(i);
            }
            (None, None) => return,
        }
        self.rebuild();
    }

    /// Puts a timed layer's days on the timeline (so the slider reaches them), or takes
    /// them off with `None`.
    pub fn set_span(&mut self, file: FileId, span: Option<(i64, i64)>) {
        let had = self.spans.iter().position(|(f, _)| *f == file);
        match (had, span) {
            (Some(i), Some(s)) if self.spans[i].1 == s => return,
            (Some(i), Some(s)) => self.spans[i].1 = s,
            (None, Some(s)) => self.spans.push((file, s)),
            (Some(i), None) => {
                self.spans.remove(i);
            }
            (None, None) => return,
        }
        self.rebuild();
    }

    /// Whether a file has events on the timeline.
    pub fn has_file(&self, file: FileId) -> bool {
        self.files.iter().any(|(f, _, _)| *f == file)
    }

    /// Every event, sorted by start (then end, then id).
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The event with this id.
    pub fn get(&self, id: &str) -> Option<&Event> {
        self.index.get(id).map(|&i| &self.events[i])
    }

    /// Each event's first day, in the order of [`Story::events`].
    pub fn starts(&self) -> &[i64] {
        &self.starts
    }

    /// Bumped whenever the events change, so views rebuild.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The first and last day the events cover (a year around today's story if none).
    pub fn range(&self) -> (i64, i64) {
        self.range
            .unwrap_or_else(|| (day_number(2024, 1, 1), day_number(2024, 12, 31)))
    }

    /// The newest event's start: the default date, so the whole story shows.
    pub fn newest_start(&self) -> i64 {
        self.starts.iter().copied().max().unwrap_or(self.range().1)
    }

    /// Merges the bundled events and the files' events under ids unique in the story that do
    /// not change when other files open or close: a file's event ids carry the file's name
    /// (`week.csv#row2`; ids the reader made already do), and a file opened while another of
    /// the same name was open also carries its key (`week.csv#row2~3`). Should a reload still
    /// bring a clash, the later event gets a number.
    fn rebuild(&mut self) {
        let mut all: Vec<Event> = self.bundled.clone();
        let mut seen: HashSet<String> = all.iter().map(|e| e.id.clone()).collect();
        for (file, events, keyed) in &self.files {
            for e in events {
                let mut id = namespaced(e);
                if *keyed {
                    id = format!("{id}~{}", file.0);
                }
                let base = id.clone();
                let mut n = 2;
                while seen.contains(&id) {
                    id = format!("{base}~{n}");
                    n += 1;
                }
                seen.insert(id.clone());
                let mut e = e.clone();
                e.id = id;
                all.push(e);
            }
        }
        all.sort_by(|a, b| {
            (a.span.first_day(), a.span.last_day())
                .cmp(&(b.span.first_day(), b.span.last_day()))
                .then_with(|| a.id.cmp(&b.id))
        });
        self.starts = all.iter().map(|e| e.span.first_day()).collect();
        let spans = self.spans.iter().map(|(_, s)| *s);
        let first = (all.iter().map(|e| e.span.first_day()))
            .chain(spans.clone().map(|s| s.0))
            .min();
        let last = (all.iter().map(|e| e.span.last_day()))
            .chain(spans.map(|s| s.1))
            .max();
        self.range = first.zip(last);
        self.index = all
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        self.events = all;
        self.generation += 1;
    }
}

/// An event's id with its file's name in front (`week.csv#row2`), unless it has it already.
fn namespaced(e: &Event) -> String {
    let prefix = format!("{}#", e.file);
    if e.id.starts_with(&prefix) {
        e.id.clone()
    } else {
        format!("{prefix}{}", e.id)
    }
}

/// The clock: the date shown, and playback.
#[derive(Resource, Debug, Clone)]
pub struct Clock {
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
    /// Days the timeline is narrowed to (a timed layer's week of earthquakes); `None`: the
    /// whole story.
    pub focus: Option<(i64, i64)>,
}

impl Clock {
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

    /// The days the timeline shows and plays through: the focus, else the whole story.
    pub fn span(&self, story: &Story) -> (i64, i64) {
        self.focus.unwrap_or_else(|| story.range())
    }

    /// Narrows the timeline to some days (and shows their last day, so all of them show),
    /// picking a speed that plays them in about ten seconds; `None` goes back to the whole
    /// story.
    pub fn set_focus(&mut self, focus: Option<(i64, i64)>) {
        self.focus = focus;
        if let Some((first, last)) = focus {
            self.date = last as f64;
            let days = (last - first + 1) as f64;
            self.speed = SPEEDS
                .iter()
                .rposition(|(per_s, _)| days / per_s >= 10.0)
                .unwrap_or(0);
        }
    }

    /// The date as a whole day.
    pub fn day(&self) -> i64 {
        self.date.floor() as i64
    }

    /// Steps to the previous (`-1`) or next (`+1`) event start, and pauses.
    pub fn step(&mut self, story: &Story, dir: i32) {
        let to = if dir < 0 {
            prev_start(story.starts(), self.date)
        } else {
            next_start(story.starts(), self.date)
        };
        if let Some(d) = to {
            self.date = d as f64;
            self.playing = false;
        }
    }

    /// Moves the date by whole days (`Ctrl+←` `Ctrl+→`), within the timeline, and pauses.
    pub fn step_days(&mut self, story: &Story, days: i64) {
        let (first, last) = self.span(story);
        self.date = (self.day() + days).clamp(first, last) as f64;
        self.playing = false;
    }

    /// Moves the date by whole months (`PageUp` `PageDown`), to the same day or the month's
    /// last, within the timeline, and pauses.
    pub fn step_months(&mut self, story: &Story, months: i32) {
        let (first, last) = self.span(story);
        let (y, m, d) = timeline::civil(self.day());
        let index = y * 12 + m as i32 - 1 + months;
        let (ny, nm) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
        let nd = d.min(timeline::days_in_month(ny, nm));
        self.date = day_number(ny, nm, nd).clamp(first, last) as f64;
        self.playing = false;
    }

    /// Starts playback (from the beginning when at the end) or pauses it.
    pub fn toggle_play(&mut self, story: &Story) {
        let (first, last) = self.span(story);
        if !self.playing && self.date >= last as f64 {
            self.date = (first - 1) as f64;
        }
        self.playing = !self.playing;
    }
}

/// The selected event, by id (its card is open).
#[derive(Resource, Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The selected event's id.
    pub event: Option<String>,
}

impl Selection {
    /// The selected event, if it is still in the story.
    pub fn get<'a>(&self, story: &'a Story) -> Option<&'a Event> {
        story.get(self.event.as_deref()?)
    }

    /// Whether this event is the selected one.
    pub fn is(&self, e: &Event) -> bool {
        self.event.as_deref() == Some(e.id.as_str())
    }
}

/// Which events show: by category, by status and by a search text. They apply to the map,
/// the globe, the timeline and the event list alike.
#[derive(Resource, Debug, Clone, Default)]
pub struct EventFilters {
    /// Search text (matches title, summary, place, sources, who claims or denies).
    pub search: String,
    /// Categories switched off, by code.
    pub hidden_categories: HashSet<String>,
    /// Statuses switched off.
    pub hidden_statuses: HashSet<Status>,
}

impl EventFilters {
    /// Whether an event passes the category and status filters and the search.
    pub fn passes(&self, e: &Event) -> bool {
        // Unknown categories count as "other", as they are drawn.
        !self
            .hidden_categories
            .contains(CATEGORIES[category_index(&e.category)].0)
            && !self.hidden_statuses.contains(&e.status)
            && (self.search.trim().is_empty()
                || e.search_text().contains(&self.search.trim().to_lowercase()))
    }

    /// How an event shows now: its opacity (0 = hidden) after the clock and the filters.
    pub fn opacity(&self, e: &Event, clock: &Clock) -> f32 {
        if self.passes(e) {
            timeline::opacity(&e.span, clock.date, clock.window())
        } else {
            0.0
        }
    }
}

/// The places of an event: its points, the vertices of its routes, the outer rings of its
/// areas.
pub fn event_places(e: &Event) -> Vec<LonLat> {
    e.shapes
        .iter()
        .flat_map(|s| match s {
            Shape::Point(p) => vec![*p],
            Shape::Line(l) => l.clone(),
            Shape::Polygon(r) => r.first().cloned().unwrap_or_default(),
        })
        .collect()
}

/// The closest zoom the map flies to for an event.
pub const EVENT_ZOOM: f64 = 6.5;

/// Adds the clock, the selection and the filters, playback and the selection requests.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Selection>()
        .init_resource::<EventFilters>()
        .add_systems(PreStartup, init_clock)
        .add_systems(Startup, select_at_start)
        .add_systems(
            Update,
            (select, forget_missing, play)
                .chain()
                .in_set(AppSystems::Story),
        );
}

fn init_clock(mut commands: Commands, settings: Res<Settings>, story: Option<Res<Story>>) {
    let newest = match story {
        Some(s) => s.newest_start(),
        None => {
            let s = Story::new(Vec::new());
            let newest = s.newest_start();
            commands.insert_resource(s);
            newest
        }
    };
    commands.insert_resource(Clock {
        date: settings.date.unwrap_or(newest) as f64,
        playing: false,
        speed: 2,
        recent: settings.recent_days.is_some(),
        recent_days: settings.recent_days.unwrap_or(90.0),
        focus: None,
    });
}

/// `--event ID`: select it (the card opens and the map flies to it).
fn select_at_start(
    settings: Res<Settings>,
    story: Res<Story>,
    mut requests: MessageWriter<SelectEvent>,
) {
    if let Some(id) = &settings.event {
        if story.get(id).is_some() {
            requests.write(SelectEvent {
                id: Some(id.clone()),
                fly: true,
            });
        } else {
            warn!("--event {id}: no event has this id");
        }
    }
}

/// Applies selection requests: moves the clock to an event that has not begun yet, and asks
/// the camera to show it.
fn select(
    mut requests: MessageReader<SelectEvent>,
    mut selection: ResMut<Selection>,
    mut clock: ResMut<Clock>,
    mut fly: MessageWriter<FlyTo>,
    story: Res<Story>,
) {
    for r in requests.read() {
        let Some(id) = &r.id else {
            selection.event = None;
            continue;
        };
        let Some(e) = story.get(id) else {
            warn!("no event has the id {id}");
            continue;
        };
        selection.event = Some(id.clone());
        if clock.date < e.span.first_day() as f64 {
            clock.date = e.span.last_day() as f64;
        }
        let places = event_places(e);
        if r.fly && !places.is_empty() {
            fly.write(FlyTo {
                places,
                max_zoom: EVENT_ZOOM,
                card_room: true,
                instant: false,
            });
        }
    }
}

/// Closes the card of an event that left the story (its file was closed).
fn forget_missing(story: Res<Story>, mut selection: ResMut<Selection>) {
    if story.is_changed()
        && let Some(id) = &selection.event
        && story.get(id).is_none()
    {
        selection.event = None;
    }
}

fn play(time: Res<Time>, mut clock: ResMut<Clock>, story: Res<Story>) {
    if !clock.playing {
        return;
    }
    let (_, last) = clock.span(&story);
    let (date, done) = timeline::advance(
        clock.date,
        time.delta_secs_f64(),
        SPEEDS[clock.speed].0,
        story.starts(),
        (last + 1) as f64,
    );
    clock.date = date;
    if done {
        clock.playing = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::events;

    fn bundled() -> Vec<Event> {
        events::load_geojson(events::BUNDLED_NAME, events::BUNDLED).events
    }

    fn csv(text: &str, name: &str) -> Vec<Event> {
        events::load_csv(name, text.as_bytes()).events
    }

    #[test]
    fn the_date_steps_by_days_and_months_within_the_timeline() {
        let story = Story::new(bundled());
        let (first, last) = story.range();
        let mut clock = Clock {
            date: day_number(2024, 1, 31) as f64 + 0.4,
            playing: true,
            speed: 0,
            recent: false,
            recent_days: 30.0,
            focus: None,
        };
        clock.step_months(&story, 1);
        assert_eq!(timeline::iso(clock.day()), "2024-02-29");
        assert!(!clock.playing);
        clock.step_months(&story, -2);
        assert_eq!(timeline::iso(clock.day()), "2023-12-29");
        clock.step_days(&story, 3);
        assert_eq!(timeline::iso(clock.day()), "2024-01-01");
        clock.step_days(&story, -100_000);
        assert_eq!(clock.day(), first);
        clock.step_months(&story, 1_000);
        assert_eq!(clock.day(), last);
    }

    #[test]
    fn events_are_found_by_id_whatever_the_order() {
        let mut story = Story::new(bundled());
        let before = story.get("kursk-nk-troops").unwrap().clone();
        let pos_before = story
            .events()
            .iter()
            .position(|e| e.id == before.id)
            .unwrap();
        // An earlier event re-sorts the list: the position changes, the id still finds it.
        story.set_file(
            FileId(1),
            Some(csv(
                "start,title,status,source_publisher,source_date\n2020-01-01,Early,reported,X,2020-01-02\n",
                "early.csv",
            )),
        );
        let pos_after = story
            .events()
            .iter()
            .position(|e| e.id == before.id)
            .unwrap();
        assert_eq!(pos_after, pos_before + 1);
        assert_eq!(story.get("kursk-nk-troops"), Some(&before));
        story.set_file(FileId(1), None);
        assert_eq!(story.events().len(), bundled().len());
    }

    #[test]
    fn ids_stay_unique_when_files_repeat_them_and_do_not_depend_on_other_files() {
        let text =
            "start,title,status,source_publisher,source_date\n2024-01-01,A,reported,X,2024-01-02\n";
        let mut story = Story::new(bundled());
        story.set_file(FileId(1), Some(csv(text, "a.csv")));
        story.set_file(FileId(2), Some(csv(text, "b.csv")));
        let b_id = story
            .events()
            .iter()
            .find(|e| e.file == "b.csv")
            .unwrap()
            .id
            .clone();
        story.set_file(FileId(3), Some(csv(text, "a.csv")));
        let ids: HashSet<&str> = story.events().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), story.events().len(), "ids: {ids:?}");
        for e in story.events() {
            assert_eq!(story.get(&e.id).map(|x| &x.title), Some(&e.title));
        }
        // Closing a file changes no other file's ids.
        story.set_file(FileId(1), None);
        assert!(story.get(&b_id).is_some(), "{b_id} gone");
        assert!(story.events().iter().any(|e| e.id.ends_with("~3")));
    }

    #[test]
    fn unknown_categories_are_filtered_as_other() {
        let mut e = bundled().remove(0);
        e.category = "Earthquakes".into();
        let mut filters = EventFilters::default();
        assert!(filters.passes(&e));
        filters.hidden_categories.insert("other".into());
        assert!(!filters.passes(&e));
    }
}
