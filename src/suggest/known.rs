//! The names the loaded gazetteers already cover, and the keys names are compared by (the
//! compact key of a name, its folded words). Owns the lookup only: what counts as covered in
//! a run is decided in `runs`, what a key groups in `form`.

use std::collections::HashSet;

use crate::gazetteer::Gazetteer;
use crate::model::{EntityId, EntityType};
use crate::text::normalize::normalize;

/// The folded, space-free form names are compared by: `Kim Jong-un`, `Kim Jong Un` and
/// `KIM JONGUN` are one key.
pub(crate) fn compact_key(name: &str) -> String {
    normalize(name, true)
        .chars()
        .filter(|&c| c != ' ')
        .collect()
}

/// The folded words of a name (`Kim Jong-un` → `kim`, `jong`, `un`).
pub(crate) fn folded_words(name: &str) -> Vec<String> {
    normalize(name, true)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The names the loaded gazetteers already know, so that suggestions skip them.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Compact keys of every alias of every entity.
    names: HashSet<String>,
    /// For each entity index, whether it is a person.
    person: Vec<bool>,
    /// For each entity index, whether it is a place.
    place: Vec<bool>,
}

impl Known {
    /// The plain aliases (labels and demonyms included) of every entity of `gazetteer`.
    /// Anchored aliases are left out: where the matcher found one, its mention already
    /// covers the text; where it did not (no full name in the document), the name is not
    /// covered in that corpus and is worth proposing (`CNA` for a research group when the
    /// world pack anchors `CNA` to two news agencies).
    pub fn new(gazetteer: &Gazetteer) -> Known {
        let mut known = Known::default();
        for entity in gazetteer.entities() {
            known.person.push(entity.kind == EntityType::Person);
            known.place.push(entity.kind == EntityType::Place);
            for alias in entity.aliases.iter().filter(|a| !a.anchored) {
                known.names.insert(compact_key(&alias.text));
            }
        }
        known
    }

    /// Whether `name` is written like an alias of a loaded entity (case, hyphens, spaces
    /// and acronym dots aside).
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&compact_key(name))
    }

    /// Whether entity `entity` is a person.
    pub(crate) fn is_person(&self, entity: EntityId) -> bool {
        self.person.get(entity.index()).copied().unwrap_or(false)
    }

    /// Whether entity `entity` is a place.
    pub(crate) fn is_place(&self, entity: EntityId) -> bool {
        self.place.get(entity.index()).copied().unwrap_or(false)
    }
}
