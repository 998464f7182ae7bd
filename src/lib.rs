//! Dateline: an offline atlas and sourced news timeline of the Korean peninsula and its region.
//!
//! `core` (the `dateline-core` crate) is pure logic with no Bevy types (loading, projection,
//! tessellation, views, labels, the timeline); `app` holds the thin Bevy plugins that turn
//! core data into entities; `serve` serves the built web page (`dateline serve`).

pub mod app;
#[cfg(not(target_arch = "wasm32"))]
pub mod serve;
pub use dateline_core as core;
