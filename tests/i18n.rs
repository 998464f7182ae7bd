//! The interface speaks through its message catalogues: every key the code names exists in
//! English and Korean, and no words a user reads are written into the interface's code.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dateline::core::i18n::{UiLang, en_ftl};

/// The files that put words on screen: the panels and windows, the files' messages, saving.
fn interface_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut out = Vec::new();
    for dir in ["ui", "files"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            if e.path().extension().is_some_and(|x| x == "rs") {
                out.push(e.path());
            }
        }
    }
    out.push(root.join("export.rs"));
    out.sort();
    out
}

/// A string literal: where it starts (the byte after its opening quote) and its text.
struct Literal {
    start: usize,
    text: String,
}

/// The code before `#[cfg(test)]`, its comments blanked (keeping byte positions).
fn code_of(src: &str) -> String {
    let code = src.split("#[cfg(test)]").next().unwrap_or("");
    code.lines()
        .map(|l| {
            let t = l.trim_start();
            if t.starts_with("//") {
                " ".repeat(l.len())
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The string literals of some code (not char literals such as `'"'`).
fn literals(code: &str) -> Vec<Literal> {
    let b = code.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\'' && i + 2 < b.len() && b[i + 2] == b'\'' {
            i += 3;
            continue;
        }
        if b[i] == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            out.push(Literal {
                start,
                text: code[start..j.min(b.len())].to_string(),
            });
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether a literal looks like a catalogue key: `top-view`, `le-step-n`.
fn key_shaped(t: &str) -> bool {
    let mut parts = t.split('-');
    let first = parts.next().unwrap_or("");
    !first.is_empty()
        && first.chars().all(|c| c.is_ascii_lowercase())
        && t.contains('-')
        && t.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The code just before a literal, spaces and line breaks folded, for its context.
fn before(code: &str, lit: &Literal) -> String {
    let mut from = lit.start.saturating_sub(80);
    while !code.is_char_boundary(from) {
        from += 1;
    }
    let mut s: String = code[from..lit.start - 1]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    s.push(' ');
    s
}

/// Literals that are not words a user reads: egui ids, log lines, entity names.
fn is_identifier_context(before: &str) -> bool {
    [
        "Id::new(",
        "Id::new((",
        "id_salt(",
        "id_salt((",
        "Panel::top(",
        "Panel::bottom(",
        "Panel::left(",
        "Panel::right(",
        "Area::new(",
        "Grid::new(",
        "Grid::new((",
        "push_id(",
        "push_id((",
        "Name::new(",
        "warn!(",
        "info!(",
        "debug!(",
        "error!(",
        "include_str!(",
        "include_bytes!(",
        "var_os(",
        "ends_with(",
        "eprintln!(",
        "println!(",
    ]
    .iter()
    .any(|c| before.trim_end().ends_with(c))
}

/// Literals in the interface's code that are words but not the interface's: each with why.
const NOT_INTERFACE_WORDS: [(&str, &str); 14] = [
    ("top_bar.rs", "Dateline"),               // the app's name
    ("lesson_editor.rs", "Ctrl+Z"),           // key names
    ("lesson_editor.rs", "Ctrl+Y"),           //
    ("export_window.rs", "Pictures"),         // the folder's name on disk
    ("route_marks.rs", "route not reported"), // on the map, in the names' language
    ("route_marks.rs", "route not reported · 경로 보도 없음"),
    ("event_editor.rs", "FeatureCollection"), // GeoJSON written to the user's file
    ("event_editor.rs", "Feature"),           //
    ("event_editor.rs", "Point"),             //
    ("lesson_editor.rs", "EN"),               // language codes beside two fields
    ("lesson_editor.rs", "KO"),               //
    ("lesson_editor.rs", " km"),              // the unit, the same in both
    ("tools.rs", " km"),                      //
    ("access.rs", "Close window"),            // egui's own name, replaced by ours
];

/// A literal that reads as words: a capital letter first or a space between letters, once
/// `{placeholders}` are taken out.
fn reads_as_words(t: &str) -> bool {
    let mut plain = String::new();
    let mut depth = 0;
    for c in t.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let letters = plain
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .count();
    let path_like = !plain.contains(' ') && (plain.contains('.') || plain.contains('/'));
    letters > 0
        && !path_like
        && (plain.contains(' ') || plain.starts_with(|c: char| c.is_ascii_uppercase()))
}

#[test]
fn every_key_the_interface_names_is_in_both_catalogues() {
    let mut missing = Vec::new();
    let mut used = BTreeSet::new();
    for f in interface_files() {
        let code = code_of(&std::fs::read_to_string(&f).unwrap());
        for lit in literals(&code) {
            let ctx = before(&code, &lit);
            let named = ctx.trim_end().ends_with(", ") && ctx.contains("tr!(")
                || ctx.trim_end().ends_with(".t(");
            // A literal passed to tr! or t(), or shaped like a key in a table of keys.
            if (named || key_shaped(&lit.text)) && !is_identifier_context(&ctx) {
                let known = UiLang::En.has(&lit.text) && UiLang::Ko.has(&lit.text);
                if named || lit.text.split('-').next().is_some_and(is_section) {
                    used.insert(lit.text.clone());
                    if !known {
                        missing.push(format!("{}: {}", f.display(), lit.text));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "keys not in the catalogues: {missing:#?}"
    );
    assert!(used.len() > 300, "only {} keys found in use", used.len());
}

/// Whether `prefix` begins some catalogue key (`top`, `le`, `card`…).
fn is_section(prefix: &str) -> bool {
    en_ftl()
        .lines()
        .filter_map(|l| l.split_once(" = ").map(|(k, _)| k.trim()))
        .any(|k| k.split('-').next() == Some(prefix))
}

#[test]
fn no_words_on_screen_bypass_the_catalogues() {
    let mut found = Vec::new();
    for f in interface_files() {
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let code = code_of(&std::fs::read_to_string(&f).unwrap());
        for lit in literals(&code) {
            let ctx = before(&code, &lit);
            if is_identifier_context(&ctx)
                || UiLang::En.has(&lit.text)
                || !reads_as_words(&lit.text)
                || NOT_INTERFACE_WORDS.contains(&(name.as_str(), lit.text.as_str()))
            {
                continue;
            }
            found.push(format!("{name}: \"{}\"", lit.text));
        }
    }
    assert!(
        found.is_empty(),
        "words written into the interface's code, not taken from the catalogues: {found:#?}"
    );
}

#[test]
fn the_checks_catch_a_bypass_and_a_missing_key() {
    let code = code_of(
        "fn f(ui: &mut Ui, lang: UiLang) {\n    ui.label(\"Show the map\");\n    ui.label(tr!(lang, \"top-no-such-key\"));\n    ui.label(egui::Id::new(\"event-card\"));\n}\n",
    );
    let lits = literals(&code);
    assert_eq!(lits.len(), 3);
    assert!(reads_as_words(&lits[0].text) && !is_identifier_context(&before(&code, &lits[0])));
    let ctx = before(&code, &lits[1]);
    assert!(ctx.contains("tr!(") && !UiLang::En.has(&lits[1].text));
    assert!(is_identifier_context(&before(&code, &lits[2])));
    assert!(!reads_as_words("{}. {what}") && !reads_as_words("my-events.geojson"));
    assert!(reads_as_words("Save the view") && reads_as_words("Legend"));
}
