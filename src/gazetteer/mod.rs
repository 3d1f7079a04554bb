//! Gazetteers: the two file formats, loading and merging packs, alias variants.
//!
//! Owns the entity and alias types and the merged [`Gazetteer`]; its submodules own the
//! text format (`text_format`: `Label | alias | ~anchored | key=value`, `@type`,
//! `@case`), the JSON Lines format, the rules every entry obeys (the id rule
//! `type:slug-of-label`), loading and merging, the embedded packs, and the variants
//! generated from each alias. Policy: every problem in every file is collected with its
//! `path:line`, and loading fails at the end if any is an error ("collect, report, then
//! decide"). Must not touch the automaton, corpora or output.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use crate::error::{GazetteerError, Location, Problem};
use crate::model::{EntityId, EntityType};
use crate::text::normalize::normalize;

mod entry;
pub mod import;
mod jsonl;
mod loader;
mod packs;
mod text_format;
mod variants;

pub use entry::{derive_id, is_type_word};
pub use loader::Loader;
pub(crate) use packs::DEFAULT_PACKS;
pub use variants::variants;

/// What a format parser hands the loader, in the order of the file's lines.
enum Parsed {
    /// A complete entry.
    Entity(Entity),
    /// A problem with its location.
    Problem(Problem),
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
    /// Type: `person`, `place`, `organization` or any other type word.
    pub kind: EntityType,
    /// Attributes from the gazetteer (`wikidata=Q7747`), passed to the graph.
    pub attrs: BTreeMap<String, String>,
    /// Aliases, the label first.
    pub aliases: Vec<Alias>,
    /// Where the entity was first defined.
    pub location: Location,
}

impl Entity {
    /// A place that is a country: it has an `iso` code, or `kind=country` (England,
    /// Scotland).
    pub fn is_country(&self) -> bool {
        self.kind == EntityType::Place
            && (self.attrs.contains_key("iso")
                || self.attrs.get("kind").is_some_and(|k| k == "country"))
    }
}

/// A loaded, merged set of gazetteers.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entities: Vec<Entity>,
    by_id: IdIndex,
    sources: Vec<String>,
    warnings: Vec<Problem>,
    repeats: Vec<Repeat>,
    /// The teams derived after loading ([`Gazetteer::add_teams`]), at the end of
    /// `entities`: for each, the index of its place. Their `team_of` attribute is this
    /// table's (see [`Gazetteer::attrs`]), so that thousands of derived teams hold no map
    /// each.
    team_places: Vec<u32>,
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
    pub entity: EntityId,
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

    /// The entity `id`.
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.index()]
    }

    /// The entity with the string id `id` (`person:vladimir-putin`).
    pub fn index_of(&self, id: &str) -> Option<EntityId> {
        self.by_id
            .get(id, &self.entities)
            .map(|i| EntityId::new(i as usize))
    }

    /// Finds an entity by id, else by label (case-insensitive), else by alias.
    pub fn lookup(&self, key: &str) -> Option<EntityId> {
        if let Some(i) = self.index_of(key) {
            return Some(i);
        }
        let folded = normalize(key, true);
        let by =
            |pred: &dyn Fn(&Entity) -> bool| self.entities.iter().position(pred).map(EntityId::new);
        by(&|e| normalize(&e.label, true) == folded)
            .or_else(|| by(&|e| e.aliases.iter().any(|a| normalize(&a.text, true) == folded)))
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// Number of entities the gazetteers list (without the teams [`Gazetteer::add_teams`]
    /// derived).
    pub fn listed(&self) -> usize {
        self.entities.len() - self.team_places.len()
    }

    /// The attributes of `id`: the entity's own, and for a team
    /// [`Gazetteer::add_teams`] derived, `team_of=<place id>`.
    pub fn attrs(&self, id: EntityId) -> std::borrow::Cow<'_, BTreeMap<String, String>> {
        let e = self.entity(id);
        match self.team_place(id) {
            Some(place) => {
                let mut attrs = e.attrs.clone();
                attrs.insert("team_of".to_string(), self.entity(place).id.clone());
                std::borrow::Cow::Owned(attrs)
            }
            None => std::borrow::Cow::Borrowed(&e.attrs),
        }
    }

    /// The place a team is named after: a derived team's (see [`Gazetteer::add_teams`]),
    /// or a listed entity's `team_of` attribute.
    pub fn team_place(&self, id: EntityId) -> Option<EntityId> {
        let listed = self.listed();
        match id.index().checked_sub(listed) {
            Some(k) => self.team_places.get(k).map(|&p| EntityId::new(p as usize)),
            None => self
                .entities
                .get(id.index())?
                .attrs
                .get("team_of")
                .and_then(|p| self.index_of(p)),
        }
    }

    /// Adds a team for every place that is not a country (no `iso` code, no
    /// `kind=country`): an organization `team:<place>`, labelled `<Place> (team)`, with
    /// the attribute `team_of=<place id>` and no alias of its own. The matcher gives a
    /// place mention to its team when the context says the place stands for one (`NEW
    /// YORK 74 59`, `Barcelona beat Madrid`). Returns how many were added; an id already
    /// listed is left alone.
    pub fn add_teams(&mut self) -> usize {
        let teams = |e: &Entity| {
            e.kind == EntityType::Place && !e.is_country() && !e.attrs.contains_key("team_of")
        };
        // Room for every team at once: a large gazetteer's table does not double.
        let wanted = self.entities.iter().filter(|e| teams(e)).count();
        self.entities.reserve_exact(wanted);
        self.team_places.reserve_exact(wanted);
        let mut added = 0;
        for i in 0..self.entities.len() {
            let e = &self.entities[i];
            if !teams(e) {
                continue;
            }
            let rest = e.id.strip_prefix("place:").unwrap_or(&e.id);
            let id = format!("team:{rest}");
            if self.index_of(&id).is_some() {
                continue;
            }
            let team = Entity {
                id,
                label: format!("{} (team)", e.label),
                kind: EntityType::Organization,
                attrs: BTreeMap::new(),
                aliases: Vec::new(),
                location: e.location.clone(),
            };
            let idx = self.entities.len() as u32;
            self.by_id.insert(&team.id, idx, &self.entities);
            self.entities.push(team);
            self.team_places.push(i as u32);
            added += 1;
        }
        added
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

#[cfg(test)]
mod tests;
