//! The job of `entgraph build`: co-occurrence counts folded per worker and merged, then
//! the graph.
//!
//! Owns [`count`] and [`build`]. This is the benchmarked path: a worker reuses its
//! buffers across documents, so a document costs no allocation or locking beyond what
//! matching and counting need. A document's position is `piece << 32 | unit in piece`, so
//! citations and problems keep input order whoever counts them. Must not choose or write
//! output files: the caller writes the [`Graph`] returned.

use std::path::PathBuf;

use super::driver::{self, match_piece, Dating, Job, Tally};
use super::{BuildOptions, Engine, Error, RunOptions, Stats};
use crate::corpus::dates::{Day, Period};
use crate::corpus::{Parts, Raw, Unit};
use crate::error::{Location, Problem};
use crate::graph::{self, Graph};
use crate::link::{Cooccurrence, DocInput, Linker, Window};
use crate::matcher::{DocEvidence, Scratch};
use crate::model::{Document, EntityId, Segments};
use crate::segment::segment_into;
use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;

/// What `build` produced.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Scan statistics.
    pub stats: Stats,
    /// The graph.
    pub graph: Graph,
    /// With [`BuildOptions::by_period`], the graph of each period's dated documents, in
    /// time order.
    pub periods: Vec<PeriodGraph>,
}

/// The graph of one period's documents.
#[derive(Debug, Clone)]
pub struct PeriodGraph {
    /// The period's name: `2019-04-18`, `2019-W16`, `2019-04`, `2019`.
    pub name: String,
    /// Its first and last day.
    pub span: (Day, Day),
    /// The graph of its documents.
    pub graph: Graph,
}

/// The job: count every document into the worker's counts.
struct Count<'a> {
    engine: &'a Engine,
    window: Window,
    evidence: usize,
    snippets: bool,
    /// How documents are dated, and the range counted.
    dating: Dating,
    /// Count each period's dated documents apart, in periods of this.
    by_period: Option<Period>,
    /// Text files longer than this are read in parts of about this size.
    part_bytes: usize,
}

/// What one worker accumulates over the documents it is given, and its buffers.
struct Fold {
    counts: Cooccurrence,
    scratch: Scratch,
    segments: Segments,
    linker: Linker,
    /// The text of a part of a long document.
    part: String,
    /// With `by_period`, the counts of each period's dated documents (and `counts` those
    /// of the undated ones).
    periods: BTreeMap<String, (Day, Cooccurrence)>,
}

/// The counts a document dated `date` goes into: its period's with `by_period`, else
/// `counts`.
fn counts_for<'a>(
    counts: &'a mut Cooccurrence,
    periods: &'a mut BTreeMap<String, (Day, Cooccurrence)>,
    by_period: Option<Period>,
    date: Option<Day>,
) -> &'a mut Cooccurrence {
    match (by_period, date) {
        (Some(period), Some(day)) => {
            &mut periods
                .entry(period.name(day))
                .or_insert_with(|| (period.bounds(day).0, Cooccurrence::default()))
                .1
        }
        _ => counts,
    }
}

impl Job for Count<'_> {
    type Worker = Fold;
    /// Nothing goes back in order: counts are merged at the end.
    type Output = ();

    fn worker(&self) -> Fold {
        Fold {
            counts: Cooccurrence::default(),
            scratch: Scratch::default(),
            segments: Segments::default(),
            linker: Linker::new(self.window, self.evidence).with_snippets(self.snippets),
            part: String::new(),
            periods: BTreeMap::new(),
        }
    }

    fn long_above(&self) -> Option<usize> {
        Some(self.part_bytes)
    }

    fn piece(&self, f: &mut Fold, tally: &mut Tally, piece: u64, raw: &Raw) -> Option<()> {
        if let Raw::Long { id, path } = raw {
            // The document is the piece's only unit.
            let seq = piece << 32;
            match self.long(f, tally, seq, id, path) {
                Ok((counts, date, t)) => {
                    counts_for(&mut f.counts, &mut f.periods, self.by_period, date)
                        .merge(counts, self.evidence);
                    tally.merge(t);
                }
                Err(p) => tally.problems.push((seq, p)),
            }
            return None;
        }
        let by_period = self.by_period;
        let Fold {
            counts,
            scratch,
            segments,
            linker,
            periods,
            ..
        } = f;
        match_piece(
            &self.engine.matcher,
            scratch,
            tally,
            piece,
            raw,
            Some(&self.dating),
            |tally, seq, p| tally.problems.push((seq, p)),
            |seq, _, doc, date, found| {
                segment_into(&doc.text, segments);
                let input = DocInput {
                    seq,
                    id: &doc.id,
                    text: &doc.text,
                    segments,
                    mentions: &found.mentions,
                    date,
                };
                linker.add(counts_for(counts, periods, by_period, date), input);
            },
        );
        None
    }

    fn merge(&self, into: &mut Fold, other: Fold) {
        into.counts.merge(other.counts, self.evidence);
        for (name, (first, counts)) in other.periods {
            into.periods
                .entry(name)
                .or_insert_with(|| (first, Cooccurrence::default()))
                .1
                .merge(counts, self.evidence);
        }
    }
}

impl Count<'_> {
    /// Counts a document too long to hold whole, at input position `seq`, in two passes
    /// over its parts: the first gathers the evidence the sense rules need (which entities
    /// the document names, how often, where first), the second matches, segments and
    /// counts each part with it. Returns the document's counts and tally, to be added only
    /// once the whole document is read: one that cannot be read to its end (or changes
    /// between the passes) is skipped whole, with the problem. Each pass shows half of
    /// each part's bytes in `shown`'s progress.
    fn long(
        &self,
        f: &mut Fold,
        shown: &mut Tally,
        seq: u64,
        id: &str,
        path: &PathBuf,
    ) -> Result<(Cooccurrence, Option<Day>, Tally), Problem> {
        let matcher = &self.engine.matcher;
        let mut parts = Parts::new(id, path, self.part_bytes)?;
        let mut evidence = DocEvidence::default();
        let mut length = 0;
        while let Some(p) = parts.next_part(&mut f.part)? {
            matcher.gather(&f.part, p.offset, &mut evidence, &mut f.scratch);
            length = p.offset + f.part.len();
            shown.progress(f.part.len() as u64 / 2);
        }
        parts.rewind()?;
        let mut counts = Cooccurrence::default();
        let mut tally = Tally::default();
        let mut date = None;
        while let Some(p) = parts.next_part(&mut f.part)? {
            let text = f.part.as_str();
            if p.offset == 0 {
                // The date is in the file name or a header at the top.
                let mut head = text.len().min(8192);
                while !text.is_char_boundary(head) {
                    head -= 1;
                }
                let doc = Document {
                    id: id.to_string(),
                    text: text[..head].to_string(),
                    meta: Default::default(),
                };
                let unit = Unit::File { id, bytes: &[] };
                date = match self.dating.date(&doc, &unit, &mut tally) {
                    Ok(date) => date,
                    Err(problem) => {
                        tally.problems.push((seq, problem));
                        None
                    }
                };
                if !self.dating.keeps(date) {
                    tally.outside += 1;
                    return Ok((counts, date, tally));
                }
            }
            let found = matcher.find_part(text, p.offset, &evidence, &mut f.scratch);
            tally.part(text.len(), &found);
            shown.progress((text.len() - text.len() / 2) as u64);
            segment_into(text, &mut f.segments);
            let input = DocInput {
                seq,
                id,
                text,
                segments: &f.segments,
                mentions: &found.mentions,
                date,
            };
            f.linker.add_part(&mut counts, input, p.offset, p.last);
            if p.last && p.offset + text.len() != length {
                return Err(Problem::error(
                    Location::file(parts.id()),
                    "the file changed while it was read; skipped".to_string(),
                ));
            }
        }
        tally.documents = 1;
        Ok((counts, date, tally))
    }
}

/// Runs corpus → matcher → link and returns the counts. Each worker folds the documents
/// it is given into counts of its own; the counts are then merged, and since merging adds
/// counts and keeps the earliest citations, the result does not depend on which worker
/// saw which document.
///
/// # Errors
/// Only when the worker threads cannot be started; input problems are collected in the
/// stats, in input order.
pub fn count<S: AsRef<std::path::Path>>(
    engine: &Engine,
    inputs: &[S],
    run: &RunOptions,
    opts: &BuildOptions,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Cooccurrence, Stats), Error> {
    let (mut total, periods, stats) = count_periods(engine, inputs, run, opts, progress)?;
    for (_, (_, counts)) in periods {
        total.merge(counts, opts.evidence);
    }
    Ok((total, stats))
}

/// [`count`], with the counts of each period's documents apart when
/// [`BuildOptions::by_period`] asks for it (the first counts are then those of the undated
/// documents only): each period by name, with its first day.
#[allow(clippy::type_complexity)]
fn count_periods<S: AsRef<std::path::Path>>(
    engine: &Engine,
    inputs: &[S],
    run: &RunOptions,
    opts: &BuildOptions,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Cooccurrence, BTreeMap<String, (Day, Cooccurrence)>, Stats), Error> {
    let job = Count {
        engine,
        window: opts.graph.window,
        evidence: opts.evidence,
        snippets: opts.snippets,
        dating: Dating {
            source: opts.dates,
            since: opts.since,
            until: opts.until,
        },
        by_period: opts.by_period,
        part_bytes: run.part_bytes(),
    };
    let (total, mut stats) = driver::run(&job, inputs, run.threads, progress, &mut |(), _| {})?;
    let mut mentions: HashMap<EntityId, u64> = HashMap::default();
    let every = std::iter::once(&total.counts).chain(total.periods.values().map(|p| &p.1));
    for counts in every {
        for (&e, c) in &counts.entities {
            *mentions.entry(e).or_default() += c.mentions;
        }
    }
    stats.count_types(&engine.gazetteer, mentions);
    Ok((total.counts, total.periods, stats))
}

/// Runs the whole pipeline and returns the graph, for the caller to write (see
/// [`crate::export`]).
///
/// # Errors
/// A type filter naming a type no entity has (before anything is read), a focus entity
/// that does not exist, or worker threads that cannot start.
pub fn build<S: AsRef<std::path::Path>>(
    engine: &Engine,
    inputs: &[S],
    run: &RunOptions,
    opts: &BuildOptions,
    progress: &mut dyn FnMut(&Stats),
) -> Result<BuildReport, Error> {
    graph::check_types(&opts.graph.filters, &engine.gazetteer)?;
    let (mut total, periods, stats) = count_periods(engine, inputs, run, opts, progress)?;
    let mut graphs = Vec::with_capacity(periods.len());
    for (name, (first, counts)) in periods {
        let period = opts.by_period.unwrap_or_default();
        // A focus entity absent from one period gives that period an empty graph.
        let graph = graph::build(&counts, &engine.gazetteer, &opts.graph).unwrap_or_default();
        total.merge(counts, opts.evidence);
        graphs.push(PeriodGraph {
            name,
            span: period.bounds(first),
            graph,
        });
    }
    let graph = graph::build(&total, &engine.gazetteer, &opts.graph)?;
    Ok(BuildReport {
        stats,
        graph,
        periods: graphs,
    })
}
