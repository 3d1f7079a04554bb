//! The overview of a graph too large to draw whole: which nodes and edges a picture keeps.
//!
//! Owns the selection only ([`overview`]): the nodes with at least one edge, shared among
//! the communities by their weight in the graph, the most central of each; the backbone
//! edges among them; every kept node with at least one drawn edge. It returns plain data
//! (a [`Graph`] that is a subset of the whole, and what was left out), so the DOT writer
//! styles it and every other exporter keeps writing the whole graph. Must not style, write
//! or read options from the command line.

use super::{Edge, Graph, Node};

/// The number of nodes above which a picture is an overview by default: about what a page
/// or a screen shows with readable labels.
pub const DEFAULT_MAX_NODES: usize = 150;

/// The significance level of the backbone drawn among the kept nodes.
pub const DEFAULT_ALPHA: f64 = 0.05;

/// At most this many edges per kept node are drawn: beyond it the strongest backbone edges
/// are kept, so that a dense core does not hide the groups.
pub const EDGES_PER_NODE: usize = 3;

/// Options for [`overview`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OverviewOptions {
    /// The most nodes drawn.
    pub max_nodes: usize,
    /// An edge between kept nodes is drawn when its disparity p-value is below this (and a
    /// kept node otherwise left without edges keeps its strongest one).
    pub alpha: f64,
}

impl Default for OverviewOptions {
    fn default() -> OverviewOptions {
        OverviewOptions {
            max_nodes: DEFAULT_MAX_NODES,
            alpha: DEFAULT_ALPHA,
        }
    }
}

/// What a picture of a large graph keeps, and what it leaves out.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    /// The nodes and edges drawn, sorted as in [`Graph`], with the whole graph's metadata
    /// (its communities and modularity) and each node's metrics taken on the whole graph.
    pub graph: Graph,
    /// Nodes of the whole graph.
    pub nodes_total: usize,
    /// Edges of the whole graph.
    pub edges_total: usize,
    /// Nodes of the whole graph without any edge (never drawn in an overview).
    pub isolated: usize,
    /// The options the selection was made with.
    pub options: OverviewOptions,
}

impl Overview {
    /// Nodes left out.
    pub fn nodes_left_out(&self) -> usize {
        self.nodes_total - self.graph.nodes.len()
    }

    /// Edges left out.
    pub fn edges_left_out(&self) -> usize {
        self.edges_total - self.graph.edges.len()
    }
}

/// Whether a graph of `nodes` nodes is drawn as an overview by default.
pub fn too_large(graph: &Graph, max_nodes: usize) -> bool {
    graph.nodes.len() > max_nodes
}

/// Selects the overview of `graph`:
///
/// 1. Nodes without edges are left out.
/// 2. The `max_nodes` places are shared among the communities in proportion to the sum of
///    their members' PageRank (largest remainders; a community gets at most its size), and
///    each community keeps its most central members: by PageRank, then mentions, then id.
/// 3. An edge between two kept nodes is drawn when its disparity p-value is below `alpha`;
///    a node keeps at most its [`EDGES_PER_NODE`] strongest such edges (by measure, then
///    count, then the other end's id), an edge being kept when either end keeps it.
/// 4. A kept node left without a drawn edge gets its strongest edge to another kept node;
///    a kept node without any edge to another kept node is left out.
///
/// The result depends on the graph only, never on the order of the work.
pub fn overview(graph: &Graph, options: &OverviewOptions) -> Overview {
    let n = graph.nodes.len();
    let ends: Vec<(usize, usize)> = graph
        .edges
        .iter()
        .filter_map(|e| Some((graph.node_index(&e.source)?, graph.node_index(&e.target)?)))
        .collect();
    let mut has_edge = vec![false; n];
    for &(a, b) in &ends {
        has_edge[a] = true;
        has_edge[b] = true;
    }
    let isolated = has_edge.iter().filter(|&&h| !h).count();

    let chosen = central_by_community(&graph.nodes, &has_edge, options.max_nodes);
    let mut kept = vec![false; n];
    for &i in &chosen {
        kept[i] = true;
    }

    // Each kept node's backbone edges to kept nodes, strongest first.
    let strongest_first = |x: &(usize, usize), y: &(usize, usize)| {
        let (ex, ey) = (&graph.edges[x.0], &graph.edges[y.0]);
        ey.weight
            .total_cmp(&ex.weight)
            .then(ey.count.cmp(&ex.count))
            .then(x.1.cmp(&y.1))
    };
    let mut backbone: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut any: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (e, &(a, b)) in ends.iter().enumerate() {
        if !(kept[a] && kept[b]) {
            continue;
        }
        any[a].push((e, b));
        any[b].push((e, a));
        if graph.edges[e].disparity < options.alpha {
            backbone[a].push((e, b));
            backbone[b].push((e, a));
        }
    }
    let mut drawn = vec![false; graph.edges.len()];
    for edges in &mut backbone {
        edges.sort_by(strongest_first);
        for &(e, _) in edges.iter().take(EDGES_PER_NODE) {
            drawn[e] = true;
        }
    }
    let mut touched = vec![false; n];
    for (e, &(a, b)) in ends.iter().enumerate() {
        if drawn[e] {
            touched[a] = true;
            touched[b] = true;
        }
    }
    for i in 0..n {
        if kept[i] && !touched[i] {
            if let Some(&(e, other)) = any[i].iter().min_by(|x, y| strongest_first(x, y)) {
                drawn[e] = true;
                touched[i] = true;
                touched[other] = true;
            }
        }
    }

    let nodes: Vec<Node> = (0..n)
        .filter(|&i| kept[i] && touched[i])
        .map(|i| graph.nodes[i].clone())
        .collect();
    let edges: Vec<Edge> = graph
        .edges
        .iter()
        .zip(&drawn)
        .filter(|(_, &d)| d)
        .map(|(e, _)| e.clone())
        .collect();
    Overview {
        graph: Graph {
            meta: graph.meta.clone(),
            nodes,
            edges,
        },
        nodes_total: n,
        edges_total: graph.edges.len(),
        isolated,
        options: *options,
    }
}

/// The indices of the nodes kept: `max_nodes` places shared among the communities by
/// PageRank mass (largest remainders), the most central members of each.
fn central_by_community(nodes: &[Node], has_edge: &[bool], max_nodes: usize) -> Vec<usize> {
    let groups = nodes.iter().map(|n| n.community).max().map_or(0, |m| m + 1);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for (i, node) in nodes.iter().enumerate() {
        if has_edge[i] {
            members[node.community].push(i);
        }
    }
    let by_centrality = |&a: &usize, &b: &usize| {
        let (x, y) = (&nodes[a], &nodes[b]);
        y.pagerank
            .total_cmp(&x.pagerank)
            .then(y.mentions.cmp(&x.mentions))
            .then(x.id.cmp(&y.id))
    };
    for m in &mut members {
        m.sort_by(by_centrality);
    }
    let candidates: usize = members.iter().map(Vec::len).sum();
    let places = max_nodes.min(candidates);
    let mass: Vec<f64> = members
        .iter()
        .map(|m| m.iter().map(|&i| nodes[i].pagerank.max(0.0)).sum())
        .collect();
    let total: f64 = mass.iter().sum();
    let quotas = if total > 0.0 {
        largest_remainders(&mass, total, places, &members)
    } else {
        members.iter().map(Vec::len).collect()
    };
    let mut chosen: Vec<usize> = members
        .iter()
        .zip(&quotas)
        .flat_map(|(m, &q)| m.iter().take(q).copied())
        .collect();
    chosen.sort_unstable();
    chosen
}

/// Shares `places` among groups in proportion to `mass` (largest remainders, ties to the
/// lower group), no group getting more than its size; places a full group cannot take go
/// to the others in turn.
fn largest_remainders(
    mass: &[f64],
    total: f64,
    places: usize,
    members: &[Vec<usize>],
) -> Vec<usize> {
    let size: Vec<usize> = members.iter().map(Vec::len).collect();
    let exact: Vec<f64> = mass.iter().map(|m| m / total * places as f64).collect();
    let mut quota: Vec<usize> = exact
        .iter()
        .zip(&size)
        .map(|(&e, &s)| (e.floor() as usize).min(s))
        .collect();
    let mut order: Vec<usize> = (0..mass.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    let mut left = places - quota.iter().sum::<usize>();
    // Remainders first, then round after round to the groups with room, heaviest first.
    while left > 0 {
        let before = left;
        for &g in &order {
            if left == 0 {
                break;
            }
            if quota[g] < size[g] {
                quota[g] += 1;
                left -= 1;
            }
        }
        if left == before {
            break;
        }
        order.sort_by(|&a, &b| mass[b].total_cmp(&mass[a]).then(a.cmp(&b)));
    }
    quota
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Community;
    use crate::link::Measures;
    use crate::model::EntityType;

    fn node(id: &str, community: usize, pagerank: f64) -> Node {
        Node {
            id: id.into(),
            label: id.to_uppercase(),
            kind: EntityType::new("person"),
            mentions: 1,
            documents: 1,
            aliases: vec![],
            attrs: Default::default(),
            degree: 0,
            weighted_degree: 0.0,
            pagerank,
            component: 0,
            community,
            examples: vec![],
            timeline: Default::default(),
        }
    }

    fn edge(a: &str, b: &str, count: u64, disparity: f64) -> Edge {
        let (source, target) = if a < b { (a, b) } else { (b, a) };
        Edge {
            source: source.into(),
            target: target.into(),
            weight: count as f64,
            count,
            documents: count,
            measures: Measures::new(count, count, count, 10),
            disparity,
            evidence: vec![],
            timeline: Default::default(),
        }
    }

    fn graph(mut nodes: Vec<Node>, mut edges: Vec<Edge>) -> Graph {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        edges.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
        Graph {
            meta: super::super::Meta {
                communities: vec![Community::default()],
                ..Default::default()
            },
            nodes,
            edges,
        }
    }

    fn ids(g: &Graph) -> Vec<&str> {
        g.nodes.iter().map(|n| n.id.as_str()).collect()
    }

    fn pairs(g: &Graph) -> Vec<(&str, &str)> {
        g.edges
            .iter()
            .map(|e| (e.source.as_str(), e.target.as_str()))
            .collect()
    }

    /// Three communities, each a star, PageRank mass 0.6, 0.3 and 0.1: ten places go
    /// 6, 3 and 1, each to the most central members; the isolated node is never drawn.
    #[test]
    fn places_follow_pagerank_mass_and_centrality() {
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        for (c, (prefix, count, mass)) in [("a", 12, 0.6), ("b", 6, 0.3), ("c", 4, 0.1)]
            .into_iter()
            .enumerate()
        {
            // Centrality falls with the index: a0 is the most central of a.
            let total: f64 = (1..=count).map(|k| 1.0 / k as f64).sum();
            for k in 0..count {
                let pr = mass / total / (k + 1) as f64;
                nodes.push(node(&format!("{prefix}{k:02}"), c, pr));
                if k > 0 {
                    edges.push(edge(
                        &format!("{prefix}00"),
                        &format!("{prefix}{k:02}"),
                        2,
                        0.01,
                    ));
                }
            }
        }
        nodes.push(node("z-alone", 3, 0.5));
        let g = graph(nodes, edges);
        let opts = OverviewOptions {
            max_nodes: 10,
            alpha: 0.05,
        };
        let ov = overview(&g, &opts);
        // c gets one place, its hub c00, whose neighbours are all left out: a node with no
        // edge to draw is not drawn.
        assert_eq!(
            ids(&ov.graph),
            ["a00", "a01", "a02", "a03", "a04", "a05", "b00", "b01", "b02"]
        );
        assert_eq!(
            (ov.nodes_total, ov.isolated, ov.nodes_left_out()),
            (23, 1, 14)
        );
        assert!(too_large(&g, 10) && !too_large(&g, 23));
        // The same input gives the same overview.
        assert_eq!(overview(&g, &opts), ov);
    }

    /// Among kept nodes: backbone edges only, at most three a node (the strongest), and a
    /// node without a backbone edge keeps its strongest edge.
    #[test]
    fn edges_are_the_backbone_among_the_kept_with_a_fallback() {
        let nodes = ["h", "p", "q", "r", "s", "t", "u"]
            .iter()
            .map(|id| node(id, 0, 0.1))
            .collect();
        let edges = vec![
            // The hub's backbone edges, strongest first: p, q, r, then s.
            edge("h", "p", 9, 0.001),
            edge("h", "q", 8, 0.001),
            edge("h", "r", 7, 0.001),
            edge("h", "s", 6, 0.001),
            // s keeps h-s itself (an edge is kept when either end keeps it).
            // t has no backbone edge: its strongest edge (to u, 3 units) is drawn.
            edge("h", "t", 2, 0.5),
            edge("t", "u", 3, 0.5),
            // Not significant, and both ends have other edges: left out.
            edge("p", "q", 1, 0.9),
        ];
        let ov = overview(&graph(nodes, edges), &OverviewOptions::default());
        assert_eq!(
            pairs(&ov.graph),
            [("h", "p"), ("h", "q"), ("h", "r"), ("h", "s"), ("t", "u")]
        );
        assert_eq!(ov.graph.nodes.len(), 7);
        assert_eq!(ov.edges_left_out(), 2);
    }

    #[test]
    fn places_are_shared_by_largest_remainders_within_sizes() {
        let groups = |sizes: &[usize]| -> Vec<Vec<usize>> {
            sizes.iter().map(|&n| (0..n).collect()).collect()
        };
        // 7 * (0.5, 0.3, 0.2) = 3.5, 2.1, 1.4: floors 3, 2, 1, the last place to the
        // largest remainder (0.5).
        assert_eq!(
            largest_remainders(&[0.5, 0.3, 0.2], 1.0, 7, &groups(&[9, 9, 9])),
            [4, 2, 1]
        );
        // A group gets no more than its size; its share goes to the others.
        assert_eq!(
            largest_remainders(&[0.8, 0.1, 0.1], 1.0, 6, &groups(&[2, 9, 9])),
            [2, 2, 2]
        );
    }
}
