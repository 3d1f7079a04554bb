//! `output/` holds exactly what the README's main command writes for `samples/`.

use crate::common::*;

/// The arguments of the README's main command (`cargo run --release -- build ...`).
fn readme_build_args() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("cargo run --release -- build "))
        .expect("README names the main command");
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
    for f in ["graph.dot", "graph.json"] {
        let fresh = std::fs::read_to_string(dir.path().join(f)).unwrap();
        let committed = std::fs::read_to_string(root().join("output").join(f)).unwrap_or_default();
        assert!(
            fresh == committed,
            "output/{f} is stale: run the README's main command and commit output/ (and re-render graph.svg)"
        );
    }
    // The picture is rendered from that DOT by Graphviz.
    if have("dot", &["-V"]) {
        let svg = std::process::Command::new("dot")
            .args(["-Tsvg", s(&dir.path().join("graph.dot"))])
            .output()
            .unwrap();
        assert!(svg.status.success());
        let committed = std::fs::read_to_string(root().join("output/graph.svg")).unwrap();
        let nodes = |s: &str| s.matches("class=\"node\"").count();
        assert_eq!(
            nodes(&String::from_utf8_lossy(&svg.stdout)),
            nodes(&committed),
            "re-render output/graph.svg"
        );
    }
}
