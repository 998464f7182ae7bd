//! Problems found in a file: how bad (error or warning), where (the file as a whole, a line
//! and column, a JSON path or a CSV cell), what is wrong and what to do, shown as one line.

use std::fmt;

use crate::i18n::{FluentArgs, UiLang};
use crate::timeline::FuzzyDate;
use crate::tr;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Something was normalised; the data loaded.
    Warning,
    /// Something could not be loaded.
    Error,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A line and column (1-based), for syntax errors.
    LineCol(usize, usize),
    /// A JSON path such as `features[3].geometry.coordinates[0]`.
    Path(String),
    /// The file's top-level JSON object (its outermost `{ … }`).
    Top,
    /// A CSV cell: the row as a spreadsheet numbers it (the header is row 1) and the column.
    Cell {
        /// Row number, 1 = header.
        row: usize,
        /// Column name (empty for the row as a whole).
        column: String,
    },
}

/// One problem found in a file, in words a non-specialist can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// The file's name as the user knows it.
    pub file: String,
    /// Where in the file.
    pub place: Place,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// The message and the hint as the interface's catalogue words them (key and arguments),
    /// so they are shown in the interface's language; `None` for a problem made from English
    /// text alone ([`Problem::message`], [`Problem::hint`]), which none of Dateline's readers
    /// make (a core test checks their sources).
    pub words: Option<Box<[Words; 2]>>,
}

/// A problem's words from the catalogue: `words!("key", name = value, …)` makes the
/// [`Words`] of message `key` with its arguments written out.
#[macro_export]
macro_rules! words {
    ($key:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::problem::Words::key($key)$(.arg(stringify!($name), &$value))*
    };
}

/// A message from the interface's catalogue: its key and arguments (already written out,
/// or themselves words of the catalogue, shown in the same language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The catalogue's key.
    pub key: &'static str,
    /// The arguments by name.
    pub args: Vec<(&'static str, Arg)>,
}

/// One argument of [`Words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text or a number, the same in every language (a name, a value from the file).
    Text(String),
    /// Words of the catalogue ("a number", "숫자"), in the message's language.
    Words(Words),
    /// A date written out in the message's language ("7 February 2018", "2018년 2월 7일").
    Date(FuzzyDate),
}

/// A date as an argument of [`Words`], written out in the message's language (a
/// [`FuzzyDate`] itself is written as ISO 8601, the same in every language).
pub struct InWords(pub FuzzyDate);

impl WordsArg for InWords {
    fn to_arg(&self) -> Arg {
        Arg::Date(self.0)
    }
}

impl WordsArg for &InWords {
    fn to_arg(&self) -> Arg {
        Arg::Date(self.0)
    }
}

/// What can be an argument of [`Words`]: anything written out, or other [`Words`].
pub trait WordsArg {
    /// The argument.
    fn to_arg(&self) -> Arg;
}

impl<T: fmt::Display + ?Sized> WordsArg for T {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl WordsArg for Words {
    fn to_arg(&self) -> Arg {
        Arg::Words(self.clone())
    }
}

impl WordsArg for &Words {
    fn to_arg(&self) -> Arg {
        Arg::Words((*self).clone())
    }
}

impl WordsArg for &&Words {
    fn to_arg(&self) -> Arg {
        Arg::Words((**self).clone())
    }
}

impl Words {
    /// A message without arguments.
    pub fn key(key: &'static str) -> Words {
        Words {
            key,
            args: Vec::new(),
        }
    }

    /// Adds an argument.
    pub fn arg(mut self, name: &'static str, value: impl WordsArg) -> Words {
        self.args.push((name, value.to_arg()));
        self
    }

    /// The message in a language.
    pub fn text(&self, lang: UiLang) -> String {
        let mut args = FluentArgs::new();
        for (k, v) in &self.args {
            match v {
                // Only whole numbers are numbers (for the plural forms): a decimal keeps the
                // digits it was written with.
                Arg::Text(v) => match v.parse::<i64>() {
                    Ok(n) => args.set(*k, n),
                    _ => args.set(*k, v.clone()),
                },
                Arg::Words(w) => args.set(*k, w.text(lang)),
                Arg::Date(d) => args.set(*k, lang.describe_date(d)),
            }
        }
        lang.f(self.key, &args)
    }
}

impl Problem {
    /// A problem worded by the catalogue: its English text in `message` and `hint`, and its
    /// words kept for the other language.
    pub fn worded(
        severity: Severity,
        file: &str,
        place: Place,
        message: Words,
        hint: Words,
    ) -> Problem {
        Problem {
            severity,
            file: file.to_string(),
            place,
            message: message.text(UiLang::En),
            hint: hint.text(UiLang::En),
            words: Some(Box::new([message, hint])),
        }
    }

    /// What is wrong, as the catalogue's words (for quoting in another problem).
    pub fn message_words(&self) -> Words {
        match &self.words {
            Some(w) => w[0].clone(),
            None => Words::key("problem-as-written").arg("text", &self.message),
        }
    }

    /// What is wrong, in a language (English where the problem has no catalogue words).
    pub fn message_in(&self, lang: UiLang) -> String {
        match &self.words {
            Some(w) => w[0].text(lang),
            None => self.message.clone(),
        }
    }

    /// What to do, in a language (English where the problem has no catalogue words).
    pub fn hint_in(&self, lang: UiLang) -> String {
        match &self.words {
            Some(w) => w[1].text(lang),
            None => self.hint.clone(),
        }
    }

    /// Where in the file, in words: "the whole file", "line 3, column 7", "row 4, column
    /// \"date\"", a JSON path as it is.
    pub fn place_in(&self, lang: UiLang) -> String {
        match &self.place {
            Place::File => tr!(lang, "problem-whole-file"),
            Place::Top => tr!(lang, "problem-top-level"),
            Place::LineCol(l, c) => tr!(lang, "problem-line-col", line = *l, column = *c),
            Place::Path(path) => path.clone(),
            Place::Cell { row, column } if column.is_empty() => {
                tr!(lang, "problem-row", row = *row)
            }
            Place::Cell { row, column } => {
                tr!(lang, "problem-cell", row = *row, column = column.as_str())
            }
        }
    }

    /// The problem on one line in a language: "lesson.json, line 3, column 7: error: …
    /// — …".
    pub fn describe(&self, lang: UiLang) -> String {
        let sev = match self.severity {
            Severity::Warning => tr!(lang, "problem-warning-word"),
            Severity::Error => tr!(lang, "problem-error-word"),
        };
        let mut s = match self.place {
            Place::File => self.file.clone(),
            _ => format!("{}, {}", self.file, self.place_in(lang)),
        };
        s.push_str(&format!(": {sev}: {}", self.message_in(lang)));
        let hint = self.hint_in(lang);
        if !hint.is_empty() {
            s.push_str(&format!(" — {hint}"));
        }
        s
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}", self.file)?;
        match &self.place {
            Place::File => {}
            Place::LineCol(l, c) => write!(f, ":{l}:{c}")?,
            Place::Path(p) => write!(f, " at {p}")?,
            Place::Top => write!(f, " at the top-level object")?,
            Place::Cell { row, column } if column.is_empty() => write!(f, " row {row}")?,
            Place::Cell { row, column } => write!(f, " row {row}, column \"{column}\"")?,
        }
        write!(f, ": {sev}: {}", self.message)?;
        if !self.hint.is_empty() {
            write!(f, " — {}", self.hint)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_worded_problem_reads_in_both_languages_and_an_english_one_stays_english() {
        let p = Problem::worded(
            Severity::Error,
            "big.geojson",
            Place::LineCol(3, 7),
            Words::key("load-too-big").arg("mb", 300).arg("limit", 200),
            Words::key("load-too-big-hint"),
        );
        assert_eq!(p.message, "the file is 300 MB; the limit is 200 MB");
        assert_eq!(
            p.message_in(UiLang::Ko),
            "파일이 300 MB입니다. 한도는 200 MB입니다"
        );
        assert!(p.hint_in(UiLang::Ko).contains("mapshaper"));
        assert_eq!(
            p.describe(UiLang::Ko),
            format!(
                "big.geojson, 3행 7열: 오류: {} — {}",
                p.message_in(UiLang::Ko),
                p.hint_in(UiLang::Ko)
            )
        );
        assert!(
            p.describe(UiLang::En)
                .starts_with("big.geojson, line 3, column 7: error: the file is 300 MB")
        );
        let old = Problem {
            severity: Severity::Warning,
            file: "a.csv".into(),
            place: Place::Cell {
                row: 4,
                column: "date".into(),
            },
            message: "a message".into(),
            hint: String::new(),
            words: None,
        };
        assert_eq!(old.message_in(UiLang::Ko), "a message");
        assert_eq!(
            old.describe(UiLang::Ko),
            "a.csv, 4행, \"date\" 열: 경고: a message"
        );
    }
}
