//! Compresses the bundled map layers and font and the interface's two catalogues (Deflate)
//! into the build's output folder: the core embeds them compressed, so the program, and the
//! web page most of all, is 2.5 MB smaller; `atlas::bundled` and `i18n` inflate each once,
//! when first used.

use std::path::Path;

/// The files, relative to the core's folder.
const BUNDLED: [&str; 7] = [
    "../../assets/map/countries.geojson",
    "../../assets/map/lines.geojson",
    "../../assets/map/lakes.geojson",
    "../../assets/map/places.geojson",
    "../../assets/fonts/DatelineSansKR-Regular.otf",
    "i18n/en.ftl",
    "i18n/ko.ftl",
];

fn main() {
    // (Read when the script runs, not when it was compiled: a clone moved or built from
    // another folder with a shared target keeps finding its own files.)
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let assets = Path::new(&root);
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    for file in BUNDLED {
        let from = assets.join(file);
        println!("cargo:rerun-if-changed={}", from.display());
        let bytes = std::fs::read(&from)
            .unwrap_or_else(|e| panic!("cannot read the bundled {}: {e}", from.display()));
        let packed = miniz_oxide::deflate::compress_to_vec(&bytes, 9);
        let name = Path::new(file).file_name().expect("a file name");
        let to = Path::new(&out).join(name).with_extension(format!(
            "{}.deflate",
            Path::new(file)
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
        ));
        std::fs::write(&to, packed)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", to.display()));
    }
}
