//! Keyboard shortcuts that are not the camera's: the timeline (Space, `,` `.` `[` `]` by event,
//! Ctrl+← → by day, PageUp PageDown by month), the events and places on the map one by one
//! (N, P; Shift goes back; each announced), names (L), the interface language (Ctrl+L), its
//! size (Ctrl + − 0) and high contrast (Ctrl+Shift+H), the event list (E), find (Ctrl+F, /),
//! open (Ctrl+O), Controls (F1) and Esc.

use bevy::prelude::*;

use super::event_list::EventListOpen;
use super::windows::Windows;
use super::words::place_kind;
use crate::app::camera::pointer::typing;
use crate::app::render::labels::{Highlight, LabelsOnScreen};
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::Announcement;
use crate::app::state::requests::{FocusSearch, SelectEvent, ShowOpenDialog};
use crate::app::state::screen::TextFocus;
use crate::app::state::settings::AtlasData;
use crate::app::state::story::{Clock, Story};
use crate::app::state::story::{EventFilters, Selection};
use crate::app::state::systems::AppSystems;
use crate::core::atlas::PlaceKind;
use crate::core::i18n::UiLang;
use crate::core::timeline::opacity;
use crate::core::tr;

/// Adds the shortcuts.
pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        shortcuts.run_if(not_presenting).in_set(AppSystems::Input),
    );
}

/// The messages the shortcuts send.
#[derive(bevy::ecs::system::SystemParam)]
struct Requests<'w> {
    select: MessageWriter<'w, SelectEvent>,
    open: MessageWriter<'w, ShowOpenDialog>,
    find: MessageWriter<'w, FocusSearch>,
}

/// What stepping through the map's events and places reads and says.
#[derive(bevy::ecs::system::SystemParam)]
struct Stepping<'w, 's> {
    prefs: ResMut<'w, UiPrefs>,
    selection: Res<'w, Selection>,
    filters: Res<'w, EventFilters>,
    labels: Res<'w, LabelsOnScreen>,
    atlas: Res<'w, AtlasData>,
    highlight: ResMut<'w, Highlight>,
    said: ResMut<'w, Announcement>,
    place: Local<'s, Option<usize>>,
}

#[allow(clippy::too_many_arguments)]
fn shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    text: Option<Res<TextFocus>>,
    mut windows: ResMut<Windows>,
    mut toggles: ResMut<LayerToggles>,
    mut list: ResMut<EventListOpen>,
    mut clock: ResMut<Clock>,
    story: Res<Story>,
    mut requests: Requests,
    mut st: Stepping,
) {
    // Keys typed into a text box are not shortcuts.
    if typing(text.as_deref()) {
        return;
    }
    let ctrl = keys.any_pressed([KeyCode::ControlLeft, KeyCode::ControlRight]);
    if ctrl && keys.just_pressed(KeyCode::KeyO) {
        requests.open.write(ShowOpenDialog);
    }
    if (ctrl && keys.just_pressed(KeyCode::KeyF)) || keys.just_pressed(KeyCode::Slash) {
        requests.find.write(FocusSearch);
    }
    if keys.just_pressed(KeyCode::F1) {
        windows.help = !windows.help;
    }
    let shift = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
    // Read through `Deref`: the settings file is written only when a key changes them.
    let lang = st.prefs.lang;
    // The interface's size and contrast.
    if ctrl && keys.any_just_pressed([KeyCode::Equal, KeyCode::NumpadAdd]) {
        st.prefs.step_scale(1);
    }
    if ctrl && keys.any_just_pressed([KeyCode::Minus, KeyCode::NumpadSubtract]) {
        st.prefs.step_scale(-1);
    }
    if ctrl && keys.any_just_pressed([KeyCode::Digit0, KeyCode::Numpad0]) {
        st.prefs.scale = 1.0;
    }
    if ctrl && shift && keys.just_pressed(KeyCode::KeyH) {
        st.prefs.high_contrast = !st.prefs.high_contrast;
    }
    // The date by day and by month, said aloud.
    let before = clock.day();
    if ctrl && keys.just_pressed(KeyCode::ArrowLeft) {
        clock.step_days(&story, -1);
    }
    if ctrl && keys.just_pressed(KeyCode::ArrowRight) {
        clock.step_days(&story, 1);
    }
    if keys.just_pressed(KeyCode::PageUp) {
        clock.step_months(&story, -1);
    }
    if keys.just_pressed(KeyCode::PageDown) {
        clock.step_months(&story, 1);
    }
    let stepped = (ctrl && keys.any_just_pressed([KeyCode::ArrowLeft, KeyCode::ArrowRight]))
        || keys.any_just_pressed([KeyCode::PageUp, KeyCode::PageDown]);
    if stepped {
        // Said each time, and said to be the end when the date could not move.
        let date = lang.long_date(clock.day());
        st.said.say(if clock.day() == before {
            tr!(lang, "announce-timeline-end", date = date)
        } else {
            date
        });
    }
    // The events on the map at this date, one by one (their card reads them out).
    if !ctrl && keys.just_pressed(KeyCode::KeyN) {
        let on_map: Vec<&str> = story
            .events()
            .iter()
            .filter(|e| e.anchor().is_some() && st.filters.passes(e))
            .filter(|e| opacity(&e.span, clock.date, clock.window()) > 0.0)
            .map(|e| e.id.as_str())
            .collect();
        let now = st.selection.event.as_deref();
        if let Some(id) = cycle(&on_map, now.as_ref(), if shift { -1 } else { 1 }) {
            requests.select.write(SelectEvent {
                id: Some(id.to_string()),
                fly: true,
            });
        } else {
            st.said.say(tr!(lang, "announce-no-events"));
        }
    }
    // The places named on screen, in reading order, one by one: ringed and said aloud.
    if !ctrl && keys.just_pressed(KeyCode::KeyP) {
        let mut named: Vec<(usize, [f64; 4])> = st
            .labels
            .0
            .iter()
            .filter(|l| l.source < st.atlas.0.places.len())
            .map(|l| (l.source, l.label.rect))
            .collect();
        // Rows of 40 px, left to right.
        named.sort_by(|a, b| {
            ((a.1[1] / 40.0) as i64, a.1[0] as i64).cmp(&((b.1[1] / 40.0) as i64, b.1[0] as i64))
        });
        let ids: Vec<usize> = named.iter().map(|n| n.0).collect();
        match cycle(&ids, (*st.place).as_ref(), if shift { -1 } else { 1 }).copied() {
            Some(i) => {
                *st.place = Some(i);
                let p = &st.atlas.0.places[i];
                st.highlight.place = Some(i);
                st.highlight.left = std::time::Duration::from_secs(4);
                let country = p
                    .country
                    .as_deref()
                    .and_then(|c| st.atlas.0.country(c))
                    .filter(|_| p.kind != PlaceKind::Country)
                    .map(|c| format!(", {}", toggles.lang.label(&c.name, c.name_ko.as_deref())))
                    .unwrap_or_default();
                st.said.say(tr!(
                    lang,
                    "announce-place",
                    name = toggles.lang.label(&p.name, p.name_ko.as_deref()),
                    kind = place_kind(lang, p.kind),
                    country = country
                ));
            }
            None => st.said.say(tr!(lang, "announce-no-places")),
        }
    }
    if ctrl && keys.just_pressed(KeyCode::KeyL) {
        st.prefs.lang = match lang {
            UiLang::En => UiLang::Ko,
            UiLang::Ko => UiLang::En,
        };
    } else if keys.just_pressed(KeyCode::KeyL) {
        toggles.cycle_lang();
    }
    if keys.just_pressed(KeyCode::KeyE) {
        list.0 = !list.0;
    }
    if keys.just_pressed(KeyCode::Space) {
        clock.toggle_play(&story);
    }
    if keys.any_just_pressed([KeyCode::Period, KeyCode::BracketRight]) {
        clock.step(&story, 1);
    }
    if keys.any_just_pressed([KeyCode::Comma, KeyCode::BracketLeft]) {
        clock.step(&story, -1);
    }
    if keys.just_pressed(KeyCode::Escape) {
        windows.about = false;
        windows.help = false;
        requests.select.write(SelectEvent {
            id: None,
            fly: false,
        });
    }
}

/// The item after (`dir` 1) or before (`-1`) the current one in a list, going round; the
/// first (or last) when none is current or it is gone.
fn cycle<'a, T: PartialEq>(list: &'a [T], now: Option<&T>, dir: i32) -> Option<&'a T> {
    if list.is_empty() {
        return None;
    }
    let n = list.len() as i64;
    let i = match now.and_then(|c| list.iter().position(|x| x == c)) {
        Some(i) => (i as i64 + i64::from(dir)).rem_euclid(n),
        None if dir < 0 => n - 1,
        None => 0,
    };
    list.get(i as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_goes_round_both_ways() {
        let l = ["a", "b", "c"];
        assert_eq!(cycle(&l, None, 1), Some(&"a"));
        assert_eq!(cycle(&l, None, -1), Some(&"c"));
        assert_eq!(cycle(&l, Some(&"c"), 1), Some(&"a"));
        assert_eq!(cycle(&l, Some(&"a"), -1), Some(&"c"));
        assert_eq!(cycle(&l, Some(&"z"), 1), Some(&"a"));
        assert_eq!(cycle::<&str>(&[], None, 1), None);
    }
}
