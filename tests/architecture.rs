//! The architecture, checked from the source: `src/app` is built in layers (state and theme,
//! then camera, then render, files and ui, then capture) and no module imports one above it;
//! no import circles between modules; the core never names Bevy; every file says what it is
//! for in a `//!` line.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer of each top-level module of `src/app` (higher may import lower, never upward).
/// The root (`app/mod.rs`) only composes the layers: it is above them all.
fn layer(module: &str) -> Option<u8> {
    Some(match module {
        "state" | "theme" => 0,
        "camera" => 1,
        "render" | "files" | "ui" => 2,
        "capture" | "export" => 3,
        "" => 4,
        _ => return None,
    })
}

/// A module of `src/app` by its path below `app` (`["ui", "top_bar"]`; `[]` for the root).
type Module = Vec<String>;

fn module_of(rel: &Path) -> Module {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The source without test modules (`use super::*` there is the module itself) and comments.
fn code_lines(src: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in src.lines() {
        if line.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let t = line.trim_start();
        if t.starts_with("//") {
            continue;
        }
        out.push(line);
    }
    out
}

/// Every `crate::app::a::b`, `dateline::app::a::b` and `super::a` path named in a file, as
/// module paths below `app` (not yet cut down to the module that exists).
fn named_paths(module: &Module, src: &str) -> Vec<Module> {
    let mut out = Vec::new();
    // `super` of `ui/top_bar.rs` (module `ui::top_bar`) and of `ui/mod.rs` (module `ui`) alike
    // is the module's parent.
    let parent: Module = module[..module.len().saturating_sub(1)].to_vec();
    let words = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|w| {
                w.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<String>()
            })
            .take_while(|w| !w.is_empty())
            .collect()
    };
    for line in code_lines(src) {
        for prefix in ["crate::app::", "dateline::app::"] {
            let mut rest = line;
            while let Some(i) = rest.find(prefix) {
                let after = &rest[i + prefix.len()..];
                out.push(words(after));
                rest = after;
            }
        }
        let mut rest = line;
        while let Some(i) = rest.find("super::") {
            // `super::super::x` climbs twice.
            let mut base = parent.clone();
            let mut after = &rest[i + "super::".len()..];
            while let Some(a) = after.strip_prefix("super::") {
                base.pop();
                after = a;
            }
            let mut m = base;
            m.extend(words(after));
            out.push(m);
            rest = after;
        }
    }
    out
}

/// Reads every `.rs` file under a folder, by path relative to it.
fn read_tree(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("source folder readable") {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let rel = p.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

/// The import graph between the modules of `src/app` (given as path → source), and every
/// violation: an import upward, an unknown top-level module, an import circle.
fn check(files: &BTreeMap<PathBuf, String>) -> Vec<String> {
    let modules: BTreeSet<Module> = files.keys().map(|p| module_of(p)).collect();
    let mut graph: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (path, src) in files {
        let from = module_of(path);
        // `a::{b, c}` counts as `a`: the same layer as `b` and `c`, or their parent.
        for named in named_paths(&from, src) {
            // The longest prefix that is a module file is what is imported.
            let to = (1..=named.len())
                .rev()
                .map(|n| named[..n].to_vec())
                .find(|m| modules.contains(m));
            let Some(to) = to else { continue };
            if to == from {
                continue;
            }
            let top = |m: &Module| m.first().cloned().unwrap_or_default();
            match (layer(&top(&from)), layer(&top(&to))) {
                (Some(a), Some(b)) if b > a => problems.push(format!(
                    "{} (layer {a}) imports {} (layer {b}), a layer above it",
                    from.join("::"),
                    to.join("::")
                )),
                (None, _) | (_, None) => problems.push(format!(
                    "{} or {} is in no layer: add it to tests/architecture.rs",
                    from.join("::"),
                    to.join("::")
                )),
                _ => {}
            }
            graph.entry(from.clone()).or_default().insert(to);
        }
    }
    // Circles: depth-first search with colours.
    let mut state: BTreeMap<Module, u8> = BTreeMap::new();
    fn visit(
        m: &Module,
        graph: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, u8>,
        stack: &mut Vec<Module>,
        problems: &mut Vec<String>,
    ) {
        state.insert(m.clone(), 1);
        stack.push(m.clone());
        for n in graph.get(m).into_iter().flatten() {
            match state.get(n).copied().unwrap_or(0) {
                0 => visit(n, graph, state, stack, problems),
                1 => {
                    let start = stack.iter().position(|s| s == n).unwrap();
                    let circle: Vec<String> = stack[start..].iter().map(|s| s.join("::")).collect();
                    problems.push(format!(
                        "import circle: {} -> {}",
                        circle.join(" -> "),
                        n.join("::")
                    ));
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(m.clone(), 2);
    }
    for m in graph.keys() {
        if state.get(m).copied().unwrap_or(0) == 0 {
            visit(m, &graph, &mut state, &mut Vec::new(), &mut problems);
        }
    }
    problems
}

#[test]
fn app_modules_import_only_their_layer_or_below_and_no_circles() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let files = read_tree(&root);
    assert!(files.len() > 20, "only {} files under src/app", files.len());
    let problems = check(&files);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_catches_an_upward_import_and_a_circle() {
    let files = |list: &[(&str, &str)]| -> BTreeMap<PathBuf, String> {
        list.iter()
            .map(|(p, s)| (PathBuf::from(p), s.to_string()))
            .collect()
    };
    let ok = files(&[
        ("state/story.rs", "use bevy::prelude::*;\n"),
        ("ui/timeline.rs", "use crate::app::state::story::Clock;\n"),
    ]);
    assert!(check(&ok).is_empty(), "{:?}", check(&ok));
    let upward = files(&[
        ("state/story.rs", "use crate::app::ui::timeline::panel;\n"),
        ("ui/timeline.rs", "fn panel() {}\n"),
    ]);
    let p = check(&upward);
    assert!(
        p.iter()
            .any(|m| m.contains("state::story (layer 0) imports ui::timeline")),
        "{p:?}"
    );
    let circle = files(&[
        ("render/a.rs", "use super::b::X;\n"),
        ("render/b.rs", "use crate::app::render::a::Y;\n"),
    ]);
    let p = check(&circle);
    assert!(p.iter().any(|m| m.starts_with("import circle")), "{p:?}");
    // A test module's `use super::*` is the module itself, not an import.
    let tests = files(&[(
        "camera/map.rs",
        "fn f() {}\n#[cfg(test)]\nmod tests {\n    use super::*;\n    use crate::app::ui::x;\n}\n",
    )]);
    assert!(check(&tests).is_empty(), "{:?}", check(&tests));
}

#[test]
fn the_core_never_names_bevy() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/core");
    let manifest = std::fs::read_to_string(core.join("Cargo.toml")).unwrap();
    // A dependency line (`bevy = …`, `bevy_math = { … }`), not a comment or the description.
    for line in manifest.lines() {
        let key = line.split('=').next().unwrap_or("").trim();
        assert!(
            !(line.contains('=') && key.to_lowercase().starts_with("bevy")),
            "crates/core/Cargo.toml depends on Bevy: {line}"
        );
    }
    for (path, src) in read_tree(&core.join("src")) {
        for (n, line) in src.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            assert!(
                !code.contains("bevy"),
                "crates/core/src/{}:{}: names Bevy: {line}",
                path.display(),
                n + 1
            );
        }
    }
}

#[test]
fn every_source_file_says_what_it_is_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for dir in [
        "src",
        "crates/core/src",
        "tests",
        "examples",
        "crates/core/tests",
    ] {
        for (path, src) in read_tree(&root.join(dir)) {
            if !src.trim_start().starts_with("//!") {
                missing.push(format!("{dir}/{}", path.display()));
            }
        }
    }
    assert!(missing.is_empty(), "no //! line: {missing:?}");
}

#[test]
fn file_system_calls_stay_off_the_frame() {
    // Reading files, their times and folders happens on task pools: only in the functions
    // those tasks run (files/load.rs, files/browse.rs, files/lessons.rs, files/save_events.rs,
    // export.rs). The
    // capture writes its PNG and scene description when the frame has been taken, and then
    // exits. The settings file is read by `main` before the app starts and written on the IO
    // pool (state/prefs.rs).
    let allowed = [
        "state/prefs.rs",
        "files/load.rs",
        "files/browse.rs",
        "files/lessons.rs",
        "files/save_events.rs",
        "capture.rs",
        "export.rs",
    ];
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut found = Vec::new();
    for (path, src) in read_tree(&root) {
        let rel = path.to_string_lossy().to_string();
        for line in code_lines(&src) {
            let blocking = ["std::fs::", "File::open", "read_dir(", ".metadata("];
            if blocking.iter().any(|b| line.contains(b)) && !allowed.contains(&rel.as_str()) {
                found.push(format!("{rel}: {}", line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "file-system calls in frame code: {found:?}"
    );
}

#[test]
fn colours_are_named_only_in_the_theme() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let literals = [
        "Color::srgb",
        "Color::rgb",
        "Color::WHITE",
        "Color::BLACK",
        "Color32::from_rgb(",
        "Color32::from_gray",
        "Color32::from_white_alpha",
    ];
    let mut found = Vec::new();
    for (path, src) in read_tree(&root) {
        if path.starts_with("theme") {
            continue;
        }
        for line in code_lines(&src) {
            if literals.iter().any(|l| line.contains(l)) {
                found.push(format!("{}: {}", path.display(), line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "colours outside src/app/theme: {found:?}");
}
