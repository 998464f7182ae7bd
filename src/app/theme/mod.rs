//! Every colour, line style and status icon of the app, in one place: the atlas palette, line
//! styles, event categories, user layers, labels, and the egui accents.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::core::atlas::LineKind;
use crate::core::events::{CATEGORIES, category_index};
use crate::core::labels::{LabelKind, MapStyle};

pub mod icons;

/// Sea and lakes.
pub const SEA: Color = Color::srgb(0.745, 0.820, 0.867);
/// Muted land colours; neighbours never share one.
pub const LAND: [Color; 5] = [
    Color::srgb(0.925, 0.890, 0.800),
    Color::srgb(0.863, 0.898, 0.800),
    Color::srgb(0.922, 0.851, 0.820),
    Color::srgb(0.890, 0.851, 0.910),
    Color::srgb(0.945, 0.918, 0.741),
];
/// The map's colours in one style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    /// Sea and lakes.
    pub sea: Color,
    /// The story's countries (in the atlas style, every country), by colour index.
    pub land: [Color; 5],
    /// The other countries, by colour index.
    pub land_other: [Color; 5],
}

/// The atlas style: muted tints on a light sea, every country alike.
pub const ATLAS: Palette = Palette {
    sea: SEA,
    land: LAND,
    land_other: LAND,
};

/// The projector style (presenter mode): a sea 15 L* or more darker than any land, land
/// colours 6 L* or more apart (L* 94.5, 88, 81.5, 75, 68.5 by index, so neighbours always
/// differ), the story's countries tinted and the others in greys of the same lightness.
/// Made from CIELAB targets; the tests measure them.
pub const PROJECTOR: Palette = Palette {
    sea: Color::srgb(84.0 / 255.0, 132.0 / 255.0, 167.0 / 255.0),
    land: [
        Color::srgb(252.0 / 255.0, 239.0 / 255.0, 197.0 / 255.0),
        Color::srgb(205.0 / 255.0, 228.0 / 255.0, 182.0 / 255.0),
        Color::srgb(243.0 / 255.0, 191.0 / 255.0, 173.0 / 255.0),
        Color::srgb(189.0 / 255.0, 180.0 / 255.0, 214.0 / 255.0),
        Color::srgb(195.0 / 255.0, 161.0 / 255.0, 128.0 / 255.0),
    ],
    land_other: [
        Color::srgb(242.0 / 255.0, 239.0 / 255.0, 233.0 / 255.0),
        Color::srgb(223.0 / 255.0, 220.0 / 255.0, 215.0 / 255.0),
        Color::srgb(205.0 / 255.0, 202.0 / 255.0, 197.0 / 255.0),
        Color::srgb(187.0 / 255.0, 184.0 / 255.0, 179.0 / 255.0),
        Color::srgb(169.0 / 255.0, 167.0 / 255.0, 162.0 / 255.0),
    ],
};

/// The palette of a style.
pub fn palette(style: MapStyle) -> &'static Palette {
    match style {
        MapStyle::Atlas => &ATLAS,
        MapStyle::Projector => &PROJECTOR,
    }
}

/// Outside the Earth's outline on the world map: paper, not sea.
pub const OFF_EARTH: Color = Color::srgb(0.93, 0.935, 0.94);
/// The outline of the Earth on the world map.
pub const EARTH_OUTLINE: Color = Color::srgb(0.45, 0.55, 0.63);
/// Background behind the globe.
pub const SPACE: Color = Color::srgb(0.10, 0.12, 0.16);
/// Graticule on the flat map.
pub const GRATICULE: Color = Color::srgba(0.42, 0.55, 0.66, 0.45);
/// Degree labels at the map's edges: dark blue-grey on a light box (over 7:1 on it).
pub const GRATICULE_LABEL: Color = Color::srgb(0.15, 0.26, 0.36);
/// The box under a degree label.
pub const GRATICULE_LABEL_BOX: egui::Color32 =
    egui::Color32::from_rgba_premultiplied(200, 204, 208, 215);
/// Graticule on the globe.
pub const GLOBE_GRATICULE: Color = Color::srgba(0.55, 0.62, 0.70, 0.55);
/// The globe's atmosphere: a light blue rim round the disc, fading outwards.
pub const ATMOSPHERE: Color = Color::srgb(0.62, 0.80, 1.0);
/// The soft shading towards the globe's edge.
pub const GLOBE_SHADE: Color = Color::srgb(0.05, 0.08, 0.14);
/// Other countries' provinces on the globe are this much fainter (it shows them at every scale).
pub const GLOBE_PROVINCE_ALPHA: f32 = 0.35;

/// The rhythm of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinePattern {
    /// Unbroken (coasts, rivers, country borders).
    Solid,
    /// Dots as long as the line is wide, as far apart (provinces: fine and light).
    Dotted,
    /// Dashes about 8 px long every 14 px, the same along the whole line at every zoom (the
    /// MDL, whose position is approximate).
    Dashed,
}

/// How a line is drawn: colour, width in pixels, rhythm, and a light casing under it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LineStyle {
    /// Colour.
    pub color: Color,
    /// Width in screen pixels.
    pub width: f32,
    /// Solid, dotted or dashed.
    pub pattern: LinePattern,
    /// A wider, light line under it (colour, width in pixels) that sets it off from the
    /// fills either side: country borders.
    pub casing: Option<(Color, f32)>,
}

/// The light band under country borders.
pub const BORDER_CASING: Color = Color::srgba(1.0, 1.0, 1.0, 0.55);

/// Style of a line layer: country borders heaviest (dark, 1.6 px, on a 4.5 px light casing),
/// coasts blue-grey, provinces fine and dotted, rivers thin blue, the MDL red and dashed.
pub fn line_style(kind: LineKind) -> LineStyle {
    let (color, width, pattern, casing) = match kind {
        LineKind::River => (
            Color::srgb(0.478, 0.631, 0.761),
            1.0,
            LinePattern::Solid,
            None,
        ),
        LineKind::ProvinceOther => (
            Color::srgba(0.40, 0.37, 0.40, 0.8),
            1.1,
            LinePattern::Dotted,
            None,
        ),
        LineKind::ProvinceKorea => (
            Color::srgba(0.36, 0.32, 0.36, 0.9),
            1.3,
            LinePattern::Dotted,
            None,
        ),
        LineKind::Coast => (
            Color::srgb(0.353, 0.475, 0.561),
            1.2,
            LinePattern::Solid,
            None,
        ),
        LineKind::Border => (
            Color::srgb(0.30, 0.25, 0.30),
            1.6,
            LinePattern::Solid,
            Some((BORDER_CASING, 4.5)),
        ),
        LineKind::Mdl => (
            Color::srgb(0.70, 0.16, 0.12),
            2.2,
            LinePattern::Dashed,
            Some((BORDER_CASING, 4.5)),
        ),
    };
    LineStyle {
        color,
        width,
        pattern,
        casing,
    }
}

/// The colour of an event category (Okabe–Ito, colour-blind safe), for Bevy.
pub fn category(code: &str) -> Color {
    let [r, g, b] = CATEGORIES[category_index(code)].2;
    Color::srgb_u8(r, g, b)
}

/// The colour of an event category, for egui.
pub fn category_egui(code: &str) -> egui::Color32 {
    let [r, g, b] = CATEGORIES[category_index(code)].2;
    egui::Color32::from_rgb(r, g, b)
}

/// The white halo under an event marker.
pub const MARKER_HALO: Color = Color::srgba(1.0, 1.0, 1.0, 0.9);
/// The ring around the selected event's places.
pub const SELECTION_RING: Color = Color::srgb(0.1, 0.1, 0.1);
/// The pulsing ring around a place found with the search box.
pub const SEARCH_HIGHLIGHT: Color = Color::srgb(0.85, 0.15, 0.1);
/// Event areas are filled at this opacity.
pub const AREA_ALPHA: f32 = 0.25;

/// Colours for user layers (distinct from the land palette and the event categories).
pub const LAYER_COLOURS: [[u8; 3]; 6] = [
    [200, 30, 60],
    [110, 60, 170],
    [0, 140, 150],
    [150, 110, 0],
    [90, 90, 200],
    [180, 60, 140],
];
/// User layers' fills are drawn at this opacity.
pub const LAYER_FILL_ALPHA: f32 = 0.35;

/// The colour of a user layer, for Bevy.
pub fn layer(i: usize) -> Color {
    let [r, g, b] = LAYER_COLOURS[i % LAYER_COLOURS.len()];
    Color::srgb_u8(r, g, b)
}

/// A user layer's colour shaded by where a value sits in its range (`unit` 0 to 1): pale for
/// small values, dark for large ones, so size and shade say the same.
pub fn layer_shade(i: usize, unit: f32) -> Color {
    let mut c = Oklcha::from(layer(i));
    c.lightness = 0.82 - 0.5 * unit.clamp(0.0, 1.0);
    c.into()
}

/// The colour of a user layer, for egui.
pub fn layer_egui(i: usize) -> egui::Color32 {
    let [r, g, b] = LAYER_COLOURS[i % LAYER_COLOURS.len()];
    egui::Color32::from_rgb(r, g, b)
}

/// Text colour of a kind of label in a style: each at least 4.5:1 (WCAG AA) against every
/// colour it may lie on (tested).
pub fn label(kind: LabelKind, style: MapStyle) -> Color {
    if style == MapStyle::Projector {
        return match kind {
            LabelKind::Country => Color::srgb_u8(20, 17, 15),
            LabelKind::Capital | LabelKind::City => Color::srgb_u8(20, 20, 24),
            LabelKind::Province => Color::srgb_u8(40, 40, 45),
            LabelKind::Sea => Color::srgb_u8(5, 16, 34),
            LabelKind::Line => Color::srgb_u8(112, 6, 6),
        };
    }
    // Darker than WCAG asks of flat colours: small letters, anti-aliased, never reach their
    // full colour on screen (the CI captures measure what they do reach).
    match kind {
        LabelKind::Country => Color::srgb(0.21, 0.19, 0.18),
        LabelKind::Capital | LabelKind::City => Color::srgb(0.08, 0.08, 0.10),
        LabelKind::Province => Color::srgb(0.27, 0.24, 0.23),
        LabelKind::Sea => Color::srgb(0.07, 0.21, 0.40),
        LabelKind::Line => Color::srgb(0.52, 0.04, 0.04),
    }
}

/// The light halo around label text.
pub const LABEL_HALO: Color = Color::srgba(1.0, 1.0, 1.0, 0.85);
/// City dots: dark, white, and the red centre of a capital.
pub const DOT_DARK: Color = Color::srgb(0.12, 0.12, 0.14);
/// City dots' light part.
pub const DOT_LIGHT: Color = Color::WHITE;
/// Leader lines from a city's dot to a label placed away from it.
pub const LEADER: Color = Color::srgb(0.25, 0.25, 0.28);
/// A capital's red centre.
pub const DOT_CAPITAL: Color = Color::srgb(0.75, 0.12, 0.12);

/// The timeline's date cursor.
pub const CURSOR: egui::Color32 = egui::Color32::from_rgb(200, 40, 40);

/// The presenter's card: near-white, for a projector (dark text on it is about 15:1).
pub const PRESENTER_CARD: egui::Color32 =
    egui::Color32::from_rgba_premultiplied(250, 250, 247, 245);
/// Text on the presenter's card.
pub const PRESENTER_TEXT: egui::Color32 = egui::Color32::from_rgb(22, 26, 32);
/// Bold in the narration on the card: a deep blue (the font has one weight; about 10:1 on the
/// card).
pub const PRESENTER_BOLD: egui::Color32 = egui::Color32::from_rgb(0, 62, 140);
/// Hints and step dots on the card (about 7:1 on it).
pub const PRESENTER_HINT: egui::Color32 = egui::Color32::from_rgb(70, 78, 90);
/// The card's edge.
pub const PRESENTER_RULE: egui::Color32 = egui::Color32::from_rgb(150, 156, 165);
/// The right answer, once shown (dark green, about 7:1 on the card).
pub const PRESENTER_RIGHT: egui::Color32 = egui::Color32::from_rgb(0, 110, 50);
/// Rings round what a lesson's step highlights.
pub const LESSON_HIGHLIGHT: egui::Color32 = egui::Color32::from_rgb(230, 80, 0);
/// A lesson's arrows, circles and measured lines.
pub const ANNOTATION: egui::Color32 = egui::Color32::from_rgb(120, 30, 150);
/// The measure tool's line and the range circle.
pub const MEASURE: egui::Color32 = egui::Color32::from_rgb(0, 90, 180);
/// The box behind an annotation's text.
pub const ANNOTATION_BOX: egui::Color32 =
    egui::Color32::from_rgba_premultiplied(248, 248, 244, 235);
/// The shaded recent window on the timeline.
pub fn recent_window() -> egui::Color32 {
    egui::Color32::from_rgba_unmultiplied(120, 160, 220, 40)
}
/// Errors in the problems window and the top bar, on the dark panels (the light and
/// high-contrast panels have their own: [`panel_visuals`]).
pub const ERROR: egui::Color32 = egui::Color32::from_rgb(255, 110, 95);
/// Warnings in the problems window, on the dark panels.
pub const WARNING: egui::Color32 = egui::Color32::from_rgb(230, 180, 60);

/// The ring round what has the keyboard's focus: light blue on the dark panels, deep blue on
/// the light ones; yellow on black and blue on white in high contrast.
pub fn focus_ring(dark: bool, high_contrast: bool) -> egui::Color32 {
    match (dark, high_contrast) {
        (true, false) => egui::Color32::from_rgb(120, 190, 255),
        (false, false) => egui::Color32::from_rgb(0, 90, 200),
        (true, true) => egui::Color32::from_rgb(255, 214, 0),
        (false, true) => egui::Color32::from_rgb(0, 60, 200),
    }
}

/// The panels' colours: egui's dark (beside the atlas) or light (projector) theme, or a
/// high-contrast one (pure black or white, yellow selection and focus, thicker outlines);
/// every text colour at least 4.5:1 on the panels it is drawn on (tested).
pub fn panel_visuals(dark: bool, high_contrast: bool) -> egui::Visuals {
    use egui::{Color32, Stroke};
    let mut v = if dark {
        egui::Visuals::dark()
    } else {
        egui::Visuals::light()
    };
    // Readable secondary text (dates, hints): egui's default fades it to about 2.5:1.
    v.weak_text_color = Some(if dark {
        Color32::from_gray(165)
    } else {
        Color32::from_gray(85)
    });
    v.error_fg_color = if dark {
        ERROR
    } else {
        Color32::from_rgb(175, 25, 15)
    };
    v.warn_fg_color = if dark {
        WARNING
    } else {
        Color32::from_rgb(140, 85, 0)
    };
    if !dark {
        // egui's light links read at under 3:1 on its light panels.
        v.hyperlink_color = Color32::from_rgb(0, 80, 190);
    }
    // The keyboard's focus (drawn with the active style) as a clear 2 px ring.
    v.widgets.active.bg_stroke = egui::Stroke::new(2.0, focus_ring(dark, false));
    if !high_contrast {
        return v;
    }
    let (bg, fg) = if dark {
        (Color32::BLACK, Color32::WHITE)
    } else {
        (Color32::WHITE, Color32::BLACK)
    };
    // Yellow on black, deep blue on white: selection and keyboard focus stand out.
    let accent = focus_ring(dark, true);
    v.weak_text_color = Some(fg);
    v.panel_fill = bg;
    v.window_fill = bg;
    v.extreme_bg_color = bg;
    v.faint_bg_color = if dark {
        Color32::from_gray(28)
    } else {
        Color32::from_gray(235)
    };
    v.window_stroke = Stroke::new(2.0, fg);
    v.hyperlink_color = if dark {
        Color32::from_rgb(130, 200, 255)
    } else {
        Color32::from_rgb(0, 50, 180)
    };
    v.error_fg_color = if dark {
        Color32::from_rgb(255, 120, 110)
    } else {
        Color32::from_rgb(170, 0, 0)
    };
    v.warn_fg_color = if dark {
        Color32::from_rgb(255, 214, 0)
    } else {
        Color32::from_rgb(120, 70, 0)
    };
    let w = &mut v.widgets;
    for (state, width) in [
        (&mut w.noninteractive, 1.0),
        (&mut w.inactive, 1.5),
        (&mut w.hovered, 2.5),
        (&mut w.active, 2.5),
        (&mut w.open, 2.0),
    ] {
        state.bg_fill = bg;
        state.weak_bg_fill = bg;
        state.fg_stroke = Stroke::new(width, fg);
        state.bg_stroke = Stroke::new(width, fg);
    }
    w.hovered.bg_stroke = Stroke::new(2.5, accent);
    w.active.bg_stroke = Stroke::new(2.5, accent);
    v.selection.bg_fill = accent;
    v.selection.stroke = Stroke::new(2.0, if dark { Color32::BLACK } else { Color32::WHITE });
    v
}
/// The light box behind a "route not reported" mark on the map, at an event's opacity.
pub fn route_mark_box(opacity: f32) -> egui::Color32 {
    egui::Color32::from_white_alpha((200.0 * opacity.clamp(0.0, 1.0)) as u8)
}
/// Neutral grey for status icons in the legend and the filters.
pub const ICON_GREY: egui::Color32 = egui::Color32::from_gray(60);

/// Black or white, whichever has the higher contrast on `bg` (text on a filled bar).
pub fn ink_on(bg: egui::Color32) -> egui::Color32 {
    let c = [bg.r(), bg.g(), bg.b()];
    let on_black = crate::core::colour::contrast_ratio(c, [0, 0, 0]);
    let on_white = crate::core::colour::contrast_ratio(c, [255, 255, 255]);
    if on_black >= on_white {
        egui::Color32::BLACK
    } else {
        egui::Color32::WHITE
    }
}

/// Converts a Bevy colour for egui.
pub fn to_egui(c: Color) -> egui::Color32 {
    let s = c.to_srgba();
    egui::Color32::from_rgba_unmultiplied(
        (s.red * 255.0) as u8,
        (s.green * 255.0) as u8,
        (s.blue * 255.0) as u8,
        (s.alpha * 255.0) as u8,
    )
}

/// Clears the window to the sea's colour.
pub fn plugin(app: &mut App) {
    app.insert_resource(ClearColor(SEA));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG contrast ratio of two opaque egui colours.
    fn contrast(a: egui::Color32, b: egui::Color32) -> f64 {
        crate::core::colour::contrast_ratio([a.r(), a.g(), a.b()], [b.r(), b.g(), b.b()])
    }

    /// A (premultiplied) egui colour as it shows over an opaque background.
    fn over(c: egui::Color32, bg: egui::Color32) -> egui::Color32 {
        let k = 1.0 - f32::from(c.a()) / 255.0;
        let mix = |f: u8, b: u8| (f32::from(f) + f32::from(b) * k).round().min(255.0) as u8;
        egui::Color32::from_rgb(mix(c.r(), bg.r()), mix(c.g(), bg.g()), mix(c.b(), bg.b()))
    }

    #[test]
    fn text_on_every_panel_reaches_wcag_aa_in_all_four_themes() {
        for dark in [true, false] {
            for high in [false, true] {
                let v = panel_visuals(dark, high);
                let texts = [
                    ("text", v.text_color()),
                    ("strong text", v.strong_text_color()),
                    ("weak text", v.weak_text_color()),
                    ("buttons", v.widgets.inactive.text_color()),
                    ("links", v.hyperlink_color),
                    ("errors", v.error_fg_color),
                    ("warnings", v.warn_fg_color),
                ];
                let grounds = [
                    ("panel", v.panel_fill),
                    ("window", v.window_fill),
                    ("timeline and fields", v.extreme_bg_color),
                ];
                for (what, c) in texts {
                    for (on, bg) in grounds {
                        let r = contrast(over(c, bg), bg);
                        assert!(
                            r >= 4.5,
                            "dark {dark}, high contrast {high}: {what} on the {on} {r:.2}:1"
                        );
                    }
                }
                // A button's label on the button, and selected text on the selection.
                let button = over(v.widgets.inactive.weak_bg_fill, v.panel_fill);
                let r = contrast(v.widgets.inactive.text_color(), button);
                assert!(r >= 4.5, "dark {dark}, high {high}: button label {r:.2}:1");
                let sel = over(v.selection.bg_fill, v.panel_fill);
                let r = contrast(v.selection.stroke.color, sel);
                assert!(r >= 4.5, "dark {dark}, high {high}: selected {r:.2}:1");
                // The focus ring stands out from the panel (WCAG's 3:1 for outlines).
                let ring = v.widgets.active.bg_stroke;
                assert!(ring.width >= 2.0 && contrast(ring.color, v.panel_fill) >= 3.0);
                if high {
                    // Pure black and white, and focus outlines thicker than egui's.
                    assert!(contrast(v.text_color(), v.panel_fill) >= 19.0);
                    assert!(v.widgets.hovered.bg_stroke.width >= 2.0);
                }
            }
        }
    }

    /// A Bevy colour as 8-bit sRGB.
    fn rgb(c: Color) -> crate::core::colour::Rgb {
        let s = c.to_srgba();
        [s.red, s.green, s.blue].map(|v| (v * 255.0).round() as u8)
    }

    #[test]
    fn every_kind_of_label_is_readable_on_land_sea_and_paper() {
        use crate::core::colour::contrast_ratio;
        let grounds: Vec<(String, Color)> = LAND
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("land {i}"), *c))
            .chain([("sea".to_string(), SEA), ("paper".to_string(), OFF_EARTH)])
            .collect();
        for kind in [
            LabelKind::Country,
            LabelKind::Capital,
            LabelKind::City,
            LabelKind::Province,
            LabelKind::Sea,
            LabelKind::Line,
        ] {
            for (name, ground) in &grounds {
                let r = contrast_ratio(rgb(label(kind, MapStyle::Atlas)), rgb(*ground));
                assert!(r >= 4.5, "{kind:?} names on {name}: {r:.2}:1, want 4.5:1");
            }
        }
    }

    #[test]
    fn the_projector_style_survives_a_projector() {
        use crate::core::colour::{contrast_ratio, lab};
        let p = &PROJECTOR;
        let l = |c: Color| lab(rgb(c));
        let sea = l(p.sea)[0];
        let lands: Vec<(String, Color)> = (0..5)
            .flat_map(|i| {
                [
                    (format!("story land {i}"), p.land[i]),
                    (format!("other land {i}"), p.land_other[i]),
                ]
            })
            .collect();
        for (name, c) in &lands {
            let d = l(*c)[0] - sea;
            assert!(
                d >= 15.0,
                "{name} is only {d:.1} L* lighter than the sea, want 15"
            );
        }
        // Neighbours never share a colour index: any two indices, story or not, 6 L* apart.
        for i in 0..5 {
            for j in 0..5 {
                if i == j {
                    continue;
                }
                for (a, b) in [
                    (p.land[i], p.land[j]),
                    (p.land[i], p.land_other[j]),
                    (p.land_other[i], p.land_other[j]),
                ] {
                    let d = (l(a)[0] - l(b)[0]).abs();
                    assert!(
                        d >= 6.0,
                        "land colours {i} and {j} are {d:.1} L* apart, want 6"
                    );
                }
            }
            // The story's countries tinted, the others grey.
            let chroma = |c: Color| l(c)[1].hypot(l(c)[2]);
            assert!(chroma(p.land_other[i]) <= 5.0, "other land {i} is not grey");
            assert!(
                chroma(p.land[i]) >= chroma(p.land_other[i]) + 8.0,
                "story land {i} is not stronger than the others"
            );
        }
        // Text on what it may lie on: names of places and countries on land and sea, sea
        // names on the sea, provinces and the MDL on land.
        let sea_only = [("sea".to_string(), p.sea)];
        let land_and_sea: Vec<(String, Color)> = lands
            .iter()
            .cloned()
            .chain(sea_only.iter().cloned())
            .collect();
        for (kind, grounds) in [
            (LabelKind::Country, &land_and_sea[..]),
            (LabelKind::Capital, &land_and_sea[..]),
            (LabelKind::City, &land_and_sea[..]),
            (LabelKind::Province, &lands[..]),
            (LabelKind::Sea, &sea_only[..]),
            (LabelKind::Line, &lands[..]),
        ] {
            for (name, ground) in grounds {
                let r = contrast_ratio(rgb(label(kind, MapStyle::Projector)), rgb(*ground));
                assert!(r >= 4.5, "{kind:?} names on {name}: {r:.2}:1, want 4.5:1");
            }
        }
        // The atlas style keeps its own colours.
        assert_eq!(palette(MapStyle::Atlas).sea, SEA);
    }

    #[test]
    fn the_presenters_text_is_readable_on_its_card() {
        // The card is drawn almost opaque over the map: its own colour, unpremultiplied.
        let card = egui::Color32::from_rgb(250, 250, 247);
        for (name, c, least) in [
            ("text", PRESENTER_TEXT, 12.0),
            ("bold", PRESENTER_BOLD, 7.0),
            ("hints", PRESENTER_HINT, 7.0),
            ("right answer", PRESENTER_RIGHT, 4.5),
        ] {
            let r = contrast(c, card);
            assert!(r >= least, "{name}: {r:.1}:1 on the card, want {least}:1");
        }
        // Bold must differ from the body text to be seen as emphasis.
        let d = (PRESENTER_BOLD.b() as i32 - PRESENTER_TEXT.b() as i32).abs();
        assert!(d > 60, "bold is not told apart from the text");
    }
}
