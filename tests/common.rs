//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// True when tests that need something outside the repository (`../shared`, Graphviz,
/// Python) must fail rather than skip: `ENTGRAPH_REQUIRE_EXTERNAL=1`, as CI sets.
pub fn external_required() -> bool {
    std::env::var("ENTGRAPH_REQUIRE_EXTERNAL").as_deref() == Ok("1")
}

/// Says that a test is skipped, where the person running the tests sees it: the test
/// harness captures `println!` and `eprintln!`, not a direct write to stderr. Panics
/// instead when [`external_required`].
pub fn skip(why: &str) {
    if external_required() {
        panic!("{why}, and ENTGRAPH_REQUIRE_EXTERNAL=1 requires it");
    }
    let _ = writeln!(std::io::stderr(), "SKIPPED {}: {why}", current_test());
}

fn current_test() -> String {
    std::thread::current()
        .name()
        .unwrap_or("a test")
        .to_string()
}

/// The five seed articles in `../shared/seeds/`, or `None` when absent (a visible skip,
/// or a failure under `ENTGRAPH_REQUIRE_EXTERNAL=1`).
pub fn seeds() -> Option<Vec<PathBuf>> {
    let dir = root().join("../shared/seeds");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        skip(&format!("{} not found", dir.display()));
        return None;
    }
    Some(files)
}

/// Runs the `entgraph` binary with `args` in the repository root.
pub fn entgraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_entgraph"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("entgraph runs")
}

/// Stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("utf-8 stdout")
}

/// Stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("utf-8 stderr")
}

/// True when `program` can be run; when it cannot and `ENTGRAPH_REQUIRE_EXTERNAL=1`, the
/// test fails instead of being skipped.
pub fn have(program: &str, probe_args: &[&str]) -> bool {
    let ok = Command::new(program)
        .args(probe_args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        skip(&format!("`{program}` cannot be run"));
    }
    ok
}

/// Parses JSON Lines.
pub fn json_lines(s: &str) -> Vec<serde_json::Value> {
    s.lines()
        .map(|l| serde_json::from_str(l).expect("valid JSON line"))
        .collect()
}

/// Writes `files` (name, contents) into a new temporary directory.
pub fn temp_files(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// A path as a `&str`.
pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}
