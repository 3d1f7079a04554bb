//! The overview picture of a large graph: `build` on a generated corpus of planted groups
//! draws at most `--dot-nodes` entities, coloured by the group they were written in, with
//! no overlapping labels once Graphviz lays them out; `--dot full` draws everything.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use crate::common::*;

const GROUPS: usize = 8;
const MEMBERS: usize = 40;

/// The gazetteer (types in turn: person, place, organization) and 1,200 documents where
/// each sentence names two or three members of one group, and one in ten a member of
/// another group as well.
fn corpus() -> (String, String) {
    let mut gaz = String::new();
    for (t, kind) in ["person", "place", "organization"].iter().enumerate() {
        gaz.push_str(&format!("@type {kind}\n"));
        for i in (0..GROUPS * MEMBERS).filter(|i| i % 3 == t) {
            gaz.push_str(&format!("{}\n", made_up_name(i)));
        }
    }
    let mut rng = Lcg(7);
    let member = |rng: &mut Lcg| rng.skewed(MEMBERS);
    let mut docs = String::new();
    for d in 0..1200 {
        let g = rng.next(GROUPS);
        let mut text = String::new();
        for _ in 0..4 {
            let a = made_up_name(g * MEMBERS + member(&mut rng));
            let b = made_up_name(g * MEMBERS + member(&mut rng));
            let c = made_up_name(g * MEMBERS + member(&mut rng));
            text.push_str(&format!("{a} met {b} and {c} on the day. "));
            if rng.next(10) == 0 {
                let other = (g + 1 + rng.next(GROUPS - 1)) % GROUPS;
                text.push_str(&format!(
                    "{a} later spoke to {}. ",
                    made_up_name(other * MEMBERS + member(&mut rng))
                ));
            }
        }
        docs.push_str(&serde_json::json!({"id": format!("d{d:04}"), "text": text}).to_string());
        docs.push('\n');
    }
    (gaz, docs)
}

/// The planted group of each entity id.
fn groups() -> BTreeMap<String, usize> {
    (0..GROUPS * MEMBERS)
        .map(|i| (made_up_name(i).to_lowercase(), i / MEMBERS))
        .collect()
}

/// Node lines of a DOT file: (id, attributes).
fn dot_nodes(dot: &str) -> Vec<(String, String)> {
    dot.lines()
        .filter(|l| l.starts_with("  \"") && !l.contains(" -- "))
        .map(|l| {
            let end = l[3..].find('"').unwrap() + 3;
            (l[3..end].to_string(), l[end..].to_string())
        })
        .collect()
}

fn attr<'a>(attrs: &'a str, key: &str) -> &'a str {
    let start = attrs.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
    &attrs[start..start + attrs[start..].find('"').unwrap()]
}

fn build(dir: &std::path::Path, extra: &[&str]) -> (String, String) {
    let err = build_own(dir, "news.jsonl", "g.txt", extra);
    let dot = std::fs::read_to_string(dir.join("out/graph.dot")).unwrap();
    (dot, err)
}

#[test]
fn a_large_graph_is_drawn_as_an_overview_of_its_groups() {
    let (gaz, docs) = corpus();
    let dir = temp_files(&[("g.txt", &gaz), ("news.jsonl", &docs)]);
    let (dot, err) = build(dir.path(), &[]);
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("out/graph.json")).unwrap())
            .unwrap();
    let total = json["nodes"].as_array().unwrap().len();
    assert!(total > 300, "{total} entities named");
    assert!(
        err.contains("graph.dot: an overview of 150 entities"),
        "{err}"
    );
    assert!(
        dot.contains("--dot full"),
        "the DOT says how to draw everything"
    );

    let nodes = dot_nodes(&dot);
    assert_eq!(nodes.len(), 150);
    // Every drawn node has a drawn edge.
    let ends: BTreeSet<&str> = dot
        .lines()
        .filter(|l| l.contains(" -- "))
        .flat_map(|l| l.split(" -- ").map(|p| p.trim().split('"').nth(1).unwrap()))
        .collect();
    for (id, _) in &nodes {
        assert!(ends.contains(id.as_str()), "{id} is drawn without an edge");
    }
    // Colours are communities, and communities are the planted groups: each group's
    // drawn members share one fill, and no two groups share theirs.
    let planted = groups();
    let mut fills: BTreeMap<usize, BTreeMap<String, usize>> = BTreeMap::new();
    for (id, attrs) in &nodes {
        let g = planted[id.split(':').nth(1).unwrap()];
        *fills
            .entry(g)
            .or_default()
            .entry(attr(attrs, "fillcolor").to_string())
            .or_default() += 1;
    }
    assert_eq!(fills.len(), GROUPS, "every group is drawn: {fills:?}");
    let mut majority = BTreeSet::new();
    for (g, by_fill) in &fills {
        let drawn: usize = by_fill.values().sum();
        let (fill, most) = by_fill.iter().max_by_key(|(_, n)| **n).unwrap();
        assert!(*most * 10 >= drawn * 9, "group {g}: {by_fill:?}");
        assert!(majority.insert(fill.clone()), "two groups coloured {fill}");
    }
    // Only the most central are labelled; each group has a label.
    let labelled = nodes.iter().filter(|(_, a)| !attr(a, "label").is_empty());
    assert!((50..=80).contains(&labelled.count()));

    // Graphviz lays it out with no two labelled nodes overlapping.
    if have("dot", &["-V"]) {
        let o = Command::new("dot")
            .arg("-Tplain")
            .arg(dir.path().join("out/graph.dot"))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let plain = String::from_utf8(o.stdout).unwrap();
        let boxes = labelled_boxes(&plain);
        assert!(boxes.len() >= 50, "{} labelled nodes laid out", boxes.len());
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let apart = (a.1 - b.1).abs() * 2.0 >= a.3 + b.3 - 1e-3
                    || (a.2 - b.2).abs() * 2.0 >= a.4 + b.4 - 1e-3;
                assert!(apart, "{} and {} overlap", a.0, b.0);
            }
        }
    }

    // The same picture whatever the thread count.
    for threads in ["1", "2"] {
        assert_eq!(
            build(dir.path(), &["--threads", threads]).0,
            dot,
            "{threads} threads"
        );
    }
    // Everything on request, or when the limit is above the graph's size.
    for extra in [&["--dot", "full"][..], &["--dot-nodes", "1000"]] {
        let (full, err) = build(dir.path(), extra);
        assert_eq!(dot_nodes(&full).len(), total, "{extra:?}");
        assert!(!err.contains("overview"), "{err}");
    }
    // And the overview on request, with a limit of one's own.
    let (small, _) = build(dir.path(), &["--dot", "overview", "--dot-nodes", "40"]);
    assert!((30..=40).contains(&dot_nodes(&small).len()));
}

/// The labelled nodes of Graphviz's `-Tplain` output: (name, x, y, width, height).
fn labelled_boxes(plain: &str) -> Vec<(String, f64, f64, f64, f64)> {
    plain
        .lines()
        .filter_map(|l| l.strip_prefix("node "))
        .filter_map(|rest| {
            let (name, rest) = if let Some(q) = rest.strip_prefix('"') {
                let end = q.find('"')?;
                (q[..end].to_string(), &q[end + 1..])
            } else {
                let (n, r) = rest.split_once(' ')?;
                (n.to_string(), r)
            };
            let f: Vec<&str> = rest.split_whitespace().collect();
            let num = |k: usize| f.get(k).and_then(|x| x.parse::<f64>().ok());
            let label = f.get(4)?;
            (*label != "\"\"").then(|| Some((name, num(0)?, num(1)?, num(2)?, num(3)?)))?
        })
        .collect()
}
