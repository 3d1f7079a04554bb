//! The pipeline: options in, stages called in order, results and statistics out.
//!
//! Owns [`Options`] (plain data with defaults, no clap types), loading the gazetteers a run
//! asks for, and the streaming driver: documents are read one at a time on a reader
//! thread, gathered in bounded batches, segmented, matched and counted in parallel
//! (rayon), and either handed back in input order (`extract`) or folded into per-worker
//! counts that are merged (`build`), so memory depends on the batches and the graph, not
//! on the corpus, and the output is the same for any number of threads. Must not touch clap, stdout/stderr or
//! exit codes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::corpus::{self, Item, Raw, RawBlocks, Unit};
use crate::error::{GazetteerError, Level, OutputError, Problem};
use crate::export::{self, json::EdgesKey, Format};
use crate::gazetteer::{CasePolicy, Gazetteer, Loader, DEFAULT_PACKS};
use crate::graph::{self, FocusError, Graph, GraphOptions};
use crate::link::{Cooccurrence, DocInput};
use crate::matcher::{BuildError, DocMatches, Matcher, Scratch};
use crate::model::{Document, Segments};
use crate::segment::{segment, segment_into};

/// Everything a run can be told. `Default` gives the documented defaults.
#[derive(Debug, Clone)]
pub struct Options {
    /// Extra gazetteers: files, directories, or embedded pack names.
    pub gazetteers: Vec<String>,
    /// Load the default packs (the world pack).
    pub default_gazetteers: bool,
    /// Case policy for the whole run, overriding each file's.
    pub case: Option<CasePolicy>,
    /// Match demonyms.
    pub demonyms: bool,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Graph options (window, measure, filters).
    pub graph: GraphOptions,
    /// Citations kept per edge.
    pub evidence: usize,
    /// Output formats of `build`.
    pub formats: Vec<Format>,
    /// Key of the edge list in JSON.
    pub edges_key: EdgesKey,
    /// Output directory of `build`.
    pub out_dir: PathBuf,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            gazetteers: Vec::new(),
            default_gazetteers: true,
            case: None,
            demonyms: true,
            threads: 0,
            graph: GraphOptions::default(),
            evidence: 3,
            formats: vec![Format::Dot, Format::Json],
            edges_key: EdgesKey::Links,
            out_dir: PathBuf::from("output"),
        }
    }
}

/// A pipeline failure that stops the run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Gazetteers did not load.
    #[error(transparent)]
    Gazetteer(#[from] GazetteerError),
    /// The automaton could not be built.
    #[error(transparent)]
    Matcher(#[from] BuildError),
    /// The focus entity does not exist.
    #[error(transparent)]
    Focus(#[from] FocusError),
    /// An output file could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// The thread pool could not be started.
    #[error("cannot start worker threads: {0}")]
    Threads(String),
}

/// Loaded gazetteers and the matcher built from them.
#[derive(Debug)]
pub struct Engine {
    /// The merged gazetteers.
    pub gazetteer: Gazetteer,
    /// The matcher.
    pub matcher: Matcher,
    /// Time spent loading and compiling.
    pub load_time: Duration,
    /// How many of `gazetteer.sources()` come from the default packs (they come first).
    pub default_sources: usize,
}

/// Loads the gazetteers `opts` names and builds the matcher.
///
/// # Errors
/// Every gazetteer problem, or an automaton build failure.
pub fn load(opts: &Options) -> Result<Engine, Error> {
    let t = Instant::now();
    let mut loader = Loader::new();
    if opts.default_gazetteers {
        for pack in DEFAULT_PACKS {
            loader.add_embedded(pack);
        }
    }
    let default_sources = loader.sources();
    for g in &opts.gazetteers {
        loader.add_arg(g);
    }
    let gazetteer = loader.finish()?;
    let matcher = Matcher::builder()
        .case(opts.case)
        .demonyms(opts.demonyms)
        .build(&gazetteer)?;
    Ok(Engine {
        gazetteer,
        matcher,
        load_time: t.elapsed(),
        default_sources,
    })
}

/// What a run saw.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    /// Documents processed.
    pub documents: u64,
    /// Bytes of text processed.
    pub bytes: u64,
    /// Mentions emitted.
    pub mentions: u64,
    /// Mentions by entity type.
    pub by_type: BTreeMap<String, u64>,
    /// Mentions of shared aliases dropped for lack of evidence.
    pub ambiguous_dropped: u64,
    /// Mentions of anchored aliases dropped.
    pub anchored_dropped: u64,
    /// Problems met while reading inputs, in order.
    pub problems: Vec<Problem>,
    /// Time spent scanning (reading, segmenting, matching, counting).
    pub elapsed: Duration,
    /// Total size of the input files in bytes (0 when unknown, as for standard input).
    pub input_size: u64,
}

impl Stats {
    /// True when an input was skipped or could not be read (errors, not notes or warnings).
    pub fn had_errors(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Error)
    }

    /// Throughput in MB/s (10^6 bytes).
    pub fn mb_per_s(&self) -> f64 {
        self.bytes as f64 / 1e6 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// One document after the parallel stages.
#[derive(Debug)]
pub struct Processed {
    /// Position in the input.
    pub seq: u64,
    /// The document.
    pub doc: Document,
    /// Its segmentation.
    pub segments: Segments,
    /// Its mentions.
    pub found: DocMatches,
}

/// Batches are cut at this many bytes or documents, whichever comes first.
const BATCH_BYTES: usize = 4 << 20;
const BATCH_DOCS: usize = 4096;

/// Batches read ahead of the workers: reading overlaps matching, memory stays bounded.
const READ_AHEAD: usize = 2;

/// One batch of raw input as the reader hands it over: files and blocks of JSON Lines
/// lines. The reader only reads; splitting lines and decoding (UTF-8, JSON) is left to
/// the workers.
type Batch = Vec<Raw>;

/// Reads `sources` on a thread of its own and calls `each` with every batch, in order.
/// A batch's blocks go back to the reader once `each` is done with them.
fn read_batches(
    sources: Vec<corpus::Source>,
    each: &mut dyn FnMut(&Batch) -> Result<(), Error>,
) -> Result<(), Error> {
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(READ_AHEAD);
        let (give_back, returned) = std::sync::mpsc::channel::<Raw>();
        scope.spawn(move || {
            let mut raw = RawBlocks::new(sources);
            loop {
                for done in returned.try_iter() {
                    raw.recycle(done);
                }
                let mut batch = Vec::new();
                let mut bytes = 0;
                for item in raw.by_ref() {
                    bytes += item.len();
                    batch.push(item);
                    if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS {
                        break;
                    }
                }
                let last = batch.is_empty();
                // The receiver is gone only when the run stopped early.
                if tx.send(batch).is_err() || last {
                    return;
                }
            }
        });
        for batch in rx {
            let last = batch.is_empty();
            each(&batch)?;
            for raw in batch {
                // The reader is gone only at the end of the input.
                let _ = give_back.send(raw);
            }
            if last {
                break;
            }
        }
        Ok(())
    })
}

/// The units of a batch, each with its position in the whole input (counted from
/// `*next`, which is advanced): the same numbers whatever the number of threads.
fn units<'a>(batch: &'a Batch, next: &mut u64) -> Vec<(u64, Unit<'a>)> {
    let mut out = Vec::new();
    for raw in batch {
        for u in raw.units() {
            out.push((*next, u));
            *next += 1;
        }
    }
    out
}

/// A unit decoded: the document (if any) and the problems met, in order.
fn decode(unit: Unit<'_>) -> (Option<Document>, Vec<Problem>) {
    match unit.decode() {
        Some(Item::Document(d)) => {
            let problems = corpus::document_problem(&d).into_iter().collect();
            (Some(d), problems)
        }
        Some(Item::Problem(p)) => (None, vec![p]),
        None => (None, Vec::new()),
    }
}

/// Sum of the sizes of the input files, for progress (standard input counts 0).
fn input_size(sources: &[corpus::Source]) -> u64 {
    sources
        .iter()
        .filter_map(|s| match s {
            corpus::Source::Text(p) | corpus::Source::Jsonl(p) => std::fs::metadata(p).ok(),
            corpus::Source::Stdin => None,
        })
        .map(|m| m.len())
        .sum()
}

fn thread_pool(opts: &Options) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .map_err(|e| Error::Threads(e.to_string()))
}

/// Streams the documents of `inputs` through segmentation and matching and calls `each`
/// with every document in input order. `progress` is called after each batch with the
/// running statistics.
///
/// # Errors
/// Only when the thread pool cannot be started; input problems are collected in the stats.
pub fn scan<S: AsRef<str>>(
    engine: &Engine,
    inputs: &[S],
    opts: &Options,
    progress: &mut dyn FnMut(&Stats),
    each: &mut dyn FnMut(Processed),
) -> Result<Stats, Error> {
    let start = Instant::now();
    let (sources, problems) = corpus::discover(inputs);
    let mut stats = Stats {
        problems,
        input_size: input_size(&sources),
        ..Stats::default()
    };
    let pool = thread_pool(opts)?;
    let mut next = 0;
    read_batches(sources, &mut |batch| {
        let units = units(batch, &mut next);
        let processed: Vec<(Vec<Problem>, Option<Processed>)> = pool.install(|| {
            units
                .into_par_iter()
                .map_init(Scratch::default, |scratch, (seq, unit)| {
                    let (doc, problems) = decode(unit);
                    let processed = doc.map(|doc| {
                        let segments = segment(&doc.text);
                        let found = engine.matcher.find_with(&doc.text, scratch);
                        Processed {
                            seq,
                            doc,
                            segments,
                            found,
                        }
                    });
                    (problems, processed)
                })
                .collect()
        });
        for (problems, p) in processed {
            stats.problems.extend(problems);
            let Some(p) = p else { continue };
            stats.documents += 1;
            stats.bytes += p.doc.text.len() as u64;
            stats.mentions += p.found.mentions.len() as u64;
            stats.ambiguous_dropped += p.found.ambiguous_dropped as u64;
            stats.anchored_dropped += p.found.anchored_dropped as u64;
            for m in &p.found.mentions {
                let kind = &engine.gazetteer.entity(m.entity).kind;
                match stats.by_type.get_mut(kind) {
                    Some(n) => *n += 1,
                    None => {
                        stats.by_type.insert(kind.clone(), 1);
                    }
                }
            }
            each(p);
        }
        stats.elapsed = start.elapsed();
        progress(&stats);
        Ok(())
    })?;
    stats.elapsed = start.elapsed();
    Ok(stats)
}

/// Runs corpus → matcher → [`crate::suggest`] and returns the names the gazetteers do not
/// cover, ranked. Candidates are found in parallel and collected in input order.
///
/// # Errors
/// Only when the thread pool cannot be started; input problems are collected in the stats.
pub fn suggest<S: AsRef<str>>(
    engine: &Engine,
    inputs: &[S],
    opts: &Options,
    suggest: &crate::suggest::SuggestOptions,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Vec<crate::suggest::Suggestion>, Stats), Error> {
    let start = Instant::now();
    let (sources, problems) = corpus::discover(inputs);
    let mut stats = Stats {
        problems,
        input_size: input_size(&sources),
        ..Stats::default()
    };
    let pool = thread_pool(opts)?;
    let known = crate::suggest::Known::new(&engine.gazetteer);
    let mut collector = crate::suggest::Collector::new();
    let mut next = 0;
    read_batches(sources, &mut |batch| {
        let units = units(batch, &mut next);
        type Found = (
            Vec<Problem>,
            Option<(
                usize,
                Vec<crate::model::EntityIndex>,
                crate::suggest::DocCandidates,
            )>,
        );
        let found: Vec<Found> = pool.install(|| {
            units
                .into_par_iter()
                .map_init(Scratch::default, |scratch, (_, unit)| {
                    let (doc, problems) = decode(unit);
                    let found = doc.map(|doc| {
                        let segments = segment(&doc.text);
                        let found = engine.matcher.find_with(&doc.text, scratch);
                        let c = crate::suggest::candidates(
                            &doc.text,
                            &segments,
                            &found.mentions,
                            &known,
                        );
                        let entities = found.mentions.iter().map(|m| m.entity).collect();
                        (doc.text.len(), entities, c)
                    });
                    (problems, found)
                })
                .collect()
        });
        for (problems, found) in found {
            stats.problems.extend(problems);
            let Some((bytes, entities, c)) = found else {
                continue;
            };
            stats.documents += 1;
            stats.bytes += bytes as u64;
            stats.mentions += entities.len() as u64;
            for e in entities {
                *stats
                    .by_type
                    .entry(engine.gazetteer.entity(e).kind.clone())
                    .or_default() += 1;
            }
            collector.add(c);
        }
        stats.elapsed = start.elapsed();
        progress(&stats);
        Ok(())
    })?;
    let out = collector.finish(suggest);
    stats.elapsed = start.elapsed();
    Ok((out, stats))
}

/// What one worker accumulates over the documents it is given.
#[derive(Default)]
struct Fold {
    counts: Cooccurrence,
    documents: u64,
    bytes: u64,
    mentions: u64,
    ambiguous_dropped: u64,
    anchored_dropped: u64,
    scratch: Scratch,
    segments: Segments,
    member: Vec<(u32, crate::model::EntityIndex)>,
    /// Problems met, with the position of the input they belong to.
    problems: Vec<(u64, Problem)>,
}

impl Fold {
    fn merge(mut self, other: Fold, evidence: usize) -> Fold {
        self.counts.merge(other.counts, evidence);
        self.documents += other.documents;
        self.bytes += other.bytes;
        self.mentions += other.mentions;
        self.ambiguous_dropped += other.ambiguous_dropped;
        self.anchored_dropped += other.anchored_dropped;
        self.problems.extend(other.problems);
        self
    }
}

/// Running totals the workers of [`count`] publish for progress.
#[derive(Default)]
struct Live {
    documents: std::sync::atomic::AtomicU64,
    bytes: std::sync::atomic::AtomicU64,
    mentions: std::sync::atomic::AtomicU64,
}

impl Live {
    fn add(&self, documents: u64, bytes: u64, mentions: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        self.documents.fetch_add(documents, Relaxed);
        self.bytes.fetch_add(bytes, Relaxed);
        self.mentions.fetch_add(mentions, Relaxed);
    }

    fn fill(&self, stats: &mut Stats) {
        use std::sync::atomic::Ordering::Relaxed;
        stats.documents = self.documents.load(Relaxed);
        stats.bytes = self.bytes.load(Relaxed);
        stats.mentions = self.mentions.load(Relaxed);
    }
}

/// Decodes, segments, matches and counts one unit into `f`.
fn fold_unit(
    engine: &Engine,
    f: &mut Fold,
    seq: u64,
    unit: Unit<'_>,
    window: crate::link::Window,
    evidence: usize,
) {
    let (doc, problems) = decode(unit);
    f.problems.extend(problems.into_iter().map(|p| (seq, p)));
    let Some(doc) = doc else { return };
    segment_into(&doc.text, &mut f.segments);
    let found = engine.matcher.find_with(&doc.text, &mut f.scratch);
    f.documents += 1;
    f.bytes += doc.text.len() as u64;
    f.mentions += found.mentions.len() as u64;
    f.ambiguous_dropped += found.ambiguous_dropped as u64;
    f.anchored_dropped += found.anchored_dropped as u64;
    let input = DocInput {
        seq,
        id: &doc.id,
        text: &doc.text,
        segments: &f.segments,
        mentions: &found.mentions,
    };
    f.counts.add(input, window, evidence, &mut f.member);
}

/// Runs corpus → matcher → link and returns the counts. Each worker folds the documents
/// it is given into counts of its own; the counts are then merged, and since merging adds
/// counts and keeps the earliest citations, the result does not depend on which worker
/// saw which document.
///
/// # Errors
/// Only when the thread pool cannot be started; input problems are collected in the stats.
pub fn count<S: AsRef<str>>(
    engine: &Engine,
    inputs: &[S],
    opts: &Options,
    progress: &mut dyn FnMut(&Stats),
) -> Result<(Cooccurrence, Stats), Error> {
    let start = Instant::now();
    let (sources, problems) = corpus::discover(inputs);
    let mut stats = Stats {
        problems,
        input_size: input_size(&sources),
        ..Stats::default()
    };
    let threads = match opts.threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    let window = opts.graph.window;
    let evidence = opts.evidence;
    // Free-running workers, no barrier: each takes the next piece of input (a file or a
    // block of lines) from the reader and folds it into counts of its own. A document's
    // position is (piece, unit in piece), so citations keep input order whoever counts.
    let (tx, rx) = std::sync::mpsc::sync_channel::<(u64, Raw)>(READ_AHEAD * threads);
    let rx = std::sync::Mutex::new(rx);
    let live = Live::default();
    let folds: Vec<Fold> = std::thread::scope(|scope| {
        // Workers give the blocks they are done with back to the reader, which reads into
        // them again.
        let (give_back, returned) = std::sync::mpsc::channel::<Raw>();
        scope.spawn(move || {
            let mut blocks = RawBlocks::new(sources);
            let mut i = 0u64;
            loop {
                for done in returned.try_iter() {
                    blocks.recycle(done);
                }
                let Some(raw) = blocks.next() else { return };
                // The receivers are gone only when the run stopped early.
                if tx.send((i, raw)).is_err() {
                    return;
                }
                i += 1;
            }
        });
        let (done, finished) = std::sync::mpsc::channel::<Fold>();
        for _ in 0..threads {
            let (rx, live, done, give_back) = (&rx, &live, done.clone(), give_back.clone());
            scope.spawn(move || {
                let mut f = Fold::default();
                loop {
                    let next = match rx.lock() {
                        Ok(rx) => rx.recv(),
                        Err(_) => break,
                    };
                    let Ok((piece, raw)) = next else { break };
                    let before = (f.documents, f.bytes, f.mentions);
                    for (k, unit) in raw.units().enumerate() {
                        fold_unit(
                            engine,
                            &mut f,
                            piece << 32 | k as u64,
                            unit,
                            window,
                            evidence,
                        );
                    }
                    live.add(
                        f.documents - before.0,
                        f.bytes - before.1,
                        f.mentions - before.2,
                    );
                    // The reader is gone only at the end of the input.
                    let _ = give_back.send(raw);
                }
                // The receiver waits for every worker's counts.
                let _ = done.send(f);
            });
        }
        drop(done);
        // Progress while the workers run; their counts as they finish.
        let mut folds = Vec::with_capacity(threads);
        loop {
            match finished.recv_timeout(Duration::from_millis(100)) {
                Ok(f) => folds.push(f),
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                    live.fill(&mut stats);
                    stats.elapsed = start.elapsed();
                    progress(&stats);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
        }
        folds
    });
    let mut total = folds
        .into_iter()
        .fold(Fold::default(), |a, b| a.merge(b, evidence));
    // Problems in input order, whichever worker met them.
    let mut problems = std::mem::take(&mut total.problems);
    problems.sort_by_key(|&(seq, _)| seq);
    stats.problems.extend(problems.into_iter().map(|(_, p)| p));
    stats.documents = total.documents;
    stats.bytes = total.bytes;
    stats.mentions = total.mentions;
    stats.ambiguous_dropped = total.ambiguous_dropped;
    stats.anchored_dropped = total.anchored_dropped;
    stats.elapsed = start.elapsed();
    progress(&stats);
    for (&e, c) in &total.counts.entities {
        *stats
            .by_type
            .entry(engine.gazetteer.entity(e).kind.clone())
            .or_default() += c.mentions;
    }
    stats.elapsed = start.elapsed();
    Ok((total.counts, stats))
}

/// What `build` wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// Scan statistics.
    pub stats: Stats,
    /// The graph written.
    pub graph: Graph,
    /// Files written.
    pub written: Vec<PathBuf>,
}

/// Runs the whole pipeline and writes the requested formats into `opts.out_dir`,
/// atomically.
///
/// # Errors
/// A focus entity that does not exist, an output directory that cannot be written, or a
/// thread pool that cannot start.
pub fn build<S: AsRef<str>>(
    engine: &Engine,
    inputs: &[S],
    opts: &Options,
    progress: &mut dyn FnMut(&Stats),
) -> Result<BuildReport, Error> {
    let (counts, stats) = count(engine, inputs, opts, progress)?;
    let graph = graph::build(&counts, &engine.gazetteer, &opts.graph)?;
    std::fs::create_dir_all(&opts.out_dir).map_err(|source| OutputError {
        path: opts.out_dir.clone(),
        source,
    })?;
    let mut written = Vec::new();
    for format in &opts.formats {
        let path = opts.out_dir.join(format.file_name());
        match format {
            Format::Dot => export::write_atomic(&path, |w| export::dot::write(&graph, w))?,
            Format::Json => {
                export::write_atomic(&path, |w| export::json::write(&graph, opts.edges_key, w))?
            }
        }
        written.push(path);
    }
    Ok(BuildReport {
        stats,
        graph,
        written,
    })
}
