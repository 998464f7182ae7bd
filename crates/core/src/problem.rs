//! Problems found in a file: how bad (error or warning), where (the file as a whole, a line
//! and column, a JSON path or a CSV cell), what is wrong and what to do, shown as one line.

use std::fmt;

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
