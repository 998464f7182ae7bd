//! Other file formats and coordinate systems, read into the same features as GeoJSON.

pub mod crs;
pub mod topojson;
