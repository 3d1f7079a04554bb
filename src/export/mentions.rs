//! The mention record of `entgraph extract`: one JSON object a line, or one CSV row.
//!
//! Owns the record's fields: `doc`, `start`, `end` (UTF-8 byte offsets into the document's
//! text), `text`, `entity`, `label`, `type`, `sentence`, `paragraph` (indices in the
//! document), and `demonym`/`resolved`/`team` only when true, `describes` (the person a
//! demonym introduces) only when set, and for an entity `--discover` found `discovered`
//! and the `cue` that typed it. In CSV ([`CSV_HEADER`]) every field is a column, the
//! flags `true` or `false` and `describes` empty when unset. Must not decide where output
//! goes.

use std::io::{self, Write};

use serde::Serialize;

use crate::gazetteer::Gazetteer;
use crate::model::{Document, Mention, Segments};

#[derive(Serialize)]
struct MentionRecord<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    entity: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    sentence: usize,
    paragraph: usize,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demonym: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    resolved: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    describes: Option<&'a str>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    team: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    discovered: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'a str>,
}

/// How [`write()`] writes a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MentionFormat {
    /// One JSON object a line.
    #[default]
    Jsonl,
    /// One CSV row (RFC 4180), after [`CSV_HEADER`].
    Csv,
}

/// The columns of the CSV form, in order.
pub const CSV_HEADER: [&str; 15] = [
    "doc",
    "start",
    "end",
    "text",
    "entity",
    "label",
    "type",
    "sentence",
    "paragraph",
    "demonym",
    "resolved",
    "describes",
    "team",
    "discovered",
    "cue",
];

/// Writes the CSV header line.
///
/// # Errors
/// Whatever `out` returns.
pub fn write_csv_header(out: &mut impl Write) -> io::Result<()> {
    super::csv::record(out, CSV_HEADER)
}

/// Writes one line (or row) per mention of `doc`.
///
/// # Errors
/// Whatever `out` returns.
pub fn write(
    doc: &Document,
    segments: &Segments,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    format: MentionFormat,
    out: &mut impl Write,
) -> io::Result<()> {
    for m in mentions {
        let e = gazetteer.entity(m.entity);
        let r = MentionRecord {
            doc: &doc.id,
            start: m.span.start(),
            end: m.span.end(),
            text: &doc.text[m.span.range()],
            entity: &e.id,
            label: &e.label,
            kind: e.kind.as_str(),
            sentence: segments.sentence_at(m.span.start()),
            paragraph: segments.paragraph_at(m.span.start()),
            demonym: m.demonym,
            resolved: m.resolved,
            describes: m.describes.map(|p| gazetteer.entity(p).id.as_str()),
            team: m.team,
            discovered: e.attrs.get("discovered").is_some_and(|v| v == "true"),
            cue: e
                .attrs
                .get("cue")
                .filter(|_| e.id.starts_with(crate::suggest::DISCOVERED_PREFIX))
                .map(String::as_str),
        };
        match format {
            MentionFormat::Jsonl => {
                serde_json::to_writer(&mut *out, &r)?;
                out.write_all(b"\n")?;
            }
            MentionFormat::Csv => {
                let row = [
                    r.doc.to_string(),
                    r.start.to_string(),
                    r.end.to_string(),
                    r.text.to_string(),
                    r.entity.to_string(),
                    r.label.to_string(),
                    r.kind.to_string(),
                    r.sentence.to_string(),
                    r.paragraph.to_string(),
                    r.demonym.to_string(),
                    r.resolved.to_string(),
                    r.describes.unwrap_or("").to_string(),
                    r.team.to_string(),
                    r.discovered.to_string(),
                    r.cue.unwrap_or("").to_string(),
                ];
                super::csv::record(out, row)?;
            }
        }
    }
    Ok(())
}
