//! The filters, in their documented order: `min_weight` and `backbone`, `min_mentions`, `types`, `top`,
//! `focus`/`hops`, `drop_isolated`. Each works on what the ones before left.
//!
//! Must not compute metrics or build plain data.

use std::collections::{HashMap, HashSet, VecDeque};

use petgraph::stable_graph::NodeIndex;

use super::working::Working;
use super::{Filters, FocusError};
use crate::model::{EntityId, EntityType};

/// Applies `f` to `w`.
///
/// # Errors
/// When the focus entity is not in the graph.
pub(super) fn apply(w: &mut Working<'_>, f: &Filters) -> Result<(), FocusError> {
    if let Some(min) = f.min_weight {
        min_weight(w, min);
    }
    if let Some(alpha) = f.backbone {
        backbone(w, alpha);
    }
    if let Some(min) = f.min_mentions {
        let counts = w.counts;
        w.remove_nodes(|e| counts.entities[&e].mentions >= min);
    }
    if let Some(types) = &f.types {
        only_types(w, types);
    }
    if let Some(n) = f.top {
        top(w, n);
    }
    if let Some(focus) = &f.focus {
        neighbourhood(w, focus, f.hops.unwrap_or(1))?;
    }
    if f.drop_isolated {
        drop_isolated(w);
    }
    Ok(())
}

fn min_weight(w: &mut Working<'_>, min: f64) {
    let drop: Vec<_> =
        w.g.edge_indices()
            .filter(|&ei| {
                let (a, b) = w.g[ei];
                w.measures_of(a, b).1 < min
            })
            .collect();
    for ei in drop {
        w.g.remove_edge(ei);
    }
}

/// Drops the edges not significant at `alpha` for either end (disparity filter).
fn backbone(w: &mut Working<'_>, alpha: f64) {
    let drop: Vec<_> =
        w.g.edge_indices()
            .filter(|&ei| {
                let (a, b) = w.g[ei];
                w.disparity_of(a, b) >= alpha
            })
            .collect();
    for ei in drop {
        w.g.remove_edge(ei);
    }
}

fn only_types(w: &mut Working<'_>, types: &[EntityType]) {
    let gazetteer = w.gazetteer;
    w.remove_nodes(|e| types.iter().any(|t| *t == gazetteer.entity(e).kind));
}

/// The `n` most mentioned entities, ties by id.
fn top(w: &mut Working<'_>, n: usize) {
    let mut ranked: Vec<(u64, &str, EntityId)> =
        w.g.node_indices()
            .map(|ni| {
                let e = w.g[ni];
                (
                    w.counts.entities[&e].mentions,
                    w.gazetteer.entity(e).id.as_str(),
                    e,
                )
            })
            .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let keep: HashSet<EntityId> = ranked.iter().take(n).map(|r| r.2).collect();
    w.remove_nodes(|e| keep.contains(&e));
}

/// The focus entity and what lies within `hops` edges of it.
fn neighbourhood(w: &mut Working<'_>, focus: &str, hops: usize) -> Result<(), FocusError> {
    let start = w
        .gazetteer
        .lookup(focus)
        .and_then(|e| w.index.get(&e).copied())
        .filter(|&ni| w.g.contains_node(ni))
        .ok_or_else(|| FocusError(focus.to_string()))?;
    let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(start, 0)]);
    let mut queue = VecDeque::from([start]);
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d == hops {
            continue;
        }
        for m in w.g.neighbors(n) {
            if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(m) {
                v.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    let keep: HashSet<EntityId> = dist.keys().map(|&n| w.g[n]).collect();
    w.remove_nodes(|e| keep.contains(&e));
    Ok(())
}

fn drop_isolated(w: &mut Working<'_>) {
    let isolated: Vec<_> =
        w.g.node_indices()
            .filter(|&n| w.g.neighbors(n).next().is_none())
            .collect();
    for n in isolated {
        w.g.remove_node(n);
    }
}
