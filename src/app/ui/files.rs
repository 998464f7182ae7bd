//! The files window (each opened file with its colour, show/hide, Reload, Remove, progress
//! and status) and the problems window (every problem with its place and what to do).

use std::sync::atomic::Ordering;

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::{cover_window, free_rect};
use crate::app::files::store::{FileEvent, OpenFiles, UserFile};
use crate::app::state::lesson::not_presenting;
use crate::app::state::prefs::UiPrefs;
use crate::app::state::requests::{FileRequest, ShowOpenDialog};
use crate::app::state::screen::UiLayout;
use crate::app::state::story::Clock;
use crate::app::state::systems::AppSystems;
use crate::app::theme;
use crate::core::i18n::UiLang;
use crate::core::problem::Severity;
use crate::core::tr;
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

fn status_line(lang: UiLang, f: &UserFile) -> String {
    if let Some(l) = &f.loading {
        let total = l.progress.total.load(Ordering::Relaxed).max(1);
        return tr!(
            lang,
            "file-loading",
            stage = lang.t(&l.progress.stage()),
            percent = format!("{:.0}", l.progress.fraction() * 100.0),
            mb = format!("{:.1}", total as f64 / 1e6),
            seconds = format!("{:.0}", l.started.elapsed().as_secs_f64())
        );
    }
    let (e, w) = f.problem_counts();
    let what = match &f.good {
        Some(Content::Layer(l)) => tr!(lang, "file-features", n = l.features.len()),
        Some(Content::Events(ev)) => tr!(lang, "file-events", n = ev.len()),
        None => tr!(lang, "file-nothing"),
    };
    let mut s = what;
    if f.stale {
        s.push_str(&tr!(lang, "file-stale"));
    }
    if e > 0 {
        s.push_str(&tr!(lang, "file-errors", n = e));
    }
    if w > 0 {
        s.push_str(&tr!(lang, "file-warnings", n = w));
    }
    s
}

/// A layer's timeline range (for a timed layer) and the choice of the number its points are
/// sized and shaded by.
fn layer_controls(
    ui: &mut egui::Ui,
    lang: UiLang,
    f: &UserFile,
    l: &Layer,
    requests: &mut MessageWriter<FileRequest>,
    clock: Option<&mut Clock>,
) {
    if let Some(t) = &l.time {
        ui.label(
            egui::RichText::new(tr!(
                lang,
                "file-timed",
                field = t.field.as_str(),
                first = lang.long_date(t.first),
                last = lang.long_date(t.last)
            ))
            .small(),
        );
        if let Some(c) = clock
            && c.focus != Some((t.first, t.last))
            && ui
                .small_button(tr!(lang, "file-focus"))
                .on_hover_text(tr!(lang, "file-focus-tip"))
                .clicked()
        {
            c.set_focus(Some((t.first, t.last)));
        }
    }
    for (name, r) in &l.groups {
        let mut on = !f.hidden_groups.contains(name);
        if ui
            .checkbox(
                &mut on,
                tr!(lang, "file-group", name = name.as_str(), n = r.len()),
            )
            .on_hover_text(tr!(lang, "file-group-tip"))
            .changed()
        {
            requests.write(FileRequest::ShowGroup(f.id, name.clone(), on));
        }
    }
    if l.numeric.is_empty() || l.points.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(egui::RichText::new(tr!(lang, "file-size-by")).small());
        let alike = tr!(lang, "file-size-alike");
        let shown = f.size_by.as_deref().unwrap_or(&alike);
        egui::ComboBox::from_id_salt(("size-by", f.id.0))
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(f.size_by.is_none(), alike.as_str())
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
    .on_hover_text(tr!(lang, "file-size-by-tip"));
}

/// A number written short for a range (`6.4`, `1200`).
fn short(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e12 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

#[allow(clippy::too_many_arguments)]
fn files_window(
    mut contexts: EguiContexts,
    mut windows: ResMut<FileWindows>,
    files: Res<OpenFiles>,
    mut requests: MessageWriter<FileRequest>,
    mut open_dialog: MessageWriter<ShowOpenDialog>,
    mut layout: ResMut<UiLayout>,
    mut clock: Option<ResMut<Clock>>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if !windows.files {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let mut open = true;
    let r = egui::Window::new(tr!(lang, "files-title"))
        .id(egui::Id::new("files-window"))
        .open(&mut open)
        .default_pos(free.left_top() + egui::vec2(10.0, 80.0))
        .default_width(300.0)
        .show(&ctx, |ui| {
            if files.files.is_empty() {
                ui.label(tr!(lang, "files-none"));
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
                        .small_button(tr!(lang, "files-reload"))
                        .on_hover_text(tr!(lang, "files-reload-tip"))
                        .clicked()
                    {
                        requests.write(FileRequest::Reload(f.id));
                    }
                    if ui
                        .small_button(tr!(lang, "files-remove"))
                        .on_hover_text(tr!(lang, "files-remove-tip"))
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
                ui.label(egui::RichText::new(status_line(lang, f)).small());
                if let Some(Content::Layer(l)) = &f.good {
                    layer_controls(ui, lang, f, l, &mut requests, clock.as_deref_mut());
                }
                ui.separator();
            }
            ui.horizontal(|ui| {
                if ui.button(tr!(lang, "top-open")).clicked() {
                    open_dialog.write(ShowOpenDialog);
                }
                let (e, w) = files.problem_counts();
                if ui
                    .button(tr!(lang, "files-problems", errors = e, warnings = w))
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
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if !windows.problems {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    let free = free_rect(&ctx, &layout);
    let mut open = true;
    let r = egui::Window::new(tr!(lang, "problems-title"))
        .id(egui::Id::new("problems-window"))
        .open(&mut open)
        .default_width(480.0)
        .default_height(300.0)
        .pivot(egui::Align2::RIGHT_BOTTOM)
        .default_pos(free.right_bottom() - egui::vec2(10.0, 10.0))
        .show(&ctx, |ui| {
            let (e, w) = files.problem_counts();
            if e + w == 0 {
                ui.label(tr!(lang, "problems-none"));
            }
            egui::ScrollArea::vertical().show(ui, |ui| {
                for f in &files.files {
                    if f.problems.is_empty() {
                        continue;
                    }
                    ui.strong(&f.name);
                    if f.stale {
                        ui.label(tr!(lang, "problems-stale"));
                    }
                    for p in &f.problems {
                        let (icon, colour) = match p.severity {
                            Severity::Error => {
                                (tr!(lang, "problem-error"), ui.visuals().error_fg_color)
                            }
                            Severity::Warning => {
                                (tr!(lang, "problem-warning"), ui.visuals().warn_fg_color)
                            }
                        };
                        ui.horizontal_wrapped(|ui| {
                            ui.label(egui::RichText::new(icon).color(colour));
                            ui.label(egui::RichText::new(p.place_in(lang)).monospace());
                        });
                        ui.label(p.message_in(lang));
                        let hint = p.hint_in(lang);
                        if !hint.is_empty() {
                            ui.label(
                                egui::RichText::new(tr!(lang, "problem-hint", hint = hint))
                                    .italics(),
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
