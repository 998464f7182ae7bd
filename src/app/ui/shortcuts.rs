//! Keyboard shortcuts that are not the camera's: the timeline (Space, `,` `.` `[` `]`), names
//! (L), the interface language (Ctrl+L), the event list (E), find (Ctrl+F, /), open (Ctrl+O),
//! Controls (F1) and Esc.

use bevy::prelude::*;
use bevy_egui::input::EguiWantsInput;

use super::event_list::EventListOpen;
use super::windows::Windows;
use crate::app::camera::pointer::typing;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{FocusSearch, SelectEvent, ShowOpenDialog};
use crate::app::state::story::{Clock, Story};
use crate::app::state::systems::AppSystems;
use crate::core::i18n::UiLang;

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

#[allow(clippy::too_many_arguments)]
fn shortcuts(
    keys: Res<ButtonInput<KeyCode>>,
    egui: Option<Res<EguiWantsInput>>,
    mut windows: ResMut<Windows>,
    mut toggles: ResMut<LayerToggles>,
    mut list: ResMut<EventListOpen>,
    mut clock: ResMut<Clock>,
    story: Res<Story>,
    mut requests: Requests,
    mut prefs: ResMut<UiPrefs>,
) {
    // Keys typed into a text box are not shortcuts.
    if typing(egui.as_deref()) {
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
    if ctrl && keys.just_pressed(KeyCode::KeyL) {
        prefs.lang = match prefs.lang {
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
