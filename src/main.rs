//! Command line: opens the atlas window, captures a frame headless, or checks GeoJSON files.
#![cfg_attr(target_arch = "wasm32", allow(dead_code, unused_imports))]

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use bevy::app::{TaskPoolOptions, TaskPoolThreadAssignmentPolicy};
use bevy::prelude::*;
use bevy::window::WindowResolution;
use clap::{Parser, Subcommand};

use dateline::app;
use dateline::app::state::lesson::LessonSource;
use dateline::app::state::prefs::{
    PrefsFile, StoredPrefs, UiPrefs, default_prefs_path, initial_ui_lang,
};
use dateline::app::state::settings::{AtlasData, Settings};
use dateline::app::state::story::Story;
use dateline::core::atlas::Atlas;
use dateline::core::events;
use dateline::core::i18n::UiLang;
use dateline::core::labels::MapStyle;
use dateline::core::model::Lang;
use dateline::core::problem::Severity;
use dateline::core::projection::Lcc;
use dateline::core::timeline::FuzzyDate;
use dateline::core::tr;
use dateline::core::userfile;
use dateline::core::view::ViewSpec;

/// Dateline: an offline atlas of the Korean peninsula and its region.
#[derive(Parser, Debug)]
#[command(
    version,
    about,
    args_conflicts_with_subcommands = true,
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Files to open (GeoJSON, TopoJSON, KML/KMZ, zipped shapefiles, CSV, TimelineJS or
    /// StoryMapJS JSON): map layers, or events when they carry reported events.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Initial view: korea, region, world or LON,LAT,ZOOM (e.g. 127.5,38.5,6); default korea
    /// (on the globe: Korea and Kursk together).
    #[arg(long, value_parser = ViewSpec::parse)]
    view: Option<ViewSpec>,
    /// Label language: en, ko or both.
    #[arg(long, default_value = "en", value_parser = Lang::parse)]
    lang: Lang,
    /// Interface language: en or ko (buttons, panels, messages). Default: the one chosen last
    /// time, else the system's (Korean on a Korean system).
    #[arg(long, value_name = "LANG", value_parser = UiLang::parse)]
    ui_lang: Option<UiLang>,
    /// The panels' text size, 0.8 to 2 (default: the one chosen last time with Ctrl + / Ctrl −,
    /// else 1).
    #[arg(long, value_name = "SCALE", value_parser = parse_scale)]
    ui_scale: Option<f32>,
    /// High-contrast panels: black and white, yellow selection and focus (Ctrl+Shift+H).
    #[arg(long)]
    high_contrast: bool,
    /// The map's look: atlas (a screen read up close) or projector (large names, stronger
    /// colours, for the back of a classroom). Default: atlas, and projector while presenting
    /// a lesson.
    #[arg(long, value_parser = MapStyle::parse)]
    style: Option<MapStyle>,
    /// Render one frame without a visible window to this PNG (and OUT.json) and exit.
    #[arg(long, value_name = "OUT.png")]
    screenshot: Option<PathBuf>,
    /// map (2D) or globe (3D).
    #[arg(long, default_value = "map", value_parser = ["map", "globe"])]
    mode: String,
    /// Timeline date, YYYY-MM-DD (default: the newest event's date).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<i64>,
    /// With --screenshot: switch between map and globe two frames before the capture, to
    /// show the animated transition under way.
    #[arg(long, requires = "screenshot")]
    capture_transition: bool,
    /// With --screenshot: time this many frames after the warm-up and write their mean time
    /// and the triangles drawn into the scene description (a drawing benchmark).
    #[arg(long, value_name = "N", requires = "screenshot", default_value_t = 0)]
    bench_frames: u32,
    /// With --screenshot: put the pointer over LON,LAT (to show the hover card there).
    #[arg(long, value_name = "LON,LAT", requires = "screenshot", value_parser = parse_lonlat)]
    pointer_at: Option<[f64; 2]>,
    /// Start with the Open… dialog, to pick a file.
    #[arg(long)]
    open: bool,
    /// Start with the event list closed.
    #[arg(long)]
    no_event_list: bool,
    /// Select this event at start (its id): the map flies to it and its card opens.
    #[arg(long, value_name = "ID")]
    event: Option<String>,
    /// Find a place by name (English or Korean) and start there, e.g. --find Hamhung.
    #[arg(long, value_name = "NAME")]
    find: Option<String>,
    /// Show only events of the last DAYS days (older ones fade), instead of everything so far.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(u32).range(1..=3650))]
    recent: Option<u32>,
    /// Open a lesson: a .dateline-lesson.json file, or "bundled" for "From Hamhung to Kursk".
    #[arg(long, value_name = "FILE")]
    lesson: Option<PathBuf>,
    /// With --lesson: the step to show first, a number from 1 or the step's id.
    #[arg(long, value_name = "N", requires = "lesson")]
    step: Option<String>,
    /// With --lesson: start presenting (full screen, large type; Esc leaves).
    #[arg(long, requires = "lesson")]
    present: bool,
    /// With --lesson: open it in the editor (the Lesson window's Edit).
    #[arg(long, requires = "lesson", conflicts_with = "present")]
    edit: bool,
    /// With --lesson: save its slides (one PNG per step, at --size) and a handout page
    /// (handout.html) into DIR without showing a window, then exit.
    #[arg(long, value_name = "DIR", requires = "lesson")]
    export_lesson: Option<PathBuf>,
    /// With --export-lesson: the slides' size when it is not the window's (--size), as the
    /// Save window's 1280x720 and 1920x1080 do.
    #[arg(long, value_name = "WxH", requires = "export_lesson", value_parser = parse_size)]
    export_size: Option<[u32; 2]>,
    /// Start where a link says: the web page's address or the part after `#` that Copy link
    /// gives (`#view=korea&mode=globe&date=2024-11-26&lang=ko&lesson=hamhung-kursk&step=3`).
    /// What it sets wins over --view, --mode, --date, --recent, --lang and --event.
    #[arg(long, value_name = "LINK", value_parser = parse_link)]
    link: Option<dateline::core::link::LinkState>,
    /// Window or capture size, WIDTHxHEIGHT.
    #[arg(long, default_value = "1280x800", value_parser = parse_size)]
    size: [u32; 2],
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web version (built by `bash tools/build-web.sh`) to the local network, so
    /// browsers in the room open it at this computer's address; read-only; Ctrl+C stops it.
    Serve {
        /// The port to listen on.
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// The page's folder.
        #[arg(long, default_value = "target/web")]
        dir: PathBuf,
    },
    /// Validate files: print what was understood and every problem; exit 1 if any is an error, 2 if a file cannot be read.
    Check {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// The language of the report: en or ko (default: the interface's, chosen last time
        /// or the system's).
        #[arg(long, value_name = "LANG", value_parser = UiLang::parse)]
        ui_lang: Option<UiLang>,
    },
}

fn parse_scale(s: &str) -> Result<f32, String> {
    use dateline::app::state::prefs::{MAX_SCALE, MIN_SCALE};
    match s.trim().parse::<f32>() {
        Ok(v) if (MIN_SCALE..=MAX_SCALE).contains(&v) => Ok(v),
        _ => Err(format!(
            "interface scale \"{s}\" should be a number from {MIN_SCALE} to {MAX_SCALE}, like 1.2"
        )),
    }
}

fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("size \"{s}\" should look like 1280x800"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (64..=8192).contains(n))
    };
    match (parse(w), parse(h)) {
        (Some(w), Some(h)) => Ok([w, h]),
        _ => Err(format!(
            "size \"{s}\" should be two numbers from 64 to 8192, like 1280x800"
        )),
    }
}

fn parse_lonlat(s: &str) -> Result<[f64; 2], String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("\"{s}\" should be LON,LAT, e.g. 127.54,39.92"))?;
    match v.as_slice() {
        [lon, lat] if lat.abs() <= 90.0 && lon.abs() <= 360.0 => Ok([*lon, *lat]),
        _ => Err(format!("\"{s}\" should be LON,LAT, e.g. 127.54,39.92")),
    }
}

fn parse_link(s: &str) -> Result<dateline::core::link::LinkState, String> {
    let (state, problems) = dateline::core::link::read(s);
    if problems.is_empty() {
        Ok(state)
    } else {
        // The command line's own messages are English (as clap's are).
        Err(problems
            .iter()
            .map(|p| p.text(UiLang::En))
            .collect::<Vec<_>>()
            .join(" "))
    }
}

fn parse_date(s: &str) -> Result<i64, String> {
    // The command line's own messages are English (as clap's are).
    let d = FuzzyDate::parse(s).map_err(|w| w.text(UiLang::En))?;
    Ok(d.first_day())
}

fn check(files: &[PathBuf], lang: UiLang) -> ExitCode {
    let mut code = 0u8;
    for path in files {
        let name = path.display().to_string();
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                println!(
                    "{}",
                    tr!(
                        lang,
                        "check-cannot-read",
                        file = name.as_str(),
                        error = e.to_string()
                    )
                );
                code = 2;
                continue;
            }
        };
        let opened = userfile::open(&name, bytes, &Lcc::atlas(), &mut |_| {
            std::ops::ControlFlow::Continue(())
        });
        for p in &opened.problems {
            // English as files and scripts have always read it; Korean in the interface's words.
            match lang {
                UiLang::En => println!("{p}"),
                UiLang::Ko => println!("{}", p.describe(lang)),
            }
        }
        let fatal = opened
            .problems
            .iter()
            .any(|p| p.severity == Severity::Error);
        if fatal {
            code = code.max(1);
        }
        let (file, summary) = (name.as_str(), opened.summary_in(lang));
        match &opened.content {
            Some(_) if !fatal => {
                println!("{}", tr!(lang, "check-ok", file = file, summary = summary))
            }
            Some(_) => println!(
                "{}",
                tr!(lang, "check-left-out", file = file, summary = summary)
            ),
            None => println!("{}", tr!(lang, "check-nothing", file = file)),
        }
    }
    ExitCode::from(code)
}

/// `dateline serve`: serves the built page until stopped, saying where.
#[cfg(not(target_arch = "wasm32"))]
fn serve(dir: &std::path::Path, port: u16) -> ExitCode {
    use dateline::serve::{PageServer, local_address};
    let server = match PageServer::bind(dir, port) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("dateline serve: error: {e}");
            return ExitCode::from(1);
        }
    };
    let port = server.port();
    println!("Dateline's web page ({}) is served at:", dir.display());
    if let Some(ip) = local_address() {
        println!("  http://{ip}:{port}/   (from other computers on this network)");
    }
    println!("  http://localhost:{port}/   (on this computer)");
    println!("Press Ctrl+C to stop.");
    server.run();
    ExitCode::SUCCESS
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let _ = dateline::app::capture::PROCESS_START.set(bevy::platform::time::Instant::now());
    let cli = Cli::parse();
    if let Some(Command::Serve { port, dir }) = &cli.command {
        return serve(dir, *port);
    }
    if let Some(Command::Check { files, ui_lang }) = &cli.command {
        let stored = default_prefs_path()
            .as_deref()
            .map(StoredPrefs::read)
            .unwrap_or_default();
        let lang = initial_ui_lang(*ui_lang, &stored, sys_locale::get_locale().as_deref());
        return check(files, lang);
    }
    let atlas = match Atlas::bundled() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("dateline: error: the bundled map data is damaged:\n{e}");
            return ExitCode::from(1);
        }
    };
    let headless = cli.screenshot.is_some() || cli.export_lesson.is_some();
    if headless {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            default(info);
            eprintln!(
                "dateline: error: could not render the capture. A graphics driver is needed: on a server, install mesa-vulkan-drivers and xvfb and run under xvfb-run."
            );
        }));
    }
    let link = cli.link.clone();
    let mut settings = Settings {
        view_given: cli.view.is_some(),
        view: cli.view.unwrap_or(ViewSpec::Korea),
        lang: cli.lang,
        style: cli.style,
        screenshot: cli.screenshot,
        size: cli.size,
        date: cli.date,
        event_list: !cli.no_event_list,
        event: cli.event,
        recent_days: cli.recent.map(f64::from),
        find: cli.find,
        files: cli.files,
        globe: cli.mode == "globe",
        capture_transition: cli.capture_transition,
        open_dialog: cli.open,
        pointer_at: cli.pointer_at,
        bench_frames: cli.bench_frames,
        lesson: cli.lesson.map(|p| {
            if p.as_os_str() == "bundled" {
                LessonSource::Bundled
            } else {
                LessonSource::File(p)
            }
        }),
        lesson_step: cli.step,
        present: cli.present,
        edit: cli.edit,
        export_lesson: cli.export_lesson,
        export_size: cli.export_size,
    };
    let link_ui = link.as_ref().and_then(|l| settings.apply_link(l));
    let bundled = events::load_geojson(events::BUNDLED_NAME, events::BUNDLED);
    if let Some(p) = bundled
        .problems
        .iter()
        .find(|p| p.severity == Severity::Error)
    {
        eprintln!("dateline: warning: bundled events: {p}");
    }
    let window = Window {
        title: "Dateline — atlas of the Korean peninsula and its region".into(),
        resolution: WindowResolution::new(cli.size[0], cli.size[1]).with_scale_factor_override(1.0),
        visible: !headless,
        ..default()
    };
    // The interface language: the command line's, the one kept from last time, or the
    // system's. Captures and exports neither read nor write the user's settings.
    let prefs_path = if headless { None } else { default_prefs_path() };
    let stored = prefs_path
        .as_deref()
        .map(StoredPrefs::read)
        .unwrap_or_default();
    let locale = if headless {
        None
    } else {
        sys_locale::get_locale()
    };
    let ui = UiPrefs {
        lang: initial_ui_lang(cli.ui_lang.or(link_ui), &stored, locale.as_deref()),
        scale: cli.ui_scale.unwrap_or_else(|| stored.ui_scale()),
        high_contrast: cli.high_contrast || stored.high_contrast.unwrap_or(false),
    };
    let said = dateline::app::state::requests::Announcement::default();
    let exit = run(
        settings,
        ui,
        prefs_path,
        atlas,
        bundled.events,
        window,
        said,
    );
    match exit {
        AppExit::Success => ExitCode::SUCCESS,
        AppExit::Error(c) => ExitCode::from(c.get()),
    }
}

/// The web page: the atlas in the page's canvas (`#dateline`), sized to its parent, on the
/// bundled data, the interface in the browser's language.
#[cfg(target_arch = "wasm32")]
fn main() {
    let atlas = Atlas::bundled().expect("the bundled map data is damaged");
    let bundled = events::load_geojson(events::BUNDLED_NAME, events::BUNDLED);
    let mut settings = Settings::new(ViewSpec::Korea);
    settings.view_given = false;
    // The state in the page's address (`#view=korea&date=2024-11-26&lang=ko…`).
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let (link, problems) = dateline::core::link::read(&hash);
    for p in &problems {
        warn!("{}", p.text(UiLang::En));
    }
    let ui_from_link = settings.apply_link(&link);
    let window = Window {
        title: "Dateline — atlas of the Korean peninsula and its region".into(),
        canvas: Some("#dateline".into()),
        fit_canvas_to_parent: true,
        ..default()
    };
    let stored = StoredPrefs::default();
    let ui = UiPrefs {
        lang: initial_ui_lang(ui_from_link, &stored, sys_locale::get_locale().as_deref()),
        scale: stored.ui_scale(),
        high_contrast: false,
    };
    // What the link got wrong is said over the map (the rest of it applies).
    let said = dateline::app::state::requests::Announcement {
        text: problems
            .iter()
            .map(|p| p.text(ui.lang))
            .collect::<Vec<_>>()
            .join(" "),
        left: if problems.is_empty() { 0.0 } else { 10.0 },
    };
    run(settings, ui, None, atlas, bundled.events, window, said);
}

/// Runs the app: the atlas, the story's events, the interface's settings, in `window`,
/// saying `said` first.
fn run(
    settings: Settings,
    ui: UiPrefs,
    prefs_path: Option<PathBuf>,
    atlas: Atlas,
    story: Vec<dateline::core::events::Event>,
    window: Window,
    said: dateline::app::state::requests::Announcement,
) -> AppExit {
    App::new()
        .insert_resource(said)
        .insert_resource(settings)
        .insert_resource(ui)
        .insert_resource(PrefsFile::at(prefs_path))
        .insert_resource(AtlasData(Arc::new(atlas)))
        .insert_resource(Story::new(story))
        .add_plugins(
            DefaultPlugins
                .set(WindowPlugin {
                    primary_window: Some(window),
                    ..default()
                })
                // Users' files load on the async compute pool, where Bevy also prepares render
                // pipelines: two threads at least, so a long load never holds those up.
                .set(TaskPoolPlugin {
                    task_pool_options: TaskPoolOptions {
                        async_compute: TaskPoolThreadAssignmentPolicy {
                            min_threads: 2,
                            max_threads: 4,
                            percent: 0.25,
                            on_thread_spawn: None,
                            on_thread_destroy: None,
                        },
                        ..default()
                    },
                }),
        )
        .add_plugins(bevy_egui::EguiPlugin::default())
        // The panels belong to the 2D camera (marked in the camera plugin), not to whichever
        // camera bevy_egui finds first (there are up to three).
        .insert_resource(bevy_egui::EguiGlobalSettings {
            auto_create_primary_context: false,
            ..default()
        })
        .add_plugins(app::plugin)
        .run()
}
