//! What the binary says on stderr: problems met, a progress line while a long run goes on
//! (only when stderr is a terminal), and the summaries. Silent with `--quiet`, except for
//! problems that are errors.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

use entgraph::error::Level;
use entgraph::pipeline::{BuildReport, Engine, Stats};

pub(crate) struct Reporter {
    quiet: bool,
    tty: bool,
    started: Instant,
    shown_problems: usize,
    progress_shown: bool,
}

impl Reporter {
    pub(crate) fn new(quiet: bool) -> Reporter {
        Reporter {
            quiet,
            tty: std::io::stderr().is_terminal(),
            started: Instant::now(),
            shown_problems: 0,
            progress_shown: false,
        }
    }

    pub(crate) fn line(&self, s: &str) {
        if !self.quiet {
            eprintln!("{s}");
        }
    }

    pub(crate) fn engine(&self, engine: &Engine) {
        for w in engine.gazetteer.warnings() {
            self.line(&format!("warning: {w}"));
        }
        let st = engine.matcher.stats();
        let mut msg = format!(
            "gazetteers: {} entities, {} aliases, {} patterns from {} files in {}",
            engine.gazetteer.len(),
            st.aliases,
            st.patterns,
            engine.gazetteer.sources().len(),
            fmt_duration(engine.load_time)
        );
        if !st.set_aside.is_empty() {
            let examples: Vec<&str> = st
                .set_aside
                .iter()
                .take(5)
                .map(|s| s.alias.as_str())
                .collect();
            msg.push_str(&format!(
                "; {} aliases set aside as not names (e.g. {}; mark with ! to force)",
                st.set_aside.len(),
                examples.join(", ")
            ));
        }
        self.line(&msg);
    }

    fn problems(&mut self, stats: &Stats) {
        for p in &stats.problems[self.shown_problems..] {
            if !self.quiet || p.level == Level::Error {
                self.clear_progress();
                eprintln!("{}: {p}", p.level);
            }
        }
        self.shown_problems = stats.problems.len();
    }

    fn clear_progress(&mut self) {
        if self.progress_shown {
            eprint!("\r\x1b[K");
            self.progress_shown = false;
        }
    }

    pub(crate) fn progress(&mut self, stats: &Stats) {
        self.problems(stats);
        if self.quiet || !self.tty || self.started.elapsed() < Duration::from_millis(500) {
            return;
        }
        eprint!(
            "\r\x1b[K{} documents, {:.1} MB, {:.1} MB/s, {} mentions",
            stats.documents,
            stats.bytes as f64 / 1e6,
            stats.mb_per_s(),
            stats.mentions
        );
        let _ = std::io::stderr().flush();
        self.progress_shown = true;
    }

    pub(crate) fn scan_summary(&mut self, stats: &Stats, engine: &Engine) {
        self.problems(stats);
        self.clear_progress();
        let by_type: Vec<String> = stats
            .by_type
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        let skipped = stats
            .problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .count();
        let mut msg = format!(
            "{} documents, {:.2} MB, {} mentions ({}) in {}, {:.1} MB/s",
            stats.documents,
            stats.bytes as f64 / 1e6,
            stats.mentions,
            if by_type.is_empty() {
                "none".to_string()
            } else {
                by_type.join(", ")
            },
            fmt_duration(stats.elapsed),
            stats.mb_per_s()
        );
        msg.push_str(&format!(
            "; ambiguous mentions dropped: {}, anchored mentions dropped: {}",
            stats.ambiguous_dropped, stats.anchored_dropped
        ));
        if skipped > 0 {
            msg.push_str(&format!("; {skipped} inputs skipped"));
        }
        let _ = engine;
        self.line(&msg);
    }

    pub(crate) fn build_summary(&self, report: &BuildReport) {
        let g = &report.graph;
        let files: Vec<String> = report
            .written
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        self.line(&format!(
            "graph: {} entities ({} dropped by filters), {} edges kept, {} dropped; wrote {}",
            g.nodes.len(),
            g.meta.nodes_before - g.nodes.len(),
            g.edges.len(),
            g.meta.edges_before - g.edges.len(),
            files.join(", ")
        ));
    }
}

fn fmt_duration(d: Duration) -> String {
    if d.as_secs_f64() < 1.0 {
        format!("{:.0} ms", d.as_secs_f64() * 1e3)
    } else {
        format!("{:.2} s", d.as_secs_f64())
    }
}
