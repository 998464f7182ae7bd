//! The state of the map in a link: `#view=korea&date=2024-11-26&lang=ko&lesson=…&step=3`,
//! read from the web page's address and written by "Copy link", so a class sees exactly what
//! its teacher saw. Bad values are left out with a message; reading never fails as a whole.

use crate::i18n::UiLang;
use crate::model::Lang;
use crate::problem::Words;
use crate::timeline::{FuzzyDate, Window, iso};
use crate::view::ViewSpec;
use crate::words;

/// Which map shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The flat map.
    Map,
    /// The globe.
    Globe,
}

/// What a link says; each part is optional (the app keeps its own where a link says nothing).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkState {
    /// The view (`view=korea`, `region`, `world` or `LON,LAT,ZOOM`).
    pub view: Option<ViewSpec>,
    /// Map or globe (`mode=map`, `mode=globe`).
    pub mode: Option<Mode>,
    /// The timeline's date, a day number (`date=2024-11-26`).
    pub date: Option<i64>,
    /// Everything so far or only recent events (`window=all`, `window=90`: days).
    pub window: Option<Window>,
    /// The language of the map's names (`lang=en`, `ko`, `both`).
    pub lang: Option<Lang>,
    /// The interface's language (`ui=en`, `ui=ko`).
    pub ui: Option<UiLang>,
    /// The selected event, by id (`event=…`).
    pub event: Option<String>,
    /// A lesson, by id (`lesson=…`; the bundled lesson is `hamhung-kursk`).
    pub lesson: Option<String>,
    /// The lesson's step: a number from 1 or a step's id (`step=3`).
    pub step: Option<String>,
}

/// The keys a link may carry, in the order a link is written.
pub const KEYS: [&str; 9] = [
    "view", "mode", "date", "window", "lang", "ui", "event", "lesson", "step",
];

/// The longest link part read (characters); longer values are refused, not cut.
const LONGEST: usize = 200;

/// Reads a link's state from the part after `#` (with or without the `#`, or a whole
/// address). Unknown keys and bad values are left out, each with a message in words.
pub fn read(link: &str) -> (LinkState, Vec<Words>) {
    let fragment = match link.split_once('#') {
        Some((_, f)) => f,
        None => link,
    };
    let mut state = LinkState::default();
    let mut problems = Vec::new();
    for part in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, raw) = part.split_once('=').unwrap_or((part, ""));
        let key = decode(key).unwrap_or_default();
        let Some(value) = decode(raw).filter(|v| v.chars().count() <= LONGEST) else {
            problems.push(words!("link-bad-text", key = key.clone()));
            continue;
        };
        let bad = |hint: &str| {
            words!(
                "link-bad-value",
                key = key.clone(),
                value = value.clone(),
                hint = hint.to_string()
            )
        };
        match key.as_str() {
            "view" => match ViewSpec::parse(&value) {
                Ok(v) => state.view = Some(v),
                Err(_) => problems.push(bad("korea, region, world, 127.5,38.5,6")),
            },
            "mode" => match value.as_str() {
                "map" => state.mode = Some(Mode::Map),
                "globe" => state.mode = Some(Mode::Globe),
                _ => problems.push(bad("map, globe")),
            },
            "date" => match FuzzyDate::parse(&value) {
                Ok(d) => state.date = Some(d.first_day()),
                Err(_) => problems.push(bad("2024-11-26")),
            },
            "window" => match value.as_str() {
                "all" => state.window = Some(Window::Cumulative),
                days => match days.parse::<u32>() {
                    Ok(d) if (1..=3650).contains(&d) => {
                        state.window = Some(Window::Recent { days: f64::from(d) })
                    }
                    _ => problems.push(bad("all, 90")),
                },
            },
            "lang" => match Lang::parse(&value) {
                Ok(l) => state.lang = Some(l),
                Err(_) => problems.push(bad("en, ko, both")),
            },
            "ui" => match value.as_str() {
                "en" => state.ui = Some(UiLang::En),
                "ko" => state.ui = Some(UiLang::Ko),
                _ => problems.push(bad("en, ko")),
            },
            "event" | "lesson" | "step" if is_id(&value) => {
                let slot = match key.as_str() {
                    "event" => &mut state.event,
                    "lesson" => &mut state.lesson,
                    _ => &mut state.step,
                };
                *slot = Some(value);
            }
            "event" | "lesson" | "step" => problems.push(bad("hamhung-kursk, 3")),
            _ => problems.push(words!("link-unknown-key", key = key.clone())),
        }
    }
    (state, problems)
}

/// Writes a link's state as the part after `#`, its keys in the order of [`KEYS`].
pub fn write(state: &LinkState) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut put = |key: &str, value: String| parts.push(format!("{key}={}", encode(&value)));
    if let Some(v) = &state.view {
        put(
            "view",
            match v {
                ViewSpec::Korea => "korea".to_string(),
                ViewSpec::Region => "region".to_string(),
                ViewSpec::World => "world".to_string(),
                ViewSpec::At { center, zoom } => {
                    format!("{:.3},{:.3},{:.2}", center[0], center[1], zoom)
                }
            },
        );
    }
    if let Some(m) = state.mode {
        put(
            "mode",
            match m {
                Mode::Map => "map",
                Mode::Globe => "globe",
            }
            .to_string(),
        );
    }
    if let Some(d) = state.date {
        put("date", iso(d));
    }
    if let Some(w) = state.window {
        put(
            "window",
            match w {
                Window::Cumulative => "all".to_string(),
                Window::Recent { days } => format!("{}", days.round().max(1.0) as u32),
            },
        );
    }
    if let Some(l) = state.lang {
        put("lang", l.code().to_string());
    }
    if let Some(u) = state.ui {
        put("ui", u.code().to_string());
    }
    for (key, value) in [
        ("event", &state.event),
        ("lesson", &state.lesson),
        ("step", &state.step),
    ] {
        if let Some(v) = value {
            put(key, v.clone());
        }
    }
    parts.join("&")
}

/// Whether a value may name an event, a lesson or a step: letters, digits, `-`, `_`, `.`.
fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A link part with `%XX` escapes and `+` (a space) decoded; `None` where it is not UTF-8
/// or an escape is broken.
fn decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A value escaped for a link: everything but letters, digits and `-_.~,` as `%XX`.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|c| match c {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b',' => {
                (c as char).to_string()
            }
            _ => format!("%{c:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::day_number;

    #[test]
    fn reads_the_link_of_the_issue() {
        let (s, problems) = read(
            "https://school.example/dateline/index.html#view=korea&date=2024-11-26&lang=ko&lesson=hamhung-kursk&step=3",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(s.view, Some(ViewSpec::Korea));
        assert_eq!(s.date, Some(day_number(2024, 11, 26)));
        assert_eq!(s.lang, Some(Lang::Ko));
        assert_eq!(s.lesson.as_deref(), Some("hamhung-kursk"));
        assert_eq!(s.step.as_deref(), Some("3"));
        assert_eq!(s.mode, None);
    }

    #[test]
    fn a_written_link_reads_back_the_same() {
        let s = LinkState {
            view: Some(ViewSpec::At {
                center: [127.5, 38.25],
                zoom: 6.5,
            }),
            mode: Some(Mode::Globe),
            date: Some(day_number(2024, 10, 8)),
            window: Some(Window::Recent { days: 90.0 }),
            lang: Some(Lang::Both),
            ui: Some(UiLang::Ko),
            event: Some("kursk-nk-troops".into()),
            lesson: Some("hamhung-kursk".into()),
            step: Some("special-forces".into()),
        };
        let link = write(&s);
        assert_eq!(
            link,
            "view=127.500,38.250,6.50&mode=globe&date=2024-10-08&window=90&lang=both&ui=ko&event=kursk-nk-troops&lesson=hamhung-kursk&step=special-forces"
        );
        let (back, problems) = read(&format!("#{link}"));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(back, s);
        assert_eq!(write(&LinkState::default()), "");
    }

    #[test]
    fn bad_values_are_left_out_with_a_message_never_a_panic() {
        let (s, problems) = read(
            "#view=mars&mode=flat&date=2024-13-45&window=-3&lang=fr&ui=de&event=<script>&zoom=9&date=2024-11-26&step=%E0%A4",
        );
        // The good date after the bad one is kept; everything else is refused.
        assert_eq!(s.date, Some(day_number(2024, 11, 26)));
        assert_eq!(s.view, None);
        assert_eq!(s.event, None);
        let keys: Vec<&str> = problems.iter().map(|w| w.key).collect();
        assert_eq!(
            keys,
            [
                "link-bad-value",
                "link-bad-value",
                "link-bad-value",
                "link-bad-value",
                "link-bad-value",
                "link-bad-value",
                "link-bad-value",
                "link-unknown-key",
                "link-bad-text"
            ]
        );
        let text = problems[0].text(UiLang::En);
        assert!(text.contains("mars") && text.contains("korea"), "{text}");
        assert!(!problems[0].text(UiLang::Ko).is_empty());
        // Whatever the bytes, reading returns.
        for junk in [
            "%",
            "%%%",
            "=&=&",
            "view",
            "#&&&",
            "step=%FF%FE",
            "lesson=a%2",
        ] {
            let _ = read(junk);
        }
        let long = format!("event={}", "a".repeat(500));
        assert_eq!(read(&long).0.event, None);
    }

    #[test]
    fn values_are_escaped_in_a_written_link() {
        let s = LinkState {
            event: Some("a b&c".into()),
            ..LinkState::default()
        };
        assert_eq!(write(&s), "event=a%20b%26c");
        assert_eq!(decode("a%20b%26c").as_deref(), Some("a b&c"));
    }
}
