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

/// A gazetteer whose labels try to break both formats.
pub const HOSTILE: &str = r#"{"label": "Quote \"Q\" Mark", "type": "person", "aliases": ["Q Mark"]}
{"label": "Back\\slash Bureau", "type": "organization", "aliases": ["Backslash Bureau"]}
{"label": "Line\nBreak Institute", "type": "organization", "aliases": ["Linebreak Institute"]}
{"label": "</script><b>Tag</b> Ltd", "type": "organization", "aliases": ["Tag Ltd"], "attrs": {"note": "A & B, \"C\" <d>\nline 2"}}
{"label": "Владивосток", "type": "place", "aliases": ["Vladivostok"]}
{"label": "평양", "type": "place", "aliases": ["Pyongyang"]}
{"label": "Kim-Putin summit", "type": "event"}
"#;

pub const TEXT: &str = "Q Mark met Backslash Bureau staff in Vladivostok.\n\n\
    The Linebreak Institute and Tag Ltd went to Pyongyang with Q Mark.\n\n\
    Vladivostok hosted the Kim-Putin summit; Q Mark and Tag Ltd attended.\n";

/// Runs `build DIR/INPUT --no-default-gazetteers -g DIR/GAZ -o DIR/out EXTRA...`, asserts
/// that it succeeds, and returns its stderr.
pub fn build_own(dir: &Path, input: &str, gaz: &str, extra: &[&str]) -> String {
    let (input, gaz, out) = (dir.join(input), dir.join(gaz), dir.join("out"));
    let mut args = vec![
        "build",
        s(&input),
        "--no-default-gazetteers",
        "-g",
        s(&gaz),
        "-o",
        s(&out),
    ];
    args.extend_from_slice(extra);
    let o = entgraph(&args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stderr(&o)
}

/// Builds the hostile corpus into `out/` of a new directory with `extra` arguments, and
/// returns the directory and graph.json.
pub fn build_hostile_with(extra: &[&str]) -> (tempfile::TempDir, serde_json::Value) {
    let dir = temp_files(&[("g.jsonl", HOSTILE), ("news.txt", TEXT)]);
    build_own(dir.path(), "news.txt", "g.jsonl", extra);
    let out = dir.path().join("out");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("graph.json")).unwrap()).unwrap();
    assert_eq!(json["nodes"].as_array().unwrap().len(), 7);
    (dir, json)
}

/// Builds the hostile corpus (DOT and JSON).
pub fn build_hostile() -> (tempfile::TempDir, serde_json::Value) {
    build_hostile_with(&[])
}

/// A made-up one-word name for entity `i` (below 274,625): three syllables and `ar`,
/// capitalized, no English word (`Bakodar`).
pub fn made_up_name(i: usize) -> String {
    const C: &[u8] = b"bdgklmnprstvz";
    const V: &[u8] = b"aeiou";
    let syllable = |k: usize| format!("{}{}", C[k % 13] as char, V[(k / 13) % 5] as char);
    let s = format!(
        "{}{}{}ar",
        syllable(i % 65),
        syllable(i / 65 % 65),
        syllable(i / 4225 + 7)
    );
    let mut c = s.chars();
    let first = c.next().unwrap().to_ascii_uppercase();
    format!("{first}{}", c.as_str())
}

/// A small deterministic random stream (64-bit LCG).
pub struct Lcg(pub u64);

impl Lcg {
    /// A number below `n`.
    pub fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n
    }

    /// A number below `n`, small ones far more often (the smaller of two draws), as news
    /// names a few people often.
    pub fn skewed(&mut self, n: usize) -> usize {
        let a = self.next(n);
        let b = self.next(n);
        a.min(b)
    }
}

/// The files of a directory with their bytes, sorted by name.
pub fn dir_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().into_string().unwrap(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}
