//! Every format `build` writes, read back by the readers its users run: networkx (GEXF,
//! GraphML), python-igraph (GraphML), Python's csv module (CSV), graphology-gexf and
//! cytoscape in Node.js (GEXF, Cytoscape.js JSON). Each must see the nodes, edges, labels,
//! weights and one attribute of graph.json exactly, on labels made to break them (quotes,
//! `<`, `&`, a line break, Cyrillic and Hangul). Skipped when a reader is missing,
//! required when `ENTGRAPH_REQUIRE_EXTERNAL=1`.

use std::process::Command;

use serde_json::{json, Value};

use crate::common::*;

/// What a reader should see: graph.json's nodes, edges, labels and weights, and the `note`
/// attribute of the one node that has it.
fn expected(graph: &Value) -> Value {
    let nodes = graph["nodes"].as_array().unwrap();
    let links = graph["links"].as_array().unwrap();
    let mut labels: Vec<&str> = nodes.iter().map(|n| n["label"].as_str().unwrap()).collect();
    labels.sort();
    let mut weights: Vec<(String, String, f64)> = links
        .iter()
        .map(|l| {
            (
                l["source"].as_str().unwrap().to_string(),
                l["target"].as_str().unwrap().to_string(),
                l["weight"].as_f64().unwrap(),
            )
        })
        .collect();
    weights.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let note = nodes.iter().find_map(|n| n["attrs"]["note"].as_str());
    json!({
        "nodes": nodes.len(),
        "edges": links.len(),
        "labels": labels,
        "weights": weights.iter().map(|(a, b, w)| json!([a, b, w])).collect::<Vec<_>>(),
        "attr": note,
    })
}

fn check(reader: &str, seen: &Value, want: &Value) {
    if let Some(module) = seen.get("missing") {
        skip(&format!("{reader}: {module} is not installed"));
        return;
    }
    for key in ["nodes", "edges", "labels", "attr"] {
        assert_eq!(seen[key], want[key], "{reader}: {key}");
    }
    // Weights as numbers: JavaScript writes 1.0 as 1.
    let numbers = |v: &Value| -> Vec<(String, String, f64)> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|w| (w[0].to_string(), w[1].to_string(), w[2].as_f64().unwrap()))
            .collect()
    };
    assert_eq!(
        numbers(&seen["weights"]),
        numbers(&want["weights"]),
        "{reader}: weights"
    );
}

fn run(program: &str, args: &[&std::ffi::OsStr]) -> Value {
    let o = Command::new(program).args(args).output().unwrap();
    assert!(
        o.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn python_readers_see_what_graph_json_holds() {
    if !have("python3", &["--version"]) {
        return;
    }
    let (dir, graph) = build_hostile_with(&["--format", "all"]);
    let want = expected(&graph);
    assert!(want["labels"]
        .as_array()
        .unwrap()
        .contains(&json!("Line\nBreak Institute")));
    assert_eq!(want["attr"], "A & B, \"C\" <d>\nline 2");
    let script = root().join("tests/readers/formats.py");
    let out = dir.path().join("out");
    let seen = run("python3", &[script.as_os_str(), out.as_os_str()]);
    for reader in ["networkx_gexf", "networkx_graphml", "igraph_graphml", "csv"] {
        check(reader, &seen[reader], &want);
    }
}

#[test]
fn node_readers_see_what_graph_json_holds() {
    let modules = root().join("tests/node/node_modules");
    if !have("node", &["--version"]) {
        return;
    }
    if !modules.join("graphology-gexf").is_dir() || !modules.join("cytoscape").is_dir() {
        skip("tests/node/node_modules is not installed (npm ci --prefix tests/node)");
        return;
    }
    let (dir, graph) = build_hostile_with(&["--format", "all"]);
    let want = expected(&graph);
    let script = root().join("tests/node/formats.mjs");
    let out = dir.path().join("out");
    let seen = run("node", &[script.as_os_str(), out.as_os_str()]);
    for reader in ["graphology_gexf", "cytoscape"] {
        check(reader, &seen[reader], &want);
    }
    // Positions come with the layout, for both.
    assert_eq!(seen["cytoscape"]["positions"], want["nodes"]);
}

#[test]
fn extract_csv_reads_back_as_the_jsonl_records() {
    if !have("python3", &["--version"]) {
        return;
    }
    let dir = temp_files(&[("g.jsonl", HOSTILE), ("news.txt", TEXT)]);
    let args = |format: &str| {
        let o = entgraph(&[
            "extract",
            s(&dir.path().join("news.txt")),
            "--no-default-gazetteers",
            "-g",
            s(&dir.path().join("g.jsonl")),
            "--format",
            format,
            "-q",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
        o.stdout
    };
    let records = json_lines(&String::from_utf8(args("jsonl")).unwrap());
    let csv = dir.path().join("mentions.csv");
    std::fs::write(&csv, args("csv")).unwrap();
    let script = r#"
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    print(json.dumps(list(csv.DictReader(f))))
"#;
    let rows = run(
        "python3",
        &["-c".as_ref(), script.as_ref(), csv.as_os_str()],
    );
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), records.len());
    assert!(records.len() >= 10);
    for (row, rec) in rows.iter().zip(&records) {
        for key in ["doc", "text", "entity", "label", "type"] {
            assert_eq!(row[key], rec[key], "{key}");
        }
        for key in ["start", "end", "sentence", "paragraph"] {
            assert_eq!(row[key].as_str().unwrap(), rec[key].to_string(), "{key}");
        }
        assert_eq!(
            row["demonym"],
            if rec["demonym"] == true {
                "true"
            } else {
                "false"
            }
        );
    }
    // The hostile label survives the round trip.
    assert!(rows.iter().any(|r| r["label"] == "Line\nBreak Institute"));
}
