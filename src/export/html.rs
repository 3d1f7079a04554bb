//! The HTML explorer (`graph.html`): one self-contained page that draws the graph with
//! sigma.js and graphology, vendored in `assets/explorer/vendor/` (see its README), and
//! answers "why are these two linked?" from the snippets embedded in it.
//!
//! Owns the page's data (the JSON read by `assets/explorer/explorer.html`) and the
//! assembly: the template's markers replaced by the vendored scripts, the title and the
//! data, every `<` of the data written `\u003c` so that nothing in it can close its script
//! element. Writes to `impl Write`; must not compute the layout, count, or read options.
//!
//! # Data (version 1)
//!
//! ```text
//! { "version": 1, "title": "...",
//!   "meta": {"generator", "documents", "units", "window", "measure", "evidence", "modularity"},
//!   "types": [{"name", "colour"}],
//!   "nodes": [{"id", "label", "type": <index in types>, "mentions", "documents",
//!              "aliases": [["<form>", <count>]], "degree", "pagerank", "community", "x", "y",
//!              "attrs": {...}, "examples": [{"doc", "text": ["<before>", "<mention>", "<after>"], "date"?}],
//!              "first_seen"?, "last_seen"?, "periods"?: [["<period>", <mentions>]]}],
//!   "edges": [{"source": <node index>, "target": <node index>, "weight", "count", "documents",
//!              "npmi", "evidence": [{"doc", "text", "date": "<YYYY-MM-DD>" | null}],
//!              "first_seen"?, "last_seen"?, "periods"?: [["<period>", <units>]]}] }
//! ```
//!
//! With dated documents `meta` also has `period` and `periods` (every period from the
//! first to the last, empty ones included, in time order), examples and evidence their
//! `date`, and the page shows a time slider.

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use super::round;
use crate::graph::{Graph, Timeline};
use crate::model::EntityType;

/// The page template, with its markers.
const TEMPLATE: &str = include_str!("../../assets/explorer/explorer.html");

/// The vendored scripts, in the order of `assets/explorer/vendor/FILES`.
const VENDOR: &[(&str, &str)] = &[
    (
        "graphology.umd.min.js",
        include_str!("../../assets/explorer/vendor/graphology.umd.min.js"),
    ),
    (
        "sigma.min.js",
        include_str!("../../assets/explorer/vendor/sigma.min.js"),
    ),
];

const VENDOR_MARKER: &str = "<!--ENTGRAPH_VENDOR-->";
const DATA_MARKER: &str = "/*ENTGRAPH_DATA*/";
const TITLE_MARKER: &str = "<!--ENTGRAPH_TITLE-->";

#[derive(Serialize)]
struct Data<'a> {
    version: u32,
    title: String,
    meta: Meta,
    types: Vec<TypeDto<'a>>,
    nodes: Vec<NodeDto<'a>>,
    edges: Vec<EdgeDto<'a>>,
}

#[derive(Serialize)]
struct Meta {
    generator: String,
    documents: u64,
    units: u64,
    window: String,
    measure: String,
    evidence: usize,
    modularity: f64,
    /// The timelines' period (`day`, `week`, `month`, `year`), when documents are dated.
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<String>,
    /// Every period with a count, in time order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    periods: Vec<String>,
}

/// When an entity or link was seen; absent for undated documents.
#[derive(Serialize)]
struct TimelineDto<'a> {
    first_seen: String,
    last_seen: String,
    /// `[[period, count]]` in time order.
    periods: &'a [(String, u64)],
}

fn timeline(t: &Timeline) -> Option<TimelineDto<'_>> {
    Some(TimelineDto {
        first_seen: t.first_seen?.to_string(),
        last_seen: t.last_seen?.to_string(),
        periods: &t.periods,
    })
}

#[derive(Serialize)]
struct TypeDto<'a> {
    name: &'a str,
    colour: &'static str,
}

#[derive(Serialize)]
struct NodeDto<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    kind: usize,
    mentions: u64,
    documents: u64,
    aliases: &'a [(String, u64)],
    degree: usize,
    pagerank: f64,
    community: usize,
    x: f64,
    y: f64,
    attrs: &'a std::collections::BTreeMap<String, String>,
    examples: Vec<ExampleDto<'a>>,
    #[serde(flatten)]
    timeline: Option<TimelineDto<'a>>,
}

#[derive(Serialize)]
struct ExampleDto<'a> {
    doc: &'a str,
    text: [&'a str; 3],
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[derive(Serialize)]
struct EdgeDto<'a> {
    source: usize,
    target: usize,
    weight: f64,
    count: u64,
    documents: u64,
    npmi: f64,
    evidence: Vec<EvidenceDto<'a>>,
    #[serde(flatten)]
    timeline: Option<TimelineDto<'a>>,
}

#[derive(Serialize)]
struct EvidenceDto<'a> {
    doc: &'a str,
    text: &'a str,
    date: Option<String>,
}

/// The explorer's data for `graph`, as JSON safe inside a script element.
fn data(graph: &Graph, positions: &[[f64; 2]], evidence: usize) -> String {
    let kinds: Vec<&EntityType> = graph
        .nodes
        .iter()
        .map(|n| &n.kind)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let index = |id: &str| graph.node_index(id).unwrap_or(0);
    let m = &graph.meta;
    let data = Data {
        version: 1,
        title: format!(
            "entgraph: {} documents, {} entities, {} links",
            m.documents,
            graph.nodes.len(),
            graph.edges.len()
        ),
        meta: Meta {
            generator: format!("entgraph {}", env!("CARGO_PKG_VERSION")),
            documents: m.documents,
            units: m.units,
            window: m.window.to_string(),
            measure: m.measure.to_string(),
            evidence,
            modularity: round(m.modularity),
            period: m.period.map(|p| p.to_string()),
            periods: every_period(graph),
        },
        types: kinds
            .iter()
            .map(|k| TypeDto {
                name: k.as_str(),
                colour: super::dot::style_for(k).1,
            })
            .collect(),
        nodes: graph
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let [x, y] = positions.get(i).copied().unwrap_or([0.0, 0.0]);
                NodeDto {
                    id: &n.id,
                    label: &n.label,
                    kind: kinds.binary_search(&&n.kind).unwrap_or(0),
                    mentions: n.mentions,
                    documents: n.documents,
                    aliases: &n.aliases,
                    degree: n.degree,
                    pagerank: round(n.pagerank),
                    community: n.community,
                    x,
                    y,
                    attrs: &n.attrs,
                    examples: n
                        .examples
                        .iter()
                        .map(|e| ExampleDto {
                            doc: &e.doc,
                            text: [&e.before, &e.mention, &e.after],
                            date: e.date.map(|d| d.to_string()),
                        })
                        .collect(),
                    timeline: timeline(&n.timeline),
                }
            })
            .collect(),
        edges: graph
            .edges
            .iter()
            .map(|e| EdgeDto {
                source: index(&e.source),
                target: index(&e.target),
                weight: round(e.weight),
                count: e.count,
                documents: e.documents,
                npmi: round(e.measures.npmi),
                evidence: e
                    .evidence
                    .iter()
                    .map(|c| EvidenceDto {
                        doc: &c.doc,
                        text: c.text.as_deref().unwrap_or(""),
                        date: c.date.map(|d| d.to_string()),
                    })
                    .collect(),
                timeline: timeline(&e.timeline),
            })
            .collect(),
    };
    let json = serde_json::to_string(&data).unwrap_or_else(|_| "{}".to_string());
    json.replace('<', "\\u003c")
}

/// Every period from the first dated mention's to the last's, empty ones included, in
/// time order (so that the page's time slider follows the calendar).
fn every_period(graph: &Graph) -> Vec<String> {
    let (Some(period), Some((first, last))) = (graph.meta.period, graph.meta.dates) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    let mut day = first;
    while day <= last {
        names.push(period.name(day));
        match period.bounds(day).1.succ_opt() {
            Some(next) => day = next,
            None => break,
        }
    }
    names
}

/// Writes the explorer page for `graph`, with each node at `positions` (in node order) and
/// up to `evidence` citations and mentions in context each (as the counts kept them).
///
/// # Errors
/// Whatever `out` returns.
pub fn write<W: Write + ?Sized>(
    graph: &Graph,
    positions: &[[f64; 2]],
    evidence: usize,
    out: &mut W,
) -> io::Result<()> {
    let scripts: String = VENDOR
        .iter()
        .map(|(name, js)| format!("<script>/* {name} */\n{js}\n</script>\n"))
        .collect();
    let data = data(graph, positions, evidence);
    let title = super::html_escape(&format!(
        "entgraph: {} entities, {} documents",
        graph.nodes.len(),
        graph.meta.documents
    ));
    // Each marker once, in a known order: the data goes last, so nothing it holds can be
    // taken for a marker.
    let page = TEMPLATE
        .replacen(TITLE_MARKER, &title, 1)
        .replacen(VENDOR_MARKER, &scripts, 1);
    let Some(at) = page.find(DATA_MARKER) else {
        return Err(io::Error::other("the explorer template has no data marker"));
    };
    out.write_all(&page.as_bytes()[..at])?;
    out.write_all(data.as_bytes())?;
    out.write_all(&page.as_bytes()[at + DATA_MARKER.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_has_each_marker_once_and_vendor_files_cannot_close_a_script() {
        for marker in [VENDOR_MARKER, DATA_MARKER, TITLE_MARKER] {
            assert_eq!(TEMPLATE.matches(marker).count(), 1, "{marker}");
        }
        for (name, js) in VENDOR {
            assert!(!js.to_ascii_lowercase().contains("</script"), "{name}");
        }
        // The scripts are those the vendor folder lists, in its order.
        let listed: Vec<&str> = include_str!("../../assets/explorer/vendor/FILES")
            .lines()
            .filter(|l| !l.trim().is_empty())
            .collect();
        let names: Vec<&str> = VENDOR.iter().map(|v| v.0).collect();
        assert_eq!(names, listed);
    }
}
