//! The JSON graph format: node-link JSON, as D3 force layouts and networkx read it.
//!
//! Owns the versioned serde DTOs of the format and their writer. It never serializes the
//! model or petgraph types directly, so the internals can change without changing the file.
//!
//! # Schema (`schema_version` 2; an undated graph is written as `schema_version` 1, which
//! is the same without the fields marked `(2)`)
//!
//! ```text
//! {
//!   "directed": false, "multigraph": false,
//!   "graph": {
//!     "generator": "entgraph", "version": "<crate version>", "schema_version": 1,
//!     "window": "sentence" | "paragraph" | "document" | "sentences:N",
//!     "measure": "count" | "npmi" | "dice" | "jaccard",
//!     "documents": <int>, "units": <int>, "gazetteers": ["<file>", ...],
//!     "filters": {"min_weight"?, "backbone"?, "min_mentions"?, "types"?, "top"?, "focus"?, "hops"?, "drop_isolated"},
//!     "nodes_before_filters": <int>, "edges_before_filters": <int>, "modularity": <float>,
//!     "communities": [{"id", "size", "members": [<node id>, ...]}],
//!     (2) "period": "day" | "week" | "month" | "year", "first_seen", "last_seen"
//!   },
//!   "nodes": [{"id", "label", "type", "mentions", "documents", "aliases": {"<surface form>": <count>},
//!              "attrs"?: {"<key>": "<value>"}, "degree", "weighted_degree", "pagerank", "component", "community",
//!              (2) "first_seen"?, "last_seen"?, "periods"?: {"<period>": <mentions>}}],
//!   "links": [{"source", "target", "weight", "count", "documents", "pmi", "npmi", "dice", "jaccard", "disparity",
//!              (2) "first_seen"?, "last_seen"?, "periods"?: {"<period>": <units>},
//!              "evidence"?: [{"doc", "sentence", "start", "end", (2) "date"?}]}]
//! }
//! ```
//!
//! `source` and `target` are node ids (`source` < `target`); `weight` is the value of the
//! chosen measure (for `count`, the number of units where both entities occur). Offsets in
//! `evidence` are UTF-8 byte offsets into the document's text. Nodes are sorted by id, links
//! by (source, target); the file ends with a newline. The links key is `links` (what
//! `networkx.node_link_graph(data, edges="links")` and D3 expect) unless the writer is asked
//! for `edges` (the default key of networkx 3.6 and later).

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde::Serialize;

use super::round;
use crate::graph::{Graph, Timeline};
use crate::model::EntityType;

/// Version of the JSON schema written.
pub(crate) const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Doc<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphDto<'a>,
    nodes: Vec<NodeDto<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    links: Option<Vec<LinkDto<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    edges: Option<Vec<LinkDto<'a>>>,
}

#[derive(Serialize)]
struct GraphDto<'a> {
    generator: &'static str,
    version: &'static str,
    schema_version: u32,
    window: String,
    measure: String,
    documents: u64,
    units: u64,
    gazetteers: &'a [String],
    filters: FiltersDto<'a>,
    nodes_before_filters: usize,
    edges_before_filters: usize,
    modularity: f64,
    communities: Vec<CommunityDto<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_seen: Option<String>,
}

#[derive(Serialize)]
struct CommunityDto<'a> {
    id: usize,
    size: usize,
    members: &'a [String],
}

#[derive(Serialize)]
struct FiltersDto<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    min_weight: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backbone: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_mentions: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    types: Option<&'a [EntityType]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    top: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    focus: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hops: Option<usize>,
    drop_isolated: bool,
}

#[derive(Serialize)]
struct NodeDto<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    mentions: u64,
    documents: u64,
    aliases: BTreeMap<&'a str, u64>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    attrs: &'a BTreeMap<String, String>,
    degree: usize,
    weighted_degree: f64,
    pagerank: f64,
    component: usize,
    community: usize,
    #[serde(flatten)]
    timeline: Option<TimelineDto<'a>>,
}

/// When an entity or link was seen (schema 2, dated documents only).
#[derive(Serialize)]
struct TimelineDto<'a> {
    first_seen: String,
    last_seen: String,
    periods: BTreeMap<&'a str, u64>,
}

fn timeline(t: &Timeline) -> Option<TimelineDto<'_>> {
    Some(TimelineDto {
        first_seen: t.first_seen?.to_string(),
        last_seen: t.last_seen?.to_string(),
        periods: t.periods.iter().map(|(p, n)| (p.as_str(), *n)).collect(),
    })
}

#[derive(Serialize)]
struct LinkDto<'a> {
    source: &'a str,
    target: &'a str,
    weight: f64,
    count: u64,
    documents: u64,
    pmi: f64,
    npmi: f64,
    dice: f64,
    jaccard: f64,
    disparity: f64,
    #[serde(flatten)]
    timeline: Option<TimelineDto<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    evidence: Vec<EvidenceDto<'a>>,
}

#[derive(Serialize)]
struct EvidenceDto<'a> {
    doc: &'a str,
    sentence: u32,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

/// The key the edge list is written under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EdgesKey {
    /// `links`: D3, and networkx with `edges="links"` (and networkx before 3.6 by default).
    #[default]
    Links,
    /// `edges`: the default of networkx 3.6 and later.
    Edges,
}

/// Writes `graph` as node-link JSON (pretty-printed, trailing newline).
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(graph: &Graph, edges_key: EdgesKey, out: &mut W) -> io::Result<()> {
    let m = &graph.meta;
    let f = &m.filters;
    let links: Vec<LinkDto> = graph
        .edges
        .iter()
        .map(|e| LinkDto {
            source: &e.source,
            target: &e.target,
            weight: round(e.weight),
            count: e.count,
            documents: e.documents,
            pmi: round(e.measures.pmi),
            npmi: round(e.measures.npmi),
            dice: round(e.measures.dice),
            jaccard: round(e.measures.jaccard),
            disparity: round(e.disparity),
            evidence: e
                .evidence
                .iter()
                .map(|v| EvidenceDto {
                    doc: &v.doc,
                    sentence: v.sentence,
                    start: v.span.start(),
                    end: v.span.end(),
                    date: v.date.map(|d| d.to_string()),
                })
                .collect(),
            timeline: timeline(&e.timeline),
        })
        .collect();
    let (links, edges) = match edges_key {
        EdgesKey::Links => (Some(links), None),
        EdgesKey::Edges => (None, Some(links)),
    };
    let doc = Doc {
        directed: false,
        multigraph: false,
        graph: GraphDto {
            generator: "entgraph",
            version: env!("CARGO_PKG_VERSION"),
            // Undated graphs are written exactly as schema 1 (which 2 only extends).
            schema_version: if m.period.is_some() {
                SCHEMA_VERSION
            } else {
                1
            },
            window: m.window.to_string(),
            measure: m.measure.to_string(),
            documents: m.documents,
            units: m.units,
            gazetteers: &m.gazetteers,
            filters: FiltersDto {
                min_weight: f.min_weight,
                backbone: f.backbone,
                min_mentions: f.min_mentions,
                types: f.types.as_deref(),
                top: f.top,
                focus: f.focus.as_deref(),
                hops: f.focus.as_ref().map(|_| f.hops.unwrap_or(1)),
                drop_isolated: f.drop_isolated,
            },
            nodes_before_filters: m.nodes_before,
            edges_before_filters: m.edges_before,
            modularity: round(m.modularity),
            communities: m
                .communities
                .iter()
                .map(|c| CommunityDto {
                    id: c.id,
                    size: c.size,
                    members: &c.members,
                })
                .collect(),
            period: m.period.map(|p| p.to_string()),
            first_seen: m.dates.map(|d| d.0.to_string()),
            last_seen: m.dates.map(|d| d.1.to_string()),
        },
        nodes: graph
            .nodes
            .iter()
            .map(|n| NodeDto {
                id: &n.id,
                label: &n.label,
                kind: n.kind.as_str(),
                mentions: n.mentions,
                documents: n.documents,
                aliases: n.aliases.iter().map(|(a, c)| (a.as_str(), *c)).collect(),
                attrs: &n.attrs,
                degree: n.degree,
                weighted_degree: round(n.weighted_degree),
                pagerank: round(n.pagerank),
                component: n.component,
                community: n.community,
                timeline: timeline(&n.timeline),
            })
            .collect(),
        links,
        edges,
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
