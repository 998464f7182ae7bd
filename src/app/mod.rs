//! Thin Bevy plugins in layers; `main.rs` composes them through [`plugin`].
//!
//! The layers, bottom to top (a module imports only its own layer or those below it, and no
//! import circles; `tests/architecture.rs` checks both):
//! 1. [`state`] (the command line's settings, the atlas, the story by id, the clock, the
//!    selection, the filters, layer switches, the view mode, requests) and [`theme`] (every
//!    colour, line style and status icon);
//! 2. [`camera`] (the map and globe cameras, input helpers);
//! 3. [`render`] (drawing), [`files`] (the user's files) and [`ui`] (egui panels);
//! 4. [`capture`] (the headless frame and its scene description) and [`export`] (pictures of
//!    the view, a lesson's slides and handout).

use bevy::prelude::*;

pub mod camera;
pub mod capture;
pub mod export;
pub mod files;
pub mod render;
pub mod state;
pub mod theme;
pub mod ui;

/// Adds every layer's plugins, bottom first. The caller adds Bevy's and egui's plugins and
/// inserts [`state::settings::Settings`], [`state::settings::AtlasData`] and the
/// [`state::story::Story`].
pub fn plugin(app: &mut App) {
    app.add_plugins((
        state::plugin,
        theme::plugin,
        camera::plugin,
        render::plugin,
        files::plugin,
        ui::plugin,
        capture::plugin,
        export::plugin,
    ));
}
