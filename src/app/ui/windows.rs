//! Windows and overlays over the map: the legend, Controls (every shortcut), About (credits
//! and licences); and the insets the panels leave for the map, measured each frame.

use bevy::prelude::*;

use crate::app::render::atlas::{DASH_ON, DASH_PX};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::free_rect;
use super::words::{category_name, line_kind_name, projection_note};
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::LessonState;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::screen::{MapInsets, Projector, UiLayout};
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::atlas::LineKind;
use crate::core::events::{CATEGORIES, Status};
use crate::core::i18n::UiLang;
use crate::core::tr;

use crate::core::labels::MapStyle;
use crate::core::view::Insets;

/// Attribution text shown in the About panel (also in assets/CREDITS.txt).
pub const CREDITS: &str = include_str!("../../../assets/CREDITS.txt");

/// Which windows are open.
#[derive(Resource, Debug, Default)]
pub struct Windows {
    /// About / credits.
    pub about: bool,
    /// Keyboard and mouse controls.
    pub help: bool,
}

/// Adds the legend, Controls and About, and the insets measurement.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Windows>().add_systems(
        EguiPrimaryContextPass,
        overlays.in_set(AppSystems::UiOverlays),
    );
}

#[allow(clippy::too_many_arguments)]
fn overlays(
    mut contexts: EguiContexts,
    mut state: ResMut<Windows>,
    mut layout: ResMut<UiLayout>,
    mut insets: ResMut<MapInsets>,
    projector: Res<Projector>,
    lesson: Res<LessonState>,
    toggles: Res<LayerToggles>,
    window: Single<&Window>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    let ctx = contexts.ctx_mut()?;
    let free = free_rect(ctx, &layout);
    let (w, h) = (window.width(), window.height());
    insets.0 = Insets([
        free.top() as f64,
        (w - free.right()).max(0.0) as f64,
        (h - free.bottom()).max(0.0) as f64,
        free.left() as f64,
    ]);
    // Presenting: no legend, Controls or About (the card says what the keys do).
    if lesson.presenting {
        return Ok(());
    }
    let legend = egui::Area::new("legend".into())
        .fixed_pos(free.left_bottom() + egui::vec2(8.0, -8.0))
        .pivot(egui::Align2::LEFT_BOTTOM)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                // Open by default only where it leaves room for the map.
                egui::CollapsingHeader::new(egui::RichText::new(tr!(lang, "legend")).strong())
                    .default_open(free.height() > 760.0 && free.width() > 1000.0)
                    .show(ui, |ui| legend(ui, lang, &projector, toggles.style));
            });
        });
    layout.cover(legend.response.rect);

    if state.help {
        egui::Window::new(tr!(lang, "controls-title"))
            .id(egui::Id::new("controls"))
            .open(&mut state.help)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for (k, v) in SHORTCUTS {
                        let (k, v) = (lang.t(k), lang.t(v));
                        ui.strong(k);
                        ui.label(v);
                        ui.end_row();
                    }
                });
            });
    }
    if state.about {
        egui::Window::new(tr!(lang, "about-title"))
            .id(egui::Id::new("about"))
            .open(&mut state.about)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label(tr!(lang, "about-intro"));
                ui.label(tr!(lang, "about-credits"));
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.label(egui::RichText::new(CREDITS).monospace().size(11.0));
                    });
            });
    }
    Ok(())
}

/// The legend's contents: the map's colours in the style shown, lines, names and their
/// symbols, event markers as they look on the map (on a light swatch), the categories'
/// colours, and the projection shown.
fn legend(ui: &mut egui::Ui, lang: UiLang, projector: &Projector, style: MapStyle) {
    let swatch = |ui: &mut egui::Ui, c: Color, text: String| {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, theme::to_egui(c));
            ui.label(text);
        });
    };
    let p = theme::palette(style);
    if style == MapStyle::Projector {
        swatch(ui, p.land[0], tr!(lang, "legend-story-countries"));
        swatch(ui, p.land_other[1], tr!(lang, "legend-other-countries"));
    } else {
        swatch(ui, p.land[0], tr!(lang, "legend-land"));
    }
    swatch(ui, p.sea, tr!(lang, "legend-sea"));
    for kind in [
        LineKind::Coast,
        LineKind::Border,
        LineKind::Mdl,
        LineKind::ProvinceKorea,
        LineKind::River,
    ] {
        let theme::LineStyle {
            color: c,
            width: w,
            pattern,
            casing,
        } = theme::line_style(kind);
        ui.horizontal(|ui| {
            // On the land's colour, as on the map.
            let (r, _) = ui.allocate_exact_size(egui::vec2(28.0, 14.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, theme::to_egui(p.land[0]));
            let y = r.center().y;
            let ends = [
                egui::pos2(r.left() + 2.0, y),
                egui::pos2(r.right() - 2.0, y),
            ];
            if let Some((cc, cw)) = casing {
                ui.painter()
                    .line_segment(ends, egui::Stroke::new(cw, theme::to_egui(cc)));
            }
            let stroke = egui::Stroke::new(w, theme::to_egui(c));
            match pattern {
                theme::LinePattern::Dashed => {
                    // The map's rhythm (render::atlas): DASH_PX a dash and its gap.
                    let on = DASH_PX as f32 * DASH_ON;
                    ui.painter().add(egui::Shape::dashed_line(
                        &ends,
                        stroke,
                        on,
                        DASH_PX as f32 - on,
                    ));
                }
                theme::LinePattern::Dotted => {
                    // Dots a line's width long, as far apart (Bevy's dotted gizmo lines).
                    ui.painter().extend(egui::Shape::dotted_line(
                        &ends,
                        theme::to_egui(c),
                        2.0 * w,
                        w / 2.0,
                    ));
                }
                theme::LinePattern::Solid => {
                    ui.painter().line_segment(ends, stroke);
                }
            }
            ui.label(line_kind_name(lang, kind));
        });
    }

    // Names: a town's dot, a capital's symbol, a leader line (painted as on the map, on land).
    let land = theme::to_egui(p.land[0]);
    let symbol = |ui: &mut egui::Ui, paint: &dyn Fn(&egui::Painter, egui::Pos2), text: String| {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(22.0, 16.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, land);
            paint(ui.painter(), r.center());
            ui.label(text);
        });
    };
    let dark = theme::to_egui(theme::DOT_DARK);
    let white = theme::to_egui(theme::DOT_LIGHT);
    symbol(
        ui,
        &|pt, c| {
            pt.circle_filled(c, 3.5, white);
            pt.circle_filled(c, 2.5, dark);
        },
        tr!(lang, "legend-town"),
    );
    symbol(
        ui,
        &|pt, c| {
            pt.circle_filled(c, 4.5, dark);
            pt.circle_filled(c, 2.8, white);
            pt.circle_filled(c, 1.35, theme::to_egui(theme::DOT_CAPITAL));
        },
        tr!(lang, "legend-capital"),
    );
    symbol(
        ui,
        &|pt, c| {
            pt.circle_filled(c - egui::vec2(6.0, -3.0), 2.5, dark);
            pt.line_segment(
                [c - egui::vec2(4.0, -2.0), c + egui::vec2(8.0, -5.0)],
                egui::Stroke::new(1.0, theme::to_egui(theme::LEADER)),
            );
        },
        tr!(lang, "legend-leader"),
    );

    ui.separator();
    ui.label(egui::RichText::new(tr!(lang, "legend-status")).small());
    // Markers on a light swatch, as they look on the map's land.
    for s in crate::core::events::Status::ALL {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 3.0, land);
            crate::app::theme::icons::paint_status(ui.painter(), r.center(), 6.0, s, dark);
            ui.label(match s {
                Status::Confirmed => tr!(lang, "legend-confirmed"),
                Status::Reported => tr!(lang, "legend-reported"),
                Status::Claimed => tr!(lang, "legend-claimed"),
                Status::Disputed => tr!(lang, "legend-disputed"),
                Status::Denied => tr!(lang, "legend-denied"),
            });
        });
    }
    ui.label(egui::RichText::new(tr!(lang, "legend-category")).small());
    egui::Grid::new("legend-categories").show(ui, |ui| {
        for (i, (code, _, _)) in CATEGORIES.iter().enumerate() {
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 5.0, theme::category_egui(code));
                ui.label(egui::RichText::new(category_name(lang, code)).small());
            });
            if i % 2 == 1 {
                ui.end_row();
            }
        }
    });
    symbol(
        ui,
        &|pt, c| {
            pt.circle_stroke(
                c,
                6.5,
                egui::Stroke::new(2.0, theme::to_egui(theme::SELECTION_RING)),
            );
        },
        tr!(lang, "legend-ring"),
    );
    ui.label(egui::RichText::new(tr!(lang, "legend-notes")).small());
    ui.separator();
    ui.label(egui::RichText::new(projection_note(lang, projector)).small());
}

/// The Controls window's rows: a key and what it does, as catalogue keys.
pub const SHORTCUTS: [(&str, &str); 27] = [
    ("key-drag", "key-drag-does"),
    ("key-wheel", "key-wheel-does"),
    ("key-arrows", "key-arrows-does"),
    ("key-home", "key-home-does"),
    ("key-l", "key-l-does"),
    ("key-space", "key-space-does"),
    ("key-prev", "key-prev-does"),
    ("key-next", "key-next-does"),
    ("key-e", "key-e-does"),
    ("key-click-marker", "key-click-marker-does"),
    ("key-f1", "key-f1-does"),
    ("key-g", "key-g-does"),
    ("key-find", "key-find-does"),
    ("key-open", "key-open-does"),
    ("key-click-feature", "key-click-feature-does"),
    ("key-hover-city", "key-hover-city-does"),
    ("key-esc", "key-esc-does"),
    ("key-save", "key-save-does"),
    ("key-measure", "key-measure-does"),
    ("key-draw", "key-draw-does"),
    ("key-present", "key-present-does"),
    ("key-ui-lang", "key-ui-lang-does"),
    ("key-timeline-steps", "key-timeline-steps-does"),
    ("key-cycle", "key-cycle-does"),
    ("key-tab", "key-tab-does"),
    ("key-text-size", "key-text-size-does"),
    ("key-high-contrast", "key-high-contrast-does"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shortcut_is_listed_in_both_languages() {
        for (key, does) in SHORTCUTS {
            for lang in UiLang::ALL {
                assert!(
                    lang.has(key) && lang.has(does),
                    "{key} / {does} in {lang:?}"
                );
            }
        }
        // The keys the shortcuts handle are all listed.
        let listed: Vec<String> = SHORTCUTS.iter().map(|(k, _)| UiLang::En.t(k)).collect();
        for key in ["Ctrl+L", "Ctrl+Shift+H", "N / P (Shift: back)", "F1", "Esc"] {
            assert!(listed.iter().any(|l| l == key), "{key} is not listed");
        }
    }
}
