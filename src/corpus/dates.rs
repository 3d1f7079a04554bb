//! Document dates: where a document's date is read from, how it is parsed, and the periods
//! dates are counted in.
//!
//! Owns [`DateSource`] (`--dates`), [`date_of`] and its sources, in the order `auto` tries
//! them: the JSON Lines `date` field; a header at the top of a text file (`Date: 2019-04-18`
//! on one of its first lines, or a YAML front matter `date:` line); a date at the start of
//! the file name (`2019-04-18-kremlin.txt`). Also [`Period`] (`--period`) and the period a
//! day falls in. A date is an ISO 8601 calendar date (`2019-04-18`) or a date-time, which
//! counts on the calendar date it has in UTC: `2019-04-25T23:30:00-05:00` is 26 April. A
//! date-time without an offset counts on the date written. Must not read files or count.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime};

use crate::model::Document;

/// A day, as a calendar date.
pub type Day = NaiveDate;

/// Where `--dates` reads documents' dates from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateSource {
    /// The first of: the JSON Lines `date` field, a header line, the file name.
    #[default]
    Auto,
    /// The JSON Lines `date` field only.
    Jsonl,
    /// The start of the file name only (`2019-04-18-...`).
    Filename,
    /// A header at the top of the text only (`Date: ...`, or front matter `date: ...`).
    Header,
    /// No dates: every document is undated.
    None,
}

impl FromStr for DateSource {
    type Err = String;
    fn from_str(s: &str) -> Result<DateSource, String> {
        match s {
            "auto" => Ok(DateSource::Auto),
            "jsonl" => Ok(DateSource::Jsonl),
            "filename" => Ok(DateSource::Filename),
            "header" => Ok(DateSource::Header),
            "none" => Ok(DateSource::None),
            _ => Err(format!(
                "invalid date source `{s}` (expected auto, jsonl, filename, header or none)"
            )),
        }
    }
}

/// Which source gave a document its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatedBy {
    /// The JSON Lines `date` field.
    Jsonl,
    /// A header line or front matter.
    Header,
    /// The file name.
    Filename,
}

impl DatedBy {
    /// Its name in summaries: `jsonl`, `header`, `filename`.
    pub fn as_str(self) -> &'static str {
        match self {
            DatedBy::Jsonl => "jsonl",
            DatedBy::Header => "header",
            DatedBy::Filename => "filename",
        }
    }
}

/// A date that was found but does not parse: what was written, and the 0-based line of
/// the text it is on (for a header), to report with the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    /// The source it came from.
    pub from: DatedBy,
    /// What was written.
    pub written: String,
    /// Its 0-based line in the text, for a header.
    pub line: Option<usize>,
}

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} date `{}` is not a date (YYYY-MM-DD, or a date-time such as 2019-04-25T10:30:00+10:00); the document counts as undated",
            match self.from {
                DatedBy::Jsonl => "the `date` field's",
                DatedBy::Header => "the header's",
                DatedBy::Filename => "the file name's",
            },
            self.written
        )
    }
}

/// Parses an ISO 8601 date (`2019-04-18`) or date-time (`2019-04-18T10:30:00Z`,
/// `2019-04-18T10:30+09:00`, `2019-04-18 10:30:00`): the calendar date in UTC for a
/// date-time with an offset, the date written otherwise.
///
/// # Examples
/// ```
/// use entgraph::corpus::dates::parse_date;
/// let d = |s| parse_date(s).map(|d| d.to_string());
/// assert_eq!(d("2019-04-18").as_deref(), Some("2019-04-18"));
/// assert_eq!(d("2019-04-25T23:30:00-05:00").as_deref(), Some("2019-04-26"));
/// assert_eq!(d("2019-02-30"), None);
/// ```
pub fn parse_date(s: &str) -> Option<Day> {
    let s = s.trim();
    if s.len() == 10 {
        return NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    }
    let iso = s.replacen(' ', "T", 1);
    if let Ok(t) = DateTime::parse_from_rfc3339(&iso) {
        return Some(t.naive_utc().date());
    }
    // Minutes without seconds, with an offset: `2019-04-18T10:30+09:00`.
    for format in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%MZ"] {
        if let Ok(t) = DateTime::parse_from_str(&iso, format) {
            return Some(t.naive_utc().date());
        }
    }
    for format in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(&iso, format) {
            return Some(t.date());
        }
    }
    None
}

/// The date at the start of a file name (`2019-04-18-kremlin.txt`, `2019-04-18.md`): the
/// base name's first ten characters when they look like `dddd-dd-dd` and are followed by
/// nothing, `-`, `_`, `.` or a space. `Err` with what was written when they look like a
/// date but are none (`2019-13-45-x.txt`).
fn filename_date(id: &str) -> Option<Result<Day, String>> {
    let cut = memchr::memrchr2(b'/', b'\\', id.as_bytes()).map_or(0, |i| i + 1);
    let base = &id[cut..];
    let head = base.get(..10)?;
    let shape = head.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    let next = base[10..].chars().next();
    if !shape || !matches!(next, None | Some('-' | '_' | '.' | ' ')) {
        return None;
    }
    Some(parse_date(head).ok_or_else(|| head.to_string()))
}

/// How far into a text a header is looked for: its first lines...
const HEADER_LINES: usize = 12;

/// ...before the first line this long, which is body text.
const BODY_LINE: usize = 120;

/// A date header at the top of `text`: a line `Date: ...` among its first lines, before the
/// body (a title, a byline and other short lines may come first), or in a YAML front
/// matter (`---` ... `---`) a line `date: ...` (quotes allowed). Returns the value and its
/// 0-based line.
fn header_date(text: &str) -> Option<(String, usize)> {
    // The header: the first lines before the first body line. Lines are looked for no
    // further than a body line's length, so that a document that opens with a paragraph
    // costs a few bytes, not a scan of the paragraph.
    let bytes = text.as_bytes();
    let mut end = 0;
    for _ in 0..HEADER_LINES {
        if end >= bytes.len() {
            break;
        }
        let window = &bytes[end..bytes.len().min(end + BODY_LINE + 1)];
        match memchr::memchr(b'\n', window) {
            Some(i) => end += i + 1,
            None if window.len() <= BODY_LINE => end = bytes.len(),
            None => break,
        }
    }
    let head = &text[..end];
    // Most documents have no `:` in their first lines: nothing to read.
    memchr::memchr(b':', head.as_bytes())?;
    let front = head.starts_with("---");
    for (i, line) in head.lines().enumerate() {
        let line = line.trim();
        if front && i == 0 {
            continue;
        }
        if front && line == "---" {
            return None;
        }
        if let Some((key, value)) = line.split_once(':') {
            if key.trim().eq_ignore_ascii_case("date") {
                let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                return Some((value.to_string(), i));
            }
        }
    }
    None
}

/// `doc`'s date from `source`: `Ok(None)` when it has none, `Err` when one is written but
/// does not parse (the document then counts as undated).
pub fn date_of(doc: &Document, source: DateSource) -> Result<Option<(Day, DatedBy)>, BadDate> {
    let try_jsonl = || {
        doc.meta.get("date").map(|s| {
            parse_date(s).map(|d| (d, DatedBy::Jsonl)).ok_or(BadDate {
                from: DatedBy::Jsonl,
                written: s.clone(),
                line: None,
            })
        })
    };
    let try_header = || {
        header_date(&doc.text).map(|(s, line)| {
            parse_date(&s).map(|d| (d, DatedBy::Header)).ok_or(BadDate {
                from: DatedBy::Header,
                written: s,
                line: Some(line),
            })
        })
    };
    // A JSON Lines document's id stands for its file name.
    let try_filename = || {
        filename_date(&doc.id).map(|r| {
            r.map(|d| (d, DatedBy::Filename))
                .map_err(|written| BadDate {
                    from: DatedBy::Filename,
                    written,
                    line: None,
                })
        })
    };
    let found = match source {
        DateSource::None => None,
        DateSource::Jsonl => try_jsonl(),
        DateSource::Header => try_header(),
        DateSource::Filename => try_filename(),
        DateSource::Auto => try_jsonl().or_else(try_header).or_else(try_filename),
    };
    found.transpose()
}

/// The unit `--period` counts dates in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Period {
    /// Chosen from the dates' span: a day up to 31 days, a week up to a year, a month up to
    /// ten years, else a year.
    #[default]
    Auto,
    /// A calendar day: `2019-04-18`.
    Day,
    /// An ISO 8601 week (Monday to Sunday; week 1 holds the year's first Thursday):
    /// `2019-W16`.
    Week,
    /// A calendar month: `2019-04`.
    Month,
    /// A calendar year: `2019`.
    Year,
}

impl FromStr for Period {
    type Err = String;
    fn from_str(s: &str) -> Result<Period, String> {
        match s {
            "auto" => Ok(Period::Auto),
            "day" => Ok(Period::Day),
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            "year" => Ok(Period::Year),
            _ => Err(format!(
                "invalid period `{s}` (expected auto, day, week, month or year)"
            )),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Period::Auto => "auto",
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        })
    }
}

impl Period {
    /// The period `Auto` stands for, for dates from `first` to `last`.
    pub fn resolve(self, first: Day, last: Day) -> Period {
        if self != Period::Auto {
            return self;
        }
        let days = (last - first).num_days();
        if days <= 30 {
            Period::Day
        } else if days <= 365 {
            Period::Week
        } else if days <= 3652 {
            Period::Month
        } else {
            Period::Year
        }
    }

    /// The name of the period `day` falls in: `2019-04-18`, `2019-W16`, `2019-04`, `2019`.
    /// Names of one kind sort in time order. `Auto` names days.
    ///
    /// # Examples
    /// ```
    /// use entgraph::corpus::dates::{parse_date, Period};
    /// let d = parse_date("2021-01-03").unwrap();
    /// assert_eq!(Period::Week.name(d), "2020-W53");
    /// assert_eq!(Period::Month.name(d), "2021-01");
    /// ```
    pub fn name(self, day: Day) -> String {
        match self {
            Period::Auto | Period::Day => day.format("%Y-%m-%d").to_string(),
            Period::Week => {
                let w = day.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Period::Month => format!("{}-{:02}", day.year(), day.month()),
            Period::Year => format!("{}", day.year()),
        }
    }

    /// The first and last day of the period `day` falls in.
    pub fn bounds(self, day: Day) -> (Day, Day) {
        match self {
            Period::Auto | Period::Day => (day, day),
            Period::Week => {
                let monday =
                    day - chrono::Duration::days(day.weekday().num_days_from_monday() as i64);
                (monday, monday + chrono::Duration::days(6))
            }
            Period::Month => {
                let first = day.with_day(1).unwrap_or(day);
                let next = if day.month() == 12 {
                    NaiveDate::from_ymd_opt(day.year() + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(day.year(), day.month() + 1, 1)
                };
                (first, next.map_or(day, |n| n - chrono::Duration::days(1)))
            }
            Period::Year => (
                NaiveDate::from_ymd_opt(day.year(), 1, 1).unwrap_or(day),
                NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(day),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn doc(id: &str, text: &str, date: Option<&str>) -> Document {
        let mut meta = BTreeMap::new();
        if let Some(d) = date {
            meta.insert("date".to_string(), d.to_string());
        }
        Document {
            id: id.into(),
            text: text.into(),
            meta,
        }
    }

    fn day(s: &str) -> Day {
        parse_date(s).unwrap()
    }

    #[test]
    fn dates_and_date_times_in_utc() {
        for (written, want) in [
            ("2019-04-18", "2019-04-18"),
            ("2019-04-18T10:30:00Z", "2019-04-18"),
            ("2019-04-18T10:30:00.250+09:00", "2019-04-18"),
            ("2019-04-18T03:30:00+09:00", "2019-04-17"),
            ("2019-04-25T23:30:00-05:00", "2019-04-26"),
            ("2019-04-25 23:30:00-05:00", "2019-04-26"),
            ("2019-04-18T10:30+09:00", "2019-04-18"),
            ("2019-04-18T23:30", "2019-04-18"),
            (" 2019-04-18 ", "2019-04-18"),
            ("2020-02-29", "2020-02-29"),
        ] {
            assert_eq!(
                parse_date(written).map(|d| d.to_string()).as_deref(),
                Some(want),
                "{written}"
            );
        }
        for bad in [
            "2019-02-29",
            "2019-13-01",
            "18/04/2019",
            "April 18, 2019",
            "2019-4-18",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn sources_in_order_and_bad_dates_reported() {
        let named = doc("news/2019-04-18-kremlin.txt", "Kremlin says...", None);
        assert_eq!(
            date_of(&named, DateSource::Auto),
            Ok(Some((day("2019-04-18"), DatedBy::Filename)))
        );
        assert_eq!(date_of(&named, DateSource::Header), Ok(None));
        assert_eq!(date_of(&named, DateSource::None), Ok(None));
        // A header wins over the file name; front matter too.
        let headed = doc("2019-04-18-x.md", "Title\nDate: 2019-04-20\n\nText.", None);
        assert_eq!(
            date_of(&headed, DateSource::Auto),
            Ok(Some((day("2019-04-20"), DatedBy::Header)))
        );
        let front = doc(
            "x.md",
            "---\ntitle: A\ndate: \"2019-04-21T08:00:00+03:00\"\n---\nText.",
            None,
        );
        assert_eq!(
            date_of(&front, DateSource::Auto),
            Ok(Some((day("2019-04-21"), DatedBy::Header)))
        );
        // Body text ends the header: a date line after a paragraph is no header.
        let body = format!(
            "Title\n\n{}\nDate: 2019-04-20",
            "Putin met Kim. ".repeat(10)
        );
        assert_eq!(
            date_of(&doc("x.txt", &body, None), DateSource::Auto),
            Ok(None)
        );
        // JSON Lines: the field first.
        let line = doc("2019-01-01-id", "Text", Some("2019-04-17"));
        assert_eq!(
            date_of(&line, DateSource::Auto),
            Ok(Some((day("2019-04-17"), DatedBy::Jsonl)))
        );
        let bad = doc("brief-1", "Text", Some("April 17"));
        let err = date_of(&bad, DateSource::Auto).unwrap_err();
        assert_eq!(
            (err.from, err.written.as_str()),
            (DatedBy::Jsonl, "April 17")
        );
        let bad_header = doc("x.txt", "\nDate: 2019-02-30\nText", None);
        assert_eq!(
            date_of(&bad_header, DateSource::Auto).unwrap_err().line,
            Some(1)
        );
        let bad_name = doc("2019-13-45-x.txt", "Text", None);
        assert!(date_of(&bad_name, DateSource::Filename).is_err());
        // Not a date at all: no date, no error.
        for id in ["20190418.txt", "2019-04-18x.txt", "report-2019-04-18.txt"] {
            assert_eq!(
                date_of(&doc(id, "T", None), DateSource::Auto),
                Ok(None),
                "{id}"
            );
        }
    }

    #[test]
    fn periods_name_and_bound_days() {
        // 2021 starts on a Friday: 1 to 3 January are in week 53 of 2020.
        assert_eq!(Period::Week.name(day("2021-01-01")), "2020-W53");
        assert_eq!(Period::Week.name(day("2021-01-04")), "2021-W01");
        // 2019 starts on a Tuesday: 31 December 2018 is in week 1 of 2019.
        assert_eq!(Period::Week.name(day("2018-12-31")), "2019-W01");
        assert_eq!(
            Period::Week.bounds(day("2021-01-01")),
            (day("2020-12-28"), day("2021-01-03"))
        );
        assert_eq!(
            Period::Month.bounds(day("2020-02-10")),
            (day("2020-02-01"), day("2020-02-29"))
        );
        assert_eq!(
            Period::Month.bounds(day("2019-12-10")),
            (day("2019-12-01"), day("2019-12-31"))
        );
        assert_eq!(Period::Year.name(day("2019-04-18")), "2019");
        assert_eq!(Period::Day.name(day("2019-04-18")), "2019-04-18");
        let span = |a, b| Period::Auto.resolve(day(a), day(b));
        assert_eq!(span("2019-04-17", "2019-04-27"), Period::Day);
        assert_eq!(span("2019-01-01", "2019-06-30"), Period::Week);
        assert_eq!(span("2015-01-01", "2019-06-30"), Period::Month);
        assert_eq!(span("1990-01-01", "2019-06-30"), Period::Year);
    }
}
