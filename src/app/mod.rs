//! Thin Bevy plugins, one feature per file; `main.rs` composes them through [`plugin`].

use std::sync::Arc;

use bevy::prelude::*;

use crate::core::atlas::Atlas;
use crate::core::model::Lang;
use crate::core::view::ViewSpec;

pub mod camera;
pub mod capture;
pub mod map;
pub mod ui;

/// The app's system sets, ordered once here.
#[derive(SystemSet, Debug, Clone, PartialEq, Eq, Hash)]
pub enum AppSystems {
    /// Read keyboard and mouse.
    Input,
    /// Move the camera towards its target.
    Camera,
    /// Show, hide and size layers and labels for the current view.
    Layers,
    /// Headless capture bookkeeping.
    Capture,
}

/// What the user asked for on the command line.
#[derive(Resource, Debug, Clone)]
pub struct Settings {
    /// The initial (and Home) view.
    pub view: ViewSpec,
    /// Label language.
    pub lang: Lang,
    /// Headless capture target, if any.
    pub screenshot: Option<std::path::PathBuf>,
    /// Window size in pixels.
    pub size: [u32; 2],
}

/// The bundled atlas, built once at start-up.
#[derive(Resource, Clone)]
pub struct AtlasData(pub Arc<Atlas>);

/// Orders the system sets; every feature plugin adds its systems to one of them.
pub fn plugin(app: &mut App) {
    app.configure_sets(
        Update,
        (
            AppSystems::Input,
            AppSystems::Camera,
            AppSystems::Layers,
            AppSystems::Capture,
        )
            .chain(),
    );
}
