//! Dates with the precision a source gives (year, month or day), spans, visibility at a date,
//! stepping from event to event, and playback that jumps over empty stretches.
//!
//! Days are counted as a plain day number (days since 1970-01-01, proleptic Gregorian), so a
//! date on the timeline is an `f64` day and all arithmetic is on numbers.

use std::fmt;

use crate::i18n::UiLang;
use crate::problem::Words;
use crate::words;

/// How precise a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year is known.
    Year,
    /// Year and month.
    Month,
    /// Year, month and day.
    Day,
}

/// A calendar date with the precision it was given in: `2024`, `2024-10` or `2024-10-17`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    /// Year (four digits).
    pub year: i32,
    /// Month 1–12 (1 when only the year is known).
    pub month: u32,
    /// Day 1–31 (1 when only the month is known).
    pub day: u32,
    /// What is known.
    pub precision: Precision,
}

/// The months' English names (the interface's English dates use them too).
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Day number of a civil date (days since 1970-01-01), after Howard Hinnant's
/// `days_from_civil` algorithm.
pub fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day number; the inverse of [`day_number`].
pub fn civil(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// `YYYY-MM-DD` of a day number.
pub fn iso(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// "13 September 2023" for a day number.
pub fn long_date(days: i64) -> String {
    UiLang::En.long_date(days)
}

/// "Sep 2023" for a day number (axis labels).
pub fn month_year(days: i64) -> String {
    UiLang::En.month_year(days)
}

/// How a date in a file was written, so a user can be told how it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DateForm {
    /// A calendar date: `2024`, `2024-10`, `2024-10-17`.
    Calendar,
    /// An ISO 8601 date and time (`2024-10-17T14:30:00+09:00`): the day as written is used.
    DateTime,
    /// Seconds since 1970-01-01 UTC (Unix time), read as a day in UTC.
    EpochSeconds,
    /// Milliseconds since 1970-01-01 UTC (JavaScript time, USGS feeds), read as a day in UTC.
    EpochMillis,
}

impl DateForm {
    /// How dates of this form were read, for the warning that says so.
    pub fn explain(self) -> Words {
        match self {
            DateForm::Calendar => words!("date-form-calendar"),
            DateForm::DateTime => words!("date-form-date-time"),
            DateForm::EpochSeconds => words!("date-form-seconds"),
            DateForm::EpochMillis => words!("date-form-millis"),
        }
    }
}

/// Seconds or milliseconds since 1970 → a day-precision date (UTC), with its form; `None`
/// when the number is too small to be Unix time (under 10⁸, about March 1973 in seconds) or
/// its date falls outside the years 1–9999.
fn from_epoch(n: f64) -> Option<(FuzzyDate, DateForm)> {
    if !n.is_finite() || n.abs() < 1e8 {
        return None;
    }
    // 10¹¹ seconds is the year 5138; 10¹¹ milliseconds is March 1973.
    let (secs, form) = if n.abs() >= 1e11 {
        (n / 1000.0, DateForm::EpochMillis)
    } else {
        (n, DateForm::EpochSeconds)
    };
    let day = (secs / 86_400.0).floor();
    let years = day_number(1, 1, 1) as f64..=day_number(9999, 12, 31) as f64;
    years
        .contains(&day)
        .then(|| (FuzzyDate::from_day(day as i64), form))
}

/// Checks a time of day after a date: `HH:MM`, `HH:MM:SS`, optional fraction, then `Z` or an
/// offset `+09:00` / `+0900` / `+09`, or nothing.
fn is_time_of_day(t: &str) -> bool {
    let b = t.as_bytes();
    let two = |i: usize, max: u32| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0') <= max
    };
    if !two(0, 24) || b.get(2) != Some(&b':') || !two(3, 59) {
        return false;
    }
    let mut i = 5;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 60) {
            return false;
        }
        i += 3;
        if matches!(b.get(i), Some(b'.' | b',')) {
            i += 1;
            let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            i += digits;
        }
    }
    let zone = t[i..].trim_start();
    if zone.is_empty() || zone == "Z" || zone == "z" || zone.eq_ignore_ascii_case("UTC") {
        return true;
    }
    let z = zone.as_bytes();
    if !matches!(z[0], b'+' | b'-') {
        return false;
    }
    let rest = &zone[1..];
    let rest = rest.replace(':', "");
    rest.len() == 2 || rest.len() == 4 && rest.bytes().all(|c| c.is_ascii_digit())
}

impl FuzzyDate {
    /// Parses a date as files in the wild write it, and says which form it was:
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, an ISO 8601 date-time with or without a zone
    /// (`2024-10-17T14:30:00Z`, `2024-10-17 14:30+09:00`), or Unix time in seconds or
    /// milliseconds written as digits (`1729175400`, `1729175400000`).
    pub fn parse_any(s: &str) -> Result<(FuzzyDate, DateForm), Words> {
        let t = s.trim();
        let digits = t.strip_prefix('-').unwrap_or(t);
        if digits.len() >= 9
            && digits.bytes().all(|b| b.is_ascii_digit())
            && let Some(r) = t.parse::<f64>().ok().and_then(from_epoch)
        {
            return Ok(r);
        }
        Ok(match t.split_once(['T', 't', ' ']) {
            Some((date, time)) if date.len() == 10 => {
                if !is_time_of_day(time.trim()) {
                    return Err(words!("date-not-date-time", text = s));
                }
                (FuzzyDate::parse_calendar(date)?, DateForm::DateTime)
            }
            _ => (FuzzyDate::parse_calendar(t)?, DateForm::Calendar),
        })
    }

    /// [`FuzzyDate::parse_any`] for a JSON number: a year (`2024`) or Unix time in seconds
    /// or milliseconds.
    pub fn from_number(n: f64) -> Result<(FuzzyDate, DateForm), Words> {
        if n.fract() == 0.0 && (1.0..=9999.0).contains(&n) {
            return FuzzyDate::parse_calendar(&format!("{n:04}")).map(|d| (d, DateForm::Calendar));
        }
        from_epoch(n).ok_or_else(|| words!("date-number-not-date", number = n))
    }

    /// Parses any form [`FuzzyDate::parse_any`] reads, without saying which.
    /// The error says what was expected, for the problems list.
    pub fn parse(s: &str) -> Result<FuzzyDate, Words> {
        FuzzyDate::parse_any(s).map(|(d, _)| d)
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` only.
    fn parse_calendar(s: &str) -> Result<FuzzyDate, Words> {
        let t = s.trim();
        let parts: Vec<&str> = t.split('-').collect();
        let bad = || words!("date-not-date", text = s);
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        };
        let year = parts.first().and_then(|p| num(p, 4)).ok_or_else(bad)? as i32;
        let (month, day, precision) = match parts.len() {
            1 => (1, 1, Precision::Year),
            2 => (num(parts[1], 2).ok_or_else(bad)?, 1, Precision::Month),
            3 => (
                num(parts[1], 2).ok_or_else(bad)?,
                num(parts[2], 2).ok_or_else(bad)?,
                Precision::Day,
            ),
            _ => return Err(bad()),
        };
        if !(1..=12).contains(&month) {
            return Err(words!("date-no-month", text = s, month = month));
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(words!(
                "date-no-day",
                text = s,
                day = day,
                month = month,
                year = year
            ));
        }
        Ok(FuzzyDate {
            year,
            month,
            day,
            precision,
        })
    }

    /// A day-precision date from a day number.
    pub fn from_day(days: i64) -> FuzzyDate {
        let (year, month, day) = civil(days);
        FuzzyDate {
            year,
            month,
            day,
            precision: Precision::Day,
        }
    }

    /// The first day it may mean.
    pub fn first_day(&self) -> i64 {
        day_number(self.year, self.month, self.day)
    }

    /// The last day it may mean (the month's or year's last day when less precise).
    pub fn last_day(&self) -> i64 {
        match self.precision {
            Precision::Day => self.first_day(),
            Precision::Month => {
                day_number(self.year, self.month, days_in_month(self.year, self.month))
            }
            Precision::Year => day_number(self.year, 12, 31),
        }
    }

    /// As files write it, at its precision: `2024`, `2024-10`, `2024-10-17`.
    pub fn file_form(&self) -> String {
        match self.precision {
            Precision::Year => format!("{:04}", self.year),
            Precision::Month => format!("{:04}-{:02}", self.year, self.month),
            Precision::Day => format!("{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }

    /// Written by its precision: "2024", "October 2024", "17 October 2024".
    pub fn describe(&self) -> String {
        UiLang::En.describe_date(self)
    }
}

impl fmt::Display for FuzzyDate {
    /// ISO 8601 at its own precision (`2024-10`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// When something happened: a start and an optional end, each with its own precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// Start.
    pub start: FuzzyDate,
    /// End, if the sources give one.
    pub end: Option<FuzzyDate>,
}

impl Span {
    /// First day it may cover.
    pub fn first_day(&self) -> i64 {
        self.start.first_day()
    }

    /// Last day it may cover.
    pub fn last_day(&self) -> i64 {
        self.end
            .map_or(self.start.last_day(), |e| e.last_day())
            .max(self.start.last_day())
    }

    /// True when the span is not known to the day (drawn as a band, not a point).
    pub fn is_uncertain(&self) -> bool {
        self.start.precision != Precision::Day
            || self.end.is_some_and(|e| e.precision != Precision::Day)
    }

    /// "October 2024", "8 October 2024 – 13 October 2024".
    pub fn describe(&self) -> String {
        UiLang::En.describe_span(self)
    }
}

/// Which events the map shows at a date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// Everything that has begun by the date (the default).
    Cumulative,
    /// Only what was going on in the last `days` days; older events fade out.
    Recent {
        /// Length of the window in days.
        days: f64,
    },
}

/// How visible a span is at `date` (a day number; fractions are within the day): 0 hidden,
/// 1 fully shown, in between fading (recent mode only).
pub fn opacity(span: &Span, date: f64, window: Window) -> f32 {
    let day = date.floor() as i64;
    if day < span.first_day() {
        return 0.0;
    }
    match window {
        Window::Cumulative => 1.0,
        Window::Recent { days } => {
            let age = (day - span.last_day()) as f64;
            if age <= 0.0 {
                1.0
            } else if age >= days {
                0.0
            } else {
                (1.0 - age / days) as f32
            }
        }
    }
}

/// How far a route has grown at `date`: 0 at its first day, 1 at the end of its last day.
pub fn progress(span: &Span, date: f64) -> f32 {
    let (a, b) = (span.first_day() as f64, span.last_day() as f64 + 1.0);
    ((date - a) / (b - a)).clamp(0.0, 1.0) as f32
}

/// The first event start strictly after `date`'s day, if any (`starts` in any order).
pub fn next_start(starts: &[i64], date: f64) -> Option<i64> {
    let day = date.floor() as i64;
    starts.iter().copied().filter(|&s| s > day).min()
}

/// The last event start strictly before `date`'s day, if any.
pub fn prev_start(starts: &[i64], date: f64) -> Option<i64> {
    let day = date.floor() as i64;
    starts.iter().copied().filter(|&s| s < day).max()
}

/// Playback speeds offered, in days per second of real time, with their names.
pub const SPEEDS: [(f64, &str); 5] = [
    (1.0, "1 day/s"),
    (7.0, "1 week/s"),
    (30.44, "1 month/s"),
    (91.3, "1 quarter/s"),
    (365.25, "1 year/s"),
];

/// The longest a quiet stretch may last on screen before playback jumps over it (seconds).
pub const MAX_QUIET_SECONDS: f64 = 2.0;

/// Advances playback by `dt` seconds at `speed` days per second. News is sparse, so when the
/// next event start is more than [`MAX_QUIET_SECONDS`] away at this speed, the date jumps to
/// one second before it. Returns the new date and whether playback reached `end` (and stopped).
pub fn advance(date: f64, dt: f64, speed: f64, starts: &[i64], end: f64) -> (f64, bool) {
    let mut next = date + dt * speed;
    if let Some(s) = next_start(starts, date) {
        let s = s as f64;
        if s - next > MAX_QUIET_SECONDS * speed {
            next = s - speed;
        }
    }
    if next >= end {
        (end, true)
    } else {
        (next, false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> i64 {
        FuzzyDate::parse(s).unwrap().first_day()
    }

    #[test]
    fn day_numbers_match_known_dates() {
        assert_eq!(day_number(1970, 1, 1), 0);
        assert_eq!(day_number(2000, 3, 1), 11_017);
        // 2024-11-26 is 20,053 days after the epoch (Unix time 1732579200 / 86400).
        assert_eq!(day_number(2024, 11, 26), 1_732_579_200 / 86_400);
        for n in [-1000, 0, 19_000, 20_053, 60_000] {
            let (y, m, dd) = civil(n);
            assert_eq!(day_number(y, m, dd), n);
        }
        assert_eq!(iso(20_053), "2024-11-26");
        assert_eq!(long_date(d("2023-09-13")), "13 September 2023");
    }

    #[test]
    fn parses_each_precision_and_refuses_bad_dates() {
        let m = FuzzyDate::parse("2024-10").unwrap();
        assert_eq!(m.precision, Precision::Month);
        assert_eq!(iso(m.first_day()), "2024-10-01");
        assert_eq!(iso(m.last_day()), "2024-10-31");
        assert_eq!(m.describe(), "October 2024");
        assert_eq!(m.to_string(), "2024-10");
        let y = FuzzyDate::parse("2024").unwrap();
        assert_eq!(iso(y.last_day()), "2024-12-31");
        let feb = FuzzyDate::parse("2024-02").unwrap();
        assert_eq!(iso(feb.last_day()), "2024-02-29");
        assert_eq!(
            FuzzyDate::parse("2024-10-17T08:00:00Z").unwrap().describe(),
            "17 October 2024"
        );
        for bad in [
            "",
            "24-10",
            "2024-13",
            "2023-02-29",
            "2024/10/01",
            "Oct 2024",
            "2024-1",
        ] {
            assert!(FuzzyDate::parse(bad).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn month_precision_is_visible_through_its_month_in_cumulative_mode() {
        let span = Span {
            start: FuzzyDate::parse("2024-10").unwrap(),
            end: None,
        };
        let w = Window::Cumulative;
        assert_eq!(opacity(&span, d("2024-10-31") as f64, w), 1.0);
        assert_eq!(opacity(&span, d("2024-10-01") as f64, w), 1.0);
        assert_eq!(opacity(&span, d("2024-09-30") as f64 + 0.99, w), 0.0);
        assert_eq!(opacity(&span, d("2026-01-01") as f64, w), 1.0);
        assert!(span.is_uncertain());
    }

    #[test]
    fn recent_window_fades_old_events_out() {
        let span = Span {
            start: FuzzyDate::parse("2024-10").unwrap(),
            end: None,
        };
        let w = Window::Recent { days: 30.0 };
        assert_eq!(opacity(&span, d("2024-10-15") as f64, w), 1.0);
        let half = opacity(&span, d("2024-11-15") as f64, w);
        assert!((half - 0.5).abs() < 0.01, "{half}");
        assert_eq!(opacity(&span, d("2024-12-01") as f64, w), 0.0);
        assert_eq!(opacity(&span, d("2024-09-30") as f64, w), 0.0);
    }

    #[test]
    fn routes_grow_over_their_span() {
        let span = Span {
            start: FuzzyDate::parse("2024-10-08").unwrap(),
            end: Some(FuzzyDate::parse("2024-10-13").unwrap()),
        };
        assert_eq!(span.describe(), "8 October 2024 – 13 October 2024");
        assert_eq!(progress(&span, d("2024-10-07") as f64), 0.0);
        assert!((progress(&span, d("2024-10-11") as f64) - 0.5).abs() < 1e-6);
        assert_eq!(progress(&span, d("2024-10-14") as f64), 1.0);
    }

    #[test]
    fn steps_from_event_to_event() {
        let starts = [
            d("2023-09-13"),
            d("2024-06-19"),
            d("2024-10-01"),
            d("2024-06-19"),
        ];
        let now = d("2024-06-19") as f64 + 0.5;
        assert_eq!(next_start(&starts, now), Some(d("2024-10-01")));
        assert_eq!(prev_start(&starts, now), Some(d("2023-09-13")));
        assert_eq!(next_start(&starts, d("2024-10-01") as f64), None);
        assert_eq!(prev_start(&starts, d("2023-09-13") as f64), None);
    }

    #[test]
    fn playback_jumps_over_quiet_stretches_and_stops_at_the_end() {
        let starts = [d("2023-09-13"), d("2024-06-19")];
        let end = d("2024-12-31") as f64;
        // One frame at 1 day/s from 14 Sep 2023: the next event is 9 months away, so jump to
        // one second (one day) before it.
        let (t, done) = advance(d("2023-09-14") as f64, 0.016, 1.0, &starts, end);
        assert_eq!(t, d("2024-06-18") as f64);
        assert!(!done);
        // Close to an event, it plays normally.
        let (t, _) = advance(d("2024-06-18") as f64, 0.5, 1.0, &starts, end);
        assert_eq!(t, d("2024-06-18") as f64 + 0.5);
        let (t, done) = advance(end - 0.1, 1.0, 1.0, &starts, end);
        assert_eq!((t, done), (end, true));
    }

    #[test]
    fn dates_in_the_wild_are_read_and_say_how() {
        let any = |s: &str| FuzzyDate::parse_any(s).map(|(d, f)| (d.to_string(), f));
        assert_eq!(any("2024"), Ok(("2024".into(), DateForm::Calendar)));
        assert_eq!(any(" 2024-10 "), Ok(("2024-10".into(), DateForm::Calendar)));
        // Date-times: the day as written, whatever the zone.
        for t in [
            "2024-10-17T23:30:00+09:00",
            "2024-10-17T23:30:00.125Z",
            "2024-10-17 23:30",
            "2024-10-17T23:30:00-0500",
            "2024-10-17T23:30+09",
        ] {
            assert_eq!(any(t), Ok(("2024-10-17".into(), DateForm::DateTime)), "{t}");
        }
        for bad in [
            "2024-10-17T25:00",
            "2024-10-17Tnoon",
            "2024-10-17T10:00 KST",
            "2024-13-01T10:00",
        ] {
            assert!(any(bad).is_err(), "{bad}");
        }
        // Unix time: 1729175400 s = 2024-10-17 14:30 UTC; USGS milliseconds; before 1970.
        assert_eq!(
            any("1729175400"),
            Ok(("2024-10-17".into(), DateForm::EpochSeconds))
        );
        assert_eq!(
            any("1729175400000"),
            Ok(("2024-10-17".into(), DateForm::EpochMillis))
        );
        // 1729209599 s is 23:59:59 UTC, still the 17th; one second later is the 18th.
        assert_eq!(any("1729209599").unwrap().0, "2024-10-17");
        assert_eq!(any("1729209600").unwrap().0, "2024-10-18");
        assert_eq!(any("-150000000000").unwrap().0, "1965-03-31");
        let num = |n: f64| FuzzyDate::from_number(n).map(|(d, f)| (d.to_string(), f));
        assert_eq!(num(2024.0), Ok(("2024".into(), DateForm::Calendar)));
        assert_eq!(
            num(1.7291754e12),
            Ok(("2024-10-17".into(), DateForm::EpochMillis))
        );
        assert_eq!(
            num(1729175400.0),
            Ok(("2024-10-17".into(), DateForm::EpochSeconds))
        );
        for bad in [20241017.0, 12345.0, 0.0, 1e300, f64::NAN, 2024.5] {
            assert!(num(bad).is_err(), "{bad}");
        }
    }
}
