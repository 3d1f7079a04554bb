//! What the binary says on stderr: problems met, a progress bar while a long run goes on
//! (documents, bytes, MB/s, ETA; only when stderr is a terminal and the run lasts more
//! than a moment), and the summaries. Silent with `--quiet`, except for problems that are
//! errors.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use entgraph::error::Level;
use entgraph::graph::Overview;
use entgraph::pipeline::{Engine, Stats};
use entgraph::Graph;

pub(crate) struct Reporter {
    quiet: bool,
    tty: bool,
    started: Instant,
    shown_problems: usize,
    /// The problems printed, so that a second pass over the corpus (`--discover`) does not
    /// print them again.
    printed: std::collections::HashSet<String>,
    bar: Option<ProgressBar>,
}

impl Reporter {
    pub(crate) fn new(quiet: bool) -> Reporter {
        Reporter {
            quiet,
            tty: std::io::stderr().is_terminal(),
            started: Instant::now(),
            shown_problems: 0,
            printed: Default::default(),
            bar: None,
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
            "gazetteers: {}, {}, {} from {} in {}",
            counted(engine.gazetteer.listed(), "entity", "entities"),
            counted(st.aliases, "alias", "aliases"),
            counted(st.patterns, "pattern", "patterns"),
            counted(engine.gazetteer.sources().len(), "file", "files"),
            fmt_duration(engine.load_time)
        );
        // Only what the user can edit: the embedded packs set their own aliases aside on
        // purpose.
        let g = &engine.gazetteer;
        let theirs: Vec<_> = st
            .set_aside
            .iter()
            .filter(|s| !g.entity(s.entity).location.path.starts_with("<embedded>"))
            .collect();
        if let Some(first) = theirs.first() {
            msg.push_str(&format!(
                "; {} set aside as not names (e.g. `{}` at {}: write it `!{}` to keep it)",
                counted(theirs.len(), "alias", "aliases"),
                first.alias,
                g.entity(first.entity).location,
                first.alias
            ));
        }
        self.line(&msg);
    }

    fn problems(&mut self, stats: &Stats) {
        for p in stats
            .problems
            .get(self.shown_problems..)
            .unwrap_or_default()
        {
            if !self.quiet || p.level == Level::Error {
                let line = format!("{}: {p}", p.level);
                if !self.printed.insert(line.clone()) {
                    continue;
                }
                match &self.bar {
                    Some(bar) => bar.suspend(|| eprintln!("{line}")),
                    None => eprintln!("{line}"),
                }
            }
        }
        self.shown_problems = stats.problems.len();
    }

    /// A new pass over the corpus begins: its problems are counted from the start (those
    /// printed already are not printed again).
    pub(crate) fn next_pass(&mut self) {
        self.clear_progress();
        self.shown_problems = 0;
    }

    pub(crate) fn clear_progress(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }

    pub(crate) fn progress(&mut self, stats: &Stats) {
        self.problems(stats);
        if self.quiet || !self.tty || self.started.elapsed() < Duration::from_millis(500) {
            return;
        }
        let bar = self.bar.get_or_insert_with(|| {
            // The total is the input files' size; the position counts document text, a
            // little less for JSON Lines, so the estimate errs on the long side.
            let bar = ProgressBar::with_draw_target(
                (stats.input_size > 0).then_some(stats.input_size),
                ProgressDrawTarget::stderr_with_hz(4),
            );
            let template = if stats.input_size > 0 {
                "{bar:30} {percent:>3}% {msg}"
            } else {
                "{spinner} {msg}"
            };
            if let Ok(style) = ProgressStyle::with_template(template) {
                bar.set_style(style);
            }
            bar
        });
        bar.set_position(stats.bytes.min(stats.input_size.max(stats.bytes)));
        let mut msg = format!(
            "{}, {:.0} MB, {:.1} MB/s, {}",
            counted(stats.documents, "document", "documents"),
            stats.bytes as f64 / 1e6,
            stats.mb_per_s(),
            counted(stats.mentions, "mention", "mentions")
        );
        if stats.input_size > stats.bytes && stats.bytes > 0 {
            let left = (stats.input_size - stats.bytes) as f64 / 1e6 / stats.mb_per_s();
            msg.push_str(&format!(
                ", ETA {}",
                fmt_duration(Duration::from_secs_f64(left))
            ));
        }
        bar.set_message(msg);
    }

    pub(crate) fn scan_summary(&mut self, stats: &Stats) {
        self.problems(stats);
        self.clear_progress();
        let skipped = stats
            .problems
            .iter()
            .filter(|p| p.level == Level::Error)
            .count();
        let mut msg = format!(
            "{}, {:.2} MB, {} ({}) in {}, {:.1} MB/s",
            counted(stats.documents, "document", "documents"),
            stats.bytes as f64 / 1e6,
            counted(stats.mentions, "mention", "mentions"),
            per_type(&stats.by_type),
            fmt_duration(stats.elapsed),
            stats.mb_per_s()
        );
        if !stats.discovered_by_type.is_empty() {
            let n: u64 = stats.discovered_by_type.values().sum();
            msg.push_str(&format!(
                "; {} of them of discovered entities ({})",
                n,
                per_type(&stats.discovered_by_type)
            ));
        }
        msg.push_str(&format!(
            "; ambiguous mentions dropped: {}, anchored mentions dropped: {}",
            stats.ambiguous_dropped, stats.anchored_dropped
        ));
        msg.push_str(&nonzero(
            "names read",
            &[
                (stats.places_as_teams, "as teams"),
                (stats.places_in_names, "inside longer names"),
                (stats.places_as_surnames, "as surnames"),
                (stats.demonyms_as_languages, "as languages"),
            ],
        ));
        msg.push_str(&nonzero(
            "shared names decided",
            &[
                (stats.shared_by_state, "by a state's office"),
                (stats.shared_by_company, "by company words"),
                (stats.shared_by_country, "by the country named"),
            ],
        ));
        msg.push_str(&nonzero(
            "anchored names kept",
            &[
                (stats.anchored_by_title, "by a title"),
                (stats.anchored_by_company, "by company words"),
            ],
        ));
        let [jsonl, header, filename] = stats.dated;
        msg.push_str(&nonzero(
            "dated",
            &[
                (jsonl, "by their date field"),
                (header, "by a header"),
                (filename, "by their file name"),
            ],
        ));
        if stats.outside_dates > 0 {
            msg.push_str(&format!(
                "; {} outside --since/--until skipped",
                counted(stats.outside_dates, "document", "documents")
            ));
        }
        if skipped > 0 {
            msg.push_str(&format!(
                "; {} skipped",
                counted(skipped, "input", "inputs")
            ));
        }
        self.line(&msg);
    }

    pub(crate) fn build_summary(&self, g: &Graph, written: &[PathBuf]) {
        let files: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        self.line(&format!(
            "graph: {} ({} dropped by filters), {} kept, {} dropped; wrote {}",
            counted(g.nodes.len(), "entity", "entities"),
            g.meta.nodes_before - g.nodes.len(),
            counted(g.edges.len(), "edge", "edges"),
            g.meta.edges_before - g.edges.len(),
            files.join(", ")
        ));
        if let (Some(period), Some((first, last))) = (g.meta.period, g.meta.dates) {
            self.line(&format!(
                "dates: {first} to {last}; timelines counted by {period}"
            ));
        }
    }

    /// What graph.dot draws when it is an overview.
    pub(crate) fn overview(&self, ov: &Overview) {
        self.line(&format!(
            "graph.dot: an overview of {} and {} ({} without edges left out); --dot full draws all {}",
            counted(ov.graph.nodes.len(), "entity", "entities"),
            counted(ov.graph.edges.len(), "edge", "edges"),
            ov.isolated,
            ov.nodes_total,
        ));
    }
}

/// `n` and the word for `n` things: `1 document`, `2 documents`, `0 documents`.
pub(crate) fn counted<N>(n: N, one: &str, many: &str) -> String
where
    N: Copy + PartialEq + From<u8> + std::fmt::Display,
{
    format!("{n} {}", if n == N::from(1) { one } else { many })
}

pub(crate) fn fmt_duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{:.0} ms", secs * 1e3)
    } else if secs < 60.0 {
        format!("{secs:.2} s")
    } else {
        let s = secs.round() as u64;
        format!("{} min {:02} s", s / 60, s % 60)
    }
}

/// `; <head> <n> <what>, ...` for the counts that are not zero, or nothing.
fn nonzero(head: &str, counts: &[(u64, &str)]) -> String {
    let parts: Vec<String> = counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!("; {head} {}", parts.join(", "))
    }
}

/// Counts by type, `3 person, 2 place` in the map's order; `none` when there is none.
pub(crate) fn per_type<K: std::fmt::Display, N: std::fmt::Display>(
    counts: &std::collections::BTreeMap<K, N>,
) -> String {
    if counts.is_empty() {
        return "none".to_string();
    }
    let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use entgraph::error::{Location, Problem};

    fn stats(n: usize) -> Stats {
        Stats {
            problems: (0..n)
                .map(|i| Problem::note(Location::file(format!("f{i}.txt")), "skipped"))
                .collect(),
            ..Stats::default()
        }
    }

    #[test]
    fn a_second_pass_may_report_fewer_problems_than_the_first_has() {
        let mut rep = Reporter::new(true);
        rep.progress(&stats(2));
        // Fewer problems than shown, whatever the caller forgot: no slice past the end.
        rep.progress(&stats(1));
        rep.next_pass();
        // The second pass has met one problem so far: no slice past its end.
        rep.progress(&stats(1));
        rep.progress(&stats(2));
        assert_eq!(rep.shown_problems, 2);
        assert_eq!(rep.printed.len(), 0, "quiet: notes are not printed");
        let mut loud = Reporter::new(false);
        loud.problems(&stats(2));
        loud.next_pass();
        loud.problems(&stats(2));
        assert_eq!(loud.printed.len(), 2, "each problem once");
    }
}
