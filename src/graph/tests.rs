//! Tests of building, filtering and the metrics.

use super::*;
use crate::link::{DocInput, EntityCounts};
use crate::model::EntityId;
use crate::segment::segment;

fn gaz() -> Gazetteer {
    Gazetteer::from_str(
        "g.txt",
        "@type person\nAnna\nBoris\nCarl\n@type place\nDelhi\nEssen\n",
    )
    .unwrap()
}

/// A corpus where A–B co-occur 3 times, A–C once, D–E once, and C alone once.
fn counts() -> Cooccurrence {
    let g = gaz();
    let m = crate::Matcher::new(&g).unwrap();
    let texts = [
        "Anna and Boris. Anna, Boris. Anna with Boris and Carl.",
        "Delhi near Essen. Carl alone.",
    ];
    let mut total = Cooccurrence::default();
    for (i, t) in texts.iter().enumerate() {
        let seg = segment(t);
        let found = m.find(t);
        let doc = DocInput {
            seq: i as u64,
            id: "d",
            text: t,
            segments: &seg,
            mentions: &found.mentions,
            date: None,
        };
        total.merge(Cooccurrence::document(doc, Window::Sentence, 3), 3);
    }
    total
}

fn ids(g: &Graph) -> Vec<&str> {
    g.nodes.iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn nodes_edges_and_metrics() {
    let g = build(&counts(), &gaz(), &GraphOptions::default()).unwrap();
    assert_eq!(
        ids(&g),
        [
            "person:anna",
            "person:boris",
            "person:carl",
            "place:delhi",
            "place:essen"
        ]
    );
    let e: Vec<_> = g
        .edges
        .iter()
        .map(|e| (e.source.as_str(), e.target.as_str(), e.count))
        .collect();
    assert_eq!(
        e,
        [
            ("person:anna", "person:boris", 3),
            ("person:anna", "person:carl", 1),
            ("person:boris", "person:carl", 1),
            ("place:delhi", "place:essen", 1)
        ]
    );
    assert_eq!(g.nodes[0].degree, 2);
    assert_eq!(g.nodes[0].weighted_degree, 4.0);
    assert_eq!(g.nodes[0].component, 0);
    assert_eq!(g.nodes[3].component, 1);
    let total: f64 = g.nodes.iter().map(|n| n.pagerank).sum();
    assert!((total - 1.0).abs() < 1e-9);
    assert!(g.nodes[0].pagerank > g.nodes[2].pagerank);
}

#[test]
fn filters_in_order() {
    let run = |f: Filters| {
        let opts = GraphOptions {
            filters: f,
            ..GraphOptions::default()
        };
        build(&counts(), &gaz(), &opts).unwrap()
    };
    let g = run(Filters {
        min_weight: Some(2.0),
        drop_isolated: true,
        ..Filters::default()
    });
    assert_eq!(ids(&g), ["person:anna", "person:boris"]);
    let g = run(Filters {
        min_mentions: Some(3),
        ..Filters::default()
    });
    assert_eq!(ids(&g), ["person:anna", "person:boris"]);
    let g = run(Filters {
        types: Some(vec![EntityType::Place]),
        ..Filters::default()
    });
    assert_eq!(ids(&g), ["place:delhi", "place:essen"]);
    let g = run(Filters {
        top: Some(3),
        ..Filters::default()
    });
    assert_eq!(ids(&g), ["person:anna", "person:boris", "person:carl"]);
    let g = run(Filters {
        focus: Some("Essen".into()),
        ..Filters::default()
    });
    assert_eq!(ids(&g), ["place:delhi", "place:essen"]);
    let err = build(
        &counts(),
        &gaz(),
        &GraphOptions {
            filters: Filters {
                focus: Some("Nobody".into()),
                ..Filters::default()
            },
            ..GraphOptions::default()
        },
    );
    assert!(err.is_err());
}

#[test]
fn isolated_entities_are_nodes_until_dropped() {
    let mut c = Cooccurrence {
        units: 1,
        documents: 1,
        ..Default::default()
    };
    c.entities.insert(
        EntityId::new(0),
        EntityCounts {
            mentions: 1,
            documents: 1,
            units: 1,
            ..Default::default()
        },
    );
    let g = build(&c, &gaz(), &GraphOptions::default()).unwrap();
    assert_eq!(ids(&g), ["person:anna"]);
}

#[test]
fn the_backbone_keeps_the_edges_the_disparity_formula_says() {
    // By hand, on unit counts: Anna has 2 edges of strength 3 + 1 = 4, Boris 2 of 3 + 1 = 4,
    // Carl 2 of 1 + 1 = 2; Delhi and Essen one edge each. p = (1 - w/s)^(k-1), the
    // smaller of the two ends:
    // Anna–Boris: (1 - 3/4)^1 = 0.25 from either end;
    // Anna–Carl and Boris–Carl: 0.75 from Anna or Boris, (1 - 1/2)^1 = 0.5 from Carl: 0.5;
    // Delhi–Essen: an end with one edge gives 1.
    let run = |alpha: Option<f64>| {
        let opts = GraphOptions {
            filters: Filters {
                backbone: alpha,
                ..Filters::default()
            },
            ..GraphOptions::default()
        };
        build(&counts(), &gaz(), &opts).unwrap()
    };
    let all = run(None);
    let p: Vec<_> = all
        .edges
        .iter()
        .map(|e| (e.source.as_str(), e.target.as_str(), e.disparity))
        .collect();
    assert_eq!(
        p,
        [
            ("person:anna", "person:boris", 0.25),
            ("person:anna", "person:carl", 0.5),
            ("person:boris", "person:carl", 0.5),
            ("place:delhi", "place:essen", 1.0)
        ]
    );
    let kept = |alpha: f64| {
        run(Some(alpha))
            .edges
            .iter()
            .map(|e| format!("{}–{}", e.source, e.target))
            .collect::<Vec<_>>()
    };
    assert_eq!(kept(0.3), ["person:anna–person:boris"]);
    assert_eq!(
        kept(0.6),
        [
            "person:anna–person:boris",
            "person:anna–person:carl",
            "person:boris–person:carl"
        ]
    );
    // Significance is strict: a p-value equal to alpha is not kept.
    assert_eq!(kept(0.25).len(), 0);
}
