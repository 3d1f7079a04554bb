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

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use smallvec::SmallVec;

use crate::gazetteer::{variants, CasePolicy, Gazetteer};
use crate::model::{EntityIndex, Mention, Span};
use crate::text::acronym::is_acronym;
use crate::text::bytes::{padded_block, word_masks, BLOCK};
use crate::text::chars::is_word_char;
use crate::text::normalize::{is_normalized, normalize, normalize_into, OffsetMap};
use crate::text::words::{junk_reason, JunkReason};

/// Total pattern bytes up to which the matcher builds a DFA (see [`MatcherBuilder::build`]).
pub const DFA_MAX_PATTERN_BYTES: usize = 1 << 20;

/// Building the automaton failed.
#[derive(Debug, thiserror::Error)]
#[error("cannot build the matcher: {0}")]
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
        let mut stats = BuildStats::default();
        // Folded patterns and their records, made in parallel over chunks of entities:
        // normalizing and generating variants is most of the work for a large gazetteer.
        // The patterns live in one arena string, not a string each.
        let chunks: Vec<Table> = gazetteer
            .entities()
            .par_chunks(ENTITY_CHUNK)
            .enumerate()
            .map(|(c, entities)| {
                let mut t = Table::default();
                for (i, entity) in entities.iter().enumerate() {
                    self.entity_records((c * ENTITY_CHUNK + i) as EntityIndex, entity, &mut t);
                }
                t
            })
            .collect();
        let mut table = Table::default();
        table
            .arena
            .reserve(chunks.iter().map(|t| t.arena.len()).sum());
        table
            .keys
            .reserve(chunks.iter().map(|t| t.keys.len()).sum());
        table
            .records
            .reserve(chunks.iter().map(|t| t.records.len()).sum());
        for t in chunks {
            let base = table.arena.len() as u32;
            table.arena.push_str(&t.arena);
            table
                .keys
                .extend(t.keys.iter().map(|&(s, e)| (s + base, e + base)));
            table.records.extend(t.records);
            stats.demonyms_off += t.demonyms_off;
            stats.set_aside.extend(t.set_aside);
        }
        stats.aliases = gazetteer.entities().iter().map(|e| e.aliases.len()).sum();
        let made = std::mem::take(&mut table.records);
        let key = |i: u32| {
            let (s, e) = table.keys[i as usize];
            &table.arena[s as usize..e as usize]
        };
        // Patterns numbered in order of first appearance (entity order, then alias order):
        // deterministic, and a hash table rather than a sort of a million strings.
        let mut ids: rustc_hash::FxHashMap<&str, u32> = Default::default();
        ids.reserve(made.len());
        let pattern_of: Vec<u32> = (0..made.len() as u32)
            .map(|i| {
                let next = ids.len() as u32;
                *ids.entry(key(i)).or_insert(next)
            })
            .collect();
        let mut keys: Vec<&str> = vec![""; ids.len()];
        for (k, id) in ids {
            keys[id as usize] = k;
        }
        let scan_kind = self.scan.unwrap_or(ScanKind::WordIndex);
        // An automaton's trie builds several times faster from sorted patterns.
        let mut rank: Vec<u32> = (0..keys.len() as u32).collect();
        if scan_kind == ScanKind::Automaton {
            let mut by_key: Vec<u32> = rank.clone();
            by_key.par_sort_unstable_by_key(|&p| keys[p as usize]);
            for (r, &p) in by_key.iter().enumerate() {
                rank[p as usize] = r as u32;
            }
            let mut sorted = vec![""; keys.len()];
            for (p, &r) in rank.iter().enumerate() {
                sorted[r as usize] = keys[p];
            }
            keys = sorted;
        }
        // Records grouped by pattern (a counting sort), then, per pattern, in entity order
        // with the same variant of the same alias twice kept once (default sense if either
        // is).
        let mut starts = vec![0u32; keys.len() + 1];
        for &p in &pattern_of {
            starts[rank[p as usize] as usize + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut slots = vec![0u32; made.len()];
        let mut fill = starts.clone();
        for (i, &p) in pattern_of.iter().enumerate() {
            let r = rank[p as usize] as usize;
            slots[fill[r] as usize] = i as u32;
            fill[r] += 1;
        }
        drop(pattern_of);
        // Moved, not cloned, into pattern order: a million records are hundreds of MB.
        let mut made: Vec<Option<Record>> = made.into_iter().map(Some).collect();
        let order = |r: &Record| (r.entity, r.alias, r.check, r.anchored, r.demonym);
        let mut records: Vec<Record> = Vec::with_capacity(made.len());
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(keys.len());
        for p in 0..keys.len() {
            let start = records.len();
            for &slot in &slots[starts[p] as usize..starts[p + 1] as usize] {
                if let Some(r) = made[slot as usize].take() {
                    records.push(r);
                }
            }
            let group = &mut records[start..];
            group.sort_by(|a, b| (order(a), &a.cased).cmp(&(order(b), &b.cased)));
            let mut kept = start;
            for i in start..records.len() {
                let same = kept > start && {
                    let (prev, this) = (&records[kept - 1], &records[i]);
                    prev.entity == this.entity
                        && prev.cased == this.cased
                        && (prev.check, prev.anchored, prev.demonym)
                            == (this.check, this.anchored, this.demonym)
                };
                if same {
                    let d = records[i].default_sense;
                    records[kept - 1].default_sense |= d;
                } else {
                    records.swap(kept, i);
                    kept += 1;
                }
            }
            records.truncate(kept);
            ranges.push((start as u32, kept as u32));
        }
        drop(slots);
        drop(made);
        stats.patterns = keys.len();
        stats.ambiguous_patterns = ranges
            .iter()
            .filter(|&&(s, e)| {
                let r = &records[s as usize..e as usize];
                r.iter().any(|x| x.entity != r[0].entity)
            })
            .count();
        // A DFA scans several times faster than the NFAs the crate picks by default above
        // a hundred patterns; it is worth its memory up to tens of thousands of aliases.
        let scan = match scan_kind {
            ScanKind::Automaton => Scan::Automaton(automaton(&keys, self.kind)?),
            ScanKind::WordIndex => Scan::Words(Box::new(WordIndex::new(&keys))),
        };
        Ok(Matcher {
            scan,
            ranges,
            records,
            kinds: gazetteer
                .entities()
                .iter()
                .map(|e| match e.kind.as_str() {
                    "person" => Kind::Person,
                    "place" => Kind::Place,
                    _ => Kind::Other,
                })
                .collect(),
            stats,
        })
    }
}

/// Entities per parallel work item when building.
const ENTITY_CHUNK: usize = 4096;

/// Patterns and records under construction.
#[derive(Default)]
struct Table {
    /// Folded patterns, one after another.
    arena: String,
    /// Each record's pattern as a byte range of `arena`.
    keys: Vec<(u32, u32)>,
    records: Vec<Record>,
    demonyms_off: usize,
    set_aside: Vec<SetAside>,
    scratch: String,
    map: OffsetMap,
}

impl MatcherBuilder {
    /// Adds one entity's folded patterns and records to `t`, counting the demonyms
    /// skipped and the aliases the junk guard sets aside.
    fn entity_records(&self, ei: EntityIndex, entity: &crate::gazetteer::Entity, t: &mut Table) {
        for (ai, alias) in entity.aliases.iter().enumerate() {
            if alias.demonym && !self.demonyms {
                t.demonyms_off += 1;
                continue;
            }
            let policy = self.case.unwrap_or(alias.case);
            let cased = normalize(&alias.text, false);
            let check = case_check(policy, &cased);
            // Only one-word aliases and numbers can be junk: skip the fold for the rest.
            let may_be_junk = !cased.contains(' ') || !cased.chars().any(char::is_alphabetic);
            if self.junk_guard && !alias.forced && check != CaseCheck::Exact && may_be_junk {
                // Anchoring makes a common word safe (it only counts where the entity is
                // named in full); numbers, function words and dates never are.
                let reason = junk_reason(&cased.to_lowercase())
                    .filter(|r| !(alias.anchored && *r == JunkReason::CommonWord));
                if let Some(reason) = reason {
                    t.set_aside.push(SetAside {
                        alias: alias.text.clone(),
                        entity: ei,
                        reason,
                    });
                    continue;
                }
            }
            for cased in variants(&alias.text, &entity.kind) {
                let start = t.arena.len() as u32;
                crate::text::normalize::normalize_into(&cased, true, &mut t.scratch, &mut t.map);
                t.arena.push_str(&t.scratch);
                t.keys.push((start, t.arena.len() as u32));
                let check = case_check(policy, &cased);
                t.records.push(Record {
                    entity: ei,
                    alias: ai as u32,
                    anchored: alias.anchored,
                    demonym: alias.demonym,
                    default_sense: alias.default_sense,
                    check,
                    cased: if check == CaseCheck::Exact {
                        cased.into_boxed_str()
                    } else {
                        Box::default()
                    },
                });
            }
        }
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
    pub entity: EntityIndex,
    /// Why.
    pub reason: JunkReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum CaseCheck {
    /// Any case.
    None,
    /// The text must not start lower-case (the alias starts upper-case).
    FirstUpper,
    /// The normalized text must equal the alias variant exactly.
    Exact,
}

/// Which check an alias variant needs under `policy`.
fn case_check(policy: CasePolicy, cased: &str) -> CaseCheck {
    match policy {
        CasePolicy::Insensitive => CaseCheck::None,
        CasePolicy::Exact => CaseCheck::Exact,
        CasePolicy::Smart => {
            if is_acronym(cased) {
                CaseCheck::Exact
            } else if cased.chars().next().is_some_and(char::is_uppercase) {
                CaseCheck::FirstUpper
            } else {
                CaseCheck::None
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Record {
    entity: EntityIndex,
    /// Index of the alias in its entity's list (for explanations).
    alias: u32,
    anchored: bool,
    demonym: bool,
    default_sense: bool,
    check: CaseCheck,
    /// The variant as written, kept only for [`CaseCheck::Exact`] (empty otherwise, which
    /// costs no allocation: most aliases need only the folded pattern).
    cased: Box<str>,
}

/// Finds gazetteer entities in text.
#[derive(Debug, Clone)]
pub struct Matcher {
    scan: Scan,
    /// For each pattern id, its records' range in `records`.
    ranges: Vec<(u32, u32)>,
    records: Vec<Record>,
    /// For each entity, whether it is a person or a place (a place that introduces a
    /// person describes them).
    kinds: Vec<Kind>,
    stats: BuildStats,
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
}

/// Reusable buffers for [`Matcher::find_with`], one per thread.
#[derive(Debug, Default)]
pub struct Scratch {
    norm: String,
    map: OffsetMap,
    hits: Vec<Hit>,
}

#[derive(Debug, Clone, Copy)]
struct Hit {
    start: u32,
    end: u32,
    pattern: u32,
}

/// One selected span and the entities it may refer to.
struct Candidate {
    span: Span,
    pattern: u32,
    /// (entity, anchored, demonym, default sense), one per entity.
    senses: Senses,
}

/// (entity, anchored, demonym, default sense).
type Sense = (EntityIndex, bool, bool, bool);

/// Most spans have one sense: keep it inline.
type Senses = SmallVec<[Sense; 2]>;

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
        match &self.scan {
            Scan::Automaton(ac) => ac.memory_usage(),
            Scan::Words(w) => w.memory_usage(),
        }
    }

    /// Finds the mentions in `text`.
    pub fn find(&self, text: &str) -> DocMatches {
        self.find_with(text, &mut Scratch::default())
    }

    /// Finds the mentions in `text`, reusing `scratch`'s buffers.
    pub fn find_with(&self, text: &str, scratch: &mut Scratch) -> DocMatches {
        let candidates = self.candidates(text, scratch, None);
        let mut out = resolve(text, candidates, None);
        self.mark_descriptions(text, &mut out.mentions);
        out
    }

    /// Marks each place mention that introduces a named person: a demonym, directly or
    /// through a title of at most four words (`Russian President Vladimir Putin`, `North
    /// Korean leader Kim Jong Un`); a possessive (`North Korea's Kim Jong Un`, `Russia's
    /// Foreign Minister Sergei Lavrov`); or a place name used as a title's first word
    /// (`North Korea leader Kim Jong-un`, `Moscow Mayor Sergei Sobyanin`). The place
    /// describes the person. A function word, punctuation or a paragraph break in between
    /// (`Russian and Chinese officials met Putin`, `in Russia Putin said`) means it does not.
    fn mark_descriptions(&self, text: &str, mentions: &mut [Mention]) {
        for i in 1..mentions.len() {
            let (head, tail) = mentions.split_at_mut(i);
            let (m, next) = (&mut head[i - 1], &tail[0]);
            let kind = |e: EntityIndex| self.kinds.get(e as usize).copied();
            if kind(next.entity) != Some(Kind::Person) || kind(m.entity) != Some(Kind::Place) {
                continue;
            }
            let gap = &text[m.span.end..next.span.start];
            let describes = if m.demonym {
                title_words(gap).is_some()
            } else if let Some(rest) = gap.strip_prefix("'s").or_else(|| gap.strip_prefix("’s")) {
                title_words(rest).is_some()
            } else {
                title_words(gap).is_some_and(|n| n > 0)
            };
            if describes {
                m.describes = Some(next.entity);
            }
        }
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
    /// assert_eq!((why[0].rule, why[0].accepted), ("boundary", false));
    /// ```
    pub fn explain(&self, gazetteer: &Gazetteer, text: &str) -> Vec<Explanation> {
        let mut trace = Vec::new();
        let candidates = self.candidates(text, &mut Scratch::default(), Some(&mut trace));
        let mut found = resolve(text, candidates, Some(&mut trace));
        self.mark_descriptions(text, &mut found.mentions);
        let name = |e: EntityIndex| {
            let ent = gazetteer.entity(e);
            format!("{} ({})", ent.label, ent.id)
        };
        let names = |es: &[EntityIndex]| es.iter().map(|&e| name(e)).collect::<Vec<_>>().join(", ");
        let mut out: Vec<Explanation> = trace
            .into_iter()
            .map(|t| {
                let recs = self.records(t.pattern);
                let written = |r: &Record| -> &str {
                    &gazetteer.entity(r.entity).aliases[r.alias as usize].text
                };
                let alias = recs.first().map_or("", written);
                let matched = &text[t.span.range()];
                let (accepted, rule, reason) = match t.outcome {
                    Outcome::Boundary => {
                        let (ws, we) = word_around(text, t.span);
                        (false, "boundary", format!(
                            "alias `{alias}` of {} lies inside the word `{}`: matches must start and end at a word boundary",
                            names(&recs.iter().map(|r| r.entity).collect::<Vec<_>>()), &text[ws..we]
                        ))
                    }
                    Outcome::Case => {
                        let r = &recs[0];
                        let why = match r.check {
                            CaseCheck::Exact => format!("alias `{}` must match exactly (an all-caps acronym, or exact case policy)", written(r)),
                            _ => format!("alias `{}` starts upper-case and the text `{matched}` starts lower-case", written(r)),
                        };
                        (false, "case", format!("{why} (entity {})", name(r.entity)))
                    }
                    Outcome::Overlap(w) => (false, "overlap", format!(
                        "alias `{alias}` overlaps the longer or earlier match `{}` at {}..{} (leftmost-longest, no overlaps)",
                        &text[w.range()], w.start, w.end
                    )),
                    Outcome::Anchored(es) => (false, "anchoring", format!(
                        "alias `{alias}` is anchored for {}, and the text never names it by another alias",
                        names(&es)
                    )),
                    Outcome::AnchoredAll(es) => (false, "anchoring", format!(
                        "alias `{alias}` is anchored for each of {}, and the text names none of them otherwise",
                        names(&es)
                    )),
                    Outcome::Ambiguous(es) => (false, "ambiguity", format!(
                        "alias `{alias}` is shared by {}; the text names none of them unambiguously and none is the alias' default sense",
                        names(&es)
                    )),
                    Outcome::Accepted { entity, among } if among.is_empty() => {
                        (true, "match", format!("alias `{alias}` of {}", name(entity)))
                    }
                    Outcome::Accepted { entity, among } => {
                        let mut counts: Vec<String> = among.iter().filter(|p| p.1 > 0).map(|&(e, n)| format!("{} {n}", gazetteer.entity(e).label)).collect();
                        let unnamed = among.iter().filter(|p| p.1 == 0).count();
                        if unnamed > 0 {
                            counts.push(format!("{unnamed} other{} not named", if unnamed == 1 { "" } else { "s" }));
                        }
                        (true, "ambiguity", format!(
                            "alias `{alias}` is shared; resolved to {} by the unambiguous mentions in the text ({}; ties go to the nearest preceding, then the default sense)",
                            name(entity), counts.join(", ")
                        ))
                    }
                };
                let describes = found
                    .mentions
                    .iter()
                    .find(|m| m.span == t.span)
                    .and_then(|m| m.describes);
                let reason = match describes {
                    Some(p) if accepted => format!(
                        "{reason}; it introduces {}, so it describes that person and is not linked",
                        name(p)
                    ),
                    _ => reason,
                };
                Explanation { span: t.span, text: matched.to_string(), accepted, rule, reason }
            })
            .collect();
        // Aliases set aside at build time never reach the automaton: find them by word.
        let (mut folded, mut map) = (String::new(), OffsetMap::default());
        normalize_into(text, true, &mut folded, &mut map);
        for sa in &self.stats.set_aside {
            let key = normalize(&sa.alias, true);
            for (i, _) in folded.match_indices(&key) {
                if word_char_before(&folded, i) || word_char_at(&folded, i + key.len()) {
                    continue;
                }
                let span = Span::new(map.to_original(i), map.to_original(i + key.len()));
                out.push(Explanation {
                    span,
                    text: text[span.range()].to_string(),
                    accepted: false,
                    rule: "junk",
                    reason: format!(
                        "alias `{}` of {} was set aside when the gazetteers loaded: it is {} (mark it `!` to force it)",
                        sa.alias, name(sa.entity), sa.reason
                    ),
                });
            }
        }
        out.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.span.end), a.rule).cmp(&(
                b.span.start,
                std::cmp::Reverse(b.span.end),
                b.rule,
            ))
        });
        out
    }

    fn records(&self, pattern: u32) -> &[Record] {
        let (s, e) = self.ranges[pattern as usize];
        &self.records[s as usize..e as usize]
    }

    /// Hits that pass the boundary and case rules, leftmost-longest without overlaps.
    /// With `trace`, every rejected hit is recorded with the rule that rejected it.
    fn candidates(
        &self,
        text: &str,
        scratch: &mut Scratch,
        mut trace: Option<&mut Vec<Trace>>,
    ) -> Vec<Candidate> {
        let Scratch { norm, map, hits } = scratch;
        normalize_into(text, true, norm, map);
        hits.clear();
        let to_span =
            |s: u32, e: u32| Span::new(map.to_original(s as usize), map.to_original(e as usize));
        // The word index yields only hits that pass the boundary rule; an explanation also
        // wants the rejected ones, so it scans with an automaton of the same patterns.
        let explaining;
        let ac = match &self.scan {
            Scan::Automaton(ac) => Some(ac),
            Scan::Words(w) => {
                explaining = trace.is_some().then(|| w.automaton()).flatten();
                if explaining.is_none() {
                    w.find(norm, hits);
                }
                explaining.as_ref()
            }
        };
        for m in ac
            .into_iter()
            .flat_map(|ac| ac.find_overlapping_iter(norm.as_str()))
        {
            let (s, e) = (m.start(), m.end());
            if word_char_before(norm, s) || word_char_at(norm, e) {
                if let Some(t) = trace.as_deref_mut() {
                    t.push(Trace {
                        span: to_span(s as u32, e as u32),
                        pattern: m.pattern().as_u32(),
                        outcome: Outcome::Boundary,
                    });
                }
                continue;
            }
            hits.push(Hit {
                start: s as u32,
                end: e as u32,
                pattern: m.pattern().as_u32(),
            });
        }
        // Leftmost first, then longest first.
        hits.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<Candidate> = Vec::with_capacity(hits.len());
        let mut last_end = 0u32;
        for h in hits.iter() {
            let span = to_span(h.start, h.end);
            if h.start < last_end {
                if let Some(t) = trace.as_deref_mut() {
                    let winner = out.last().map(|c| c.span).unwrap_or_default();
                    t.push(Trace {
                        span,
                        pattern: h.pattern,
                        outcome: Outcome::Overlap(winner),
                    });
                }
                continue;
            }
            let original = &text[span.range()];
            let mut senses = Senses::new();
            for r in self.records(h.pattern) {
                if !case_ok(r, original) {
                    continue;
                }
                match senses.iter_mut().find(|s| s.0 == r.entity) {
                    // Several records of one entity: any non-anchored, non-demonym one wins.
                    Some(s) => {
                        s.1 &= r.anchored;
                        s.2 &= r.demonym;
                        s.3 |= r.default_sense;
                    }
                    None => senses.push((r.entity, r.anchored, r.demonym, r.default_sense)),
                }
            }
            if senses.is_empty() {
                if let Some(t) = trace.as_deref_mut() {
                    t.push(Trace {
                        span,
                        pattern: h.pattern,
                        outcome: Outcome::Case,
                    });
                }
                continue;
            }
            last_end = h.end;
            out.push(Candidate {
                span,
                pattern: h.pattern,
                senses,
            });
        }
        out
    }
}

fn case_ok(r: &Record, original: &str) -> bool {
    match r.check {
        CaseCheck::None => true,
        CaseCheck::FirstUpper => !original.chars().next().is_some_and(char::is_lowercase),
        CaseCheck::Exact if is_normalized(original) => original == &*r.cased,
        CaseCheck::Exact => normalize(original, false) == *r.cased,
    }
}

/// The word of `text` around `span` (extended while word chars go on).
fn word_around(text: &str, span: Span) -> (usize, usize) {
    let start = text[..span.start]
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_word_char(c))
        .last()
        .map_or(span.start, |(i, _)| i);
    let end = text[span.end..]
        .char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| span.end + i);
    (start, end)
}

fn word_char_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word_char)
}

fn word_char_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(is_word_char)
}

/// Positions of the unambiguous, non-anchored mentions of each entity in one document,
/// sorted by (entity, position): one allocation per document, not one per entity.
struct Evidence(Vec<(EntityIndex, usize)>);

impl Evidence {
    fn positions(&self, e: EntityIndex) -> &[(EntityIndex, usize)] {
        let lo = self.0.partition_point(|x| x.0 < e);
        let hi = self.0.partition_point(|x| x.0 <= e);
        &self.0[lo..hi]
    }

    fn count(&self, e: EntityIndex) -> usize {
        self.positions(e).len()
    }
}

/// Applies anchoring and per-document ambiguity resolution.
fn resolve(
    text: &str,
    candidates: Vec<Candidate>,
    mut trace: Option<&mut Vec<Trace>>,
) -> DocMatches {
    let mut evidence = Evidence(
        candidates
            .iter()
            .filter_map(|c| match c.senses[..] {
                [(e, false, _, _)] => Some((e, c.span.start)),
                _ => None,
            })
            .collect(),
    );
    evidence.0.sort_unstable();
    let mut out = DocMatches::default();
    out.mentions.reserve(candidates.len());
    for c in candidates {
        // Anchored senses need the entity named otherwise in the document.
        let live: Senses = c
            .senses
            .iter()
            .copied()
            .filter(|&(e, anchored, _, _)| !anchored || evidence.count(e) > 0)
            .collect();
        let all = || -> Vec<EntityIndex> { c.senses.iter().map(|s| s.0).collect() };
        let chosen = match live[..] {
            [] => {
                let single = c.senses.len() == 1;
                if single {
                    out.anchored_dropped += 1;
                } else {
                    out.ambiguous_dropped += 1;
                }
                if let Some(t) = trace.as_deref_mut() {
                    let outcome = if single {
                        Outcome::Anchored(all())
                    } else {
                        Outcome::AnchoredAll(all())
                    };
                    t.push(Trace {
                        span: c.span,
                        pattern: c.pattern,
                        outcome,
                    });
                }
                continue;
            }
            [(e, _, demonym, _)] => Some((e, demonym, c.senses.len() > 1)),
            _ => pick(text, &live, &evidence, c.span.start).map(|(e, d)| (e, d, true)),
        };
        let counts = |e: &EntityIndex| (*e, evidence.count(*e));
        match chosen {
            Some((entity, demonym, resolved)) => {
                if let Some(t) = trace.as_deref_mut() {
                    let among = if resolved {
                        all().iter().map(counts).collect()
                    } else {
                        Vec::new()
                    };
                    t.push(Trace {
                        span: c.span,
                        pattern: c.pattern,
                        outcome: Outcome::Accepted { entity, among },
                    });
                }
                out.mentions.push(Mention {
                    span: c.span,
                    entity,
                    demonym,
                    resolved,
                    describes: None,
                })
            }
            None => {
                out.ambiguous_dropped += 1;
                if let Some(t) = trace.as_deref_mut() {
                    t.push(Trace {
                        span: c.span,
                        pattern: c.pattern,
                        outcome: Outcome::Ambiguous(all()),
                    });
                }
            }
        }
    }
    out
}

/// The number of words in `gap`, the text between a place and a person's name, when it is
/// a title: up to four words, each a title word (`president`, `foreign`, `minister`, `mr.`:
/// the shipped list) or a capitalized word that is not a function word (`Foreign Ministry
/// spokesman`, `Workers' Party Chairman`), separated by whitespace within one paragraph.
fn title_words(gap: &str) -> Option<usize> {
    if !gap.starts_with(char::is_whitespace) || gap.matches('\n').count() > 1 {
        return None;
    }
    let mut words = 0;
    for word in gap.split_whitespace() {
        words += 1;
        let bare = word.strip_suffix('.').unwrap_or(word);
        let lower = bare.to_lowercase();
        let capitalized = bare.starts_with(char::is_uppercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let title = crate::text::words::is_title_word(&lower)
            || capitalized && !crate::text::words::is_function_word(&lower);
        if words > 4 || !title {
            return None;
        }
    }
    Some(words)
}

/// What an entity is, as far as descriptions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Person,
    Place,
    Other,
}

/// A scan engine for large gazetteers: every pattern is found by hashing the text from each
/// word start to each following boundary, as long as the text so far is a prefix of some
/// pattern that goes on past a boundary. Matches start and end at boundaries by
/// construction, so it yields exactly the hits of the automaton that pass the boundary
/// rule. It needs no automaton: a million patterns take two hash tables and their bytes
/// (tens of MB) and build in well under a second, where an Aho–Corasick automaton of that
/// size takes seconds and, while it is built, hundreds of MB.
#[derive(Debug, Clone, Default)]
struct WordIndex {
    /// Pattern hash → first pattern id with that hash; `next` chains the others.
    first: rustc_hash::FxHashMap<u64, u32>,
    next: Vec<u32>,
    /// Hashes of every pattern prefix that a boundary character follows in the pattern.
    prefixes: rustc_hash::FxHashSet<u64>,
    /// The patterns' bytes, for verifying a hash hit.
    arena: String,
    bounds: Vec<(u32, u32)>,
    /// Bytes that begin a pattern without being a word character (`'s-Hertogenbosch`),
    /// as a bit set.
    odd_starts: [u64; 4],
    /// The patterns' first words (by [`word_keys`]): most words of a text begin no
    /// pattern, and this rules them out with one hash and one bit. A pattern that goes on
    /// for two bytes or more after its first word is keyed by its first word and those
    /// two bytes, so that `the` before most words walks nothing although `The Hague` is a
    /// pattern; the others by their first word alone.
    first_words: Bits,
    /// The hashes of `first` and of `prefixes`, as filters that spare most hash-table
    /// probes of a walk that finds nothing (`the` before a word that goes on no pattern).
    full_bits: Bits,
    prefix_bits: Bits,
}

/// The eight bytes of `text` from `s` as a little-endian word, zero-padded past the end.
#[inline(always)]
fn window(text: &[u8], s: usize) -> u64 {
    match text.get(s..).and_then(<[u8]>::first_chunk::<8>) {
        Some(&w) => u64::from_le_bytes(w),
        None => {
            let mut w = [0u8; 8];
            let k = text.len().saturating_sub(s).min(8);
            w[..k].copy_from_slice(&text[s..s + k]);
            u64::from_le_bytes(w)
        }
    }
}

/// The two keys of a word of `len` bytes whose [`window`] is `x`: the word alone (its
/// length and first eight bytes), and the word with the two bytes that follow it (as far
/// as the window reaches). Words that share a key collide, which costs a Bloom filter a
/// false positive. A fixed cost per word and no branch on its length.
#[inline(always)]
fn word_keys(x: u64, len: usize) -> (u64, u64) {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mask = |n: usize| u64::MAX >> (64 - 8 * n.clamp(1, 8));
    let tag = (len as u64) << 56;
    let alone = (x & mask(len)) ^ tag;
    let followed = (x & mask(len + 2)) ^ tag ^ (1 << 63);
    (alone.wrapping_mul(K), followed.wrapping_mul(K))
}

/// True for ASCII bytes that are word characters (letters, digits, `_`).
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

const HASH_SEED: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn hash_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3)
}

/// Length of the word character at `i` (0 when the character is not a word character).
#[inline]
fn word_len_at(bytes: &[u8], s: &str, i: usize) -> usize {
    let b = bytes[i];
    if b < 0x80 {
        usize::from(b.is_ascii_alphanumeric() || b == b'_')
    } else {
        s[i..]
            .chars()
            .next()
            .filter(|&c| is_word_char(c))
            .map_or(0, char::len_utf8)
    }
}

#[inline]
fn char_len_at(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// The end of the run of word characters at `i` (`i` itself when there is none).
#[inline]
fn word_end(bytes: &[u8], s: &str, mut i: usize) -> usize {
    while i < bytes.len() {
        let len = word_len_at(bytes, s, i);
        if len == 0 {
            break;
        }
        i += len;
    }
    i
}

impl WordIndex {
    fn new(keys: &[&str]) -> WordIndex {
        let mut w = WordIndex {
            next: vec![u32::MAX; keys.len()],
            ..WordIndex::default()
        };
        w.first.reserve(keys.len());
        for (id, key) in keys.iter().enumerate() {
            let start = w.arena.len() as u32;
            w.arena.push_str(key);
            w.bounds.push((start, w.arena.len() as u32));
            let bytes = key.as_bytes();
            if let Some(&b) = bytes.first() {
                if word_len_at(bytes, key, 0) == 0 {
                    w.odd_starts[usize::from(b >> 6)] |= 1 << (b & 63);
                }
            }
            let mut h = HASH_SEED;
            let mut i = 0;
            while i < bytes.len() {
                if i > 0 && word_len_at(bytes, key, i) == 0 {
                    w.prefixes.insert(h);
                }
                let len = char_len_at(key, i);
                for &b in &bytes[i..i + len] {
                    h = hash_step(h, b);
                }
                i += len;
            }
            if let Some(prev) = w.first.insert(h, id as u32) {
                w.next[id] = prev;
            }
        }
        // Every word of a text is looked up: 64 bits a pattern, so that a word that begins
        // no pattern passes about one time in 64 (first words are shared: fewer).
        w.first_words = Bits::with_capacity(keys.len(), 64);
        for key in keys {
            let bytes = key.as_bytes();
            let first = word_end(bytes, key, 0);
            if first > 0 {
                let (alone, followed) = word_keys(window(bytes, 0), first);
                // A pattern that goes on for two bytes or more is keyed with them.
                if bytes.len() >= first + 2 {
                    w.first_words.insert(followed);
                } else {
                    w.first_words.insert(alone);
                }
            }
        }
        w.full_bits = Bits::with_capacity(w.first.len(), 32);
        for &h in w.first.keys() {
            w.full_bits.insert(h);
        }
        w.prefix_bits = Bits::with_capacity(w.prefixes.len(), 32);
        for &h in &w.prefixes {
            w.prefix_bits.insert(h);
        }
        w
    }

    /// Whether the word `text[s..e]` may begin a pattern (alone, or with the two bytes
    /// that follow it).
    #[inline(always)]
    fn may_begin(&self, text: &[u8], s: usize, e: usize) -> bool {
        let (alone, followed) = word_keys(window(text, s), e - s);
        self.first_words.contains(alone) | self.first_words.contains(followed)
    }

    fn memory_usage(&self) -> usize {
        self.first.capacity() * 16
            + self.first_words.memory_usage()
            + self.full_bits.memory_usage()
            + self.prefix_bits.memory_usage()
            + self.next.capacity() * 4
            + self.prefixes.capacity() * 8
            + self.arena.capacity()
            + self.bounds.capacity() * 8
    }

    /// The id of the pattern equal to `text`, whose hash is `h`.
    #[inline]
    fn lookup(&self, h: u64, text: &str) -> Option<u32> {
        let mut id = *self.first.get(&h)?;
        loop {
            let (s, e) = self.bounds[id as usize];
            if &self.arena[s as usize..e as usize] == text {
                return Some(id);
            }
            id = self.next[id as usize];
            if id == u32::MAX {
                return None;
            }
        }
    }

    /// Every pattern occurrence in `norm` that starts and ends at a boundary, as hits.
    ///
    /// The text is cut into runs of word characters and non-ASCII bytes, 64 bytes at a
    /// time by bit masks. An ASCII run is a word, and its first bytes say whether it may
    /// begin a pattern; a run with non-ASCII bytes (accented letters, curly quotes) is
    /// walked a character at a time. Outside runs only ASCII punctuation and spaces
    /// remain, which begin a pattern only in gazetteers with such odd starts (then the
    /// whole text is walked a character at a time).
    fn find(&self, norm: &str, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let n = bytes.len();
        if self.odd_starts[0] | self.odd_starts[1] != 0 {
            return self.find_chars(norm, 0, n, hits);
        }
        // A run that began in an earlier block and has not ended: its start, and whether
        // it holds non-ASCII bytes so far.
        let mut pending: Option<(usize, bool)> = None;
        // Whether the last byte of the previous block was in a run.
        let mut carry = 0u64;
        let mut base = 0;
        let mut tail = [0u8; BLOCK];
        while base < n {
            let m = word_masks(padded_block(bytes, base, &mut tail));
            let runs = m.word | m.high;
            let before = (runs << 1) | carry;
            // Where runs start, and where they end (the first byte after each).
            let mut starts = runs & !before;
            let mut ends = !runs & before;
            carry = runs >> 63;
            if let Some((start, high)) = pending {
                if ends == 0 {
                    // The run goes on through the whole block.
                    pending = Some((start, high || m.high != 0));
                    base += BLOCK;
                    continue;
                }
                let e = ends.trailing_zeros();
                ends &= ends - 1;
                let high = high || m.high & ((1u64 << e) - 1) != 0;
                self.run(norm, start, base + e as usize, high, hits);
                pending = None;
            }
            // Starts and ends now pair up; the last start may have no end in this block.
            while starts != 0 {
                let st = starts.trailing_zeros();
                starts &= starts - 1;
                if ends == 0 {
                    pending = Some((base + st as usize, (m.high >> st) != 0));
                    break;
                }
                let e = ends.trailing_zeros();
                ends &= ends - 1;
                let (s, e) = (base + st as usize, base + e as usize);
                if m.high == 0 {
                    if self.may_begin(bytes, s, e) {
                        self.walk(norm, s, hits);
                    }
                } else {
                    let inside = (m.high >> st) & ((1u64 << (e - s)) - 1);
                    self.run(norm, s, e, inside != 0, hits);
                }
            }
            base += BLOCK;
        }
        if let Some((start, high)) = pending {
            self.run(norm, start, n, high, hits);
        }
    }

    /// One run of word characters and non-ASCII bytes, `start..end`, with no word
    /// character on either side.
    #[inline]
    fn run(&self, norm: &str, start: usize, end: usize, high: bool, hits: &mut Vec<Hit>) {
        if high {
            self.find_chars(norm, start, end, hits);
        } else if self.may_begin(norm.as_bytes(), start, end) {
            self.walk(norm, start, hits);
        }
    }

    /// The patterns that start in `from..to`, a character at a time; `from` has no word
    /// character before it.
    fn find_chars(&self, norm: &str, from: usize, to: usize, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let mut prev_word = false;
        let mut s = from;
        while s < to {
            let e = word_end(bytes, norm, s);
            if e > s {
                if self.may_begin(bytes, s, e) {
                    self.walk(norm, s, hits);
                }
                prev_word = true;
                s = e;
                continue;
            }
            let b = bytes[s];
            let odd = self.odd_starts[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
            if odd && !prev_word {
                self.walk(norm, s, hits);
            }
            prev_word = false;
            s += char_len_at(norm, s);
        }
    }

    fn walk(&self, norm: &str, s: usize, hits: &mut Vec<Hit>) {
        let bytes = norm.as_bytes();
        let n = bytes.len();
        let mut h = HASH_SEED;
        let mut e = s;
        loop {
            // To the next boundary: the end of the text or a character that is not a word
            // character (always at least one character past `s`).
            loop {
                let b = bytes[e];
                if b < 0x80 {
                    h = hash_step(h, b);
                    e += 1;
                } else {
                    let len = char_len_at(norm, e);
                    for &b in &bytes[e..e + len] {
                        h = hash_step(h, b);
                    }
                    e += len;
                }
                if e >= n {
                    break;
                }
                let c = bytes[e];
                let word = if c < 0x80 {
                    ASCII_WORD[c as usize]
                } else {
                    word_len_at(bytes, norm, e) > 0
                };
                if !word {
                    break;
                }
            }
            if self.full_bits.contains(h) {
                if let Some(id) = self.lookup(h, &norm[s..e]) {
                    hits.push(Hit {
                        start: s as u32,
                        end: e as u32,
                        pattern: id,
                    });
                }
            }
            if e >= n || !self.prefix_bits.contains(h) || !self.prefixes.contains(&h) {
                return;
            }
        }
    }
}

/// A one-hash Bloom filter over 64-bit hashes: `contains` is false for every hash never
/// inserted but a few.
#[derive(Debug, Clone, Default)]
struct Bits {
    words: Vec<u64>,
    /// `64 - log2(bits)`: the top bits of a hash pick its bit.
    shift: u32,
}

impl Bits {
    /// A filter for about `n` hashes, `per` bits each (at least 64 Kib, at most 32 MiB):
    /// a hash never inserted passes about one time in `per`.
    fn with_capacity(n: usize, per: usize) -> Bits {
        let bits = (n * per).next_power_of_two().clamp(1 << 16, 1 << 28);
        Bits {
            words: vec![0; bits / 64],
            shift: 64 - bits.trailing_zeros(),
        }
    }

    #[inline]
    fn insert(&mut self, h: u64) {
        let slot = (h >> self.shift) as usize;
        self.words[slot / 64] |= 1 << (slot % 64);
    }

    #[inline(always)]
    fn contains(&self, h: u64) -> bool {
        let slot = (h >> self.shift) as usize;
        self.words[slot / 64] & (1 << (slot % 64)) != 0
    }

    fn memory_usage(&self) -> usize {
        self.words.capacity() * 8
    }
}

impl WordIndex {
    /// An automaton of the same patterns, for explanations (none if it cannot be built).
    fn automaton(&self) -> Option<AhoCorasick> {
        let keys: Vec<&str> = self
            .bounds
            .iter()
            .map(|&(s, e)| &self.arena[s as usize..e as usize])
            .collect();
        automaton(&keys, None).ok()
    }
}

/// The matcher's scan engine.
#[derive(Debug, Clone)]
enum Scan {
    Automaton(AhoCorasick),
    Words(Box<WordIndex>),
}

/// Builds the overlapping automaton of `keys`: a DFA when they are small enough to make
/// one worth its memory, else what the crate picks (a contiguous NFA).
fn automaton(keys: &[&str], kind: Option<AhoCorasickKind>) -> Result<AhoCorasick, BuildError> {
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

/// What happened to one raw hit of the automaton, for [`Matcher::explain`].
#[derive(Debug, Clone)]
struct Trace {
    span: Span,
    pattern: u32,
    outcome: Outcome,
}

#[derive(Debug, Clone)]
enum Outcome {
    Boundary,
    Case,
    Overlap(Span),
    Anchored(Vec<EntityIndex>),
    AnchoredAll(Vec<EntityIndex>),
    Ambiguous(Vec<EntityIndex>),
    Accepted {
        entity: EntityIndex,
        /// For a shared alias: every sense with its unambiguous mentions in the document.
        among: Vec<(EntityIndex, usize)>,
    },
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
    /// The rule that decided: `match`, `boundary`, `case`, `overlap`, `anchoring`,
    /// `ambiguity`, `junk`.
    pub rule: &'static str,
    /// Why, in words, naming the alias and the entities.
    pub reason: String,
}

/// Picks among several senses: the one with the most evidence in the document. A tie goes
/// to the nearest preceding evidence when it is in the same paragraph (local context: "Kim
/// Il Sung founded the state. Kim ruled..."), and otherwise to the sense the document
/// introduced first (its subject: a `Kim` after a paragraph about the father still means
/// the son the article is about). Without evidence, the declared default sense.
fn pick(
    text: &str,
    senses: &[Sense],
    evidence: &Evidence,
    at: usize,
) -> Option<(EntityIndex, bool)> {
    let count = |e: EntityIndex| evidence.count(e);
    let best = senses.iter().map(|s| count(s.0)).max().unwrap_or(0);
    if best == 0 {
        let defaults: Vec<_> = senses.iter().filter(|s| s.3).collect();
        return match defaults[..] {
            [d] => Some((d.0, d.2)),
            _ => None,
        };
    }
    let tied: Senses = senses
        .iter()
        .copied()
        .filter(|s| count(s.0) == best)
        .collect();
    if let [only] = tied[..] {
        return Some((only.0, only.2));
    }
    let preceding = |e: EntityIndex| {
        evidence
            .positions(e)
            .iter()
            .map(|p| p.1)
            .filter(|&p| p < at)
            .max()
    };
    let nearest = tied
        .iter()
        .filter_map(|s| preceding(s.0).map(|p| (p, s)))
        .max_by_key(|&(p, s)| (p, std::cmp::Reverse(s.0)));
    if let Some((p, s)) = nearest {
        if !has_paragraph_break(&text[p.min(at)..at]) {
            return Some((s.0, s.2));
        }
    }
    tied.iter()
        .min_by_key(|s| (evidence.positions(s.0)[0].1, s.0))
        .map(|s| (s.0, s.2))
}

/// True when `s` contains a blank line.
fn has_paragraph_break(s: &str) -> bool {
    let mut newline_seen = false;
    for c in s.chars() {
        match c {
            '\n' if newline_seen => return true,
            '\n' => newline_seen = true,
            c if c.is_whitespace() => {}
            _ => newline_seen = false,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(gaz: &str) -> (Gazetteer, Matcher) {
        let g = Gazetteer::from_str("test.txt", gaz).unwrap();
        let m = Matcher::new(&g).unwrap();
        (g, m)
    }

    /// (matched text, entity label) pairs.
    fn run(gaz: &str, text: &str) -> Vec<(String, String)> {
        let (g, m) = matcher(gaz);
        m.find(text)
            .mentions
            .iter()
            .map(|x| {
                (
                    text[x.span.range()].to_string(),
                    g.entity(x.entity).label.clone(),
                )
            })
            .collect()
    }

    macro_rules! t {
        ($name:ident, $gaz:expr, $text:expr, [$(($m:expr, $l:expr)),* $(,)?]) => {
            #[test]
            fn $name() {
                let got = run($gaz, $text);
                let want: Vec<(String, String)> = vec![$(($m.to_string(), $l.to_string())),*];
                assert_eq!(got, want, "text: {:?}", $text);
            }
        };
    }

    const PLACES: &str = "@type place\nKorea\nRussia\nChina\nFar East\nUnited States | US | USA\n\
        United Nations | UN\n@type organization\nFar Eastern Federal University\nTASS\nKCNA\n\
        Washington Post\n@type place\nWashington\n";

    t!(no_match_inside_words, PLACES, "Koreans and Russians", []);
    t!(
        possessive_and_hyphen_compounds,
        PLACES,
        "Russia's and Russia\u{2019}s Russia-based",
        [
            ("Russia", "Russia"),
            ("Russia", "Russia"),
            ("Russia", "Russia")
        ]
    );
    t!(
        leftmost_longest_wins,
        PLACES,
        "at Far Eastern Federal University in the Far East",
        [
            (
                "Far Eastern Federal University",
                "Far Eastern Federal University"
            ),
            ("Far East", "Far East")
        ]
    );
    t!(
        longer_alias_failing_boundary_does_not_hide_shorter,
        PLACES,
        "the Washington Postal Service",
        [("Washington", "Washington")]
    );
    t!(
        acronyms_match_exactly,
        PLACES,
        "US and UN, not us or Un; TASS and KCNA but not Tass",
        [
            ("US", "United States"),
            ("UN", "United Nations"),
            ("TASS", "TASS"),
            ("KCNA", "KCNA")
        ]
    );
    t!(
        dotted_acronyms,
        PLACES,
        "the U.S. and the U.N. met.",
        [("U.S.", "United States"), ("U.N.", "United Nations")]
    );
    t!(
        headlines_in_capitals_match,
        "@type person\nVladimir Putin | Putin\n@type place\nVladivostok\n",
        "PUTIN ARRIVES IN VLADIVOSTOK",
        [("PUTIN", "Vladimir Putin"), ("VLADIVOSTOK", "Vladivostok")]
    );
    t!(
        lower_case_text_does_not_match_capitalized_alias,
        PLACES,
        "fine china and us",
        []
    );
    t!(
        hyphen_space_and_nothing_variants,
        "@type person\nKim Jong Un\n",
        "Kim Jong-un, Kim Jong Un, Kim Jong-Un, Kim Jongun, Kim\nJong  Un",
        [
            ("Kim Jong-un", "Kim Jong Un"),
            ("Kim Jong Un", "Kim Jong Un"),
            ("Kim Jong-Un", "Kim Jong Un"),
            ("Kim Jongun", "Kim Jong Un"),
            ("Kim\nJong  Un", "Kim Jong Un")
        ]
    );
    t!(
        typographic_apostrophes_and_dashes,
        "@type place\nCôte d'Ivoire\n@type organization\nRIA-Novosti\n",
        "C\u{f4}te d\u{2019}Ivoire and RIA Novosti and RIA\u{2013}Novosti",
        [
            ("C\u{f4}te d\u{2019}Ivoire", "Côte d'Ivoire"),
            ("RIA Novosti", "RIA-Novosti"),
            ("RIA\u{2013}Novosti", "RIA-Novosti")
        ]
    );

    const KIMS: &str = "@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\nKim Il Sung | ~Kim\n\
        @type place\nGeorgia | +Georgia | id=place:georgia-country\nGeorgia | id=place:georgia-state\n";

    t!(
        ambiguous_alias_resolves_to_most_mentioned,
        KIMS,
        "Kim Jong Un met aides. Kim Jong Un spoke. His father Kim Jong Il died. Kim left.",
        [
            ("Kim Jong Un", "Kim Jong Un"),
            ("Kim Jong Un", "Kim Jong Un"),
            ("Kim Jong Il", "Kim Jong Il"),
            ("Kim", "Kim Jong Un")
        ]
    );
    t!(
        ambiguous_tie_goes_to_nearest_preceding,
        KIMS,
        "Kim Jong Un came. Kim Il Sung ruled. Kim founded it.",
        [
            ("Kim Jong Un", "Kim Jong Un"),
            ("Kim Il Sung", "Kim Il Sung"),
            ("Kim", "Kim Il Sung")
        ]
    );
    t!(
        anchored_alias_needs_another_mention,
        KIMS,
        "Kim said nothing.",
        []
    );
    t!(
        default_sense_without_evidence,
        KIMS,
        "Georgia voted.",
        [("Georgia", "Georgia")]
    );

    #[test]
    fn default_sense_picks_the_declared_entity() {
        let (g, m) = matcher(KIMS);
        let r = m.find("Georgia voted.");
        assert_eq!(g.entity(r.mentions[0].entity).id, "place:georgia-country");
        assert!(r.mentions[0].resolved);
    }

    #[test]
    fn ambiguous_without_evidence_or_default_is_dropped_and_counted() {
        let (_, m) = matcher("@type person\nJohn Smith | Smith\nAnna Smith | Smith\n");
        let r = m.find("Smith said so.");
        assert!(r.mentions.is_empty());
        assert_eq!(r.ambiguous_dropped, 1);
        let r = m.find("Anna Smith came; Smith said so.");
        assert_eq!(r.mentions.len(), 2);
    }

    #[test]
    fn anchored_drop_is_counted() {
        let (_, m) = matcher("@type person\nGordon Brown | ~Brown\nTheresa May | ~May\n");
        assert_eq!(m.find("Brown said.").anchored_dropped, 1);
        assert_eq!(m.find("Gordon Brown came. Brown said.").mentions.len(), 2);
        // A month name stays junk even when anchored.
        assert_eq!(m.find("Theresa May came. May said.").mentions.len(), 1);
    }

    #[test]
    fn junk_aliases_are_set_aside_unless_forced() {
        let (_, m) = matcher("@type place\nReading | The | 3 | March\nNice | !Nice\n");
        let set_aside: Vec<_> = m
            .stats()
            .set_aside
            .iter()
            .map(|s| s.alias.as_str())
            .collect();
        assert_eq!(set_aside, ["Reading", "The", "3", "March"]);
        assert_eq!(m.find("Reading The 3 March Nice").mentions.len(), 1);
    }

    #[test]
    fn demonyms_flagged_and_switchable() {
        let g = Gazetteer::from_str(
            "places.txt",
            "Russia | demonym=Russian\nNorth Korea | demonym=North Korean\n",
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        let r = m.find("a Russian and North Korean deal with North Korea");
        let got: Vec<_> = r.mentions.iter().map(|x| (x.entity, x.demonym)).collect();
        assert_eq!(got, [(0, true), (1, true), (1, false)]);
        let m = Matcher::builder().demonyms(false).build(&g).unwrap();
        assert_eq!(m.find("a Russian deal").mentions.len(), 0);
    }

    #[test]
    fn a_place_that_introduces_a_named_person_describes_them() {
        let g = Gazetteer::from_str(
            "g.txt",
            "@type place\nRussia | demonym=Russian\nNorth Korea | demonym=North Korean\n\
             @type person\nVladimir Putin | ~Putin\nKim Jong Un\n",
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        let described = |text: &str| -> Vec<Option<EntityIndex>> {
            m.find(text)
                .mentions
                .iter()
                .filter(|x| x.entity < 2)
                .map(|x| x.describes)
                .collect()
        };
        assert_eq!(
            described("Russian President Vladimir Putin and North Korean leader Kim Jong Un met."),
            [Some(2), Some(3)]
        );
        assert_eq!(described("the North Korean Kim Jong Un"), [Some(3)]);
        assert_eq!(
            described("North Korean Supreme Leader Mr. Kim Jong Un"),
            [Some(3)]
        );
        assert_eq!(
            described("Russian presidential aide Vladimir Putin"),
            [Some(2)]
        );
        assert_eq!(
            described("North Korea's Kim Jong Un and Russia’s Vladimir Putin"),
            [Some(3), Some(2)]
        );
        assert_eq!(described("North Korea leader Kim Jong Un"), [Some(3)]);
        // Not a title: a function word, punctuation, a paragraph break, five words.
        for text in [
            "Russian and North Korean officials met Vladimir Putin",
            "They spoke Russian. Vladimir Putin smiled.",
            "They spoke Russian,\nVladimir Putin smiled.",
            "a Russian\n\nVladimir Putin",
            "Russian senior deputy foreign ministry spokesman Vladimir Putin",
            "North Korean troops crossed into Russia",
            "Back in Russia Vladimir Putin said",
            "the talks in Russia, Vladimir Putin said",
            "Russia and Vladimir Putin",
        ] {
            assert!(described(text).iter().all(Option::is_none), "{text}");
        }
    }

    #[test]
    fn the_word_index_finds_exactly_what_the_automaton_finds() {
        // With a pattern that starts with ASCII punctuation (the index then walks the text
        // a character at a time) and without (64-byte blocks of bit masks).
        let odd = "@type place\n's-Hertogenbosch\n";
        for extra in [odd, ""] {
            word_index_equals_automaton(extra);
        }
    }

    fn word_index_equals_automaton(extra: &str) {
        let g = Gazetteer::from_str(
            "g.txt",
            &format!(
                "@type place\nSt. Petersburg | St Petersburg\nUnited States | US | U.S.\n\
                 Washington | +Washington\nWashington Post | type=organization\n\
                 Korea\nNorth Korea | demonym=North Korean\nGeorgia | +Georgia\nSouth Georgia\n\
                 Ünterberg\n@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\n\
                 Vladimir Putin | Putin\n@type organization\nAcme Ltd. | Acme\nC++ Users Group\n{extra}"
            ),
        )
        .unwrap();
        let build = |scan| Matcher::builder().scan(Some(scan)).build(&g).unwrap();
        let (ac, words) = (build(ScanKind::Automaton), build(ScanKind::WordIndex));
        let pieces = [
            "St.",
            "Petersburg",
            "St",
            "US",
            "U.S.",
            "us",
            "'s-Hertogenbosch",
            "Washington",
            "Post",
            "Postal",
            "Korea",
            "Koreans",
            "North",
            "Korean",
            "Georgia",
            "South",
            "Kim",
            "Jong",
            "Un",
            "Il",
            "Jong-un",
            "Putin",
            "Putin's",
            "Acme",
            "Ltd.",
            "C++",
            "Users",
            "Group",
            "the",
            "and",
            "said",
            "Ünter",
            "Ünterberg",
            "Пу",
            "“Putin”",
            "é",
            "’",
            "-",
            ".",
            ",",
            "(",
            ")",
        ];
        let seps = [" ", "  ", "\n", "\n\n", ", ", ". ", "-", "", "’s "];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut found = 0;
        for round in 0..3000 {
            let mut text = String::new();
            // Short texts, and texts past the index's 64-byte blocks.
            let len = if round % 2 == 0 { next(14) } else { next(60) };
            for _ in 0..len + 1 {
                text.push_str(pieces[next(pieces.len())]);
                text.push_str(seps[next(seps.len())]);
            }
            let expected = ac.find(&text);
            found += expected.mentions.len();
            assert_eq!(expected, words.find(&text), "round {round}: {text:?}");
        }
        assert!(found > 3000, "the random texts hold names: {found}");
        // And on real prose.
        let prose = "Russia's Vladimir Putin met Kim Jong-un in St. Petersburg; the U.S. and \
                     South Georgia watched. Kim said the Washington Postal Service was late.";
        assert_eq!(ac.find(prose), words.find(prose));
        assert!(!words.find(prose).mentions.is_empty());
    }

    #[test]
    fn case_override_for_a_run() {
        let g = Gazetteer::from_str("places.txt", "China\nUnited States | US\n").unwrap();
        let ins = Matcher::builder()
            .case(Some(CasePolicy::Insensitive))
            .junk_guard(false)
            .build(&g)
            .unwrap();
        assert_eq!(ins.find("china us").mentions.len(), 2);
        let exact = Matcher::builder()
            .case(Some(CasePolicy::Exact))
            .build(&g)
            .unwrap();
        assert_eq!(exact.find("CHINA China US").mentions.len(), 2);
    }

    #[test]
    fn per_file_case_policy() {
        let g = Gazetteer::from_str("places.txt", "@case exact\nChina\n").unwrap();
        let m = Matcher::new(&g).unwrap();
        assert_eq!(m.find("CHINA China").mentions.len(), 1);
    }

    #[test]
    fn spans_are_byte_offsets_into_original() {
        let (_, m) = matcher(PLACES);
        let text = "\u{201c}Russia\u{201d} — Far  East";
        let r = m.find(text);
        let spans: Vec<_> = r.mentions.iter().map(|x| &text[x.span.range()]).collect();
        assert_eq!(spans, ["Russia", "Far  East"]);
    }

    #[test]
    fn explain_answers_why_not() {
        let g = Gazetteer::from_str(
            "t.txt",
            "@type place\nKorea\nChina\nMarch\n@type person\nKim Jong Un | ~Kim\nKim Jong Il | ~Kim\nGordon Brown | ~Brown\n",
        )
        .unwrap();
        let m = Matcher::new(&g).unwrap();
        let rules = |text: &str| -> Vec<(String, &'static str, bool)> {
            m.explain(&g, text)
                .into_iter()
                .map(|e| (e.text, e.rule, e.accepted))
                .collect()
        };
        assert_eq!(rules("Koreans"), [("Korea".to_string(), "boundary", false)]);
        assert_eq!(rules("fine china"), [("china".to_string(), "case", false)]);
        assert_eq!(
            rules("Brown said"),
            [("Brown".to_string(), "anchoring", false)]
        );
        assert_eq!(rules("in March"), [("March".to_string(), "junk", false)]);
        let kim = rules("Kim Jong Un met Kim Jong Il. Kim Jong Un left. Kim waved.");
        assert_eq!(kim.last().unwrap(), &("Kim".to_string(), "ambiguity", true));
        let why = m.explain(
            &g,
            "Kim Jong Un met Kim Jong Il. Kim Jong Un left. Kim waved.",
        );
        assert!(why
            .last()
            .unwrap()
            .reason
            .contains("resolved to Kim Jong Un (person:kim-jong-un)"));
        assert!(why
            .last()
            .unwrap()
            .reason
            .contains("Kim Jong Un 2, Kim Jong Il 1"));
        // The inner `Kim` of a full name loses to the longer match.
        assert!(why.iter().any(|e| e.rule == "overlap" && e.text == "Kim"));
    }

    t!(
        tie_across_paragraphs_goes_to_the_sense_introduced_first,
        KIMS,
        "Kim Jong Un came.\n\nHis father Kim Jong Il ruled.\n\nKim left.",
        [
            ("Kim Jong Un", "Kim Jong Un"),
            ("Kim Jong Il", "Kim Jong Il"),
            ("Kim", "Kim Jong Un")
        ]
    );
}
