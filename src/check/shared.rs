//! The lints that weigh an alias against the other entities' aliases: an alias shared by
//! several entities, and an alias another entity's alias contains.
//!
//! Must not judge an alias on its own (that is `rules`).

use std::collections::{BTreeSet, HashMap};

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
            let fallback = match defaults.first() {
                Some(&d) => format!("else {} (its default sense)", g.entity(d).label),
                None => "else dropped".to_string(),
            };
            // Decided by the author: a default sense, or at most one entity that uses the
            // alias unanchored (an anchored use counts only where its entity is named in
            // full, so it rarely competes).
            let plain = index.by_key[&key(&alias.text)]
                .iter()
                .filter(|&&(e, a)| !g.entity(e).aliases[a].anchored)
                .map(|p| p.0)
                .collect::<BTreeSet<EntityId>>()
                .len();
            let level = if !defaults.is_empty() || plain < 2 {
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

/// Word n-gram (folded, a proper part of an alias) → the aliases containing it. An alias
/// of n words has n(n+1)/2 word n-grams; only those that are aliases themselves are kept.
pub(super) type Containers = HashMap<String, Vec<(EntityId, usize)>>;

pub(super) fn containers(index: &AliasIndex) -> Containers {
    let mut map: Containers = HashMap::new();
    for (k, pairs) in &index.by_key {
        let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
        for len in 1..words.len() {
            for start in 0..=words.len() - len {
                let gram = words[start..start + len].join(" ");
                if index.by_key.contains_key(&gram) {
                    map.entry(gram).or_default().extend(pairs.iter().copied());
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
