//! The pure core: GeoJSON loading and validation (and the problems it reports), projection,
//! topology, tessellation, map and globe views, place search, the timeline and its events.
//!
//! Nothing here depends on Bevy, so it is tested with plain unit tests.

pub mod atlas;
mod cancel;
pub mod clip;
pub mod colour;
pub mod events;
pub mod formats;
pub mod geojson;
pub mod globe;
pub mod graticule;
pub mod ground;
pub mod i18n;
pub mod labels;
pub mod lesson;
pub mod line_label;
pub mod link;
pub mod markers;
pub mod model;
pub mod problem;
pub mod projection;
pub mod scene;
pub mod search;
pub mod tessellate;
pub mod timeline;
pub mod topology;
pub mod userfile;
pub mod view;
