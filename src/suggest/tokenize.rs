//! The words of a sentence as suggest sees them: where each starts and ends, its shape
//! (capitalized, in capitals, lower case), how it is joined to the word before (space,
//! hyphen, comma, full stop), and whether its capital letter says anything (sentence-initial,
//! quoted, on a headline line or a line in capitals). Owns the tokenizer and the line kinds
//! only: which words make a name is `runs`'s, and character rules come from [`crate::text`].

use std::borrow::Cow;

use crate::model::Span;
use crate::text::acronym::{dotted_acronym_len, is_acronym};
use crate::text::chars::{is_apostrophe, is_hyphen, is_opening_quote, is_word_char};
use crate::text::words::is_function_word;

/// How a token is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Sep {
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
    /// An ampersand between spaces (`Procter & Gamble`).
    Amp,
}

/// What a word looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
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

/// The shape of a word (or of a name, by its first word).
pub(crate) fn shape_of(text: &str) -> Shape {
    // Most words start with an ASCII lower-case letter.
    if text.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return Shape::Lower;
    }
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
pub(crate) struct Tok<'a> {
    /// Where the word starts in the document, in bytes.
    pub(crate) start: usize,
    /// Where the word ends in the document, in bytes.
    pub(crate) end: usize,
    /// The word as written.
    pub(crate) text: &'a str,
    /// The word in lower case (borrowed when it is written so: most words are).
    pub(crate) lower: Cow<'a, str>,
    /// How it is joined to the word before.
    pub(crate) sep: Sep,
    /// What it looks like.
    pub(crate) shape: Shape,
    /// The first word of a sentence, of a quotation, after a colon, or any word of a
    /// headline line: its capital letter says nothing.
    pub(crate) uncertain: bool,
    /// On a line in capitals.
    pub(crate) capitals: bool,
    /// The index (in the sorted mention list) of a mention covering the word.
    pub(crate) mention: Option<usize>,
}

/// Marks after which a capital letter says nothing: opening quotes, a colon, bullets.
fn is_opening_mark(c: char) -> bool {
    is_opening_quote(c) || matches!(c, ':' | '\u{2022}' | '\u{00b7}' | '|')
}

/// A document in lower case, offset for offset, so that a word's lower case is a slice of
/// it: worked out once per document instead of once per word.
pub(crate) struct Lowered {
    /// The document, each character lowered when its lower case is one character of the
    /// same length (all of ASCII, Latin, Cyrillic), else kept as written.
    text: String,
    /// The offsets of the characters kept as written (`İ`, final `Σ`), ascending: a word
    /// holding one is lowered on its own.
    odd: Vec<usize>,
}

impl Lowered {
    /// `text` lowered.
    pub(crate) fn new(text: &str) -> Lowered {
        if text.is_ascii() {
            return Lowered {
                text: text.to_ascii_lowercase(),
                odd: Vec::new(),
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut odd = Vec::new();
        for (i, c) in text.char_indices() {
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                // Σ lowers to ς at the end of a word: `str::to_lowercase` decides.
                (Some(l), None) if l.len_utf8() == c.len_utf8() && c != 'Σ' => out.push(l),
                _ => {
                    odd.push(i);
                    out.push(c);
                }
            }
        }
        Lowered { text: out, odd }
    }

    /// The lower case of `text[start..end]` (`text` is the document lowered).
    fn word<'a>(&'a self, text: &'a str, start: usize, end: usize) -> Cow<'a, str> {
        let k = self.odd.partition_point(|&o| o < start);
        if self.odd.get(k).is_some_and(|&o| o < end) {
            Cow::Owned(text[start..end].to_lowercase())
        } else {
            Cow::Borrowed(&self.text[start..end])
        }
    }
}

/// The words of sentence `sentence` of document `text` (lowered as `lowered`), into `out`
/// (cleared first). A possessive `'s` is not part of a word and breaks the run after it.
pub(crate) fn tokenize_into<'a>(
    text: &'a str,
    lowered: &'a Lowered,
    sentence: Span,
    out: &mut Vec<Tok<'a>>,
) {
    out.clear();
    let base = sentence.start();
    let sentence = &text[sentence.range()];
    let bytes = sentence.as_bytes();
    let mut i = 0;
    let mut prev_end = 0;
    while i < sentence.len() {
        let b = bytes[i];
        let c = if b < 0x80 {
            b as char
        } else {
            let Some(c) = sentence[i..].chars().next() else {
                break;
            };
            c
        };
        if !is_word_char(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let WordEnd { end, skip_to } = word_end(sentence, start);
        let word = &sentence[start..end];
        let gap = &sentence[prev_end..start];
        // A possessive written apart, as tokenized text has it (`DeShields 's triple`), is
        // the previous word's: no word of its own, and the next word's gap holds it.
        if word == "s" && !out.is_empty() && is_spaced_apostrophe(gap) {
            i = end;
            continue;
        }
        // Most words follow one space: joined, no quotation opened.
        let space = gap == " ";
        let sep = if out.is_empty() {
            Sep::Break
        } else if space {
            Sep::Space
        } else {
            sep_of(gap)
        };
        out.push(Tok {
            start: base + start,
            end: base + end,
            text: word,
            lower: lowered.word(text, base + start, base + end),
            sep,
            shape: shape_of(word),
            uncertain: out.is_empty() || (!space && opens_quote(gap)),
            capitals: false,
            mention: None,
        });
        i = skip_to.unwrap_or(end);
        prev_end = if skip_to.is_some() { end } else { i };
    }
}

/// Whether `gap` is whitespace and one apostrophe: the `'` of a possessive `'s` written
/// apart from its word.
fn is_spaced_apostrophe(gap: &str) -> bool {
    let mut rest = gap.trim_start().chars();
    gap.starts_with(char::is_whitespace)
        && rest.next().is_some_and(is_apostrophe)
        && rest.next().is_none()
}

/// Whether the text before a word opens a quotation or follows a colon: then its capital
/// says nothing. A straight quote opens only after a space (`," Kim said` closes one).
fn opens_quote(gap: &str) -> bool {
    let g = gap.trim_end();
    match g.chars().next_back() {
        Some(q @ ('"' | '\'')) => g[..g.len() - q.len_utf8()]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || c == '(' || c == '['),
        Some(c) => is_opening_mark(c),
        None => false,
    }
}

/// Where a word ends, in bytes of its sentence.
struct WordEnd {
    /// The end of the word.
    end: usize,
    /// After a possessive `'s`: the end of the `'s`, where the search for the next word
    /// goes on.
    skip_to: Option<usize>,
}

/// Where the word starting at byte `start` of `sentence` ends.
fn word_end(sentence: &str, start: usize) -> WordEnd {
    let plain = |end| WordEnd { end, skip_to: None };
    if let Some(n) = dotted_acronym_len(&sentence.as_bytes()[start..]) {
        return plain(start + n);
    }
    let bytes = sentence.as_bytes();
    let mut end = start;
    loop {
        while let Some(&b) = bytes.get(end) {
            if b < 0x80 {
                if !(b.is_ascii_alphanumeric() || b == b'_') {
                    break;
                }
                end += 1;
            } else {
                match sentence[end..].chars().next() {
                    Some(c) if is_word_char(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        // An apostrophe inside a word: `O'Brien` goes on, `Kim's` stops.
        let Some(a) = sentence[end..].chars().next().filter(|&c| is_apostrophe(c)) else {
            return plain(end);
        };
        let after = end + a.len_utf8();
        let run: usize = sentence[after..]
            .chars()
            .take_while(|&c| is_word_char(c))
            .map(char::len_utf8)
            .sum();
        if run == 0 {
            return plain(end);
        }
        if matches!(&sentence[after..after + run], "s" | "S") {
            return WordEnd {
                end,
                skip_to: Some(after + run),
            };
        }
        end = after + run;
    }
}

/// How the text between two words joins them.
fn sep_of(gap: &str) -> Sep {
    let mut chars = gap.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Sep::Break,
        (Some(c), None) if is_hyphen(c) => Sep::Hyphen,
        _ if gap == " & " => Sep::Amp,
        _ if gap.chars().all(char::is_whitespace) => Sep::Space,
        (Some(','), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Comma,
        // A comma written apart, as tokenized text has it (`Yandarbiyev , president`).
        _ if gap.trim_start().strip_prefix(',').is_some_and(|rest| {
            rest.starts_with(char::is_whitespace) && rest.trim().is_empty()
        }) =>
        {
            Sep::Comma
        }
        (Some('.'), Some(w)) if w.is_whitespace() && gap[1..].trim().is_empty() => Sep::Dot,
        _ => Sep::Break,
    }
}

/// How a line of text reads: a headline-like line (no final punctuation, most words
/// capitalized: a headline, a caption, a menu item) or a line in capitals (`PUTIN MEETS
/// KIM`). On such lines a capital letter says nothing about which words are names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Ordinary text.
    Prose,
    /// No final punctuation, most words capitalized.
    Headline,
    /// Most words in capitals.
    Capitals,
}

/// The word counts of a line that decide its kind.
#[derive(Debug, Default)]
struct LineCounts {
    /// Words with a letter (lower-case function words left out when asked).
    words: usize,
    /// Of those, words whose first letter is not lower case.
    caps: usize,
    /// Of those, words of two letters or more.
    long: usize,
    /// Of those, words all in capitals.
    upper: usize,
    /// Lower-case words of two letters or more counted.
    lower_long: usize,
}

impl LineCounts {
    /// Counts a word of `letters` letters, whose first letter is lower case or not, all in
    /// capitals or not.
    fn add_word(&mut self, letters: usize, is_lower: bool, all_upper: bool) {
        self.words += 1;
        if !is_lower {
            self.caps += 1;
        }
        if letters >= 2 {
            self.long += 1;
            if is_lower {
                self.lower_long += 1;
            }
            if all_upper {
                self.upper += 1;
            }
        }
    }
}

/// The counts of `line`, lower-case function words left out when `skip_function_words`.
fn line_counts(line: &str, skip_function_words: bool) -> LineCounts {
    if line.is_ascii() {
        return if skip_function_words {
            ascii_line_counts_skipping(line.as_bytes())
        } else {
            ascii_line_counts(line.as_bytes())
        };
    }
    let mut n = LineCounts::default();
    for raw in line.split_whitespace() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let (letters, first, all_upper) = if w.is_ascii() {
            let b = w.as_bytes();
            let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
            let first = b
                .iter()
                .find(|c| c.is_ascii_alphabetic())
                .map(|&c| c as char);
            let all_upper = !b.iter().any(u8::is_ascii_lowercase);
            (letters, first, all_upper)
        } else {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let first = w.chars().find(|c| c.is_alphabetic());
            let all_upper = w
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase);
            (letters, first, all_upper)
        };
        if letters == 0 {
            continue;
        }
        let is_lower = first.is_some_and(char::is_lowercase);
        if is_lower && skip_function_words {
            let function = if w.chars().any(char::is_uppercase) {
                is_function_word(&w.to_lowercase())
            } else {
                is_function_word(w)
            };
            if function {
                continue;
            }
        }
        n.add_word(letters, is_lower, all_upper);
    }
    n
}

/// [`line_counts`] of an ASCII line with every word counted, in one pass over its bytes.
fn ascii_line_counts(line: &[u8]) -> LineCounts {
    let mut n = LineCounts::default();
    // The word being read: its letters, whether its first letter is lower case, whether
    // it has a lower-case letter.
    let (mut letters, mut first_lower, mut any_lower) = (0usize, false, false);
    let mut end_word = |letters: usize, first_lower: bool, any_lower: bool| {
        if letters > 0 {
            n.add_word(letters, first_lower, !any_lower);
        }
    };
    for &b in line {
        // `char::is_whitespace` on ASCII: tab to carriage return, and space.
        if matches!(b, b'\t'..=b'\r' | b' ') {
            end_word(letters, first_lower, any_lower);
            (letters, first_lower, any_lower) = (0, false, false);
        } else if b.is_ascii_alphabetic() {
            let lower = b.is_ascii_lowercase();
            if letters == 0 {
                first_lower = lower;
            }
            letters += 1;
            any_lower |= lower;
        }
    }
    end_word(letters, first_lower, any_lower);
    n
}

/// [`line_counts`] of an ASCII line with lower-case function words left out: the same
/// words (split at whitespace, trimmed of what is not a letter or digit), read by bytes.
fn ascii_line_counts_skipping(line: &[u8]) -> LineCounts {
    let mut n = LineCounts::default();
    // A function word is short: a longer word is never one.
    let mut folded = [0u8; 24];
    for raw in line.split(|b| matches!(b, b'\t'..=b'\r' | b' ')) {
        let Some(a) = raw.iter().position(u8::is_ascii_alphanumeric) else {
            continue;
        };
        let b = raw.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(a);
        let w = &raw[a..=b];
        let letters = w.iter().filter(|c| c.is_ascii_alphabetic()).count();
        if letters == 0 {
            continue;
        }
        let is_lower = w
            .iter()
            .find(|c| c.is_ascii_alphabetic())
            .is_some_and(u8::is_ascii_lowercase);
        let all_upper = !w.iter().any(u8::is_ascii_lowercase);
        if is_lower && w.len() <= folded.len() {
            let f = &mut folded[..w.len()];
            f.copy_from_slice(w);
            f.make_ascii_lowercase();
            // ASCII bytes are UTF-8.
            if std::str::from_utf8(f).is_ok_and(is_function_word) {
                continue;
            }
        }
        n.add_word(letters, is_lower, all_upper);
    }
    n
}

/// How many times two ASCII capitals stand side by side in `line` (`KCNA` counts 3), up
/// to 2: only whether there are two matters.
fn upper_pairs(line: &[u8]) -> usize {
    let mut pairs = 0;
    let mut prev = false;
    for &b in line {
        let up = b.is_ascii_uppercase();
        if prev && up {
            pairs += 1;
            if pairs == 2 {
                break;
            }
        }
        prev = up;
    }
    pairs
}

/// How one line of text reads.
fn line_kind(line: &str) -> LineKind {
    let last = line
        .trim_end()
        .trim_end_matches(['"', '\'', ')', '\u{201d}', '\u{2019}'])
        .chars()
        .next_back();
    let punctuated = last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '\u{2026}' | ';' | ','))
        || [". ", "? ", "! "].iter().any(|p| line.contains(p));
    // Most lines are prose: punctuated, and without two words in capitals, which a line in
    // capitals needs (two ASCII capitals side by side in each).
    if punctuated && line.is_ascii() {
        let pairs = upper_pairs(line.as_bytes());
        if pairs < 2 {
            return LineKind::Prose;
        }
    }
    // Counted without asking which lower-case words are function words (a lookup each),
    // the counts bound the true ones: leaving those words out can only lower `words`
    // and `long`, by at most the lower-case words. Most lines are decided so.
    let all = line_counts(line, false);
    let mut exact: Option<LineCounts> = None;
    let capitals_possible = all.upper >= 2 && all.upper * 4 >= (all.long - all.lower_long) * 3;
    if capitals_possible {
        let n = exact.get_or_insert_with(|| line_counts(line, true));
        if n.long >= 2 && n.upper * 4 >= n.long * 3 {
            return LineKind::Capitals;
        }
    }
    if punctuated {
        return LineKind::Prose;
    }
    // `words` lies between `caps` (capitalized words are never left out) and the count
    // with every word: fewer than two capitalized words never make a headline, and enough
    // of them make one whatever is left out.
    if all.caps < 2 {
        return LineKind::Prose;
    }
    if all.caps * 4 >= all.words * 3 {
        return LineKind::Headline;
    }
    let n = exact.get_or_insert_with(|| line_counts(line, true));
    if n.words >= 2 && n.caps * 4 >= n.words * 3 {
        LineKind::Headline
    } else {
        LineKind::Prose
    }
}

/// The kinds of a document's text lines, each worked out once, when a word on it first asks.
///
/// The line starts are found in one pass over the document, so the kind of the line holding
/// an offset costs a binary search however long the line is (a document on one line of
/// megabytes is as cheap per word as one with line breaks).
pub(crate) struct LineKinds<'a> {
    text: &'a str,
    /// The byte offset where each line starts, ascending; the first is 0.
    starts: Vec<usize>,
    /// The kind of each line, once asked for.
    kinds: Vec<Option<LineKind>>,
    /// The line last asked about (words are asked about in text order).
    last: usize,
}

impl<'a> LineKinds<'a> {
    /// The lines of `text`, none of their kinds worked out yet.
    pub(crate) fn new(text: &'a str) -> LineKinds<'a> {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|k| k + 1))
            .collect();
        let kinds = vec![None; starts.len()];
        LineKinds {
            text,
            starts,
            kinds,
            last: 0,
        }
    }

    /// The kind of the line holding byte `offset`.
    pub(crate) fn at(&mut self, offset: usize) -> LineKind {
        let holds = |line: usize| {
            self.starts[line] <= offset && self.starts.get(line + 1).is_none_or(|&n| offset < n)
        };
        // The line asked about last, or the next one; else a search.
        let line = if holds(self.last) {
            self.last
        } else if self.last + 1 < self.starts.len() && holds(self.last + 1) {
            self.last + 1
        } else {
            self.starts
                .partition_point(|&s| s <= offset)
                .saturating_sub(1)
        };
        self.last = line;
        if let Some(kind) = self.kinds[line] {
            return kind;
        }
        let start = self.starts[line];
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |&next| next - 1);
        let kind = line_kind(&self.text[start..end]);
        self.kinds[line] = Some(kind);
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lowered_document_gives_each_word_its_lower_case() {
        let text = "İSTANBUL and ΟΔΥΣΣΕΥΣ ΚΑΙ ΣΑΣ met Ærøskøbing's MAYOR in São Paulo";
        let lowered = Lowered::new(text);
        let mut toks = Vec::new();
        tokenize_into(text, &lowered, Span::new(0, text.len()), &mut toks);
        assert!(toks.len() >= 8);
        for t in &toks {
            assert_eq!(t.lower, t.text.to_lowercase(), "{}", t.text);
        }
        // İ (whose lower case is two characters) and Σ (final or not, by position) are
        // lowered with their word.
        assert_eq!(lowered.odd.len(), 1 + text.matches('Σ').count());
    }

    #[test]
    fn the_ascii_line_count_agrees_with_the_general_one() {
        for line in [
            "PUTIN MEETS KIM IN VLADIVOSTOK",
            "Putin meets Kim -- a summit in the Far East",
            "  leading and trailing\tspaces, 2019, U.S.-led talks (CNA) ",
            "To be, or not to be: that is the question",
            "...",
            "",
            "a b c D E F gh IJ kl-MN o'Neil",
            "Enter HAMLET and HORATIO, with the Queen -- and THE (of) Of 'the' AND",
            "a-the the-a 'And' ...and... x1 of9 THE.",
        ] {
            let fast = ascii_line_counts(line.as_bytes());
            // The general path, with every word counted, on the same line written with a
            // non-ASCII space at its end (which changes no word).
            let n = line_counts(&format!("{line}\u{2003}"), false);
            let skipping = ascii_line_counts_skipping(line.as_bytes());
            let m = line_counts(&format!("{line}\u{2003}"), true);
            assert_eq!(
                (
                    skipping.words,
                    skipping.caps,
                    skipping.long,
                    skipping.upper,
                    skipping.lower_long
                ),
                (m.words, m.caps, m.long, m.upper, m.lower_long),
                "{line:?}"
            );
            assert_eq!(
                (
                    fast.words,
                    fast.caps,
                    fast.long,
                    fast.upper,
                    fast.lower_long
                ),
                (n.words, n.caps, n.long, n.upper, n.lower_long),
                "{line:?}"
            );
        }
    }

    #[test]
    fn function_words_fit_the_byte_path_s_buffer() {
        let words = include_str!("../../data/function-words.txt");
        for w in words.lines().map(str::trim) {
            if !w.is_empty() && !w.starts_with('#') {
                assert!(w.len() < 24, "{w}");
            }
        }
    }

    #[test]
    fn line_kinds_of_prose_headlines_and_capitals() {
        assert_eq!(
            line_kind("PUTIN MEETS KIM IN VLADIVOSTOK"),
            LineKind::Capitals
        );
        assert_eq!(
            line_kind("Putin Meets Kim in Vladivostok"),
            LineKind::Headline
        );
        assert_eq!(
            line_kind("Putin met Kim in Vladivostok. They talked for hours."),
            LineKind::Prose
        );
        // Punctuated, but most words in capitals.
        assert_eq!(line_kind("KIM AND PUTIN HOLD TALKS."), LineKind::Capitals);
        // Acronyms in prose.
        assert_eq!(
            line_kind("The KCNA and the BBC reported it, as did NHK."),
            LineKind::Prose
        );
    }
}
