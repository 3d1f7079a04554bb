//! The scan engines' common ground: the [`Engine`] trait, the raw [`Hit`] an engine
//! yields, and [`Scan`], the engine a matcher was built with.
//!
//! An engine finds every pattern occurrence in normalized text that starts and ends at a
//! word boundary, in any order; what happens to those hits afterwards (case, overlaps,
//! senses) belongs to [`super::select`] and [`super::senses`]. Must not touch records,
//! entities or the original text.

use aho_corasick::AhoCorasick;

use super::word_index::WordIndex;

/// One raw occurrence of a pattern in the normalized text: byte offsets into it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) pattern: u32,
}

/// A way to find the patterns in normalized text. Called once per document through
/// [`Scan::scan`], which dispatches statically: an engine's inner loop is monomorphic.
pub(crate) trait Engine {
    /// Appends to `hits` every occurrence in `norm` of a pattern that starts and ends at a
    /// word boundary (in no particular order).
    fn scan(&self, norm: &str, hits: &mut Vec<Hit>);

    /// Heap bytes held.
    fn memory_usage(&self) -> usize;
}

/// The matcher's scan engine.
#[derive(Debug, Clone)]
pub(crate) enum Scan {
    Automaton(AhoCorasick),
    Words(Box<WordIndex>),
}

impl Scan {
    /// Scans `norm` with the engine (one match per document, not per hit).
    #[inline]
    pub(crate) fn scan(&self, norm: &str, hits: &mut Vec<Hit>) {
        match self {
            Scan::Automaton(ac) => ac.scan(norm, hits),
            Scan::Words(w) => w.scan(norm, hits),
        }
    }

    /// Heap bytes held by the engine.
    pub(crate) fn memory_usage(&self) -> usize {
        match self {
            Scan::Automaton(ac) => Engine::memory_usage(ac),
            Scan::Words(w) => w.memory_usage(),
        }
    }
}
