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
use crate::corpus::{Parts, Raw, Unit};
use crate::error::{Location, Problem};
use crate::graph::{self, Graph};
use crate::link::{Cooccurrence, DocInput, Linker, Window};
use crate::matcher::{DocEvidence, Scratch};
use crate::model::{Document, Segments};
use crate::segment::segment_into;

/// What `build` produced.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Scan statistics.
    pub stats: Stats,
    /// The graph.
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
                Ok((counts, t)) => {
                    f.counts.merge(counts, self.evidence);
                    tally.merge(t);
                }
                Err(p) => tally.problems.push((seq, p)),
            }
            return None;
        }
        let (segments, linker, counts) = (&mut f.segments, &mut f.linker, &mut f.counts);
        match_piece(
            &self.engine.matcher,
            &mut f.scratch,
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
                linker.add(counts, input);
            },
        );
        None
    }

    fn merge(&self, into: &mut Fold, other: Fold) {
        into.counts.merge(other.counts, self.evidence);
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
    ) -> Result<(Cooccurrence, Tally), Problem> {
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
                    return Ok((counts, tally));
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
        Ok((counts, tally))
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
        part_bytes: run.part_bytes(),
    };
    let (total, mut stats) = driver::run(&job, inputs, run.threads, progress, &mut |(), _| {})?;
    let mentions = total.counts.entities.iter().map(|(&e, c)| (e, c.mentions));
    stats.count_types(&engine.gazetteer, mentions);
    Ok((total.counts, stats))
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
    let (counts, stats) = count(engine, inputs, run, opts, progress)?;
    let graph = graph::build(&counts, &engine.gazetteer, &opts.graph)?;
    Ok(BuildReport { stats, graph })
}
