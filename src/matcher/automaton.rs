//! The Aho–Corasick engine: every position of the text is scanned, and hits inside words
//! are rejected by the boundary rule afterwards.
//!
//! Owns building the automaton (DFA or contiguous NFA by size) and its overlapping scan.
//! [`super::explain`] uses one to show the hits the boundary rule rejects. Must not touch
//! records, case, overlaps or senses.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::engine::{Engine, Hit};
use super::select::{word_char_at, word_char_before};
use super::{BuildError, DFA_MAX_PATTERN_BYTES};

/// Builds the overlapping automaton of `keys`: a DFA when they are small enough to make
/// one worth its memory, else what the crate picks (a contiguous NFA).
pub(crate) fn automaton(
    keys: &[&str],
    kind: Option<AhoCorasickKind>,
) -> Result<AhoCorasick, BuildError> {
    // A DFA scans several times faster than the NFAs the crate picks by default above a
    // hundred patterns; it is worth its memory up to tens of thousands of aliases.
    let kind = kind.or_else(|| {
        let bytes: usize = keys.iter().map(|k| k.len()).sum();
        (bytes <= DFA_MAX_PATTERN_BYTES).then_some(AhoCorasickKind::DFA)
    });
    Ok(AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .byte_classes(true)
        .build(keys)?)
}

/// Every occurrence of a pattern of `ac` in `norm`, in the automaton's order: those at
/// word boundaries are pushed to `hits`, the others given to `inside_word` (start, end,
/// pattern).
#[inline]
pub(crate) fn scan_with(
    ac: &AhoCorasick,
    norm: &str,
    hits: &mut Vec<Hit>,
    mut inside_word: impl FnMut(u32, u32, u32),
) {
    for m in ac.find_overlapping_iter(norm) {
        let (s, e) = (m.start(), m.end());
        if word_char_before(norm, s) || word_char_at(norm, e) {
            inside_word(s as u32, e as u32, m.pattern().as_u32());
            continue;
        }
        hits.push(Hit {
            start: s as u32,
            end: e as u32,
            pattern: m.pattern().as_u32(),
        });
    }
}

impl Engine for AhoCorasick {
    fn scan(&self, norm: &str, hits: &mut Vec<Hit>) {
        scan_with(self, norm, hits, |_, _, _| {});
    }

    fn memory_usage(&self) -> usize {
        AhoCorasick::memory_usage(self)
    }
}
