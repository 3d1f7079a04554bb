//! The co-occurrence graph: nodes and weighted edges, filters, and node metrics.
//!
//! Owns the only use of petgraph in the crate: building an undirected graph from
//! [`Cooccurrence`] counts, the filters in their documented order (`min_weight`,
//! `min_mentions`, `types`, `top`, `focus`/`hops`, `drop_isolated`), and the metrics
//! computed on what remains (`degree`, `weighted_degree`, `pagerank`, `component`).
//! Everything it hands downstream is plain data sorted by entity id ([`Graph`]), never a
//! petgraph index. Must not parse, print or serialize.
//!
//! `working` holds the petgraph graph while the filters (`filters`) run on it, and turns
//! what remains into plain data; `metrics` computes PageRank and components on that.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::corpus::dates::{Day, Period};
use crate::gazetteer::Gazetteer;
use crate::link::{Cooccurrence, Evidence, Example, Measures, Window};
use crate::model::EntityType;

pub mod changes;
mod communities;
mod filters;
mod layout;
mod metrics;
pub mod overview;
#[cfg(test)]
mod tests;
mod working;

pub use layout::layout;
pub use overview::{overview, Overview, OverviewOptions};
use working::Working;

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
    /// Keep only the backbone: the edges whose disparity p-value ([`Edge::disparity`]) is
    /// below this significance level (0 < alpha < 1).
    pub backbone: Option<f64>,
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
    /// The period of the timeline counts of dated documents.
    pub period: Period,
}

/// When an entity or a link was seen, in dated documents: the first and last day, and the
/// count per period (mentions for an entity, units for a link), periods in time order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// The first day.
    pub first_seen: Option<Day>,
    /// The last day.
    pub last_seen: Option<Day>,
    /// `(period name, count)`, in time order: `("2019-04-18", 3)`, `("2019-W16", 5)`.
    pub periods: Vec<(String, u64)>,
    /// Each period's first and last day, in the order of `periods`.
    pub spans: Vec<(Day, Day)>,
}

impl Timeline {
    /// The timeline of per-day counts `days`, in periods of `period` (already resolved).
    pub(crate) fn of(days: &BTreeMap<Day, u64>, period: Period) -> Timeline {
        let mut periods: Vec<(String, u64)> = Vec::new();
        let mut spans = Vec::new();
        for (&day, &n) in days {
            let name = period.name(day);
            match periods.last_mut() {
                Some(last) if last.0 == name => last.1 += n,
                _ => {
                    periods.push((name, n));
                    spans.push(period.bounds(day));
                }
            }
        }
        Timeline {
            first_seen: days.keys().next().copied(),
            last_seen: days.keys().next_back().copied(),
            periods,
            spans,
        }
    }

    /// The periods as one text: `2019-04-18:2; 2019-04-19:1`.
    pub fn periods_text(&self) -> String {
        let parts: Vec<String> = self
            .periods
            .iter()
            .map(|(p, n)| format!("{p}:{n}"))
            .collect();
        parts.join("; ")
    }
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
    /// Louvain community, numbered from 0 by decreasing size (see [`Meta::communities`]).
    pub community: usize,
    /// Its earliest mentions in context, when the counts kept snippets.
    pub examples: Vec<Example>,
    /// When it was mentioned, in dated documents.
    pub timeline: Timeline,
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
    /// The disparity filter's p-value (Serrano, Boguñá, Vespignani 2009), taken on the
    /// unit counts of the whole graph before any filter: for an end with `k` edges and
    /// strength `s` (the sum of their counts), `(1 - count/s)^(k-1)`, and of the two ends
    /// the smaller. Small for an edge that carries much of an end's weight; 1 from an end
    /// with this one edge only.
    pub disparity: f64,
    /// Citations.
    pub evidence: Vec<Evidence>,
    /// When the two occurred together, in dated documents.
    pub timeline: Timeline,
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
    /// Modularity of the communities on the kept graph, weighted by unit counts.
    pub modularity: f64,
    /// The communities, by id.
    pub communities: Vec<Community>,
    /// The period the timelines are counted in, when documents were dated (`Auto`
    /// resolved from the dates' span).
    pub period: Option<Period>,
    /// The first and last day of the dated documents' mentions.
    pub dates: Option<(Day, Day)>,
}

/// A community of the kept graph (Louvain on unit counts).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Community {
    /// Its number: 0 is the largest.
    pub id: usize,
    /// Its nodes.
    pub size: usize,
    /// Its most central members by PageRank (ties by id), at most three ids.
    pub members: Vec<String>,
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

impl Graph {
    /// The position of the node with entity id `id` in [`Graph::nodes`] (sorted by id).
    pub fn node_index(&self, id: &str) -> Option<usize> {
        self.nodes.binary_search_by(|n| n.id.as_str().cmp(id)).ok()
    }
}

/// The `focus` entity is not in the graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("focus entity `{0}` is not in the gazetteers or was not mentioned")]
pub struct FocusError(pub String);

/// A `types` filter names a type no loaded entity has (a typo such as `people` would
/// otherwise give an empty graph without a word).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "no entity in the gazetteers has the type{} {}; the types are: {}",
    if .unknown.len() == 1 { "" } else { "s" },
    quoted(.unknown),
    .known.join(", ")
)]
pub struct TypesError {
    /// The types named that no entity has, in the order given.
    pub unknown: Vec<String>,
    /// The types of the loaded entities, sorted.
    pub known: Vec<String>,
}

fn quoted(words: &[String]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("`{w}`")).collect();
    q.join(", ")
}

/// Checks that every type `filters.types` names is the type of some entity of
/// `gazetteer`, before any counting is done.
///
/// # Errors
/// The types named that no entity has, with the types that exist.
pub fn check_types(filters: &Filters, gazetteer: &Gazetteer) -> Result<(), TypesError> {
    let Some(types) = &filters.types else {
        return Ok(());
    };
    let known: std::collections::BTreeSet<&EntityType> =
        gazetteer.entities().iter().map(|e| &e.kind).collect();
    let mut unknown: Vec<String> = Vec::new();
    for t in types {
        if !known.contains(t) && !unknown.iter().any(|u| u == t.as_str()) {
            unknown.push(t.as_str().to_string());
        }
    }
    if unknown.is_empty() {
        return Ok(());
    }
    Err(TypesError {
        unknown,
        known: known.iter().map(|t| t.as_str().to_string()).collect(),
    })
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
    // The dates' span, over every mention of a dated document.
    let dates = counts
        .entities
        .values()
        .filter_map(|e| Some((*e.days.keys().next()?, *e.days.keys().next_back()?)))
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let period = dates.map(|(first, last)| opts.period.resolve(first, last));
    let mut w = Working::new(
        counts,
        gazetteer,
        opts.measure,
        period.unwrap_or(Period::Day),
    );
    let nodes_before = w.g.node_count();
    let edges_before = w.g.edge_count();
    filters::apply(&mut w, &opts.filters)?;
    let (nodes, edges, modularity) = w.into_plain();
    let communities = communities::summary(&nodes);
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
            modularity,
            communities,
            period,
            dates,
        },
        nodes,
        edges,
    })
}
