//! The lints that weigh an alias against the other entities' aliases: an alias shared by
//! several entities, and an alias another entity's alias contains.
//!
//! Must not judge an alias on its own (that is `rules`).

use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::{key, names, AliasIndex, CheckOptions, LIST_MAX};
use crate::error::{Level, Problem};
use crate::gazetteer::{Alias, Gazetteer};
use crate::model::EntityId;

pub(super) fn shared_aliases(
    g: &Gazetteer,
    index: &AliasIndex,
    o: &CheckOptions,
    out: &mut Vec<Problem>,
) {
    for (ei, entity) in g.entities().iter().enumerate() {
        for alias in &entity.aliases {
            if !o.in_scope(&alias.location) {
                continue;
            }
            let es = index.entities(&key(&alias.text));
            if es.len() < 2 {
                continue;
            }
            let defaults: Vec<EntityId> = index.by_key[&key(&alias.text)]
                .iter()
                .filter(|&&(e, a)| g.entity(e).aliases[a].default_sense)
                .map(|p| p.0)
                .collect();
            // Decided by the author: a default sense, or at most one entity that uses the
            // alias unanchored (an anchored use counts only where its entity is named in
            // full, so it rarely competes), or plain senses each in another country (the
            // country the document names decides: `Treasury`, `Parliament`).
            let plain: BTreeSet<EntityId> = index.by_key[&key(&alias.text)]
                .iter()
                .filter(|&&(e, a)| !g.entity(e).aliases[a].anchored)
                .map(|p| p.0)
                .collect();
            let countries: BTreeSet<&str> = plain
                .iter()
                .filter_map(|&e| g.entity(e).attrs.get("country").map(String::as_str))
                .collect();
            let by_country = plain.len() >= 2 && countries.len() == plain.len();
            let mut fallback = String::new();
            if by_country {
                fallback.push_str("else the one whose country the document names, ");
            }
            match defaults.first() {
                Some(&d) => {
                    fallback.push_str(&format!("else {} (its default sense)", g.entity(d).label))
                }
                None => fallback.push_str("else dropped"),
            }
            let plain = plain.len();
            let level = if !defaults.is_empty() || plain < 2 || by_country {
                Level::Note
            } else {
                Level::Warning
            };
            let others: Vec<EntityId> = es
                .iter()
                .copied()
                .filter(|&e| e != EntityId::new(ei))
                .collect();
            out.push(Problem::new(
                level,
                alias.location.clone(),
                format!(
                    "alias `{}` is shared by {} and {}: each mention goes to the one the document names most by other aliases, {fallback}",
                    alias.text,
                    entity.label,
                    names(g, &others)
                ),
            ));
        }
    }
}

/// Another entity's alias that contains `alias` as whole words (`Georgia` inside `South
/// Georgia`): where the text has the longer name, the longer name wins.
pub(super) fn containment(
    g: &Gazetteer,
    containers: &Containers,
    ei: EntityId,
    alias: &Alias,
    out: &mut Vec<Problem>,
) {
    // Only the shorter alias gets the warning: it is the one that loses. An anchored
    // surname inside other people's full names is the usual case, not a problem.
    if alias.anchored {
        return;
    }
    let Some(longer) = containers.get(&key(&alias.text)) else {
        return;
    };
    let mut others: Vec<(EntityId, &str)> = longer
        .iter()
        .filter(|&&(e, _)| e != ei)
        .map(|&(e, a)| (e, g.entity(e).aliases[a].text.as_str()))
        .collect();
    others.sort_unstable();
    others.dedup_by_key(|p| p.0);
    if others.is_empty() {
        return;
    }
    let listed: Vec<String> = others
        .iter()
        .take(LIST_MAX)
        .map(|(e, text)| format!("`{text}` ({})", g.entity(*e).id))
        .collect();
    let more = if others.len() > LIST_MAX {
        format!(" and {} more", others.len() - LIST_MAX)
    } else {
        String::new()
    };
    out.push(Problem::note(
        alias.location.clone(),
        format!(
            "alias `{}` is part of {}{more}: where the text has the longer name, the longer name wins",
            alias.text,
            listed.join(", ")
        ),
    ));
}

/// Word n-gram (folded, a proper part of an alias) → the aliases containing it. Only the
/// n-grams that are aliases themselves are kept.
pub(super) type Containers = HashMap<String, Vec<(EntityId, usize)>>;

/// The multiplier of the polynomial hash over a run of word hashes.
const WORD_BASE: u64 = 0x9e37_79b9_7f4a_7c15;

fn words(key: &str) -> Vec<&str> {
    key.split(' ').filter(|w| !w.is_empty()).collect()
}

/// `prefix[i]` is the hash of the first `i` words; a run's hash is then two lookups.
fn prefix_hashes(words: &[&str]) -> Vec<u64> {
    let mut prefix = Vec::with_capacity(words.len() + 1);
    let mut h = 0u64;
    prefix.push(h);
    for w in words {
        let mut hasher = rustc_hash::FxHasher::default();
        w.hash(&mut hasher);
        h = h.wrapping_mul(WORD_BASE).wrapping_add(hasher.finish());
        prefix.push(h);
    }
    prefix
}

/// The aliases each alias contains as a proper run of whole words.
///
/// Near-linear in the aliases' length: an n-gram can only be an alias if its word count is
/// one an alias has, and each n-gram of those lengths is looked up by a rolling hash of its
/// words (checked word by word on a hit), never built as a string. Building every n-gram
/// was cubic in an alias's word count (a 2,000-word alias took seconds, a 1 MB one did not
/// finish).
pub(super) fn containers(index: &AliasIndex) -> Containers {
    // The keys an n-gram can equal: its words joined by single spaces.
    let mut by_hash: HashMap<(usize, u64), Vec<&str>> = HashMap::new();
    let mut lengths: BTreeSet<usize> = BTreeSet::new();
    for k in index.by_key.keys() {
        let ws = words(k);
        if ws.is_empty() || k.len() != ws.iter().map(|w| w.len() + 1).sum::<usize>() - 1 {
            continue;
        }
        lengths.insert(ws.len());
        let h = *prefix_hashes(&ws).last().unwrap_or(&0);
        by_hash.entry((ws.len(), h)).or_default().push(k);
    }
    let mut map: Containers = HashMap::new();
    for (k, pairs) in &index.by_key {
        let ws = words(k);
        let prefix = prefix_hashes(&ws);
        let mut found: HashSet<&str> = HashSet::new();
        for &len in lengths.range(1..ws.len().max(1)) {
            let shift = WORD_BASE.wrapping_pow(len as u32);
            for start in 0..=ws.len() - len {
                let h = prefix[start + len].wrapping_sub(prefix[start].wrapping_mul(shift));
                let Some(grams) = by_hash.get(&(len, h)) else {
                    continue;
                };
                for &gram in grams {
                    if !found.contains(gram)
                        && gram.split(' ').eq(ws[start..start + len].iter().copied())
                    {
                        found.insert(gram);
                        map.entry(gram.to_string())
                            .or_default()
                            .extend(pairs.iter().copied());
                    }
                }
            }
        }
    }
    for v in map.values_mut() {
        v.sort_unstable();
        v.dedup();
    }
    map
}
