//! `output/` holds exactly what the README's main command writes for `samples/`.

use crate::common::*;

/// The arguments of the README's main command (`cargo run --release -- build ...`).
fn readme_build_args() -> Vec<String> {
    readme_command("cargo run --release -- build ")
}

/// The arguments of the first README line starting with `start`, a `cargo run` command.
fn readme_command(start: &str) -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with(start))
        .expect("README names the command");
    line["cargo run --release -- ".len()..]
        .split('#')
        .next()
        .unwrap()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

#[test]
fn committed_output_is_what_the_readme_command_writes() {
    let args = readme_build_args();
    let out_pos = args
        .iter()
        .position(|a| a == "-o")
        .expect("the command names -o")
        + 1;
    assert_eq!(args[out_pos].trim_end_matches('/'), "output");
    let dir = tempfile::tempdir().unwrap();
    let mut args = args.clone();
    args[out_pos] = s(dir.path()).to_string();
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = entgraph(&refs);
    assert!(o.status.success(), "{}", stderr(&o));
    for f in ["graph.dot", "graph.json", "graph.html"] {
        let fresh = std::fs::read_to_string(dir.path().join(f)).unwrap();
        let committed = std::fs::read_to_string(root().join("output").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "output/{f} is stale: run the README's main command and commit output/ (and re-render graph.svg)"
        );
    }
    // The picture is rendered from that DOT by Graphviz.
    svg_matches(&dir.path().join("graph.dot"), "output/graph.svg");
}

/// When Graphviz is installed: `committed` (a path in the repository) draws as many nodes
/// as `dot` renders from `dot_file`. Returns that number.
fn svg_matches(dot_file: &std::path::Path, committed: &str) -> Option<usize> {
    if !have("dot", &["-V"]) {
        return None;
    }
    let svg = std::process::Command::new("dot")
        .args(["-Tsvg", s(dot_file)])
        .output()
        .unwrap();
    assert!(svg.status.success());
    let kept = std::fs::read_to_string(root().join(committed)).unwrap();
    let nodes = |s: &str| s.matches("class=\"node\"").count();
    let n = nodes(&kept);
    assert_eq!(
        nodes(&String::from_utf8_lossy(&svg.stdout)),
        n,
        "re-render {committed}"
    );
    Some(n)
}

/// `output/overview/` is what the README's overview commands write: the corpus script, then
/// `build` with its overview DOT, rendered by Graphviz.
#[test]
fn committed_overview_is_what_the_readme_commands_write() {
    if !have("python3", &["--version"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("news.jsonl");
    let made = std::process::Command::new("python3")
        .arg(root().join("scripts/overview/make_corpus.py"))
        .args(["--out", s(&corpus)])
        .output()
        .unwrap();
    assert!(made.status.success(), "{}", stderr(&made));
    let mut args = readme_command("cargo run --release -- build target/overview-corpus/");
    assert_eq!(args[1], "target/overview-corpus/news.jsonl");
    args[1] = s(&corpus).to_string();
    let out_pos = args.iter().position(|a| a == "-o").unwrap() + 1;
    assert_eq!(args[out_pos], "output/overview");
    args[out_pos] = s(&dir.path().join("out")).to_string();
    // Rendering is checked below, when Graphviz is installed.
    let render = args.iter().position(|a| a == "--render").unwrap();
    args.drain(render..render + 2);
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let o = entgraph(&refs);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("graph.dot: an overview of 150 entities"));
    let dot = dir.path().join("out/graph.dot");
    let fresh = std::fs::read_to_string(&dot).unwrap();
    let committed =
        std::fs::read_to_string(root().join("output/overview/graph.dot")).unwrap_or_default();
    assert!(
        fresh == committed,
        "output/overview/graph.dot is stale: run the README's overview commands and commit it"
    );
    if let Some(drawn) = svg_matches(&dot, "output/overview/graph.svg") {
        assert_eq!(drawn, 150);
    }
}
