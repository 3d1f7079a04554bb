//! Suggesting gazetteer entries: names in a corpus that the loaded gazetteers do not cover.
//!
//! Owns the candidate rules of `entgraph suggest` (runs of capitalized words with name
//! connectors, acronyms, hyphenated name forms; sentence-initial and headline words; cutting
//! at known mentions), the type guess with the cue that suggested it (titles, head words,
//! place and person contexts), the grouping of variants into one entry with aliases, the
//! ranking, and the two writers (ready-to-paste text gazetteer lines, JSON Lines). Works from
//! a document's text, its [`Segments`] and its [`Mention`]s: matching is the matcher's,
//! segmentation the segmenter's. Word lists and character rules come from [`crate::text`].
//! Must not print, read files or touch the
//! automaton, the graph or the command line.
//!
//! The work is split so that documents can be processed in parallel: [`candidates`] is pure
//! and per document; a [`Collector`] folds the documents in input order and [`Collector::finish`]
//! decides what needs the whole corpus (whether a sentence-initial word is a name, which
//! short forms belong to which full name), then groups, types and ranks.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use crate::gazetteer::Gazetteer;
use crate::matcher::Matcher;
use crate::model::{Mention, Segments, Span};
use crate::segment::segment;
use crate::text::abbrev::is_name_abbreviation;
use crate::text::acronym::{dotted_acronym_len, is_acronym};
use crate::text::chars::is_word_char;
use crate::text::chars::{is_apostrophe, is_hyphen, is_opening_quote};
use crate::text::normalize::normalize;
use crate::text::words::{
    is_common_word, is_function_word, is_org_head, is_place_head, is_title_word, junk_reason,
    JunkReason,
};

/// Place head words that also come first (`Mount Paektu`, `Lake Baikal`, `Cape Town`).
const PLACE_PREFIXES: &[&str] = &["cape", "fort", "isle", "lake", "mount", "port"];

/// Lower-case words that may join two capitalized words of one name (`Ministry of Foreign
/// Affairs`, `Charles de Gaulle`, `Bashar al-Assad`).
const CONNECTORS: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "of", "van", "von",
];

/// Connectors allowed only once the name has an organization head word (`Center for
/// Strategic Studies`, `Committee on Foreign Affairs`, `Ministry of Trade and Industry`),
/// and `and` between one word and a name ending in a head word (`Belt and Road Forum`).
const ORG_CONNECTORS: &[&str] = &["and", "for", "on"];

/// Verbs of speech: a name right before or after one is probably a person.
const SAID_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "argued",
    "asked",
    "commented",
    "contributed",
    "explained",
    "insisted",
    "noted",
    "recalled",
    "replied",
    "reported",
    "said",
    "says",
    "stated",
    "stressed",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// Verbs of speech that come before the speaker (`said Jane Roe`); `told X` names the
/// listener, often an organization.
const SAID_BEFORE: &[&str] = &[
    "added",
    "argued",
    "explained",
    "noted",
    "said",
    "says",
    "stressed",
    "warned",
    "wrote",
];

/// Lower-case place nouns: `the city of X`, `port X`, `X island`.
const PLACE_NOUNS: &[&str] = &[
    "bay",
    "capital",
    "city",
    "county",
    "crossing",
    "district",
    "island",
    "peninsula",
    "port",
    "province",
    "region",
    "river",
    "station",
    "town",
    "village",
];

/// Lower-case prepositions of place: `in X`, `near X`.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside"];

/// Lower-case organization nouns: `news agency X`, `X newspaper`, `, a group that`.
const ORG_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "bank",
    "broadcaster",
    "channel",
    "company",
    "daily",
    "firm",
    "group",
    "institute",
    "magazine",
    "ministry",
    "network",
    "newspaper",
    "organization",
    "organisation",
    "outlet",
    "party",
    "tabloid",
    "tank",
    "university",
    "watchdog",
    "website",
];

/// Runs of this many capitalized words or more (tables, title-case blocks) are no names.
const MAX_RUN_WORDS: usize = 32;

/// The longest candidate, in words, checked against the known names.
const MAX_KNOWN_WORDS: usize = 8;

/// The width of an example snippet, in characters.
const SNIPPET_WIDTH: usize = 80;

fn is_head(word: &str) -> bool {
    is_org_head(word) || is_place_head(word)
}

/// A title word, also when hyphenated (`Secretary-General`) or written with a dot (`Mr.`).
fn is_title(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    !w.is_empty() && (is_title_word(w) || w.split('-').all(is_title_word))
}

fn is_calendar(lower: &str) -> bool {
    junk_reason(lower) == Some(JunkReason::Calendar)
}

/// A word of the shipped lists: common, function, title, weekday or month.
fn is_listed(w: &str) -> bool {
    is_common_word(w) || is_function_word(w) || is_title_word(w) || is_calendar(w)
}

/// Whether a lower-case word is an ordinary English word: listed, an inflection of a listed
/// word (`analysts`, `arrives`, `speaking`, `previously`), or a word with a derivational
/// suffix that names rarely have (`anticipation`, `accessibility`).
fn is_ordinary(w: &str) -> bool {
    if w.is_empty() || is_listed(w) {
        return true;
    }
    let mut stems: Vec<String> = Vec::new();
    if let Some(s) = w.strip_suffix("ies") {
        stems.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("es") {
        stems.push(s.to_string());
    }
    if let Some(s) = w.strip_suffix('s').filter(|_| !w.ends_with("ss")) {
        stems.push(s.to_string());
    }
    for suffix in ["ing", "ed"] {
        if let Some(s) = w.strip_suffix(suffix) {
            stems.push(s.to_string());
            stems.push(format!("{s}e"));
            let b = s.as_bytes();
            if b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2] {
                stems.push(s[..s.len() - 1].to_string());
            }
        }
    }
    if let Some(s) = w.strip_suffix("ily") {
        stems.push(format!("{s}y"));
    }
    if let Some(s) = w.strip_suffix("ly") {
        stems.push(s.to_string());
    }
    for suffix in ["ful", "less", "ness", "ment"] {
        if let Some(s) = w.strip_suffix(suffix) {
            stems.push(s.to_string());
        }
    }
    if stems
        .iter()
        .any(|s| s.len() >= 3 && (is_common_word(s) || is_title_word(s)))
    {
        return true;
    }
    const DERIVED: &[&str] = &[
        "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ings", "ally", "ful",
        "less", "ible", "able", "ical", "ive", "ous",
    ];
    w.chars().count() >= 7 && DERIVED.iter().any(|s| w.ends_with(s))
}

/// The folded, space-free form names are compared by: `Kim Jong-un`, `Kim Jong Un` and
/// `KIM JONGUN` are one key.
fn compact_key(name: &str) -> String {
    normalize(name, true)
        .chars()
        .filter(|&c| c != ' ')
        .collect()
}

/// The folded words of a name (`Kim Jong-un` → `kim`, `jong`, `un`).
fn folded_words(name: &str) -> Vec<String> {
    normalize(name, true)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The names the loaded gazetteers already know, so that suggestions skip them.
#[derive(Debug, Clone, Default)]
pub struct Known {
    /// Compact keys of every alias of every entity.
    names: HashSet<String>,
    /// For each entity index, whether it is a person.
    person: Vec<bool>,
    place: Vec<bool>,
}

impl Known {
    /// The plain aliases (labels and demonyms included) of every entity of `gazetteer`.
    /// Anchored aliases are left out: where the matcher found one, its mention already
    /// covers the text; where it did not (no full name in the document), the name is not
    /// covered in that corpus and is worth proposing (`CNA` for a research group when the
    /// world pack anchors `CNA` to two news agencies).
    pub fn new(gazetteer: &Gazetteer) -> Known {
        let mut known = Known::default();
        for entity in gazetteer.entities() {
            known.person.push(entity.kind == "person");
            known.place.push(entity.kind == "place");
            for alias in entity.aliases.iter().filter(|a| !a.anchored) {
                known.names.insert(compact_key(&alias.text));
            }
        }
        known
    }

    /// Whether `name` is written like an alias of a loaded entity (case, hyphens, spaces
    /// and acronym dots aside).
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&compact_key(name))
    }

    fn is_person(&self, entity: u32) -> bool {
        self.person.get(entity as usize).copied().unwrap_or(false)
    }

    fn is_place(&self, entity: u32) -> bool {
        self.place.get(entity as usize).copied().unwrap_or(false)
    }
}

/// The guessed type of a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Kind {
    Person,
    Place,
    Organization,
}

impl Kind {
    const ALL: [Kind; 3] = [Kind::Person, Kind::Place, Kind::Organization];

    fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Place => "place",
            Kind::Organization => "organization",
        }
    }
}

/// One piece of evidence for a type: `title `aide` before` (person, strong).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Cue {
    kind: Kind,
    weight: u8,
    text: String,
}

impl Cue {
    fn new(kind: Kind, weight: u8, text: String) -> Cue {
        Cue { kind, weight, text }
    }
}

/// How a token is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Sep {
    /// Punctuation, a quote, a bracket, the start of the sentence: never inside a name.
    Break,
    /// Whitespace only.
    Space,
    /// One hyphen, no space (`Jong-un`).
    Hyphen,
    /// A comma and whitespace.
    Comma,
    /// A full stop and whitespace (`Mr. Kim`, `J. Smith`).
    Dot,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Starts with an upper-case letter (`Putin`, `McKenzie`, `I`).
    Cap,
    /// Two or more letters, all upper case (`CNA`, `U.S.`).
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a digit.
    Digit,
    /// Anything else.
    Other,
}

fn shape_of(text: &str) -> Shape {
    let Some(first) = text.chars().next() else {
        return Shape::Other;
    };
    if first.is_numeric() {
        return Shape::Digit;
    }
    if first.is_uppercase() {
        return if is_acronym(text) {
            Shape::Upper
        } else {
            Shape::Cap
        };
    }
    if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// A word of a sentence.
#[derive(Debug)]
struct Tok<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    lower: String,
    sep: Sep,
    shape: Shape,
    /// The first word of a sentence, of a quotation, after a colon, or any word of a
    /// headline line: its capital letter says nothing.
    uncertain: bool,
    /// On a line in capitals.
    capitals: bool,
    /// The index (in the sorted mention list) of a mention covering the word.
    mention: Option<usize>,
}

/// Marks after which a capital letter says nothing: opening quotes, a colon, bullets.
fn is_opening_mark(c: char) -> bool {
    is_opening_quote(c) || matches!(c, ':' | '\u{2022}' | '\u{00b7}' | '|')
}

/// The words of one sentence (`base` is the sentence's offset in the document). A
/// possessive `'s` is not part of a word and breaks the run after it.
fn tokenize(sentence: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    let mut i = 0;
    let mut prev_end = 0;
    while i < sentence.len() {
        let Some(c) = sentence[i..].chars().next() else {
            break;
        };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut end;
        let mut skip_to = None;
        if let Some(n) = dotted_acronym_len(&sentence.as_bytes()[i..]) {
            end = i + n;
        } else {
            end = i;
            loop {
                while let Some(c) = sentence[end..].chars().next().filter(|&c| is_word_char(c)) {
                    end += c.len_utf8();
                }
                // An apostrophe inside a word: `O'Brien` goes on, `Kim's` stops.
                let Some(a) = sentence[end..].chars().next().filter(|&c| is_apostrophe(c)) else {
                    break;
                };
                let after = end + a.len_utf8();
                let run: usize = sentence[after..]
                    .chars()
                    .take_while(|&c| is_word_char(c))
                    .map(char::len_utf8)
                    .sum();
                if run == 0 {
                    break;
                }
                if matches!(&sentence[after..after + run], "s" | "S") {
                    skip_to = Some(after + run);
                    break;
                }
                end = after + run;
            }
        }
        let text = &sentence[start..end];
        let gap = &sentence[prev_end..start];
        let sep = if out.is_empty() {
            Sep::Break
        } else {
            sep_of(gap)
        };
        // After an opening quote or a colon the capital says nothing. A straight quote
        // opens only after a space (`," Kim said` closes one).
        let g = gap.trim_end();
        let quoted = match g.chars().next_back() {
            Some(q @ ('"' | '\'')) => g[..g.len() - q.len_utf8()]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '(' || c == '['),
            Some(c) => is_opening_mark(c),
            None => false,
        };
        out.push(Tok {
            start: base + start,
            end: base + end,
            text,
            lower: text.to_lowercase(),
            sep,
            shape: shape_of(text),
            uncertain: out.is_empty() || quoted,
            capitals: false,
            mention: None,
        });
        i = skip_to.unwrap_or(end);
        prev_end = if skip_to.is_some() { end } else { i };
    }
    out
}

fn sep_of(gap: &str) -> Sep {
    let mut chars = gap.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Sep::Break,
        (Some(c), None) if is_hyphen(c) => Sep::Hyphen,
        _ if gap.chars().all(char::is_whitespace) => Sep::Space,
        (Some(','), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Comma,
        (Some('.'), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Dot,
        _ => Sep::Break,
    }
}

/// How a line of text reads: a headline-like line (no final punctuation, most words
/// capitalized: a headline, a caption, a menu item) or a line in capitals (`PUTIN MEETS
/// KIM`). On such lines a capital letter says nothing about which words are names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    Prose,
    Headline,
    Capitals,
}

fn line_kind(line: &str) -> LineKind {
    let mut words = 0usize;
    let mut caps = 0usize;
    let mut upper = 0usize;
    let mut long = 0usize;
    for raw in line.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        let first = w.chars().find(|c| c.is_alphabetic());
        let is_lower = first.is_some_and(char::is_lowercase);
        if is_lower && is_function_word(&w.to_lowercase()) {
            continue;
        }
        words += 1;
        if !is_lower {
            caps += 1;
        }
        if letters >= 2 {
            long += 1;
            if w.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            {
                upper += 1;
            }
        }
    }
    if long >= 2 && upper * 4 >= long * 3 {
        return LineKind::Capitals;
    }
    let last = line
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .chars()
        .next_back();
    if last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{2026}' | ';' | ','))
        || [". ", "? ", "! "].iter().any(|p| line.contains(p))
    {
        return LineKind::Prose;
    }
    if words >= 2 && caps * 4 >= words * 3 {
        LineKind::Headline
    } else {
        LineKind::Prose
    }
}

/// The kind of the text line holding byte `offset`, cached by line start.
fn line_kind_at(text: &str, offset: usize, cache: &mut HashMap<usize, LineKind>) -> LineKind {
    let start = text[..offset].rfind('\n').map_or(0, |k| k + 1);
    *cache.entry(start).or_insert_with(|| {
        let end = text[start..].find('\n').map_or(text.len(), |k| start + k);
        line_kind(&text[start..end])
    })
}

/// One word of a raw candidate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct RawWord {
    text: String,
    /// How it is joined to the word before (`Space` for the first word).
    sep: Sep,
    /// A lower-case connector (`of`, `de`).
    connector: bool,
    /// Its capital letter says nothing (sentence-initial, headline).
    uncertain: bool,
    /// A single-word mention of a person absorbed into a longer name (`Kim` of `Kim Chang
    /// Son`).
    mention: bool,
}

/// A run of name words in a document, before the corpus decides on its uncertain words.
#[derive(Debug, Clone)]
struct RawOcc {
    words: Vec<RawWord>,
    /// Cues from the words before the run.
    before: Vec<Cue>,
    /// Cues from the words after the run.
    after: Vec<Cue>,
    /// Word ranges (`start..end`) that are known names.
    known: Vec<(u8, u8)>,
    /// Identical runs in the document (same words, flags and cues).
    count: u64,
    /// Where the first one is, as a snippet.
    example: String,
}

/// What makes two runs of a document the same: words and cues.
type OccKey = (Vec<RawWord>, Vec<Cue>, Vec<Cue>);

/// The candidate names of one document, as [`candidates`] finds them: hand them to a
/// [`Collector`] in input order.
#[derive(Debug, Clone, Default)]
pub struct DocCandidates {
    occs: Vec<RawOcc>,
    /// Lower-case words of the document.
    lower: Vec<String>,
    /// Folded words written capitalized where the capital means something (not
    /// sentence-initial, not in a headline).
    mid_caps: Vec<String>,
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
    let mut spans: Vec<(Span, u32)> = mentions
        .iter()
        .filter(|m| m.span.end <= text.len() && m.span.start < m.span.end)
        .map(|m| (m.span, m.entity))
        .collect();
    spans.sort_unstable();
    let mut occs: Vec<RawOcc> = Vec::new();
    let mut index: HashMap<OccKey, usize> = HashMap::new();
    let mut lower: BTreeSet<String> = BTreeSet::new();
    let mut mid_caps: BTreeSet<String> = BTreeSet::new();
    let mut lines: HashMap<usize, LineKind> = HashMap::new();
    for &sentence in &segments.sentences {
        if sentence.end > text.len()
            || sentence.start > sentence.end
            || !text.is_char_boundary(sentence.start)
            || !text.is_char_boundary(sentence.end)
        {
            continue;
        }
        let mut toks = tokenize(&text[sentence.range()], sentence.start);
        for t in &mut toks {
            let k = spans.partition_point(|(s, _)| s.end <= t.start);
            if spans.get(k).is_some_and(|(s, _)| s.start < t.end) {
                t.mention = Some(k);
            }
        }
        for t in &mut toks {
            let kind = line_kind_at(text, t.start, &mut lines);
            t.uncertain |= kind != LineKind::Prose;
            t.capitals = kind == LineKind::Capitals;
            match t.shape {
                Shape::Lower if t.text.chars().all(char::is_alphabetic) => {
                    lower.insert(t.lower.clone());
                }
                Shape::Cap if !t.uncertain => {
                    mid_caps.insert(t.lower.clone());
                }
                _ => {}
            }
        }
        for (s, e) in runs(&toks, &spans, known) {
            if e - s >= MAX_RUN_WORDS || toks[s..=e].iter().any(|t| t.capitals) {
                continue;
            }
            let words = raw_words(&toks, s, e, &spans, known);
            let before = before_cues(&toks, s);
            let after = after_cues(&toks, e);
            let key = (words, before, after);
            if let Some(&k) = index.get(&key) {
                occs[k].count += 1;
                continue;
            }
            let (words, before, after) = key.clone();
            let known_ranges = known_ranges(&words, known);
            let example = snippet(text, sentence, toks[s].start, toks[e].end);
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

/// Whether token `i` can be a word of a name, given whether a name is already open
/// before it.
fn is_part(toks: &[Tok<'_>], i: usize, open: bool, spans: &[(Span, u32)], known: &Known) -> bool {
    let t = &toks[i];
    if let Some(m) = t.mention {
        return absorbable(toks, i, open, spans[m], known);
    }
    if is_calendar(&t.lower) {
        return false;
    }
    match t.shape {
        Shape::Cap | Shape::Upper => true,
        Shape::Digit => open && t.sep == Sep::Hyphen,
        Shape::Lower => {
            // `Jong-un`, `In-chul`: a lower-case part hyphenated to a capitalized one.
            let hyphen_part = open
                && t.sep == Sep::Hyphen
                && toks[i - 1].shape == Shape::Cap
                && !is_function_word(&t.lower)
                && !is_common_word(&t.lower)
                && t.text.chars().all(char::is_alphabetic);
            // `al-Assad`: a particle hyphenated to a capitalized word.
            let particle = CONNECTORS.contains(&t.lower.as_str())
                && toks
                    .get(i + 1)
                    .is_some_and(|n| n.sep == Sep::Hyphen && n.shape == Shape::Cap);
            hyphen_part || particle
        }
        Shape::Other => false,
    }
}

/// A one-word mention of a person next to capitalized words that are not mentions is a
/// word of a longer name: `Kim` of `Kim Chang Son`, `Putin` of a misspelt `Vladmir Putin`;
/// so is a one-word place that starts an organization's name (`Arctic Fisheries Council`).
fn absorbable(
    toks: &[Tok<'_>],
    i: usize,
    open: bool,
    (span, entity): (Span, u32),
    known: &Known,
) -> bool {
    let t = &toks[i];
    if span.start != t.start || span.end != t.end {
        return false;
    }
    // A place word that starts an organization's name: `Arctic` of `Arctic Fisheries
    // Council`, `Russia` of `Russia Today Corporation`.
    if known.is_place(entity) && !open {
        let mut j = i + 1;
        while let Some(n) = toks.get(j) {
            if n.mention.is_some() || n.sep != Sep::Space || n.shape != Shape::Cap {
                break;
            }
            if is_org_head(&n.lower) {
                return true;
            }
            j += 1;
        }
        return false;
    }
    if !known.is_person(entity) {
        return false;
    }
    let name_word = |n: &Tok<'_>| {
        n.mention.is_none()
            && n.shape == Shape::Cap
            && !is_title(&n.lower)
            && !is_calendar(&n.lower)
            && !(n.uncertain && is_ordinary(&n.lower))
    };
    let before = open && t.sep == Sep::Space && name_word(&toks[i - 1]);
    let after = toks
        .get(i + 1)
        .is_some_and(|n| n.sep == Sep::Space && name_word(n));
    before || after
}

/// Whether token `i` is a connector inside the run `s..i`.
fn is_connector(toks: &[Tok<'_>], s: usize, i: usize) -> bool {
    let t = &toks[i];
    if t.shape != Shape::Lower || t.sep != Sep::Space {
        return false;
    }
    let w = t.lower.as_str();
    if w == "the" {
        return toks[i - 1].shape == Shape::Lower;
    }
    if CONNECTORS.contains(&w) {
        return true;
    }
    if !ORG_CONNECTORS.contains(&w) {
        return false;
    }
    if toks[s..i]
        .iter()
        .any(|t| t.shape != Shape::Lower && is_org_head(&t.lower))
    {
        return true;
    }
    // `Belt and Road Forum`: one word, `and`, then at most two words ending in a head.
    w == "and" && i == s + 1 && {
        let rest: Vec<&Tok<'_>> = toks[i + 1..]
            .iter()
            .take_while(|t| t.sep == Sep::Space && t.mention.is_none() && t.shape == Shape::Cap)
            .take(3)
            .collect();
        matches!(rest.len(), 1 | 2) && rest.last().is_some_and(|t| is_org_head(&t.lower))
    }
}

/// Whether the capitalized words from token `k` on have a head word or a mention of their
/// own (`on Russky Island`, `for North Korea`): then `on`/`for`/`and` before them ends the
/// name instead of joining it.
fn names_own_thing(toks: &[Tok<'_>], k: usize) -> bool {
    for (x, t) in toks[k..].iter().enumerate() {
        if x > 0 && !matches!(t.sep, Sep::Space | Sep::Hyphen) {
            break;
        }
        if t.mention.is_some() || (t.shape != Shape::Lower && is_head(&t.lower)) {
            return true;
        }
        if t.shape == Shape::Lower && !CONNECTORS.contains(&t.lower.as_str()) && t.lower != "the" {
            break;
        }
    }
    false
}

/// Whether token `i` (joined to the one before by a full stop) continues a name: after an
/// initial (`J.`) or an abbreviated title (`Mr.`).
fn dot_joins(toks: &[Tok<'_>], i: usize) -> bool {
    let p = &toks[i - 1];
    (p.shape == Shape::Cap && p.text.chars().count() == 1) || is_name_abbreviation(&p.lower)
}

/// The runs of name words of a sentence, as inclusive token ranges.
fn runs(toks: &[Tok<'_>], spans: &[(Span, u32)], known: &Known) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // An uncertain capitalized function word (`The`, `By`, `In` of a headline) never
        // starts a name.
        let t = &toks[i];
        let starts = is_part(toks, i, false, spans, known)
            && (t.shape != Shape::Lower || CONNECTORS.contains(&t.lower.as_str()))
            && !(t.uncertain && t.mention.is_none() && is_function_word(&t.lower));
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        let mut j = i + 1;
        while j < toks.len() {
            let joined = match toks[j].sep {
                Sep::Space | Sep::Hyphen => true,
                Sep::Dot => dot_joins(toks, j),
                Sep::Break | Sep::Comma => false,
            };
            if !joined {
                break;
            }
            if is_part(toks, j, true, spans, known) {
                end = j;
                j += 1;
                continue;
            }
            // Up to two connectors, then a name word.
            let mut k = j;
            while k < toks.len() && k - j < 2 && is_connector(toks, i, k) {
                k += 1;
            }
            if k > j
                && k < toks.len()
                && toks[k].sep == Sep::Space
                && is_part(toks, k, true, spans, known)
                && toks[k].shape != Shape::Lower
                && !(toks[j..k]
                    .iter()
                    .any(|t| ORG_CONNECTORS.contains(&t.lower.as_str()))
                    && toks[i..j].iter().any(|t| is_org_head(&t.lower))
                    && names_own_thing(toks, k))
            {
                end = k;
                j = k + 1;
                continue;
            }
            break;
        }
        out.push((i, end));
        i = end + 1;
    }
    out
}

fn raw_words(
    toks: &[Tok<'_>],
    s: usize,
    e: usize,
    spans: &[(Span, u32)],
    known: &Known,
) -> Vec<RawWord> {
    (s..=e)
        .map(|i| {
            let t = &toks[i];
            let part = is_part(toks, i, i > s, spans, known);
            RawWord {
                text: t.text.to_string(),
                sep: if i == s { Sep::Space } else { t.sep },
                connector: !part,
                uncertain: t.uncertain,
                mention: t.mention.is_some(),
            }
        })
        .collect()
}

/// The text of words `a..b` as written (hyphens and abbreviation dots kept).
fn surface(words: &[RawWord], a: usize, b: usize) -> String {
    let mut out = String::new();
    for (k, w) in words[a..b].iter().enumerate() {
        if k > 0 {
            out.push_str(match w.sep {
                Sep::Hyphen => "-",
                Sep::Dot => ". ",
                _ => " ",
            });
        }
        out.push_str(&w.text);
    }
    out
}

fn known_ranges(words: &[RawWord], known: &Known) -> Vec<(u8, u8)> {
    let n = words.len().min(MAX_RUN_WORDS);
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..=n.min(a + MAX_KNOWN_WORDS) {
            if words[a].connector || words[b - 1].connector {
                continue;
            }
            // A known name, or its plural (`Koreas`, `North Koreans`).
            let name = surface(words, a, b);
            let singular = name
                .strip_suffix('s')
                .filter(|n| n.len() >= 3 && !n.ends_with('s'));
            if known.contains(&name) || singular.is_some_and(|n| known.contains(n)) {
                out.push((a as u8, b as u8));
            }
        }
    }
    out
}

/// Cues from the words before the run starting at token `s`.
fn before_cues(toks: &[Tok<'_>], s: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    // A title before, possibly across a place or organization (`Special Representative for
    // North Korea Stephen Biegun`), or right before a comma (`his chief aide, Kim Chang Son`).
    let mut k = s;
    while k > 0 && s - k < 8 {
        let link = toks[k].sep;
        let ok = match link {
            Sep::Space | Sep::Hyphen | Sep::Dot => true,
            Sep::Comma => k == s,
            Sep::Break => false,
        };
        if !ok {
            break;
        }
        k -= 1;
        let t = &toks[k];
        if is_title(&t.lower) && t.shape != Shape::Upper {
            out.push(Cue::new(
                Kind::Person,
                3,
                format!("title `{}` before", t.text),
            ));
            break;
        }
        let passable = t.mention.is_some()
            || matches!(t.shape, Shape::Cap | Shape::Upper)
            || matches!(t.lower.as_str(), "of" | "for" | "the" | "on");
        if !passable || link == Sep::Comma {
            break;
        }
    }
    let Some(p) = s.checked_sub(1).map(|k| &toks[k]) else {
        return out;
    };
    if toks[s].sep != Sep::Space || !(p.shape == Shape::Lower || p.lower == "by") {
        return out;
    }
    let w = p.lower.as_str();
    if w == "by" && s == 1 {
        out.push(Cue::new(Kind::Person, 2, "byline `By`".to_string()));
    } else if SAID_BEFORE.contains(&w) {
        out.push(Cue::new(Kind::Person, 1, format!("`{w}` before")));
    } else if PLACE_PREPOSITIONS.contains(&w) {
        out.push(Cue::new(Kind::Place, 1, format!("`{w}` before")));
    } else if PLACE_NOUNS.contains(&w) {
        out.push(Cue::new(Kind::Place, 2, format!("`{w}` before")));
    } else if ORG_NOUNS.contains(&w) {
        out.push(Cue::new(Kind::Organization, 2, format!("`{w}` before")));
    } else if w == "of" && s >= 2 && p.sep == Sep::Space {
        let q = &toks[s - 2];
        if q.shape == Shape::Lower && PLACE_NOUNS.contains(&q.lower.as_str()) {
            out.push(Cue::new(Kind::Place, 3, format!("`{} of` before", q.lower)));
        }
    }
    out
}

/// Cues from the words after the run ending at token `e`.
fn after_cues(toks: &[Tok<'_>], e: usize) -> Vec<Cue> {
    let mut out = Vec::new();
    let Some(n) = toks.get(e + 1) else {
        return out;
    };
    // A verb of speech after a list of names is said of each (`Mary Smith and John Doe
    // reported`).
    if let Some(v) = coordination_end(toks, e).and_then(|k| toks.get(k + 1)) {
        if v.sep == Sep::Space && SAID_VERBS.contains(&v.lower.as_str()) {
            out.push(Cue::new(Kind::Person, 1, format!("`{}` after", v.lower)));
            return out;
        }
    }
    match n.sep {
        Sep::Hyphen if n.lower == "based" => {
            out.push(Cue::new(Kind::Place, 3, "`-based` after".to_string()));
        }
        Sep::Comma if n.shape == Shape::Lower => {
            // An apposition: `, a professor at`, `, a group that`, `, who`.
            if n.lower == "who" {
                out.push(Cue::new(Kind::Person, 2, "`, who` after".to_string()));
                return out;
            }
            let mut words = Vec::new();
            for (k, t) in toks[e + 1..].iter().enumerate().take(5) {
                if k > 0 && t.sep != Sep::Space {
                    break;
                }
                words.push(t.text);
                let kind = if is_title(&t.lower) && t.shape != Shape::Upper {
                    Some(Kind::Person)
                } else if t.shape == Shape::Lower && ORG_NOUNS.contains(&t.lower.as_str()) {
                    Some(Kind::Organization)
                } else {
                    None
                };
                if let Some(kind) = kind {
                    out.push(Cue::new(kind, 3, format!("`, {}` after", words.join(" "))));
                    break;
                }
                if t.shape == Shape::Lower
                    && !matches!(t.lower.as_str(), "a" | "an" | "the")
                    && is_function_word(&t.lower)
                {
                    break;
                }
            }
        }
        Sep::Space if n.shape == Shape::Lower => {
            let w = n.lower.as_str();
            if SAID_VERBS.contains(&w) {
                out.push(Cue::new(Kind::Person, 1, format!("`{w}` after")));
            } else if PLACE_NOUNS.contains(&w) && w != "capital" {
                out.push(Cue::new(Kind::Place, 2, format!("`{w}` after")));
            } else if ORG_NOUNS.contains(&w) {
                out.push(Cue::new(Kind::Organization, 2, format!("`{w}` after")));
            } else if w == "news"
                && toks
                    .get(e + 2)
                    .is_some_and(|t| t.sep == Sep::Space && t.lower == "agency")
            {
                out.push(Cue::new(
                    Kind::Organization,
                    2,
                    "`news agency` after".to_string(),
                ));
            }
        }
        _ => {}
    }
    out
}

/// The last token of the names coordinated with the run ending at token `e` (`, John Doe
/// and Jane Roe`), if any: a list whose last link is `and`.
fn coordination_end(toks: &[Tok<'_>], e: usize) -> Option<usize> {
    let name = |t: &Tok<'_>| t.mention.is_some() || matches!(t.shape, Shape::Cap | Shape::Upper);
    let mut k = e;
    let mut last_and = false;
    for _ in 0..6 {
        let n = toks.get(k + 1)?;
        let (start, and) = match (n.sep, n.lower.as_str()) {
            (Sep::Space | Sep::Comma, "and") => (k + 2, true),
            (Sep::Comma, _) if name(n) => (k + 1, false),
            _ => break,
        };
        let first = toks.get(start)?;
        if !name(first) || !(first.sep == Sep::Space || start == k + 1) {
            break;
        }
        k = start;
        last_and = and;
        while toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.sep, Sep::Space | Sep::Hyphen) && name(t))
        {
            k += 1;
        }
    }
    // A list ends with `and`: `Kim, Lee and Park said`, not `Rossiya-24, Kim said`.
    (k > e && last_and).then_some(k)
}

/// A single-line snippet of about [`SNIPPET_WIDTH`] characters around `start..end`, inside
/// the sentence, whitespace collapsed, `...` where it is cut.
fn snippet(text: &str, sentence: Span, start: usize, end: usize) -> String {
    let len = text[start..end].chars().count();
    let room = SNIPPET_WIDTH.saturating_sub(len) / 2;
    let before: Vec<(usize, char)> = text[sentence.start..start].char_indices().collect();
    let after_len = text[end..sentence.end].chars().count();
    let before_len = before.len();
    let (mut left, mut right) = (room.min(before_len), room.min(after_len));
    // Give the slack of one side to the other.
    let total = SNIPPET_WIDTH.saturating_sub(len);
    if left < room {
        right = (total - left).min(after_len);
    } else if right < room {
        left = (total - right).min(before_len);
    }
    // `left` characters before the name: from the start of the sentence when that is all
    // of them, from the name itself when none fit (a name as wide as the snippet).
    let mut a = if left == before_len {
        sentence.start
    } else {
        before
            .get(before_len - left)
            .map_or(start, |&(k, _)| sentence.start + k)
    };
    let mut b = text[end..sentence.end]
        .char_indices()
        .nth(right)
        .map_or(sentence.end, |(k, _)| end + k);
    // Cut at word boundaries.
    if a > sentence.start {
        if let Some(k) = text[a..start].find(char::is_whitespace) {
            a += k;
        }
    }
    if b < sentence.end {
        if let Some(k) = text[end..b].rfind(char::is_whitespace) {
            b = end + k;
        }
    }
    let body = text[a..b].split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::new();
    if a > sentence.start {
        out.push_str("...");
    }
    out.push_str(&body);
    if b < sentence.end {
        out.push_str("...");
    }
    out
}

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
#[derive(Debug, Clone, Default)]
pub struct Collector {
    docs: u32,
    occs: Vec<(u32, RawOcc)>,
    lower: HashSet<String>,
    mid_caps: HashSet<String>,
}

impl Collector {
    /// An empty collector.
    pub fn new() -> Collector {
        Collector::default()
    }

    /// Adds the next document's candidates (call in input order).
    pub fn add(&mut self, doc: DocCandidates) {
        let d = self.docs;
        self.docs = self.docs.saturating_add(1);
        self.lower.extend(doc.lower);
        self.mid_caps.extend(doc.mid_caps);
        self.occs.extend(doc.occs.into_iter().map(|o| (d, o)));
    }

    /// The number of documents added.
    pub fn documents(&self) -> u64 {
        u64::from(self.docs)
    }

    /// Decides, groups, types and ranks: suggestions by documents × mentions, descending,
    /// then label.
    pub fn finish(self, opts: &SuggestOptions) -> Vec<Suggestion> {
        let mut forms: Vec<Form> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        for (order, (doc, occ)) in self.occs.iter().enumerate() {
            for piece in resolve(occ, &self.lower, &self.mid_caps) {
                let key = compact_key(&piece.surface);
                if key.is_empty() {
                    continue;
                }
                let fi = *by_key.entry(key).or_insert_with(|| {
                    forms.push(Form::new(&piece.surface));
                    forms.len() - 1
                });
                forms[fi].add(*doc, order, &piece, occ);
            }
        }
        group(forms, opts)
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
    let mut collector = Collector::new();
    for text in texts {
        let text = text.as_ref();
        let found = matcher.find(text);
        collector.add(candidates(text, &segment(text), &found.mentions, &known));
    }
    collector.finish(opts)
}

/// A resolved candidate: words the corpus confirms as a name.
#[derive(Debug)]
struct Piece {
    surface: String,
    cues: Vec<Cue>,
    /// Every word's capital said nothing (sentence-initial, headline).
    uncertain: bool,
}

/// Splits a raw candidate into the pieces that are names: drops uncertain ordinary words
/// not seen capitalized elsewhere, splits at titles before a name, strips leading titles
/// (a person cue), function words and connectors, and skips known names.
fn resolve(occ: &RawOcc, lower: &HashSet<String>, mid_caps: &HashSet<String>) -> Vec<Piece> {
    let words = &occ.words;
    let n = words.len();
    let lowers: Vec<String> = words.iter().map(|w| w.text.to_lowercase()).collect();
    let keep: Vec<bool> = (0..n)
        .map(|i| {
            let w = &words[i];
            let l = lowers[i].trim_end_matches('.');
            w.connector
                || w.mention
                || is_title(l)
                || !w.uncertain
                || mid_caps.contains(l)
                || !(is_ordinary(l) || lower.contains(l))
        })
        .collect();
    // Maximal kept runs, then split before a title that precedes a name (`Angelo State
    // University Professor Bruce Bechtol`, `Secretary of State Mike Pompeo`).
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < n {
        if !keep[i] {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < n && keep[j] {
            j += 1;
        }
        let mut a = i;
        for k in i + 1..j {
            let next = (k + 1 < j).then(|| lowers[k + 1].as_str());
            if !words[k].connector
                && is_title(&lowers[k])
                && next.is_some_and(|w| !is_head(w) && !is_title(w) && !words[k + 1].connector)
                && words[k].sep != Sep::Hyphen
            {
                runs.push((a, k));
                a = k;
            }
        }
        runs.push((a, j));
        i = j;
    }
    let last_kept = (0..n).rev().find(|&i| keep[i] && !words[i].connector);
    let first_kept = (0..n).find(|&i| keep[i] && !words[i].connector);
    let mut out = Vec::new();
    for (a0, b0) in runs {
        let (mut a, mut b) = (a0, b0);
        let mut cues: Vec<Cue> = Vec::new();
        // Leading titles, unless what follows is a head word (`General Assembly`,
        // `Foreign Ministry`, `State Department`).
        let mut t = a;
        while t < b && (is_title(&lowers[t]) || words[t].connector) {
            t += 1;
        }
        if t > a && t < b && !is_head(&lowers[t]) && !words[t].connector {
            let title = (a..t).rev().find(|&k| !words[k].connector).unwrap_or(a);
            cues.push(Cue::new(
                Kind::Person,
                3,
                format!("title `{}` before", words[title].text.trim_end_matches('.')),
            ));
            a = t;
        } else if t == b {
            continue;
        }
        while a < b && (words[a].connector || is_function_word(&lowers[a])) {
            a += 1;
        }
        while b > a && (words[b - 1].connector || is_function_word(&lowers[b - 1])) {
            b -= 1;
        }
        if a >= b {
            continue;
        }
        if occ.known.contains(&(a as u8, b as u8)) {
            continue;
        }
        if first_kept.is_some_and(|f| a0 <= f) {
            cues.extend(occ.before.iter().cloned());
        }
        if last_kept.is_some_and(|l| l < b) {
            cues.extend(occ.after.iter().cloned());
        }
        if let Some(w) = words[a..b].iter().find(|w| w.mention) {
            cues.push(Cue::new(
                Kind::Person,
                1,
                format!("`{}` names a listed person", w.text),
            ));
        }
        let piece_words: Vec<&str> = lowers[a..b].iter().map(String::as_str).collect();
        if let Some(cue) = head_cue(&piece_words, &words[a..b]) {
            cues.push(cue);
        }
        if let Some(w) = words[a..b].windows(2).find(|p| {
            p[1].sep == Sep::Hyphen
                && p[1].text.starts_with(char::is_lowercase)
                && !p[1].connector
                && !p[0].connector
        }) {
            let form = format!("{}-{}", w[0].text, w[1].text);
            if b - a >= 2 {
                cues.push(Cue::new(Kind::Person, 1, format!("name form `{form}`")));
            }
        }
        // An acronym is rarely a person, whatever it said.
        if b - a == 1 && shape_of(&words[a].text) == Shape::Upper {
            cues.retain(|c| !(c.kind == Kind::Person && c.weight == 1));
        }
        out.push(Piece {
            surface: surface(words, a, b),
            cues,
            uncertain: words[a..b].iter().all(|w| w.uncertain),
        });
    }
    out
}

/// The head word of a name: the word before the first `of`/`for`, else the last word, else
/// (for places) the first (`Lake Baikal`).
fn head_cue(lowers: &[&str], words: &[RawWord]) -> Option<Cue> {
    let cue =
        |kind: Kind, k: usize| Some(Cue::new(kind, 3, format!("head word `{}`", words[k].text)));
    let of =
        (1..lowers.len()).find(|&k| words[k].connector && matches!(lowers[k], "of" | "for" | "on"));
    let k = of.map_or(lowers.len() - 1, |k| k - 1);
    if words[k].text.starts_with(char::is_uppercase) {
        if is_org_head(lowers[k]) {
            return cue(Kind::Organization, k);
        }
        if is_place_head(lowers[k]) {
            return cue(Kind::Place, k);
        }
    }
    if lowers.len() >= 2 && PLACE_PREFIXES.contains(&lowers[0]) {
        return cue(Kind::Place, 0);
    }
    None
}

/// Everything seen of one form of a name (one compact key).
#[derive(Debug)]
struct Form {
    words: Vec<String>,
    surfaces: BTreeMap<String, u64>,
    mentions: u64,
    /// Document → (occurrences, order of the first).
    docs: BTreeMap<u32, (u64, usize)>,
    cues: BTreeMap<(Kind, String), u64>,
    first: usize,
    example: String,
    /// Some occurrence has a word whose capital means something.
    certain: bool,
    /// Written in capitals (an acronym).
    upper: bool,
}

impl Form {
    fn new(surface: &str) -> Form {
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

    fn add(&mut self, doc: u32, order: usize, piece: &Piece, occ: &RawOcc) {
        *self.surfaces.entry(piece.surface.clone()).or_default() += occ.count;
        self.mentions += occ.count;
        let d = self.docs.entry(doc).or_insert((0, order));
        d.0 += occ.count;
        d.1 = d.1.min(order);
        for c in &piece.cues {
            *self.cues.entry((c.kind, c.text.clone())).or_default() +=
                u64::from(c.weight) * occ.count;
        }
        if order < self.first {
            self.first = order;
            self.example = occ.example.clone();
        }
        self.certain |= !piece.uncertain;
    }

    /// The most frequent spelling.
    fn surface(&self) -> &str {
        self.surfaces
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map_or("", |(s, _)| s.as_str())
    }

    fn single(&self) -> bool {
        self.words.len() == 1
    }

    /// A one-word form that is an English word, a title, a number or too short.
    fn junk(&self) -> bool {
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
    fn eligible(&self) -> bool {
        !self.junk() && (self.certain || !self.single())
    }

    fn has_head(&self) -> bool {
        self.words.iter().any(|w| is_head(w))
    }

    fn person_like(&self) -> bool {
        !self.upper && !self.has_head()
    }

    /// Has a word that is not an English, title or head word (`Angelo`, not `State`).
    fn distinctive(&self) -> bool {
        self.words.iter().any(|w| !is_listed(w) && !is_head(w))
    }
}

/// Union-find root.
fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[hi] = lo;
    }
}

/// A given name folded for transliteration: `Yury`/`Yuri`, `Sergey`/`Sergei`,
/// `Aleksandr`/`Alexandr`, `Mikhail`/`Mihail` get one key.
fn translit_key(w: &str) -> String {
    let s = w
        .replace("ks", "x")
        .replace("kh", "h")
        .replace(['y', 'j'], "i");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Whether two given names are spellings of one name: equal transliteration keys, or keys
/// that differ by one vowel inserted (`Dmitri`/`Dimitri`, `Aleksandr`/`Aleksander`) or, for
/// long names, one vowel changed.
fn same_given_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    if ka == kb {
        return a.chars().next() == b.chars().next() || a.len() >= 4;
    }
    let (x, y): (Vec<char>, Vec<char>) = (ka.chars().collect(), kb.chars().collect());
    if x.first() != y.first() || x.len().min(y.len()) < 4 {
        return false;
    }
    if x.len() == y.len() {
        let diff: Vec<usize> = (0..x.len()).filter(|&k| x[k] != y[k]).collect();
        return x.len() >= 5 && diff.len() == 1 && is_vowel(x[diff[0]]) && is_vowel(y[diff[0]]);
    }
    let (long, short) = if x.len() > y.len() {
        (&x, &y)
    } else {
        (&y, &x)
    };
    if long.len() != short.len() + 1 {
        return false;
    }
    let k = (0..short.len())
        .find(|&k| long[k] != short[k])
        .unwrap_or(short.len());
    is_vowel(long[k]) && long[k + 1..] == short[k..]
}

/// The initials of a name's words, connectors and function words aside (`fefu`).
fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !CONNECTORS.contains(&w.as_str()) && !is_function_word(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether short form `s` of a name can stand for full form `l`: a word suffix (`Chang Son`
/// of `Kim Chang Son`, `Ushakov` of `Yury Ushakov`, also spelt otherwise: `Kozhemiako` of
/// `Oleg Kozhemyako`), a first word of a person's name (`Kwon` of `Kwon Jong Gun`) or of a
/// place named by its head words (`Russky` of `Russky Island`), or the acronym of its
/// initials (`FEFU` of `Far Eastern Federal University`).
fn attaches(s: &Form, l: &Form) -> bool {
    let (sw, lw) = (&s.words, &l.words);
    if s.upper {
        // An acronym of the name's initials (`FEFU`).
        let initials = initials(lw);
        return sw.len() == 1 && initials.chars().count() >= 3 && initials == sw[0];
    }
    if sw.len() >= lw.len() {
        return false;
    }
    if lw.ends_with(sw) {
        return l.person_like() || s.distinctive();
    }
    // A surname spelt another way (`Kozhemiako` of `Oleg Kozhemyako`).
    if let ([w], Some(last)) = (sw.as_slice(), lw.last()) {
        if l.person_like() && w.len() >= 5 && translit_key(w) == translit_key(last) {
            return s.distinctive();
        }
    }
    sw.len() == 1
        && lw[0] == sw[0]
        && s.distinctive()
        && (l.person_like() || lw[1..].iter().all(|w| is_head(w)))
}

/// The names a short form stands for.
#[derive(Debug, Default)]
struct Attachment {
    /// Root of the group → (mentions, documents) of the short form counted for it.
    targets: BTreeMap<usize, (u64, BTreeSet<u32>)>,
    /// Some document has several names it fits.
    shared: bool,
}

/// Members of one suggested entry.
#[derive(Debug, Default)]
struct Group {
    full: Vec<usize>,
    /// (form, anchored, mentions, documents).
    short: Vec<(usize, bool, u64, BTreeSet<u32>)>,
}

fn group(forms: Vec<Form>, opts: &SuggestOptions) -> Vec<Suggestion> {
    let n = forms.len();
    let eligible: Vec<bool> = forms.iter().map(Form::eligible).collect();
    let mut parent: Vec<usize> = (0..n).collect();
    // Spelling variants of a person's given names (`Yury Ushakov`, `Yuri Ushakov`).
    let mut by_surname: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, f) in forms.iter().enumerate() {
        if eligible[i] && f.words.len() >= 2 && f.person_like() {
            if let Some(last) = f.words.last() {
                by_surname.entry(last.as_str()).or_default().push(i);
            }
        }
    }
    for members in by_surname.values() {
        for (x, &a) in members.iter().enumerate() {
            for &b in &members[x + 1..] {
                let (wa, wb) = (&forms[a].words, &forms[b].words);
                if wa.len() == wb.len()
                    && wa[..wa.len() - 1]
                        .iter()
                        .zip(&wb[..wb.len() - 1])
                        .all(|(p, q)| same_given_name(p, q))
                {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    // Short forms: a form that is a suffix or the first word of a longer eligible form of
    // its document belongs to it (to the nearest one introduced before it when several
    // fit); a form whose document has none belongs to the only form of the corpus it fits.
    // The eligible longer forms a short form may stand for, by last word, first word,
    // transliterated last word and initials.
    let mut index: HashMap<(u8, String), Vec<usize>> = HashMap::new();
    for (i, f) in forms.iter().enumerate() {
        if !eligible[i] || f.words.len() < 2 {
            continue;
        }
        if let (Some(first), Some(last)) = (f.words.first(), f.words.last()) {
            index.entry((0, last.clone())).or_default().push(i);
            index.entry((1, first.clone())).or_default().push(i);
            index.entry((2, translit_key(last))).or_default().push(i);
            index.entry((3, initials(&f.words))).or_default().push(i);
        }
    }
    let longer = |s: &Form| -> BTreeSet<usize> {
        let mut keys: Vec<(u8, String)> = Vec::new();
        if let Some(last) = s.words.last() {
            if s.upper {
                keys.push((3, last.clone()));
            } else {
                keys.push((0, last.clone()));
                if s.single() {
                    keys.push((1, last.clone()));
                    keys.push((2, translit_key(last)));
                }
            }
        }
        keys.iter()
            .filter_map(|k| index.get(k))
            .flatten()
            .copied()
            .collect()
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(forms[i].words.len()), i));
    let mut is_short = vec![false; n];
    let mut attached: Vec<(usize, Attachment)> = Vec::new();
    for &s in &order {
        let longs: Vec<usize> = longer(&forms[s])
            .into_iter()
            .filter(|&l| l != s && !is_short[l] && attaches(&forms[s], &forms[l]))
            .collect();
        if longs.is_empty() {
            continue;
        }
        let mut att = Attachment::default();
        for (&d, &(count, first)) in &forms[s].docs {
            // (first occurrence in the document, root) of each form it fits.
            let mut fits: Vec<(usize, usize)> = Vec::new();
            for &l in &longs {
                if let Some(&(_, at)) = forms[l].docs.get(&d) {
                    fits.push((at, find(&mut parent, l)));
                }
            }
            let roots: BTreeSet<usize> = fits.iter().map(|f| f.1).collect();
            if roots.len() > 1 {
                att.shared = true;
            }
            let chosen = fits
                .iter()
                .filter(|f| f.0 < first)
                .max()
                .or_else(|| fits.iter().min());
            if let Some(&(_, root)) = chosen {
                let t = att.targets.entry(root).or_default();
                t.0 += count;
                t.1.insert(d);
            }
        }
        if att.targets.is_empty() && forms[s].single() && !forms[s].upper && forms[s].distinctive()
        {
            let roots: BTreeSet<usize> = longs.iter().map(|&l| find(&mut parent, l)).collect();
            if let (1, Some(&root)) = (roots.len(), roots.first()) {
                let docs = forms[s].docs.keys().copied().collect();
                att.targets.insert(root, (forms[s].mentions, docs));
            }
        }
        if !att.targets.is_empty() {
            is_short[s] = true;
            attached.push((s, att));
        }
    }
    let mut groups: BTreeMap<usize, Group> = BTreeMap::new();
    for i in 0..n {
        if eligible[i] && !is_short[i] {
            let r = find(&mut parent, i);
            groups.entry(r).or_default().full.push(i);
        }
    }
    for (s, att) in attached {
        let f = &forms[s];
        let common = f.junk() || f.words.iter().all(|w| is_ordinary(w));
        let only = (att.targets.len() == 1 && !att.shared)
            .then(|| att.targets.keys().next().copied())
            .flatten();
        if let Some(root) = only {
            // The one name it stands for: all its occurrences count when it can stand on
            // its own.
            let (m, d) = if eligible[s] {
                (f.mentions, f.docs.keys().copied().collect())
            } else {
                att.targets.get(&root).cloned().unwrap_or_default()
            };
            if let Some(g) = groups.get_mut(&root) {
                g.short.push((s, common, m, d));
            }
        } else {
            for (root, (m, d)) in att.targets {
                if let Some(g) = groups.get_mut(&root) {
                    g.short.push((s, true, m, d));
                }
            }
        }
    }
    let mut out: Vec<Suggestion> = groups
        .into_values()
        .filter(|g| !g.full.is_empty())
        .map(|g| suggestion(&forms, &g))
        .filter(|s| s.mentions >= opts.min_count)
        .collect();
    out.sort_by(|a, b| {
        (b.documents * b.mentions)
            .cmp(&(a.documents * a.mentions))
            .then_with(|| a.label.cmp(&b.label))
    });
    if let Some(limit) = opts.limit {
        out.truncate(limit);
    }
    out
}

fn suggestion(forms: &[Form], g: &Group) -> Suggestion {
    let mut full = g.full.clone();
    full.sort_by(|&a, &b| {
        forms[b]
            .mentions
            .cmp(&forms[a].mentions)
            .then_with(|| forms[a].first.cmp(&forms[b].first))
    });
    let label = forms[full[0]].surface().to_string();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    seen.insert(compact_key(&label));
    let mut aliases = Vec::new();
    for &f in &full[1..] {
        let s = forms[f].surface();
        if seen.insert(compact_key(s)) {
            aliases.push(s.to_string());
        }
    }
    let mut short = g.short.clone();
    short.sort_by(|a, b| {
        b.2.cmp(&a.2)
            .then_with(|| forms[a.0].surface().cmp(forms[b.0].surface()))
    });
    let mut anchored = Vec::new();
    for (f, anchor, _, _) in &short {
        let s = forms[*f].surface();
        if seen.insert(compact_key(s)) {
            if *anchor {
                anchored.push(s.to_string());
            } else {
                aliases.push(s.to_string());
            }
        }
    }
    let mut mentions = 0;
    let mut docs: BTreeSet<u32> = BTreeSet::new();
    let mut cues: BTreeMap<(Kind, String), u64> = BTreeMap::new();
    let mut first = (usize::MAX, "");
    for &f in &g.full {
        mentions += forms[f].mentions;
        docs.extend(forms[f].docs.keys().copied());
    }
    for (_, _, m, d) in &short {
        mentions += m;
        docs.extend(d.iter().copied());
    }
    for f in g.full.iter().chain(short.iter().map(|s| &s.0)) {
        let form = &forms[*f];
        for (k, v) in &form.cues {
            *cues.entry(k.clone()).or_default() += v;
        }
        if form.first < first.0 {
            first = (form.first, &form.example);
        }
    }
    let (kind, cue) = decide(&cues);
    Suggestion {
        label,
        kind: kind.map(|k| k.as_str().to_string()),
        cue,
        aliases,
        anchored,
        documents: docs.len() as u64,
        mentions,
        example: first.1.to_string(),
    }
}

/// Which cue to show when two weigh the same: a title or a head word says most.
fn cue_rank(text: &str) -> u8 {
    if text.starts_with("title") {
        2
    } else if text.starts_with("head word") {
        1
    } else {
        0
    }
}

/// The type with the most cue weight (none on a tie or without cues) and its best cue.
fn decide(cues: &BTreeMap<(Kind, String), u64>) -> (Option<Kind>, String) {
    let score = |k: Kind| -> u64 {
        cues.iter()
            .filter(|((kind, _), _)| *kind == k)
            .map(|(_, v)| v)
            .sum()
    };
    let scores: Vec<(Kind, u64)> = Kind::ALL.iter().map(|&k| (k, score(k))).collect();
    let best = scores.iter().map(|s| s.1).max().unwrap_or(0);
    let winners: Vec<Kind> = scores.iter().filter(|s| s.1 == best).map(|s| s.0).collect();
    if best == 0 || winners.len() != 1 {
        return (None, String::new());
    }
    let kind = winners[0];
    let cue = cues
        .iter()
        .filter(|((k, _), _)| *k == kind)
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then_with(|| cue_rank(&a.0 .1).cmp(&cue_rank(&b.0 .1)))
                .then_with(|| b.0 .1.cmp(&a.0 .1))
        })
        .map(|((_, text), _)| text.clone())
        .unwrap_or_default();
    (Some(kind), cue)
}

impl fmt::Display for Suggestion {
    /// The entry as a text gazetteer line, without the comment: `Label | alias | ~short`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label)?;
        for a in &self.aliases {
            write!(f, " | {a}")?;
        }
        for a in &self.anchored {
            write!(f, " | ~{a}")?;
        }
        Ok(())
    }
}

fn plural(n: u64, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn comment(s: &Suggestion) -> String {
    let counts = format!(
        "{}, {}",
        plural(s.documents, "document"),
        plural(s.mentions, "mention")
    );
    let example = if s.example.is_empty() {
        String::new()
    } else {
        format!("; e.g. \"{}\"", s.example)
    };
    match &s.kind {
        Some(k) if !s.cue.is_empty() => format!("{k} ({}); {counts}{example}", s.cue),
        Some(k) => format!("{k}; {counts}{example}"),
        None => format!("type unknown; {counts}{example}"),
    }
}

/// Writes suggestions as a text gazetteer, ready to paste into a topic pack: one section per
/// type (`@type person`, `@type place`, `@type organization`, then any other), ranked
/// within each, each line with its cue, counts and an example as a comment. Suggestions of
/// unknown type come last, commented out, so the whole output loads as it is.
pub fn write_text(suggestions: &[Suggestion], out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "# Names the loaded gazetteers do not cover, suggested by `entgraph suggest`:"
    )?;
    writeln!(
        out,
        "# {}, ranked by documents x mentions. Check each line (type, aliases, `~` anchored",
        plural(suggestions.len() as u64, "suggestion")
    )?;
    writeln!(
        out,
        "# short forms), delete what you do not want, then paste."
    )?;
    let mut kinds: Vec<&str> = vec!["person", "place", "organization"];
    let mut others: BTreeSet<&str> = BTreeSet::new();
    for s in suggestions {
        if let Some(k) = s.kind.as_deref() {
            if !kinds.contains(&k) && crate::gazetteer::is_type_word(k) {
                others.insert(k);
            }
        }
    }
    kinds.extend(others);
    for kind in kinds {
        let section: Vec<&Suggestion> = suggestions
            .iter()
            .filter(|s| s.kind.as_deref() == Some(kind))
            .collect();
        if section.is_empty() {
            continue;
        }
        writeln!(out, "\n@type {kind}")?;
        for s in section {
            writeln!(out, "{s}   # {}", comment(s))?;
        }
    }
    let unknown: Vec<&Suggestion> = suggestions
        .iter()
        .filter(|s| {
            s.kind
                .as_deref()
                .is_none_or(|k| !crate::gazetteer::is_type_word(k))
        })
        .collect();
    if !unknown.is_empty() {
        writeln!(
            out,
            "\n# type unknown: pick one (move the line under a `@type` and remove its leading `# `)"
        )?;
        for s in unknown {
            writeln!(out, "# {s}   # {}", comment(s))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonSuggestion<'a> {
    label: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'a str>,
    cue: &'a str,
    aliases: &'a [String],
    anchored: &'a [String],
    documents: u64,
    mentions: u64,
    example: &'a str,
}

/// Writes suggestions as JSON Lines, one object a line: `label`, `type` (`null` when
/// unknown), `cue`, `aliases`, `anchored`, `documents`, `mentions`, `example`. `label`,
/// `type`, `aliases` and `anchored` mean what they mean in a JSONL gazetteer.
pub fn write_jsonl(suggestions: &[Suggestion], out: &mut impl Write) -> io::Result<()> {
    for s in suggestions {
        let j = JsonSuggestion {
            label: &s.label,
            kind: s.kind.as_deref(),
            cue: &s.cue,
            aliases: &s.aliases,
            anchored: &s.anchored,
            documents: s.documents,
            mentions: s.mentions,
            example: &s.example,
        };
        serde_json::to_writer(&mut *out, &j)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GAZ: &str = "@type person\n\
        Vladimir Putin | Putin\n\
        Kim Jong Un | Kim Jong-un | ~Kim\n\
        Sergei Lavrov | Lavrov\n\
        @type organization\n\
        Kremlin\n\
        Central News Agency | ~CNA\n\
        @type place\n\
        Moscow\n\
        Russia | demonym=Russian\n\
        Vladivostok\n";

    fn run_with(gaz: &str, docs: &[&str], opts: &SuggestOptions) -> Vec<Suggestion> {
        let g = Gazetteer::from_str("test.txt", gaz).unwrap();
        let m = Matcher::new(&g).unwrap();
        suggest_texts(docs, &g, &m, opts)
    }

    fn run(docs: &[&str]) -> Vec<Suggestion> {
        run_with(GAZ, docs, &SuggestOptions::default())
    }

    fn labels(s: &[Suggestion]) -> Vec<&str> {
        s.iter().map(|s| s.label.as_str()).collect()
    }

    fn find<'a>(s: &'a [Suggestion], label: &str) -> &'a Suggestion {
        s.iter()
            .find(|s| s.label == label)
            .unwrap_or_else(|| panic!("no {label:?} in {:?}", labels(s)))
    }

    #[test]
    fn title_before_a_name_says_person() {
        let s = run(&["Kremlin aide Yury Ushakov said the visit was ready."]);
        let u = find(&s, "Yury Ushakov");
        assert_eq!(u.kind.as_deref(), Some("person"));
        assert_eq!(u.cue, "title `aide` before");
        // A capitalized title inside the run is stripped and is the cue.
        let s = run(&["The talks were led by Deputy Foreign Minister Anatoly Grishenko."]);
        let g = find(&s, "Anatoly Grishenko");
        assert_eq!(g.cue, "title `Minister` before");
        // A title across a place: `Special Representative for Norway Tove Lindqvist`.
        let s = run(&["The US Special Representative for Russia Tove Lindqvist left early."]);
        assert_eq!(
            find(&s, "Tove Lindqvist").cue,
            "title `Representative` before"
        );
    }

    #[test]
    fn person_cues_after_a_name() {
        let s = run(&[
            "The plan is risky, said Marta Okonjo, a professor at a college in Ghana.",
            "Pavel Dranko told reporters nothing had been signed.",
        ]);
        let o = find(&s, "Marta Okonjo");
        assert_eq!(o.kind.as_deref(), Some("person"));
        assert_eq!(o.cue, "`, a professor` after");
        let d = find(&s, "Pavel Dranko");
        assert_eq!(d.kind.as_deref(), Some("person"));
        assert_eq!(d.cue, "`told` after");
    }

    #[test]
    fn head_word_says_organization() {
        let s = run(&[
            "Researchers at Bellwood Polytechnic Institute and the Ministry of Coastal Affairs \
             met the Northern Grain Corporation.",
        ]);
        for (label, head) in [
            ("Bellwood Polytechnic Institute", "Institute"),
            ("Ministry of Coastal Affairs", "Ministry"),
            ("Northern Grain Corporation", "Corporation"),
        ] {
            let o = find(&s, label);
            assert_eq!(o.kind.as_deref(), Some("organization"), "{label}");
            assert_eq!(o.cue, format!("head word `{head}`"));
        }
    }

    #[test]
    fn acronyms_and_media_are_candidates() {
        let s = run_with(
            "@type place\nRussia\n",
            &["NK Herald, a news website, quoted an expert at DPRKW, a research group."],
            &SuggestOptions::default(),
        );
        assert_eq!(find(&s, "NK Herald").kind.as_deref(), Some("organization"));
        let a = find(&s, "DPRKW");
        assert_eq!(a.kind.as_deref(), Some("organization"));
        assert_eq!(a.cue, "`, a research group` after");
    }

    #[test]
    fn place_cues() {
        let s = run(&["The delegation stopped in Dunmarrow before flying on. \
             A Kestrelby-based firm built the port of Zarechny. \
             The ferry to Pelican Island was cancelled."]);
        for (label, cue) in [
            ("Dunmarrow", "`in` before"),
            ("Kestrelby", "`-based` after"),
            ("Zarechny", "`port of` before"),
            ("Pelican Island", "head word `Island`"),
        ] {
            let p = find(&s, label);
            assert_eq!(p.kind.as_deref(), Some("place"), "{label}");
            assert_eq!(p.cue, cue, "{label}");
        }
    }

    #[test]
    fn no_cue_means_unknown() {
        let s = run(&["Nobody expected the Glimmerstone affair to matter."]);
        let g = find(&s, "Glimmerstone");
        assert_eq!(g.kind, None);
        assert_eq!(g.cue, "");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let s = run(&["Analysts said the meeting mattered. The talks went on. \
             According to officials, nothing changed. Tricky questions remain. \
             Speaking on Monday, envoy Ilse Brandvold was upbeat. \
             Previously, the sides rarely met."]);
        assert_eq!(labels(&s), ["Ilse Brandvold"]);
    }

    #[test]
    fn sentence_initial_word_seen_capitalized_elsewhere_starts_a_name() {
        let s = run(&[
            "Cold War rivalries shaped the port. Historians of the Cold War disagree.",
            "Cold weather delayed the train.",
        ]);
        assert_eq!(labels(&s), ["Cold War"]);
        assert_eq!(find(&s, "Cold War").mentions, 2);
    }

    #[test]
    fn a_name_only_ever_sentence_initial_is_not_proposed_alone() {
        let s = run(&["Anticipation grew. Accessibility matters.\n\nXS\n\nSM\n"]);
        assert!(s.is_empty(), "{:?}", labels(&s));
    }

    #[test]
    fn headline_lines() {
        let docs = ["PUTIN MEETS KIM\n\n\
             Kim-Putin Summit 2019: KEY Predictions and First Hours\n\n\
             Putin Arrives In Vladivostok For Meeting With Hopeful Leader Kim\n\n\
             Kim Jong Un met Vladimir Putin in Vladivostok. The talks were long."];
        let s = run(&docs);
        assert!(s.is_empty(), "{:?}", labels(&s));
        // A name in a headline is kept when it is no ordinary word.
        let s = run(&["Zhanna Orlik Wins Again\n\nThe race was close, said coach Zhanna Orlik."]);
        assert_eq!(labels(&s), ["Zhanna Orlik"]);
        assert_eq!(s[0].mentions, 2);
    }

    #[test]
    fn weekdays_and_months_are_never_names() {
        let s = run(&["On Wednesday envoy Tarek Osmani said March and May would be busy."]);
        assert_eq!(labels(&s), ["Tarek Osmani"]);
    }

    #[test]
    fn given_name_spellings_are_one_entry() {
        let s = run(&[
            "Kremlin aide Yury Ushakov said the date was set.",
            "Kremlin aide Yuri Ushakov said the talks would be short. Ushakov added nothing.",
            "Presidential aide Yuri Ushakov spoke on Tuesday.",
        ]);
        assert_eq!(s.len(), 1, "{:?}", labels(&s));
        let u = &s[0];
        assert_eq!(u.label, "Yuri Ushakov");
        assert_eq!(u.aliases, ["Yury Ushakov", "Ushakov"]);
        assert!(u.anchored.is_empty());
        assert_eq!((u.documents, u.mentions), (3, 4));
        assert!(same_given_name("dmitry", "dimitri"));
        assert!(same_given_name("aleksandr", "alexander"));
        assert!(!same_given_name("mark", "mary"));
        assert!(!same_given_name("john", "joan"));
    }

    #[test]
    fn surname_alone_is_an_alias_anchored_when_shared_or_common() {
        let s = run(&["Envoy Ilse Brandvold arrived. Brandvold said little."]);
        assert_eq!(find(&s, "Ilse Brandvold").aliases, ["Brandvold"]);
        // A common word as a surname is anchored.
        let s = run(&["Senator Rebecca Brown arrived. Brown said little."]);
        let b = find(&s, "Rebecca Brown");
        assert_eq!(b.anchored, ["Brown"]);
        assert_eq!(b.mentions, 2);
        // A short form two names share in one document is anchored.
        let s = run(&[
            "Official Kwon Jong Gun spoke first. Kwon said the talks failed. \
             Reporter Jason Kwon wrote the story.",
        ]);
        assert_eq!(find(&s, "Kwon Jong Gun").anchored, ["Kwon"]);
        assert!(find(&s, "Jason Kwon").anchored.is_empty());
    }

    #[test]
    fn kim_chang_son_and_chang_son() {
        let s = run(&[
            "Kim Jong Un arrived by train. His aide, Kim Chang Son, checked the route. \
             Chang Son later left for Moscow.",
        ]);
        assert_eq!(labels(&s), ["Kim Chang Son"]);
        assert_eq!(s[0].aliases, ["Chang Son"]);
        assert_eq!(s[0].kind.as_deref(), Some("person"));
        assert_eq!(s[0].cue, "title `aide` before");
    }

    #[test]
    fn hyphen_and_space_variants_are_one_entry() {
        let s = run_with(
            "@type place\nRussia\n",
            &[
                "Vice minister Choe Son-hui spoke. Later Choe Son Hui left.",
                "Official Choe Son-hui returned.",
            ],
            &SuggestOptions::default(),
        );
        assert_eq!(labels(&s), ["Choe Son-hui"]);
        assert!(s[0].aliases.is_empty());
        assert_eq!(s[0].mentions, 3);
    }

    #[test]
    fn connectors_inside_names() {
        let s = run(&[
            "Putin flew to the Belt and Road Forum. He praised the Ministry of Coastal Affairs \
             and met President Bashar al-Assad at Far Eastern Federal University on Russky \
             Island, near the Institute for Polar Studies.",
        ]);
        for (label, kind) in [
            ("Belt and Road Forum", "organization"),
            ("Ministry of Coastal Affairs", "organization"),
            ("Bashar al-Assad", "person"),
            ("Far Eastern Federal University", "organization"),
            ("Russky Island", "place"),
            ("Institute for Polar Studies", "organization"),
        ] {
            assert_eq!(find(&s, label).kind.as_deref(), Some(kind), "{label}");
        }
        assert_eq!(s.len(), 6, "{:?}", labels(&s));
    }

    #[test]
    fn more_short_forms() {
        let s = run(&[
            "Students of Far Eastern Federal University (FEFU) cheered. FEFU is new. \
             Governor Oleg Kozhemyako came; Kozhemiako, as some spell it, spoke. \
             The ferry reached Russky Island.",
            "Flags flew on Russky island.",
        ]);
        assert_eq!(find(&s, "Far Eastern Federal University").aliases, ["FEFU"]);
        assert_eq!(find(&s, "Oleg Kozhemyako").aliases, ["Kozhemiako"]);
        let r = find(&s, "Russky Island");
        assert_eq!(r.aliases, ["Russky"]);
        assert_eq!((r.documents, r.mentions), (2, 2));
    }

    #[test]
    fn abbreviated_titles_and_absorbed_person_mentions() {
        let s = run(&["Mr. Halvorsen said the plan would work. Vladmir Putin agreed."]);
        let h = find(&s, "Halvorsen");
        assert_eq!(h.cue, "title `Mr` before");
        // A one-word mention of a person inside a longer name does not cut it.
        let p = find(&s, "Vladmir Putin");
        assert_eq!(p.kind.as_deref(), Some("person"));
        assert_eq!(p.cue, "`Putin` names a listed person");
    }

    #[test]
    fn names_the_gazetteer_covers_are_not_proposed() {
        let s = run(&[
            "Russian President Vladimir Putin met Foreign Minister Sergei Lavrov in the Kremlin. \
             Putin and Lavrov then flew to Vladivostok. Kim Jong-un waited.",
            "Moscows and Russians reacted.",
        ]);
        assert!(s.is_empty(), "{:?}", labels(&s));
        // An anchored alias the document never anchors (no full name) is not covered there:
        // `CNA` is proposed.
        let s = run(&["Analysts at CNA were not surprised, the CNA report said."]);
        assert_eq!(labels(&s), ["CNA"]);
        let k = Known::new(&Gazetteer::from_str("test.txt", GAZ).unwrap());
        assert!(k.contains("KIM JONG-UN") && k.contains("Kim Jongun") && !k.contains("Kim"));
        assert!(!k.contains("Kim Chang Son"));
    }

    #[test]
    fn min_count_and_limit() {
        let docs = [
            "Envoy Ilse Brandvold met envoy Tarek Osmani. Envoy Ilse Brandvold left.",
            "Envoy Ilse Brandvold returned.",
        ];
        let all = run(&docs);
        assert_eq!(labels(&all), ["Ilse Brandvold", "Tarek Osmani"]);
        let opts = SuggestOptions {
            min_count: 2,
            limit: None,
        };
        assert_eq!(labels(&run_with(GAZ, &docs, &opts)), ["Ilse Brandvold"]);
        let opts = SuggestOptions {
            min_count: 1,
            limit: Some(1),
        };
        assert_eq!(labels(&run_with(GAZ, &docs, &opts)), ["Ilse Brandvold"]);
        assert_eq!((all[0].documents, all[0].mentions), (2, 3));
    }

    #[test]
    fn ranking_is_documents_times_mentions_then_label() {
        let s = run(&[
            "Envoy Zoe Abara met envoy Yann Bisset. Envoy Yann Bisset spoke.",
            "Envoy Zoe Abara returned. Envoy Carl Cadwal stayed.",
        ]);
        assert_eq!(labels(&s), ["Zoe Abara", "Yann Bisset", "Carl Cadwal"]);
    }

    #[test]
    fn example_is_a_short_single_line() {
        let text = "In a long opening sentence\nthat wraps over   several lines and keeps going \
                    for a while, envoy Ilse Brandvold said the matter was closed, and then \
                    the sentence goes on and on for quite some time more.";
        let s = run(&[text]);
        let e = &s[0].example;
        assert!(e.contains("envoy Ilse Brandvold said"), "{e}");
        assert!(e.chars().count() <= SNIPPET_WIDTH + 6, "{e}");
        assert!(
            e.starts_with("...") && e.ends_with("...") && !e.contains('\n'),
            "{e}"
        );
        assert!(!e.contains("  "));
    }

    #[test]
    fn example_of_a_name_as_wide_as_the_snippet() {
        let text = "A spokesman for the Far Eastern Federal University School Of International \
                    Relations And Regional Studies Department said.";
        let s = run(&[text]);
        let name = "Far Eastern Federal University School Of International Relations And \
                    Regional Studies Department";
        let e = &find(&s, name).example;
        assert_eq!(*e, format!("...{name}..."));
        // The same with non-ASCII letters before and after the name.
        let text = format!("Ein Sprecher für die {name} sagte: «Ça va».");
        let s = run(&[text.as_str()]);
        assert!(find(&s, name).example.contains(name));
    }

    fn sample() -> Vec<Suggestion> {
        run(&[
            "Kremlin aide Yury Ushakov said the date was set. Ushakov added nothing. \
             Senator Rebecca Brown arrived. Brown said little. \
             Researchers at Bellwood Polytechnic Institute met in Dunmarrow. \
             Nobody expected the Glimmerstone affair to matter. \
             Official Kwon Jong Gun spoke. Kwon said no. Reporter Jason Kwon wrote it.",
            "Kremlin aide Yuri Ushakov said the talks would be short.",
        ])
    }

    #[test]
    fn text_output_loads_as_a_gazetteer() {
        let s = sample();
        assert!(s.iter().any(|s| s.kind.is_none()));
        assert!(s.iter().any(|s| !s.anchored.is_empty()));
        let mut out = Vec::new();
        write_text(&s, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let g =
            Gazetteer::from_str("suggested.txt", &text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        let typed: Vec<&Suggestion> = s.iter().filter(|s| s.kind.is_some()).collect();
        assert_eq!(g.len(), typed.len(), "{text}");
        for sug in typed {
            let e = g
                .entities()
                .iter()
                .find(|e| e.label == sug.label)
                .unwrap_or_else(|| panic!("{} missing:\n{text}", sug.label));
            assert_eq!(Some(e.kind.as_str()), sug.kind.as_deref());
            for a in &sug.anchored {
                assert!(e.aliases.iter().any(|x| &x.text == a && x.anchored), "{a}");
            }
            for a in &sug.aliases {
                assert!(e.aliases.iter().any(|x| &x.text == a && !x.anchored), "{a}");
            }
        }
        assert!(text.contains(
            "\n@type person\nYury Ushakov | Yuri Ushakov | Ushakov   # person (title `aide` before); \
             2 documents, 3 mentions; e.g. \"Kremlin aide Yury Ushakov said the date was set.\"\n"
        ), "{text}");
        assert!(
            text.contains("\n# Glimmerstone   # type unknown; 1 document, 1 mention;"),
            "{text}"
        );
        // And so does an empty list.
        let mut out = Vec::new();
        write_text(&[], &mut out).unwrap();
        Gazetteer::from_str("suggested.txt", std::str::from_utf8(&out).unwrap()).unwrap();
    }

    #[test]
    fn jsonl_output() {
        let s = sample();
        let mut out = Vec::new();
        write_jsonl(&s, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), s.len());
        let u = &lines[0];
        assert_eq!(u["label"], "Yury Ushakov");
        assert_eq!(u["type"], "person");
        assert_eq!(u["cue"], "title `aide` before");
        assert_eq!(u["aliases"], serde_json::json!(["Yuri Ushakov", "Ushakov"]));
        assert_eq!(u["anchored"], serde_json::json!([]));
        assert_eq!(
            (u["documents"].as_u64(), u["mentions"].as_u64()),
            (Some(2), Some(3))
        );
        assert!(u["example"].as_str().unwrap().contains("Yury Ushakov"));
        let g = lines.iter().find(|l| l["label"] == "Glimmerstone").unwrap();
        assert!(g["type"].is_null());
    }

    #[test]
    fn deterministic_and_order_independent_of_hashing() {
        let a = sample();
        for _ in 0..5 {
            assert_eq!(sample(), a);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        let g = Gazetteer::from_str("test.txt", GAZ).unwrap();
        let known = Known::new(&g);
        let texts = [
            "",
            " ",
            "ÉÉ Ångström Ørsted-Ça ÇA. «Élodie Ñuñez» dit: “Zoë d'Arcy’s”.",
            "Дмитрий Песков said. 北京 Beijing 東京. Ĳssel-Ŋorth O’Brien-",
            "U.S.A. J. R. Tolkien Mr. Dr. St. Kim's -- — – ‐ ‑ \u{2026} ...",
            "A\u{0301}b\u{0301} C\u{0301}d\u{0301} \u{FEFF}Zed Zed\r\nZed Zed\r\n",
            "al- al-Sham el- -Ramadi Rossiya-24 24-Rossiya X-based -based",
            "Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim Kim",
        ];
        let mut collector = Collector::new();
        for text in texts {
            let seg = segment(text);
            // Mentions at every char boundary pair, some out of range or reversed.
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let mut mentions = Vec::new();
            for (k, &a) in bounds.iter().enumerate().step_by(3) {
                let b = bounds.get(k + 2).copied().unwrap_or(text.len() + 5);
                mentions.push(Mention {
                    span: Span { start: a, end: b },
                    entity: (k % 7) as u32,
                    demonym: false,
                    resolved: false,
                    describes: None,
                });
            }
            mentions.push(Mention {
                span: Span { start: 3, end: 1 },
                entity: 999,
                demonym: false,
                resolved: false,
                describes: None,
            });
            collector.add(candidates(text, &seg, &mentions, &known));
            collector.add(candidates(text, &seg, &[], &known));
            // Segments that do not fit the text are skipped.
            let bad = Segments {
                paragraphs: vec![Span { start: 0, end: 999 }],
                sentences: vec![Span { start: 1, end: 999 }, Span { start: 5, end: 2 }],
                sentence_paragraph: vec![0, 0],
            };
            collector.add(candidates(text, &bad, &mentions, &known));
        }
        let s = collector.finish(&SuggestOptions::default());
        let mut out = Vec::new();
        write_text(&s, &mut out).unwrap();
        Gazetteer::from_str("suggested.txt", std::str::from_utf8(&out).unwrap()).unwrap();
        write_jsonl(&s, &mut Vec::new()).unwrap();
    }
}
