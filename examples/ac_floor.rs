//! The floor of the peer benchmark (`scripts/bench/peers.py`): the bare `aho-corasick` crate
//! scanning the text of a JSONL corpus for a list of aliases, with nothing else (no
//! normalization, no word boundaries, no case rules, no sentences, no graph).
//!
//! ```sh
//! cargo run --release --example ac_floor -- ALIASES CORPUS.jsonl [--kind auto|dfa|nfa|all|daachorse]
//! ```
//!
//! `ALIASES` has one alias a line (a tab ends the alias, so the benchmark's `.tsv` files work
//! too). The automaton is built with `MatchKind::LeftmostLongest` and case-sensitive patterns.
//! `--kind auto` (the default) takes the fastest kind for the size: a DFA when the patterns total at most
//! 1 MiB, otherwise the crate's default (a contiguous NFA for that many patterns); `dfa` and
//! `nfa` force one; `all` runs the auto choice and then the other kind (a DFA only up to
//! 16 MiB of patterns: beyond that it takes minutes and gigabytes to build). `daachorse`
//! scans with the double-array automaton of the `daachorse` crate instead (leftmost-longest,
//! duplicate aliases removed first, as it refuses them), to compare it on large dictionaries.
//!
//! Each kind prints one JSON line: patterns, build seconds and heap bytes of the automaton,
//! documents, text bytes, scan seconds (the `find_iter` calls only: reading and parsing the
//! JSONL is not timed), MB/s (10^6 bytes a second) and the number of matches.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::process::ExitCode;
use std::time::Instant;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// entgraph's DFA threshold (`entgraph::matcher::DFA_MAX_PATTERN_BYTES`).
const DFA_MAX_PATTERN_BYTES: usize = 1 << 20;
/// Above this a forced DFA is skipped in `--kind all`.
const DFA_SKIP_BYTES: usize = 16 << 20;

fn read_aliases(path: &str) -> std::io::Result<Vec<String>> {
    let mut out = Vec::new();
    for line in BufReader::new(File::open(path)?).lines() {
        let line = line?;
        let alias = line.split('\t').next().unwrap_or("").trim_end_matches('\r');
        if !alias.is_empty() {
            out.push(alias.to_string());
        }
    }
    Ok(out)
}

struct Scan {
    docs: u64,
    bytes: u64,
    seconds: f64,
    matches: u64,
}

/// Calls `count` on the text of every document of `corpus`, timing only the calls.
fn scan(corpus: &str, mut count: impl FnMut(&str) -> u64) -> std::io::Result<Scan> {
    #[derive(serde::Deserialize)]
    struct Doc {
        text: String,
    }
    let mut s = Scan {
        docs: 0,
        bytes: 0,
        seconds: 0.0,
        matches: 0,
    };
    let reader = BufReader::with_capacity(1 << 20, File::open(corpus)?);
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: Doc = match serde_json::from_str(&line) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{corpus}:{}: {e}", i + 1);
                continue;
            }
        };
        let t = Instant::now();
        let n = count(&doc.text);
        s.seconds += t.elapsed().as_secs_f64();
        s.matches += n;
        s.docs += 1;
        s.bytes += doc.text.len() as u64;
    }
    Ok(s)
}

fn run(aliases: &[String], corpus: &str, kind: Option<AhoCorasickKind>, label: &str) -> bool {
    let pattern_bytes: usize = aliases.iter().map(String::len).sum();
    let t = Instant::now();
    let ac = match AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(kind)
        .build(aliases)
    {
        Ok(ac) => ac,
        Err(e) => {
            eprintln!("ac_floor: cannot build the {label} automaton: {e}");
            return false;
        }
    };
    let build_s = t.elapsed().as_secs_f64();
    let scanned = scan(corpus, |text| ac.find_iter(text).count() as u64);
    report(Report {
        system: "aho-corasick",
        label,
        automaton: format!("{:?}", ac.kind()),
        patterns: aliases.len(),
        pattern_bytes,
        build_s,
        heap_bytes: ac.memory_usage(),
        corpus,
        scanned,
    })
}

/// The same scan by the `daachorse` crate's double-array automaton.
fn run_daachorse(aliases: &[String], corpus: &str) -> bool {
    use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
    let mut unique: Vec<&str> = aliases.iter().map(String::as_str).collect();
    unique.sort_unstable();
    unique.dedup();
    let pattern_bytes: usize = unique.iter().map(|a| a.len()).sum();
    let t = Instant::now();
    let built: Result<DoubleArrayAhoCorasick<u32>, _> = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&unique);
    let pma = match built {
        Ok(pma) => pma,
        Err(e) => {
            eprintln!("ac_floor: cannot build the daachorse automaton: {e}");
            return false;
        }
    };
    let build_s = t.elapsed().as_secs_f64();
    let scanned = scan(corpus, |text| pma.leftmost_find_iter(text).count() as u64);
    report(Report {
        system: "daachorse",
        label: "daachorse",
        automaton: "DoubleArray".to_string(),
        patterns: unique.len(),
        pattern_bytes,
        build_s,
        heap_bytes: pma.heap_bytes(),
        corpus,
        scanned,
    })
}

/// One measured scan, as printed.
struct Report<'a> {
    system: &'a str,
    label: &'a str,
    automaton: String,
    patterns: usize,
    pattern_bytes: usize,
    build_s: f64,
    heap_bytes: usize,
    corpus: &'a str,
    scanned: std::io::Result<Scan>,
}

/// Prints `r` as one JSON line; false when the scan failed.
fn report(r: Report<'_>) -> bool {
    let s = match r.scanned {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ac_floor: {}: {e}", r.corpus);
            return false;
        }
    };
    let line = serde_json::json!({
        "system": r.system,
        "kind": r.label,
        "automaton": r.automaton,
        "patterns": r.patterns,
        "pattern_bytes": r.pattern_bytes,
        "build_s": r.build_s,
        "heap_bytes": r.heap_bytes,
        "docs": s.docs,
        "bytes": s.bytes,
        "scan_s": s.seconds,
        "mb_s": if s.seconds > 0.0 { s.bytes as f64 / 1e6 / s.seconds } else { 0.0 },
        "matches": s.matches,
    });
    println!("{line}");
    true
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut pos = Vec::new();
    let mut mode = "auto".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--kind" => mode = it.next().cloned().unwrap_or_default(),
            "-h" | "--help" => {
                println!(
                    "usage: ac_floor ALIASES CORPUS.jsonl [--kind auto|dfa|nfa|all|daachorse]"
                );
                return ExitCode::SUCCESS;
            }
            _ => pos.push(a.clone()),
        }
    }
    if pos.len() != 2 || !["auto", "dfa", "nfa", "all", "daachorse"].contains(&mode.as_str()) {
        eprintln!("usage: ac_floor ALIASES CORPUS.jsonl [--kind auto|dfa|nfa|all|daachorse]");
        return ExitCode::from(2);
    }
    let aliases = match read_aliases(&pos[0]) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("ac_floor: {}: {e}", pos[0]);
            return ExitCode::from(2);
        }
    };
    if mode == "daachorse" {
        return if run_daachorse(&aliases, &pos[1]) {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let bytes: usize = aliases.iter().map(String::len).sum();
    let auto_dfa = bytes <= DFA_MAX_PATTERN_BYTES;
    let auto = if auto_dfa {
        (Some(AhoCorasickKind::DFA), "auto(dfa)")
    } else {
        (None, "auto(default)")
    };
    let mut runs = Vec::new();
    match mode.as_str() {
        "auto" => runs.push(auto),
        "dfa" => runs.push((Some(AhoCorasickKind::DFA), "dfa")),
        "nfa" => runs.push((Some(AhoCorasickKind::ContiguousNFA), "nfa")),
        _ => {
            runs.push(auto);
            if auto_dfa {
                runs.push((Some(AhoCorasickKind::ContiguousNFA), "nfa"));
            } else if bytes <= DFA_SKIP_BYTES {
                runs.push((Some(AhoCorasickKind::DFA), "dfa"));
            } else {
                eprintln!("ac_floor: dfa skipped: {bytes} pattern bytes > {DFA_SKIP_BYTES}");
            }
        }
    }
    let mut ok = true;
    for (kind, label) in runs {
        ok &= run(&aliases, &pos[1], kind, label);
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
