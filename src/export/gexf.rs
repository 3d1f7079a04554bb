//! GEXF 1.3, the format of Gephi (also read by networkx with `version="1.3"` and by
//! graphology-gexf).
//!
//! Owns the GEXF mapping: declared node and edge attributes with their types (the shared
//! table of `columns`), `viz:color` by type, `viz:size` by mentions, `viz:position` when a
//! layout is given, and the edge `weight` as the chosen measure. With dated documents the
//! graph is dynamic (`timeformat="date"`): each node and edge has a spell per period it
//! was seen in, which Gephi's timeline plays. Writes to `impl Write`;
//! must not compute a layout or read options.

use std::io::{self, Write};

use super::columns::{self, Column, Kind, NodeTable};
use super::xml::escape;
use crate::graph::{Graph, Timeline};

fn gexf_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "string",
        Kind::Int => "long",
        Kind::Real => "double",
    }
}

fn declare<W: Write + ?Sized>(out: &mut W, class: &str, cols: &[Column]) -> io::Result<()> {
    writeln!(out, "    <attributes class=\"{class}\">")?;
    for (i, c) in cols.iter().enumerate() {
        writeln!(
            out,
            "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
            escape(&c.name),
            gexf_type(c.kind)
        )?;
    }
    writeln!(out, "    </attributes>")
}

/// Writes the periods of `timeline` as spells, each from its period's first day to its
/// last (both included, as GEXF reads them); nothing for an undated timeline.
fn spells<W: Write + ?Sized>(out: &mut W, timeline: &Timeline, indent: &str) -> io::Result<()> {
    if timeline.spans.is_empty() {
        return Ok(());
    }
    writeln!(out, "{indent}<spells>")?;
    for (first, last) in &timeline.spans {
        writeln!(out, "{indent}  <spell start=\"{first}\" end=\"{last}\"/>")?;
    }
    writeln!(out, "{indent}</spells>")
}

/// Writes `graph` as GEXF 1.3 (dynamic, with spells, when documents are dated); `positions`, when given, holds each node's (x, y) in node
/// order.
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(
    graph: &Graph,
    positions: Option<&[[f64; 2]]>,
    out: &mut W,
) -> io::Result<()> {
    let table = NodeTable::new(graph);
    let edge_cols = columns::edge_columns(graph);
    let m = &graph.meta;
    writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
    writeln!(
        out,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">"
    )?;
    writeln!(out, "  <meta>")?;
    writeln!(
        out,
        "    <creator>entgraph {}</creator>",
        env!("CARGO_PKG_VERSION")
    )?;
    writeln!(
        out,
        "    <description>Co-occurrence of entities: {} documents, window {}, edge weight {}</description>",
        m.documents, m.window, m.measure
    )?;
    writeln!(out, "  </meta>")?;
    // A dated graph is dynamic: each node and edge lives in the periods it was seen in.
    let dated = m.period.is_some();
    if dated {
        writeln!(
            out,
            "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\">"
        )?;
    } else {
        writeln!(
            out,
            "  <graph mode=\"static\" defaultedgetype=\"undirected\">"
        )?;
    }
    declare(out, "node", &table.columns)?;
    declare(out, "edge", &edge_cols)?;
    let max_mentions = graph.nodes.iter().map(|n| n.mentions).max().unwrap_or(1);
    writeln!(out, "    <nodes>")?;
    for (i, node) in graph.nodes.iter().enumerate() {
        writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&node.id),
            escape(&node.label)
        )?;
        writeln!(out, "        <attvalues>")?;
        for (k, v) in table.row(node).into_iter().enumerate() {
            if let Some(v) = v {
                writeln!(
                    out,
                    "          <attvalue for=\"{k}\" value=\"{}\"/>",
                    escape(&v.to_string())
                )?;
            }
        }
        writeln!(out, "        </attvalues>")?;
        spells(out, &node.timeline, "        ")?;
        let (r, g, b) = columns::rgb(&node.kind);
        writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>")?;
        writeln!(
            out,
            "        <viz:size value=\"{:?}\"/>",
            columns::size(node, max_mentions)
        )?;
        if let Some(p) = positions.and_then(|p| p.get(i)) {
            writeln!(
                out,
                "        <viz:position x=\"{:?}\" y=\"{:?}\" z=\"0.0\"/>",
                p[0], p[1]
            )?;
        }
        writeln!(out, "      </node>")?;
    }
    writeln!(out, "    </nodes>")?;
    writeln!(out, "    <edges>")?;
    for (i, e) in graph.edges.iter().enumerate() {
        let row = columns::edge_row(graph, e);
        writeln!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\">",
            escape(&e.source),
            escape(&e.target),
            row[0]
        )?;
        writeln!(out, "        <attvalues>")?;
        for (k, v) in row.iter().enumerate() {
            writeln!(out, "          <attvalue for=\"{k}\" value=\"{v}\"/>")?;
        }
        writeln!(out, "        </attvalues>")?;
        spells(out, &e.timeline, "        ")?;
        writeln!(out, "      </edge>")?;
    }
    writeln!(out, "    </edges>")?;
    writeln!(out, "  </graph>")?;
    writeln!(out, "</gexf>")
}
