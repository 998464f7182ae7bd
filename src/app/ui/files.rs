//! The files window (each opened file with its colour, show/hide, Reload, Remove, progress
//! and status) and the problems window (every problem with its place and what to do).

use std::sync::atomic::Ordering;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::{cover_window, free_rect};
use crate::app::files::store::{FileEvent, OpenFiles, UserFile};
use crate::app::state::lesson::not_presenting;
use crate::app::state::requests::{FileRequest, ShowOpenDialog};
use crate::app::state::screen::UiLayout;
use crate::app::state::story::Clock;
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::problem::{Place, Problem, Severity};
use crate::core::timeline::long_date;
use crate::core::userfile::{Content, Layer};

/// Which of the two windows are open.
#[derive(Resource, Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileWindows {
    /// The files window.
    pub files: bool,
    /// The problems window.
    pub problems: bool,
}

/// Adds the two windows; they open by themselves when a file is opened or has errors.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FileWindows>()
        .add_systems(Update, open_on_news.in_set(AppSystems::Layers))
        .add_systems(
            EguiPrimaryContextPass,
            (files_window, problems_window)
                .chain()
                .run_if(not_presenting)
                .in_set(AppSystems::UiOverlays),
        );
}

/// Shows the files window when a file is opened, the problems window when a load has errors.
fn open_on_news(mut news: MessageReader<FileEvent>, mut windows: ResMut<FileWindows>) {
    for n in news.read() {
        match n {
            FileEvent::Opened(_) => windows.files = true,
            FileEvent::Loaded { errors: true, .. } => windows.problems = true,
            FileEvent::Loaded { .. } => {}
        }
    }
}

fn status_line(f: &UserFile) -> String {
    if let Some(l) = &f.loading {
        let total = l.progress.total.load(Ordering::Relaxed).max(1);
        return format!(
            "{}… {:.0}% of {:.1} MB ({:.0} s)",
            l.progress.stage(),
            l.progress.fraction() * 100.0,
            total as f64 / 1e6,
            l.started.elapsed().as_secs_f64()
        );
    }
    let (e, w) = f.problem_counts();
    let what = match &f.good {
        Some(Content::Layer(l)) => format!("{} features", l.features.len()),
        Some(Content::Events(ev)) => format!("{} events on the timeline", ev.len()),
        None => "nothing loaded".into(),
    };
    let mut s = what;
    if f.stale {
        s.push_str(" (last good version: the saved file has errors)");
    }
    if e > 0 {
        s.push_str(&format!(" · {e} error(s)"));
    }
    if w > 0 {
        s.push_str(&format!(" · {w} warning(s)"));
    }
    s
}

/// A layer's timeline range (for a timed layer) and the choice of the number its points are
/// sized and shaded by.
fn layer_controls(
    ui: &mut egui::Ui,
    f: &UserFile,
    l: &Layer,
    requests: &mut MessageWriter<FileRequest>,
    clock: Option<&mut Clock>,
) {
    if let Some(t) = &l.time {
        ui.label(
            egui::RichText::new(format!(
                "Appears with the timeline by \"{}\": {} – {}",
                t.field,
                long_date(t.first),
                long_date(t.last)
            ))
            .small(),
        );
        if let Some(c) = clock
            && c.focus != Some((t.first, t.last))
            && ui
                .small_button("Timeline on these dates")
                .on_hover_text("Narrow the timeline to this file's dates, to play them")
                .clicked()
        {
            c.set_focus(Some((t.first, t.last)));
        }
    }
    for (name, r) in &l.groups {
        let mut on = !f.hidden_groups.contains(name);
        if ui
            .checkbox(&mut on, format!("{name} ({} features)", r.len()))
            .on_hover_text("Show or hide this part of the file")
            .changed()
        {
            requests.write(FileRequest::ShowGroup(f.id, name.clone(), on));
        }
    }
    if l.numeric.is_empty() || l.points.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new("Size by").small());
        let shown = f.size_by.as_deref().unwrap_or("nothing (all alike)");
        egui::ComboBox::from_id_salt(("size-by", f.id.0))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(f.size_by.is_none(), "nothing (all alike)")
                    .clicked()
                {
                    requests.write(FileRequest::SizeBy(f.id, None));
                }
                for n in &l.numeric {
                    let on = f.size_by.as_deref() == Some(n.name.as_str());
                    let text = format!("{} ({} – {})", n.name, short(n.min), short(n.max));
                    if ui.selectable_label(on, text).clicked() {
                        requests.write(FileRequest::SizeBy(f.id, Some(n.name.clone())));
                    }
                }
            });
    })
    .response
    .on_hover_text(
        "Bigger and darker dots for bigger values (for example an earthquake's magnitude)",
    );
}

/// A number written short for a range (`6.4`, `1200`).
fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn files_window(
    mut contexts: EguiContexts,
    mut windows: ResMut<FileWindows>,
    files: Res<OpenFiles>,
    mut requests: MessageWriter<FileRequest>,
    mut open_dialog: MessageWriter<ShowOpenDialog>,
    mut layout: ResMut<UiLayout>,
    mut clock: Option<ResMut<Clock>>,
) -> Result {
    if !windows.files {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let mut open = true;
    let r = egui::Window::new("Your files")
        .open(&mut open)
        .default_pos(free.left_top() + egui::vec2(10.0, 80.0))
        .default_width(300.0)
        .show(&ctx, |ui| {
            if files.files.is_empty() {
                ui.label("No file open. Drop a GeoJSON, TopoJSON, KML/KMZ, zipped shapefile or CSV file on the window, or use Open….");
            }
            for f in &files.files {
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 3.0, theme::layer_egui(f.colour));
                    let mut visible = f.visible;
                    if ui
                        .checkbox(&mut visible, egui::RichText::new(&f.name).strong())
                        .changed()
                    {
                        requests.write(FileRequest::SetVisible(f.id, visible));
                    }
                    if ui
                        .small_button("Reload")
                        .on_hover_text("Read the file again now")
                        .clicked()
                    {
                        requests.write(FileRequest::Reload(f.id));
                    }
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove from the map")
                        .clicked()
                    {
                        requests.write(FileRequest::Remove(f.id));
                    }
                });
                if let Some(l) = &f.loading {
                    ui.add(
                        egui::ProgressBar::new(l.progress.fraction())
                            .show_percentage()
                            .animate(true),
                    );
                }
                ui.label(egui::RichText::new(status_line(f)).small());
                if let Some(Content::Layer(l)) = &f.good {
                    layer_controls(ui, f, l, &mut requests, clock.as_deref_mut());
                }
                ui.separator();
            }
            ui.horizontal(|ui| {
                if ui.button("Open…").clicked() {
                    open_dialog.write(ShowOpenDialog);
                }
                let (e, w) = files.problem_counts();
                if ui
                    .button(format!("Problems ({e} errors, {w} warnings)"))
                    .clicked()
                {
                    windows.problems = true;
                }
            });
        });
    cover_window(&mut layout, r);
    windows.files = open;
    Ok(())
}

fn problems_window(
    mut contexts: EguiContexts,
    mut windows: ResMut<FileWindows>,
    files: Res<OpenFiles>,
    mut layout: ResMut<UiLayout>,
) -> Result {
    if !windows.problems {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let mut open = true;
    let r = egui::Window::new("Problems")
        .open(&mut open)
        .default_width(480.0)
        .default_height(300.0)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(free.right_bottom() - egui::vec2(10.0, 10.0))
        .show(&ctx, |ui| {
            let (e, w) = files.problem_counts();
            if e + w == 0 {
                ui.label("No problems in the opened files.");
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in &files.files {
                    if f.problems.is_empty() {
                        continue;
                    }
                    ui.strong(&f.name);
                    if f.stale {
                        ui.label("The map still shows the last version that loaded.");
                    }
                    for p in &f.problems {
                        let (icon, colour) = match p.severity {
                            Severity::Error => ("✖ error", theme::ERROR),
                            Severity::Warning => ("⚠ warning", theme::WARNING),
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(icon).color(colour));
                            ui.label(egui::RichText::new(place_text(p)).monospace());
                        });
                        ui.label(&p.message);
                        if !p.hint.is_empty() {
                            ui.label(
                                egui::RichText::new(format!("What to do: {}", p.hint)).italics(),
                            );
                        }
                        ui.add_space(4.0);
                    }
                    ui.separator();
                }
            });
        });
    cover_window(&mut layout, r);
    windows.problems = open;
    Ok(())
}

/// Where a problem is, in words.
pub fn place_text(p: &Problem) -> String {
    match &p.place {
        Place::File => "the whole file".into(),
        Place::LineCol(l, c) => format!("line {l}, column {c}"),
        Place::Path(path) => path.clone(),
        Place::Cell { row, column } if column.is_empty() => format!("row {row}"),
        Place::Cell { row, column } => format!("row {row}, column \"{column}\""),
    }
}
