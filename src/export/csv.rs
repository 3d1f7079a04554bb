//! CSV: `nodes.csv` and `edges.csv`, with the headers Gephi's spreadsheet import expects
//! (`Id`, `Label`; `Source`, `Target`, `Type`, `Weight`) and every other column of the
//! shared table (`columns`) after them.
//!
//! Owns RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted, quotes doubled;
//! lines end with CRLF) and the headers. UTF-8 without a byte-order mark. Writes to
//! `impl Write`; must not read options.

use std::io::{self, Write};

use super::columns::{self, NodeTable};
use crate::graph::Graph;

/// `field` as an RFC 4180 field.
pub(crate) fn field(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

/// Writes one record: the fields quoted as needed, joined by commas, ended by CRLF.
pub(crate) fn record<W: Write + ?Sized, S: AsRef<str>>(
    out: &mut W,
    fields: impl IntoIterator<Item = S>,
) -> io::Result<()> {
    let mut first = true;
    for f in fields {
        if !first {
            out.write_all(b",")?;
        }
        first = false;
        out.write_all(field(f.as_ref()).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// Writes the nodes: `Id,Label,type,mentions,...` and the gazetteer attributes (empty
/// where a node has none).
///
/// # Errors
/// Whatever `out` returns.
pub fn write_nodes<W: Write + ?Sized>(graph: &Graph, out: &mut W) -> io::Result<()> {
    let table = NodeTable::new(graph);
    let header = ["Id", "Label"]
        .into_iter()
        .map(String::from)
        .chain(table.columns.iter().map(|c| c.name.clone()));
    record(out, header)?;
    for node in &graph.nodes {
        let values = table
            .row(node)
            .into_iter()
            .map(|v| v.map(|v| v.to_string()).unwrap_or_default());
        let row = [node.id.clone(), node.label.clone()]
            .into_iter()
            .chain(values);
        record(out, row)?;
    }
    Ok(())
}

/// Writes the edges: `Source,Target,Type,Weight,count,...` (`Type` is `Undirected`,
/// `Weight` the chosen measure).
///
/// # Errors
/// Whatever `out` returns.
pub fn write_edges<W: Write + ?Sized>(graph: &Graph, out: &mut W) -> io::Result<()> {
    let cols = columns::edge_columns(graph);
    let header = ["Source", "Target", "Type", "Weight"]
        .into_iter()
        .map(String::from)
        .chain(cols.iter().skip(1).map(|c| c.name.clone()));
    record(out, header)?;
    for e in &graph.edges {
        let row = columns::edge_row(graph, e);
        let fields = [e.source.clone(), e.target.clone(), "Undirected".to_string()]
            .into_iter()
            .chain(row.iter().map(|v| v.to_string()));
        record(out, fields)?;
    }
    Ok(())
}
