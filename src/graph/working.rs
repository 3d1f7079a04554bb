//! The graph while it is filtered: a petgraph graph of the counted entities and pairs in
//! id order, the edge measure, and the turn into sorted plain data with metrics.
//!
//! Owns the petgraph graph and the id order. Must not decide what a filter keeps (that is
//! `filters`) nor compute metrics (that is `metrics`).

use std::collections::HashMap;

use petgraph::stable_graph::{NodeIndex, StableUnGraph};

use super::communities::louvain;
use super::metrics::{components, pagerank};
use super::{Edge, Measure, Node, Timeline};
use crate::corpus::dates::Period;
use crate::gazetteer::Gazetteer;
use crate::link::{Cooccurrence, Measures};
use crate::model::EntityId;

/// The petgraph graph: entities as node weights, the pair as edge weight.
pub(super) type Petgraph = StableUnGraph<EntityId, (EntityId, EntityId)>;

/// A pair of entities in id order: the ids, then the entities.
type Pair<'a> = (&'a str, &'a str, EntityId, EntityId);

/// The graph being filtered, with what it was built from.
pub(super) struct Working<'a> {
    pub(super) counts: &'a Cooccurrence,
    pub(super) gazetteer: &'a Gazetteer,
    measure: Measure,
    pub(super) g: Petgraph,
    /// Every counted entity's node (removed nodes included).
    pub(super) index: HashMap<EntityId, NodeIndex>,
    /// Every counted pair, sorted by ids.
    pairs: Vec<Pair<'a>>,
    /// Each counted pair's disparity p-value, on the whole graph.
    disparity: HashMap<(EntityId, EntityId), f64>,
    /// The period timelines are counted in.
    period: Period,
}

impl<'a> Working<'a> {
    /// Nodes and edges go into petgraph in id order, so every iteration over it is ordered.
    pub(super) fn new(
        counts: &'a Cooccurrence,
        gazetteer: &'a Gazetteer,
        measure: Measure,
        period: Period,
    ) -> Working<'a> {
        let mut ids: Vec<(&str, EntityId)> = counts
            .entities
            .keys()
            .map(|&e| (gazetteer.entity(e).id.as_str(), e))
            .collect();
        ids.sort_unstable();
        let mut g = Petgraph::default();
        let mut index: HashMap<EntityId, NodeIndex> = HashMap::new();
        for &(_, e) in &ids {
            index.insert(e, g.add_node(e));
        }
        let mut pairs: Vec<Pair<'a>> = counts
            .pairs
            .keys()
            .map(|&(a, b)| {
                let (ia, ib) = (
                    gazetteer.entity(a).id.as_str(),
                    gazetteer.entity(b).id.as_str(),
                );
                if ia <= ib {
                    (ia, ib, a, b)
                } else {
                    (ib, ia, b, a)
                }
            })
            .collect();
        pairs.sort_unstable();
        for &(_, _, a, b) in &pairs {
            g.add_edge(index[&a], index[&b], (a, b));
        }
        let disparity = disparity(counts);
        Working {
            counts,
            gazetteer,
            measure,
            g,
            index,
            pairs,
            disparity,
            period,
        }
    }

    /// The disparity p-value of the counted pair `(a, b)`.
    pub(super) fn disparity_of(&self, a: EntityId, b: EntityId) -> f64 {
        let key = if a < b { (a, b) } else { (b, a) };
        self.disparity.get(&key).copied().unwrap_or(1.0)
    }

    /// The counted pair `(a, b)` as its key, its weight under the measure, and its measures.
    pub(super) fn measures_of(
        &self,
        a: EntityId,
        b: EntityId,
    ) -> ((EntityId, EntityId), f64, Measures) {
        let key = if a < b { (a, b) } else { (b, a) };
        let p = &self.counts.pairs[&key];
        let m = Measures::new(
            p.units,
            self.counts.entities[&a].units,
            self.counts.entities[&b].units,
            self.counts.units,
        );
        let weight = match self.measure {
            Measure::Count => p.units as f64,
            Measure::Npmi => m.npmi,
            Measure::Dice => m.dice,
            Measure::Jaccard => m.jaccard,
        };
        (key, weight, m)
    }

    /// Removes the nodes whose entity `keep` refuses, with their edges.
    pub(super) fn remove_nodes(&mut self, keep: impl Fn(EntityId) -> bool) {
        let drop: Vec<_> = self
            .g
            .node_indices()
            .filter(|&n| !keep(self.g[n]))
            .collect();
        for n in drop {
            self.g.remove_node(n);
        }
    }

    /// What remains as plain data sorted by id (petgraph keeps insertion order, which was
    /// id order), with the metrics and the modularity of the communities.
    pub(super) fn into_plain(self) -> (Vec<Node>, Vec<Edge>, f64) {
        let g = &self.g;
        let order: Vec<NodeIndex> = g.node_indices().collect();
        let pos: HashMap<NodeIndex, usize> =
            order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
        let mut edges = Vec::with_capacity(g.edge_count());
        let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); order.len()];
        // Communities weigh edges by their unit counts: every measure is not positive.
        let mut by_count: Vec<Vec<(usize, f64)>> = vec![Vec::new(); order.len()];
        for &(ia, ib, a, b) in &self.pairs {
            let (Some(&na), Some(&nb)) = (self.index.get(&a), self.index.get(&b)) else {
                continue;
            };
            if g.find_edge(na, nb).is_none() {
                continue;
            }
            let (key, w, m) = self.measures_of(a, b);
            let p = &self.counts.pairs[&key];
            adj[pos[&na]].push((pos[&nb], w));
            adj[pos[&nb]].push((pos[&na], w));
            by_count[pos[&na]].push((pos[&nb], p.units as f64));
            by_count[pos[&nb]].push((pos[&na], p.units as f64));
            edges.push(Edge {
                source: ia.to_string(),
                target: ib.to_string(),
                weight: w,
                count: p.units,
                documents: p.documents,
                measures: m,
                disparity: self.disparity_of(a, b),
                evidence: p.evidence.clone(),
                timeline: Timeline::of(&p.days, self.period),
            });
        }
        let pagerank = pagerank(&adj);
        let component = components(&adj);
        let (community, modularity) = louvain(&by_count);
        let nodes = order
            .iter()
            .enumerate()
            .map(|(i, &ni)| {
                let mut node = self.node(g[ni], &adj[i], pagerank[i], component[i]);
                node.community = community[i];
                node
            })
            .collect();
        (nodes, edges, modularity)
    }

    fn node(&self, e: EntityId, adj: &[(usize, f64)], pagerank: f64, component: usize) -> Node {
        let ent = self.gazetteer.entity(e);
        let c = &self.counts.entities[&e];
        let mut aliases: Vec<(String, u64)> =
            c.aliases.iter().map(|(k, v)| (k.clone(), *v)).collect();
        aliases.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Node {
            id: ent.id.clone(),
            label: ent.label.clone(),
            kind: ent.kind.clone(),
            mentions: c.mentions,
            documents: c.documents,
            aliases,
            attrs: self.gazetteer.attrs(e).into_owned(),
            degree: adj.len(),
            weighted_degree: adj.iter().map(|x| x.1).sum(),
            pagerank,
            component,
            community: 0,
            examples: c.examples.clone(),
            timeline: Timeline::of(&c.days, self.period),
        }
    }
}

/// Each pair's disparity p-value (see [`Edge::disparity`]) on the unit counts of `counts`:
/// from each end, `(1 - w/s)^(k-1)` with `k` the end's edges and `s` their summed counts;
/// the smaller of the two.
fn disparity(counts: &Cooccurrence) -> HashMap<(EntityId, EntityId), f64> {
    let mut ends: HashMap<EntityId, (u64, f64)> = HashMap::new();
    for (&(a, b), p) in &counts.pairs {
        for e in [a, b] {
            let end = ends.entry(e).or_insert((0, 0.0));
            end.0 += 1;
            end.1 += p.units as f64;
        }
    }
    let from = |e: EntityId, w: f64| {
        let (k, s) = ends[&e];
        if k < 2 || s <= 0.0 {
            1.0
        } else {
            (1.0 - w / s).max(0.0).powi((k - 1) as i32)
        }
    };
    counts
        .pairs
        .iter()
        .map(|(&(a, b), p)| {
            let w = p.units as f64;
            ((a, b), from(a, w).min(from(b, w)))
        })
        .collect()
}
