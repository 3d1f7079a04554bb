//! Node metrics on the filtered graph, as an adjacency list in id order: weighted
//! PageRank and connected components, both deterministic.
//!
//! Must not filter or know entities.

/// Weighted PageRank over an adjacency list; dangling nodes spread their rank evenly.
/// Deterministic: fixed iteration order and count.
pub(super) fn pagerank(adj: &[Vec<(usize, f64)>]) -> Vec<f64> {
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
pub(super) fn components(adj: &[Vec<(usize, f64)>]) -> Vec<usize> {
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
