//! The flat attribute table that the tabular and XML formats share (GEXF, GraphML, CSV,
//! Cytoscape.js): which columns a node and an edge have, their types, and each value.
//!
//! Owns the column names and their order: the built-in node columns, then every gazetteer
//! attribute key any node has (sorted; a key that is also a built-in name is written
//! `attr_<key>`), and the edge columns. Must not write any format: each exporter spells
//! the table its own way.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::round;
use crate::graph::{Edge, Graph, Node, Timeline};

/// A column's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Text.
    Text,
    /// A whole number (64 bits).
    Int,
    /// A real number.
    Real,
}

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value<'a> {
    /// Text.
    Text(Cow<'a, str>),
    /// A whole number.
    Int(u64),
    /// A real number, rounded as in graph.json.
    Real(f64),
}

impl std::fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Text(s) => f.write_str(s),
            Value::Int(n) => write!(f, "{n}"),
            Value::Real(x) => write!(f, "{x:?}"),
        }
    }
}

/// A column: its name and type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Column {
    /// The name written in the file.
    pub name: String,
    /// Its type.
    pub kind: Kind,
}

/// The built-in node columns, in order.
const NODE_COLUMNS: &[(&str, Kind)] = &[
    ("type", Kind::Text),
    ("mentions", Kind::Int),
    ("documents", Kind::Int),
    ("aliases", Kind::Text),
    ("degree", Kind::Int),
    ("weighted_degree", Kind::Real),
    ("pagerank", Kind::Real),
    ("component", Kind::Int),
    ("community", Kind::Int),
];

/// The edge columns, in order (`weight` is the chosen measure).
const EDGE_COLUMNS: &[(&str, Kind)] = &[
    ("weight", Kind::Real),
    ("count", Kind::Int),
    ("documents", Kind::Int),
    ("pmi", Kind::Real),
    ("npmi", Kind::Real),
    ("dice", Kind::Real),
    ("jaccard", Kind::Real),
    ("disparity", Kind::Real),
];

/// The timeline columns of nodes and edges, after the built-in ones, when documents are
/// dated: the first and last day (YYYY-MM-DD) and the counts per period as one text
/// (`2019-04-18:2; 2019-04-19:1`).
const TIMELINE_COLUMNS: &[&str] = &["first_seen", "last_seen", "periods"];

fn timeline_row(t: &Timeline) -> Vec<Value<'static>> {
    let day = |d: Option<crate::corpus::dates::Day>| {
        Value::Text(Cow::Owned(d.map(|d| d.to_string()).unwrap_or_default()))
    };
    vec![
        day(t.first_seen),
        day(t.last_seen),
        Value::Text(Cow::Owned(t.periods_text())),
    ]
}

/// The node table of a graph: its columns, and the gazetteer keys behind the last ones.
#[derive(Debug, Clone)]
pub(crate) struct NodeTable {
    /// Every column, built-in first.
    pub columns: Vec<Column>,
    /// The gazetteer attribute keys, in column order after the built-in ones.
    keys: Vec<String>,
    /// Whether the timeline columns are there (dated documents).
    dated: bool,
}

impl NodeTable {
    /// The columns `graph`'s nodes have.
    pub(crate) fn new(graph: &Graph) -> NodeTable {
        let keys: BTreeSet<&String> = graph.nodes.iter().flat_map(|n| n.attrs.keys()).collect();
        let mut columns: Vec<Column> = NODE_COLUMNS
            .iter()
            .map(|&(name, kind)| Column {
                name: name.to_string(),
                kind,
            })
            .collect();
        let dated = graph.meta.period.is_some();
        if dated {
            columns.extend(TIMELINE_COLUMNS.iter().map(|&name| Column {
                name: name.to_string(),
                kind: Kind::Text,
            }));
        }
        let builtin = |k: &str| {
            k == "id"
                || k == "label"
                || NODE_COLUMNS.iter().any(|c| c.0 == k)
                || (dated && TIMELINE_COLUMNS.contains(&k))
        };
        for k in &keys {
            let name = if builtin(k) {
                format!("attr_{k}")
            } else {
                k.to_string()
            };
            columns.push(Column {
                name,
                kind: Kind::Text,
            });
        }
        NodeTable {
            columns,
            keys: keys.into_iter().cloned().collect(),
            dated,
        }
    }

    /// `node`'s values, one per column; `None` where it lacks a gazetteer attribute.
    pub(crate) fn row<'a>(&self, node: &'a Node) -> Vec<Option<Value<'a>>> {
        let mut row = vec![
            Some(Value::Text(Cow::Borrowed(node.kind.as_str()))),
            Some(Value::Int(node.mentions)),
            Some(Value::Int(node.documents)),
            Some(Value::Text(Cow::Owned(aliases(node)))),
            Some(Value::Int(node.degree as u64)),
            Some(Value::Real(round(node.weighted_degree))),
            Some(Value::Real(round(node.pagerank))),
            Some(Value::Int(node.component as u64)),
            Some(Value::Int(node.community as u64)),
        ];
        if self.dated {
            row.extend(timeline_row(&node.timeline).into_iter().map(Some));
        }
        for k in &self.keys {
            row.push(
                node.attrs
                    .get(k)
                    .map(|v| Value::Text(Cow::Borrowed(v.as_str()))),
            );
        }
        row
    }
}

/// The surface forms seen, most frequent first, as one text: `Putin (40); Vladimir Putin
/// (17)`.
pub(crate) fn aliases(node: &Node) -> String {
    let forms: Vec<String> = node
        .aliases
        .iter()
        .map(|(form, n)| format!("{form} ({n})"))
        .collect();
    forms.join("; ")
}

/// The edge columns of `graph`.
pub(crate) fn edge_columns(graph: &Graph) -> Vec<Column> {
    let dated = graph.meta.period.is_some();
    EDGE_COLUMNS
        .iter()
        .map(|&(name, kind)| Column {
            name: name.to_string(),
            kind,
        })
        .chain(
            TIMELINE_COLUMNS
                .iter()
                .filter(|_| dated)
                .map(|&name| Column {
                    name: name.to_string(),
                    kind: Kind::Text,
                }),
        )
        .collect()
}

/// `edge`'s values, one per edge column of `graph`.
pub(crate) fn edge_row(graph: &Graph, edge: &Edge) -> Vec<Value<'static>> {
    let mut row = vec![
        Value::Real(round(edge.weight)),
        Value::Int(edge.count),
        Value::Int(edge.documents),
        Value::Real(round(edge.measures.pmi)),
        Value::Real(round(edge.measures.npmi)),
        Value::Real(round(edge.measures.dice)),
        Value::Real(round(edge.measures.jaccard)),
        Value::Real(round(edge.disparity)),
    ];
    if graph.meta.period.is_some() {
        row.extend(timeline_row(&edge.timeline));
    }
    row
}

/// A type's colour as red, green and blue, from the DOT style's `#rrggbb`.
pub(crate) fn rgb(kind: &crate::model::EntityType) -> (u8, u8, u8) {
    let hex = super::dot::style_for(kind).1;
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(128);
    (c(1), c(3), c(5))
}

/// A node's drawing size from its mentions: 5 to 30, by the square root of its share of the
/// most mentioned node's.
pub(crate) fn size(node: &Node, max_mentions: u64) -> f64 {
    let s = (node.mentions as f64 / max_mentions.max(1) as f64).sqrt();
    round(5.0 + 25.0 * s)
}
