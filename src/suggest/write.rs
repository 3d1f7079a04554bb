//! The two writers of suggestions: a text gazetteer ready to paste into a topic pack (one
//! section per type, a comment with cue, counts and example on each line, unknown types
//! commented out) and JSON Lines. Pure writers to `impl Write`: they own the output formats
//! only and decide nothing about the suggestions.

use std::collections::BTreeSet;
use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use super::Suggestion;
use crate::text::words::counted;

impl fmt::Display for Suggestion {
    /// The entry as a text gazetteer line, without the comment: `Label | alias | ~short`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)?;
        for a in &self.aliases {
            write!(f, " | {a}")?;
        }
        for a in &self.anchored {
            write!(f, " | ~{a}")?;
        }
        Ok(())
    }
}

/// The comment after a suggestion's line: type and cue, counts, example.
fn comment(s: &Suggestion) -> String {
    let counts = format!(
        "{}, {}",
        counted(s.documents, "document"),
        counted(s.mentions, "mention")
    );
    let example = if s.example.is_empty() {
        String::new()
    } else {
        format!("; e.g. \"{}\"", s.example)
    };
    match &s.kind {
        Some(k) if !s.cue.is_empty() => format!("{k} ({}); {counts}{example}", s.cue),
        Some(k) => format!("{k}; {counts}{example}"),
        None => format!("type unknown; {counts}{example}"),
    }
}

/// Writes suggestions as a text gazetteer, ready to paste into a topic pack: one section per
/// type (`@type person`, `@type place`, `@type organization`, then any other), ranked
/// within each, each line with its cue, counts and an example as a comment. Suggestions of
/// unknown type come last, commented out, so the whole output loads as it is.
pub fn write_text(suggestions: &[Suggestion], out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "# Names the loaded gazetteers do not cover, suggested by `entgraph suggest`:"
    )?;
    writeln!(
        out,
        "# {}, ranked by documents x mentions. Check each line (type, aliases, `~` anchored",
        counted(suggestions.len() as u64, "suggestion")
    )?;
    writeln!(
        out,
        "# short forms), delete what you do not want, then paste."
    )?;
    let mut kinds: Vec<&str> = vec!["person", "place", "organization"];
    let mut others: BTreeSet<&str> = BTreeSet::new();
    for s in suggestions {
        if let Some(k) = s.kind.as_deref() {
            if !kinds.contains(&k) && crate::gazetteer::is_type_word(k) {
                others.insert(k);
            }
        }
    }
    kinds.extend(others);
    for kind in kinds {
        let section: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|s| s.kind.as_deref() == Some(kind))
            .collect();
        if section.is_empty() {
            continue;
        }
        writeln!(out, "\n@type {kind}")?;
        for s in section {
            writeln!(out, "{s}   # {}", comment(s))?;
        }
    }
    let unknown: Vec<&Suggestion> = suggestions
        .iter()
        .filter(|s| {
            s.kind
                .as_deref()
                .is_none_or(|k| !crate::gazetteer::is_type_word(k))
        })
        .collect();
    if !unknown.is_empty() {
        writeln!(
            out,
            "\n# type unknown: pick one (move the line under a `@type` and remove its leading `# `)"
        )?;
        for s in unknown {
            writeln!(out, "# {s}   # {}", comment(s))?;
        }
    }
    Ok(())
}

/// One JSON Lines object.
#[derive(Serialize)]
struct JsonSuggestion<'a> {
    label: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    cue: &'a str,
    aliases: &'a [String],
    anchored: &'a [String],
    documents: u64,
    mentions: u64,
    example: &'a str,
}

/// Writes suggestions as JSON Lines, one object a line: `label`, `type` (`null` when
/// unknown), `cue`, `aliases`, `anchored`, `documents`, `mentions`, `example`. `label`,
/// `type`, `aliases` and `anchored` mean what they mean in a JSONL gazetteer.
pub fn write_jsonl(suggestions: &[Suggestion], out: &mut impl Write) -> io::Result<()> {
    for s in suggestions {
        let j = JsonSuggestion {
            label: &s.label,
            kind: s.kind.as_deref(),
            cue: &s.cue,
            aliases: &s.aliases,
            anchored: &s.anchored,
            documents: s.documents,
            mentions: s.mentions,
            example: &s.example,
        };
        serde_json::to_writer(&mut *out, &j)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
