//! Bounded, safe reading of ZIP archives (KMZ, zipped shapefiles), all in memory.
//!
//! Every limit is enforced while decompressing (each entry is read through `take(limit + 1)`),
//! not only from the sizes the archive declares, so a zip bomb ends in a clear [`Problem`]
//! after at most [`MAX_TOTAL_BYTES`], never in an exhausted machine. Nothing is written to
//! disk and nothing outside the archive is opened: an entry name is only ever compared, and
//! names that could escape a folder (absolute, `..`, backslashes, drive letters) are skipped.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::{error, warning};
use crate::geojson::MAX_FILE_BYTES;
use crate::problem::{Place, Problem};
use crate::words;

/// At most this many entries (files and folders) in an archive.
pub const MAX_ENTRIES: usize = 1000;
/// At most this many bytes, all extracted entries together.
pub const MAX_TOTAL_BYTES: u64 = 512 * 1024 * 1024;
/// An entry bigger than [`RATIO_FREE_BYTES`] may be at most this many times its compressed size.
pub const MAX_RATIO: u64 = 100;
/// Entries up to this size are not held to [`MAX_RATIO`] (small files of zeros are harmless).
pub const RATIO_FREE_BYTES: u64 = 1024 * 1024;

/// One extracted file of an archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its name in the archive, folders separated by `/` (checked safe, never used as a path).
    pub name: String,
    /// Its content.
    pub bytes: Vec<u8>,
}

impl Entry {
    /// The name's last part (after the last `/`).
    pub fn file_name(&self) -> &str {
        base_name(&self.name)
    }
}

/// The part of an entry name after its last `/`.
pub(crate) fn base_name(name: &str) -> &str {
    name.rsplit('/').next().unwrap_or(name)
}

/// True when `bytes` start like a ZIP archive (a local file header, or an empty archive).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Extracts the entries of a ZIP archive for which `want(name)` is true (the others are never
/// decompressed). Folder entries and macOS metadata (`__MACOSX/`, `._name`) are left out
/// silently; entries with unsafe names are left out with a warning. `None` when the archive
/// as a whole is refused (not a ZIP, damaged, too many entries, a zip bomb), with the reason
/// in `problems`.
pub fn read_zip(
    file: &str,
    bytes: &[u8],
    mut want: impl FnMut(&str) -> bool,
    problems: &mut Vec<Problem>,
) -> Option<Vec<Entry>> {
    if bytes.len() > MAX_FILE_BYTES {
        problems.push(super::too_big(file, bytes.len()));
        return None;
    }
    // Checked before the archive is opened too: opening reads every entry's directory record.
    if let Some(n) = declared_entries(bytes)
        && n > MAX_ENTRIES
    {
        problems.push(too_many(file, n));
        return None;
    }
    let mut zip = match ZipArchive::new(Cursor::new(bytes)) {
        Ok(z) => z,
        Err(e) => {
            let (message, hint) = if is_zip(bytes) {
                (
                    words!("zip-damaged-cannot-open", e = e),
                    words!("zip-damaged-cannot-open-hint"),
                )
            } else {
                (words!("zip-not-zip"), words!("zip-not-zip-hint"))
            };
            problems.push(error(file, Place::File, message, hint));
            return None;
        }
    };
    if zip.len() > MAX_ENTRIES {
        problems.push(too_many(file, zip.len()));
        return None;
    }
    let mut out = Vec::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let mut entry = match zip.by_index(i) {
            Ok(e) => e,
            Err(e) => {
                problems.push(entry_problem(file, i, &e));
                return None;
            }
        };
        let name = decode_name(entry.name_raw());
        if entry.is_dir() || name.ends_with('/') || is_metadata(&name) {
            continue;
        }
        if !safe_name(&name) {
            problems.push(warning(
                file,
                Place::File,
                words!("zip-archive-entry-name-points", name = name),
                words!("zip-nothing-do-if-file"),
            ));
            continue;
        }
        if !want(&name) {
            continue;
        }
        let compressed = entry.compressed_size();
        let by_ratio = compressed.saturating_mul(MAX_RATIO).max(RATIO_FREE_BYTES);
        let left = MAX_TOTAL_BYTES - total;
        let limit = by_ratio.min(left);
        // The declared size only sizes the first allocation; the limit is what counts.
        let mut buf = Vec::with_capacity(entry.size().min(limit).min(64 << 20) as usize);
        if let Err(e) = (&mut entry).take(limit + 1).read_to_end(&mut buf) {
            problems.push(error(
                file,
                Place::File,
                words!("zip-archive-entry-could-not", name = name, e = e),
                words!("zip-archive-damaged-download-copy"),
            ));
            return None;
        }
        if buf.len() as u64 > limit {
            let p = if limit == by_ratio {
                error(
                    file,
                    Place::File,
                    words!(
                        "zip-archive-entry-expands-more",
                        name = name,
                        value = MAX_RATIO
                    ),
                    words!("zip-if-you-trust-archive"),
                )
            } else {
                error(
                    file,
                    Place::File,
                    words!(
                        "zip-archive-expands-more-than",
                        value = MAX_TOTAL_BYTES >> 20
                    ),
                    words!("zip-unzip-zip-only-files"),
                )
            };
            problems.push(p);
            return None;
        }
        total += buf.len() as u64;
        out.push(Entry { name, bytes: buf });
    }
    Some(out)
}

fn too_many(file: &str, n: usize) -> Problem {
    error(
        file,
        Place::File,
        words!("zip-archive-holds-files-more", n = n, value = MAX_ENTRIES),
        words!("zip-unzip-zip-only-files-2"),
    )
}

/// The number of entries the archive's end record declares (`None` when it is not found, or
/// the archive is ZIP64, which declares it elsewhere).
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    // The end record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
    let from = bytes.len().saturating_sub(22 + 65535);
    let tail = &bytes[from..];
    let u16_at = |i: usize| tail.get(i..i + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    // The record whose comment ends where the file ends (the signature may recur in a comment).
    let at = (0..tail.len().saturating_sub(21)).rev().find(|&i| {
        tail[i..].starts_with(b"PK\x05\x06")
            && u16_at(i + 20).is_some_and(|c| i + 22 + usize::from(c) == tail.len())
    })?;
    let n = u16_at(at + 10)?;
    (n != u16::MAX).then_some(usize::from(n))
}

fn entry_problem(file: &str, i: usize, e: &ZipError) -> Problem {
    let (message, hint) = match e {
        ZipError::UnsupportedArchive(m) if m.to_ascii_lowercase().contains("password") => (
            words!("zip-archive-password-protected"),
            words!("zip-unzip-password-zip-files"),
        ),
        ZipError::UnsupportedArchive(_) | ZipError::CompressionMethodNotSupported(_) => (
            words!("zip-file-archive-uses-kind", i = i + 1, e = e),
            words!("zip-unzip-zip-files-again"),
        ),
        _ => (
            words!("zip-zip-archive-damaged", e = e),
            words!("zip-download-copy-file-again"),
        ),
    };
    error(file, Place::File, message, hint)
}

/// An entry's name: UTF-8 when it is valid UTF-8, else the Korean Windows encoding (CP949),
/// which archives made on Korean Windows use without saying so.
fn decode_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::EUC_KR
            .decode_without_bom_handling(raw)
            .0
            .into_owned(),
    }
}

/// macOS adds `__MACOSX/…` and `._name` entries (resource forks) to the archives it makes.
fn is_metadata(name: &str) -> bool {
    name.starts_with("__MACOSX/") || base_name(name).starts_with("._")
}

/// False for names that could point outside a folder they were extracted into: absolute,
/// with a `..` part, a backslash (a Windows separator or an escape) or a drive letter, or a
/// control character.
pub(crate) fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('/')
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && !name.split('/').any(|part| part == "..")
        && !name
            .split('/')
            .next()
            .is_some_and(|first| first.len() >= 2 && first.as_bytes()[1] == b':')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::problem::Severity;
    use std::io::Write;
    use zip::write::SimpleFileOptions;

    /// An archive of the given (name, content) entries, deflated.
    pub(crate) fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn reads_wanted_entries_and_skips_metadata() {
        let z = zip_of(&[
            ("a.txt", b"hello"),
            ("dir/b.kml", b"<kml/>"),
            ("__MACOSX/dir/._b.kml", b"junk"),
            ("c.bin", b"not wanted"),
        ]);
        let mut problems = Vec::new();
        let got = read_zip("t.zip", &z, |n| !n.ends_with(".bin"), &mut problems).unwrap();
        let names: Vec<_> = got.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "dir/b.kml"]);
        assert_eq!(got[1].bytes, b"<kml/>");
        assert_eq!(got[1].file_name(), "b.kml");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn unsafe_names_are_skipped_with_a_warning() {
        for bad in [
            "../evil.kml",
            "a/../../evil.kml",
            "/etc/passwd",
            "C:/x.kml",
            "..\\x.kml",
        ] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert!(safe_name("REL/releaseArea.shp"));
        assert!(safe_name("a..b.kml"));
        let z = zip_of(&[("../evil.kml", b"<kml/>"), ("good.kml", b"<kml/>")]);
        let mut problems = Vec::new();
        let got = read_zip("t.zip", &z, |_| true, &mut problems).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "good.kml");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(
            problems[0].message.contains("../evil.kml"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn too_many_entries_are_refused() {
        let names: Vec<String> = (0..=MAX_ENTRIES).map(|i| format!("f{i}.txt")).collect();
        let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
        let z = zip_of(&entries);
        let mut problems = Vec::new();
        assert!(read_zip("t.zip", &z, |_| true, &mut problems).is_none());
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(
            problems[0].message.contains("1001 files"),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_quickly_with_bounded_memory() {
        // 200 MB of zeros compress to about 200 KB; reading stops at 100 times that.
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .large_file(false);
        w.start_file("bomb.kml", opts).unwrap();
        let mb = vec![0u8; 1 << 20];
        for _ in 0..200 {
            w.write_all(&mb).unwrap();
        }
        let z = w.finish().unwrap().into_inner();
        assert!(z.len() < 1 << 20, "{}", z.len());
        let t = std::time::Instant::now();
        let mut problems = Vec::new();
        assert!(read_zip("bomb.zip", &z, |_| true, &mut problems).is_none());
        assert!(t.elapsed().as_secs() < 10);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].severity, Severity::Error);
        assert!(problems[0].message.contains("zip bomb"), "{}", problems[0]);
        assert!(problems[0].hint.contains("without compression"));
    }

    #[test]
    fn not_a_zip_and_damaged_zips_are_refused() {
        let mut problems = Vec::new();
        assert!(read_zip("t.zip", b"hello", |_| true, &mut problems).is_none());
        assert!(problems[0].message.contains("not a ZIP"));
        let z = zip_of(&[("a.txt", b"hello hello hello hello")]);
        for cut in [10, z.len() / 2, z.len() - 5] {
            let mut problems = Vec::new();
            let _ = read_zip("t.zip", &z[..cut], |_| true, &mut problems);
            assert!(!problems.is_empty(), "cut at {cut}");
        }
    }
}
