//! The user's own files: opened from the command line, by drag-and-drop or with Open…; read
//! on a background task with a progress indicator and cancelled when no longer wanted; kept
//! with their last good version; watched and reloaded on save; a clicked feature inspected;
//! lesson files read.
//! Drawing them is `render::user_layers`; their windows are in `ui`.

use bevy::prelude::*;

pub mod browse;
pub mod inspect;
pub mod lessons;
pub mod load;
#[cfg(target_arch = "wasm32")]
pub mod page;
pub mod save_events;
pub mod store;
pub mod watch;

/// Adds the files store, loading, watching, browsing and inspecting.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        store::plugin,
        watch::plugin,
        browse::plugin,
        inspect::plugin,
        lessons::plugin,
        save_events::plugin,
    ));
    #[cfg(target_arch = "wasm32")]
    app.add_plugins(page::plugin);
}
