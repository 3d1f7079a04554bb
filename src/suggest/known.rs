//! The names the loaded gazetteers already cover, and the keys names are compared by (the
//! compact key of a name, its folded words). Owns the lookup only: what counts as covered in
//! a run is decided in `runs`, what a key groups in `form`.

use std::collections::{HashMap, HashSet};

use crate::gazetteer::Gazetteer;
use crate::model::{EntityId, EntityType};
use crate::text::normalize::normalize;

use super::cues::Kind;
use super::variants::same_given_name;

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
    /// For each entity index, its type when it is a person, a place or an organization.
    kinds: Vec<Option<Kind>>,
    /// Compact keys of the plain aliases of places.
    place_names: HashSet<String>,
    /// Listed people of two or more words (id, label) by the compact key of their label's
    /// last word, for a discovered spelling of one to join it (`Vladmir Putin`).
    people_by_surname: HashMap<String, Vec<(String, String)>>,
    /// Listed organizations (id, label) by the compact key of each of their anchored
    /// aliases (`Wasps` of Wasps RFC).
    orgs_by_anchored: HashMap<String, Vec<(String, String)>>,
    /// Listed organizations (id, label) by the compact key of the singular of each plain
    /// alias of two words or more written as a plural (`Liberal Democrat` of Liberal
    /// Democrats).
    orgs_by_singular: HashMap<String, Vec<(String, String)>>,
    /// The word keys ([`word_key`](super::document::word_key)) of the one-word names that
    /// exactly one listed organization anchors, in lower case: how often a corpus writes
    /// them so (`apple`, `total`) says whether their capital names the organization.
    pub(crate) anchor_words: rustc_hash::FxHashSet<u64>,
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
            known.kinds.push(match entity.kind {
                EntityType::Person => Some(Kind::Person),
                EntityType::Place => Some(Kind::Place),
                EntityType::Organization => Some(Kind::Organization),
                EntityType::Other(_) => None,
            });
            if entity.kind == EntityType::Organization {
                for alias in entity.aliases.iter().filter(|a| a.anchored) {
                    let listed = (entity.id.clone(), entity.label.clone());
                    let ids = known
                        .orgs_by_anchored
                        .entry(compact_key(&alias.text))
                        .or_default();
                    if !ids.contains(&listed) {
                        ids.push(listed);
                    }
                }
            }
            for alias in entity.aliases.iter().filter(|a| !a.anchored) {
                let key = compact_key(&alias.text);
                let singular = key.strip_suffix('s').filter(|k| !k.ends_with('s'));
                if let (EntityType::Organization, Some(singular)) = (&entity.kind, singular) {
                    if alias.text.trim().contains(' ') {
                        let listed = (entity.id.clone(), entity.label.clone());
                        let ids = known
                            .orgs_by_singular
                            .entry(singular.to_string())
                            .or_default();
                        if !ids.contains(&listed) {
                            ids.push(listed);
                        }
                    }
                }
                if entity.kind == EntityType::Place {
                    known.place_names.insert(key.clone());
                }
                known.names.insert(key);
            }
            if let (EntityType::Person, Some((_, last))) =
                (&entity.kind, entity.label.rsplit_once(' '))
            {
                known
                    .people_by_surname
                    .entry(compact_key(last))
                    .or_default()
                    .push((entity.id.clone(), entity.label.clone()));
            }
        }
        known.anchor_words = known
            .orgs_by_anchored
            .iter()
            .filter(|(key, orgs)| orgs.len() == 1 && !key.contains(' '))
            .map(|(key, _)| super::document::word_key(key))
            .collect();
        known
    }

    /// The listed person (id, label) whose name `label` is another spelling of: a name of
    /// two or more words whose first word is a spelling of the listed label's and whose
    /// other words are the listed ones (`Vladmir Putin` of Vladimir Putin, `Sergey Lavrov`
    /// of Sergei Lavrov; not `John E. Kelly` of John F. Kelly), when exactly one listed
    /// person fits.
    pub(crate) fn person_spelt(&self, label: &str) -> Option<(&str, &str)> {
        let (first, rest) = label.split_once(' ')?;
        let last = label.rsplit_once(' ')?.1;
        let fits: Vec<&(String, String)> = self
            .people_by_surname
            .get(&compact_key(last))?
            .iter()
            .filter(|(_, listed)| {
                listed.split_once(' ').is_some_and(|(f, r)| {
                    compact_key(r) == compact_key(rest)
                        && same_given_name(&f.to_lowercase(), &first.to_lowercase())
                })
            })
            .collect();
        match fits.as_slice() {
            [(id, listed)] => Some((id.as_str(), listed.as_str())),
            _ => None,
        }
    }

    /// The listed organization (id, label) that anchors `name`, when exactly one does
    /// (`Wasps` of Wasps RFC; not `Saints`, which three clubs anchor).
    pub(crate) fn org_anchoring(&self, name: &str) -> Option<(&str, &str)> {
        match self.orgs_by_anchored.get(&compact_key(name))?.as_slice() {
            [(id, label)] => Some((id.as_str(), label.as_str())),
            _ => None,
        }
    }

    /// The listed organization (id, label) one of whose names of two words or more is the
    /// plural of `name`, when exactly one is (`Liberal Democrat` of Liberal Democrats; not
    /// `Social Democrat`, the singular of several parties' names).
    pub(crate) fn org_of_singular(&self, name: &str) -> Option<(&str, &str)> {
        match self.orgs_by_singular.get(&compact_key(name))?.as_slice() {
            [(id, label)] => Some((id.as_str(), label.as_str())),
            _ => None,
        }
    }

    /// Whether a listed organization anchors `name` (`Nice` of OGC Nice).
    pub(crate) fn anchors_org(&self, name: &str) -> bool {
        self.orgs_by_anchored.contains_key(&compact_key(name))
    }

    /// Whether `name` is written like an alias of a loaded entity (case, hyphens, spaces
    /// and acronym dots aside).
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&compact_key(name))
    }

    /// Whether `name` is written like an alias of a loaded place (`Washington`).
    pub(crate) fn is_place_name(&self, name: &str) -> bool {
        self.place_names.contains(&compact_key(name))
    }

    /// The type of entity `entity`, if it is a person, a place or an organization.
    pub(crate) fn kind_of(&self, entity: EntityId) -> Option<Kind> {
        self.kinds.get(entity.index()).copied().flatten()
    }

    /// Whether entity `entity` is a person.
    pub(crate) fn is_person(&self, entity: EntityId) -> bool {
        self.kind_of(entity) == Some(Kind::Person)
    }

    /// Whether entity `entity` is a place.
    pub(crate) fn is_place(&self, entity: EntityId) -> bool {
        self.kind_of(entity) == Some(Kind::Place)
    }
}
