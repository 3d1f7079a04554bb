//! Wikidata: SPARQL query results (the JSON results format, or CSV/TSV, which are tables)
//! and lines of the JSON dump (`latest-all.json`: one entity a line between `[` and `]`).
//! A result's variables are columns mapped as any table's; a dump entity gives its label
//! and aliases in one language, its type from its `instance of` (P31) classes, and the
//! attributes asked for by property (`country=P17`). Must not map columns itself:
//! [`super::map_rows`] does.

use std::collections::BTreeMap;
use std::io::BufRead;

use serde_json::Value;

use super::{
    add_attr, map_rows, push_alias, Entry, Ids, ImportError, Imported, Known, Mapping, Rows,
    TypeFrom,
};
use crate::error::{Location, Problem};

/// The Wikidata classes whose instances an import types without being told: humans are
/// people; countries, states, cities and other settlements and divisions are places;
/// organizations, companies, parties, agencies, newspapers, broadcasters, clubs and
/// universities are organizations. `--type-map` adds to or overrides these.
pub const WIKIDATA_TYPES: &[(&str, &str)] = &[
    ("Q5", "person"),
    ("Q6256", "place"),
    ("Q3624078", "place"),
    ("Q515", "place"),
    ("Q1549591", "place"),
    ("Q5119", "place"),
    ("Q486972", "place"),
    ("Q3957", "place"),
    ("Q532", "place"),
    ("Q35657", "place"),
    ("Q107390", "place"),
    ("Q10864048", "place"),
    ("Q43229", "organization"),
    ("Q4830453", "organization"),
    ("Q783794", "organization"),
    ("Q891723", "organization"),
    ("Q7278", "organization"),
    ("Q327333", "organization"),
    ("Q2659904", "organization"),
    ("Q484652", "organization"),
    ("Q163740", "organization"),
    ("Q11032", "organization"),
    ("Q15265344", "organization"),
    ("Q476028", "organization"),
    ("Q3918", "organization"),
];

/// Reads Wikidata data from `input` (named `name` in problems), telling the kind from its
/// start: a JSON object with `head` and `results` (SPARQL JSON results), `[` or an entity
/// object a line (the JSON dump), else a SPARQL CSV (or TSV) table. `lang` picks labels
/// and aliases in dumps. Without a type in `mapping`, a dump entity's type comes from its
/// P31 classes (see [`WIKIDATA_TYPES`]) and a result's from its `type` column.
///
/// # Errors
/// JSON that does not parse, a result that is not SPARQL JSON, a column the mapping names
/// that the results lack; each with its file (and line).
pub fn read_wikidata(
    name: &str,
    mut input: impl BufRead,
    lang: &str,
    mapping: &Mapping,
    known: &Known,
) -> Result<Imported, ImportError> {
    let mut mapping = mapping.clone();
    for (class, t) in WIKIDATA_TYPES {
        mapping
            .type_map
            .entry((*class).to_string())
            .or_insert_with(|| (*t).to_string());
    }
    let head = input
        .fill_buf()
        .map_err(|e| ImportError::at(Location::file(name), format!("cannot read: {e}")))?;
    let start = String::from_utf8_lossy(&head[..head.len().min(4096)]).into_owned();
    let trimmed = start.trim_start_matches('\u{feff}').trim_start();
    let first_line = trimmed.lines().next().unwrap_or("");
    if trimmed.starts_with('[') || is_dump_line(first_line) {
        return read_dump(name, input, lang, &mapping, known);
    }
    if trimmed.starts_with('{') {
        let mut text = String::new();
        input.read_to_string(&mut text).map_err(|e| {
            ImportError::at(
                Location::file(name),
                format!("cannot read as UTF-8 text: {e}"),
            )
        })?;
        let rows = sparql_json(name, &text)?;
        mapping.separator.get_or_insert_with(|| ", ".to_string());
        return map_rows(&rows, &mapping, known);
    }
    let delimiter = if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    };
    let rows = super::read_table(name, input, delimiter)?;
    mapping.separator.get_or_insert_with(|| ", ".to_string());
    map_rows(&rows, &mapping, known)
}

/// Whether a line is one entity of the JSON dump.
fn is_dump_line(line: &str) -> bool {
    let line = line.trim().trim_end_matches(',');
    line.starts_with('{')
        && serde_json::from_str::<Value>(line)
            .is_ok_and(|v| v.get("labels").is_some() && v.get("id").is_some())
}

/// SPARQL JSON results as rows: the variables are the columns.
fn sparql_json(name: &str, text: &str) -> Result<Rows, ImportError> {
    let v: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::at(
            Location::line0(name, e.line().saturating_sub(1)),
            format!("not JSON: {e}"),
        )
    })?;
    let shape = || {
        ImportError::at(
            Location::file(name),
            "not SPARQL JSON results: `head.vars` and `results.bindings` are needed",
        )
    };
    let header: Vec<String> = v["head"]["vars"]
        .as_array()
        .ok_or_else(shape)?
        .iter()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect();
    let bindings = v["results"]["bindings"].as_array().ok_or_else(shape)?;
    let rows = bindings
        .iter()
        .map(|b| {
            let cells = header
                .iter()
                .map(|h| b[h]["value"].as_str().unwrap_or("").to_string())
                .collect();
            (cells, Location::file(name))
        })
        .collect();
    Ok(Rows {
        header,
        rows,
        file: Location::file(name),
    })
}

/// The JSON dump, a line at a time.
fn read_dump(
    name: &str,
    input: impl BufRead,
    lang: &str,
    mapping: &Mapping,
    known: &Known,
) -> Result<Imported, ImportError> {
    let mut out = Imported::default();
    let mut ids = Ids::new(known.ids.clone());
    for (i, line) in input.lines().enumerate() {
        let loc = Location::line0(name, i);
        let line = line.map_err(|e| ImportError::at(loc.clone(), format!("cannot read: {e}")))?;
        let line = line.trim().trim_end_matches(',');
        if line.is_empty() || line == "[" || line == "]" {
            continue;
        }
        out.rows += 1;
        let v: Value = serde_json::from_str(line)
            .map_err(|e| ImportError::at(loc.clone(), format!("not a JSON entity: {e}")))?;
        let Some(qid) = v["id"].as_str() else {
            return Err(ImportError::at(loc, "an entity without `id`"));
        };
        let Some(label) = v["labels"][lang]["value"].as_str().map(str::trim) else {
            out.skipped.push(Problem::note(
                loc,
                format!("{qid} has no label in `{lang}`: skipped"),
            ));
            continue;
        };
        let classes = claim_values(&v, "P31");
        let kind = match &mapping.kind {
            Some(TypeFrom::Fixed(t)) => Some(t.clone()),
            _ => classes
                .iter()
                .find_map(|c| mapping.type_map.get(c).cloned()),
        };
        let Some(kind) = kind else {
            out.skipped.push(Problem::note(
                loc,
                format!(
                    "{qid} ({label}) is an instance of {} that no type is mapped to (--type-map CLASS=TYPE, or --type): skipped",
                    if classes.is_empty() { "nothing".to_string() } else { classes.join(", ") }
                ),
            ));
            continue;
        };
        let mut aliases = Vec::new();
        for a in v["aliases"][lang].as_array().into_iter().flatten() {
            if let Some(a) = a["value"].as_str() {
                push_alias(&mut aliases, label, a);
            }
        }
        let mut attrs = BTreeMap::new();
        attrs.insert("wikidata".to_string(), qid.to_string());
        for (key, property) in &mapping.attrs {
            for value in claim_values(&v, property) {
                // An item the gazetteers list is written by its label (`country=Japan`).
                let value = known
                    .wikidata
                    .get(&value)
                    .map_or(value.as_str(), |(_, l)| l);
                add_attr(&mut attrs, key, value);
            }
        }
        let id = match known.item(qid, &kind, label) {
            Some(id) if !ids.is_taken(id) => {
                ids.take(id);
                id.clone()
            }
            _ => ids.give(&kind, label, &[qid]),
        };
        out.entries.push(Entry {
            label: label.to_string(),
            kind,
            id,
            aliases,
            anchored: Vec::new(),
            attrs,
        });
    }
    Ok(out)
}

/// The values of an entity's statements of `property`, best rank first: items as their
/// ids, strings as they are, times as their date, quantities as their amount.
fn claim_values(v: &Value, property: &str) -> Vec<String> {
    let mut found: Vec<(u8, String)> = Vec::new();
    for claim in v["claims"][property].as_array().into_iter().flatten() {
        let rank = match claim["rank"].as_str() {
            Some("preferred") => 0,
            Some("deprecated") => continue,
            _ => 1,
        };
        let value = &claim["mainsnak"]["datavalue"]["value"];
        let text = if let Some(id) = value["id"].as_str() {
            id.to_string()
        } else if let Some(s) = value.as_str() {
            s.to_string()
        } else if let Some(t) = value["time"].as_str() {
            t.trim_start_matches('+')
                .split('T')
                .next()
                .unwrap_or("")
                .to_string()
        } else if let Some(a) = value["amount"].as_str() {
            a.trim_start_matches('+').to_string()
        } else if let Some(t) = value["text"].as_str() {
            t.to_string()
        } else {
            continue;
        };
        if !found.iter().any(|(_, f)| *f == text) {
            found.push((rank, text));
        }
    }
    found.sort_by_key(|(rank, _)| *rank);
    found.into_iter().map(|(_, t)| t).collect()
}
