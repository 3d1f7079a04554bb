//! A drawing's positions, computed once in Rust so that every picture that needs them
//! (GEXF's `viz:position`, Cytoscape.js, the HTML explorer) is ready at first paint and the
//! same on every run.
//!
//! Owns [`layout`]: ForceAtlas2 (Jacomy et al. 2014, the layout of Gephi and
//! graphology, through the `fa2` crate by graphology's authors) on the graph's edges
//! weighted by unit counts, single-threaded so that the result does not depend on the
//! thread count, from a start that places each community on its own spot of a circle.
//! Must not write or style anything.

use fa2::{FA2Data, FA2Settings};

use super::Graph;

/// Each node's (x, y), in node order, in a square about 1,000 wide centred on 0, rounded to
/// 0.01. The same graph gives the same positions.
pub fn layout(graph: &Graph) -> Vec<[f64; 2]> {
    let n = graph.nodes.len();
    if n == 0 {
        return Vec::new();
    }
    let mut data = FA2Data::<f64>::with_capacity(n, graph.edges.len());
    // Communities around a circle, each node on a small spiral around its community's spot
    // (golden angle), so that no two nodes start on one point.
    let groups = graph.nodes.iter().map(|x| x.community).max().unwrap_or(0) + 1;
    let mut placed = vec![0usize; groups];
    let radius = (n as f64).sqrt() * 10.0;
    for node in &graph.nodes {
        let c = node.community;
        let a = std::f64::consts::TAU * c as f64 / groups as f64;
        let k = placed[c] as f64;
        placed[c] += 1;
        let (r, t) = (3.0 * k.sqrt(), k * 2.399_963_229_728_653);
        data.add_node_with_position(
            radius * a.cos() + r * t.cos(),
            radius * a.sin() + r * t.sin(),
        );
    }
    for e in &graph.edges {
        if let (Some(a), Some(b)) = (graph.node_index(&e.source), graph.node_index(&e.target)) {
            data.add_edge_with_weight(a, b, e.count.max(1) as f64);
        }
    }
    let settings = FA2Settings::<f64>::from_graph_order(n).parallel(false);
    let settings = if n >= 2048 {
        settings.with_barnes_hut()
    } else {
        settings
    };
    let mut fa2 = settings.build(data);
    // Fewer iterations for large graphs keep the time near a second.
    let iterations = (3_000_000 / (n + graph.edges.len()).max(1)).clamp(60, 500);
    fa2.run(iterations);
    let raw: Vec<(f64, f64)> = fa2.data().positions().collect();
    normalise(&raw)
}

/// Scales positions into a square about 1,000 wide centred on 0, rounded to 0.01.
fn normalise(raw: &[(f64, f64)]) -> Vec<[f64; 2]> {
    let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for &(x, y) in raw {
        lo_x = lo_x.min(x);
        hi_x = hi_x.max(x);
        lo_y = lo_y.min(y);
        hi_y = hi_y.max(y);
    }
    let span = (hi_x - lo_x).max(hi_y - lo_y);
    let scale = if span.is_finite() && span > 0.0 {
        1000.0 / span
    } else {
        1.0
    };
    let (cx, cy) = ((lo_x + hi_x) / 2.0, (lo_y + hi_y) / 2.0);
    let r = |v: f64| {
        let v = (v * 100.0).round() / 100.0;
        if v.is_finite() {
            v + 0.0
        } else {
            0.0
        }
    };
    raw.iter()
        .map(|&(x, y)| [r((x - cx) * scale), r((y - cy) * scale)])
        .collect()
}
