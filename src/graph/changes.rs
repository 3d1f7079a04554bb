//! How the links of one period's graph changed against the period before: the links that
//! appear, those that disappear and those that grow most, by unit count.
//!
//! Owns [`changes`]. Plain data in, plain data out; must not read files or options.

use std::collections::BTreeMap;

use super::Graph;

/// One link's count before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The smaller entity id.
    pub source: String,
    /// The larger entity id.
    pub target: String,
    /// Units in the period before (0 when the link was not there).
    pub before: u64,
    /// Units in this period (0 when the link is gone).
    pub after: u64,
}

/// The changes of a period's links against the period before, each list at most `top`
/// long.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Links not in the period before, strongest first.
    pub appeared: Vec<Change>,
    /// Links of the period before that are gone, strongest (before) first.
    pub disappeared: Vec<Change>,
    /// Links in both whose count grew, by the growth, largest first.
    pub grew: Vec<Change>,
}

/// The changes from `before` to `after`, at most `top` of each kind; ties by ids.
pub fn changes(before: &Graph, after: &Graph, top: usize) -> Changes {
    let counts = |g: &Graph| -> BTreeMap<(String, String), u64> {
        g.edges
            .iter()
            .map(|e| ((e.source.clone(), e.target.clone()), e.count))
            .collect()
    };
    let (b, a) = (counts(before), counts(after));
    let change = |(s, t): &(String, String), before: u64, after: u64| Change {
        source: s.clone(),
        target: t.clone(),
        before,
        after,
    };
    let mut appeared: Vec<Change> = a
        .iter()
        .filter(|(k, _)| !b.contains_key(*k))
        .map(|(k, &n)| change(k, 0, n))
        .collect();
    let mut disappeared: Vec<Change> = b
        .iter()
        .filter(|(k, _)| !a.contains_key(*k))
        .map(|(k, &n)| change(k, n, 0))
        .collect();
    let mut grew: Vec<Change> = a
        .iter()
        .filter_map(|(k, &n)| b.get(k).filter(|&&m| n > m).map(|&m| change(k, m, n)))
        .collect();
    // BTreeMap order is id order, and sorts are stable: ties stay in id order.
    appeared.sort_by_key(|c| std::cmp::Reverse(c.after));
    disappeared.sort_by_key(|c| std::cmp::Reverse(c.before));
    grew.sort_by_key(|c| std::cmp::Reverse(c.after - c.before));
    for list in [&mut appeared, &mut disappeared, &mut grew] {
        list.truncate(top);
    }
    Changes {
        appeared,
        disappeared,
        grew,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Edge;
    use crate::link::Measures;

    fn graph(edges: &[(&str, &str, u64)]) -> Graph {
        Graph {
            edges: edges
                .iter()
                .map(|&(s, t, n)| Edge {
                    source: s.into(),
                    target: t.into(),
                    weight: n as f64,
                    count: n,
                    documents: 1,
                    measures: Measures::new(n, n, n, 10),
                    disparity: 1.0,
                    evidence: vec![],
                    timeline: Default::default(),
                })
                .collect(),
            ..Graph::default()
        }
    }

    #[test]
    fn appear_disappear_and_grow() {
        let before = graph(&[("a", "b", 3), ("a", "c", 1), ("b", "c", 5), ("c", "d", 2)]);
        let after = graph(&[
            ("a", "b", 7),
            ("b", "c", 6),
            ("c", "d", 1),
            ("d", "e", 2),
            ("a", "e", 4),
        ]);
        let c = changes(&before, &after, 10);
        let pairs = |l: &[Change]| -> Vec<(String, u64, u64)> {
            l.iter()
                .map(|c| (format!("{}-{}", c.source, c.target), c.before, c.after))
                .collect()
        };
        assert_eq!(
            pairs(&c.appeared),
            [("a-e".into(), 0, 4), ("d-e".into(), 0, 2)]
        );
        assert_eq!(pairs(&c.disappeared), [("a-c".into(), 1, 0)]);
        assert_eq!(pairs(&c.grew), [("a-b".into(), 3, 7), ("b-c".into(), 5, 6)]);
        assert_eq!(changes(&before, &after, 1).grew.len(), 1);
    }
}
