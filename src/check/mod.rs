//! Checking gazetteers: the lints of `entgraph gazetteer check` and the figures of `--stats`.
//!
//! Owns the warnings about aliases that will not do what their author meant (shared,
//! common words, very short, contained in another entity's alias, written twice, missing an
//! obvious short form) and the per-type and per-file statistics. Works on a loaded
//! [`Gazetteer`] only: syntax errors are the loader's; matching text is the matcher's (this
//! module only writes out the matcher's explanations, [`write_explanations`]). Must not
//! print: the binary passes the writer.
//!
//! The lints are in `rules` (one alias or entity at a time) and `shared` (an alias against
//! the others: shared, contained); `stats` counts; `explain` writes explanations.

use std::collections::{BTreeSet, HashMap};

use crate::error::{Location, Problem};
use crate::gazetteer::Gazetteer;
use crate::model::EntityId;
use crate::text::normalize::normalize;

mod explain;
mod rules;
mod shared;
mod stats;
#[cfg(test)]
mod tests;

pub use explain::write_explanations;
pub use stats::{stats, write_stats, Counts, PackStats};

use rules::{
    ascii_spelling, id_problem, missing_short_form, short_problem, syntax_problem, word_problem,
};
use shared::{containers, containment, shared_aliases};

/// Which lints to run and on what.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Report only problems located in these sources (file names as loaded); empty means
    /// every source. The other sources still count: a topic pack's alias that a world-pack
    /// entity shares is reported in the topic pack.
    pub scope: BTreeSet<String>,
}

impl CheckOptions {
    fn in_scope(&self, location: &Location) -> bool {
        self.scope.is_empty() || self.scope.contains(&*location.path)
    }
}

/// The most entities a shared-alias or containment warning lists by name.
const LIST_MAX: usize = 5;

/// Runs every lint over `gazetteer` and returns the warnings, sorted by file, line and
/// message.
///
/// # Examples
/// ```
/// use entgraph::{check, Gazetteer};
/// let g = Gazetteer::from_str(
///     "people.txt",
///     "Kim Jong Un | ~Kim\nKim Jong Il | ~Kim\nTheresa May | May\n",
/// )
/// .unwrap();
/// let report: Vec<String> = check::lint(&g, &check::CheckOptions::default())
///     .iter()
///     .map(|p| p.to_string())
///     .collect();
/// assert!(report.iter().any(|l| l.starts_with("people.txt:1: alias `Kim` is shared")));
/// assert!(report.iter().any(|l| l.starts_with("people.txt:3: alias `May` is a weekday or month name")));
/// ```
pub fn lint(gazetteer: &Gazetteer, options: &CheckOptions) -> Vec<Problem> {
    let index = AliasIndex::new(gazetteer);
    let containers = containers(&index);
    let mut out = Vec::new();
    shared_aliases(gazetteer, &index, options, &mut out);
    for (ei, entity) in gazetteer.entities()[..gazetteer.listed()]
        .iter()
        .enumerate()
    {
        for alias in &entity.aliases {
            if !options.in_scope(&alias.location) {
                continue;
            }
            if let Some((level, m)) = word_problem(entity, alias) {
                out.push(Problem::new(level, alias.location.clone(), m));
            } else if let Some(m) = short_problem(entity, alias) {
                out.push(Problem::warning(alias.location.clone(), m));
            }
            if let Some(m) = syntax_problem(alias) {
                out.push(Problem::warning(alias.location.clone(), m));
            }
            if let Some(m) = ascii_spelling(entity, alias) {
                out.push(Problem::note(alias.location.clone(), m));
            }
            containment(gazetteer, &containers, EntityId::new(ei), alias, &mut out);
        }
        if options.in_scope(&entity.location) {
            if let Some(m) = missing_short_form(entity) {
                out.push(Problem::note(entity.location.clone(), m));
            }
            if let Some(m) = id_problem(entity) {
                out.push(Problem::warning(entity.location.clone(), m));
            }
        }
    }
    for r in gazetteer.repeats() {
        if !options.in_scope(&r.location) {
            continue;
        }
        let e = gazetteer.entity(r.entity);
        // A repeated alias is harmless (kept once); an entry defined twice in one place is
        // usually a copy that should have been an edit.
        out.push(match &r.alias {
            Some(a) => Problem::note(
                r.location.clone(),
                format!("alias `{a}` of `{}` is already listed at {}", e.id, r.first),
            ),
            None => Problem::warning(
                r.location.clone(),
                format!(
                    "duplicate entry: `{}` is already defined at {} (the two are merged)",
                    e.id, r.first
                ),
            ),
        });
    }
    out.sort_by(|a, b| {
        (&a.location.path, a.location.line, &a.message).cmp(&(
            &b.location.path,
            b.location.line,
            &b.message,
        ))
    });
    out.dedup();
    out
}

/// Folded alias → the (entity, alias) pairs that have it. Hyphens fold to spaces, as the
/// matcher's variants make `Kim Jong-un` and `Kim Jong Un` the same name.
pub(super) struct AliasIndex {
    pub(super) by_key: HashMap<String, Vec<(EntityId, usize)>>,
}

pub(super) fn key(text: &str) -> String {
    normalize(&text.replace('-', " "), true)
}

impl AliasIndex {
    fn new(g: &Gazetteer) -> AliasIndex {
        let mut by_key: HashMap<String, Vec<(EntityId, usize)>> = HashMap::new();
        for (ei, e) in g.entities().iter().enumerate() {
            for (ai, a) in e.aliases.iter().enumerate() {
                by_key
                    .entry(key(&a.text))
                    .or_default()
                    .push((EntityId::new(ei), ai));
            }
        }
        AliasIndex { by_key }
    }

    /// The distinct entities listing `key`, in entity order.
    pub(super) fn entities(&self, key: &str) -> Vec<EntityId> {
        let mut es: Vec<EntityId> = self
            .by_key
            .get(key)
            .map(|v| v.iter().map(|p| p.0).collect())
            .unwrap_or_default();
        es.sort_unstable();
        es.dedup();
        es
    }
}

pub(super) fn names(g: &Gazetteer, entities: &[EntityId]) -> String {
    let mut s: Vec<String> = entities
        .iter()
        .take(LIST_MAX)
        .map(|&e| {
            let e = g.entity(e);
            format!("{} ({})", e.label, e.id)
        })
        .collect();
    if entities.len() > LIST_MAX {
        s.push(format!("and {} more", entities.len() - LIST_MAX));
    }
    s.join(", ")
}
