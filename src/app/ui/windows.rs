//! Windows and overlays over the map: the legend, Controls (every shortcut), About (credits
//! and licences); and the insets the panels leave for the map, measured each frame.

use bevy::prelude::*;

use crate::app::render::atlas::{DASH_ON, DASH_PX};
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::free_rect;
use crate::app::state::layers::LayerToggles;
use crate::app::state::lesson::LessonState;
use crate::app::state::screen::{MapInsets, Projector, UiLayout};
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::atlas::LineKind;
use crate::core::events::{CATEGORIES, Status};
use crate::core::labels::MapStyle;
use crate::core::projection::MapKind;
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
) -> Result {
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
                egui::CollapsingHeader::new(egui::RichText::new("Legend").strong())
                    .default_open(free.height() > 760.0 && free.width() > 1000.0)
                    .show(ui, |ui| legend(ui, &projector, toggles.style));
            });
        });
    layout.cover(legend.response.rect);

    if state.help {
        egui::Window::new("Controls")
            .open(&mut state.help)
            .collapsible(false)
            .show(ctx, |ui| {
                egui::Grid::new("keys").striped(true).show(ui, |ui| {
                    for (k, v) in [
                        ("Drag", "move the map"),
                        ("Wheel, + / −", "zoom about the pointer"),
                        ("Arrow keys", "move the map"),
                        ("Home", "back to the start view"),
                        ("L", "names: English → 한국어 → both"),
                        ("Space", "play or pause the timeline"),
                        (", or [", "previous event"),
                        (". or ]", "next event"),
                        ("E", "show or hide the event list"),
                        ("Click a marker", "open the event's card"),
                        ("F1", "show or hide this window"),
                        ("G", "switch between the map and the globe"),
                        ("Ctrl+F or /", "find a place"),
                        (
                            "Ctrl+O",
                            "open a GeoJSON, TopoJSON, KML/KMZ, zipped shapefile or CSV file (or drop it on the window)",
                        ),
                        ("Click a feature", "show its properties (your layers)"),
                        ("Hover a city", "its names, population, province, country"),
                        ("Esc", "close windows and the event card"),
                        (
                            "Ctrl+Shift+S",
                            "save the view as a picture, or the lesson's slides and handout",
                        ),
                        (
                            "M, C",
                            "measure a distance along great circles (click places; Delete removes the last) / a range circle (click its centre, set the radius); again or Esc to stop",
                        ),
                        (
                            "A, T",
                            "draw an arrow (click where it starts and where it points) / a text note (click where it goes); Delete removes the last",
                        ),
                        (
                            "F5",
                            "present the lesson (the bundled one if none is open); then → / PageDown / Space / click: next, ← / PageUp / right click: back, R: the answer, B: blank, + / −: type size, Esc: leave",
                        ),
                    ] {
                        ui.strong(k);
                        ui.label(v);
                        ui.end_row();
                    }
                });
            });
    }
    if state.about {
        egui::Window::new("About Dateline").open(&mut state.about).default_width(520.0).show(ctx, |ui| {
            ui.label("An offline atlas of the Korean peninsula and its region, for learning the geography of the news.");
            ui.separator();
            egui::ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
                ui.label(egui::RichText::new(CREDITS).monospace().size(11.0));
            });
        });
    }
    Ok(())
}

/// What the map is drawn on, for the legend's last line.
pub fn projection_note(projector: &Projector) -> &'static str {
    match projector {
        Projector::Map(_, MapKind::Regional) => {
            "Map: Lambert conformal conic centred on 105°E (shapes true in the region)"
        }
        Projector::Map(_, MapKind::World) => {
            "Map: Equal Earth centred on 150°E (areas true; zoom in for the region's map)"
        }
        Projector::Globe(..) => "Globe: the Earth as a sphere",
    }
}

/// The legend's contents: the map's colours in the style shown, lines, names and their
/// symbols, event markers as they look on the map (on a light swatch), the categories'
/// colours, and the projection shown.
fn legend(ui: &mut egui::Ui, projector: &Projector, style: MapStyle) {
    let swatch = |ui: &mut egui::Ui, c: Color, text: &str| {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(22.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 2.0, theme::to_egui(c));
            ui.label(text);
        });
    };
    let p = theme::palette(style);
    if style == MapStyle::Projector {
        swatch(ui, p.land[0], "countries of the story");
        swatch(ui, p.land_other[1], "other countries");
    } else {
        swatch(ui, p.land[0], "land (neighbours in different colours)");
    }
    swatch(ui, p.sea, "sea and lakes");
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
            ui.label(kind.name());
        });
    }

    // Names: a town's dot, a capital's symbol, a leader line (painted as on the map, on land).
    let land = theme::to_egui(p.land[0]);
    let symbol = |ui: &mut egui::Ui, paint: &dyn Fn(&egui::Painter, egui::Pos2), text: &str| {
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
        "town (bigger name: more people)",
    );
    symbol(
        ui,
        &|pt, c| {
            pt.circle_filled(c, 4.5, dark);
            pt.circle_filled(c, 2.8, white);
            pt.circle_filled(c, 1.35, theme::to_egui(theme::DOT_CAPITAL));
        },
        "capital (bold name)",
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
        "leader line to a name set apart",
    );

    ui.separator();
    ui.label(egui::RichText::new("Events: how sure (shape)").small());
    // Markers on a light swatch, as they look on the map's land.
    for s in crate::core::events::Status::ALL {
        ui.horizontal(|ui| {
            let (r, _) = ui.allocate_exact_size(egui::vec2(18.0, 18.0), egui::Sense::hover());
            ui.painter().rect_filled(r, 3.0, land);
            crate::app::theme::icons::paint_status(ui.painter(), r.center(), 6.0, s, dark);
            ui.label(match s {
                Status::Confirmed => "confirmed: solid",
                Status::Reported => "reported, not confirmed: hollow",
                Status::Claimed => "claimed by one side: dashed",
                Status::Disputed => "disputed: half-filled",
                Status::Denied => "denied: struck through",
            });
        });
    }
    ui.label(egui::RichText::new("Events: what happened (colour)").small());
    egui::Grid::new("legend-categories").show(ui, |ui| {
        for (i, (code, name, _)) in CATEGORIES.iter().enumerate() {
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 5.0, theme::category_egui(code));
                ui.label(egui::RichText::new(*name).small());
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
        "ring: the selected event's place",
    );
    ui.label(
        egui::RichText::new(
            "Arrows: routes, growing over their dates.\nDashed circle: place known only roughly.\nTimeline: diamond, one day; filled bar, days;\npale bar, known to the month or year.",
        )
        .small(),
    );
    ui.separator();
    ui.label(egui::RichText::new(projection_note(projector)).small());
}
