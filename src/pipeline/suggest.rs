//! The job of `entgraph suggest`: the names the gazetteers miss, found per document in
//! parallel and collected in input order.
//!
//! Owns [`suggest()`]: workers segment, match and find candidates; each piece's candidates
//! go to the caller's thread in input order, where [`crate::suggest::Collector`] gathers
//! them. Must not rank or format suggestions: that is [`crate::suggest`]'s.

use super::driver::{self, match_piece, EntityMentions, Job, Tally};
use super::LoadOptions;
use super::{Engine, Error, RunOptions, Stats};
use crate::corpus::Raw;
use crate::error::Problem;
use crate::matcher::Scratch;
use crate::model::Segments;
use crate::segment::segment_into;
use crate::suggest::{
    candidates_with, discovered, Collector, Discovered, DocCandidates, Known, Seen, SuggestOptions,
    Suggestion,
};

/// The job: candidates of each document, handed back in order.
struct Suggest<'a> {
    engine: &'a Engine,
    known: &'a Known,
    /// Make each name's example (`suggest` shows them; `--discover` does not).
    examples: bool,
}

/// A worker's state.
#[derive(Default)]
struct Worker {
    scratch: Scratch,
    segments: Segments,
    mentions: EntityMentions,
    /// The runs it has handed on and the case of the words it has met.
    seen: Seen,
}

/// One piece's problems and candidates, in input order.
struct Piece {
    problems: Vec<Problem>,
    candidates: Vec<DocCandidates>,
}

impl Job for Suggest<'_> {
    type Worker = Worker;
    type Output = Piece;

    fn worker(&self) -> Worker {
        Worker::default()
    }

    fn piece(&self, w: &mut Worker, tally: &mut Tally, piece: u64, raw: &Raw) -> Option<Piece> {
        let mut out = Piece {
            problems: Vec::new(),
            candidates: Vec::new(),
        };
        let (problems, found_names, segments, mentions, seen) = (
            &mut out.problems,
            &mut out.candidates,
            &mut w.segments,
            &mut w.mentions,
            &mut w.seen,
        );
        match_piece(
            &self.engine.matcher,
            &mut w.scratch,
            tally,
            piece,
            raw,
            None,
            |_, _, p| problems.push(p),
            |_, _, doc, _, found| {
                segment_into(&doc.text, segments);
                found_names.push(candidates_with(
                    &doc.text,
                    segments,
                    &found.mentions,
                    self.known,
                    seen,
                    self.examples,
                ));
                mentions.add(&found);
            },
        );
        Some(out)
    }

    fn merge(&self, into: &mut Worker, other: Worker) {
        into.mentions.merge(other.mentions);
        into.seen.merge_words(other.seen);
    }
}

/// Runs corpus → matcher → [`crate::suggest`] and returns the names the gazetteers do not
/// cover, ranked. Candidates are found in parallel and collected in input order.
///
/// # Errors
/// Only when the worker threads cannot be started; input problems are collected in the
/// stats, in input order.
pub fn suggest<S: AsRef<std::path::Path>>(
    engine: &Engine,
    inputs: &[S],
    run: &RunOptions,
    suggest: &SuggestOptions,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Vec<Suggestion>, Stats), Error> {
    let known = Known::new(&engine.gazetteer);
    collect(engine, &known, inputs, run, suggest, progress, true)
}

/// [`suggest()`], with or without examples; `known` is what `engine`'s gazetteers cover.
fn collect<S: AsRef<std::path::Path>>(
    engine: &Engine,
    known: &Known,
    inputs: &[S],
    run: &RunOptions,
    suggest: &SuggestOptions,
    progress: &mut dyn FnMut(&Stats),
    examples: bool,
) -> Result<(Vec<Suggestion>, Stats), Error> {
    let job = Suggest {
        engine,
        known,
        examples,
    };
    let mut collector = Collector::for_known(known);
    let (total, mut stats) =
        driver::run(&job, inputs, run.threads, progress, &mut |piece, stats| {
            stats.problems.extend(piece.problems);
            for c in piece.candidates {
                collector.add(c);
            }
        })?;
    collector.add_seen(total.seen);
    stats.count_types(&engine.gazetteer, total.mentions.into_counts());
    // Ranking is part of the run's time.
    let ranking = std::time::Instant::now();
    let out = collector.finish(suggest);
    stats.elapsed += ranking.elapsed();
    Ok((out, stats))
}

/// `--discover`: loads the gazetteers `load` names, finds the names they miss in `inputs`
/// (as [`discover_names`] does), and loads them again with the typed names seen in at
/// least `min_docs` documents as discovered entities (see [`crate::suggest::discovered`]).
/// Returns the engine that knows them, what was discovered, and the first pass's stats.
/// The corpus is read twice: standard input (`-`) is kept in memory once read, so that
/// the second pass reads the same document.
///
/// # Errors
/// As [`super::load`] and [`suggest()`].
pub fn discover<S: AsRef<std::path::Path>>(
    load: &LoadOptions,
    inputs: &[S],
    run: &RunOptions,
    min_docs: u64,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Engine, Discovered, Stats), Error> {
    if inputs
        .iter()
        .any(|p| p.as_ref() == std::path::Path::new("-"))
    {
        crate::corpus::keep_stdin();
    }
    let (found, stats) = discover_names(load, inputs, run, min_docs, progress)?;
    let mut load = load.clone();
    load.texts.push((
        super::DISCOVERED_SOURCE.to_string(),
        found.gazetteer.clone(),
    ));
    let engine = super::load(&load)?;
    Ok((engine, found, stats))
}

/// The first pass of [`discover`] alone: loads the gazetteers `load` names and finds the
/// names they miss in `inputs`, typed, as the gazetteer of discovered entities
/// ([`Discovered::gazetteer`]). Saved to a file and loaded after the same gazetteers
/// ([`LoadOptions::discovered`]), it gives a run exactly the entities `--discover` gives
/// it: so the discovery of a corpus can be reviewed, reused, and shared by the shards of a
/// corpus counted apart.
///
/// # Errors
/// As [`super::load`] and [`suggest()`].
pub fn discover_names<S: AsRef<std::path::Path>>(
    load: &LoadOptions,
    inputs: &[S],
    run: &RunOptions,
    min_docs: u64,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Discovered, Stats), Error> {
    let first = super::load(load)?;
    discover_names_with(&first, inputs, run, min_docs, progress)
}

/// [`discover_names`] with the gazetteers loaded already (`first`, as [`super::load`]
/// returns them), so that the caller can report them (their warnings, what was set aside)
/// before the pass.
///
/// # Errors
/// As [`suggest()`].
pub fn discover_names_with<S: AsRef<std::path::Path>>(
    first: &Engine,
    inputs: &[S],
    run: &RunOptions,
    min_docs: u64,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Discovered, Stats), Error> {
    let known = Known::new(&first.gazetteer);
    let (found, stats) = collect(
        first,
        &known,
        inputs,
        run,
        &SuggestOptions::default(),
        progress,
        false,
    )?;
    Ok((discovered(&found, min_docs.max(1), &known), stats))
}
