//! Real clients read what we write: Graphviz renders the DOT, networkx loads the JSON.
//! Skipped when the program is missing, required when `ENTGRAPH_REQUIRE_EXTERNAL=1`.

use std::process::Command;

use crate::common::*;

fn svg_nodes(engine: &str, dot: &std::path::Path) -> String {
    let o = Command::new(engine).arg("-Tsvg").arg(dot).output().unwrap();
    assert!(
        o.status.success(),
        "{engine} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn graphviz_renders_the_dot_with_one_node_per_entity() {
    if !have("dot", &["-V"]) {
        return;
    }
    let (dir, json) = build_hostile();
    let dot = dir.path().join("out/graph.dot");
    let n = json["nodes"].as_array().unwrap().len();
    for engine in ["dot", "sfdp"] {
        let svg = svg_nodes(engine, &dot);
        assert_eq!(
            svg.matches("<g id=\"node").count(),
            n,
            "{engine}: one <g class=\"node\"> per node"
        );
        assert_eq!(svg.matches("class=\"node\"").count(), n);
        for label in [
            "Quote &quot;Q&quot; Mark",
            "Back\\slash Bureau",
            "Владивосток",
            "평양",
            "&lt;/script&gt;&lt;b&gt;Tag&lt;/b&gt; Ltd",
        ] {
            assert!(svg.contains(label), "{engine}: label {label:?} lost in SVG");
        }
        // The newline became a line break: both halves are there.
        assert!(
            svg.contains(">Line</text>") && svg.contains(">Break Institute</text>"),
            "{engine}"
        );
    }
}

#[test]
fn networkx_loads_the_json_with_our_counts_and_weights() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let (dir, json) = build_hostile();
    let path = dir.path().join("out/graph.json");
    let script = r#"
import json, sys
import networkx as nx
data = json.load(open(sys.argv[1], encoding="utf-8"))
g = nx.node_link_graph(data, edges="links")
out = {
    "nodes": g.number_of_nodes(),
    "edges": g.number_of_edges(),
    "labels": sorted(d["label"] for _, d in g.nodes(data=True)),
    "weights": sorted([min(u, v), max(u, v), d["weight"]] for u, v, d in g.edges(data=True)),
    "directed": g.is_directed(),
}
print(json.dumps(out))
"#;
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let got: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let links = json["links"].as_array().unwrap();
    assert_eq!(got["nodes"], nodes.len());
    assert_eq!(got["edges"], links.len());
    assert_eq!(got["directed"], false);
    let mut labels: Vec<&str> = nodes.iter().map(|n| n["label"].as_str().unwrap()).collect();
    labels.sort();
    let got_labels: Vec<&str> = got["labels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(got_labels, labels);
    assert!(
        labels.contains(&"Line\nBreak Institute") && labels.contains(&"</script><b>Tag</b> Ltd")
    );
    let mut weights: Vec<(String, String, f64)> = links
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap().into(),
                l["target"].as_str().unwrap().into(),
                l["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    weights.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let got_weights: Vec<(String, String, f64)> = got["weights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w[0].as_str().unwrap().into(),
                w[1].as_str().unwrap().into(),
                w[2].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(got_weights, weights);
}

#[test]
fn networkx_reads_the_edges_key_variant() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let dir = temp_files(&[("g.jsonl", HOSTILE), ("news.txt", TEXT)]);
    let out = dir.path().join("out");
    let o = entgraph(&[
        "build",
        s(&dir.path().join("news.txt")),
        "--no-default-gazetteers",
        "-g",
        s(&dir.path().join("g.jsonl")),
        "-o",
        s(&out),
        "--json-edges-key",
        "edges",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let script = "import json,sys,networkx as nx\nd=json.load(open(sys.argv[1]))\nassert 'links' not in d\ng=nx.node_link_graph(d, edges='edges')\nprint(g.number_of_edges())";
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(out.join("graph.json"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .trim()
            .parse::<usize>()
            .unwrap()
            > 0
    );
    assert!(
        !out.join("graph.dot").exists(),
        "--format json writes only JSON"
    );
}

#[test]
fn sfdp_layout_for_large_graphs_renders_quickly() {
    if !have("dot", &["-V"]) {
        return;
    }
    // 800 entities in a ring of sentences with hubs: the size where plain `dot` is slow.
    let mut gaz = String::from("@type person\n");
    let names: Vec<String> = (0..800)
        .map(|i| format!("Person{:03}x Name{:03}y", i, i))
        .collect();
    for n in &names {
        gaz.push_str(n);
        gaz.push('\n');
    }
    let mut text = String::new();
    for i in 0..names.len() {
        text.push_str(&format!(
            "Then {} met {} and {}.\n\n",
            names[i],
            names[(i + 1) % 800],
            names[i % 7]
        ));
    }
    let dir = temp_files(&[("g.txt", &gaz), ("news.txt", &text)]);
    build_own(dir.path(), "news.txt", "g.txt", &["--dot", "full"]);
    let out = dir.path().join("out");
    let dot_text = std::fs::read_to_string(out.join("graph.dot")).unwrap();
    assert!(dot_text.contains("layout=sfdp"));
    let svg = svg_nodes("dot", &out.join("graph.dot"));
    assert_eq!(svg.matches("class=\"node\"").count(), 800);
}

#[test]
fn communities_reach_the_modularity_networkx_louvain_finds() {
    if !have("python3", &["-c", "import networkx"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let o = entgraph(&[
        "build",
        "samples/",
        "-g",
        "korea-russia-2019",
        "-o",
        s(dir.path()),
        "--format",
        "json",
        "-q",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // networkx's Louvain on the same graph and the same weights (unit counts), the best of
    // five seeds; and networkx's modularity of our partition, which must be the one we
    // report.
    let script = r#"
import json, sys, networkx as nx
d = json.load(open(sys.argv[1]))
g = nx.node_link_graph(d, edges="links")
best = max(
    nx.community.modularity(g, nx.community.louvain_communities(g, weight="count", seed=s), weight="count")
    for s in range(5)
)
ours = {}
for n, a in g.nodes(data=True):
    ours.setdefault(a["community"], set()).add(n)
print(best, nx.community.modularity(g, list(ours.values()), weight="count"), d["graph"]["modularity"])
"#;
    let o = Command::new("python3")
        .arg("-c")
        .arg(script)
        .arg(dir.path().join("graph.json"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    let v: Vec<f64> = out.split_whitespace().map(|x| x.parse().unwrap()).collect();
    let (theirs, ours_by_networkx, ours) = (v[0], v[1], v[2]);
    assert!((ours_by_networkx - ours).abs() < 1e-5, "{out}");
    assert!(
        ours >= 0.95 * theirs,
        "ours {ours} against networkx's {theirs}"
    );
}
