//! Suggesting gazetteer entries: names in a corpus that the loaded gazetteers do not cover.
//!
//! `entgraph suggest` finds runs of capitalized words with name connectors, acronyms and
//! hyphenated name forms (sentence-initial and headline words included, cut at known
//! mentions), guesses their type from the cue that suggested it (titles, head words, place
//! and person contexts), groups the variants of a name into one entry with aliases, ranks
//! the entries and writes them as ready-to-paste text gazetteer lines or JSON Lines. It works
//! from a document's text, its [`Segments`](crate::model::Segments) and its
//! [`Mention`](crate::model::Mention)s: matching is the matcher's, segmentation the
//! segmenter's, and word lists and character rules come from [`crate::text`]. Nothing here
//! prints, reads files or touches the automaton, the graph or the command line.
//!
//! The work is split so that documents can be processed in parallel: [`candidates`] is pure
//! and per document; a [`Collector`] folds the documents in input order and [`Collector::finish`]
//! decides what needs the whole corpus (whether a sentence-initial word is a name, which
//! short forms belong to which full name), then groups, types and ranks.
//!
//! This file owns the public face (the options, the [`Suggestion`], the [`Collector`] and the
//! order of the stages); each stage lives in its own submodule, along the data:
//!
//! ```text
//! tokenize  sentence → Tok             (words, shapes, separators, headline lines)
//! runs      Tok → runs of RawWord      (name words, connectors, cutting at known mentions)
//! cues      Tok → Cue                  (titles, head words, place and person contexts)
//! lists     Tok → Peer                 (the other names of the list a run is in)
//! snippet   run → example              (the single-line example of an occurrence)
//! document  text → DocCandidates       (one document's runs, counted, with their cues)
//! resolve   RawOcc → Piece             (sentence-initial words, titles, known names)
//! form      Piece → Form               (all that is seen of one spelling of a name)
//! variants  Form × Form → bool         (given-name spellings, short forms, acronyms)
//! group     Form → Group               (spellings and short forms into one entry)
//! entry     Group → Suggestion         (label, aliases, anchored forms, counts, type;
//!                                       a second round types names by their lists)
//! rank      Suggestion → ranked list   (minimum count, order, limit)
//! write     Suggestion → text, JSONL   (the two writers)
//! ```
//! `lexicon` holds the word lists only suggest uses, `known` the names the gazetteers cover,
//! `discover` turns the suggestions into the gazetteer of `--discover`.

mod cues;
mod discover;
mod document;
mod entry;
mod form;
mod group;
mod known;
mod lexicon;
mod lists;
mod rank;
mod resolve;
mod runs;
mod snippet;
#[cfg(test)]
mod tests;
mod tokenize;
mod variants;
mod write;

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::segment::segment;

pub use discover::{discovered, Discovered, DISCOVERED_PREFIX};
pub use document::{candidates, candidates_with, DocCandidates, Seen};
pub use known::Known;
pub use write::{write_jsonl, write_text};

use document::RawOcc;
use form::{Form, Slot};
use known::compact_key;
use resolve::resolve;

/// Options of [`Collector::finish`].
#[derive(Debug, Clone)]
pub struct SuggestOptions {
    /// Keep suggestions with at least this many mentions (default 1).
    pub min_count: u64,
    /// Keep at most this many suggestions, the best ranked (default: all).
    pub limit: Option<usize>,
}

impl Default for SuggestOptions {
    fn default() -> SuggestOptions {
        SuggestOptions {
            min_count: 1,
            limit: None,
        }
    }
}

/// One suggested gazetteer entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The most frequent full form of the name.
    pub label: String,
    /// The guessed type (`person`, `place`, `organization`); `None` when nothing said.
    pub kind: Option<String>,
    /// What suggested the type (`title `aide` before`, `head word `University``); empty
    /// when the type is unknown.
    pub cue: String,
    /// Other forms of the name seen in the corpus (`Yuri Ushakov`, `Chang Son`).
    pub aliases: Vec<String>,
    /// Short forms to list anchored (`~Ushakov`): common words, or shared by several
    /// suggestions.
    pub anchored: Vec<String>,
    /// Documents in which the name occurs.
    pub documents: u64,
    /// Occurrences of the name and its aliases.
    pub mentions: u64,
    /// A short snippet around the first occurrence.
    pub example: String,
}

/// Folds the [`DocCandidates`] of a corpus, in input order, and turns them into ranked
/// [`Suggestion`]s.
///
/// # Examples
/// ```
/// use entgraph::suggest::{candidates, Collector, Known, SuggestOptions};
/// use entgraph::{segment::segment, Gazetteer, Matcher};
/// let g = Gazetteer::from_str("people.txt", "Vladimir Putin | Putin\n").unwrap();
/// let matcher = Matcher::new(&g).unwrap();
/// let known = Known::new(&g);
/// let mut collector = Collector::new();
/// for text in ["Putin met Kremlin aide Yury Ushakov in Moscow. Ushakov said little."] {
///     let found = matcher.find(text);
///     collector.add(candidates(text, &segment(text), &found.mentions, &known));
/// }
/// let s = collector.finish(&SuggestOptions::default());
/// assert_eq!(s[0].label, "Yury Ushakov");
/// assert_eq!(s[0].kind.as_deref(), Some("person"));
/// assert_eq!(s[0].aliases, ["Ushakov"]);
/// ```
#[derive(Debug, Default)]
pub struct Collector {
    /// Documents added so far.
    docs: u32,
    /// Every distinct run of the corpus, in order of first occurrence.
    runs: Vec<RawOcc>,
    /// The number of each distinct run in `runs`, by its key's bytes.
    numbers: FxHashMap<Box<[u8]>, u32>,
    /// For each [`Seen`], its numbers of runs → the collector's.
    sources: FxHashMap<u32, Vec<u32>>,
    /// Every document's distinct runs, in input order.
    occs: Vec<DocOcc>,
    /// The words' case over the corpus.
    seen: Option<Seen>,
    /// Word keys of the one-word names that exactly one listed organization anchors
    /// (`apple` of Apple, listed `~Apple`): such a name is a candidate even when it is an
    /// English word.
    anchors: rustc_hash::FxHashSet<u64>,
}

/// A distinct run of a document: the document's number in input order, the run's number
/// in the collector and its occurrences in the document.
#[derive(Debug, Clone, Copy)]
struct DocOcc {
    doc: u32,
    run: u32,
    count: u64,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Collector {
        Collector::default()
    }

    /// An empty collector that knows the names `known`'s organizations anchor: a one-word
    /// name that exactly one of them anchors is a candidate even when it is an English word
    /// (`Apple`, `Shell`), and the corpus decides whether it is written as the name.
    pub fn for_known(known: &Known) -> Collector {
        Collector {
            anchors: known.anchor_words.clone(),
            ..Collector::default()
        }
    }

    /// Adds the next document's candidates (call in input order).
    pub fn add(&mut self, doc: DocCandidates) {
        let d = self.docs;
        self.docs = self.docs.saturating_add(1);
        let table = self.sources.entry(doc.source).or_default();
        // The runs first met in this document, numbered where the table ends.
        debug_assert_eq!(table.len(), doc.first_new as usize);
        for (code, occ) in doc.new_runs {
            let n = match self.numbers.get(&code) {
                Some(&n) => n,
                None => {
                    let n = u32::try_from(self.runs.len()).unwrap_or(u32::MAX);
                    self.numbers.insert(code, n);
                    self.runs.push(occ);
                    n
                }
            };
            table.push(n);
        }
        for r in doc.runs {
            if let Some(&run) = table.get(r.run as usize) {
                self.occs.push(DocOcc {
                    doc: d,
                    run,
                    count: r.count,
                });
            }
        }
        if let Some(seen) = doc.seen {
            self.add_seen(seen);
        }
    }

    /// Adds what a worker saw of the case of words over the documents it scanned (call
    /// once for each [`Seen`] given to [`candidates_with`], before [`Collector::finish`]).
    pub fn add_seen(&mut self, seen: Seen) {
        match &mut self.seen {
            Some(all) => all.merge_words(seen),
            None => self.seen = Some(seen),
        }
    }

    /// The number of documents added.
    pub fn documents(&self) -> u64 {
        u64::from(self.docs)
    }

    /// Decides, groups, types and ranks: suggestions by documents × mentions, descending,
    /// then label.
    pub fn finish(self, opts: &SuggestOptions) -> Vec<Suggestion> {
        let forms = self.forms();
        let no_counts = rustc_hash::FxHashMap::default();
        let lower = self.seen.as_ref().map_or(&no_counts, |s| &s.anchor_lower);
        let groups = group::group(&forms, &self.anchors, lower);
        let mut entries: Vec<Suggestion> = groups
            .iter()
            .map(|g| entry::suggestion(&forms, g, None))
            .collect();
        // A second round for the names only their list companions can type, now that the
        // companions' types are decided; a third for a compass word before a name the
        // rounds before made a place (`East Midlands`).
        let decided = entry::decided_types(&entries);
        for (e, g) in entries.iter_mut().zip(&groups) {
            if e.kind.is_none() && entry::has_peers(&forms, g) {
                *e = entry::suggestion(&forms, g, Some(&decided));
            }
        }
        let decided = entry::decided_types(&entries);
        for (e, g) in entries.iter_mut().zip(&groups) {
            if e.kind.is_none() && entry::compass_rest(&e.label).is_some() {
                *e = entry::suggestion(&forms, g, Some(&decided));
            }
        }
        rank::rank(entries, opts)
    }

    /// Resolves every distinct run against the corpus (once, where it first occurs) and
    /// folds the pieces of every document's runs into forms, one per compact key, in order
    /// of first occurrence.
    fn forms(&self) -> Vec<Form> {
        let empty = Seen::new();
        let seen = self.seen.as_ref().unwrap_or(&empty);
        let mut forms: Vec<Form> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // For each distinct run, once resolved: its pieces' forms and slots in them.
        let mut resolved: Vec<Option<Vec<(usize, Slot)>>> = Vec::new();
        resolved.resize_with(self.runs.len(), || None);
        for (order, o) in self.occs.iter().enumerate() {
            let occ = &self.runs[o.run as usize];
            let pieces = resolved[o.run as usize].get_or_insert_with(|| {
                let mut out = Vec::new();
                for piece in resolve(occ, &seen.lower, &seen.mid_caps, &seen.mid_first) {
                    let key = compact_key(&piece.surface);
                    if key.is_empty() {
                        continue;
                    }
                    let fi = *by_key.entry(key).or_insert_with(|| {
                        forms.push(Form::new(&piece.surface));
                        forms.len() - 1
                    });
                    out.push((fi, forms[fi].slot(&piece)));
                }
                out
            });
            for (fi, slot) in pieces.iter() {
                forms[*fi].add(o.doc, order, slot, o.count, &occ.example);
            }
        }
        forms
    }
}

/// Runs the whole suggestion pass over texts held in memory, in order: segments each text,
/// finds its mentions with `matcher`, and skips the names of `gazetteer`.
pub fn suggest_texts<S: AsRef<str>>(
    texts: &[S],
    gazetteer: &Gazetteer,
    matcher: &Matcher,
    opts: &SuggestOptions,
) -> Vec<Suggestion> {
    let known = Known::new(gazetteer);
    let mut collector = Collector::for_known(&known);
    let mut seen = Seen::new();
    for text in texts {
        let text = text.as_ref();
        let found = matcher.find(text);
        let doc = candidates_with(
            text,
            &segment(text),
            &found.mentions,
            &known,
            &mut seen,
            true,
        );
        collector.add(doc);
    }
    collector.add_seen(seen);
    collector.finish(opts)
}
