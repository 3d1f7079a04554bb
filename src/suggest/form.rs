//! All that the corpus shows of one form of a name (one compact key): its spellings, where
//! and how often it occurs, the cues it collected, its first example, and the word tests
//! the grouping asks of it (junk, eligible on its own, person-like, distinctive). Owns the
//! per-form tally only: which forms are one name is `variants`'s and `group`'s.

use std::collections::BTreeMap;

use crate::text::words::{is_function_word, is_title_word, junk_reason, JunkReason};

use super::cues::{CueKey, CueWeights};
use super::document::RawOcc;
use super::known::folded_words;
use super::lexicon::{is_head, is_listed};
use super::resolve::Piece;
use super::tokenize::{shape_of, Shape};

/// How a form occurs in one document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DocSeen {
    /// Occurrences in the document.
    pub(crate) count: u64,
    /// The corpus order of the first (the index of its run in the collector).
    pub(crate) first: usize,
}

/// Everything seen of one form of a name (one compact key).
#[derive(Debug)]
pub(crate) struct Form {
    /// The folded words.
    pub(crate) words: Vec<String>,
    /// Each spelling and its occurrences.
    surfaces: BTreeMap<String, u64>,
    /// Occurrences.
    pub(crate) mentions: u64,
    /// Where it occurs, by document.
    pub(crate) docs: BTreeMap<u32, DocSeen>,
    /// The cues it collected, weighted by occurrences.
    pub(crate) cues: CueWeights,
    /// The corpus order of its first occurrence.
    pub(crate) first: usize,
    /// The example of its first occurrence.
    pub(crate) example: String,
    /// Some occurrence has a word whose capital means something.
    certain: bool,
    /// Written in capitals (an acronym).
    pub(crate) upper: bool,
}

impl Form {
    /// A form first seen written `surface`, with nothing counted yet.
    pub(crate) fn new(surface: &str) -> Form {
        Form {
            words: folded_words(surface),
            surfaces: BTreeMap::new(),
            mentions: 0,
            docs: BTreeMap::new(),
            cues: BTreeMap::new(),
            first: usize::MAX,
            example: String::new(),
            certain: false,
            upper: shape_of(surface) == Shape::Upper && !surface.contains(' '),
        }
    }

    /// Counts `piece`, resolved from run `occ` (the `order`th run of the corpus) of
    /// document `doc`.
    pub(crate) fn add(&mut self, doc: u32, order: usize, piece: &Piece, occ: &RawOcc) {
        *self.surfaces.entry(piece.surface.clone()).or_default() += occ.count;
        self.mentions += occ.count;
        let d = self.docs.entry(doc).or_insert(DocSeen {
            count: 0,
            first: order,
        });
        d.count += occ.count;
        d.first = d.first.min(order);
        for c in &piece.cues {
            let key = CueKey {
                kind: c.kind,
                text: c.text.clone(),
            };
            *self.cues.entry(key).or_default() += u64::from(c.weight) * occ.count;
        }
        if order < self.first {
            self.first = order;
            self.example = occ.example.clone();
        }
        self.certain |= !piece.uncertain;
    }

    /// The most frequent spelling.
    pub(crate) fn surface(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or("", |(s, _)| s.as_str())
    }

    /// One word.
    pub(crate) fn single(&self) -> bool {
        self.words.len() == 1
    }

    /// A one-word form that is an English word, a title, a number or too short.
    pub(crate) fn junk(&self) -> bool {
        let folded = self.words.join(" ");
        if self.single() {
            let w = &self.words[0];
            junk_reason(w).is_some()
                || is_title_word(w)
                || w.chars().count() < 2
                || (w.chars().count() < 3 && !self.upper)
        } else {
            self.words
                .iter()
                .all(|w| is_title_word(w) || is_function_word(w))
                || junk_reason(&folded) == Some(JunkReason::Number)
        }
    }

    /// Can be suggested on its own.
    pub(crate) fn eligible(&self) -> bool {
        !self.junk() && (self.certain || !self.single())
    }

    /// Has an organization or place head word.
    fn has_head(&self) -> bool {
        self.words.iter().any(|w| is_head(w))
    }

    /// Could be a person's name: no acronym, no head word.
    pub(crate) fn person_like(&self) -> bool {
        !self.upper && !self.has_head()
    }

    /// Has a word that is not an English, title or head word (`Angelo`, not `State`).
    pub(crate) fn distinctive(&self) -> bool {
        self.words.iter().any(|w| !is_listed(w) && !is_head(w))
    }
}
