//! Status icons drawn like the map's markers: solid (confirmed), hollow (reported), dashed
//! (claimed), half-filled (disputed), struck (denied); for lists, cards, filters and the legend.

use bevy_egui::egui;

use crate::core::events::Status;

/// Paints a status icon of radius `r` at `c`.
pub fn paint_status(
    painter: &egui::Painter,
    c: egui::Pos2,
    r: f32,
    status: Status,
    color: egui::Color32,
) {
    let ring = egui::Stroke::new(r * 0.42, color);
    let rr = r * 0.79;
    painter.circle_filled(c, r * 1.25, egui::Color32::from_white_alpha(230));
    match status {
        Status::Confirmed => {
            painter.circle_filled(c, r, color);
        }
        Status::Reported => {
            painter.circle_stroke(c, rr, ring);
        }
        Status::Claimed => {
            for k in 0..8 {
                let a0 = k as f32 * std::f32::consts::TAU / 8.0;
                let pts: Vec<egui::Pos2> = (0..=4)
                    .map(|j| {
                        let a = a0 + j as f32 * std::f32::consts::TAU / 64.0;
                        c + egui::vec2(a.cos(), a.sin()) * rr
                    })
                    .collect();
                painter.add(egui::Shape::line(pts, ring));
            }
        }
        Status::Disputed => {
            painter.circle_stroke(c, rr, ring);
            let pts: Vec<egui::Pos2> = (0..=16)
                .map(|j| {
                    let a = std::f32::consts::FRAC_PI_2 + j as f32 * std::f32::consts::PI / 16.0;
                    c + egui::vec2(a.cos(), -a.sin()) * r * 0.6
                })
                .collect();
            painter.add(egui::Shape::convex_polygon(pts, color, egui::Stroke::NONE));
        }
        Status::Denied => {
            painter.circle_stroke(c, rr, ring);
            let d = egui::vec2(1.0, -1.0).normalized() * r * 1.3;
            painter.line_segment([c - d, c + d], egui::Stroke::new(r * 0.3, color));
        }
    }
}

/// A status icon as a widget.
pub fn status_icon(ui: &mut egui::Ui, status: Status, color: egui::Color32) -> egui::Response {
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
    paint_status(ui.painter(), rect.center(), 6.0, status, color);
    resp
}
