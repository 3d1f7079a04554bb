//! The job of `entgraph extract`: every document segmented and matched, handed to the
//! caller in input order.
//!
//! Owns [`scan`] and [`Processed`]. Each piece's documents and problems go back to the
//! caller's thread as one ordered output; mentions are counted by entity per worker and by
//! type at the end. Must not write anything: the caller's sink decides what becomes of a
//! document.

use super::driver::{self, match_piece, EntityMentions, Job, Tally};
use super::{Engine, Error, RunOptions, Stats};
use crate::corpus::Raw;
use crate::error::Problem;
use crate::matcher::{DocMatches, Scratch};
use crate::model::{Document, Segments};
use crate::segment::segment;

/// One document after the parallel stages.
#[derive(Debug)]
pub struct Processed {
    /// Position in the input: the number of units (documents, problems) before it.
    pub seq: u64,
    /// The document.
    pub doc: Document,
    /// Its segmentation.
    pub segments: Segments,
    /// Its mentions.
    pub found: DocMatches,
}

/// The job: segment and match, hand back each piece's documents in order.
struct Extract<'a> {
    engine: &'a Engine,
}

/// A worker's state.
#[derive(Default)]
struct Worker {
    scratch: Scratch,
    mentions: EntityMentions,
}

/// One piece's documents and problems, in input order.
struct Piece {
    /// Units in the piece: the `seq` of the next piece's first unit is this much further.
    units: u64,
    /// Problems met, in order.
    problems: Vec<Problem>,
    /// The documents, `seq` counted from the piece's first unit.
    processed: Vec<Processed>,
}

impl Job for Extract<'_> {
    type Worker = Worker;
    type Output = Piece;

    fn worker(&self) -> Worker {
        Worker::default()
    }

    fn piece(&self, w: &mut Worker, tally: &mut Tally, piece: u64, raw: &Raw) -> Option<Piece> {
        let mut out = Piece {
            units: 0,
            problems: Vec::new(),
            processed: Vec::new(),
        };
        let (problems, processed, mentions) =
            (&mut out.problems, &mut out.processed, &mut w.mentions);
        out.units = match_piece(
            &self.engine.matcher,
            &mut w.scratch,
            tally,
            piece,
            raw,
            None,
            |_, _, p| problems.push(p),
            |_, k, doc, _, found| {
                mentions.add(&found);
                processed.push(Processed {
                    seq: k as u64,
                    segments: segment(&doc.text),
                    doc,
                    found,
                });
            },
        );
        Some(out)
    }

    fn merge(&self, into: &mut Worker, other: Worker) {
        into.mentions.merge(other.mentions);
    }
}

/// Streams the documents of `inputs` through segmentation and matching and calls `each`
/// with every document in input order, on the calling thread. `progress` is called with
/// the running statistics about every 100 ms and at the end.
///
/// # Errors
/// Only when the worker threads cannot be started; input problems are collected in the
/// stats, in input order.
pub fn scan<S: AsRef<std::path::Path>>(
    engine: &Engine,
    inputs: &[S],
    run: &RunOptions,
    progress: &mut dyn FnMut(&Stats),
    each: &mut dyn FnMut(Processed),
) -> Result<Stats, Error> {
    let job = Extract { engine };
    // Units before the next piece's first.
    let mut seq = 0;
    let (total, mut stats) =
        driver::run(&job, inputs, run.threads, progress, &mut |piece, stats| {
            stats.problems.extend(piece.problems);
            for mut p in piece.processed {
                p.seq += seq;
                each(p);
            }
            seq += piece.units;
        })?;
    stats.count_types(&engine.gazetteer, total.mentions.into_counts());
    Ok(stats)
}
