//! The interface's words in English and Korean: one Fluent message catalogue per language
//! (`crates/core/i18n/en.ftl`, `ko.ftl`, built into the program), the interface language
//! chosen from the system's locale, and dates written as each language writes them.
//!
//! The names on the map are a separate choice ([`crate::model::Lang`]); this is the language
//! of buttons, panels, messages and hints.

use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::{FluentArgs, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::timeline::{FuzzyDate, MONTHS, Precision, Span, civil};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UiLang {
    /// English.
    #[default]
    En,
    /// Korean (한국어).
    Ko,
}

/// A catalogue embedded Deflate-compressed (by build.rs), inflated once.
fn catalogue(cell: &'static OnceLock<String>, packed: &[u8]) -> &'static str {
    cell.get_or_init(|| {
        let bytes = miniz_oxide::inflate::decompress_to_vec(packed)
            .expect("the catalogue was compressed by build.rs");
        String::from_utf8(bytes).expect("the catalogues are UTF-8")
    })
}

/// The English catalogue's text (i18n/en.ftl).
pub fn en_ftl() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    catalogue(
        &CELL,
        include_bytes!(concat!(env!("OUT_DIR"), "/en.ftl.deflate")),
    )
}

/// The Korean catalogue's text (i18n/ko.ftl).
pub fn ko_ftl() -> &'static str {
    static CELL: OnceLock<String> = OnceLock::new();
    catalogue(
        &CELL,
        include_bytes!(concat!(env!("OUT_DIR"), "/ko.ftl.deflate")),
    )
}

type Bundle = FluentBundle<FluentResource>;

fn bundle_of(code: &str, source: &str) -> Bundle {
    let id: LanguageIdentifier = code.parse().expect("a valid language tag");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks round arguments: egui would draw them as boxes.
    bundle.set_use_isolating(false);
    // A syntax error is caught by the catalogue tests; what parsed is used.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(r, _)| r);
    // A duplicate message is caught by the tests too; the first one stays.
    let _ = bundle.add_resource(resource);
    bundle
}

fn bundles() -> &'static [Bundle; 2] {
    static BUNDLES: OnceLock<[Bundle; 2]> = OnceLock::new();
    BUNDLES.get_or_init(|| [bundle_of("en", en_ftl()), bundle_of("ko", ko_ftl())])
}

impl UiLang {
    /// Both languages, English first.
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Ko];

    /// The language's code: `en`, `ko`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Ko => "ko",
        }
    }

    /// The language's name in itself, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Ko => "한국어",
        }
    }

    /// `en` or `ko` (as `--ui-lang` takes it).
    pub fn parse(s: &str) -> Result<UiLang, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(UiLang::En),
            "ko" | "korean" | "한국어" => Ok(UiLang::Ko),
            other => Err(format!(
                "\"{other}\" is not an interface language: use en or ko"
            )),
        }
    }

    /// The interface language for a system locale (`ko_KR.UTF-8`, `ko-KR`, `en-US`, `C`):
    /// Korean for any Korean locale, English otherwise.
    pub fn from_locale(locale: &str) -> UiLang {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if lang == "ko" { UiLang::Ko } else { UiLang::En }
    }

    fn bundle(self) -> &'static Bundle {
        &bundles()[self as usize]
    }

    /// The message `key` without arguments. A key missing from the catalogue (the tests
    /// forbid it) shows as the key itself rather than failing.
    pub fn t(self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message `key` with its arguments (see [`tr!`](crate::tr)).
    pub fn f(self, key: &str, args: &FluentArgs) -> String {
        self.format(key, Some(args))
    }

    fn format(self, key: &str, args: Option<&FluentArgs>) -> String {
        let bundle = self.bundle();
        let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
            return key.to_string();
        };
        let mut errors = Vec::new();
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned()
    }

    /// Whether the catalogue has the message `key`.
    pub fn has(self, key: &str) -> bool {
        self.bundle().has_message(key)
    }

    /// A day number as a full date: "17 October 2024", "2024년 10월 17일".
    pub fn long_date(self, days: i64) -> String {
        self.describe_date(&FuzzyDate::from_day(days))
    }

    /// A day number's month and year, for the timeline's axis: "Oct 2024", "2024년 10월".
    pub fn month_year(self, days: i64) -> String {
        let (y, m, _) = civil(days);
        match self {
            UiLang::En => format!("{} {y}", &MONTHS[m as usize - 1][..3]),
            UiLang::Ko => format!("{y}년 {m}월"),
        }
    }

    /// A month's short name for the timeline's axis: "Oct", "10월".
    pub fn month_short(self, month: u32) -> String {
        match self {
            UiLang::En => MONTHS[month as usize - 1][..3].to_string(),
            UiLang::Ko => format!("{month}월"),
        }
    }

    /// A date at the precision it is known: "2024", "October 2024", "17 October 2024";
    /// "2024년", "2024년 10월", "2024년 10월 17일".
    pub fn describe_date(self, date: &FuzzyDate) -> String {
        let (y, m, d) = (date.year, date.month, date.day);
        match (self, date.precision) {
            (UiLang::En, Precision::Year) => y.to_string(),
            (UiLang::En, Precision::Month) => format!("{} {y}", MONTHS[m as usize - 1]),
            (UiLang::En, _) => format!("{d} {} {y}", MONTHS[m as usize - 1]),
            (UiLang::Ko, Precision::Year) => format!("{y}년"),
            (UiLang::Ko, Precision::Month) => format!("{y}년 {m}월"),
            (UiLang::Ko, Precision::Day) => format!("{y}년 {m}월 {d}일"),
        }
    }

    /// A span: one date, or "8 October 2024 – 13 October 2024".
    pub fn describe_span(self, span: &Span) -> String {
        match span.end {
            None => self.describe_date(&span.start),
            Some(e) if e == span.start => self.describe_date(&span.start),
            Some(e) => format!(
                "{} – {}",
                self.describe_date(&span.start),
                self.describe_date(&e)
            ),
        }
    }
}

/// A message from the catalogue in a language: `tr!(lang, "key")`, or with arguments
/// `tr!(lang, "files-count", n = 3, name = "quakes.csv")` (numbers choose the plural form).
#[macro_export]
macro_rules! tr {
    ($lang:expr, $key:literal) => {
        $lang.t($key)
    };
    ($lang:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {{
        let mut args = $crate::i18n::FluentArgs::new();
        $( args.set(stringify!($name), $value); )+
        $lang.f($key, &args)
    }};
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;
    use fluent_syntax::parser;

    use super::*;

    /// Each message's id and the variables it uses (`$n`), from a catalogue's syntax tree.
    fn messages(source: &str) -> BTreeMap<String, BTreeSet<String>> {
        let resource = parser::parse(source).unwrap_or_else(|(_, errors)| {
            panic!("the catalogue does not parse: {errors:?}");
        });
        fn vars_in_pattern(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
            for el in &p.elements {
                if let ast::PatternElement::Placeable { expression } = el {
                    vars_in_expr(expression, out);
                }
            }
        }
        fn vars_in_inline(e: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::InlineExpression::VariableReference { id } => {
                    out.insert(id.name.to_string());
                }
                ast::InlineExpression::Placeable { expression } => vars_in_expr(expression, out),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    for a in &arguments.positional {
                        vars_in_inline(a, out);
                    }
                }
                _ => {}
            }
        }
        fn vars_in_expr(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
            match e {
                ast::Expression::Inline(i) => vars_in_inline(i, out),
                ast::Expression::Select { selector, variants } => {
                    vars_in_inline(selector, out);
                    for v in variants {
                        vars_in_pattern(&v.value, out);
                    }
                }
            }
        }
        let mut out = BTreeMap::new();
        for entry in resource.body {
            match entry {
                ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    let value = m.value.as_ref().unwrap_or_else(|| {
                        panic!("message {} has no value", m.id.name);
                    });
                    vars_in_pattern(value, &mut vars);
                    let id = m.id.name.to_string();
                    assert!(
                        out.insert(id.clone(), vars).is_none(),
                        "message {id} is there twice"
                    );
                }
                ast::Entry::Junk { content } => panic!("cannot read {content:?}"),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn both_catalogues_have_the_same_messages_with_the_same_arguments() {
        let en = messages(en_ftl());
        let ko = messages(ko_ftl());
        assert!(en.len() > 100, "only {} English messages", en.len());
        let missing_ko: Vec<_> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
        let missing_en: Vec<_> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing_ko.is_empty(), "not in Korean: {missing_ko:?}");
        assert!(missing_en.is_empty(), "not in English: {missing_en:?}");
        for (key, vars) in &en {
            assert_eq!(vars, &ko[key], "{key} takes other arguments in Korean");
        }
    }

    /// The names of a `words!("key", a = …, b = …)` call's arguments, from just after
    /// `words!(` to its closing bracket.
    fn argument_names(call: &str) -> std::collections::BTreeSet<String> {
        let (mut depth, mut in_str, mut escaped) = (1, false, false);
        let mut parts = vec![String::new()];
        for c in call.chars() {
            if in_str {
                in_str = c != '"' || escaped;
                escaped = c == '\\' && !escaped;
            } else {
                match c {
                    '"' => in_str = true,
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' => depth -= 1,
                    ',' if depth == 1 => {
                        parts.push(String::new());
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
            }
            parts.last_mut().unwrap().push(c);
        }
        parts
            .iter()
            .skip(1)
            .filter_map(|p| p.split_once('=').map(|(n, _)| n.trim().to_string()))
            .filter(|n| !n.is_empty())
            .collect()
    }

    /// The core's problems are worded by the catalogue: every key a `words!(…)` in the
    /// core's sources names is in both catalogues, and no problem is built from English
    /// text alone (`Problem { … words: None }` or a `message:` field written out).
    #[test]
    fn every_problem_the_core_words_is_in_both_catalogues() {
        let (en, ko) = (messages(en_ftl()), messages(ko_ftl()));
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = vec![src];
        let (mut keys, mut bypass) = (0, Vec::new());
        let mut missing = Vec::new();
        while let Some(p) = files.pop() {
            if p.is_dir() {
                files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if p.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            // Only the code, not its tests (which build English-only problems on purpose).
            let code = text.split("#[cfg(test)]").next().unwrap();
            for (i, _) in code.match_indices("words!(") {
                let rest = code[i + 7..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue; // the macro's own definition
                };
                let key = &rest[..rest.find('"').unwrap()];
                if key == "key" {
                    continue; // the macro's documentation
                }
                keys += 1;
                if !en.contains_key(key) || !ko.contains_key(key) {
                    missing.push(format!("{}: {key}", p.display()));
                    continue;
                }
                // The arguments it is given are the ones the message uses.
                let given = argument_names(&code[i + 7..]);
                if given != en[key] {
                    missing.push(format!(
                        "{}: {key} is given {given:?} but uses {:?}",
                        p.display(),
                        en[key]
                    ));
                }
            }
            if p.ends_with("problem.rs") {
                continue; // defines Problem and its English-only fallback
            }
            for bad in ["words: None", "message: format!", "message: \""] {
                if code.contains(bad) {
                    bypass.push(format!("{}: {bad}", p.display()));
                }
            }
        }
        assert!(keys > 300, "only {keys} worded problems found");
        assert!(missing.is_empty(), "not in both catalogues: {missing:#?}");
        assert!(
            bypass.is_empty(),
            "problems worded outside the catalogue: {bypass:#?}"
        );
    }

    #[test]
    fn every_message_formats_without_errors_in_both_languages() {
        for (lang, source) in [(UiLang::En, en_ftl()), (UiLang::Ko, ko_ftl())] {
            for (key, vars) in messages(source) {
                let mut args = FluentArgs::new();
                for v in &vars {
                    args.set(v.clone(), 2);
                }
                let bundle = lang.bundle();
                let msg = bundle.get_message(&key).expect("the message");
                let mut errors = Vec::new();
                let text = bundle.format_pattern(msg.value().unwrap(), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{lang:?} {key}: {errors:?}");
                assert!(!text.trim().is_empty(), "{lang:?} {key} is empty");
                // English messages have no Hangul but the name "한국어".
                let hangul = text
                    .replace("한국어", "")
                    .chars()
                    .any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
                if lang == UiLang::En {
                    assert!(!hangul, "English {key}: {text}");
                }
            }
        }
    }

    #[test]
    fn korean_messages_are_translated_not_copied() {
        // Only the names of keys, languages and units may read the same in both.
        let same_allowed = |key: &str| {
            (key.starts_with("key-") && !key.ends_with("-does"))
                || key.starts_with("lang-")
                || [
                    "save-progress",
                    "place-id",
                    "card-announce",
                    "announce-place",
                    // JSON's own word, and a problem quoted as it was written.
                    "kind-null",
                    "problem-as-written",
                    "encoding-named",
                ]
                .contains(&key)
        };
        let mut copied = Vec::new();
        for key in messages(en_ftl()).keys() {
            let mut args = FluentArgs::new();
            for v in [
                "n", "errors", "warnings", "shown", "done", "total", "line", "column", "row",
            ] {
                args.set(v, 2);
            }
            let (en, ko) = (UiLang::En.f(key, &args), UiLang::Ko.f(key, &args));
            if en == ko && !same_allowed(key) {
                copied.push(format!("{key} = {en}"));
            }
        }
        assert!(
            copied.is_empty(),
            "the same in Korean as in English: {copied:#?}"
        );
    }

    #[test]
    fn arguments_fill_in_and_numbers_choose_the_plural() {
        assert_eq!(tr!(UiLang::En, "files-button", n = 1), "Files (1)");
        assert_eq!(tr!(UiLang::Ko, "files-button", n = 3), "파일 (3)");
        assert_eq!(tr!(UiLang::En, "file-features", n = 1), "1 feature");
        assert_eq!(tr!(UiLang::En, "file-features", n = 12), "12 features");
        assert_eq!(tr!(UiLang::Ko, "file-features", n = 12), "도형 12개");
        // A missing key shows as itself (the app's source test forbids them).
        assert_eq!(UiLang::Ko.t("no-such-message"), "no-such-message");
        assert!(UiLang::Ko.has("top-home") && !UiLang::Ko.has("no-such-message"));
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        let month = FuzzyDate::parse("2024-10").unwrap();
        let day = FuzzyDate::parse("2024-10-17").unwrap();
        let year = FuzzyDate::parse("2024").unwrap();
        assert_eq!(UiLang::Ko.describe_date(&month), "2024년 10월");
        assert_eq!(UiLang::Ko.describe_date(&day), "2024년 10월 17일");
        assert_eq!(UiLang::Ko.describe_date(&year), "2024년");
        assert_eq!(UiLang::En.describe_date(&month), "October 2024");
        assert_eq!(UiLang::En.describe_date(&day), "17 October 2024");
        assert_eq!(UiLang::En.long_date(day.first_day()), "17 October 2024");
        assert_eq!(UiLang::Ko.month_year(day.first_day()), "2024년 10월");
        assert_eq!(UiLang::En.month_year(day.first_day()), "Oct 2024");
        assert_eq!(UiLang::En.month_short(9), "Sep");
        assert_eq!(UiLang::Ko.month_short(9), "9월");
        let span = Span {
            start: day,
            end: Some(FuzzyDate::parse("2024-11").unwrap()),
        };
        assert_eq!(
            UiLang::Ko.describe_span(&span),
            "2024년 10월 17일 – 2024년 11월"
        );
        assert_eq!(
            UiLang::En.describe_span(&span),
            "17 October 2024 – November 2024"
        );
    }

    #[test]
    fn the_interface_language_follows_the_system_locale() {
        assert_eq!(UiLang::from_locale("ko_KR.UTF-8"), UiLang::Ko);
        assert_eq!(UiLang::from_locale("ko-KR"), UiLang::Ko);
        assert_eq!(UiLang::from_locale("ko"), UiLang::Ko);
        assert_eq!(UiLang::from_locale("en_GB.UTF-8"), UiLang::En);
        assert_eq!(UiLang::from_locale("C"), UiLang::En);
        assert_eq!(UiLang::from_locale("kok_IN"), UiLang::En);
        assert_eq!(UiLang::parse("KO"), Ok(UiLang::Ko));
        assert!(UiLang::parse("fr").unwrap_err().contains("en or ko"));
    }
}
