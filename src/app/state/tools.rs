//! The teaching tools in use: measuring a distance along great circles (places clicked on the
//! map or the globe) and a range circle (a centre clicked, a radius in km, a label and a note
//! of its source), arrows (two clicks: from, to) and text notes (a click: where). While a tool
//! is on, clicks on the map go to it, not to markers or layers. "Add step from screen" puts
//! them all in a lesson's step.

use bevy::prelude::*;

use crate::core::globe::path_km;
use crate::core::lesson::{Annotation, Text};
use crate::core::model::{LonLat, to_4_decimals};

/// A teaching tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tool {
    /// Measure a distance: each click adds a place.
    Measure,
    /// A range circle: a click sets its centre.
    Circle,
    /// Place a new event: the next click gives its position.
    Place,
    /// An arrow: a click where it starts, a click where it points.
    Arrow,
    /// A text note: a click where it goes.
    Note,
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
    /// Where the arrow being drawn starts (its first click).
    pub arrow_from: Option<LonLat>,
    /// The text the next arrow or note gets.
    pub text: String,
    /// The arrows and notes drawn, in order ([`Annotation::Arrow`] and [`Annotation::Note`]).
    pub drawings: Vec<Annotation>,
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
            arrow_from: None,
            text: String::new(),
            drawings: Vec::new(),
        }
    }
}

impl Tools {
    /// The measured line's length along great circles (km).
    pub fn length_km(&self) -> f64 {
        path_km(&self.points)
    }

    /// A click on the map at a place, for the tool on (kept to 4 decimals, about 10 m: a
    /// click is no finer, and a lesson file stays readable).
    pub fn click(&mut self, at: LonLat) {
        let at = to_4_decimals(at);
        match self.active {
            Some(Tool::Measure) => self.points.push(at),
            Some(Tool::Circle) => self.center = Some(at),
            Some(Tool::Place) => {
                self.placed = Some(at);
                self.active = None;
            }
            Some(Tool::Arrow) => match self.arrow_from.take() {
                None => self.arrow_from = Some(at),
                Some(from) => self.drawings.push(Annotation::Arrow {
                    from,
                    to: at,
                    label: Text::typed_english(&self.text),
                }),
            },
            Some(Tool::Note) => self.drawings.push(Annotation::Note {
                at,
                text: Text::typed_english(&self.text).unwrap_or_else(|| Text {
                    en: Some("Note".into()),
                    ko: Some("메모".into()),
                }),
            }),
            None => {}
        }
    }

    /// Whether anything is drawn (a line, a circle, an arrow, a note).
    pub fn has_marks(&self) -> bool {
        !self.points.is_empty()
            || self.center.is_some()
            || self.arrow_from.is_some()
            || !self.drawings.is_empty()
    }

    /// Turns a tool on (or off when it is on), keeping what it drew; the text typed for an
    /// arrow is not carried over to a note, nor a note's to an arrow.
    pub fn toggle(&mut self, tool: Tool) {
        self.active = if self.active == Some(tool) {
            None
        } else {
            self.text.clear();
            self.arrow_from = None;
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

    #[test]
    fn arrows_take_two_clicks_and_notes_one_with_the_text_typed() {
        let mut t = Tools::default();
        t.toggle(Tool::Arrow);
        t.text = " by rail ".into();
        t.click([129.7, 42.3]);
        assert!(t.drawings.is_empty(), "one click: the arrow's start");
        assert!(t.has_marks());
        t.click([131.9, 43.1]);
        assert_eq!(
            t.drawings,
            vec![Annotation::Arrow {
                from: [129.7, 42.3],
                to: [131.9, 43.1],
                label: Some(Text {
                    en: Some("by rail".into()),
                    ko: None
                }),
            }]
        );
        assert!(t.arrow_from.is_none(), "the next click starts a new arrow");
        t.toggle(Tool::Note);
        assert!(
            t.text.is_empty(),
            "the arrow's label is not the note's text"
        );
        t.click([36.2, 51.7]);
        match &t.drawings[1] {
            Annotation::Note { at, text } => {
                assert_eq!(*at, [36.2, 51.7]);
                assert_eq!(
                    text.en.as_deref(),
                    Some("Note"),
                    "an empty note gets a word"
                );
            }
            other => panic!("{other:?}"),
        }
    }
}
