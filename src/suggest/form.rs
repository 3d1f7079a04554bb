//! All that the corpus shows of one form of a name (one compact key): its spellings, where
//! and how often it occurs, the cues it collected, its first example, and the word tests
//! the grouping asks of it (junk, eligible on its own, person-like, distinctive). Owns the
//! per-form tally only: which forms are one name is `variants`'s and `group`'s.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::text::words::{
    is_function_word, is_royal_title, is_title_word, junk_reason, JunkReason,
};

use super::cues::{title_of, CueKey, CueWeights};
use super::document::word_key;
use super::known::folded_words;
use super::lexicon::{is_adjective_of_listed, is_head, is_holiday_phrase, is_listed};
use super::lists::Peer;
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

/// The documents a form occurs in, ascending (documents are added in input order).
#[derive(Debug, Default)]
pub(crate) struct DocList(Vec<(u32, DocSeen)>);

impl DocList {
    /// How the form occurs in document `doc`.
    pub(crate) fn get(&self, doc: u32) -> Option<&DocSeen> {
        self.0
            .binary_search_by_key(&doc, |&(d, _)| d)
            .ok()
            .map(|k| &self.0[k].1)
    }

    /// The documents and how the form occurs in each, ascending.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &DocSeen)> + '_ {
        self.0.iter().map(|(d, s)| (*d, s))
    }

    /// The documents, ascending.
    pub(crate) fn keys(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().map(|&(d, _)| d)
    }

    /// Counts `count` occurrences in document `doc` (not before the last one added), the
    /// first at corpus order `order`.
    fn add(&mut self, doc: u32, order: usize, count: u64) {
        match self.0.last_mut() {
            Some((d, seen)) if *d == doc => {
                seen.count += count;
                seen.first = seen.first.min(order);
            }
            _ => self.0.push((
                doc,
                DocSeen {
                    count,
                    first: order,
                },
            )),
        }
    }
}

/// Whether `spelling` is written in capitals with a word of five letters or more: a
/// headline's or a dateline's way, not an acronym's.
fn shouted(spelling: &str) -> bool {
    !spelling.chars().any(char::is_lowercase)
        && spelling
            .split([' ', '-'])
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() > 4)
}

/// Where a resolved piece of a run is counted in its form: which spelling and which cues.
#[derive(Debug)]
pub(crate) struct Slot {
    /// The spelling (an index into the form's spellings).
    surface: usize,
    /// The cues (indices into the form's cues) and their weights.
    cues: Vec<(usize, u64)>,
    /// Every word's capital said nothing.
    uncertain: bool,
    /// The list companions (indices into the form's companions).
    peers: Vec<usize>,
}

/// Everything seen of one form of a name (one compact key).
#[derive(Debug)]
pub(crate) struct Form {
    /// The folded words.
    pub(crate) words: Vec<String>,
    /// Each spelling, its occurrences, and whether it is written in capitals with a word
    /// of five letters or more (`KHASAVYURT`, not `NATO`).
    surfaces: Vec<(String, u64, bool)>,
    /// Occurrences.
    pub(crate) mentions: u64,
    /// Where it occurs, by document.
    pub(crate) docs: DocList,
    /// The cues it collected, weighted by occurrences.
    pub(crate) cues: Vec<(CueKey, u64)>,
    /// The names it was listed with, and how often.
    pub(crate) peers: Vec<(Peer, u64)>,
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
            surfaces: Vec::new(),
            mentions: 0,
            docs: DocList::default(),
            cues: Vec::new(),
            peers: Vec::new(),
            first: usize::MAX,
            example: String::new(),
            certain: false,
            upper: shape_of(surface) == Shape::Upper && !surface.contains(' '),
        }
    }

    /// Where `piece` is counted in this form (its spelling and cues get a place once).
    pub(crate) fn slot(&mut self, piece: &Piece) -> Slot {
        let surface = match self.surfaces.iter().position(|(s, ..)| *s == piece.surface) {
            Some(k) => k,
            None => {
                let shouted = shouted(&piece.surface);
                self.surfaces.push((piece.surface.clone(), 0, shouted));
                self.surfaces.len() - 1
            }
        };
        let cues = piece
            .cues
            .iter()
            .map(|c| {
                let k = match self
                    .cues
                    .iter()
                    .position(|(key, _)| key.kind == c.kind && key.text == c.text)
                {
                    Some(k) => k,
                    None => {
                        let key = CueKey {
                            kind: c.kind,
                            text: c.text.clone(),
                        };
                        self.cues.push((key, 0));
                        self.cues.len() - 1
                    }
                };
                (k, u64::from(c.weight))
            })
            .collect();
        let peers = piece
            .peers
            .iter()
            .map(|p| match self.peers.iter().position(|(q, _)| q == p) {
                Some(k) => k,
                None => {
                    self.peers.push((p.clone(), 0));
                    self.peers.len() - 1
                }
            })
            .collect();
        Slot {
            surface,
            cues,
            uncertain: piece.uncertain,
            peers,
        }
    }

    /// Counts `count` occurrences of the piece placed at `slot`, from the `order`th run of
    /// the corpus (in document `doc`), whose example is `example`.
    pub(crate) fn add(&mut self, doc: u32, order: usize, slot: &Slot, count: u64, example: &str) {
        self.surfaces[slot.surface].1 += count;
        self.mentions += count;
        self.docs.add(doc, order, count);
        for &(k, weight) in &slot.cues {
            self.cues[k].1 += weight * count;
        }
        for &k in &slot.peers {
            self.peers[k].1 += count;
        }
        if order < self.first {
            self.first = order;
            self.example = example.to_string();
        }
        self.certain |= !slot.uncertain;
    }

    /// The most frequent spelling, one in ordinary case before one in capitals (`Khasavyurt`
    /// of the text before `KHASAVYURT` of the datelines), unless it is an acronym (`NATO`,
    /// of words of four letters at most, is as good as `Nato`).
    pub(crate) fn surface(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| {
                b.2.cmp(&a.2)
                    .then_with(|| a.1.cmp(&b.1))
                    .then_with(|| b.0.cmp(&a.0))
            })
            .map_or("", |(s, ..)| s.as_str())
    }

    /// One word.
    pub(crate) fn single(&self) -> bool {
        self.words.len() == 1
    }

    /// Two words or more, the first an initial (`G Dempsey`, `A. Brelton`).
    pub(crate) fn initialled(&self) -> bool {
        self.words.len() >= 2 && {
            let mut initial = self.words[0].trim_end_matches('.').chars();
            matches!((initial.next(), initial.next()), (Some(c), None) if c.is_alphabetic())
        }
    }

    /// A holiday (`Christmas Eve`), a one-word form that is an English word, a title, an
    /// adjective of a listed noun (`Parliamentary`), a number or too short, or titles and
    /// such adjectives alone (`Parliamentary Leader`).
    pub(crate) fn junk(&self) -> bool {
        let folded = self.words.join(" ");
        if is_holiday_phrase(&self.words) {
            return true;
        }
        if self.single() {
            let w = &self.words[0];
            junk_reason(w).is_some()
                || is_title_word(w)
                || is_adjective_of_listed(w)
                || w.chars().count() < 2
                || (w.chars().count() < 3 && !self.upper)
        } else {
            self.words
                .iter()
                .all(|w| is_title_word(w) || is_function_word(w) || is_adjective_of_listed(w))
                || junk_reason(&folded) == Some(JunkReason::Number)
        }
    }

    /// Can be suggested on its own.
    pub(crate) fn eligible(&self) -> bool {
        !self.junk() && (self.certain || !self.single())
    }

    /// One word that is an English word only (no title, number, function or calendar
    /// word), written with a capital that means something, which exactly one listed
    /// organization anchors (`anchors`, by word key: `Apple` of Apple, listed `~Apple`),
    /// and which the corpus writes in lower case (`anchor_lower`, by word key) less than a
    /// fifth as often as so: its capital names the organization (`Apple`, not `Total
    /// sales`, `the City`).
    pub(crate) fn anchored_by_one(
        &self,
        anchors: &FxHashSet<u64>,
        anchor_lower: &FxHashMap<u64, u64>,
    ) -> bool {
        let [word] = self.words.as_slice() else {
            return false;
        };
        let key = word_key(word);
        let lower = || anchor_lower.get(&key).copied().unwrap_or(0);
        self.certain
            && junk_reason(word) == Some(JunkReason::CommonWord)
            && !is_title_word(word)
            && anchors.contains(&key)
            && lower() * 5 < self.mentions
    }

    /// Has an organization or place head word.
    fn has_head(&self) -> bool {
        self.words.iter().any(|w| is_head(w))
    }

    /// Could be a person's name: no acronym, no head word.
    pub(crate) fn person_like(&self) -> bool {
        !self.upper && !self.has_head()
    }

    /// One word written after a royal title (`Harry` of `Prince Harry`), at least as often
    /// as after any other title: a given name that is a whole name, which stands for no
    /// longer name but one ending in it. A title in lower case is a role (`goal king
    /// Fowler`, `pop princess Kylie`).
    pub(crate) fn regnal(&self) -> bool {
        if !self.single() || self.upper {
            return false;
        }
        let (mut royal, mut titles) = (0, 0);
        for (key, w) in &self.cues {
            if let Some(t) = title_of(key) {
                titles += w;
                let capitalized = t.starts_with(char::is_uppercase);
                if capitalized && is_royal_title(&t.trim_end_matches('.').to_lowercase()) {
                    royal += w;
                }
            }
        }
        royal > 0 && royal * 2 >= titles
    }

    /// Has a word that is not an English, title or head word (`Angelo`, not `State`).
    pub(crate) fn distinctive(&self) -> bool {
        self.words.iter().any(|w| !is_listed(w) && !is_head(w))
    }
}

/// The cues of forms `of` of `forms`, their weights summed.
pub(crate) fn summed_cues(forms: &[Form], of: impl IntoIterator<Item = usize>) -> CueWeights {
    let mut cues = CueWeights::new();
    for f in of {
        for (k, v) in &forms[f].cues {
            *cues.entry(k.clone()).or_default() += v;
        }
    }
    cues
}
