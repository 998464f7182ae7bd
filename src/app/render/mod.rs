//! Drawing: the atlas on the flat map and on the globe, labels and city dots, event markers
//! and routes, and the user's layers. Meshes are built on load, never per frame.

use bevy::prelude::*;

pub mod atlas;
pub mod globe;
pub mod labels;
pub mod markers;
pub mod mesh;
pub mod user_layers;

/// Adds every drawing feature.
pub fn plugin(app: &mut App) {
    app.add_plugins((
        atlas::plugin,
        globe::plugin,
        labels::plugin,
        markers::plugin,
        user_layers::plugin,
    ));
}
