//! The one streaming driver every command runs on: a reader thread, free-running worker
//! threads, and the caller's thread collecting results.
//!
//! The reader reads the inputs in pieces ([`RawBlocks`]: a text file whole, or a block of
//! JSON Lines lines) and numbers them; each worker takes the next piece from one queue and
//! processes it with a [`Job`] into state of its own, with no barrier between workers. A
//! piece may give an output that must reach the caller in input order: the caller's
//! thread delivers those in piece order (a reorder buffer keyed by piece number). Pieces
//! in flight are bounded by tokens: the reader takes one before reading a piece and gets
//! it back once the piece is delivered (or, for a piece without output, once it is
//! processed), so a slow piece stalls the reader instead of letting outputs pile up.
//! Processed buffers go back to the reader to be read into again. Progress comes from
//! shared counters every ~100 ms. At the end the workers' states are merged.
//!
//! Owns [`Job`], [`Tally`] (the counters every job keeps, and problems keyed by input
//! position) and the decoding of a unit, which remembers each JSON Lines document's id (a
//! hash, its position and its line: 24 bytes a document; the file once a piece) so that ids
//! used twice are warned about at the end. Must not know what a job computes: segmenting,
//! matching and counting are the jobs'.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Error, Stats};
use crate::corpus::dates::{date_of, DateSource, Day};
use crate::corpus::{self, Raw, RawBlocks, Source, Unit};
use crate::error::{Location, Problem};
use crate::matcher::{DocMatches, Matcher, Scratch};
use crate::model::{Document, EntityId};
use rustc_hash::FxHashMap;

/// Pieces queued ahead of each worker: reading overlaps processing, memory stays bounded.
const READ_AHEAD: usize = 2;

/// How often progress is reported.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// What a command does with the pieces of input: per-worker state, the processing of one
/// piece, and the merge of the workers' states at the end.
pub(super) trait Job: Sync {
    /// What one worker accumulates over the pieces it is given.
    type Worker: Send;
    /// What a piece hands back to the caller, in input order.
    type Output: Send;

    /// A worker's state before its first piece.
    fn worker(&self) -> Self::Worker;

    /// Text files longer than this come to [`Job::piece`] unread, as [`Raw::Long`], for
    /// the job to read in parts; `None` (the default): every file is read whole.
    fn long_above(&self) -> Option<usize> {
        None
    }

    /// Processes piece number `piece` into the worker's state and `tally`; returns what
    /// must reach the caller in input order, if anything.
    fn piece(
        &self,
        worker: &mut Self::Worker,
        tally: &mut Tally,
        piece: u64,
        raw: &Raw,
    ) -> Option<Self::Output>;

    /// Adds `other`'s state to `into`; the result must not depend on which worker
    /// processed which piece.
    fn merge(&self, into: &mut Self::Worker, other: Self::Worker);
}

/// The counters every job keeps per worker, and the problems it chose to key by input
/// position (sorted into [`Stats::problems`] at the end).
#[derive(Debug, Default)]
pub(super) struct Tally {
    /// Documents processed.
    pub(super) documents: u64,
    /// Bytes of text processed.
    pub(super) bytes: u64,
    /// Mentions emitted.
    pub(super) mentions: u64,
    /// Mentions of shared aliases dropped.
    pub(super) ambiguous_dropped: u64,
    /// Mentions of anchored aliases dropped.
    pub(super) anchored_dropped: u64,
    /// Mentions the context rules decided: teams, inside names, surnames, languages.
    pub(super) context: [u64; 4],
    /// Shared names decided by a cue: a state's office, company words, the country.
    pub(super) cues: [u64; 5],
    /// Documents dated by their JSON Lines field, a header, their file name.
    pub(super) dated: [u64; 3],
    /// Documents skipped as outside the dates asked for (`--since`, `--until`).
    pub(super) outside: u64,
    /// Problems with the position of the unit they belong to.
    pub(super) problems: Vec<(u64, Problem)>,
    /// The ids of the JSON Lines documents read.
    pub(super) ids: Vec<SeenId>,
    /// The JSON Lines file of each piece whose ids are in `ids`, by piece number.
    pub(super) id_files: Vec<(u64, Arc<str>)>,
    /// Where a piece that takes long (a long document read in parts) shows its progress
    /// before it is done; set by the driver.
    live: Option<Arc<Live>>,
    /// Bytes shown that way during the current piece.
    shown: u64,
}

/// Mentions by entity over the documents one worker matched, for the counts by type of
/// the jobs that keep no co-occurrence counts (`extract`, `suggest`).
#[derive(Debug, Default)]
pub(super) struct EntityMentions(FxHashMap<EntityId, u64>);

impl EntityMentions {
    /// Counts the mentions of one document.
    pub(super) fn add(&mut self, found: &DocMatches) {
        for m in &found.mentions {
            *self.0.entry(m.entity).or_default() += 1;
        }
    }

    /// Adds another worker's counts.
    pub(super) fn merge(&mut self, other: EntityMentions) {
        for (e, n) in other.0 {
            *self.0.entry(e).or_default() += n;
        }
    }

    /// The counts, `(entity, mentions)`, in no particular order.
    pub(super) fn into_counts(self) -> impl Iterator<Item = (EntityId, u64)> {
        self.0.into_iter()
    }
}

impl Tally {
    /// Counts one matched document of `bytes` bytes.
    pub(super) fn document(&mut self, bytes: usize, found: &DocMatches) {
        self.documents += 1;
        self.part(bytes, found);
    }

    /// Counts one matched part of `bytes` bytes of a document read in parts.
    pub(super) fn part(&mut self, bytes: usize, found: &DocMatches) {
        self.bytes += bytes as u64;
        self.mentions += found.mentions.len() as u64;
        self.ambiguous_dropped += found.ambiguous_dropped as u64;
        self.anchored_dropped += found.anchored_dropped as u64;
        let c = &found.context;
        for (total, n) in
            self.context
                .iter_mut()
                .zip([c.teams, c.in_names, c.surnames, c.languages])
        {
            *total += n as u64;
        }
        let c = &found.cues;
        for (total, n) in
            self.cues
                .iter_mut()
                .zip([c.state, c.company, c.country, c.title, c.company_words])
        {
            *total += n as u64;
        }
    }

    /// Shows `bytes` more of the current piece processed in the run's progress, before the
    /// piece is done (when it is, its own counts replace these).
    pub(super) fn progress(&mut self, bytes: u64) {
        if let Some(live) = &self.live {
            live.partial.fetch_add(bytes, Relaxed);
            self.shown += bytes;
        }
    }

    /// Adds `other`'s counts and problems.
    pub(super) fn merge(&mut self, other: Tally) {
        self.documents += other.documents;
        self.bytes += other.bytes;
        self.mentions += other.mentions;
        self.ambiguous_dropped += other.ambiguous_dropped;
        self.anchored_dropped += other.anchored_dropped;
        for (total, n) in self.context.iter_mut().zip(other.context) {
            *total += n;
        }
        for (total, n) in self.dated.iter_mut().zip(other.dated) {
            *total += n;
        }
        self.outside += other.outside;
        for (total, n) in self.cues.iter_mut().zip(other.cues) {
            *total += n;
        }
        self.problems.extend(other.problems);
        self.ids.extend(other.ids);
        self.id_files.extend(other.id_files);
    }
}

/// Running totals the workers publish for progress.
#[derive(Debug, Default)]
struct Live {
    documents: AtomicU64,
    bytes: AtomicU64,
    mentions: AtomicU64,
    /// Bytes of pieces still in progress (see [`Tally::progress`]).
    partial: AtomicU64,
}

impl Live {
    /// Publishes a piece's counts: what `now` has beyond `before`, in place of what the
    /// piece showed while in progress.
    fn add(&self, now: &mut Tally, before: (u64, u64, u64)) {
        self.documents.fetch_add(now.documents - before.0, Relaxed);
        self.bytes.fetch_add(now.bytes - before.1, Relaxed);
        self.mentions.fetch_add(now.mentions - before.2, Relaxed);
        self.partial
            .fetch_sub(std::mem::take(&mut now.shown), Relaxed);
    }

    fn fill(&self, stats: &mut Stats) {
        stats.documents = self.documents.load(Relaxed);
        stats.bytes = self.bytes.load(Relaxed) + self.partial.load(Relaxed);
        stats.mentions = self.mentions.load(Relaxed);
    }
}

/// What a worker tells the caller's thread.
enum Message<J: Job> {
    /// A piece is processed.
    Done(u64, Option<J::Output>),
    /// The input is exhausted: the worker's final state (boxed: sent once a worker, while
    /// `Done` is sent for every piece).
    Finished(Box<(J::Worker, Tally)>),
    /// The worker panicked; the run stops.
    Panicked,
}

/// Sends [`Message::Panicked`] when dropped by a panicking worker, so the caller stops
/// waiting for pieces that will never come.
struct PanicAlarm<J: Job>(mpsc::Sender<Message<J>>);

impl<J: Job> Drop for PanicAlarm<J> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = self.0.send(Message::Panicked);
        }
    }
}

/// Worker threads to run: `threads`, or one per core when 0.
fn thread_count(threads: usize) -> usize {
    match threads {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
}

/// Sum of the sizes of the input files, for progress (standard input counts 0).
fn input_size(sources: &[Source]) -> u64 {
    sources
        .iter()
        .filter_map(|s| match s {
            Source::Text(p) | Source::Jsonl(p) => std::fs::metadata(p).ok(),
            Source::Stdin => None,
        })
        .map(|m| m.len())
        .sum()
}

/// Decodes and matches every document of piece number `piece`, counting it in `tally`:
/// each problem goes to `problem` with its unit's input position, and each document to
/// `each` with its input position, its index in the piece and its mentions. Returns the
/// number of units in the piece. The one loop over a piece's units that every job runs.
///
/// With `dating`, each document's date is read first (a date that does not parse is a
/// warning at the file, or its line, and the document counts as undated), the documents
/// outside its range are skipped unmatched (counted in [`Tally::outside`]), and `each`
/// gets the date.
#[allow(clippy::too_many_arguments)]
pub(super) fn match_piece(
    matcher: &Matcher,
    scratch: &mut Scratch,
    tally: &mut Tally,
    piece: u64,
    raw: &Raw,
    dating: Option<&Dating>,
    mut problem: impl FnMut(&mut Tally, u64, Problem),
    mut each: impl FnMut(u64, usize, Document, Option<Day>, DocMatches),
) -> u64 {
    // A long file handed on unread is read whole by a job that does not read in parts.
    let whole;
    let raw = match raw {
        Raw::Long { id, path } => {
            whole = Raw::read_whole(id, path);
            &whole
        }
        _ => raw,
    };
    let mut units = 0;
    for (k, unit) in raw.units().enumerate() {
        units += 1;
        let seq = piece << 32 | k as u64;
        let (doc, problems) = decode(unit, seq, tally);
        for p in problems {
            problem(tally, seq, p);
        }
        let Some(doc) = doc else { continue };
        let date = match dating {
            Some(dating) => match dating.date(&doc, &unit, tally) {
                Ok(date) => date,
                Err(p) => {
                    problem(tally, seq, p);
                    None
                }
            },
            None => None,
        };
        if dating.is_some_and(|d| !d.keeps(date)) {
            tally.outside += 1;
            continue;
        }
        let found = matcher.find_with(&doc.text, scratch);
        tally.document(doc.text.len(), &found);
        each(seq, k, doc, date, found);
    }
    units
}

/// A unit decoded: the document (if any) and the problems met, in order. The id of a JSON
/// Lines document is remembered in `tally`, at input position `seq`, to find ids used
/// twice at the end of the run.
fn decode(unit: Unit<'_>, seq: u64, tally: &mut Tally) -> (Option<Document>, Vec<Problem>) {
    let d = unit.decode();
    if let (Unit::Line { file, line, .. }, Some(doc)) = (unit, &d.document) {
        // The file is kept once a piece: a piece is one worker's, its lines come in order.
        let piece = seq >> 32;
        if tally.id_files.last().is_none_or(|(p, _)| *p != piece) {
            tally.id_files.push((piece, file.clone()));
        }
        let mut h = std::hash::DefaultHasher::new();
        doc.id.hash(&mut h);
        tally.ids.push(SeenId {
            hash: h.finish(),
            seq,
            line,
        });
    }
    (d.document, d.problem.into_iter().collect())
}

/// How a job dates its documents: where from, and the range it keeps.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Dating {
    /// Where dates are read from.
    pub(super) source: DateSource,
    /// The first day kept, if any.
    pub(super) since: Option<Day>,
    /// The last day kept, if any.
    pub(super) until: Option<Day>,
}

impl Dating {
    /// `doc`'s date (counted in `tally` by source), or the warning for a date that does
    /// not parse, at `unit`'s file (and line).
    pub(super) fn date(
        &self,
        doc: &Document,
        unit: &Unit<'_>,
        tally: &mut Tally,
    ) -> Result<Option<Day>, Problem> {
        match date_of(doc, self.source) {
            Ok(Some((day, by))) => {
                tally.dated[by as usize] += 1;
                Ok(Some(day))
            }
            Ok(None) => Ok(None),
            Err(bad) => {
                let at = match (unit, bad.line) {
                    (Unit::Line { file, line, .. }, _) => Location::line0(Arc::clone(file), *line),
                    (_, Some(line)) => Location::line0(doc.id.as_str(), line),
                    _ => Location::file(doc.id.as_str()),
                };
                Err(Problem::warning(at, bad.to_string()))
            }
        }
    }

    /// Whether a document dated `date` is kept: all are without a range; with one, the
    /// dated documents inside it (both ends included), never the undated ones.
    pub(super) fn keeps(&self, date: Option<Day>) -> bool {
        if self.since.is_none() && self.until.is_none() {
            return true;
        }
        date.is_some_and(|d| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u))
    }
}

/// A JSON Lines document's id, as a hash, where it was read: its input position (whose
/// piece names the file) and its 0-based line.
#[derive(Debug)]
pub(super) struct SeenId {
    hash: u64,
    seq: u64,
    line: usize,
}

/// A warning for every JSON Lines document whose id an earlier one had (in input order),
/// naming the line of the first: both are cited and counted under one id. Ids are compared
/// by a 64-bit hash, so two different ids could be taken for one with a chance of about
/// one in 10^8 for a million documents. `files` names the file of each piece.
fn duplicate_ids(mut ids: Vec<SeenId>, files: &BTreeMap<u64, Arc<str>>) -> Vec<(u64, Problem)> {
    ids.sort_unstable_by_key(|s| (s.hash, s.seq));
    let at = |s: &SeenId| {
        let file = files
            .get(&(s.seq >> 32))
            .cloned()
            .unwrap_or_else(|| "".into());
        Location::line0(file, s.line)
    };
    let mut warnings = Vec::new();
    for group in ids.chunk_by(|a, b| a.hash == b.hash) {
        let first = &group[0];
        for again in &group[1..] {
            warnings.push((
                again.seq,
                Problem::warning(
                    at(again),
                    format!(
                        "document id already used at {}; both documents are cited under it",
                        at(first)
                    ),
                ),
            ));
        }
    }
    warnings
}

/// Runs `job` over `inputs` on `threads` workers (0: one per core). `deliver` gets every
/// piece's output on this thread, in input order, with the statistics so far; `progress`
/// gets the running statistics about every 100 ms and once at the end.
///
/// Returns the merged state of the workers and the statistics: the problems met finding
/// the inputs, then those `deliver` added, then those the job keyed in its [`Tally`] in
/// input order; the counters of the tallies. `by_type` is left to the job.
///
/// # Errors
/// Only when the threads cannot be started.
pub(super) fn run<J: Job, S: AsRef<std::path::Path>>(
    job: &J,
    inputs: &[S],
    threads: usize,
    progress: &mut dyn FnMut(&Stats),
    deliver: &mut dyn FnMut(J::Output, &mut Stats),
) -> Result<(J::Worker, Stats), Error> {
    let start = Instant::now();
    let (sources, problems) = corpus::discover(inputs);
    let mut stats = Stats {
        problems,
        input_size: input_size(&sources),
        ..Stats::default()
    };
    let threads = thread_count(threads);
    let finished = spawn_and_collect(job, sources, threads, start, &mut stats, progress, deliver)?;
    let mut total = job.worker();
    let mut tally = Tally::default();
    for (w, t) in finished {
        job.merge(&mut total, w);
        tally.merge(t);
    }
    let ids = std::mem::take(&mut tally.ids);
    let files: BTreeMap<u64, Arc<str>> = std::mem::take(&mut tally.id_files).into_iter().collect();
    tally.problems.extend(duplicate_ids(ids, &files));
    // Keyed problems in input order, whichever worker met them.
    tally.problems.sort_by_key(|&(seq, _)| seq);
    stats
        .problems
        .extend(tally.problems.into_iter().map(|(_, p)| p));
    stats.documents = tally.documents;
    stats.bytes = tally.bytes;
    stats.mentions = tally.mentions;
    stats.ambiguous_dropped = tally.ambiguous_dropped;
    stats.anchored_dropped = tally.anchored_dropped;
    [
        stats.places_as_teams,
        stats.places_in_names,
        stats.places_as_surnames,
        stats.demonyms_as_languages,
    ] = tally.context;
    [
        stats.shared_by_state,
        stats.shared_by_company,
        stats.shared_by_country,
        stats.anchored_by_title,
        stats.anchored_by_company,
    ] = tally.cues;
    stats.dated = tally.dated;
    stats.outside_dates = tally.outside;
    stats.elapsed = start.elapsed();
    progress(&stats);
    Ok((total, stats))
}

/// Starts the reader and the workers, delivers outputs in order and reports progress
/// until every worker is done; returns the workers' final states in the order they
/// finished.
fn spawn_and_collect<J: Job>(
    job: &J,
    sources: Vec<Source>,
    threads: usize,
    start: Instant,
    stats: &mut Stats,
    progress: &mut dyn FnMut(&Stats),
    deliver: &mut dyn FnMut(J::Output, &mut Stats),
) -> Result<Vec<(J::Worker, Tally)>, Error> {
    let in_flight = (READ_AHEAD + 1) * threads;
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Raw)>(in_flight);
    let work_rx = Mutex::new(work_rx);
    let live = Arc::new(Live::default());
    std::thread::scope(|scope| {
        let spawn_error = |e: std::io::Error| Error::Threads(e.to_string());
        let (token_tx, token_rx) = mpsc::channel::<()>();
        for _ in 0..in_flight {
            let _ = token_tx.send(());
        }
        // Workers give the buffers they are done with back to the reader.
        let (give_back, returned) = mpsc::channel::<Raw>();
        std::thread::Builder::new()
            .name("entgraph-reader".into())
            .spawn_scoped(scope, move || {
                let mut blocks = RawBlocks::new(sources).long_above(job.long_above());
                for piece in 0u64.. {
                    // A token a piece; the tokens are gone only when the run stopped early.
                    if token_rx.recv().is_err() {
                        return;
                    }
                    for done in returned.try_iter() {
                        blocks.recycle(done);
                    }
                    let Some(raw) = blocks.next() else { return };
                    // The workers are gone only when the run stopped early.
                    if work_tx.send((piece, raw)).is_err() {
                        return;
                    }
                }
            })
            .map_err(spawn_error)?;
        let (results_tx, results) = mpsc::channel::<Message<J>>();
        for i in 0..threads {
            let (work_rx, live, give_back, results_tx) = (
                &work_rx,
                Arc::clone(&live),
                give_back.clone(),
                results_tx.clone(),
            );
            std::thread::Builder::new()
                .name(format!("entgraph-worker-{i}"))
                .spawn_scoped(scope, move || {
                    work(job, work_rx, live, &give_back, results_tx)
                })
                .map_err(spawn_error)?;
        }
        drop((give_back, results_tx));
        Ok(collect(
            &results, &token_tx, &live, start, stats, progress, deliver,
        ))
    })
}

/// A worker: takes pieces until the input is exhausted, then hands in its state.
fn work<J: Job>(
    job: &J,
    work_rx: &Mutex<mpsc::Receiver<(u64, Raw)>>,
    live: Arc<Live>,
    give_back: &mpsc::Sender<Raw>,
    results: mpsc::Sender<Message<J>>,
) {
    let _alarm = PanicAlarm(results.clone());
    let mut worker = job.worker();
    let mut tally = Tally {
        live: Some(Arc::clone(&live)),
        ..Tally::default()
    };
    loop {
        let next = match work_rx.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => break,
        };
        let Ok((piece, raw)) = next else { break };
        let before = (tally.documents, tally.bytes, tally.mentions);
        let out = job.piece(&mut worker, &mut tally, piece, &raw);
        live.add(&mut tally, before);
        // The reader is gone only at the end of the input.
        let _ = give_back.send(raw);
        // The receiver is gone only when the run stopped early.
        if results.send(Message::Done(piece, out)).is_err() {
            return;
        }
    }
    let _ = results.send(Message::Finished(Box::new((worker, tally))));
}

/// The caller's side: receives processed pieces, delivers their outputs in piece order,
/// gives the reader a token back for each piece delivered, and reports progress, until
/// every worker has handed in its state.
fn collect<J: Job>(
    results: &mpsc::Receiver<Message<J>>,
    tokens: &mpsc::Sender<()>,
    live: &Live,
    start: Instant,
    stats: &mut Stats,
    progress: &mut dyn FnMut(&Stats),
    deliver: &mut dyn FnMut(J::Output, &mut Stats),
) -> Vec<(J::Worker, Tally)> {
    let mut finished = Vec::new();
    // Pieces processed ahead of the next one to deliver.
    let mut pending: BTreeMap<u64, Option<J::Output>> = BTreeMap::new();
    let mut next = 0u64;
    let mut reported = Instant::now();
    loop {
        match results.recv_timeout(PROGRESS_EVERY) {
            Ok(Message::Done(piece, out)) => {
                // A piece without output holds nothing: its token goes back at once.
                if out.is_none() {
                    let _ = tokens.send(());
                }
                pending.insert(piece, out);
                while let Some(out) = pending.remove(&next) {
                    next += 1;
                    if let Some(out) = out {
                        deliver(out, stats);
                        // The reader is gone only at the end of the input.
                        let _ = tokens.send(());
                    }
                }
            }
            Ok(Message::Finished(done)) => finished.push(*done),
            Ok(Message::Panicked) | Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {}
        }
        if reported.elapsed() >= PROGRESS_EVERY {
            live.fill(stats);
            stats.elapsed = start.elapsed();
            progress(stats);
            reported = Instant::now();
        }
    }
    debug_assert!(pending.is_empty(), "every piece is delivered");
    finished
}
