//! The guides' console examples run as tests: every ```` ```console ```` block of the
//! Markdown files in [`GUIDES`] is a session of `$ command` lines, each followed by the
//! output it shows. Each command runs in `sh`, in a scratch folder that sees the
//! repository's `samples/` and `docs/`, with the `entgraph` just built first on `PATH`;
//! stdout and stderr are taken together, as a terminal shows them. A change that alters a
//! shown output fails here until the guide is updated.
//!
//! What the shown output may leave out, so that examples stay readable:
//! - a line `...` stands for any number of lines;
//! - a line ending in `...` matches any line that starts with what comes before it;
//! - times and rates (`in 16 ms`, `of 1.01 s`, `1.7 MB/s`) match any value.
//!
//! `ENTGRAPH_DOCS_SHOW=1` prints each command's actual output, to paste into a guide.
//!
//! The gazetteer guide's format examples (its ```` ```text ```` and ```` ```json ````
//! blocks) must load as gazetteers without errors.

use std::path::Path;
use std::process::Command;

use crate::common::root;

/// The guides whose console examples are checked, relative to the repository root: every
/// Markdown file of the repository (a test below keeps the list whole).
const GUIDES: &[&str] = &[
    "README.md",
    "gazetteers/README.md",
    "ARCHITECTURE.md",
    "data/README.md",
    "gazetteers/topics/korea-russia-2019/README.md",
    "samples/README.md",
    "scripts/bench/README.md",
    "tests/fuzz-regressions/README.md",
    "assets/explorer/vendor/README.md",
];

/// Programs the examples may run that every machine running the tests has.
const ALWAYS_THERE: &[&str] = &["entgraph", "cat", "head", "ls", "wc", "sort"];

/// One `$ command` of a console block and the output shown under it.
struct Step {
    guide: &'static str,
    /// 1-based line of the command in the guide.
    line: usize,
    command: String,
    shown: Vec<String>,
}

/// The console blocks of `text` as sessions of steps (one session a block).
fn sessions(guide: &'static str, text: &str) -> Vec<Vec<Step>> {
    let mut out = Vec::new();
    let mut block: Option<Vec<Step>> = None;
    for (i, line) in text.lines().enumerate() {
        match block.as_mut() {
            None if line.trim_end() == "```console" => block = Some(Vec::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => out.extend(block.take()),
            Some(steps) => match line.strip_prefix("$ ") {
                Some(command) => steps.push(Step {
                    guide,
                    line: i + 1,
                    command: command.to_string(),
                    shown: Vec::new(),
                }),
                None => {
                    if let Some(step) = steps.last_mut() {
                        step.shown.push(line.to_string());
                    }
                }
            },
        }
    }
    out
}

/// `line` with times and rates replaced by placeholders.
fn masked(line: &str) -> String {
    let mut out = String::new();
    let words: Vec<&str> = line.split(' ').collect();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let number = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || c == '.');
        let unit = words.get(i + 1).map(|u| u.trim_end_matches([',', ';']));
        // `in 16 ms`, `a first pass of 1.2 s`.
        let time = (w == "in" || w == "of") && words.get(i + 1).is_some_and(|n| number(n));
        if time
            && matches!(
                words.get(i + 2).map(|u| u.trim_end_matches([',', ';'])),
                Some("ms" | "s")
            )
        {
            let tail = &words[i + 2][words[i + 2].trim_end_matches([',', ';']).len()..];
            out.push_str(&format!("{w} [TIME]{tail} "));
            i += 3;
            continue;
        }
        if number(w) && unit == Some("MB/s") {
            out.push_str("[RATE] ");
            i += 1;
            continue;
        }
        out.push_str(w);
        out.push(' ');
        i += 1;
    }
    out.pop();
    out
}

/// Whether `actual` (all the lines a command wrote) is what `shown` shows.
fn fits(shown: &[String], actual: &[String]) -> bool {
    match shown.split_first() {
        None => actual.is_empty(),
        Some((s, rest)) if s.trim() == "..." => {
            (0..=actual.len()).any(|k| fits(rest, &actual[k..]))
        }
        Some((s, rest)) => actual.split_first().is_some_and(|(a, more)| {
            let (s, a) = (masked(s), masked(a));
            let same = match s.strip_suffix("...") {
                Some(prefix) => a.starts_with(prefix),
                None => a == s,
            };
            same && fits(rest, more)
        }),
    }
}

/// A scratch folder that sees the repository's samples and worked examples.
#[cfg(unix)]
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["samples", "docs"] {
        std::os::unix::fs::symlink(root().join(name), dir.path().join(name)).unwrap();
    }
    dir
}

#[cfg(unix)]
fn run(command: &str, dir: &Path) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_entgraph"));
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let o = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .current_dir(dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[cfg(unix)]
#[test]
fn console_examples_show_what_the_commands_write() {
    let show = std::env::var("ENTGRAPH_DOCS_SHOW").as_deref() == Ok("1");
    let mut failures = Vec::new();
    let mut steps = 0;
    for guide in GUIDES {
        let text = std::fs::read_to_string(root().join(guide)).unwrap();
        for session in sessions(guide, &text) {
            let dir = scratch();
            for step in session {
                steps += 1;
                // An example that needs another program (Graphviz, Python) runs where it
                // is installed, and must under ENTGRAPH_REQUIRE_EXTERNAL=1.
                let program = step.command.split_whitespace().next().unwrap_or("");
                let probe: &[&str] = if program == "dot" {
                    &["-V"]
                } else {
                    &["--version"]
                };
                if !ALWAYS_THERE.contains(&program) && !crate::common::have(program, probe) {
                    continue;
                }
                let actual = run(&step.command, dir.path());
                if show {
                    println!(
                        "{}:{}: $ {}\n{}\n",
                        step.guide,
                        step.line,
                        step.command,
                        actual.join("\n")
                    );
                }
                if !fits(&step.shown, &actual) {
                    failures.push(format!(
                        "{}:{}: `{}` shows\n{}\nbut writes\n{}",
                        step.guide,
                        step.line,
                        step.command,
                        step.shown.join("\n"),
                        actual.join("\n")
                    ));
                }
            }
        }
    }
    assert!(steps > 0, "no console examples found");
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_matcher_of_shown_output_skips_only_what_it_says() {
    let lines = |s: &str| s.lines().map(str::to_string).collect::<Vec<_>>();
    let actual = lines("a\n3 documents in 12 ms, 1.5 MB/s\nb\nc\nlast line here");
    assert!(fits(
        &lines("a\n3 documents in 3 ms, 8.0 MB/s\n...\nlast ..."),
        &actual
    ));
    assert!(fits(&lines("...\nlast line here"), &actual));
    assert!(!fits(
        &lines("a\n4 documents in 3 ms, 8.0 MB/s\n...\nlast ..."),
        &actual
    ));
    assert!(!fits(&lines("a\n...\nfirst ..."), &actual));
    assert!(!fits(&lines("a"), &actual));
    assert_eq!(
        masked("x in 1.01 s, 98.8 MB/s; y"),
        "x in [TIME], [RATE] MB/s; y"
    );
}

/// The fenced blocks of `text` whose info string is `lang`, each as its text.
fn blocks(text: &str, lang: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        match block.as_mut() {
            None if line.trim_end() == format!("```{lang}") => block = Some(String::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => out.extend(block.take()),
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
        }
    }
    out
}

#[test]
fn the_gazetteer_guides_format_examples_load() {
    let guide = std::fs::read_to_string(root().join("gazetteers/README.md")).unwrap();
    let examples = [("text", "example.txt"), ("json", "example.jsonl")];
    let mut checked = 0;
    for (lang, file) in examples {
        for block in blocks(&guide, lang) {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(file);
            std::fs::write(&path, &block).unwrap();
            let o = Command::new(env!("CARGO_BIN_EXE_entgraph"))
                .args(["gazetteer", "check", "--no-default-gazetteers"])
                .arg(&path)
                .output()
                .unwrap();
            let err = String::from_utf8_lossy(&o.stderr);
            assert!(
                o.status.success() && err.contains(", 0 errors, "),
                "the `{lang}` example of gazetteers/README.md does not load:\n{block}\n{err}{}",
                String::from_utf8_lossy(&o.stdout)
            );
            checked += 1;
        }
    }
    assert!(checked >= 2, "format examples not found");
}

#[test]
fn every_markdown_file_is_a_checked_guide() {
    let listed = Command::new("git")
        .args(["ls-files", "*.md"])
        .current_dir(root())
        .output();
    // Outside a git checkout (a source archive) there is nothing to compare with.
    let Some(o) = listed.ok().filter(|o| o.status.success()) else {
        return;
    };
    for file in String::from_utf8_lossy(&o.stdout).lines() {
        assert!(
            GUIDES.contains(&file),
            "{file} is not in tests/docs.rs GUIDES"
        );
    }
}
