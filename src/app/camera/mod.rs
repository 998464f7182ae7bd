//! The cameras: the 2D map camera (pan, zoom, Home, fly-to) and the globe's 3D camera that
//! follows it, with the switch between them; and the pointer helper shared by click handlers.

use bevy::prelude::*;

pub mod globe;
pub mod map;
pub mod pointer;

/// Adds the map camera and the globe camera.
pub fn plugin(app: &mut App) {
    app.add_plugins((map::plugin, globe::plugin));
}
