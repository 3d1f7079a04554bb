//! Runs of name words in a sentence: which words can be part of a name (capitalized words,
//! acronyms, hyphenated parts, particles, person and place mentions that belong to a longer
//! name), which lower-case connectors may join them, where a run is cut at a known mention,
//! and which stretches of a run are written like a known name. Owns the run rules only:
//! tokens come from `tokenize`, the cues around a run from `cues`, and nothing here looks
//! beyond the document.

use crate::model::{EntityId, Span};
use crate::text::abbrev::is_name_abbreviation;
use crate::text::words::{
    is_calendar_word, is_common_word, is_function_word, is_given_name, is_org_head,
};

use super::known::Known;
use super::lexicon::{
    is_head, is_korean_syllable, is_ordinary, is_participle, is_title, CONNECTORS, ORG_CONNECTORS,
    TIME_ZONES,
};
use super::tokenize::{Sep, Shape, Tok};

/// Runs of this many capitalized words or more (tables, title-case blocks) are no names.
pub(crate) const MAX_RUN_WORDS: usize = 32;

/// The longest candidate, in words, checked against the known names.
const MAX_KNOWN_WORDS: usize = 8;

/// Combining forms of peoples and places, lower case, which open hyphenated adjectives
/// (`Anglo-Dutch`, `Sino-Japanese`, `Euro-sceptic`).
const COMBINING_FORMS: [&str; 14] = [
    "afro", "anglo", "austro", "euro", "franco", "graeco", "greco", "hispano", "indo", "italo",
    "judeo", "russo", "serbo", "sino",
];

/// A mention the matcher found, as the runs see it: where it is and whose it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct MentionSpan {
    /// Where the mention is in the document.
    pub(crate) span: Span,
    /// The entity it names.
    pub(crate) entity: EntityId,
}

/// A run of name words: an inclusive range of tokens of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TokRun {
    /// The first token of the run.
    pub(crate) first: usize,
    /// The last token of the run (inclusive).
    pub(crate) last: usize,
}

/// Whether token `i` can be a word of a name, given whether a name is already open
/// before it.
fn is_part(toks: &[Tok<'_>], i: usize, open: bool, spans: &[MentionSpan], known: &Known) -> bool {
    let t = &toks[i];
    if let Some(m) = t.mention {
        return absorbable(toks, i, open, spans[m], known);
    }
    // The cheap tests first: most words are lower case and join nothing.
    let part = match t.shape {
        // `Anglo-Dutch`, `Franco-German`, `Euro-sceptic`: a combining form makes an
        // adjective of the word it is hyphenated to, unless a name goes on after it
        // (`Anglo-Irish Agreement`).
        Shape::Cap => {
            !(COMBINING_FORMS.contains(&t.lower.as_ref())
                && toks.get(i + 1).is_some_and(|n| n.sep == Sep::Hyphen)
                && !(toks.get(i + 1).is_some_and(|n| n.shape == Shape::Cap)
                    && toks
                        .get(i + 2)
                        .is_some_and(|n| n.sep == Sep::Space && n.shape == Shape::Cap)))
        }
        Shape::Upper => !TIME_ZONES.contains(&t.lower),
        Shape::Digit => open && t.sep == Sep::Hyphen,
        Shape::Lower => {
            // `Jong-un`, `In-chul`: a lower-case part hyphenated to a capitalized one.
            let hyphen_part = open
                && t.sep == Sep::Hyphen
                && toks[i - 1].shape == Shape::Cap
                && t.text.chars().all(char::is_alphabetic)
                && !is_function_word(&t.lower)
                && !is_common_word(&t.lower)
                && !is_participle(&t.lower);
            if open && t.sep == Sep::Hyphen && korean_given_name(toks, i) {
                // `Ban Ki-moon`, `Park Min-jun`: an English word or a month's abbreviation
                // as a syllable of a Korean given name.
                return true;
            }
            // `al-Assad`: a particle hyphenated to a capitalized word.
            let particle = || {
                toks.get(i + 1)
                    .is_some_and(|n| n.sep == Sep::Hyphen && n.shape == Shape::Cap)
                    && CONNECTORS.contains(&t.lower.as_ref())
            };
            hyphen_part || particle()
        }
        Shape::Other => false,
    };
    part && !is_calendar_word(&t.lower)
}

/// Whether lower-case token `i`, hyphenated to the capitalized token before it, ends a
/// Korean given name of two syllables after a surname (`Ban Ki-moon`, `Park Min-jun`;
/// not `Hong Kong-born`, `New York-style`): both syllables romanized Korean ones of four
/// letters or fewer, after a short capitalized word (surnames are romanized otherwise too:
/// `Park`, `Choi`, `Roh`).
fn korean_given_name(toks: &[Tok<'_>], i: usize) -> bool {
    let syllable = |t: &Tok<'_>| t.lower.len() <= 4 && is_korean_syllable(&t.lower);
    i >= 2
        && toks[i - 1].shape == Shape::Cap
        && toks[i - 1].sep == Sep::Space
        && toks[i - 2].shape == Shape::Cap
        && syllable(&toks[i])
        && syllable(&toks[i - 1])
        && toks[i - 2].lower.len() <= 5
}

/// A one-word mention of a person next to capitalized words that are not mentions is a
/// word of a longer name: `Kim` of `Kim Chang Son`, `Putin` of a misspelt `Vladmir Putin`;
/// so is a one-word place that starts an organization's name (`Arctic Fisheries Council`).
fn absorbable(
    toks: &[Tok<'_>],
    i: usize,
    open: bool,
    MentionSpan { span, entity }: MentionSpan,
    known: &Known,
) -> bool {
    let t = &toks[i];
    if span.start() != t.start || span.end() != t.end {
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
            && !is_calendar_word(&n.lower)
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
    let w = t.lower.as_ref();
    if w == "the" {
        return toks[i - 1].shape == Shape::Lower;
    }
    if CONNECTORS.contains(&w) {
        return true;
    }
    if !ORG_CONNECTORS.contains(&w) {
        return false;
    }
    // A person's name after `and` is another name (`the University of California and Dan
    // Gillmor`), as after an ampersand.
    if w == "and" && full_name_at(toks, i + 1) {
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
        if t.shape == Shape::Lower && !CONNECTORS.contains(&t.lower.as_ref()) && t.lower != "the" {
            break;
        }
    }
    false
}

/// Whether token `j`, after ` & `, continues the name that starts at token `i`: a firm's
/// (`Douglas & Lomason`, `Bear Stearns & Co`, `Pew Internet & American Life`), not two
/// people (`Matt Lucas & David Walliams`, `Richard & Judy`) nor letters (`R & B`).
fn amp_joins(toks: &[Tok<'_>], i: usize, j: usize) -> bool {
    let (left, right) = (&toks[j - 1], &toks[j]);
    let word = |t: &Tok<'_>| {
        t.mention.is_none()
            && matches!(t.shape, Shape::Cap | Shape::Upper)
            && t.text.chars().count() >= 2
    };
    let full_name_after = full_name_at(toks, j);
    let two_given = j - 1 == i && is_given_name(&left.lower) && is_given_name(&right.lower);
    word(left) && word(right) && !full_name_after && !two_given
}

/// Whether a person's full name starts at token `j`: a listed given name, then a
/// capitalized word.
fn full_name_at(toks: &[Tok<'_>], j: usize) -> bool {
    toks.get(j).is_some_and(|t| is_given_name(&t.lower))
        && toks
            .get(j + 1)
            .is_some_and(|n| n.sep == Sep::Space && n.shape == Shape::Cap)
}

/// Whether token `i` (joined to the one before by a full stop) continues a name: after an
/// initial (`J.`) or an abbreviated title (`Mr.`).
fn dot_joins(toks: &[Tok<'_>], i: usize) -> bool {
    let p = &toks[i - 1];
    (p.shape == Shape::Cap && p.text.chars().count() == 1) || is_name_abbreviation(&p.lower)
}

/// The runs of name words of a sentence, in order; `spans` are the document's mentions,
/// sorted.
pub(crate) fn runs(toks: &[Tok<'_>], spans: &[MentionSpan], known: &Known) -> Vec<TokRun> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // An uncertain capitalized function word (`The`, `By`, `In` of a headline) never
        // starts a name, unless it is an initial (`A. Brelton`, `I. Dunmore`).
        let t = &toks[i];
        let initial = toks.get(i + 1).is_some_and(|n| n.sep == Sep::Dot) && dot_joins(toks, i + 1);
        let starts = is_part(toks, i, false, spans, known)
            && (t.shape != Shape::Lower || CONNECTORS.contains(&t.lower.as_ref()))
            && !(t.uncertain && t.mention.is_none() && is_function_word(&t.lower) && !initial);
        if !starts {
            i += 1;
            continue;
        }
        let last = run_last(toks, i, spans, known);
        out.push(TokRun { first: i, last });
        i = last + 1;
    }
    out
}

/// Joins runs across one or two lower-case connectors when an acronym in brackets after
/// them spells their initials (`State Law and Order Restoration Council ( SLORC )`,
/// `Guangdong Post and Telecommunications Administration (GPTA)`): the definition says the
/// words make one name, where `and` alone would end it.
// Out of line: most runs fail its first test, and inlined into the per-sentence loop it
// slows the tokenizer there (callgrind, `build --discover` on the bench slice).
#[inline(never)]
pub(crate) fn join_defined(text: &str, toks: &[Tok<'_>], runs: &mut Vec<TokRun>) {
    let mut i = 0;
    while i < runs.len() {
        let last = runs[i].last;
        if let Some(acronym) = defined_acronym(text, toks, last) {
            // The earliest run that the connectors join to this one and whose words from
            // there on the acronym spells.
            let mut joined = None;
            let mut k = i;
            // Each word that is no connector gives a letter: no longer stretch can fit.
            let mut words = toks[runs[i].first..=last]
                .iter()
                .filter(|t| !optional(t))
                .count();
            while k > 0 && bridged(toks, runs[k - 1], runs[k]) {
                k -= 1;
                words += toks[runs[k].first..=runs[k].last]
                    .iter()
                    .filter(|t| !optional(t))
                    .count();
                if words > acronym.len() {
                    break;
                }
                if spells(&acronym, &toks[runs[k].first..=last]) {
                    joined = Some(k);
                }
            }
            if let Some(k) = joined {
                let first = runs[k].first;
                runs.drain(k..i);
                runs[k] = TokRun { first, last };
                i = k;
            }
        }
        i += 1;
    }
}

/// The letters of an acronym in brackets right after token `last` (`( SLORC )`, `(GPTA)`),
/// three or more.
fn defined_acronym(text: &str, toks: &[Tok<'_>], last: usize) -> Option<Vec<char>> {
    let acronym = toks.get(last + 1).filter(|t| t.shape == Shape::Upper)?;
    let opened = text.get(toks[last].end..acronym.start)?.trim() == "(";
    let closed = text.get(acronym.end..)?.trim_start().starts_with(')');
    let letters: Vec<char> = acronym.text.chars().filter(|c| c.is_alphabetic()).collect();
    (opened && closed && letters.len() >= 3).then_some(letters)
}

/// Whether one or two lower-case connectors (`and`, `of the`) and nothing else stand
/// between runs `a` and `b`.
fn bridged(toks: &[Tok<'_>], a: TokRun, b: TokRun) -> bool {
    let gap = &toks[a.last + 1..b.first];
    (1..=2).contains(&gap.len())
        && toks[b.first].sep == Sep::Space
        && gap.iter().all(|t| {
            t.sep == Sep::Space
                && t.shape == Shape::Lower
                && t.mention.is_none()
                && (CONNECTORS.contains(t.lower.as_ref())
                    || ORG_CONNECTORS.contains(t.lower.as_ref())
                    || matches!(t.lower.as_ref(), "in" | "the"))
        })
}

/// Whether a word may give its first letter to an acronym or none: a lower-case word or a
/// hyphenated part.
fn optional(w: &Tok<'_>) -> bool {
    w.shape == Shape::Lower || w.sep == Sep::Hyphen
}

/// Whether `letters` are the initials of `words`: each capitalized word gives its first
/// letter (an acronym its letters, `U.N.` two), and an [`optional`] word its first letter or
/// nothing. Worked out letter by letter for all the words at once, so that many optional
/// words cost no more than their number.
fn spells(letters: &[char], words: &[Tok<'_>]) -> bool {
    // `spelt[j]`: the words so far can give exactly the first `j` letters.
    let mut spelt = vec![false; letters.len() + 1];
    spelt[0] = true;
    for w in words {
        let own: smallvec::SmallVec<[char; 8]> = if w.shape == Shape::Upper {
            w.text.chars().filter(|c| c.is_alphabetic()).collect()
        } else {
            w.text
                .chars()
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect()
        };
        let mut next = if optional(w) {
            spelt.clone()
        } else {
            vec![false; letters.len() + 1]
        };
        for j in 0..letters.len() {
            if spelt[j] && letters[j..].starts_with(&own) {
                next[j + own.len()] = true;
            }
        }
        spelt = next;
    }
    spelt[letters.len()]
}

/// The last token of the run that starts at token `i`.
fn run_last(toks: &[Tok<'_>], i: usize, spans: &[MentionSpan], known: &Known) -> usize {
    let mut end = i;
    let mut j = i + 1;
    while j < toks.len() {
        let joined = match toks[j].sep {
            Sep::Space | Sep::Hyphen => true,
            Sep::Dot => dot_joins(toks, j),
            Sep::Amp => amp_joins(toks, i, j),
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
        // A person's name ends before `of` (`Jamie Graham of Total Film`, `Nacho Novo of
        // Rangers`): what follows is where the person works or plays.
        if toks[j].lower == "of" && person_so_far(&toks[i..j]) {
            break;
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
                .any(|t| ORG_CONNECTORS.contains(&t.lower.as_ref()))
                && toks[i..j].iter().any(|t| is_org_head(&t.lower))
                && names_own_thing(toks, k))
        {
            end = k;
            j = k + 1;
            continue;
        }
        break;
    }
    end
}

/// Whether the words of a run so far make a person's name, after any titles: a given name
/// and one or two more capitalized words, none of them a head word, a title or a connector,
/// nor an ordinary word after the given name (`Jamie Graham`, `Economist Joel Naroff`; not
/// `Joan`, `Bank`, `Duke`, `Maria Full` of `Maria Full of Grace`).
fn person_so_far(words: &[Tok<'_>]) -> bool {
    // After the titles before the name (`Economist Joel Naroff of First Union`).
    let titles = words
        .iter()
        .take_while(|t| t.shape == Shape::Cap && is_title(&t.lower))
        .count();
    let words = &words[titles..];
    (2..=3).contains(&words.len())
        && is_given_name(&words[0].lower)
        && words.iter().all(|t| {
            t.shape == Shape::Cap
                && t.mention.is_none()
                && !is_head(&t.lower)
                && !is_title(&t.lower)
        })
        && words[1..].iter().all(|t| !is_ordinary(&t.lower))
}

/// One word of a raw candidate.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct RawWord {
    /// The word as written.
    pub(crate) text: String,
    /// How it is joined to the word before (`Space` for the first word).
    pub(crate) sep: Sep,
    /// A lower-case connector (`of`, `de`).
    pub(crate) connector: bool,
    /// Its capital letter says nothing (sentence-initial, headline).
    pub(crate) uncertain: bool,
    /// A single-word mention of a person absorbed into a longer name (`Kim` of `Kim Chang
    /// Son`).
    pub(crate) mention: bool,
}

/// A word of a run as it is looked up: borrowed from the document, as [`RawWord`] keeps it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct WordView<'a> {
    pub(crate) text: &'a str,
    pub(crate) sep: Sep,
    pub(crate) connector: bool,
    pub(crate) uncertain: bool,
    pub(crate) mention: bool,
}

impl WordView<'_> {
    /// The word as a candidate keeps it.
    pub(crate) fn keep(self) -> RawWord {
        RawWord {
            text: self.text.to_string(),
            sep: self.sep,
            connector: self.connector,
            uncertain: self.uncertain,
            mention: self.mention,
        }
    }
}

/// The words of run `run`, borrowed.
pub(crate) fn word_views<'a>(
    toks: &[Tok<'a>],
    run: TokRun,
    spans: &[MentionSpan],
    known: &Known,
) -> smallvec::SmallVec<[WordView<'a>; 4]> {
    let TokRun { first: s, last: e } = run;
    (s..=e)
        .map(|i| {
            let t = &toks[i];
            let part = is_part(toks, i, i > s, spans, known);
            WordView {
                text: t.text,
                sep: if i == s { Sep::Space } else { t.sep },
                connector: !part,
                uncertain: t.uncertain,
                mention: t.mention.is_some(),
            }
        })
        .collect()
}

/// The text of words `a..b` as written (hyphens and abbreviation dots kept).
pub(crate) fn surface(words: &[RawWord], a: usize, b: usize) -> String {
    let mut out = String::new();
    for (k, w) in words[a..b].iter().enumerate() {
        if k > 0 {
            out.push_str(match w.sep {
                Sep::Hyphen => "-",
                Sep::Dot => ". ",
                Sep::Amp => " & ",
                _ => " ",
            });
        }
        out.push_str(&w.text);
    }
    out
}

/// A stretch `start..end` of a candidate's words (at most [`MAX_RUN_WORDS`] of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WordRange {
    /// The first word.
    pub(crate) start: u8,
    /// One past the last word.
    pub(crate) end: u8,
}

/// Words `a..b` with a compass initial spelled out (`N. Korea` → `North Korea`, `S.
/// Africa` → `South Africa`), when they start with one.
fn compass_spelled(words: &[RawWord], a: usize, b: usize) -> Option<String> {
    let compass = match words[a].text.as_str() {
        "N" => "North",
        "S" => "South",
        "E" => "East",
        "W" => "West",
        _ => return None,
    };
    (b - a >= 2 && words[a + 1].sep == Sep::Dot)
        .then(|| format!("{compass} {}", surface(words, a + 1, b)))
}

/// The stretches of `words` written like a known name (a compass initial spelled out).
pub(crate) fn known_ranges(words: &[RawWord], known: &Known) -> Vec<WordRange> {
    let n = words.len().min(MAX_RUN_WORDS);
    let mut out = Vec::new();
    for a in 0..n {
        for b in a + 1..=n.min(a + MAX_KNOWN_WORDS) {
            if words[a].connector || words[b - 1].connector {
                continue;
            }
            // A known name, or its plural (`Koreas`, `North Koreans`); not of a name of
            // three letters, whose `s` makes a surname as often (`Rios`, not `Rio`s).
            let name = surface(words, a, b);
            let singular = name
                .strip_suffix('s')
                .filter(|n| n.len() >= 4 && !n.ends_with('s'));
            if known.contains(&name)
                || singular.is_some_and(|n| known.contains(n))
                || compass_spelled(words, a, b).is_some_and(|n| known.contains(&n))
            {
                out.push(WordRange {
                    start: a as u8,
                    end: b as u8,
                });
            }
        }
    }
    out
}
