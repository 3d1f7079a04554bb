//! The mention record of `entgraph extract`: one JSON object a line.
//!
//! Owns the record's fields: `doc`, `start`, `end` (UTF-8 byte offsets into the document's
//! text), `text`, `entity`, `label`, `type`, `sentence`, `paragraph` (indices in the
//! document), and `demonym`/`resolved`/`team` only when true, `describes` (the person a
//! demonym introduces) only when set. Must not decide where output goes.

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
}

/// Writes one line per mention of `doc`.
///
/// # Errors
/// Whatever `out` returns.
pub fn write(
    doc: &Document,
    segments: &Segments,
    mentions: &[Mention],
    gazetteer: &Gazetteer,
    out: &mut impl Write,
) -> io::Result<()> {
    for m in mentions {
        let e = gazetteer.entity(m.entity);
        let record = MentionRecord {
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
        };
        serde_json::to_writer(&mut *out, &record)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
