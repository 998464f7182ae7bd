//! The bottom layer: what the app knows and what was asked of it — the command line's settings,
//! the bundled atlas, the view mode, the story (events by id, the clock, the selection, the
//! filters), the lesson open and its step, the map's layer switches, the
//! user's preferences kept between runs (the interface language), and the requests features
//! send each other.
//!
//! Nothing here imports another part of the app; every other layer may import it.

use bevy::prelude::*;

pub mod ids;
pub mod layers;
pub mod lesson;
pub mod prefs;
pub mod requests;
pub mod screen;
pub mod settings;
pub mod story;
pub mod systems;
pub mod tools;

/// Adds the state resources, the view-mode state, the request messages and the story
/// (`main`, or a test, inserts the settings and the atlas).
pub fn plugin(app: &mut App) {
    app.add_plugins((
        systems::plugin,
        screen::plugin,
        layers::plugin,
        requests::plugin,
        story::plugin,
        lesson::plugin,
        prefs::plugin,
        tools::plugin,
    ));
}
