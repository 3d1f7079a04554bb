//! The text gazetteer format: one entity a line, `Label | alias | ~anchored | key=value`,
//! `@type` and `@case` directives, `#` comments, and the type a file name implies.
//!
//! Owns the line syntax and its error messages. Must not merge entities (the loader does),
//! read files or know the JSON Lines format.

use std::collections::BTreeMap;

use super::entry::{check_alias_text, finish_entity, is_attr_key, is_type_word};
use super::{Alias, CasePolicy, Entity, Parsed};
use crate::error::{Location, Problem};
use crate::model::EntityType;

/// Parses a text-format gazetteer, handing each entry and each problem to `out` in line
/// order.
pub(super) fn parse(name: &str, text: &str, out: &mut dyn FnMut(Parsed)) {
    let file: std::sync::Arc<str> = name.into();
    let mut kind: Option<EntityType> = default_type_for(name);
    let mut case = CasePolicy::Smart;
    for (i, raw) in text.lines().enumerate() {
        let loc = || Location::line0(file.clone(), i);
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if let Some(directive) = line.strip_prefix('@') {
            let mut words = directive.split_whitespace();
            match (words.next(), words.next(), words.next()) {
                (Some("type"), Some(t), None) if is_type_word(t) => kind = Some(EntityType::new(t)),
                (Some("type"), Some(t), None) => out(Parsed::Problem(Problem::error(
                    loc(),
                    format!("invalid type `{t}` (expected a lower-case word such as person, place, organization)"),
                ))),
                (Some("case"), Some(c), None) => match CasePolicy::parse(c) {
                    Some(c) => case = c,
                    None => out(Parsed::Problem(Problem::error(
                        loc(),
                        format!("invalid case policy `{c}` (expected smart, exact or insensitive)"),
                    ))),
                },
                _ => out(Parsed::Problem(Problem::error(
                    loc(),
                    format!("unknown directive `{line}` (expected `@type WORD` or `@case smart|exact|insensitive`)"),
                ))),
            }
            continue;
        }
        match parse_entry_line(line, kind.as_ref(), case, loc()) {
            Ok(entry) => out(Parsed::Entity(entry)),
            Err(messages) => {
                for m in messages {
                    out(Parsed::Problem(Problem::error(loc(), m)));
                }
            }
        }
    }
}

/// The type a file's name implies: `people.txt` → person, and so on.
fn default_type_for(name: &str) -> Option<EntityType> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file {
        "people.txt" => Some(EntityType::Person),
        "places.txt" => Some(EntityType::Place),
        "organizations.txt" => Some(EntityType::Organization),
        _ => None,
    }
}

/// Removes a comment: `#` at the start of the line or after whitespace.
pub(super) fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// The markers written before an alias: `~` anchored, `!` forced, `+` default sense.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Markers {
    anchored: bool,
    forced: bool,
    default_sense: bool,
}

/// Splits leading markers (`~`, `!`, `+`, in any order) off an alias field; returns them
/// and the name, trimmed.
fn split_markers(field: &str) -> (Markers, &str) {
    let mut m = Markers::default();
    let mut rest = field;
    loop {
        if let Some(r) = rest.strip_prefix('~') {
            m.anchored = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('!') {
            m.forced = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            m.default_sense = true;
            rest = r;
        } else {
            break;
        }
    }
    (m, rest.trim())
}

/// Parses one entry line (comment stripped, not blank, not a directive).
fn parse_entry_line(
    line: &str,
    kind: Option<&EntityType>,
    case: CasePolicy,
    location: Location,
) -> Result<Entity, Vec<String>> {
    let mut errors = Vec::new();
    let mut fields = line.split('|').map(str::trim);
    let label_field = fields.next().unwrap_or("");
    let (markers, label) = split_markers(label_field);
    if label.is_empty() {
        errors.push("empty label".to_string());
    }
    let mut kind = kind.cloned();
    let mut id = None;
    let mut case = case;
    let mut attrs = BTreeMap::new();
    let alias = |text: &str, m: Markers, demonym: bool, case: CasePolicy| Alias {
        text: text.to_string(),
        anchored: m.anchored,
        forced: m.forced,
        default_sense: m.default_sense,
        demonym,
        case,
        location: location.clone(),
    };
    let mut aliases = vec![alias(label, markers, false, case)];
    for field in fields {
        if field.is_empty() {
            errors.push("empty field between `|` separators".to_string());
            continue;
        }
        if let Some((key, value)) = field.split_once('=').filter(|(k, _)| is_attr_key(k.trim())) {
            let (key, value) = (key.trim(), value.trim());
            if value.is_empty() {
                errors.push(format!("attribute `{key}` has no value"));
                continue;
            }
            match key {
                "id" => id = Some(value.to_string()),
                "type" if is_type_word(value) => kind = Some(EntityType::new(value)),
                "type" => errors.push(format!("invalid type `{value}`")),
                "case" => match CasePolicy::parse(value) {
                    Some(c) => case = c,
                    None => errors.push(format!("invalid case policy `{value}`")),
                },
                "demonym" => aliases.push(alias(value, Markers::default(), true, case)),
                _ => {
                    if attrs.insert(key.to_string(), value.to_string()).is_some() {
                        errors.push(format!("attribute `{key}` given twice"));
                    }
                }
            }
            continue;
        }
        let (markers, text) = split_markers(field);
        aliases.push(alias(text, markers, false, case));
    }
    for a in aliases.iter_mut() {
        a.case = case;
    }
    for a in &aliases {
        if a.text.is_empty() && !label.is_empty() {
            errors.push("empty alias (markers with no name)".to_string());
        } else if !a.text.is_empty() {
            if let Some(m) = check_alias_text(&a.text) {
                errors.push(m);
            }
        }
    }
    let Some(kind) = kind else {
        errors.push(
            "no type for this entry (add `@type person` above it, or name the file people.txt, places.txt or organizations.txt)"
                .to_string(),
        );
        return Err(errors);
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    finish_entity(id, label, kind, attrs, aliases, location)
}
