//! The shared GeoJSON corpus (../shared/corpus/geojson): every valid file loads, every invalid
//! file is refused with a message that names the file and the place. No panics.

use std::path::{Path, PathBuf};

use dateline::core::geojson::load;
use dateline::core::problem::{Place, Severity};

/// The corpus folder; `None` when it is not beside the checkout. With
/// `DATELINE_REQUIRE_CORPUS=1` (set by CI) a missing corpus fails the test instead.
fn corpus_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/geojson");
    let required = std::env::var("DATELINE_REQUIRE_CORPUS").is_ok_and(|v| v == "1");
    assert!(
        dir.is_dir() || !required,
        "DATELINE_REQUIRE_CORPUS=1 but {} is missing",
        dir.display()
    );
    dir.is_dir().then_some(dir)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder readable")
        .map(|e| e.expect("entry").path())
        .collect();
    v.sort();
    v
}

#[test]
fn valid_corpus_files_load() {
    let Some(dir) = corpus_dir() else {
        eprintln!(
            "SKIPPED: ../shared/corpus not found beside the checkout; the corpus test did not run"
        );
        return;
    };
    let mut failures = Vec::new();
    let all = files(&dir.join("valid"));
    assert!(
        all.len() > 100,
        "expected the full corpus, found {} files",
        all.len()
    );
    for path in &all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        let l = load(&name, &bytes);
        if l.is_fatal() {
            failures.push(format!(
                "{name}: {:?}",
                l.problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} valid files refused:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("corpus: {} valid files loaded", all.len());
}

#[test]
fn invalid_corpus_files_are_refused_with_a_place() {
    let Some(dir) = corpus_dir() else {
        eprintln!(
            "SKIPPED: ../shared/corpus not found beside the checkout; the corpus test did not run"
        );
        return;
    };
    let mut failures = Vec::new();
    let all = files(&dir.join("invalid"));
    assert!(
        all.len() > 80,
        "expected the full corpus, found {} files",
        all.len()
    );
    for path in &all {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(path).unwrap();
        let l = load(&name, &bytes);
        let errors: Vec<_> = l
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
            .collect();
        if errors.is_empty() {
            failures.push(format!("{name}: accepted ({} features)", l.features.len()));
            continue;
        }
        for e in errors {
            let text = e.to_string();
            if !text.starts_with(&name) || text.len() < name.len() + 20 {
                failures.push(format!(
                    "{name}: message does not name the file or say enough: {text}"
                ));
            }
            let whole_file = [
                "empty",
                "gzip",
                "UTF-16",
                "UTF-8",
                "web page",
                "KML",
                "JavaScript",
            ];
            if e.place == Place::File && !whole_file.iter().any(|w| e.message.contains(w)) {
                failures.push(format!("{name}: no place given: {text}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} invalid files not refused properly:\n{}",
        failures.len(),
        failures.join("\n")
    );
    println!("corpus: {} invalid files refused with a place", all.len());
}
