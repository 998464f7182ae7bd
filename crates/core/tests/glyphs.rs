//! Every character of the bundled data has a glyph in the bundled font: map labels are drawn
//! with that font alone (no fallback), so a missing glyph would show as a box. Walks every
//! string of the places, countries, lines and events files, the bundled lesson and the credits.

use dateline_core::atlas::bundled;
use dateline_core::labels::TextMeasure;

fn strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => {
            for (k, x) in o {
                out.push_str(k);
                out.push('\n');
                strings(x, out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_character_of_the_bundled_data_has_a_glyph() {
    let events: &[u8] = include_bytes!("../../../assets/events/nk-russia-2023-2024.geojson");
    let credits = include_str!("../../../assets/CREDITS.txt");
    let mut text = String::from(credits);
    for (name, bytes) in [
        ("places", bundled::places()),
        ("countries", bundled::countries()),
        ("lines", bundled::lines()),
        ("events", events),
        ("lesson", dateline_core::lesson::BUNDLED),
    ] {
        let v: serde_json::Value =
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Coordinates are numbers: only names, notes, titles and summaries are walked.
        strings(&v, &mut text);
    }
    let measure = TextMeasure::bundled();
    let missing = measure.missing(&text);
    assert!(missing.is_empty(), "no glyph for {missing:?}");
    // The check can fail: Hanja and emoji are not in the subset.
    assert_eq!(measure.missing("Хасан 독도 竹島"), vec!['島', '竹']);
}
