//! Cytoscape.js elements JSON (`graph.cyjs`), which Cytoscape.js loads with
//! `cytoscape({elements})` and Cytoscape desktop imports as a network.
//!
//! Owns the mapping: `{"format_version", "generated_by", "target_cytoscapejs_version",
//! "data", "elements": {"nodes": [{"data": {...}, "position"?}], "edges": [{"data":
//! {...}}]}}`, each node's `data` holding `id`, `label` and every column of the shared
//! table (`columns`), each edge's `id` (`e0`, `e1`...), `source`, `target` and the edge
//! columns. Writes to `impl Write`; must not compute a layout or read options.

use std::io::{self, Write};

use serde_json::{json, Map, Value as Json};

use super::columns::{self, NodeTable, Value};
use crate::graph::Graph;

fn to_json(v: &Value<'_>) -> Json {
    match v {
        Value::Text(s) => Json::String(s.to_string()),
        Value::Int(n) => json!(n),
        Value::Real(x) => json!(x),
    }
}

/// Writes `graph` as Cytoscape.js JSON; `positions`, when given, holds each node's (x, y)
/// in node order.
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(
    graph: &Graph,
    positions: Option<&[[f64; 2]]>,
    out: &mut W,
) -> io::Result<()> {
    let table = NodeTable::new(graph);
    let nodes: Vec<Json> = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            let mut data = Map::new();
            data.insert("id".into(), json!(node.id));
            data.insert("label".into(), json!(node.label));
            for (c, v) in table.columns.iter().zip(table.row(node)) {
                if let Some(v) = v {
                    data.insert(c.name.clone(), to_json(&v));
                }
            }
            let mut element = Map::new();
            element.insert("data".into(), Json::Object(data));
            if let Some(p) = positions.and_then(|p| p.get(i)) {
                element.insert("position".into(), json!({"x": p[0], "y": p[1]}));
            }
            Json::Object(element)
        })
        .collect();
    let cols = columns::edge_columns(graph);
    let edges: Vec<Json> = graph
        .edges
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut data = Map::new();
            data.insert("id".into(), json!(format!("e{i}")));
            data.insert("source".into(), json!(e.source));
            data.insert("target".into(), json!(e.target));
            for (c, v) in cols.iter().zip(columns::edge_row(graph, e)) {
                data.insert(c.name.clone(), to_json(&v));
            }
            json!({ "data": data })
        })
        .collect();
    let doc = json!({
        "format_version": "1.0",
        "generated_by": format!("entgraph {}", env!("CARGO_PKG_VERSION")),
        "target_cytoscapejs_version": "~3",
        "data": {
            "name": "entgraph",
            "documents": graph.meta.documents,
            "window": graph.meta.window.to_string(),
            "measure": graph.meta.measure.to_string(),
        },
        "elements": {"nodes": nodes, "edges": edges},
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
