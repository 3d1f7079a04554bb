//! Co-occurrence: which entities appear together, counted per unit of text.
//!
//! Owns the co-occurrence policy: the unit ([`Window`]: sentence, paragraph, document, or
//! `N` consecutive sentences sliding), counting a pair once per unit however often either
//! entity repeats in it, never linking an entity to itself, canonical `(low, high)` pairs,
//! per-edge document counts, evidence citations, and the association measures computed from
//! unit counts. Counts from different documents merge by addition, so the result does not
//! depend on the order documents are processed in. Must not touch petgraph or output formats.

use rustc_hash::FxHashMap as HashMap;
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use crate::corpus::dates::Day;
use crate::model::{EntityId, Mention, Segments, Span};

/// The unit of text inside which two entities count as appearing together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Window {
    /// One sentence.
    #[default]
    Sentence,
    /// One paragraph.
    Paragraph,
    /// The whole document.
    Document,
    /// `N` consecutive sentences, sliding by one sentence, within a document.
    Sentences(u32),
}

impl FromStr for Window {
    type Err = String;

    fn from_str(s: &str) -> Result<Window, String> {
        match s {
            "sentence" => Ok(Window::Sentence),
            "paragraph" => Ok(Window::Paragraph),
            "document" => Ok(Window::Document),
            _ => match s.strip_prefix("sentences:").map(str::parse::<u32>) {
                Some(Ok(n)) if n >= 1 => Ok(Window::Sentences(n)),
                _ => Err(format!(
                    "invalid window `{s}` (expected sentence, paragraph, document or sentences:N with N >= 1)"
                )),
            },
        }
    }
}

impl fmt::Display for Window {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Window::Sentence => f.write_str("sentence"),
            Window::Paragraph => f.write_str("paragraph"),
            Window::Document => f.write_str("document"),
            Window::Sentences(n) => write!(f, "sentences:{n}"),
        }
    }
}

/// One citation for an edge: the unit of text where both entities occur.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Evidence {
    /// Position of the document in the input (orders citations deterministically).
    pub seq: u64,
    /// The document's id.
    pub doc: String,
    /// Index (in the document) of the unit's first sentence.
    pub sentence: u32,
    /// Byte span of the unit in the document.
    pub span: Span,
    /// The unit's text, whitespace-trimmed and cut to [`SNIPPET_BYTES`] with `…`, when
    /// the linker keeps snippets ([`Linker::with_snippets`]).
    pub text: Option<String>,
    /// The document's date, when it has one.
    pub date: Option<Day>,
}

/// The longest snippet kept, in bytes (cut at a character boundary).
pub const SNIPPET_BYTES: usize = 600;

/// One mention in context: the sentence around it, in three pieces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Example {
    /// Position of the document in the input.
    pub seq: u64,
    /// Where the mention starts in the document (orders a document's examples).
    pub at: usize,
    /// The document's id.
    pub doc: String,
    /// The sentence before the mention (at most half a snippet, cut at its start).
    pub before: String,
    /// The mention as written.
    pub mention: String,
    /// The sentence after the mention (at most half a snippet, cut at its end).
    pub after: String,
    /// The document's date, when it has one.
    pub date: Option<Day>,
}

/// `text` trimmed and cut to `max` bytes at a character boundary, `…` marking the cut.
fn cut_end(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.len() <= max {
        return text.to_string();
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", text[..end].trim_end())
}

/// The last `max` bytes of `text` (its start trimmed), `…` marking a cut.
fn cut_start(text: &str, max: usize) -> String {
    let text = text.trim_start();
    if text.len() <= max {
        return text.to_string();
    }
    let mut start = text.len() - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    format!("…{}", text[start..].trim_start())
}

/// Counts for one entity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityCounts {
    /// Mentions.
    pub mentions: u64,
    /// Documents with at least one mention.
    pub documents: u64,
    /// Units with at least one mention.
    pub units: u64,
    /// The surface forms seen, with their counts.
    pub aliases: HashMap<String, u64>,
    /// The last document counted (by position), so a document counts once.
    pub(crate) last_doc: Option<u64>,
    /// The earliest mentions in context (as many as citations are kept per pair), when the
    /// linker keeps snippets.
    pub examples: Vec<Example>,
    /// Mentions per day, in dated documents.
    pub days: BTreeMap<Day, u64>,
}

/// Counts for one pair of entities.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PairCounts {
    /// Units where both occur.
    pub units: u64,
    /// Documents where both occur in at least one unit.
    pub documents: u64,
    /// Up to K citations, the earliest by (document position, unit start).
    pub evidence: Vec<Evidence>,
    /// Units where both occur per day, in dated documents.
    pub days: BTreeMap<Day, u64>,
    /// The last document counted (by position), so a document counts once.
    pub(crate) last_doc: Option<u64>,
}

/// Co-occurrence counts over a corpus (or part of one).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cooccurrence {
    /// Total units of text, with or without mentions.
    pub units: u64,
    /// Documents counted.
    pub documents: u64,
    /// Per-entity counts.
    pub entities: HashMap<EntityId, EntityCounts>,
    /// Per-pair counts, keyed `(low, high)`.
    pub pairs: HashMap<(EntityId, EntityId), PairCounts>,
}

/// One document's input to the linker.
#[derive(Debug, Clone, Copy)]
pub struct DocInput<'a> {
    /// Position of the document in the input.
    pub seq: u64,
    /// The document's id.
    pub id: &'a str,
    /// The document's text.
    pub text: &'a str,
    /// Its segmentation.
    pub segments: &'a Segments,
    /// Its mentions, in text order.
    pub mentions: &'a [Mention],
    /// Its date, when it has one (see `corpus::dates`).
    pub date: Option<Day>,
}

/// Counts documents into [`Cooccurrence`]s with one window and one citation limit.
///
/// It keeps a buffer of its own across documents, so that counting allocates only for what
/// is new: an entity, pair or surface form not seen before, or a citation that is kept. A
/// document too long to hold whole can be counted in parts cut at paragraph breaks
/// ([`Linker::add_part`]); it keeps what a window that goes on into the next part needs.
///
/// # Examples
/// ```
/// use entgraph::link::{Cooccurrence, DocInput, Linker, Window};
/// use entgraph::{Gazetteer, Matcher};
/// let g = Gazetteer::from_str("people.txt", "Vladimir Putin\nKim Jong Un\n").unwrap();
/// let text = "Kim Jong Un met Vladimir Putin. They spoke.";
/// let segments = entgraph::segment::segment(text);
/// let mentions = Matcher::new(&g).unwrap().find(text).mentions;
/// let doc = DocInput { seq: 0, id: "a", text, segments: &segments, mentions: &mentions, date: None };
/// let mut counts = Cooccurrence::default();
/// Linker::new(Window::Sentence, 3).add(&mut counts, doc);
/// assert_eq!((counts.units, counts.pairs.len()), (2, 1));
/// ```
#[derive(Debug, Clone)]
pub struct Linker {
    window: Window,
    evidence: usize,
    /// Whether citations carry their text and entities their mentions in context.
    snippets: bool,
    /// (unit, entity) memberships of the part being counted.
    member: Vec<(u32, EntityId)>,
    /// The document being counted in parts.
    open: Open,
}

/// What a document counted in parts carries from one part to the next.
#[derive(Debug, Clone, Default)]
struct Open {
    /// The document's position in the input, while one is open.
    seq: Option<u64>,
    /// Sentences and paragraphs in the parts before.
    sentences: u32,
    paragraphs: u32,
    /// Memberships of units that may go on into the next part: the document's one unit,
    /// or sliding windows that start in the last sentences.
    carry: Vec<(u32, EntityId)>,
    /// Spans in the document of the last sentences before this part (for the citations of
    /// sliding windows that start there), the first being sentence `tail_first`.
    tail: Vec<Span>,
    tail_first: u32,
    /// The document's text so far without its leading and trailing whitespace.
    extent: Option<Span>,
}

impl Linker {
    /// A linker for `window` that keeps up to `evidence` citations per pair.
    pub fn new(window: Window, evidence: usize) -> Linker {
        Linker {
            window,
            evidence,
            snippets: false,
            member: Vec::new(),
            open: Open::default(),
        }
    }

    /// Keeps text with the counts: each citation's unit text ([`Evidence::text`]) and each
    /// entity's earliest mentions in context ([`EntityCounts::examples`]), as many as
    /// citations. For pictures that show why two entities are linked (the HTML explorer);
    /// off by default, as it costs memory.
    pub fn with_snippets(mut self, on: bool) -> Linker {
        self.snippets = on;
        self
    }

    /// Adds one document's counts to `counts`, keeping the earliest citations per pair (by
    /// document position and unit).
    pub fn add(&mut self, counts: &mut Cooccurrence, doc: DocInput<'_>) {
        self.add_part(counts, doc, 0, true);
    }

    /// Adds one part of a document to `counts`: `doc` holds the part's text, segmentation
    /// and mentions (offsets into the part), `offset` is where the part starts in the
    /// document, and `last` says whether it ends it. Parts of one document come in text
    /// order, with the same `seq`, each cut at a paragraph break; the counts come out as
    /// [`Linker::add`] gives for the whole text. A part with a new `seq` starts a new
    /// document (whatever was open is dropped).
    pub fn add_part(
        &mut self,
        counts: &mut Cooccurrence,
        doc: DocInput<'_>,
        offset: usize,
        last: bool,
    ) {
        if self.open.seq != Some(doc.seq) {
            self.open = Open {
                seq: Some(doc.seq),
                ..Open::default()
            };
            counts.documents += 1;
        }
        let window = self.window;
        let seg = doc.segments;
        let open = &mut self.open;
        let (sb, pb) = (open.sentences, open.paragraphs);
        // Sentences of the document so far, this part's included.
        let total = sb + seg.sentences.len() as u32;
        let member = &mut self.member;
        member.clear();
        let examples = if self.snippets { self.evidence } else { 0 };
        counts.mentions(doc, offset, examples, |m| match window {
            Window::Sentence => {
                member.push((sb + seg.sentence_at(m.span.start()) as u32, m.entity))
            }
            Window::Paragraph => {
                member.push((pb + seg.paragraph_at(m.span.start()) as u32, m.entity))
            }
            Window::Document => member.push((0, m.entity)),
            Window::Sentences(n) => {
                // Every window that holds the sentence; those that would start past the
                // document's last window are dropped when it ends.
                let s = sb + seg.sentence_at(m.span.start()) as u32;
                for u in (s + 1).saturating_sub(n)..=s {
                    member.push((u, m.entity));
                }
            }
        });
        member.append(&mut open.carry);
        // Units the document has, once it ends.
        let units = |total: u32| match window {
            Window::Sentence => total,
            Window::Paragraph => pb + seg.paragraphs.len() as u32,
            Window::Document => 1,
            Window::Sentences(n) => match total {
                0 => 0,
                s => s.saturating_sub(n - 1).max(1),
            },
        };
        // Units that may go on into the next part are carried there.
        if last {
            let n = units(total);
            member.retain(|&(u, _)| u < n);
        } else {
            let done = match window {
                Window::Sentence | Window::Paragraph => u32::MAX,
                Window::Document => 0,
                Window::Sentences(n) => (total + 1).saturating_sub(n),
            };
            open.carry
                .extend(member.iter().filter(|&&(u, _)| u >= done));
            member.retain(|&(u, _)| u < done);
        }
        member.sort_unstable();
        member.dedup();
        // The part's text without surrounding whitespace, in the document.
        let lead = doc.text.len() - doc.text.trim_start().len();
        if lead < doc.text.len() {
            let end = offset + doc.text.trim_end().len();
            let start = open.extent.map_or(offset + lead, |e| e.start());
            open.extent = Some(Span::new(start, end));
        }
        let at = |doc_len: usize| open.extent.unwrap_or(Span::new(doc_len, doc_len));
        let document = at(offset + doc.text.len());
        let place = Place {
            window,
            seg,
            offset,
            sb,
            pb,
            total,
            tail: &open.tail,
            tail_first: open.tail_first,
            document,
        };
        let text = |span: Span| {
            // The unit's part in this text (a unit may begin in an earlier part).
            let start = span.start().max(offset) - offset;
            let end = (span.end().max(offset) - offset).min(doc.text.len());
            match doc.text.get(start..end) {
                Some(t) if span.start() >= offset => cut_end(t, SNIPPET_BYTES),
                Some(t) => format!("…{}", cut_end(t, SNIPPET_BYTES)),
                None => String::new(),
            }
        };
        let snippets = self.snippets;
        counts.units_of(doc, member, self.evidence, |unit| {
            let (sentence, span) = place.extent(unit);
            (sentence, span, snippets.then(|| text(span)))
        });
        // Units are counted once each: those of a window known whole now, the rest at the
        // document's end.
        counts.units += match window {
            Window::Sentence => seg.sentences.len() as u64,
            Window::Paragraph => seg.paragraphs.len() as u64,
            Window::Document | Window::Sentences(_) if last => units(total) as u64,
            Window::Document | Window::Sentences(_) => 0,
        };
        if last {
            self.open = Open::default();
            return;
        }
        // The last sentences, which carried sliding windows may cite.
        if let Window::Sentences(n) = window {
            let keep = (n - 1) as usize;
            let spans = seg.sentences.iter().map(|s| s.shift(offset));
            open.tail.extend(spans);
            let drop = open.tail.len().saturating_sub(keep);
            open.tail.drain(..drop);
            open.tail_first = total - open.tail.len() as u32;
        }
        open.sentences = total;
        open.paragraphs = pb + seg.paragraphs.len() as u32;
    }
}

/// Where the units of one part lie in its document, for citations.
struct Place<'a> {
    window: Window,
    seg: &'a Segments,
    /// Where the part starts in the document.
    offset: usize,
    /// Sentences and paragraphs before the part.
    sb: u32,
    pb: u32,
    /// Sentences up to the part's end.
    total: u32,
    /// The spans of sentences `tail_first..sb`.
    tail: &'a [Span],
    tail_first: u32,
    /// The document's text without surrounding whitespace, so far.
    document: Span,
}

impl Place<'_> {
    /// Sentence `s` of the document: in the part, or among the last before it.
    fn sentence(&self, s: u32) -> Span {
        match s.checked_sub(self.sb) {
            Some(k) => self.seg.sentences[k as usize].shift(self.offset),
            None => self.tail[(s - self.tail_first) as usize],
        }
    }

    /// The first sentence index and the byte span in the document of unit `unit`.
    fn extent(&self, unit: u32) -> (u32, Span) {
        match self.window {
            Window::Sentence => (unit, self.sentence(unit)),
            Window::Paragraph => {
                let local = unit - self.pb;
                let seg = self.seg;
                let first = seg.sentence_paragraph.partition_point(|&p| p < local);
                (
                    self.sb + first as u32,
                    seg.paragraphs[local as usize].shift(self.offset),
                )
            }
            Window::Document => (0, self.document),
            Window::Sentences(n) => {
                let last = (unit + n - 1).min(self.total - 1);
                let span = Span::new(self.sentence(unit).start(), self.sentence(last).end());
                (unit, span)
            }
        }
    }
}

impl Cooccurrence {
    /// Counts one document with `window`, keeping up to `evidence` citations per pair.
    pub fn document(doc: DocInput<'_>, window: Window, evidence: usize) -> Cooccurrence {
        let mut out = Cooccurrence::default();
        Linker::new(window, evidence).add(&mut out, doc);
        out
    }

    /// Counts the mentions of `doc` by entity, and hands each that stands for its entity
    /// (not one that describes another or stands for a team) to `unit`.
    /// Keeps up to `examples` mentions in context per entity; `offset` is where `doc`'s
    /// text starts in its document.
    fn mentions(
        &mut self,
        doc: DocInput<'_>,
        offset: usize,
        examples: usize,
        mut unit: impl FnMut(&Mention),
    ) {
        for m in doc.mentions {
            let e = self.entities.entry(m.entity).or_default();
            if e.mentions == 0 || e.last_doc != Some(doc.seq) {
                e.documents += 1;
                e.last_doc = Some(doc.seq);
            }
            e.mentions += 1;
            if let Some(day) = doc.date {
                *e.days.entry(day).or_default() += 1;
            }
            let form = &doc.text[m.span.range()];
            if e.examples.len() < examples {
                let sentence = doc.segments.sentences[doc.segments.sentence_at(m.span.start())];
                let half = SNIPPET_BYTES / 2;
                e.examples.push(Example {
                    seq: doc.seq,
                    at: offset + m.span.start(),
                    doc: doc.id.to_string(),
                    before: cut_start(&doc.text[sentence.start()..m.span.start()], half),
                    mention: form.to_string(),
                    after: cut_end(
                        &doc.text[m.span.end()..sentence.end().max(m.span.end())],
                        half,
                    ),
                    date: doc.date,
                });
            }
            match e.aliases.get_mut(form) {
                Some(n) => *n += 1,
                None => {
                    e.aliases.insert(form.to_string(), 1);
                }
            }
            if m.describes.is_none() && !m.team {
                unit(m);
            }
        }
    }

    /// Counts the units of `member`, sorted (unit, entity) memberships without duplicates:
    /// each entity's units and each pair's, with up to `evidence` citations whose place
    /// `extent` gives.
    fn units_of(
        &mut self,
        doc: DocInput<'_>,
        member: &[(u32, EntityId)],
        evidence: usize,
        extent: impl Fn(u32) -> (u32, Span, Option<String>),
    ) {
        for group in member.chunk_by(|a, b| a.0 == b.0) {
            let unit = group[0].0;
            for &(_, a) in group {
                if let Some(e) = self.entities.get_mut(&a) {
                    e.units += 1;
                }
            }
            for x in 0..group.len() {
                for y in x + 1..group.len() {
                    let pair = self.pairs.entry((group[x].1, group[y].1)).or_default();
                    pair.units += 1;
                    if let Some(day) = doc.date {
                        *pair.days.entry(day).or_default() += 1;
                    }
                    if pair.last_doc != Some(doc.seq) {
                        pair.documents += 1;
                        pair.last_doc = Some(doc.seq);
                    }
                    // Units come in text order within a document and documents in input
                    // order within a worker, so a full list only takes earlier citations
                    // from a merge, never from here.
                    if pair.evidence.len() < evidence {
                        let (sentence, span, text) = extent(unit);
                        pair.evidence.push(Evidence {
                            seq: doc.seq,
                            doc: doc.id.to_string(),
                            sentence,
                            span,
                            text,
                            date: doc.date,
                        });
                    }
                }
            }
        }
    }

    /// Adds `other`'s counts to these, keeping the `evidence` earliest citations per pair.
    pub fn merge(&mut self, other: Cooccurrence, evidence: usize) {
        self.units += other.units;
        self.documents += other.documents;
        for (k, v) in other.entities {
            let e = self.entities.entry(k).or_default();
            e.mentions += v.mentions;
            e.documents += v.documents;
            e.units += v.units;
            for (alias, n) in v.aliases {
                *e.aliases.entry(alias).or_default() += n;
            }
            for (day, n) in v.days {
                *e.days.entry(day).or_default() += n;
            }
            if !v.examples.is_empty() {
                e.examples.extend(v.examples);
                e.examples.sort();
                e.examples.truncate(evidence);
            }
        }
        for (k, v) in other.pairs {
            let p = self.pairs.entry(k).or_default();
            p.units += v.units;
            p.documents += v.documents;
            for (day, n) in v.days {
                *p.days.entry(day).or_default() += n;
            }
            if !v.evidence.is_empty() {
                p.evidence.extend(v.evidence);
                p.evidence.sort();
                p.evidence.truncate(evidence);
            }
        }
    }
}

/// Association measures of a pair, from unit counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measures {
    /// Pointwise mutual information, log base 2.
    pub pmi: f64,
    /// PMI normalized to [-1, 1].
    pub npmi: f64,
    /// Dice coefficient, 2·n(ab) / (n(a) + n(b)).
    pub dice: f64,
    /// Jaccard index, n(ab) / (n(a) + n(b) − n(ab)).
    pub jaccard: f64,
}

impl Measures {
    /// Measures for a pair seen together in `ab` units, with `a` and `b` the units of each
    /// entity and `n` the total units.
    ///
    /// # Examples
    /// ```
    /// let m = entgraph::link::Measures::new(2, 2, 2, 8);
    /// assert_eq!((m.pmi, m.npmi, m.dice, m.jaccard), (2.0, 1.0, 1.0, 1.0));
    /// ```
    pub fn new(ab: u64, a: u64, b: u64, n: u64) -> Measures {
        let (ab, a, b, n) = (ab as f64, a as f64, b as f64, n.max(1) as f64);
        let pmi = (ab * n / (a * b)).log2();
        let p_ab = ab / n;
        let npmi = if p_ab >= 1.0 { 1.0 } else { pmi / -p_ab.log2() };
        Measures {
            pmi,
            npmi,
            dice: 2.0 * ab / (a + b),
            jaccard: ab / (a + b - ab),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;

    fn e(index: usize) -> EntityId {
        EntityId::new(index)
    }

    fn mention(text: &str, needle: &str, nth: usize, entity: usize) -> Mention {
        let start = text.match_indices(needle).nth(nth).unwrap().0;
        Mention {
            span: Span::new(start, start + needle.len()),
            entity: EntityId::new(entity),
            demonym: false,
            describes: None,
            team: false,
            resolved: false,
        }
    }

    const TEXT: &str = "Anna met Boris. Anna and Anna again.\n\nBoris saw Carl. Carl and Anna.";

    fn mentions() -> Vec<Mention> {
        vec![
            mention(TEXT, "Anna", 0, 0),
            mention(TEXT, "Boris", 0, 1),
            mention(TEXT, "Anna", 1, 0),
            mention(TEXT, "Anna", 2, 0),
            mention(TEXT, "Boris", 1, 1),
            mention(TEXT, "Carl", 0, 2),
            mention(TEXT, "Carl", 1, 2),
            mention(TEXT, "Anna", 3, 0),
        ]
    }

    fn count(window: Window) -> Cooccurrence {
        let seg = segment(TEXT);
        let m = mentions();
        let doc = DocInput {
            seq: 0,
            id: "d",
            text: TEXT,
            segments: &seg,
            mentions: &m,
            date: None,
        };
        Cooccurrence::document(doc, window, 2)
    }

    #[test]
    fn sentence_window_counts_pairs_once_per_unit() {
        let c = count(Window::Sentence);
        assert_eq!(c.units, 4);
        assert_eq!(c.pairs[&(e(0), e(1))].units, 1);
        assert_eq!(c.pairs[&(e(1), e(2))].units, 1);
        assert_eq!(c.pairs[&(e(0), e(2))].units, 1);
        assert_eq!(c.entities[&e(0)].mentions, 4);
        assert_eq!(c.entities[&e(0)].units, 3);
        assert!(!c.pairs.keys().any(|(a, b)| a == b));
        let ev = &c.pairs[&(e(0), e(1))].evidence[0];
        assert_eq!(&TEXT[ev.span.range()], "Anna met Boris.");
    }

    #[test]
    fn paragraph_document_and_sliding_windows() {
        let p = count(Window::Paragraph);
        assert_eq!(p.units, 2);
        assert_eq!(p.pairs[&(e(0), e(1))].units, 2);
        assert_eq!(p.pairs[&(e(0), e(2))].units, 1);
        let d = count(Window::Document);
        assert_eq!((d.units, d.pairs.len()), (1, 3));
        // Sentences: [A B] [A A] [B C] [C A]; windows of 2: {A,B} {A,B,C} {A,B,C}.
        let s = count(Window::Sentences(2));
        assert_eq!(s.units, 3);
        assert_eq!(s.pairs[&(e(0), e(1))].units, 3);
        assert_eq!(s.pairs[&(e(1), e(2))].units, 2);
        assert_eq!(s.pairs[&(e(0), e(2))].units, 2);
        assert_eq!(s.entities[&e(2)].units, 2);
    }

    #[test]
    fn merge_adds_and_keeps_earliest_evidence() {
        let mut a = count(Window::Sentence);
        let mut b = count(Window::Sentence);
        for p in b.pairs.values_mut() {
            for e in p.evidence.iter_mut() {
                e.seq = 1;
            }
        }
        let b2 = b.clone();
        a.merge(b, 1);
        assert_eq!(a.pairs[&(e(0), e(1))].units, 2);
        assert_eq!(a.pairs[&(e(0), e(1))].documents, 2);
        assert_eq!(a.pairs[&(e(0), e(1))].evidence.len(), 1);
        assert_eq!(a.pairs[&(e(0), e(1))].evidence[0].seq, 0);
        // Merging in the other order gives the same counts.
        let mut c = b2;
        c.merge(count(Window::Sentence), 1);
        assert_eq!(c, a);
    }

    #[test]
    fn window_parsing() {
        assert_eq!("sentences:3".parse::<Window>(), Ok(Window::Sentences(3)));
        assert!("sentences:0".parse::<Window>().is_err());
        assert!("page".parse::<Window>().is_err());
        assert_eq!(Window::Sentences(3).to_string(), "sentences:3");
    }
}
