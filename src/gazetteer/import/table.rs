//! Tables: CSV (RFC 4180) and TSV files with a header row, read into [`Rows`] with the line
//! each row starts on. SPARQL results saved as CSV or TSV are tables too (their TSV form
//! writes literals in quotes and URIs in angle brackets; both are unwrapped). Must not
//! map columns: [`super::map_rows`] does.

use std::io::Read;

use super::{ImportError, Rows};
use crate::error::Location;

/// Reads a table from `input`, named `name` in problems. `delimiter`: `b','` for CSV,
/// `b'\t'` for TSV.
///
/// # Errors
/// Broken quoting, a row with more cells than the header, text that is not UTF-8, each
/// with its line; an empty file or a header with an empty or repeated name.
pub fn read_table(name: &str, input: impl Read, delimiter: u8) -> Result<Rows, ImportError> {
    let file = Location::file(name);
    // TSV has no quoting: a SPARQL TSV result's syntax is unwrapped instead.
    let unwrap = |c: &'_ str| -> String {
        if delimiter == b'\t' {
            unwrap_sparql(c).to_string()
        } else {
            c.to_string()
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .quoting(delimiter == b',')
        .from_reader(input);
    let at = |pos: Option<&csv::Position>| match pos {
        Some(p) => Location::line0(name, p.line().saturating_sub(1) as usize),
        None => file.clone(),
    };
    let fail = |e: csv::Error| {
        let loc = at(e.position());
        let message = match e.kind() {
            csv::ErrorKind::Utf8 { .. } => "not UTF-8 text".to_string(),
            csv::ErrorKind::Io(io) => format!("cannot read: {io}"),
            _ => format!(
                "not a {}: {e}",
                if delimiter == b',' {
                    "CSV table"
                } else {
                    "TSV table"
                }
            ),
        };
        ImportError::at(loc, message)
    };
    let header: Vec<String> = reader
        .headers()
        .map_err(fail)?
        .iter()
        .map(|h| unwrap(h.trim_start_matches('\u{feff}').trim()))
        .map(|h| h.strip_prefix('?').map(str::to_string).unwrap_or(h))
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(ImportError::at(file, "empty file: a header row is needed"));
    }
    for (i, h) in header.iter().enumerate() {
        if h.is_empty() {
            return Err(ImportError::at(
                Location::line0(name, 0),
                format!("column {} of the header has no name", i + 1),
            ));
        }
        if header[..i].contains(h) {
            return Err(ImportError::at(
                Location::line0(name, 0),
                format!("column name `{h}` is repeated in the header"),
            ));
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(fail)?;
        let loc = at(record.position());
        if record.len() > header.len() {
            return Err(ImportError::at(
                loc,
                format!(
                    "{} cells in a row under a header of {} columns",
                    record.len(),
                    header.len()
                ),
            ));
        }
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut cells: Vec<String> = record.iter().map(unwrap).collect();
        cells.resize(header.len(), String::new());
        rows.push((cells, loc));
    }
    Ok(Rows { header, rows, file })
}

/// A SPARQL TSV cell without its syntax: `<http://…/Q1>` → the URI, `"Name"@en` → `Name`.
/// Other cells as they are.
fn unwrap_sparql(cell: &str) -> &str {
    let c = cell.trim();
    if let Some(uri) = c.strip_prefix('<').and_then(|c| c.strip_suffix('>')) {
        return uri;
    }
    if let Some(rest) = c.strip_prefix('"') {
        // `"text"`, `"text"@en`, `"1"^^<…#integer>`.
        if let Some(end) = rest.rfind('"') {
            let tail = &rest[end + 1..];
            if tail.is_empty() || tail.starts_with('@') || tail.starts_with("^^") {
                return &rest[..end];
            }
        }
    }
    cell
}
