//! Gazetteers: the two file formats, loading and merging packs, alias variants.
//!
//! Owns the text format (`Label | alias | ~anchored | key=value`, `@type`, `@case`) and the
//! JSON Lines format, the id rule (`type:slug-of-label`), merging entries that share an id,
//! the embedded packs, and the variants generated from each alias. Policy: every problem in
//! every file is collected with its `path:line`, and loading fails at the end if any is an
//! error ("collect, report, then decide"). Must not touch the automaton, corpora or output.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::error::{GazetteerError, Location, Problem};
use crate::text::chars::is_word_char;
use crate::text::normalize::normalize;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_gazetteers.rs"));
}

/// How an alias' letter case must agree with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum CasePolicy {
    /// All-caps aliases (acronyms) match exactly; others match in any case, except that
    /// text starting lower-case never matches an alias starting upper-case.
    #[default]
    Smart,
    /// The text must have the alias' case (after normalization).
    Exact,
    /// Case is ignored.
    Insensitive,
}

impl CasePolicy {
    /// Parses `smart`, `exact` or `insensitive`.
    pub fn parse(s: &str) -> Option<CasePolicy> {
        match s {
            "smart" => Some(CasePolicy::Smart),
            "exact" => Some(CasePolicy::Exact),
            "insensitive" => Some(CasePolicy::Insensitive),
            _ => None,
        }
    }
}

impl fmt::Display for CasePolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CasePolicy::Smart => "smart",
            CasePolicy::Exact => "exact",
            CasePolicy::Insensitive => "insensitive",
        })
    }
}

/// One name an entity goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The alias as written, markers removed.
    pub text: String,
    /// Counted only in documents that also name the entity by a non-anchored alias.
    pub anchored: bool,
    /// Kept even when the junk guard would set it aside.
    pub forced: bool,
    /// This entity is the default sense of the alias when it is shared and the document
    /// gives no evidence.
    pub default_sense: bool,
    /// A demonym (`Russian` for Russia).
    pub demonym: bool,
    /// Case policy of the file or entry it came from.
    pub case: CasePolicy,
    /// Where it was written.
    pub location: Location,
}

/// A listed entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable id, e.g. `person:vladimir-putin`.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Type: `person`, `place`, `organization` or any other lower-case word.
    pub kind: String,
    /// Attributes from the gazetteer (`wikidata=Q7747`), passed to the graph.
    pub attrs: BTreeMap<String, String>,
    /// Aliases, the label first.
    pub aliases: Vec<Alias>,
    /// Where the entity was first defined.
    pub location: Location,
}

/// A loaded, merged set of gazetteers.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: IdIndex,
    sources: Vec<String>,
    warnings: Vec<Problem>,
    repeats: Vec<Repeat>,
}

/// Entity ids → indices, storing a 64-bit hash of each id rather than a copy of it: a
/// million entities hold their ids once. Ids whose hashes collide go to a small map.
#[derive(Debug, Clone, Default)]
struct IdIndex {
    by_hash: rustc_hash::FxHashMap<u64, u32>,
    collided: HashMap<String, u32>,
}

impl IdIndex {
    fn hash(id: &str) -> u64 {
        use std::hash::{BuildHasher, BuildHasherDefault};
        BuildHasherDefault::<rustc_hash::FxHasher>::default().hash_one(id)
    }

    fn get(&self, id: &str, entities: &[Entity]) -> Option<u32> {
        match self.by_hash.get(&Self::hash(id)) {
            Some(&i) if entities[i as usize].id == id => Some(i),
            Some(_) => self.collided.get(id).copied(),
            None => None,
        }
    }

    /// Adds `id` (not present yet) at `index`.
    fn insert(&mut self, id: &str, index: u32, entities: &[Entity]) {
        match self.by_hash.entry(Self::hash(id)) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(index);
            }
            std::collections::hash_map::Entry::Occupied(o)
                if entities[*o.get() as usize].id != id =>
            {
                self.collided.insert(id.to_string(), index);
            }
            std::collections::hash_map::Entry::Occupied(_) => {}
        }
    }
}

/// An entry or an alias written a second time. Loading merges it silently (a topic pack
/// may add aliases to a world-pack entity); `entgraph gazetteer check` reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    /// Where it is written again.
    pub location: Location,
    /// Where it was first written.
    pub first: Location,
    /// The entity.
    pub entity: u32,
    /// The alias repeated, or `None` when the whole entry is defined again in the same file.
    pub alias: Option<String>,
}

impl Gazetteer {
    /// Parses one gazetteer given as a string; `name` picks the format by its extension
    /// (`.jsonl` or anything else for text) and the default type by its file name.
    ///
    /// # Errors
    /// Every syntax problem, as `name:line: message`.
    ///
    /// # Examples
    /// ```
    /// let g = entgraph::Gazetteer::from_str("people.txt", "Vladimir Putin | Putin\n").unwrap();
    /// assert_eq!(g.entities()[0].id, "person:vladimir-putin");
    /// ```
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(name: &str, text: &str) -> Result<Gazetteer, GazetteerError> {
        let mut loader = Loader::new();
        loader.add_text(name, text);
        loader.finish()
    }

    /// All entities, in the order they were first defined.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity at `index`.
    pub fn entity(&self, index: u32) -> &Entity {
        &self.entities[index as usize]
    }

    /// The index of the entity with id `id`.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.by_id.get(id, &self.entities)
    }

    /// Finds an entity by id, else by label (case-insensitive), else by alias.
    pub fn lookup(&self, key: &str) -> Option<u32> {
        if let Some(i) = self.index_of(key) {
            return Some(i);
        }
        let folded = normalize(key, true);
        let by =
            |pred: &dyn Fn(&Entity) -> bool| self.entities.iter().position(pred).map(|i| i as u32);
        by(&|e| normalize(&e.label, true) == folded)
            .or_else(|| by(&|e| e.aliases.iter().any(|a| normalize(&a.text, true) == folded)))
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when no entity is listed.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The files (or embedded names) loaded, in order.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// Non-fatal problems found while loading (conflicting attributes and the like).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// Entries and aliases written twice, in loading order.
    pub fn repeats(&self) -> &[Repeat] {
        &self.repeats
    }
}

/// The names of the packs embedded in the binary (`world`, `korea-russia-2019`, ...).
pub fn embedded_packs() -> Vec<&'static str> {
    let mut packs: Vec<&'static str> = embedded::FILES
        .iter()
        .filter_map(|(path, _)| pack_of(path))
        .collect();
    packs.dedup();
    packs
}

/// The pack an embedded file belongs to: its first directory, or the second under `topics/`.
fn pack_of(path: &'static str) -> Option<&'static str> {
    let mut parts = path.split('/');
    match parts.next()? {
        "topics" => parts.next().filter(|_| path.matches('/').count() >= 2),
        first if path.contains('/') => Some(first),
        _ => None,
    }
}

/// The default set loaded unless `--no-default-gazetteers`.
pub const DEFAULT_PACKS: &[&str] = &["world"];

/// Collects gazetteer files and merges them into a [`Gazetteer`].
///
/// # Examples
/// ```
/// let mut loader = entgraph::gazetteer::Loader::new();
/// loader.add_text("people.txt", "Vladimir Putin | Putin\n");
/// loader.add_text("topic.txt", "@type person\nVladimir Putin | Vladimir Vladimirovich\n");
/// let g = loader.finish().unwrap();
/// assert_eq!(g.entities()[0].aliases.len(), 3);
/// ```
#[derive(Debug, Default)]
pub struct Loader {
    gazetteer: Gazetteer,
    problems: Vec<Problem>,
}

impl Loader {
    /// An empty loader.
    pub fn new() -> Loader {
        Loader::default()
    }

    /// Adds an embedded pack by name. Returns false when there is no such pack.
    pub fn add_embedded(&mut self, pack: &str) -> bool {
        let mut found = false;
        for (path, text) in embedded::FILES {
            if pack_of(path) == Some(pack) && is_gazetteer_file(path) {
                found = true;
                self.add_text(&format!("<embedded>/{path}"), text);
            }
        }
        found
    }

    /// Adds a gazetteer argument as the command line gives it: an existing file or
    /// directory, else an embedded pack of that name.
    pub fn add_arg(&mut self, arg: &str) {
        if !Path::new(arg).exists() && self.add_embedded(arg) {
            return;
        }
        self.add_path(Path::new(arg));
    }

    /// Adds a file, or every `.txt` and `.jsonl` file below a directory in sorted order.
    pub fn add_path(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let packs = embedded_packs().join(", ");
                self.problems.push(Problem::error(
                    Location::file(shown),
                    format!("cannot read gazetteer: {e} (embedded packs: {packs})"),
                ));
                return;
            }
        };
        if meta.is_dir() {
            let (files, errors) = crate::walk::files(path);
            for e in errors {
                self.problems.push(Problem::error(
                    Location::file(e.path.display().to_string()),
                    format!("cannot list directory: {}", e.error),
                ));
            }
            for f in files
                .iter()
                .filter(|f| is_gazetteer_file(&f.to_string_lossy()))
            {
                self.add_file(f);
            }
        } else {
            self.add_file(path);
        }
    }

    fn add_file(&mut self, path: &Path) {
        let shown = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => self.add_text(&shown, &text),
                Err(e) => {
                    let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                    let line = good.iter().filter(|&&b| b == b'\n').count();
                    self.problems.push(Problem::error(
                        Location::line0(shown, line),
                        "invalid UTF-8 (gazetteers must be UTF-8 text)",
                    ));
                }
            },
            Err(e) => self.problems.push(Problem::error(
                Location::file(shown),
                format!("cannot read gazetteer: {e}"),
            )),
        }
    }

    /// Adds one gazetteer given as text; `name` is used in messages and picks the format.
    pub fn add_text(&mut self, name: &str, text: &str) {
        self.gazetteer.sources.push(name.to_string());
        if name.ends_with(".jsonl") {
            self.parse_jsonl(name, text);
        } else {
            self.parse_text(name, text);
        }
    }

    /// How many files have been added so far.
    pub fn sources(&self) -> usize {
        self.gazetteer.sources.len()
    }

    /// Problems collected so far.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// Finishes loading.
    ///
    /// # Errors
    /// All the errors collected, when there is at least one.
    pub fn finish(mut self) -> Result<Gazetteer, GazetteerError> {
        let (errors, warnings): (Vec<Problem>, Vec<Problem>) = self
            .problems
            .into_iter()
            .partition(|p| p.level == crate::error::Level::Error);
        if errors.is_empty() {
            self.gazetteer.warnings = warnings;
            // The list grew by doubling; a million entities would keep up to half again
            // their size as spare capacity for the whole run.
            self.gazetteer.entities.shrink_to_fit();
            Ok(self.gazetteer)
        } else {
            Err(GazetteerError { problems: errors })
        }
    }

    fn parse_text(&mut self, name: &str, text: &str) {
        let file: std::sync::Arc<str> = name.into();
        let mut kind: Option<String> = default_type_for(name).map(str::to_string);
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
                    (Some("type"), Some(t), None) if is_type_word(t) => kind = Some(t.to_string()),
                    (Some("type"), Some(t), None) => self.problems.push(Problem::error(
                        loc(),
                        format!("invalid type `{t}` (expected a lower-case word such as person, place, organization)"),
                    )),
                    (Some("case"), Some(c), None) => match CasePolicy::parse(c) {
                        Some(c) => case = c,
                        None => self.problems.push(Problem::error(
                            loc(),
                            format!("invalid case policy `{c}` (expected smart, exact or insensitive)"),
                        )),
                    },
                    _ => self.problems.push(Problem::error(
                        loc(),
                        format!("unknown directive `{line}` (expected `@type WORD` or `@case smart|exact|insensitive`)"),
                    )),
                }
                continue;
            }
            match parse_entry_line(line, kind.as_deref(), case, loc()) {
                Ok(entry) => self.add_entity(entry),
                Err(messages) => {
                    for m in messages {
                        self.problems.push(Problem::error(loc(), m));
                    }
                }
            }
        }
    }

    fn parse_jsonl(&mut self, name: &str, text: &str) {
        let file: std::sync::Arc<str> = name.into();
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let loc = Location::line0(file.clone(), i);
            match serde_json::from_str::<JsonEntry>(line) {
                Ok(entry) => match entry.into_entity(loc.clone()) {
                    Ok(e) => self.add_entity(e),
                    Err(messages) => {
                        for m in messages {
                            self.problems.push(Problem::error(loc.clone(), m));
                        }
                    }
                },
                Err(e) => self
                    .problems
                    .push(Problem::error(loc, format!("invalid entry: {e}"))),
            }
        }
    }

    fn add_entity(&mut self, entity: Entity) {
        let g = &mut self.gazetteer;
        if let Some(idx) = g.by_id.get(&entity.id, &g.entities) {
            let existing = &mut g.entities[idx as usize];
            if existing.kind != entity.kind {
                self.problems.push(Problem::error(
                    entity.location.clone(),
                    format!(
                        "entity `{}` is a {} here but a {} at {}",
                        entity.id, entity.kind, existing.kind, existing.location
                    ),
                ));
                return;
            }
            for (k, v) in entity.attrs {
                match existing.attrs.get(&k) {
                    Some(old) if *old != v => self.problems.push(Problem::warning(
                        entity.location.clone(),
                        format!(
                            "attribute `{k}` of `{}` is `{old}` at {}; `{v}` ignored",
                            existing.id, existing.location
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        existing.attrs.insert(k, v);
                    }
                }
            }
            let same_file = existing.location.path == entity.location.path;
            if same_file {
                g.repeats.push(Repeat {
                    location: entity.location.clone(),
                    first: existing.location.clone(),
                    entity: idx,
                    alias: None,
                });
            }
            for alias in entity.aliases {
                let (text, at) = (alias.text.clone(), alias.location.clone());
                if let Some(first) = merge_alias(&mut existing.aliases, alias) {
                    // Another file names the entity by its label to add to it: not a repeat.
                    if !same_file && text != entity.label {
                        g.repeats.push(Repeat {
                            location: at,
                            first,
                            entity: idx,
                            alias: Some(text),
                        });
                    }
                }
            }
        } else {
            let idx = g.entities.len() as u32;
            let mut entity = entity;
            let mut aliases = Vec::with_capacity(entity.aliases.len());
            for alias in std::mem::take(&mut entity.aliases) {
                let (text, at) = (alias.text.clone(), alias.location.clone());
                if let Some(first) = merge_alias(&mut aliases, alias) {
                    g.repeats.push(Repeat {
                        location: at,
                        first,
                        entity: idx,
                        alias: Some(text),
                    });
                }
            }
            entity.aliases = aliases;
            g.by_id.insert(&entity.id, idx, &g.entities);
            g.entities.push(entity);
        }
    }
}

fn is_gazetteer_file(path: &str) -> bool {
    path.ends_with(".txt") || path.ends_with(".jsonl")
}

/// The type a file's name implies: `people.txt` → person, and so on.
fn default_type_for(name: &str) -> Option<&'static str> {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    match file {
        "people.txt" => Some("person"),
        "places.txt" => Some("place"),
        "organizations.txt" => Some("organization"),
        _ => None,
    }
}

/// True for a valid type word: lower-case ASCII letters, digits, `_` and `-`, starting
/// with a letter.
pub fn is_type_word(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn is_attr_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// Removes a comment: `#` at the start of the line or after whitespace.
fn strip_comment(line: &str) -> &str {
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) {
            return &line[..i];
        }
    }
    line
}

/// The id derived from a type and a label: `person:vladimir-putin`.
///
/// # Examples
/// ```
/// assert_eq!(entgraph::gazetteer::derive_id("place", "Côte d'Ivoire"), "place:côte-d-ivoire");
/// ```
pub fn derive_id(kind: &str, label: &str) -> String {
    let mut slug = String::with_capacity(label.len());
    for c in label.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    format!("{kind}:{slug}")
}

/// Splits leading markers (`~`, `!`, `+`) off an alias field.
fn split_markers(field: &str) -> (bool, bool, bool, &str) {
    let (mut anchored, mut forced, mut default_sense) = (false, false, false);
    let mut rest = field;
    loop {
        if let Some(r) = rest.strip_prefix('~') {
            anchored = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('!') {
            forced = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            default_sense = true;
            rest = r;
        } else {
            break;
        }
    }
    (anchored, forced, default_sense, rest.trim())
}

/// Checks an alias text; returns a message when it cannot be used.
fn check_alias_text(text: &str) -> Option<String> {
    if text.is_empty() {
        Some("empty alias".to_string())
    } else if !normalize(text, true).chars().any(is_word_char) {
        Some(format!("alias `{text}` has no letters or digits"))
    } else {
        None
    }
}

fn parse_entry_line(
    line: &str,
    kind: Option<&str>,
    case: CasePolicy,
    location: Location,
) -> Result<Entity, Vec<String>> {
    let mut errors = Vec::new();
    let mut fields = line.split('|').map(str::trim);
    let label_field = fields.next().unwrap_or("");
    let (anchored, forced, default_sense, label) = split_markers(label_field);
    if label.is_empty() {
        errors.push("empty label".to_string());
    }
    let mut kind = kind.map(str::to_string);
    let mut id = None;
    let mut case = case;
    let mut attrs = BTreeMap::new();
    let mut aliases = vec![Alias {
        text: label.to_string(),
        anchored,
        forced,
        default_sense,
        demonym: false,
        case,
        location: location.clone(),
    }];
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
                "type" if is_type_word(value) => kind = Some(value.to_string()),
                "type" => errors.push(format!("invalid type `{value}`")),
                "case" => match CasePolicy::parse(value) {
                    Some(c) => case = c,
                    None => errors.push(format!("invalid case policy `{value}`")),
                },
                "demonym" => aliases.push(Alias {
                    text: value.to_string(),
                    anchored: false,
                    forced: false,
                    default_sense: false,
                    demonym: true,
                    case,
                    location: location.clone(),
                }),
                _ => {
                    if attrs.insert(key.to_string(), value.to_string()).is_some() {
                        errors.push(format!("attribute `{key}` given twice"));
                    }
                }
            }
            continue;
        }
        let (anchored, forced, default_sense, text) = split_markers(field);
        aliases.push(Alias {
            text: text.to_string(),
            anchored,
            forced,
            default_sense,
            demonym: false,
            case,
            location: location.clone(),
        });
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

fn finish_entity(
    id: Option<String>,
    label: &str,
    kind: String,
    attrs: BTreeMap<String, String>,
    aliases: Vec<Alias>,
    location: Location,
) -> Result<Entity, Vec<String>> {
    let id = match id {
        Some(id) if id.chars().any(char::is_whitespace) => {
            return Err(vec![format!("id `{id}` contains whitespace")]);
        }
        Some(id) => id,
        None => derive_id(&kind, label),
    };
    Ok(Entity {
        id,
        label: label.to_string(),
        kind,
        attrs,
        aliases,
        location,
    })
}

/// Adds `alias` to `list` unless the same text of the same kind is there already, in which
/// case the flags that only add permission (forced, default sense) are combined and, when
/// the repeat adds no flag (`Georgia | +Georgia` does), the first one's location is returned.
fn merge_alias(list: &mut Vec<Alias>, alias: Alias) -> Option<Location> {
    if let Some(a) = list.iter_mut().find(|a| {
        a.text == alias.text && a.anchored == alias.anchored && a.demonym == alias.demonym
    }) {
        let adds = (alias.forced && !a.forced) || (alias.default_sense && !a.default_sense);
        a.forced |= alias.forced;
        a.default_sense |= alias.default_sense;
        (!adds).then(|| a.location.clone())
    } else {
        list.push(alias);
        None
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonEntry {
    label: String,
    #[serde(rename = "type")]
    kind: String,
    id: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    anchored: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    force: Vec<String>,
    #[serde(default)]
    default_for: Vec<String>,
    case: Option<String>,
    #[serde(default)]
    attrs: BTreeMap<String, serde_json::Value>,
}

impl JsonEntry {
    fn into_entity(self, location: Location) -> Result<Entity, Vec<String>> {
        let mut errors = Vec::new();
        let label = self.label.trim().to_string();
        if label.is_empty() {
            errors.push("empty label".to_string());
        }
        if !is_type_word(&self.kind) {
            errors.push(format!(
                "invalid type `{}` (expected a lower-case word such as person, place, organization)",
                self.kind
            ));
        }
        let case = match self.case.as_deref() {
            None => CasePolicy::Smart,
            Some(c) => CasePolicy::parse(c).unwrap_or_else(|| {
                errors.push(format!("invalid case policy `{c}`"));
                CasePolicy::Smart
            }),
        };
        let alias = |text: &str, anchored: bool, demonym: bool| Alias {
            text: text.trim().to_string(),
            anchored,
            forced: false,
            default_sense: false,
            demonym,
            case,
            location: location.clone(),
        };
        let mut aliases = vec![alias(&label, false, false)];
        aliases.extend(self.aliases.iter().map(|a| alias(a, false, false)));
        aliases.extend(self.anchored.iter().map(|a| alias(a, true, false)));
        aliases.extend(self.demonyms.iter().map(|a| alias(a, false, true)));
        for (list, is_force) in [(&self.force, true), (&self.default_for, false)] {
            for name in list {
                let name = name.trim();
                let mut hit = false;
                for a in aliases.iter_mut().filter(|a| a.text == name) {
                    hit = true;
                    if is_force {
                        a.forced = true;
                    } else {
                        a.default_sense = true;
                    }
                }
                if !hit {
                    let mut a = alias(name, false, false);
                    a.forced = is_force;
                    a.default_sense = !is_force;
                    aliases.push(a);
                }
            }
        }
        for a in &aliases[1..] {
            if let Some(m) = check_alias_text(&a.text) {
                errors.push(m);
            }
        }
        let mut attrs = BTreeMap::new();
        for (k, v) in self.attrs {
            let v = match v {
                serde_json::Value::String(s) => s,
                serde_json::Value::Number(n) => n.to_string(),
                serde_json::Value::Bool(b) => b.to_string(),
                other => {
                    errors.push(format!(
                        "attribute `{k}` must be a string, number or boolean, not {other}"
                    ));
                    continue;
                }
            };
            attrs.insert(k, v);
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        finish_entity(self.id, &label, self.kind, attrs, aliases, location)
    }
}

/// The forms an alias is matched in, case preserved and normalized: the alias itself,
/// hyphenated name parts joined (`Jong-un` → `Jongun`), for people with three or more
/// name parts the last two joined (`Kim Jong Un` → `Kim Jongun`), and abbreviation dots
/// dropped (`St. Petersburg` → `St Petersburg`). Hyphens and spaces need no variant: the
/// matcher normalizes both to one space in text and alias alike.
///
/// # Examples
/// ```
/// let v = entgraph::gazetteer::variants("Kim Jong-un", "person");
/// assert_eq!(v, ["Kim Jong un", "Kim Jongun"]);
/// ```
pub fn variants(alias: &str, kind: &str) -> Vec<String> {
    let base = normalize(alias, false);
    let mut out = vec![base.clone()];
    let push = |v: String, out: &mut Vec<String>| {
        if !v.is_empty() && !out.contains(&v) {
            out.push(v);
        }
    };
    // Hyphen joined: remove separators that were hyphens between letters in the alias.
    if alias.contains(['-', '\u{2010}', '\u{2011}']) {
        let joined: String = alias
            .split(['-', '\u{2010}', '\u{2011}'])
            .collect::<Vec<_>>()
            .join("");
        push(normalize(&joined, false), &mut out);
    }
    if kind == "person" {
        let parts: Vec<&str> = base.split(' ').collect();
        let n = parts.len();
        if n >= 3
            && parts[n - 2..]
                .iter()
                .all(|p| p.len() <= 5 && p.chars().all(char::is_alphabetic))
        {
            let joined = format!(
                "{} {}{}",
                parts[..n - 2].join(" "),
                parts[n - 2],
                parts[n - 1].to_lowercase()
            );
            push(joined, &mut out);
        }
    }
    if base.contains(". ") {
        push(base.replace(". ", " "), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_index_handles_hash_collisions() {
        let g = Gazetteer::from_str("people.txt", "Anna Petrova\n").unwrap();
        let entities = g.entities().to_vec();
        let mut index = IdIndex::default();
        // Pretend `person:b` hashes like entity 0 (`person:anna-petrova`).
        index.by_hash.insert(IdIndex::hash("person:b"), 0);
        index.insert("person:b", 1, &entities);
        assert_eq!(index.collided.get("person:b"), Some(&1));
        assert_eq!(index.get("person:b", &entities), Some(1));
        assert_eq!(index.get("person:c", &entities), None);
        assert_eq!(g.index_of("person:anna-petrova"), Some(0));
        assert_eq!(g.index_of("person:anna"), None);
    }

    fn load(files: &[(&str, &str)]) -> Result<Gazetteer, GazetteerError> {
        let mut l = Loader::new();
        for (n, t) in files {
            l.add_text(n, t);
        }
        l.finish()
    }

    #[test]
    fn text_format_entries_markers_and_attributes() {
        let g = load(&[(
            "people.txt",
            "# leaders\nVladimir Putin | Putin | ~Vlad | wikidata=Q7747 | country=Russia  # note\n\
             Kim Jong Un | +!Kim Jong-un | demonym=Kimist\n",
        )])
        .unwrap();
        let putin = &g.entities()[0];
        assert_eq!(putin.id, "person:vladimir-putin");
        assert_eq!(putin.kind, "person");
        assert_eq!(putin.attrs["wikidata"], "Q7747");
        assert_eq!(putin.attrs["country"], "Russia");
        let names: Vec<_> = putin
            .aliases
            .iter()
            .map(|a| (a.text.as_str(), a.anchored))
            .collect();
        assert_eq!(
            names,
            [("Vladimir Putin", false), ("Putin", false), ("Vlad", true)]
        );
        let kim = &g.entities()[1];
        assert!(kim.aliases[1].forced && kim.aliases[1].default_sense);
        assert!(kim.aliases[2].demonym);
    }

    #[test]
    fn directives_set_type_and_case() {
        let g = load(&[(
            "summit.txt",
            "@type event\n@case exact\nKim-Putin summit\n@type organization\nNK News | id=org:nk\n",
        )])
        .unwrap();
        assert_eq!(g.entities()[0].id, "event:kim-putin-summit");
        assert_eq!(g.entities()[0].aliases[0].case, CasePolicy::Exact);
        assert_eq!(g.entities()[1].id, "org:nk");
        assert_eq!(g.entities()[1].kind, "organization");
    }

    #[test]
    fn every_syntax_error_is_reported_with_its_line() {
        let err = load(&[(
            "bad.txt",
            "Putin\n@type person\n | Putin\nKim || Jong\n@type Person\n@colour red\nX | ~\nY | ---\nZ | a=1 | a=2\n",
        )])
        .unwrap_err();
        let lines: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            lines,
            [
                "bad.txt:1: no type for this entry (add `@type person` above it, or name the file people.txt, places.txt or organizations.txt)",
                "bad.txt:3: empty label",
                "bad.txt:4: empty field between `|` separators",
                "bad.txt:5: invalid type `Person` (expected a lower-case word such as person, place, organization)",
                "bad.txt:6: unknown directive `@colour red` (expected `@type WORD` or `@case smart|exact|insensitive`)",
                "bad.txt:7: empty alias (markers with no name)",
                "bad.txt:8: alias `---` has no letters or digits",
                "bad.txt:9: attribute `a` given twice",
            ]
        );
    }

    #[test]
    fn jsonl_format_and_its_errors() {
        let g = load(&[(
            "gen.jsonl",
            r#"{"label": "Vladimir Putin", "type": "person", "aliases": ["Putin"], "anchored": ["Vlad"], "attrs": {"born": 1952}}
{"label": "Georgia", "type": "place", "default_for": ["Georgia"], "demonyms": ["Georgian"]}"#,
        )])
        .unwrap();
        assert_eq!(g.entities()[0].attrs["born"], "1952");
        assert!(g.entities()[0].aliases[2].anchored);
        let georgia = &g.entities()[1];
        assert!(georgia.aliases[0].default_sense);
        assert!(georgia.aliases[1].demonym);

        let err = load(&[(
            "gen.jsonl",
            "{\"label\": \"A\", \"type\": \"person\"}\n{\"type\": \"person\"}\nnot json\n{\"label\": \"B\", \"type\": \"person\", \"alias\": []}\n",
        )])
        .unwrap_err();
        let lines: Vec<_> = err.problems.iter().map(|p| p.location.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        assert!(err.problems[0].message.contains("missing field `label`"));
        assert!(err.problems[2].message.contains("unknown field `alias`"));
    }

    #[test]
    fn same_id_merges_and_type_conflict_is_an_error() {
        let g = load(&[
            ("a/people.txt", "Vladimir Putin | Putin\n"),
            (
                "b/people.txt",
                "Vladimir Putin | Vladimir Vladimirovich | Putin\n",
            ),
        ])
        .unwrap();
        assert_eq!(g.len(), 1);
        assert_eq!(g.entities()[0].aliases.len(), 3);

        let err = load(&[
            ("a/people.txt", "Georgia\n"),
            ("b/places.txt", "Georgia | id=person:georgia\n"),
        ])
        .unwrap_err();
        assert_eq!(
            err.problems[0].to_string(),
            "b/places.txt:1: entity `person:georgia` is a place here but a person at a/people.txt:1"
        );
    }

    #[test]
    fn variants_cover_hyphens_joins_and_dots() {
        assert_eq!(
            variants("Kim Jong Un", "person"),
            ["Kim Jong Un", "Kim Jongun"]
        );
        assert_eq!(
            variants("Kim Jong-Un", "person"),
            ["Kim Jong Un", "Kim JongUn", "Kim Jongun"]
        );
        assert_eq!(
            variants("St. Petersburg", "place"),
            ["St. Petersburg", "St Petersburg"]
        );
        assert_eq!(variants("U.S.", "place"), ["US"]);
        assert_eq!(
            variants("RIA-Novosti", "organization"),
            ["RIA Novosti", "RIANovosti"]
        );
    }

    #[test]
    fn comments_need_a_space_before_the_hash() {
        assert_eq!(strip_comment("No.#1 | x # c"), "No.#1 | x ");
        assert_eq!(strip_comment("# all"), "");
    }
}
