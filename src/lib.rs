//! Dateline: an offline atlas and sourced news timeline of the Korean peninsula and its region.
//!
//! `core` is pure logic with no Bevy types (loading, projection, tessellation, views);
//! `app` holds the thin Bevy plugins that turn core data into entities.

pub mod app;
pub mod core;
