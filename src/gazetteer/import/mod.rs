//! Importers: gazetteer entries from data users already have. A table (CSV or TSV with a
//! header, mapped column by column), GeoNames dump lines (the `cities15000.txt` format),
//! and Wikidata (SPARQL query results as JSON, CSV or TSV, and lines of the JSON dump)
//! become [`Entry`] values, written out as a JSON Lines gazetteer that the loader reads.
//!
//! Owns the formats' readers, the column [`Mapping`], the merging of rows that describe one
//! entity, and the ids given to imported entities. Must not load gazetteers or touch the
//! matcher: what an import produces is checked by loading it like any other file.
//!
//! ```text
//! mod.rs       Entry, Mapping, rows -> entries, ids, ImportError
//! table.rs     CSV and TSV (and SPARQL CSV/TSV results)
//! geonames.rs  GeoNames dump lines
//! wikidata.rs  SPARQL JSON results and JSON dump lines
//! ```

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Write};

use serde::Serialize;

use super::entry::{derive_id, is_attr_key};
use crate::error::{Location, Problem};
use crate::model::is_type_word;

mod geonames;
mod table;
mod wikidata;

pub use geonames::{GeoNames, NameScripts};
pub use table::read_table;
pub use wikidata::{read_wikidata, WIKIDATA_TYPES};

/// One imported entity, in the JSON Lines gazetteer schema (see `gazetteers/README.md`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    /// Display name, also an alias.
    pub label: String,
    /// Type word (`person`, `place`, `organization`, ...).
    #[serde(rename = "type")]
    pub kind: String,
    /// Explicit id.
    pub id: String,
    /// Plain aliases (the label is not repeated).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Anchored aliases.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub anchored: Vec<String>,
    /// Attributes.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub attrs: BTreeMap<String, String>,
}

/// What an import produced: the entries in a stable order, and the rows it skipped (each
/// as a note with its file and line).
#[derive(Debug, Clone, Default)]
pub struct Imported {
    /// The entities, in the order of their first row.
    pub entries: Vec<Entry>,
    /// Rows read.
    pub rows: usize,
    /// Skipped rows, one note each.
    pub skipped: Vec<Problem>,
}

impl Imported {
    /// Number of aliases written, labels included.
    pub fn aliases(&self) -> usize {
        self.entries
            .iter()
            .map(|e| 1 + e.aliases.len() + e.anchored.len())
            .sum()
    }

    /// Writes the entries as a JSON Lines gazetteer, one object a line.
    ///
    /// # Errors
    /// When `out` fails.
    pub fn write_jsonl(&self, out: &mut dyn Write) -> io::Result<()> {
        for e in &self.entries {
            serde_json::to_writer(&mut *out, e)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// What gazetteers already loaded tell an import: the ids they use (an imported entity of
/// another identity does not take one), country labels by ISO code, and place ids by
/// GeoNames id.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Every id.
    pub ids: HashSet<String>,
    /// Country labels by `iso` code (`RU` → `Russia`).
    pub countries: HashMap<String, String>,
    /// Place ids by `geonames` attribute.
    pub geonames: HashMap<String, String>,
    /// Ids and labels by `wikidata` attribute (`Q17` → `place:japan`, `Japan`).
    pub wikidata: HashMap<String, (String, String)>,
    /// Ids of entities without a `wikidata` attribute, by type and label: an imported item
    /// of that type and label is taken for the same entity (`person:charles-kennedy`).
    pub unidentified: HashMap<(String, String), String>,
}

impl Known {
    /// The id an imported Wikidata item takes: the listed entity with its id, else the
    /// listed entity of its type and label that has no Wikidata id.
    pub(crate) fn item(&self, qid: &str, kind: &str, label: &str) -> Option<&String> {
        self.wikidata.get(qid).map(|(id, _)| id).or_else(|| {
            self.unidentified
                .get(&(kind.to_string(), label.to_string()))
        })
    }
}

impl Known {
    /// What `gazetteer` lists.
    pub fn of(gazetteer: &super::Gazetteer) -> Known {
        let mut known = Known::default();
        for e in gazetteer.entities() {
            known.ids.insert(e.id.clone());
            match e.attrs.get("wikidata") {
                Some(q) => {
                    known
                        .wikidata
                        .entry(q.clone())
                        .or_insert((e.id.clone(), e.label.clone()));
                }
                None => {
                    let key = (e.kind.as_str().to_string(), e.label.clone());
                    known.unidentified.entry(key).or_insert(e.id.clone());
                }
            }
            if e.kind != crate::model::EntityType::Place {
                continue;
            }
            if let Some(iso) = e.attrs.get("iso").filter(|_| e.is_country()) {
                known
                    .countries
                    .entry(iso.clone())
                    .or_insert(e.label.clone());
            }
            if let Some(g) = e.attrs.get("geonames") {
                known.geonames.entry(g.clone()).or_insert(e.id.clone());
            }
        }
        known
    }
}

/// An input that cannot be imported: the file (and line) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{location}: {message}")]
pub struct ImportError {
    /// Where.
    pub location: Location,
    /// What, lower case.
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(location: Location, message: impl Into<String>) -> ImportError {
        ImportError {
            location,
            message: message.into(),
        }
    }
}

/// Where an entity's type comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeFrom {
    /// Every row has this type.
    Fixed(String),
    /// A column holds it: a type word, or a value `type_map` maps to one (`Q5`).
    Column(String),
}

/// How the columns of a table become an entity. Column names are the header's (a 1-based
/// column number works too). Unset fields take the first column that exists among the
/// usual names: label `label`, `name`, `itemLabel`; aliases `aliases`, `altLabel`,
/// `itemAltLabel`; the key `id`, else `item` (a Wikidata item, also kept as
/// `wikidata=Q…`); the type `type`.
#[derive(Debug, Clone, Default)]
pub struct Mapping {
    /// The label column.
    pub label: Option<String>,
    /// Columns of plain aliases.
    pub aliases: Vec<String>,
    /// Columns of anchored aliases.
    pub anchored: Vec<String>,
    /// The column that identifies an entity: rows with the same value are one entity.
    pub key: Option<String>,
    /// The type.
    pub kind: Option<TypeFrom>,
    /// Values of the type column (or Wikidata classes) and the type each stands for.
    pub type_map: BTreeMap<String, String>,
    /// `(attribute, column)` pairs.
    pub attrs: Vec<(String, String)>,
    /// Every column not otherwise mapped becomes an attribute named after it.
    pub other_columns_as_attrs: bool,
    /// What separates several aliases in one cell (default `|`; `, ` for SPARQL results,
    /// whose label service joins alternative labels so).
    pub separator: Option<String>,
}

impl Mapping {
    /// A mapping that gives every row the type `kind`.
    pub fn of_type(kind: &str) -> Mapping {
        Mapping {
            kind: Some(TypeFrom::Fixed(kind.to_string())),
            ..Mapping::default()
        }
    }
}

/// A table's rows, as read: the header and, for each row, its cells and where it was read.
#[derive(Debug, Clone, Default)]
pub struct Rows {
    /// Column names.
    pub header: Vec<String>,
    /// Cells (as many as the header) and locations.
    pub rows: Vec<(Vec<String>, Location)>,
    /// The file, for problems about the header.
    pub file: Location,
}

/// A Wikidata entity URI (`http://www.wikidata.org/entity/Q7747`) shortened to its id;
/// any other value as it is.
pub(crate) fn short_value(v: &str) -> &str {
    for prefix in [
        "http://www.wikidata.org/entity/",
        "https://www.wikidata.org/entity/",
        "http://www.wikidata.org/wiki/",
        "https://www.wikidata.org/wiki/",
    ] {
        if let Some(rest) = v.strip_prefix(prefix) {
            return rest;
        }
    }
    v
}

/// True for a Wikidata item id (`Q7747`).
pub(crate) fn is_qid(v: &str) -> bool {
    v.len() > 1 && v.starts_with('Q') && v[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Finds a column by name (or 1-based number).
fn column(header: &[String], name: &str, file: &Location) -> Result<usize, ImportError> {
    if let Some(i) = header.iter().position(|h| h == name) {
        return Ok(i);
    }
    if let Ok(n) = name.parse::<usize>() {
        if (1..=header.len()).contains(&n) {
            return Ok(n - 1);
        }
    }
    Err(ImportError::at(
        file.clone(),
        format!(
            "no column `{name}`; the columns are: {}",
            header
                .iter()
                .map(|h| format!("`{h}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    ))
}

/// The first of `names` the header has.
fn usual(header: &[String], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .find_map(|n| header.iter().position(|h| h == n))
}

/// Hands out ids: derived from type and label (`person:ruth-kelly`), qualified by the
/// entity's key when two entities would get the same one (`person:john-smith-q123`), and
/// never one in `reserved` (ids already taken by other gazetteers) unless `mine` says the
/// entity is that one.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    used: HashSet<String>,
    reserved: HashSet<String>,
}

impl Ids {
    pub(crate) fn new(reserved: HashSet<String>) -> Ids {
        Ids {
            used: HashSet::new(),
            reserved,
        }
    }

    /// An id for an entity of `kind` labelled `label`, qualified in turn by each of
    /// `qualifiers` until one is free.
    pub(crate) fn give(&mut self, kind: &str, label: &str, qualifiers: &[&str]) -> String {
        let base = derive_id(kind, label);
        let free = |ids: &Ids, id: &str| !ids.used.contains(id) && !ids.reserved.contains(id);
        let mut id = base.clone();
        let mut q = qualifiers.iter();
        while !free(self, &id) {
            match q.next() {
                Some(extra) => id = derive_id(kind, &format!("{label} {extra}")),
                None => {
                    let mut n = 2;
                    while !free(self, &format!("{base}-{n}")) {
                        n += 1;
                    }
                    id = format!("{base}-{n}");
                }
            }
        }
        self.used.insert(id.clone());
        id
    }

    /// Whether this import gave `id` already.
    pub(crate) fn is_taken(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    /// Takes `id` as given (an id column, or a known entity's id).
    pub(crate) fn take(&mut self, id: &str) {
        self.used.insert(id.to_string());
    }
}

/// Adds `alias` to `list` unless it is empty, the label, or already there.
pub(crate) fn push_alias(list: &mut Vec<String>, label: &str, alias: &str) {
    let alias = alias.trim();
    if !alias.is_empty() && alias != label && !list.iter().any(|a| a == alias) {
        list.push(alias.to_string());
    }
}

/// Sets attribute `key` to `value`, or appends `value` (`; `-separated) when the
/// attribute has another value already.
pub(crate) fn add_attr(attrs: &mut BTreeMap<String, String>, key: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    match attrs.get_mut(key) {
        Some(old) => {
            if !old.split("; ").any(|v| v == value) {
                old.push_str("; ");
                old.push_str(value);
            }
        }
        None => {
            attrs.insert(key.to_string(), value.to_string());
        }
    }
}

/// An attribute key made from a column name: lower case, other characters `_`
/// (`Party Label` → `party_label`); `None` when nothing usable is left.
pub(crate) fn attr_key(name: &str) -> Option<String> {
    let mut key = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            key.push(c.to_ascii_lowercase());
        } else if !key.is_empty() && !key.ends_with('_') {
            key.push('_');
        }
    }
    while key.ends_with('_') {
        key.pop();
    }
    (is_attr_key(&key)).then_some(key)
}

/// A type for every row, or the column that holds each row's.
enum Kind {
    Fixed(String),
    Column(usize),
}

/// Turns rows into entries by `mapping`. Rows with the same key (or, without a key
/// column, the same type and label) are one entity: their aliases and attribute values
/// are gathered. `known`: what other gazetteers list: an imported entity does not take
/// an id they use, unless it is the same Wikidata item (then it takes that entity's id,
/// and merges with it).
///
/// # Errors
/// A mapped column the header does not have, no label column, no type, or an attribute
/// name that cannot be one.
pub fn map_rows(rows: &Rows, mapping: &Mapping, known: &Known) -> Result<Imported, ImportError> {
    let h = &rows.header;
    let file = &rows.file;
    let col = |name: &String| column(h, name, file);
    let label = match &mapping.label {
        Some(name) => col(name)?,
        None => usual(h, &["label", "name", "itemLabel"]).ok_or_else(|| {
            ImportError::at(
                file.clone(),
                "no label column (`label`, `name` or `itemLabel`): name one with --label",
            )
        })?,
    };
    let aliases: Vec<usize> = if mapping.aliases.is_empty() {
        usual(h, &["aliases", "altLabel", "itemAltLabel"])
            .into_iter()
            .collect()
    } else {
        mapping.aliases.iter().map(col).collect::<Result<_, _>>()?
    };
    let anchored: Vec<usize> = mapping.anchored.iter().map(col).collect::<Result<_, _>>()?;
    let key = match &mapping.key {
        Some(name) => Some(col(name)?),
        None => usual(h, &["id", "item"]),
    };
    let kind = match &mapping.kind {
        Some(TypeFrom::Fixed(t)) => {
            if !is_type_word(t) {
                return Err(ImportError::at(
                    file.clone(),
                    format!("`{t}` is not a type word (lower-case letters, digits, `_`, `-`)"),
                ));
            }
            Kind::Fixed(t.clone())
        }
        Some(TypeFrom::Column(name)) => Kind::Column(col(name)?),
        None => Kind::Column(usual(h, &["type"]).ok_or_else(|| {
            ImportError::at(
                file.clone(),
                "no type: give one with --type, or a type column with --type-column",
            )
        })?),
    };
    let mut attrs: Vec<(String, usize)> = Vec::new();
    for (name, c) in &mapping.attrs {
        if !is_attr_key(name) {
            return Err(ImportError::at(
                file.clone(),
                format!(
                    "`{name}` is not an attribute name (lower-case ASCII letters, digits, `_`)"
                ),
            ));
        }
        attrs.push((name.clone(), col(c)?));
    }
    if mapping.other_columns_as_attrs {
        let mut taken: HashSet<usize> = [label].into_iter().collect();
        taken.extend(aliases.iter().chain(&anchored).copied());
        taken.extend(key);
        if let Kind::Column(k) = kind {
            taken.insert(k);
        }
        taken.extend(attrs.iter().map(|&(_, c)| c));
        for (i, name) in h.iter().enumerate() {
            if !taken.contains(&i) {
                if let Some(k) = attr_key(name) {
                    attrs.push((k, i));
                }
            }
        }
    }
    let sep = mapping.separator.as_deref().unwrap_or("|");
    let mut out = Imported {
        rows: rows.rows.len(),
        ..Imported::default()
    };
    // Entity index by key, in the order of first rows.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut keys: Vec<Option<String>> = Vec::new();
    let mut ids = Ids::new(known.ids.clone());
    for (cells, loc) in &rows.rows {
        let cell = |i: usize| cells.get(i).map(|s| short_value(s.trim())).unwrap_or("");
        let name = cell(label);
        // The label service writes the item id when an item has no label in the language.
        if name.is_empty() || is_qid(name) {
            out.skipped
                .push(Problem::note(loc.clone(), "no label: row skipped"));
            continue;
        }
        let t = match kind {
            Kind::Fixed(ref fixed) => fixed.clone(),
            Kind::Column(c) => {
                let v = cell(c);
                match mapping.type_map.get(v) {
                    Some(t) => t.clone(),
                    None if is_type_word(v) && !is_qid(v) => v.to_string(),
                    None => {
                        out.skipped.push(Problem::note(
                            loc.clone(),
                            format!("type `{v}` is not mapped to a type word (--type-map {v}=TYPE): row skipped"),
                        ));
                        continue;
                    }
                }
            }
        };
        let k = key.map(|k| cell(k).to_string()).filter(|k| !k.is_empty());
        let lookup = k.clone().unwrap_or_else(|| format!("{t}\t{name}"));
        let at = match index.get(&lookup) {
            Some(&at) => at,
            None => {
                let at = out.entries.len();
                index.insert(lookup, at);
                keys.push(k.clone());
                out.entries.push(Entry {
                    label: name.to_string(),
                    kind: t,
                    id: String::new(),
                    aliases: Vec::new(),
                    anchored: Vec::new(),
                    attrs: BTreeMap::new(),
                });
                at
            }
        };
        let e = &mut out.entries[at];
        if name != e.label {
            push_alias(&mut e.aliases, &e.label.clone(), name);
        }
        for &c in &aliases {
            for a in cell(c).split(sep) {
                push_alias(&mut e.aliases, &e.label.clone(), a);
            }
        }
        for &c in &anchored {
            for a in cell(c).split(sep) {
                push_alias(&mut e.anchored, &e.label.clone(), a);
            }
        }
        for (name, c) in &attrs {
            add_attr(&mut e.attrs, name, cell(*c));
        }
        if let Some(k) = k.as_deref().filter(|k| is_qid(k)) {
            add_attr(&mut e.attrs, "wikidata", k);
        }
    }
    // Ids: an id column's value as it is when it looks like one (`type:...`), else derived.
    for (e, k) in out.entries.iter_mut().zip(&keys) {
        e.anchored.retain(|a| !e.aliases.contains(a));
        e.id = match k.as_deref() {
            Some(k) if k.contains(':') && !k.contains(char::is_whitespace) => {
                ids.take(k);
                k.to_string()
            }
            Some(k) if is_qid(k) => match known.item(k, &e.kind, &e.label) {
                Some(id) if !ids.is_taken(id) => {
                    ids.take(id);
                    id.clone()
                }
                _ => ids.give(&e.kind, &e.label, &[k]),
            },
            Some(k) => ids.give(&e.kind, &e.label, &[k]),
            None => ids.give(&e.kind, &e.label, &[]),
        };
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
