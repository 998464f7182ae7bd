//! The egui interface: the top bar, the timeline panel, the event list and card, hover cards,
//! the search box, the files, problems, Open… and properties windows, the legend, About and
//! Controls, the lesson and presenting; keyboard shortcuts. Panels share one layout helper ([`layout`]).

use bevy::prelude::*;

pub mod access;
pub mod event_card;
pub mod event_editor;
pub mod event_list;
pub mod export_window;
pub mod files;
pub mod fonts;
pub mod graticule_labels;
pub mod hover;
pub mod layout;
pub mod lesson;
pub mod lesson_editor;
pub mod link;
pub mod open_dialog;
pub mod panel_theme;
pub mod properties;
pub mod route_marks;
pub mod search;
pub mod shortcuts;
pub mod timeline;
pub mod tools;
pub mod top_bar;
pub mod windows;
pub mod words;

/// Adds every panel, window and shortcut.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        fonts::plugin,
        access::plugin,
        shortcuts::plugin,
        top_bar::plugin,
        timeline::plugin,
        event_list::plugin,
        event_card::plugin,
        hover::plugin,
        route_marks::plugin,
        graticule_labels::plugin,
        search::plugin,
        files::plugin,
        open_dialog::plugin,
        properties::plugin,
        windows::plugin,
    ))
    // The classroom: lessons, teaching tools, saving pictures.
    .add_plugins((
        lesson::plugin,
        link::plugin,
        panel_theme::plugin,
        tools::plugin,
        export_window::plugin,
        event_editor::plugin,
    ));
}
