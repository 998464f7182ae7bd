//! Events of your own, in the app: + Event (click the map for its place, then give its
//! date at the precision the source gives, titles in English and Korean, category, status,
//! who claims and who denies it, and its sources), and Edit on the card of an event from one
//! of your GeoJSON or CSV files. Saved in the file's form (a `.csv` as CSV with Dateline's
//! columns, else GeoJSON), checked by the same reader first, with its plain-language
//! problems; the bundled events stay read-only.

use std::path::PathBuf;

use super::words::{category_name, status_describe};
use crate::app::state::prefs::UiPrefs;
use crate::core::i18n::UiLang;
use crate::core::tr;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use super::layout::cover_window;
use crate::app::files::save_events::EventWrites;
use crate::app::files::store::OpenFiles;
use crate::app::state::requests::SaveEvents;
use crate::app::state::screen::UiLayout;
use crate::app::state::systems::AppSystems;
use crate::app::state::tools::{Tool, Tools};
use crate::core::events::{CATEGORIES, Event, Status, load_geojson, to_csv, to_geojson};
use crate::core::model::Shape;
use crate::core::problem::Severity;
use crate::core::userfile::Content;

/// A source as typed.
#[derive(Debug, Clone, Default)]
pub struct SourceDraft {
    /// Publisher.
    pub publisher: String,
    /// Date (YYYY, YYYY-MM or YYYY-MM-DD).
    pub date: String,
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
}

/// An event as typed in the editor.
#[derive(Debug, Clone)]
pub struct Draft {
    /// Its id in its file (`None`: a new event).
    pub id: Option<String>,
    /// Title (English).
    pub title: String,
    /// Title (Korean).
    pub title_ko: String,
    /// What happened, what is known.
    pub summary: String,
    /// Start and end dates as typed.
    pub start: String,
    /// See `start`.
    pub end: String,
    /// Category code.
    pub category: String,
    /// Status.
    pub status: Status,
    /// Who claims it, separated by semicolons.
    pub claimed_by: String,
    /// Who denies it, separated by semicolons.
    pub denied_by: String,
    /// Its place in words.
    pub place: String,
    /// How precisely the place is known (a code of the events format; empty: not said).
    pub place_precision: String,
    /// Its position (other shapes of an edited event are kept).
    pub at: Option<[f64; 2]>,
    /// Its shapes when they are not one point (kept as they were).
    pub shapes: Vec<Shape>,
    /// Sources.
    pub sources: Vec<SourceDraft>,
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
            id: None,
            title: String::new(),
            title_ko: String::new(),
            summary: String::new(),
            start: String::new(),
            end: String::new(),
            category: "other".into(),
            status: Status::Reported,
            claimed_by: String::new(),
            denied_by: String::new(),
            place: String::new(),
            place_precision: String::new(),
            at: None,
            shapes: Vec::new(),
            sources: vec![SourceDraft::default()],
        }
    }
}

impl Draft {
    /// The draft of an event read from a file.
    pub fn of(e: &Event, id_in_file: &str) -> Draft {
        let date = |d: &crate::core::timeline::FuzzyDate| d.file_form();
        let at = match e.shapes.as_slice() {
            [Shape::Point(p)] => Some(*p),
            _ => None,
        };
        Draft {
            id: Some(id_in_file.to_string()),
            title: e.title.clone(),
            title_ko: e.title_ko.clone().unwrap_or_default(),
            summary: e.summary.clone(),
            start: date(&e.span.start),
            end: e.span.end.as_ref().map(date).unwrap_or_default(),
            category: e.category.clone(),
            status: e.status,
            claimed_by: e.claimed_by.join("; "),
            denied_by: e.denied_by.join("; "),
            place: e.place.clone().unwrap_or_default(),
            place_precision: e
                .place_precision
                .map(|p| p.code().to_string())
                .unwrap_or_default(),
            at,
            shapes: if at.is_some() {
                Vec::new()
            } else {
                e.shapes.clone()
            },
            sources: e
                .sources
                .iter()
                .map(|s| SourceDraft {
                    publisher: s.publisher.clone(),
                    date: s.date.as_ref().map(date).unwrap_or_default(),
                    title: s.title.clone().unwrap_or_default(),
                    url: s.url.clone().unwrap_or_default(),
                })
                .collect(),
        }
    }

    /// The event, read by the same reader as files (so a bad date or status gets the same
    /// plain-language problem), or the problems.
    pub fn event(&self, file: &str, lang: UiLang) -> Result<Event, Vec<String>> {
        use serde_json::json;
        let opt = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_string());
        let list = |s: &str| -> Vec<String> {
            s.split(';')
                .map(str::trim)
                .filter(|x| !x.is_empty())
                .map(str::to_string)
                .collect()
        };
        let sources: Vec<serde_json::Value> = self
            .sources
            .iter()
            .filter(|s| !s.publisher.trim().is_empty())
            .map(|s| {
                json!({"publisher": s.publisher.trim(), "date": opt(&s.date),
                       "title": opt(&s.title), "url": opt(&s.url)})
            })
            .collect();
        // Other shapes (a route, an area) are put back as they were after reading.
        let geometry = match self.at {
            Some(p) => json!({"type": "Point", "coordinates": p}),
            None => serde_json::Value::Null,
        };
        let id = self.id.clone().unwrap_or_else(|| {
            let slug: String = self
                .title
                .to_lowercase()
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
                .collect();
            let slug: Vec<&str> = slug.split('-').filter(|p| !p.is_empty()).take(6).collect();
            format!("{}-{}", slug.join("-"), self.start.trim())
        });
        let feature = json!({"type": "FeatureCollection", "features": [{
            "type": "Feature", "id": id, "geometry": geometry,
            "properties": {"title": self.title.trim(), "title_ko": opt(&self.title_ko),
                "summary": self.summary.trim(), "start": self.start.trim(), "end": opt(&self.end),
                "category": self.category, "status": self.status.code(),
                "claimed_by": list(&self.claimed_by), "denied_by": list(&self.denied_by),
                "place": opt(&self.place), "place_precision": opt(&self.place_precision),
                "sources": sources}}]});
        let read = load_geojson(file, feature.to_string().as_bytes());
        let errors: Vec<String> = read
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.describe(lang))
            .collect();
        match read.events.into_iter().next() {
            Some(mut e) if errors.is_empty() => {
                if self.at.is_none() {
                    e.shapes = self.shapes.clone();
                }
                Ok(e)
            }
            _ => Err(if errors.is_empty() {
                vec![tr!(lang, "editor-unreadable")]
            } else {
                errors
            }),
        }
    }
}

/// The editor's state.
#[derive(Resource, Debug, Clone, Default)]
pub struct EventEditor {
    /// Shown.
    pub open: bool,
    /// The event as typed.
    pub draft: Draft,
    /// The file it is saved to, as typed.
    pub file: String,
    /// Problems of the last Save.
    pub problems: Vec<String>,
}

impl EventEditor {
    /// Starts a new event: the next click on the map places it.
    pub fn start_new(&mut self, tools: &mut Tools) {
        self.open = true;
        self.draft = Draft::default();
        self.problems.clear();
        tools.placed = None;
        tools.active = Some(Tool::Place);
        if self.file.is_empty() {
            self.file = std::env::var_os("HOME")
                .map(PathBuf::from)
                .unwrap_or_default()
                .join("my-events.geojson")
                .display()
                .to_string();
        }
    }
}

/// What saving `draft` to the file at `path` writes: the file's events as loaded with this one
/// added or replacing its old version, in the file's form (CSV for a `.csv`, else GeoJSON);
/// or the problems, in plain language (a bad date, an event CSV cannot hold).
pub fn save_request(
    draft: &Draft,
    path: &std::path::Path,
    files: &OpenFiles,
    lang: UiLang,
) -> Result<SaveEvents, Vec<String>> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let e = draft.event(&name, lang)?;
    let open_file = files.files.iter().find(|f| f.path == path);
    let mut events: Vec<Event> = match open_file.and_then(|f| f.good.as_ref()) {
        Some(Content::Events(list)) => list.clone(),
        _ => Vec::new(),
    };
    match events.iter_mut().find(|x| x.id == e.id) {
        Some(old) => *old = e,
        None => events.push(e),
    }
    let text = if name.to_lowercase().ends_with(".csv") {
        to_csv(&name, &events).map_err(|e| vec![format!("{name}: {}", e.text(lang))])?
    } else {
        to_geojson(&events)
    };
    Ok(SaveEvents {
        path: path.to_path_buf(),
        text,
        new_file: open_file.is_none(),
    })
}

/// Adds the event editor.
pub(super) fn plugin(app: &mut App) {
    app.init_resource::<EventEditor>().add_systems(
        EguiPrimaryContextPass,
        editor_window.in_set(AppSystems::UiOverlays),
    );
}

#[allow(clippy::too_many_arguments)]
fn editor_window(
    mut contexts: EguiContexts,
    mut ed: ResMut<EventEditor>,
    mut tools: ResMut<Tools>,
    files: Res<OpenFiles>,
    writes: Res<EventWrites>,
    mut layout: ResMut<UiLayout>,
    mut out: MessageWriter<SaveEvents>,
    prefs: Res<UiPrefs>,
) -> Result {
    let lang = prefs.lang;
    if let Some(p) = tools.placed.take() {
        ed.draft.at = Some(p);
    }
    if !ed.open {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?;
    let mut open = true;
    let ed = &mut *ed;
    // The fields scroll; the file and Save stay below them, in the window, on any screen.
    let fields_h = (ctx.content_rect().height() - 330.0).clamp(180.0, 520.0);
    let shown = egui::Window::new(if ed.draft.id.is_some() {
        tr!(lang, "editor-edit-title")
    } else {
        tr!(lang, "editor-new-title")
    })
    .id(egui::Id::new("event-editor"))
    .open(&mut open)
    .default_width(380.0)
    // Sized by its content each frame (a resizable window keeps the size it first had, and
    // cut off the file and Save).
    .resizable(false)
    .show(ctx, |ui| {
        egui::ScrollArea::vertical()
            .max_height(fields_h)
            .show(ui, |ui| {
                let d = &mut ed.draft;
                match d.at {
                    Some(p) => ui.label(tr!(
                        lang,
                        "editor-place-at",
                        lat = format!("{:.3}", p[1]),
                        lon = format!("{:.3}", p[0])
                    )),
                    None if !d.shapes.is_empty() => ui.label(tr!(lang, "editor-place-shapes")),
                    None => ui.colored_label(
                        ui.visuals().error_fg_color,
                        tr!(lang, "editor-place-click"),
                    ),
                };
                if ui.small_button(tr!(lang, "editor-place-again")).clicked() {
                    tools.active = Some(Tool::Place);
                }
                egui::Grid::new("event-fields")
                    .num_columns(2)
                    .show(ui, |ui| {
                        for (label, field) in [
                            ("editor-title", &mut d.title),
                            ("editor-title-ko", &mut d.title_ko),
                            ("editor-start", &mut d.start),
                            ("editor-end", &mut d.end),
                            ("editor-place-words", &mut d.place),
                            ("editor-claimed-by", &mut d.claimed_by),
                            ("editor-denied-by", &mut d.denied_by),
                        ] {
                            ui.label(lang.t(label));
                            ui.text_edit_singleline(field);
                            ui.end_row();
                        }
                        ui.label(tr!(lang, "editor-category"));
                        egui::ComboBox::from_id_salt("event-category")
                            .selected_text(category_name(lang, &d.category))
                            .show_ui(ui, |ui| {
                                for (code, _, _) in CATEGORIES {
                                    ui.selectable_value(
                                        &mut d.category,
                                        code.to_string(),
                                        category_name(lang, code),
                                    );
                                }
                            });
                        ui.end_row();
                        ui.label(tr!(lang, "editor-status"));
                        egui::ComboBox::from_id_salt("event-status")
                            .selected_text(status_describe(lang, d.status))
                            .show_ui(ui, |ui| {
                                for s in Status::ALL {
                                    ui.selectable_value(&mut d.status, s, status_describe(lang, s));
                                }
                            });
                        ui.end_row();
                    });
                ui.label(tr!(lang, "editor-summary"));
                ui.add(
                    egui::TextEdit::multiline(&mut d.summary)
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                );
                ui.strong(tr!(lang, "editor-sources"));
                let mut remove = None;
                for (i, s) in d.sources.iter_mut().enumerate() {
                    egui::Grid::new(("source", i))
                        .num_columns(2)
                        .show(ui, |ui| {
                            for (label, field) in [
                                ("editor-publisher", &mut s.publisher),
                                ("editor-source-date", &mut s.date),
                                ("editor-source-title", &mut s.title),
                                ("editor-link", &mut s.url),
                            ] {
                                ui.label(lang.t(label));
                                ui.text_edit_singleline(field);
                                ui.end_row();
                            }
                        });
                    if ui.small_button(tr!(lang, "editor-remove-source")).clicked() {
                        remove = Some(i);
                    }
                    ui.separator();
                }
                if let Some(i) = remove {
                    d.sources.remove(i);
                }
                if ui.small_button(tr!(lang, "editor-add-source")).clicked() {
                    d.sources.push(SourceDraft::default());
                }
            });
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "editor-file"));
            ui.add(egui::TextEdit::singleline(&mut ed.file).desired_width(260.0))
                .on_hover_text(tr!(lang, "editor-file-tip"));
        });
        if ui.button(tr!(lang, "editor-save")).clicked() {
            match save_request(&ed.draft, &PathBuf::from(ed.file.trim()), &files, lang) {
                Ok(request) => {
                    ed.problems.clear();
                    out.write(request);
                }
                Err(p) => ed.problems = p,
            }
        }
        for p in &ed.problems {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        match &writes.last {
            Some(Ok(m)) => {
                ui.label(egui::RichText::new(m).small());
            }
            Some(Err(e)) => {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            None => {}
        }
    });
    cover_window(&mut layout, shown);
    if !open {
        ed.open = false;
        if tools.active == Some(Tool::Place) {
            tools.active = None;
        }
    }
    Ok(())
}
