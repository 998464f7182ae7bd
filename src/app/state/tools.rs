//! The teaching tools in use: measuring a distance along great circles (places clicked on the
//! map or the globe) and a range circle (a centre clicked, a radius in km, a label and a note
//! of its source). While a tool is on, clicks on the map go to it, not to markers or layers.

use bevy::prelude::*;

use crate::core::globe::path_km;
use crate::core::model::LonLat;

/// A teaching tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Measure a distance: each click adds a place.
    Measure,
    /// A range circle: a click sets its centre.
    Circle,
    /// Place a new event: the next click gives its position.
    Place,
}

/// The tool in use and what it has so far.
#[derive(Resource, Debug, Clone)]
pub struct Tools {
    /// The tool on, if any.
    pub active: Option<Tool>,
    /// The measured line's places, in order.
    pub points: Vec<LonLat>,
    /// The range circle's centre.
    pub center: Option<LonLat>,
    /// The range circle's radius (km).
    pub radius_km: f64,
    /// The range circle's label.
    pub label: String,
    /// Where the radius comes from (a report, a specification).
    pub source: String,
    /// The place clicked for a new event (taken by the event editor).
    pub placed: Option<LonLat>,
}

impl Default for Tools {
    fn default() -> Self {
        Tools {
            active: None,
            points: Vec::new(),
            center: None,
            radius_km: 300.0,
            label: String::new(),
            source: String::new(),
            placed: None,
        }
    }
}

impl Tools {
    /// The measured line's length along great circles (km).
    pub fn length_km(&self) -> f64 {
        path_km(&self.points)
    }

    /// A click on the map at a place, for the tool on.
    pub fn click(&mut self, at: LonLat) {
        match self.active {
            Some(Tool::Measure) => self.points.push(at),
            Some(Tool::Circle) => self.center = Some(at),
            Some(Tool::Place) => {
                self.placed = Some(at);
                self.active = None;
            }
            None => {}
        }
    }

    /// Turns a tool on (or off when it is on), keeping what it had.
    pub fn toggle(&mut self, tool: Tool) {
        self.active = if self.active == Some(tool) {
            None
        } else {
            Some(tool)
        };
    }
}

/// Whether no tool is on (a run condition: clicks then select markers and features).
pub fn tool_idle(tools: Option<Res<Tools>>) -> bool {
    tools.is_none_or(|t| t.active.is_none())
}

/// Adds the tools' state.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Tools>();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_measure_along_great_circles_and_set_the_circle() {
        let mut t = Tools::default();
        t.click([127.54, 39.92]);
        assert!(
            t.points.is_empty(),
            "no tool on: the click is not the tool's"
        );
        t.toggle(Tool::Measure);
        t.click([127.5364, 39.9183]); // Hamhung
        t.click([36.1846, 51.7269]); // Kursk
        assert!((t.length_km() - 6_726.0).abs() < 5.0, "{}", t.length_km());
        t.toggle(Tool::Circle);
        t.click([127.58, 39.97]);
        assert_eq!(t.center, Some([127.58, 39.97]));
        assert_eq!(t.points.len(), 2, "the measured line stays");
        t.toggle(Tool::Circle);
        assert!(t.active.is_none());
    }
}
