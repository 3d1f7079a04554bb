//! The co-occurrence graph: nodes and weighted edges, filters, and node metrics.
//!
//! Owns the only use of petgraph in the crate: building an undirected graph from
//! [`Cooccurrence`] counts, the filters in their documented order (`min_weight`,
//! `min_mentions`, `types`, `top`, `focus`/`hops`, `drop_isolated`), and the metrics
//! computed on what remains (`degree`, `weighted_degree`, `pagerank`, `component`).
//! Everything it hands downstream is plain data sorted by entity id ([`Graph`]), never a
//! petgraph index. Must not parse, print or serialize.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::fmt;
use std::str::FromStr;

use petgraph::stable_graph::{NodeIndex, StableUnGraph};

use crate::gazetteer::Gazetteer;
use crate::link::{Cooccurrence, Evidence, Measures, Window};
use crate::model::{EntityId, EntityType};

/// The edge measure that filtering, ranking and drawing use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Measure {
    /// Units where both entities occur.
    #[default]
    Count,
    /// Normalized PMI.
    Npmi,
    /// Dice coefficient.
    Dice,
    /// Jaccard index.
    Jaccard,
}

impl FromStr for Measure {
    type Err = String;
    fn from_str(s: &str) -> Result<Measure, String> {
        match s {
            "count" => Ok(Measure::Count),
            "npmi" => Ok(Measure::Npmi),
            "dice" => Ok(Measure::Dice),
            "jaccard" => Ok(Measure::Jaccard),
            _ => Err(format!(
                "invalid measure `{s}` (expected count, npmi, dice or jaccard)"
            )),
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Measure::Count => "count",
            Measure::Npmi => "npmi",
            Measure::Dice => "dice",
            Measure::Jaccard => "jaccard",
        })
    }
}

/// Graph filters, applied in this order: `min_weight` (edges), `min_mentions`, `types`,
/// `top`, `focus` with `hops`, `drop_isolated`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// Drop edges whose measure is below this.
    pub min_weight: Option<f64>,
    /// Drop nodes with fewer mentions.
    pub min_mentions: Option<u64>,
    /// Keep only nodes of these types.
    pub types: Option<Vec<EntityType>>,
    /// Keep the N nodes with the most mentions (ties by id).
    pub top: Option<usize>,
    /// Keep the ego network of this entity (id, label or alias).
    pub focus: Option<String>,
    /// Radius of the ego network (default 1).
    pub hops: Option<usize>,
    /// Drop nodes without edges.
    pub drop_isolated: bool,
}

/// Options for [`build`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct GraphOptions {
    /// The unit the counts were made with (recorded in the metadata).
    pub window: Window,
    /// The measure used for `weight`.
    pub measure: Measure,
    /// Filters.
    pub filters: Filters,
}

/// A node: one entity and its counts and metrics.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Entity id.
    pub id: String,
    /// Display name.
    pub label: String,
    /// Type.
    pub kind: EntityType,
    /// Mentions in the corpus.
    pub mentions: u64,
    /// Documents mentioning it.
    pub documents: u64,
    /// Surface forms seen, with counts, most frequent first (ties alphabetical).
    pub aliases: Vec<(String, u64)>,
    /// Gazetteer attributes.
    pub attrs: BTreeMap<String, String>,
    /// Number of neighbours.
    pub degree: usize,
    /// Sum of the measure over its edges.
    pub weighted_degree: f64,
    /// PageRank (damping 0.85, weighted by the measure).
    pub pagerank: f64,
    /// Connected component, numbered from 0 by size (largest first), ties by smallest id.
    pub component: usize,
}

/// An edge between two entities.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// The smaller entity id.
    pub source: String,
    /// The larger entity id.
    pub target: String,
    /// The value of the chosen measure.
    pub weight: f64,
    /// Units where both occur.
    pub count: u64,
    /// Documents where both occur in one unit.
    pub documents: u64,
    /// Association measures.
    pub measures: Measures,
    /// Citations.
    pub evidence: Vec<Evidence>,
}

/// Parameters and totals recorded with the graph.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// Co-occurrence unit.
    pub window: Window,
    /// Edge measure.
    pub measure: Measure,
    /// Filters applied.
    pub filters: Filters,
    /// Documents counted.
    pub documents: u64,
    /// Units counted.
    pub units: u64,
    /// Gazetteer files loaded.
    pub gazetteers: Vec<String>,
    /// Nodes and edges before filtering.
    pub nodes_before: usize,
    /// Edges before filtering.
    pub edges_before: usize,
}

/// The graph as sorted plain data: nodes by id, edges by (source, target).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    /// Parameters and totals.
    pub meta: Meta,
    /// Nodes sorted by id.
    pub nodes: Vec<Node>,
    /// Edges sorted by (source, target), source < target.
    pub edges: Vec<Edge>,
}

/// The `focus` entity is not in the graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("focus entity `{0}` is not in the gazetteers or was not mentioned")]
pub struct FocusError(pub String);

fn measure_value(m: Measure, count: u64, ms: &Measures) -> f64 {
    match m {
        Measure::Count => count as f64,
        Measure::Npmi => ms.npmi,
        Measure::Dice => ms.dice,
        Measure::Jaccard => ms.jaccard,
    }
}

/// Builds the graph from counts.
///
/// # Errors
/// When `filters.focus` names no entity that was mentioned.
pub fn build(
    counts: &Cooccurrence,
    gazetteer: &Gazetteer,
    opts: &GraphOptions,
) -> Result<Graph, FocusError> {
    // Nodes and edges go into petgraph in id order, so every iteration below is ordered.
    let mut ids: Vec<(&str, EntityId)> = counts
        .entities
        .keys()
        .map(|&e| (gazetteer.entity(e).id.as_str(), e))
        .collect();
    ids.sort_unstable();
    let mut g: StableUnGraph<EntityId, (EntityId, EntityId)> = StableUnGraph::default();
    let mut index: HashMap<EntityId, NodeIndex> = HashMap::new();
    for &(_, e) in &ids {
        index.insert(e, g.add_node(e));
    }
    let mut pairs: Vec<(&str, &str, EntityId, EntityId)> = counts
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
    let measures_of = |a: EntityId, b: EntityId| {
        let key = if a < b { (a, b) } else { (b, a) };
        let p = &counts.pairs[&key];
        let m = Measures::new(
            p.units,
            counts.entities[&a].units,
            counts.entities[&b].units,
            counts.units,
        );
        (key, measure_value(opts.measure, p.units, &m), m)
    };
    for &(_, _, a, b) in &pairs {
        g.add_edge(index[&a], index[&b], (a, b));
    }
    let nodes_before = g.node_count();
    let edges_before = g.edge_count();
    let f = &opts.filters;

    // 1. min_weight
    if let Some(min) = f.min_weight {
        let drop: Vec<_> = g
            .edge_indices()
            .filter(|&ei| {
                let (a, b) = g[ei];
                measures_of(a, b).1 < min
            })
            .collect();
        for ei in drop {
            g.remove_edge(ei);
        }
    }
    let remove_nodes = |g: &mut StableUnGraph<EntityId, (EntityId, EntityId)>,
                        keep: &dyn Fn(EntityId) -> bool| {
        let drop: Vec<_> = g.node_indices().filter(|&n| !keep(g[n])).collect();
        for n in drop {
            g.remove_node(n);
        }
    };
    // 2. min_mentions
    if let Some(min) = f.min_mentions {
        remove_nodes(&mut g, &|e| counts.entities[&e].mentions >= min);
    }
    // 3. types
    if let Some(types) = &f.types {
        remove_nodes(&mut g, &|e| {
            types.iter().any(|t| *t == gazetteer.entity(e).kind)
        });
    }
    // 4. top N by mentions
    if let Some(n) = f.top {
        let mut ranked: Vec<(u64, &str, EntityId)> = g
            .node_indices()
            .map(|ni| {
                let e = g[ni];
                (
                    counts.entities[&e].mentions,
                    gazetteer.entity(e).id.as_str(),
                    e,
                )
            })
            .collect();
        ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        let keep: std::collections::HashSet<EntityId> =
            ranked.iter().take(n).map(|r| r.2).collect();
        remove_nodes(&mut g, &|e| keep.contains(&e));
    }
    // 5. focus + hops
    if let Some(focus) = &f.focus {
        let start = gazetteer
            .lookup(focus)
            .and_then(|e| index.get(&e).copied())
            .filter(|&ni| g.contains_node(ni))
            .ok_or_else(|| FocusError(focus.clone()))?;
        let hops = f.hops.unwrap_or(1);
        let mut dist: HashMap<NodeIndex, usize> = HashMap::from([(start, 0)]);
        let mut queue = VecDeque::from([start]);
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d == hops {
                continue;
            }
            for m in g.neighbors(n) {
                if let std::collections::hash_map::Entry::Vacant(v) = dist.entry(m) {
                    v.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        let keep: std::collections::HashSet<EntityId> = dist.keys().map(|&n| g[n]).collect();
        remove_nodes(&mut g, &|e| keep.contains(&e));
    }
    // 6. drop isolated
    if f.drop_isolated {
        let isolated: Vec<_> = g
            .node_indices()
            .filter(|&n| g.neighbors(n).next().is_none())
            .collect();
        for n in isolated {
            g.remove_node(n);
        }
    }

    // Plain data, sorted by id (petgraph keeps insertion order, which was id order).
    let order: Vec<NodeIndex> = g.node_indices().collect();
    let pos: HashMap<NodeIndex, usize> = order.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let mut edges = Vec::with_capacity(g.edge_count());
    let mut adj: Vec<Vec<(usize, f64)>> = vec![Vec::new(); order.len()];
    for &(ia, ib, a, b) in &pairs {
        let (Some(&na), Some(&nb)) = (index.get(&a), index.get(&b)) else {
            continue;
        };
        if g.find_edge(na, nb).is_none() {
            continue;
        }
        let (key, w, m) = measures_of(a, b);
        let p = &counts.pairs[&key];
        adj[pos[&na]].push((pos[&nb], w));
        adj[pos[&nb]].push((pos[&na], w));
        edges.push(Edge {
            source: ia.to_string(),
            target: ib.to_string(),
            weight: w,
            count: p.units,
            documents: p.documents,
            measures: m,
            evidence: p.evidence.clone(),
        });
    }
    let pagerank = pagerank(&adj);
    let component = components(&adj);
    let nodes = order
        .iter()
        .enumerate()
        .map(|(i, &ni)| {
            let e = g[ni];
            let ent = gazetteer.entity(e);
            let c = &counts.entities[&e];
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
                attrs: ent.attrs.clone(),
                degree: adj[i].len(),
                weighted_degree: adj[i].iter().map(|x| x.1).sum(),
                pagerank: pagerank[i],
                component: component[i],
            }
        })
        .collect();
    Ok(Graph {
        meta: Meta {
            window: opts.window,
            measure: opts.measure,
            filters: opts.filters.clone(),
            documents: counts.documents,
            units: counts.units,
            gazetteers: gazetteer.sources().to_vec(),
            nodes_before,
            edges_before,
        },
        nodes,
        edges,
    })
}

/// Weighted PageRank over an adjacency list; dangling nodes spread their rank evenly.
/// Deterministic: fixed iteration order and count.
fn pagerank(adj: &[Vec<(usize, f64)>]) -> Vec<f64> {
    let n = adj.len();
    if n == 0 {
        return Vec::new();
    }
    let d = 0.85;
    let strength: Vec<f64> = adj
        .iter()
        .map(|a| a.iter().map(|x| x.1.max(0.0)).sum())
        .collect();
    let mut rank = vec![1.0 / n as f64; n];
    for _ in 0..100 {
        let dangling: f64 = (0..n)
            .filter(|&i| strength[i] <= 0.0)
            .map(|i| rank[i])
            .sum();
        let base = (1.0 - d) / n as f64 + d * dangling / n as f64;
        let mut next = vec![base; n];
        for (i, a) in adj.iter().enumerate() {
            if strength[i] <= 0.0 {
                continue;
            }
            for &(j, w) in a {
                next[j] += d * rank[i] * w.max(0.0) / strength[i];
            }
        }
        let delta: f64 = next.iter().zip(&rank).map(|(a, b)| (a - b).abs()).sum();
        rank = next;
        if delta < 1e-12 {
            break;
        }
    }
    rank
}

/// Connected components, numbered by size (largest first), ties by smallest member index
/// (members are in id order).
fn components(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
    let n = adj.len();
    let mut comp = vec![usize::MAX; n];
    let mut groups: Vec<(usize, usize)> = Vec::new(); // (size, first member)
    for s in 0..n {
        if comp[s] != usize::MAX {
            continue;
        }
        let c = groups.len();
        let mut stack = vec![s];
        comp[s] = c;
        let mut size = 0;
        while let Some(v) = stack.pop() {
            size += 1;
            for &(w, _) in &adj[v] {
                if comp[w] == usize::MAX {
                    comp[w] = c;
                    stack.push(w);
                }
            }
        }
        groups.push((size, s));
    }
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        groups[b]
            .0
            .cmp(&groups[a].0)
            .then(groups[a].1.cmp(&groups[b].1))
    });
    let mut rename = vec![0; groups.len()];
    for (new, &old) in order.iter().enumerate() {
        rename[old] = new;
    }
    comp.iter().map(|&c| rename[c]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::{DocInput, EntityCounts};
    use crate::segment::segment;

    fn gaz() -> Gazetteer {
        Gazetteer::from_str(
            "g.txt",
            "@type person\nAnna\nBoris\nCarl\n@type place\nDelhi\nEssen\n",
        )
        .unwrap()
    }

    /// A corpus where A–B co-occur 3 times, A–C once, D–E once, and C alone once.
    fn counts() -> Cooccurrence {
        let g = gaz();
        let m = crate::Matcher::new(&g).unwrap();
        let texts = [
            "Anna and Boris. Anna, Boris. Anna with Boris and Carl.",
            "Delhi near Essen. Carl alone.",
        ];
        let mut total = Cooccurrence::default();
        for (i, t) in texts.iter().enumerate() {
            let seg = segment(t);
            let found = m.find(t);
            let doc = DocInput {
                seq: i as u64,
                id: "d",
                text: t,
                segments: &seg,
                mentions: &found.mentions,
            };
            total.merge(Cooccurrence::document(doc, Window::Sentence, 3), 3);
        }
        total
    }

    fn ids(g: &Graph) -> Vec<&str> {
        g.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    #[test]
    fn nodes_edges_and_metrics() {
        let g = build(&counts(), &gaz(), &GraphOptions::default()).unwrap();
        assert_eq!(
            ids(&g),
            [
                "person:anna",
                "person:boris",
                "person:carl",
                "place:delhi",
                "place:essen"
            ]
        );
        let e: Vec<_> = g
            .edges
            .iter()
            .map(|e| (e.source.as_str(), e.target.as_str(), e.count))
            .collect();
        assert_eq!(
            e,
            [
                ("person:anna", "person:boris", 3),
                ("person:anna", "person:carl", 1),
                ("person:boris", "person:carl", 1),
                ("place:delhi", "place:essen", 1)
            ]
        );
        assert_eq!(g.nodes[0].degree, 2);
        assert_eq!(g.nodes[0].weighted_degree, 4.0);
        assert_eq!(g.nodes[0].component, 0);
        assert_eq!(g.nodes[3].component, 1);
        let total: f64 = g.nodes.iter().map(|n| n.pagerank).sum();
        assert!((total - 1.0).abs() < 1e-9);
        assert!(g.nodes[0].pagerank > g.nodes[2].pagerank);
    }

    #[test]
    fn filters_in_order() {
        let run = |f: Filters| {
            let opts = GraphOptions {
                filters: f,
                ..GraphOptions::default()
            };
            build(&counts(), &gaz(), &opts).unwrap()
        };
        let g = run(Filters {
            min_weight: Some(2.0),
            drop_isolated: true,
            ..Filters::default()
        });
        assert_eq!(ids(&g), ["person:anna", "person:boris"]);
        let g = run(Filters {
            min_mentions: Some(3),
            ..Filters::default()
        });
        assert_eq!(ids(&g), ["person:anna", "person:boris"]);
        let g = run(Filters {
            types: Some(vec![EntityType::Place]),
            ..Filters::default()
        });
        assert_eq!(ids(&g), ["place:delhi", "place:essen"]);
        let g = run(Filters {
            top: Some(3),
            ..Filters::default()
        });
        assert_eq!(ids(&g), ["person:anna", "person:boris", "person:carl"]);
        let g = run(Filters {
            focus: Some("Essen".into()),
            ..Filters::default()
        });
        assert_eq!(ids(&g), ["place:delhi", "place:essen"]);
        let err = build(
            &counts(),
            &gaz(),
            &GraphOptions {
                filters: Filters {
                    focus: Some("Nobody".into()),
                    ..Filters::default()
                },
                ..GraphOptions::default()
            },
        );
        assert!(err.is_err());
    }

    #[test]
    fn isolated_entities_are_nodes_until_dropped() {
        let mut c = Cooccurrence {
            units: 1,
            documents: 1,
            ..Default::default()
        };
        c.entities.insert(
            EntityId::new(0),
            EntityCounts {
                mentions: 1,
                documents: 1,
                units: 1,
                ..Default::default()
            },
        );
        let g = build(&c, &gaz(), &GraphOptions::default()).unwrap();
        assert_eq!(ids(&g), ["person:anna"]);
    }
}
