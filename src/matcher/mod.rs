//! The matcher: one index over every alias variant, and the rules that turn its raw hits
//! into mentions.
//!
//! Owns the scan engines (a word index by default, an aho-corasick automaton for
//! explanations and comparison) and their builder, the pattern → entity table, and the
//! rules, in the order they apply: word boundaries, case policy, leftmost-longest without
//! overlaps (a longer hit that fails a rule never hides a shorter one that passes),
//! anchoring, and per-document resolution of aliases shared by several entities. Emits
//! [`Mention`]s with byte spans into the original text. Must not touch segments, files,
//! graphs or output formats.
//!
//! Everything that can be decided from the gazetteer alone (variants, junk guard, which
//! case check an alias needs) is decided once in [`MatcherBuilder::build`]; the per-document
//! work is a scan of the normalized text and a few checks per hit.
//!
//! This file holds the public API and the per-document pipeline; the parts, in the order
//! they apply:
//!
//! ```text
//! compile.rs     gazetteer → patterns, records (case check, junk guard), engine
//! engine.rs      the Engine trait, its Hit, and Scan: the engine chosen, matched once
//!                per document
//! word_index.rs  the default engine (hashes and Bloom filters, 64-byte bit-mask blocks)
//! automaton.rs   the aho-corasick engine (and the automaton explanations use)
//! select.rs      boundary, case, leftmost-longest → candidates
//! sports.rs      the sports words among the patterns, counted from the hits
//! senses.rs      anchoring and shared aliases → mentions
//! describes.rs   a place that introduces a person describes them
//! context/       a place that stands for a team, is part of a longer name, or is a
//!                person's surname is dropped
//! explain.rs     explain: the trace of every rule's verdict, in words
//! ```

mod automaton;
mod compile;
mod context;
mod describes;
mod engine;
mod explain;
mod select;
mod senses;
mod sports;
#[cfg(test)]
mod tests;
mod word_index;

use aho_corasick::AhoCorasickKind;

use crate::gazetteer::{CasePolicy, Gazetteer};
use crate::model::{EntityId, Mention, Span};
use crate::text::normalize::{normalize_into, OffsetMap};
use crate::text::words::JunkReason;
use compile::PatternRecord;
use context::{DocContext, Loud, Rules, Scene, Verdict};
use describes::{mark_descriptions, EntityClass};
use engine::{Hit, Scan};
use explain::{Explainer, Trace};
use senses::{resolve_senses, Candidate, Hints, Sightings};
use sports::SportsWords;

pub(crate) use senses::ends_in_legal_form;
pub use senses::{legal_form_cuts, without_legal_form, DocEvidence};

pub use context::ContextDrops;
pub use explain::Rule;

/// Total pattern bytes up to which the matcher builds a DFA (see [`MatcherBuilder::build`]).
pub const DFA_MAX_PATTERN_BYTES: usize = 1 << 20;

/// Building the automaton failed (the cause is the [`std::error::Error::source`]).
#[derive(Debug, thiserror::Error)]
#[error("cannot build the matcher")]
pub struct BuildError(#[from] aho_corasick::BuildError);

/// Configures and builds a [`Matcher`].
///
/// # Examples
/// ```
/// use entgraph::{Gazetteer, Matcher, gazetteer::CasePolicy};
/// let g = Gazetteer::from_str("places.txt", "Russia\n").unwrap();
/// let m = Matcher::builder().case(Some(CasePolicy::Exact)).demonyms(false).build(&g).unwrap();
/// assert!(m.find("RUSSIA").mentions.is_empty());
/// ```
#[derive(Debug, Clone)]
pub struct MatcherBuilder {
    case: Option<CasePolicy>,
    demonyms: bool,
    junk_guard: bool,
    kind: Option<AhoCorasickKind>,
    scan: Option<ScanKind>,
    context: Rules,
}

/// How a matcher scans text for its patterns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanKind {
    /// An Aho–Corasick automaton (a DFA up to [`DFA_MAX_PATTERN_BYTES`] of patterns, a
    /// contiguous NFA above) over every position of the text; hits inside words are then
    /// rejected by the boundary rule. [`Matcher::explain`] uses one to show those.
    Automaton,
    /// The default: a hash index of the patterns walked from each word start, 64 bytes of
    /// text at a time by bit masks, with a Bloom filter of first words in front. It finds
    /// what the automaton finds and passes the boundary rule (a property test checks),
    /// without the automaton's hits inside words (`us` in `thus` for the acronym `US`),
    /// builds in a fraction of its time and memory, and scans several times faster at
    /// every gazetteer size (`cargo bench --bench stages -- matcher`).
    WordIndex,
}

impl Default for MatcherBuilder {
    fn default() -> Self {
        MatcherBuilder {
            case: None,
            demonyms: true,
            junk_guard: true,
            kind: None,
            scan: None,
            context: Rules {
                teams: true,
                names: true,
            },
        }
    }
}

impl MatcherBuilder {
    /// Overrides every gazetteer's case policy (`--case`); `None` keeps each file's own.
    pub fn case(&mut self, case: Option<CasePolicy>) -> &mut Self {
        self.case = case;
        self
    }

    /// Whether demonym aliases (`Russian` → Russia) are matched (default true).
    pub fn demonyms(&mut self, yes: bool) -> &mut Self {
        self.demonyms = yes;
        self
    }

    /// Whether aliases that are not names (numbers, function words, common words) are set
    /// aside unless forced (default true).
    pub fn junk_guard(&mut self, yes: bool) -> &mut Self {
        self.junk_guard = yes;
        self
    }

    /// Forces an automaton kind (for benchmarks); by default the crate picks by size.
    pub fn automaton(&mut self, kind: Option<AhoCorasickKind>) -> &mut Self {
        self.kind = kind;
        self
    }

    /// Whether a place that stands for a team (a results or fixture line, `England
    /// captain`, a result verb in a sports story) is dropped (default true).
    pub fn teams(&mut self, yes: bool) -> &mut Self {
        self.context.teams = yes;
        self
    }

    /// Whether a place that is part of a longer name (`Real Madrid`, `Bank of Canada`,
    /// `Air France`) or a person's surname (`Neil Jordan`, and `Jordan` after it) is
    /// dropped (default true).
    pub fn names_inside_names(&mut self, yes: bool) -> &mut Self {
        self.context.names = yes;
        self
    }

    /// Forces a scan engine (for benchmarks and tests); by default the word index.
    pub fn scan(&mut self, scan: Option<ScanKind>) -> &mut Self {
        self.scan = scan;
        self
    }

    /// Builds the matcher for `gazetteer`.
    ///
    /// # Errors
    /// When the automaton cannot be built (it would exceed the automaton's size limits).
    pub fn build(&self, gazetteer: &Gazetteer) -> Result<Matcher, BuildError> {
        compile::build(self, gazetteer)
    }
}

/// What happened to the gazetteer's aliases when the matcher was built.
#[derive(Debug, Clone, Default)]
pub struct BuildStats {
    /// Aliases in the gazetteer.
    pub aliases: usize,
    /// Distinct normalized patterns in the automaton.
    pub patterns: usize,
    /// Patterns shared by more than one entity.
    pub ambiguous_patterns: usize,
    /// Demonym aliases skipped because demonyms are off.
    pub demonyms_off: usize,
    /// Aliases set aside by the junk guard.
    pub set_aside: Vec<SetAside>,
}

/// An alias the junk guard set aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The alias as written.
    pub alias: String,
    /// Its entity.
    pub entity: EntityId,
    /// Why.
    pub reason: JunkReason,
}

/// A byte range of an arena string, or a range of a table, in `u32`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range32 {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

impl Range32 {
    /// The range of `arena`.
    #[inline]
    pub(crate) fn of(self, arena: &str) -> &str {
        &arena[self.start as usize..self.end as usize]
    }

    /// The range of `table`.
    #[inline]
    pub(crate) fn slice<T>(self, table: &[T]) -> &[T] {
        &table[self.start as usize..self.end as usize]
    }
}

/// Finds gazetteer entities in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    scan: Scan,
    /// For each pattern id, its records' range in `records`.
    ranges: Vec<Range32>,
    records: Vec<PatternRecord>,
    /// For each entity, whether it is a person or a place (a place that introduces a
    /// person describes them).
    kinds: Vec<EntityClass>,
    stats: BuildStats,
    /// For explanations with the word index: an automaton of the same patterns.
    explainer: Explainer,
    /// The context rules that apply.
    context: Rules,
    /// For each place, the team named after it, if the gazetteer has one.
    teams: Vec<Option<EntityId>>,
    /// For each place, whether its team is a listed club (`team_of`), not one derived.
    clubs: Vec<bool>,
    /// For each person whose label has several words, the start of its first word.
    given: Vec<Option<context::GivenStart>>,
    /// What helps choose among an alias' senses: countries, states.
    hints: Hints,
    /// The patterns that are sports words (none with the team rules off).
    sports: SportsWords,
}

/// What the context rules watch in an entity's candidates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Watch {
    /// A place (its neighbours may make it a team, a longer name, a surname).
    pub(crate) place: bool,
    /// A person named with a given name (a bare surname after another one is someone
    /// else).
    pub(crate) named: bool,
    /// A place a listed club is named after (in a sports story it may be the club).
    pub(crate) club: bool,
}

/// The mentions found in one document and what was dropped on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMatches {
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Mentions of a shared alias dropped because the document gave no evidence and no
    /// entity is its default sense.
    pub ambiguous_dropped: usize,
    /// Mentions of anchored aliases dropped because the document never names the entity
    /// otherwise.
    pub anchored_dropped: usize,
    /// Place mentions dropped by their context: teams, names inside longer names,
    /// surnames.
    pub context: ContextDrops,
    /// Mentions of shared aliases whose sense the words around them or the document's
    /// country decided.
    pub cues: SenseCues,
}

/// Mentions of shared aliases decided by a cue rather than by the document's unambiguous
/// mentions or the default sense.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SenseCues {
    /// A state's office or body after the name picked the state (`New York Attorney
    /// General`).
    pub state: usize,
    /// Company words picked the company (`shares in Texas Gas`).
    pub company: usize,
    /// The country the document names picked the sense in it (Valencia, Spain).
    pub country: usize,
    /// An anchored name counted for the person whose office the title before it fits
    /// (`President Clinton` in a story that never says `Bill Clinton`).
    pub title: usize,
    /// An anchored organization name counted for the company words around it (`Target
    /// Corp`, `shares in Shell`).
    pub company_words: usize,
}

/// Reusable buffers for [`Matcher::find_with`], one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    norm: String,
    map: OffsetMap,
    hits: Vec<Hit>,
    /// The spans of a document's candidates, and those the context rules must read.
    spans: Vec<Span>,
    loud: Vec<Loud>,
    /// The sports words of the text last scanned, up to a sports story's count.
    sports: u32,
}

/// One line of [`Matcher::explain`]: a candidate match and the rule that decided it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// Byte span in the text.
    pub span: Span,
    /// The text matched.
    pub text: String,
    /// True when a mention is emitted.
    pub accepted: bool,
    /// The rule that decided; displays as `match`, `boundary`, `case`, `overlap`,
    /// `anchoring`, `ambiguity` or `junk`.
    pub rule: Rule,
    /// Why, in words, naming the alias and the entities.
    pub reason: String,
}

impl Matcher {
    /// A builder with default options.
    pub fn builder() -> MatcherBuilder {
        MatcherBuilder::default()
    }

    /// A matcher with default options.
    ///
    /// # Errors
    /// See [`MatcherBuilder::build`].
    pub fn new(gazetteer: &Gazetteer) -> Result<Matcher, BuildError> {
        MatcherBuilder::default().build(gazetteer)
    }

    /// What happened to the aliases at build time.
    pub fn stats(&self) -> &BuildStats {
        &self.stats
    }

    /// Heap bytes used by the automaton.
    pub fn memory_usage(&self) -> usize {
        self.scan.memory_usage()
    }

    /// Finds the mentions in `text`.
    pub fn find(&self, text: &str) -> DocMatches {
        self.find_with(text, &mut Scratch::default())
    }

    /// Finds the mentions in `text`, reusing `scratch`'s buffers.
    pub fn find_with(&self, text: &str, scratch: &mut Scratch) -> DocMatches {
        let candidates = self.candidates(text, scratch, None);
        self.decide(text, 0, candidates, None, scratch, None).0
    }

    /// The first of two passes over a document too long to hold whole, matched in parts
    /// cut at paragraph breaks (blank lines, see [`crate::segment::part_cuts`]): adds the
    /// evidence of `part`, which starts at byte `offset` of the document, to `evidence`.
    /// Every part is gathered, in text order, before any is found with
    /// [`Matcher::find_part`].
    ///
    /// # Examples
    /// ```
    /// use entgraph::{Gazetteer, Matcher, matcher::DocEvidence};
    /// let g = Gazetteer::from_str("people.txt", "Gordon Brown | ~Brown\n").unwrap();
    /// let m = Matcher::new(&g).unwrap();
    /// let parts = ["Brown spoke first.\n\n", "Gordon Brown arrived later.\n"];
    /// let mut evidence = DocEvidence::default();
    /// let mut offset = 0;
    /// for part in parts {
    ///     m.gather(part, offset, &mut evidence, &mut Default::default());
    ///     offset += part.len();
    /// }
    /// // `Brown` in the first part counts: the document names Gordon Brown in full later.
    /// let first = m.find_part(parts[0], 0, &evidence, &mut Default::default());
    /// assert_eq!(first.mentions.len(), 1);
    /// ```
    pub fn gather(
        &self,
        part: &str,
        offset: usize,
        evidence: &mut DocEvidence,
        scratch: &mut Scratch,
    ) {
        let candidates = self.candidates(part, scratch, None);
        evidence.add(&Sightings::of(&candidates), offset);
        if self.context.teams || self.context.names {
            self.survey(part, &candidates, scratch, false);
            evidence
                .context
                .gather(part, offset, scratch.sports, &scratch.loud, &scratch.spans);
        }
    }

    /// The second pass over a document matched in parts (see [`Matcher::gather`]): the
    /// mentions of `part`, which starts at byte `offset` of the document, with spans into
    /// `part`, decided with the whole document's evidence. Over parts cut at blank lines it
    /// finds what [`Matcher::find`] finds in the whole text.
    pub fn find_part(
        &self,
        part: &str,
        offset: usize,
        evidence: &DocEvidence,
        scratch: &mut Scratch,
    ) -> DocMatches {
        let candidates = self.candidates(part, scratch, None);
        self.decide(part, offset, candidates, Some(evidence), scratch, None)
            .0
    }

    /// The spans of `candidates` (of `text`) into `scratch.spans`, and those the context
    /// rules must read into `scratch.loud` (see [`context::survey`]; every place when
    /// `all_places`).
    fn survey(
        &self,
        text: &str,
        candidates: &[Candidate],
        scratch: &mut Scratch,
        all_places: bool,
    ) {
        scratch.spans.clear();
        scratch.loud.clear();
        for c in candidates {
            scratch.spans.push(c.span);
            let (mut place, mut person, mut club, mut demonym) = (false, false, false, false);
            for s in &c.senses {
                place |= s.watch.place;
                demonym |= s.demonym;
                // A person's surname and a firm's name (no person's nor place's) are read
                // alike: after a capitalized word (`Carlos Ferrero` is no company).
                let firm = self.kinds.get(s.entity.index()) == Some(&EntityClass::Other);
                person |= s.watch.named || firm;
                club |= s.watch.club;
            }
            let names = self.context.names;
            let all = all_places || club && self.context.teams;
            let language = demonym && names;
            if let Some(l) = context::survey(text, c.span, place, person && names, all, language) {
                scratch.loud.push(l);
            }
        }
    }

    /// From candidates to mentions: senses (with the whole document's evidence when `text`
    /// is a part of it, at byte `offset`), descriptions, then the context rules. Returns
    /// the mentions and, when `explain` is asked, each mention the context dropped with
    /// its verdict.
    pub(crate) fn decide(
        &self,
        text: &str,
        offset: usize,
        candidates: Vec<Candidate>,
        whole: Option<&DocEvidence>,
        scratch: &mut Scratch,
        trace: Option<&mut Vec<Trace>>,
    ) -> (DocMatches, Vec<(Span, Verdict)>) {
        let on = self.context.teams || self.context.names;
        let mut ctx = DocContext::default();
        if on {
            match whole {
                Some(w) => {
                    ctx = w.context.clone();
                    self.survey(text, &candidates, scratch, !ctx.surnames_empty());
                }
                None => {
                    ctx.add_sports(scratch.sports);
                    self.survey(text, &candidates, scratch, false);
                    ctx.gather_surnames(text, 0, &scratch.loud, &scratch.spans);
                    // A place used as a surname may be one wherever it is named again.
                    if !ctx.surnames_empty() {
                        self.survey(text, &candidates, scratch, true);
                    }
                }
            }
        }
        let explaining = trace.is_some();
        let mut out = resolve_senses(text, candidates, whole, &self.hints, trace);
        mark_descriptions(&self.kinds, text, &mut out.mentions);
        let mut dropped = Vec::new();
        if on {
            let scene = Scene {
                kinds: &self.kinds,
                teams: &self.teams,
                clubs: &self.clubs,
                text,
                offset,
                others: &scratch.spans,
                loud: &scratch.loud,
                rules: self.context,
                given: &self.given,
            };
            let explain = explaining.then_some(&mut dropped);
            context::judge(
                &scene,
                &mut ctx,
                &mut out.mentions,
                &mut out.context,
                explain,
            );
        }
        (out, dropped)
    }

    /// Explains every candidate match in `text`: which alias matched, and whether the
    /// boundary, case, overlap, anchoring, ambiguity or junk rule accepted or rejected it.
    /// `gazetteer` must be the one the matcher was built from.
    ///
    /// # Examples
    /// ```
    /// use entgraph::{Gazetteer, Matcher};
    /// let g = Gazetteer::from_str("places.txt", "Korea\n").unwrap();
    /// let m = Matcher::new(&g).unwrap();
    /// let why = m.explain(&g, "Koreans");
    /// assert_eq!((why[0].rule.to_string(), why[0].accepted), ("boundary".into(), false));
    /// ```
    pub fn explain(&self, gazetteer: &Gazetteer, text: &str) -> Vec<Explanation> {
        explain::explain(self, gazetteer, text)
    }

    /// The records of pattern `pattern`.
    fn records(&self, pattern: u32) -> &[PatternRecord] {
        self.ranges[pattern as usize].slice(&self.records)
    }

    /// Hits that pass the boundary and case rules, leftmost-longest without overlaps: the
    /// engine's scan of the normalized text, then [`select::select`]. With `trace`, every
    /// rejected hit is recorded with the rule that rejected it.
    fn candidates(
        &self,
        text: &str,
        scratch: &mut Scratch,
        mut trace: Option<&mut Vec<Trace>>,
    ) -> Vec<Candidate> {
        let Scratch {
            norm,
            map,
            hits,
            sports,
            ..
        } = scratch;
        normalize_into(text, true, norm, map);
        hits.clear();
        match trace.as_deref_mut() {
            None => self.scan.scan(norm, hits),
            Some(t) => explain::scan_traced(self, norm, map, hits, t),
        }
        *sports = self.sports.count(text, map, hits, context::SPORTS_STORY);
        select::select(self, text, map, hits, trace)
    }
}
