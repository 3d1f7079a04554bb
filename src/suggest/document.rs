//! One document's candidates: the runs of name words of each sentence with the cues around
//! them and the other names of the list each is in, identical runs counted once, and the
//! lower-case and mid-sentence capitalized words that the corpus-wide decisions need. Owns
//! the per-document pass only (documents can be processed in parallel, each worker with its
//! own [`Seen`]): the rules are in `tokenize`, `runs`, `cues`, `lists` and `snippet`, and
//! nothing here looks at other documents.
//!
//! Built for speed, since `--discover` runs it over the whole corpus before the graph is
//! built: a document is lowered once, not word by word; the token list is reused from
//! sentence to sentence; a worker numbers each distinct run once and hands on only its
//! number when the run comes again (most runs of a corpus are repeats); and words are
//! remembered by a 64-bit key, not as strings.

use std::sync::atomic::{AtomicU32, Ordering};

use std::hash::Hasher;

use rustc_hash::{FxHashMap, FxHashSet, FxHasher};

use crate::model::{Mention, Segments, Span};

use super::cues::{
    after_cues, before_cues, bracketed_place_cue, byline_cue, dateline_cue, on_signoff_line,
    possessive_apposition_cue, possessive_cue, results_cue, scorecard_cue, scorer_cue,
    squad_number_cue, venue_cue, Cue,
};
use super::known::Known;
use super::lexicon::is_ordinary;
use super::lists::{list_peers, Peer};
use super::runs::{
    join_defined, known_ranges, runs, word_views, MentionSpan, RawWord, TokRun, WordRange,
    WordView, MAX_RUN_WORDS,
};
use super::snippet::snippet;
use super::tokenize::{tokenize_into, LineKind, LineKinds, Lowered, Sep, Shape, Tok};

/// A run of name words in a document, before the corpus decides on its uncertain words.
#[derive(Debug, Clone)]
pub(crate) struct RawOcc {
    /// Its words and cues.
    pub(crate) key: OccKey,
    /// Word ranges that are known names.
    pub(crate) known: Vec<WordRange>,
    /// Where the first one is, as a snippet (empty when examples are not made).
    pub(crate) example: String,
}

/// What makes two runs the same: words and cues.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct OccKey {
    /// The words of the run.
    pub(crate) words: Vec<RawWord>,
    /// Cues from the words before the run.
    pub(crate) before: Vec<Cue>,
    /// Cues from the words after the run.
    pub(crate) after: Vec<Cue>,
    /// The other names of the list the run is in (`Sendo`, `Siemens` of `Nokia`).
    pub(crate) peers: Vec<Peer>,
}

/// A run's words, cues and list companions as one string of bytes, `out` cleared first:
/// each word as its flags, its text and `0xFF`, then each list of cues after `0xFE`, each
/// cue as its type, its weight, its text and `0xFF`, then after `0xFE` each companion as
/// its type (9 for none), its text and `0xFF`. Neither byte occurs in UTF-8 and flags,
/// types and weights stay below them, so two runs are the same when their bytes are.
/// Lookups compare these bytes (one read of memory), and a run met again costs no copy of
/// its words.
fn encode(
    words: &[WordView<'_>],
    before: &[Cue],
    after: &[Cue],
    peers: &[Peer],
    out: &mut Vec<u8>,
) {
    out.clear();
    for w in words {
        out.push(
            w.sep as u8
                | u8::from(w.connector) << 3
                | u8::from(w.uncertain) << 4
                | u8::from(w.mention) << 5,
        );
        out.extend_from_slice(w.text.as_bytes());
        out.push(0xFF);
    }
    for cues in [before, after] {
        out.push(0xFE);
        for c in cues {
            out.extend_from_slice(&[c.kind as u8, c.weight]);
            out.extend_from_slice(c.text.as_bytes());
            out.push(0xFF);
        }
    }
    out.push(0xFE);
    for p in peers {
        out.push(p.kind.map_or(9, |k| k as u8));
        out.extend_from_slice(p.text.as_bytes());
        out.push(0xFF);
    }
}

/// Where [`Seen`]s get their numbers: each is told apart from every other of the process.
static NEXT_SOURCE: AtomicU32 = AtomicU32::new(0);

/// What one worker has seen of a corpus, over the documents it was given: the distinct runs
/// (each numbered once, so that a run met again in another document is handed on as a
/// number, not again as words) and the words written in lower case or capitalized where
/// the capital means something. Hand the [`DocCandidates`] it helps make to one
/// [`Collector`](super::Collector), in input order, and the `Seen` itself at the end
/// ([`Collector::add_seen`](super::Collector::add_seen)).
#[derive(Debug)]
pub struct Seen {
    /// Told apart from every other `Seen` of the process.
    source: u32,
    /// Every distinct run handed on (as [`encode`] writes it), by its number.
    runs: FxHashMap<Box<[u8]>, u32>,
    /// Scratch: the bytes of a run's key.
    code: Vec<u8>,
    /// Documents scanned.
    documents: u32,
    /// For each run by number, the last document it was met in and its place in that
    /// document's list of runs.
    last: Vec<(u32, u32)>,
    /// Lower-case words (of letters only), by [`word_key`].
    pub(crate) lower: FxHashSet<u64>,
    /// Folded words written capitalized where the capital means something (not
    /// sentence-initial, not in a headline), by [`word_key`].
    pub(crate) mid_caps: FxHashSet<u64>,
    /// Of [`Seen::mid_caps`], the words written so as the first of their capitalized words
    /// (`Cold` of `the Cold War`, not `End` of `West End`).
    pub(crate) mid_first: FxHashSet<u64>,
    /// How often each word of [`Known::anchor_words`] is written in lower case.
    pub(crate) anchor_lower: FxHashMap<u64, u64>,
    /// Scratch: the tokens of a sentence.
    toks: Vec<Tok<'static>>,
    /// The word keys last added to `lower`, by their top bits: most words of a text are
    /// ones it used a moment ago, and a look here is cheaper than one in the set.
    recent: Box<[u64]>,
}

/// The slots of [`Seen::recent`] (a power of two).
const RECENT_SLOTS: usize = 4096;

impl Default for Seen {
    fn default() -> Seen {
        Seen::new()
    }
}

impl Seen {
    /// Nothing seen yet.
    pub fn new() -> Seen {
        Seen {
            source: NEXT_SOURCE.fetch_add(1, Ordering::Relaxed),
            runs: FxHashMap::default(),
            code: Vec::new(),
            documents: 0,
            last: Vec::new(),
            lower: FxHashSet::default(),
            mid_caps: FxHashSet::default(),
            mid_first: FxHashSet::default(),
            anchor_lower: FxHashMap::default(),
            toks: Vec::new(),
            recent: vec![0; RECENT_SLOTS].into_boxed_slice(),
        }
    }

    /// Adds what `other` saw of the case of words (the runs are the collector's business).
    pub fn merge_words(&mut self, other: Seen) {
        merge_set(&mut self.lower, other.lower);
        merge_set(&mut self.mid_caps, other.mid_caps);
        merge_set(&mut self.mid_first, other.mid_first);
        for (key, n) in other.anchor_lower {
            *self.anchor_lower.entry(key).or_default() += n;
        }
    }
}

/// The key a word is remembered by: a 64-bit hash of its bytes and length, so that the
/// sets of a corpus's words cost no allocation and no string comparison (two words of a
/// corpus share a key with a chance of about one in 2^64 / words²).
pub(crate) fn word_key(word: &str) -> u64 {
    let mut h = FxHasher::default();
    h.write_usize(word.len());
    h.write(word.as_bytes());
    h.finish()
}

/// `into` ∪ `other`, extending the larger.
fn merge_set(into: &mut FxHashSet<u64>, mut other: FxHashSet<u64>) {
    if other.len() > into.len() {
        std::mem::swap(into, &mut other);
    }
    into.extend(other);
}

/// One distinct run of a document: its number in its [`Seen`] and how often it occurs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocRun {
    /// The run's number in the [`Seen`] that made the document's candidates.
    pub(crate) run: u32,
    /// Identical runs in the document.
    pub(crate) count: u64,
}

/// The candidate names of one document, as [`candidates`] finds them: hand them to a
/// [`Collector`](super::Collector) in input order.
#[derive(Debug, Default)]
pub struct DocCandidates {
    /// The [`Seen`] whose numbers the runs carry.
    pub(crate) source: u32,
    /// The runs first met in this document (with their keys' bytes), numbered from
    /// `first_new` on.
    pub(crate) new_runs: Vec<(Box<[u8]>, RawOcc)>,
    /// The number of the first of `new_runs`.
    pub(crate) first_new: u32,
    /// The distinct runs, in order of first occurrence.
    pub(crate) runs: Vec<DocRun>,
    /// The words' case, when the document was scanned on its own ([`candidates`]).
    pub(crate) seen: Option<Seen>,
}

impl DocCandidates {
    /// The number of candidate occurrences found.
    pub fn len(&self) -> usize {
        self.runs.iter().map(|o| o.count as usize).sum()
    }

    /// True when the document has no candidate.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }
}

/// Finds the candidate names of one document: `text` with its `segments` (from
/// [`crate::segment::segment`]) and the `mentions` the matcher found in it (in text order).
/// Words covered by a mention are not candidates; `known` says which runs are written like
/// a known alias. Pure: documents can be processed in parallel.
pub fn candidates(
    text: &str,
    segments: &Segments,
    mentions: &[Mention],
    known: &Known,
) -> DocCandidates {
    let mut seen = Seen::new();
    let mut out = candidates_with(text, segments, mentions, known, &mut seen, true);
    out.seen = Some(seen);
    out
}

/// [`candidates`] for a worker that scans many documents: what it has seen goes to `seen`,
/// and `examples` false leaves each run's example empty (`--discover` needs no example,
/// and making them is a tenth of the work).
pub fn candidates_with(
    text: &str,
    segments: &Segments,
    mentions: &[Mention],
    known: &Known,
    seen: &mut Seen,
    examples: bool,
) -> DocCandidates {
    let mut spans: Vec<MentionSpan> = mentions
        .iter()
        .filter(|m| m.span.end() <= text.len() && m.span.start() < m.span.end())
        .map(|m| MentionSpan {
            span: m.span,
            entity: m.entity,
        })
        .collect();
    spans.sort_unstable();
    let first_new = u32::try_from(seen.runs.len()).unwrap_or(u32::MAX);
    let mut out = DocCandidates {
        source: seen.source,
        first_new,
        ..DocCandidates::default()
    };
    // This document's number among those `seen` scanned.
    seen.documents = seen.documents.wrapping_add(1);
    let serial = seen.documents;
    let lowered = Lowered::new(text);
    let mut lines = LineKinds::new(text);
    let mut toks: Vec<Tok<'_>> = recycle(&mut seen.toks);
    for &sentence in &segments.sentences {
        if sentence.end() > text.len()
            || sentence.start() > sentence.end()
            || !text.is_char_boundary(sentence.start())
            || !text.is_char_boundary(sentence.end())
        {
            continue;
        }
        sentence_tokens(text, &lowered, sentence, &spans, &mut lines, &mut toks);
        note_case(&toks, seen, &known.anchor_words);
        let mut found = runs(&toks, &spans, known);
        join_defined(text, &toks, &mut found);
        let mut peers = list_peers(text, &toks, &found, &spans, known);
        for (ri, &run) in found.iter().enumerate() {
            let TokRun { first: s, last: e } = run;
            // A dateline is written in capitals, often on a line of capitals: its name is a
            // place all the same.
            let dateline = dateline_cue(text, &toks, (s, e), known);
            if e - s >= MAX_RUN_WORDS
                || (dateline.is_none() && toks[s..=e].iter().any(|t| t.capitals))
            {
                continue;
            }
            let mut words = word_views(&toks, run, &spans, known);
            let mut before = before_cues(&toks, s, s == e);
            if before.is_empty() {
                if let Some(cue) = squad_number_cue(text, &toks, s) {
                    // A line-up reads like a headline; its numbers say these are names.
                    for w in words.iter_mut().filter(|w| w.uncertain) {
                        w.uncertain = is_ordinary(&w.text.to_lowercase());
                    }
                    before.push(cue);
                }
            }
            let mut after = after_cues(&toks, (s, e));
            if let Some(cue) = dateline.or_else(|| scorer_cue(text, &toks, s, e)) {
                for w in words.iter_mut().filter(|w| w.uncertain) {
                    w.uncertain = is_ordinary(&w.text.to_lowercase());
                }
                after.push(cue);
            } else if let Some(cue) = byline_cue(text, &toks, s, e) {
                // The line holds the name alone: its capitals are the name's, not a
                // headline's (`Gordon Fine`).
                for w in words.iter_mut() {
                    w.uncertain = false;
                }
                after.push(cue);
            } else if words.iter().any(|w| w.uncertain) && on_signoff_line(text, toks[s].start) {
                // A sign-off's capitals are names too (`-- Dublin Newsroom +353 1 676 9779`).
                for w in words.iter_mut() {
                    w.uncertain = false;
                }
            }
            if let Some(cue) = scorecard_cue(text, &toks, s, e) {
                // A scorecard's lines read like headlines; its notation says these are names.
                for w in words.iter_mut().filter(|w| w.uncertain) {
                    w.uncertain = is_ordinary(&w.text.to_lowercase());
                }
                after.push(cue);
            }
            after.extend(bracketed_place_cue(text, &toks, (s, e), &spans, known));
            after.extend(venue_cue(text, &toks, (s, e), &spans, known));
            after.extend(possessive_cue(text, &toks, e));
            after.extend(possessive_apposition_cue(text, &toks, e));
            if let Some(cue) = results_cue(text, &toks, e) {
                // A name in a table of results opens its line, which often reads like a
                // headline: the table says it is a name all the same (`Puchon 3 1 0 6`),
                // unless it is an ordinary word (`Total 185`).
                let several = e > s;
                for w in words.iter_mut().filter(|w| w.uncertain) {
                    w.uncertain = !several && is_ordinary(&w.text.to_lowercase());
                }
                after.push(cue);
            }
            let peers = std::mem::take(&mut peers[ri]);
            encode(&words, &before, &after, &peers, &mut seen.code);
            let number = match seen.runs.get(seen.code.as_slice()) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(seen.runs.len()).unwrap_or(u32::MAX);
                    let code: Box<[u8]> = seen.code.as_slice().into();
                    seen.runs.insert(code.clone(), n);
                    let key = OccKey {
                        words: words.iter().map(|w| w.keep()).collect(),
                        before,
                        after,
                        peers,
                    };
                    let occ = RawOcc {
                        known: known_ranges(&key.words, known),
                        key,
                        example: if examples {
                            snippet(text, sentence, toks[s].start, toks[e].end)
                        } else {
                            String::new()
                        },
                    };
                    out.new_runs.push((code, occ));
                    n
                }
            };
            // Where the run is in this document's list, if it is there yet.
            let n = number as usize;
            if seen.last.len() <= n {
                seen.last.resize(n + 1, (u32::MAX, 0));
            }
            match seen.last[n] {
                (d, k) if d == serial => out.runs[k as usize].count += 1,
                _ => {
                    seen.last[n] = (serial, out.runs.len() as u32);
                    out.runs.push(DocRun {
                        run: number,
                        count: 1,
                    });
                }
            }
        }
    }
    seen.toks = recycle(&mut toks);
    out
}

/// An empty token list of any lifetime that keeps `toks`'s allocation (the scratch list
/// is reused from sentence to sentence and document to document).
fn recycle<'a, 'b>(toks: &mut Vec<Tok<'a>>) -> Vec<Tok<'b>> {
    toks.clear();
    std::mem::take(toks)
        .into_iter()
        .map(|_| unreachable!("the list is empty"))
        .collect()
}

/// Notes the words of a sentence the corpus-wide decisions ask about: lower-case words of
/// letters (and how often each of `anchors` is one), and capitalized words whose capital
/// means something.
fn note_case(toks: &[Tok<'_>], seen: &mut Seen, anchors: &FxHashSet<u64>) {
    for (i, t) in toks.iter().enumerate() {
        match t.shape {
            Shape::Lower if is_letters(t.text) => {
                let key = word_key(&t.lower);
                if !anchors.is_empty() && anchors.contains(&key) {
                    *seen.anchor_lower.entry(key).or_default() += 1;
                }
                let slot = (key >> 52) as usize & (RECENT_SLOTS - 1);
                // Slots start at 0: a key of 0 is always added.
                if seen.recent[slot] != key || key == 0 {
                    seen.recent[slot] = key;
                    seen.lower.insert(key);
                }
            }
            Shape::Cap if !t.uncertain => {
                let key = word_key(&t.lower);
                seen.mid_caps.insert(key);
                let joined = matches!(t.sep, Sep::Space | Sep::Hyphen)
                    && i > 0
                    && matches!(toks[i - 1].shape, Shape::Cap | Shape::Upper);
                if !joined {
                    seen.mid_first.insert(key);
                }
            }
            _ => {}
        }
    }
}

/// Whether `word` is all letters.
fn is_letters(word: &str) -> bool {
    if word.is_ascii() {
        word.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        word.chars().all(char::is_alphabetic)
    }
}

/// The words of `sentence` into `toks`, each marked with the mention covering it (an index
/// into the sorted `spans`) and with what its line says about its capital (`lines` caches
/// the line kinds of the document).
fn sentence_tokens<'a>(
    text: &'a str,
    lowered: &'a Lowered,
    sentence: Span,
    spans: &[MentionSpan],
    lines: &mut LineKinds<'_>,
    toks: &mut Vec<Tok<'a>>,
) {
    tokenize_into(text, lowered, sentence, toks);
    let mut k = spans.partition_point(|m| m.span.end() <= sentence.start());
    for t in toks.iter_mut() {
        while spans.get(k).is_some_and(|m| m.span.end() <= t.start) {
            k += 1;
        }
        if spans.get(k).is_some_and(|m| m.span.start() < t.end) {
            t.mention = Some(k);
        }
    }
    // A sentence on one line has one line kind.
    let one_line = memchr::memchr(b'\n', text[sentence.range()].as_bytes()).is_none();
    let whole = one_line.then(|| lines.at(sentence.start()));
    for t in toks.iter_mut() {
        let kind = whole.unwrap_or_else(|| lines.at(t.start));
        t.uncertain |= kind != LineKind::Prose;
        t.capitals = kind == LineKind::Capitals;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_keys_tell_words_apart_that_share_their_ends() {
        // A hash of the bytes alone gives these the same value (their first and last four
        // bytes are the same); the length in the key tells them apart.
        assert_ne!(word_key("abab"), word_key("ababab"));
        assert_ne!(word_key("aaaa"), word_key("aaaaaaa"));
        assert_ne!(word_key(""), word_key("a"));
        assert_eq!(word_key("putin"), word_key("putin"));
    }

    #[test]
    fn a_run_met_again_is_handed_on_by_number() {
        let known = Known::default();
        let text = "Envoy Ilse Brandvold arrived. Envoy Ilse Brandvold spoke.";
        let segments = crate::segment::segment(text);
        let mut seen = Seen::new();
        let first = candidates_with(text, &segments, &[], &known, &mut seen, false);
        // `Ilse Brandvold` twice with the same cue: one run, counted twice.
        assert_eq!(first.new_runs.len(), first.runs.len());
        assert!(first.runs.iter().any(|r| r.count == 2), "{:?}", first.runs);
        let second = candidates_with(text, &segments, &[], &known, &mut seen, false);
        assert!(second.new_runs.is_empty());
        assert_eq!(second.first_new as usize, first.new_runs.len());
        assert_eq!(second.len(), first.len());
    }
}
