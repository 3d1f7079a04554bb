//! One document's candidates: the runs of name words of each sentence with the cues around
//! them, identical runs counted once, and the document's lower-case and mid-sentence
//! capitalized words that the corpus-wide decisions need. Owns the per-document pass only
//! (pure, so documents can be processed in parallel): the rules are in `tokenize`, `runs`,
//! `cues` and `snippet`, and nothing here looks at other documents.

use std::collections::{BTreeSet, HashMap};

use crate::model::{Mention, Segments, Span};

use super::cues::{after_cues, before_cues, Cue};
use super::known::Known;
use super::runs::{
    known_ranges, raw_words, runs, MentionSpan, RawWord, TokRun, WordRange, MAX_RUN_WORDS,
};
use super::snippet::snippet;
use super::tokenize::{tokenize, LineKind, LineKinds, Shape, Tok};

/// A run of name words in a document, before the corpus decides on its uncertain words.
#[derive(Debug, Clone)]
pub(crate) struct RawOcc {
    /// The words of the run.
    pub(crate) words: Vec<RawWord>,
    /// Cues from the words before the run.
    pub(crate) before: Vec<Cue>,
    /// Cues from the words after the run.
    pub(crate) after: Vec<Cue>,
    /// Word ranges that are known names.
    pub(crate) known: Vec<WordRange>,
    /// Identical runs in the document (same words, flags and cues).
    pub(crate) count: u64,
    /// Where the first one is, as a snippet.
    pub(crate) example: String,
}

/// What makes two runs of a document the same: words and cues.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct OccKey {
    words: Vec<RawWord>,
    before: Vec<Cue>,
    after: Vec<Cue>,
}

/// The candidate names of one document, as [`candidates`] finds them: hand them to a
/// [`Collector`](super::Collector) in input order.
#[derive(Debug, Clone, Default)]
pub struct DocCandidates {
    /// The distinct runs, in order of first occurrence.
    pub(crate) occs: Vec<RawOcc>,
    /// Lower-case words of the document.
    pub(crate) lower: Vec<String>,
    /// Folded words written capitalized where the capital means something (not
    /// sentence-initial, not in a headline).
    pub(crate) mid_caps: Vec<String>,
}

impl DocCandidates {
    /// The number of candidate occurrences found.
    pub fn len(&self) -> usize {
        self.occs.iter().map(|o| o.count as usize).sum()
    }

    /// True when the document has no candidate.
    pub fn is_empty(&self) -> bool {
        self.occs.is_empty()
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
    candidates_with(text, segments, mentions, known, true)
}

/// [`candidates`], with `examples` false leaving each run's example empty (`--discover`
/// needs no example, and making them is a tenth of the work).
pub fn candidates_with(
    text: &str,
    segments: &Segments,
    mentions: &[Mention],
    known: &Known,
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
    let mut occs: Vec<RawOcc> = Vec::new();
    let mut index: HashMap<OccKey, usize> = HashMap::new();
    let mut lower: BTreeSet<String> = BTreeSet::new();
    let mut mid_caps: BTreeSet<String> = BTreeSet::new();
    let mut lines = LineKinds::new(text);
    for &sentence in &segments.sentences {
        if sentence.end() > text.len()
            || sentence.start() > sentence.end()
            || !text.is_char_boundary(sentence.start())
            || !text.is_char_boundary(sentence.end())
        {
            continue;
        }
        let toks = sentence_tokens(text, sentence, &spans, &mut lines);
        for t in &toks {
            match t.shape {
                // A listed ordinary word is ordinary whatever the corpus does with it
                // (see `resolve::kept`): only the others are worth remembering.
                Shape::Lower
                    if t.text.chars().all(char::is_alphabetic)
                        && !crate::suggest::lexicon::is_listed(&t.lower)
                        && !lower.contains(t.lower.as_ref()) =>
                {
                    lower.insert(t.lower.to_string());
                }
                Shape::Cap if !t.uncertain && !mid_caps.contains(t.lower.as_ref()) => {
                    mid_caps.insert(t.lower.to_string());
                }
                _ => {}
            }
        }
        for run in runs(&toks, &spans, known) {
            let TokRun { first: s, last: e } = run;
            if e - s >= MAX_RUN_WORDS || toks[s..=e].iter().any(|t| t.capitals) {
                continue;
            }
            let key = OccKey {
                words: raw_words(&toks, run, &spans, known),
                before: before_cues(&toks, s),
                after: after_cues(&toks, e),
            };
            if let Some(&k) = index.get(&key) {
                occs[k].count += 1;
                continue;
            }
            let OccKey {
                words,
                before,
                after,
            } = key.clone();
            let known_ranges = known_ranges(&words, known);
            let example = if examples {
                snippet(text, sentence, toks[s].start, toks[e].end)
            } else {
                String::new()
            };
            index.insert(key, occs.len());
            occs.push(RawOcc {
                words,
                before,
                after,
                known: known_ranges,
                count: 1,
                example,
            });
        }
    }
    DocCandidates {
        occs,
        lower: lower.into_iter().collect(),
        mid_caps: mid_caps.into_iter().collect(),
    }
}

/// The words of `sentence`, each marked with the mention covering it (an index into the
/// sorted `spans`) and with what its line says about its capital (`lines` caches the line
/// kinds of the document).
fn sentence_tokens<'a>(
    text: &'a str,
    sentence: Span,
    spans: &[MentionSpan],
    lines: &mut LineKinds<'_>,
) -> Vec<Tok<'a>> {
    let mut toks = tokenize(&text[sentence.range()], sentence.start());
    for t in &mut toks {
        let k = spans.partition_point(|m| m.span.end() <= t.start);
        if spans.get(k).is_some_and(|m| m.span.start() < t.end) {
            t.mention = Some(k);
        }
    }
    for t in &mut toks {
        let kind = lines.at(t.start);
        t.uncertain |= kind != LineKind::Prose;
        t.capitals = kind == LineKind::Capitals;
    }
    toks
}
