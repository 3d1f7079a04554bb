//! Selection: from an engine's raw hits to candidate spans, by the boundary rule, the
//! paragraph rule (no match across a blank line), the contraction rule (no match before
//! `'t`: `Don't`), the case rule, and leftmost-longest without overlaps (a longer hit that
//! fails a rule never hides a shorter one that passes).
//!
//! Owns those rules and the mapping of hits back to the original text. Choosing among
//! a span's senses belongs to [`super::senses`]; must not touch evidence, anchoring or
//! descriptions.

use super::compile::{CaseCheck, PatternRecord, MULTI_WORD};
use super::engine::Hit;
use super::explain::{note, Outcome, Trace};
use super::senses::{Candidate, Senses};
use super::Matcher;
use crate::model::Span;
use crate::segment::has_paragraph_break;
use crate::text::chars::{is_apostrophe, is_separator, is_word_char};
use crate::text::normalize::{is_normalized, normalize, OffsetMap};

/// Whether the character before byte `i` of `s` is a word character (the boundary rule).
pub(crate) fn word_char_before(s: &str, i: usize) -> bool {
    s[..i].chars().next_back().is_some_and(is_word_char)
}

/// Whether the character at byte `i` of `s` is a word character (the boundary rule).
pub(crate) fn word_char_at(s: &str, i: usize) -> bool {
    s[i..].chars().next().is_some_and(is_word_char)
}

/// Whether `original`, the text a hit covers, passes the case check of `r`.
fn case_ok(r: &PatternRecord, original: &str) -> bool {
    match r.check {
        CaseCheck::None => true,
        // A two-letter name in capitals is a word or a code (`XI`, `LI`), not `Xi` or `Li`.
        CaseCheck::FirstUpper if original.len() <= 2 => {
            original.chars().next().is_some_and(char::is_uppercase)
                && !original.chars().all(char::is_uppercase)
        }
        CaseCheck::FirstUpper => {
            !original.chars().next().is_some_and(char::is_lowercase)
                && (r.caps & !MULTI_WORD <= 1 || later_caps_ok(r.caps, original))
        }
        CaseCheck::Exact if is_normalized(original) => original == &*r.cased,
        CaseCheck::Exact => normalize(original, false) == *r.cased,
    }
}

/// Whether every later word the alias capitalizes (`caps`, see
/// [`PatternRecord::caps`]) is capitalized in `original` too, unless a hyphen joins it to
/// the word before (`Kim Jong-un` for `Kim Jong Un`).
fn later_caps_ok(caps: u8, original: &str) -> bool {
    if original.is_ascii() {
        // Bytes, for the usual ASCII name: a word after a space must keep its capital.
        let b = original.as_bytes();
        let mut word = 0u32;
        let mut spaced = false;
        for i in 1..b.len() {
            let (prev, c) = (b[i - 1], b[i]);
            let sep = |x: u8| x == b'-' || x.is_ascii_whitespace();
            if sep(c) {
                if !sep(prev) {
                    word += 1;
                    spaced = false;
                }
                spaced |= c != b'-';
            } else if sep(prev)
                && spaced
                && c.is_ascii_lowercase()
                && word < 7
                && caps & (1 << word) != 0
            {
                return false;
            }
        }
        return true;
    }
    let mut word = 0u32;
    let mut between = false;
    let mut spaced = false;
    for c in original.chars() {
        if is_separator(c) {
            if !between {
                word += 1;
                between = true;
                spaced = false;
            }
            spaced |= c.is_whitespace();
            continue;
        }
        if between {
            between = false;
            let wanted = word < 7 && caps & (1 << word) != 0;
            if wanted && spaced && c.is_lowercase() {
                return false;
            }
        }
    }
    true
}

/// Whether `s` has a dash with a space on each side (` - `, ` – `, ` — `): a break between
/// phrases, which normalization folds to a space like a hyphen.
fn spaced_dash(s: &str) -> bool {
    let b = s.as_bytes();
    // Names are short: a plain loop beats a search's setup.
    if !b.iter().any(|&c| c == b'-' || c == 0xe2) {
        return false;
    }
    memchr::memchr2_iter(b'-', 0xe2, b).any(|i| {
        let len = match b[i] {
            b'-' => 1,
            // U+2013 and U+2014: e2 80 93, e2 80 94.
            _ if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => 3,
            _ => return false,
        };
        i > 0 && b[i - 1] == b' ' && b.get(i + len) == Some(&b' ')
    })
}

/// The span in the original text of the normalized bytes `s..e`.
#[inline]
pub(crate) fn to_span(map: &OffsetMap, s: u32, e: u32) -> Span {
    Span::new(map.to_original(s as usize), map.to_original(e as usize))
}

/// Whether `rest` (the text after a match) opens with the `'t` of a contraction: an
/// apostrophe, `t`, then no word character.
fn before_contraction(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(is_apostrophe)
        && chars.next().is_some_and(|c| c == 't' || c == 'T')
        && chars.next().is_none_or(|c| !is_word_char(c))
}

/// The hits (already past the boundary rule) that pass the case rule, leftmost-longest
/// without overlaps, each with the senses whose case check it passes. `map` maps the
/// hits' normalized offsets back to `text`; `hits` is sorted in place. With `trace`, every
/// rejected hit is recorded with the rule that rejected it.
pub(crate) fn select(
    matcher: &Matcher,
    text: &str,
    map: &OffsetMap,
    hits: &mut [Hit],
    mut trace: Option<&mut Vec<Trace>>,
) -> Vec<Candidate> {
    // Leftmost first, then longest first.
    hits.sort_unstable_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Candidate> = Vec::with_capacity(hits.len());
    let mut last_end = 0u32;
    for h in hits.iter() {
        let span = to_span(map, h.start, h.end);
        if h.start < last_end {
            note(trace.as_deref_mut(), span, h.pattern, || {
                Outcome::Overlap(out.last().map(|c| c.span).unwrap_or_default())
            });
            continue;
        }
        let original = &text[span.range()];
        // A name does not run across a blank line (`Kim Jong` ending one paragraph and `Un`
        // starting the next); a single line break inside it is wrapped text.
        if memchr::memchr(b'\n', original.as_bytes()).is_some() && has_paragraph_break(original) {
            note(trace.as_deref_mut(), span, h.pattern, || Outcome::Paragraph);
            continue;
        }
        // One word has no dash inside; the records of a pattern agree on its words.
        let multi = matcher
            .records(h.pattern)
            .first()
            .is_some_and(|r| r.caps & MULTI_WORD != 0);
        if multi && spaced_dash(original) {
            note(trace.as_deref_mut(), span, h.pattern, || Outcome::Dash);
            continue;
        }
        // `Don't`, `Won't`: a verb and `not`, whatever a gazetteer says of `Don` or `Won`.
        if before_contraction(&text[span.end()..]) {
            note(trace.as_deref_mut(), span, h.pattern, || {
                Outcome::Contraction
            });
            continue;
        }
        let mut senses = Senses::new();
        for r in matcher.records(h.pattern) {
            if case_ok(r, original) {
                super::senses::add(&mut senses, r);
            }
        }
        if senses.is_empty() {
            note(trace.as_deref_mut(), span, h.pattern, || Outcome::Case);
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
